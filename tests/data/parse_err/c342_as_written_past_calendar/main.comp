# The program's own calendar has two terms; ОП.02 is written in the fourth, whose weeks nobody gave.
standard С "Стандарт" { weekly_load 36 h  term_weeks 17, 23 }
discipline ОП.01 "Первая" { hours theory 30  term 1 { hours theory 30 } }
discipline ОП.02 "Вторая" { hours theory 30  term 4 { hours theory 30  attestation graded_credit } }
program П "Программа" { standard С  term_weeks 17, 23  disciplines ОП.01, ОП.02 }
