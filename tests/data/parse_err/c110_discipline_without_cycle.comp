# A discipline whose cycle is neither written nor named by its index.
cycle ОГСЭ "Общий гуманитарный и социально-экономический цикл" { role humanities }
standard С "Стандарт" { weekly_load 36 h  term_weeks 17, 23  cycles ОГСЭ }
discipline ИСТ.01 "История" { hours theory 48 }
program П "Программа" { standard С  disciplines ИСТ.01 }
