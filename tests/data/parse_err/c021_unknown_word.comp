competency ОК-01 "Выбирать способы решения задач" {
  kind generl
}
outcome З-1.1 knowlege "виды сварных соединений" 6 h
