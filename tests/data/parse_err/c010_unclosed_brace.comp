competency ПК-1.1 "Применять методы сборки и сварки" {
  hours theory 36, practice 72
  requires ОК-01

competency ОК-01 "Выбирать способы решения задач"
