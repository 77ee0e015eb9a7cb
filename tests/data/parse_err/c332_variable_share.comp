# The variable part against "about 30%" (a standard's wording, not "at least").
cycle ОП "Общепрофессиональный цикл" { role general_professional }
standard С "Стандарт" { weekly_load 36 h  term_weeks 17, 23  cycles ОП  variable_share about 30% ± 5% }
discipline ОП.01 "Инженерная графика" { hours theory 16, practice 96  variable 100 h }
discipline ОП.02 "Техническая механика" { hours theory 64, practice 44 }
program П "Программа" { standard С  disciplines ОП }
