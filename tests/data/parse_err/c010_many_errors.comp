# Three declarations with an error each: all three are reported, and the good one still counts.
competency ПК-1.1 "Применять методы сборки и сварки" {
  hours theory 36 practice 72
}

competency ПК-1.2 "Выполнять техническую подготовку производства" {
  requires ПК-1.1 and
}

competency ПК-1.3 "Выбирать оборудование" {
  requires ПК-1.1
}

module ПМ.01 "Модуль" {
  covers ПК-1.1 ПК-1.2
}
