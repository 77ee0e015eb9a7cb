standard С "Стандарт" {
  specialty 22.02.06 "Сварочное производство"
  weekly_load 36
  term_weeks 17, 23
  final_attestation 36 h
}
competency ПК-1.1 "Первая" { hours practice 100 }
module М "Модуль" { covers ПК-1.1 }
bundle Б "Пакет" {
  competency ПКс-1.1 "Руководить проектом" { hours theory 36 links "40.002 D/01.6" }
}
program П "Программа" { standard С core М bundles Б }
