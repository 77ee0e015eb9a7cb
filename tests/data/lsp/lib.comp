competency ПК-1.1 "Применять методы сборки и сварки" {
  hours theory 36, practice 72
}
