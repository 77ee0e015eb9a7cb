# Both alternatives of ПК-2.1 lead back to it: it can never be taught first.
competency ПК-2.1 "Проектировать технологические процессы" {
  requires ПК-2.2 or ПК-2.3
}
competency ПК-2.2 "Выполнять расчёты сварных соединений" {
  requires ПК-2.1
}
competency ПК-2.3 "Обосновывать технологический процесс" {
  requires ПК-2.1
}
