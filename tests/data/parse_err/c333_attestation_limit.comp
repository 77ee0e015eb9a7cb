# More exams in a study year than the standard allows (rows whose terms are written).
cycle ОП "Общепрофессиональный цикл" { role general_professional }
standard С "Стандарт" { weekly_load 36 h  term_weeks 17, 23  cycles ОП  max_exams_per_year 2 }
discipline ОП.01 "Инженерная графика" { term 1 { hours theory 36  attestation exam } }
discipline ОП.02 "Техническая механика" { term 2 { hours theory 36  attestation exam } }
discipline ОП.03 "Материаловедение" { term 2 { hours theory 36  attestation exam } }
discipline ОП.04 "Физическая культура" { term 2 { hours practice 36  attestation exam }  outside_limits }
program П "Программа" { standard С  disciplines ОП }
