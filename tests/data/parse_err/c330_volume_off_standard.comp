# A whole program whose hours are not the standard's volume for its base.
cycle ОП "Общепрофессиональный цикл" { role general_professional }
standard С "Стандарт" {
  weekly_load 36 h
  term_weeks 17, 23
  cycles ОП
  volume 9-grades 5940 h, 11-grades 4464 h
}
discipline ОП.01 "Инженерная графика" { hours theory 16, practice 96 }
program П "Программа" { standard С  base 11-grades  disciplines ОП }
