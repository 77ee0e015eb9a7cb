# Totals that do not add up: a stated total, terms against hours, practical training, variable hours.
discipline ОП.01 "Инженерная графика" {
  hours theory 16, practice 96, self_study 8
  total 118 h
  practical_training 130 h
}
discipline ОП.02 "Техническая механика" {
  hours theory 64, practice 44
  variable 200 h
  term 1 { hours theory 30, practice 20 }
  term 2 { hours theory 30, practice 20 }
}
