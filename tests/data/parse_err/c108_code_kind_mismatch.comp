competency ОК-01 "Выбирать способы решения задач" {
  kind professional
}
