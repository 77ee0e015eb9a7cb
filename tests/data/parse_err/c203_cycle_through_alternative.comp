# ПК-2.4 can start from ПК-2.2; the other alternative, ПК-2.5, goes round back to ПК-2.4.
competency ПК-2.2 "Выполнять расчёты сварных соединений"
competency ПК-2.4 "Оформлять документацию" {
  requires ПК-2.2 or ПК-2.5
}
competency ПК-2.5 "Выполнять графические работы в САПР" {
  requires ПК-2.4
}
