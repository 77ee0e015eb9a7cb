standard С "Стандарт" {
  specialty 22.02.06 "Сварочное производство"
  weekly_load 36
  term_weeks 17, 23
  final_attestation 36 h
}
standard Д "Другой стандарт" { weekly_load 36 term_weeks 17, 23 }
competency ПК-1.1 "Первая" { hours practice 100 }
module М "Модуль" { covers ПК-1.1 }
bundle Б "Пакет для другой специальности" { standard Д requests ПК-1.1 }
program П "Программа" { standard С core М }
