activity ВД-1 "Подготовка"
competency ПК-1.1 "Применять методы сборки и сварки" {
  activity ПК-1.1
  requires ВД-1
}
