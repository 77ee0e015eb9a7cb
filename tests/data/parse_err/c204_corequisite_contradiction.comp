# ПК-1.1 is taught with ПК-1.2 (same term at most), ПК-1.2 needs ПК-1.3 before, ПК-1.3 needs ПК-1.1 before.
competency ПК-1.1 "Применять методы сборки и сварки" {
  corequires ПК-1.2
}
competency ПК-1.2 "Выполнять техническую подготовку производства" {
  requires ПК-1.3
}
competency ПК-1.3 "Выбирать оборудование" {
  requires ПК-1.1
}
