cycle ОО "Общеобразовательный цикл" { role general_education  ends_by_year 1 }
cycle ОП "Общепрофессиональный цикл" { role general_professional }
standard С "Стандарт" {
  weekly_load 36 h
  term_weeks 17, 23
  baseline 9-grades 2y10m
  cycles ОО, ОП
}
discipline ООД.01 "Математика" { cycle ОО  hours theory 473 }
discipline ОП.01 "Инженерная графика" {
  cycle ОП
  hours theory 506
  term 1 { hours theory 150 }
  term 2 { hours theory 356 }
}
program П "Программа" {
  standard С
  base 9-grades
  disciplines ОО, ОП
}
