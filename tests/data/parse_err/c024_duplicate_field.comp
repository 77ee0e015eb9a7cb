activity ВД-1 "Подготовка"
activity ВД-2 "Разработка"

competency ПК-1.1 "Применять методы сборки и сварки" {
  activity ВД-1
  hours theory 36, theory 12
  activity ВД-2
}

standard С "Стандарт" {
  baseline 9-grades 3y10m, 9-классов 2y10m
}
