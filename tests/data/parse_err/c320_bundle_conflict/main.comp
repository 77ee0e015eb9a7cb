competency ПК-1.1 "Базовая"
bundle А "Первое предприятие" {
  requests ПКс-1.1
  competency ПКс-1.1 "Сварка труб" { hours practice 72 requires ПК-1.1 }
}
bundle Б "Второе предприятие" {
  requests ПКс-1.1
  competency ПКс-1.1 "Сварка труб" { hours practice 144 requires ПК-1.1 }
}
