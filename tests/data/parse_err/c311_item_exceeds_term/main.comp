standard ФГОС-Т "Стандарт" {
  weekly_load 36
  term_weeks 17, 23
  final_attestation 216 h
  baseline 9-grades 3y10m
}
competency ПК-1.1 "Огромная" { hours theory 400, practice 500 }
module М "Модуль" { covers ПК-1.1 }
program П "Программа" { standard ФГОС-Т core М }
