use "lib.comp"

competency ПК-1.2 "Выполнять техническую подготовку производства" {
  hours theory 24
  requires ПК-1.1
}

module М.01 "Подготовка" {
  covers ПК-1.1, ПК-1.2
}
