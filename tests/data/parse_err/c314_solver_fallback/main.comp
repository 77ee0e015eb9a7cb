standard ФГОС-Т "Стандарт" {
  weekly_load 36
  term_weeks 17, 23
  final_attestation 216 h
  baseline 9-grades 3y10m
}
competency ПК-1.1 "Первая" { hours practice 288 }
competency ПК-1.2 "Вторая" { hours practice 144 }
competency ПК-1.3 "Третья" { hours practice 360 }
competency ПК-1.4 "Четвёртая" { hours practice 396 }
module М "Модуль" { covers ПК-1.1 .. ПК-1.4 }
program П "Программа" { standard ФГОС-Т core М }
