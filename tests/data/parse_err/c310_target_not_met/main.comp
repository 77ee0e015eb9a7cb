standard ФГОС-Т "Стандарт" {
  weekly_load 36
  term_weeks 17, 23
  final_attestation 216 h
  baseline 9-grades 3y10m
}
competency ПК-1.1 "Первая" { hours theory 36 }
competency ПК-1.2 "Вторая" { hours theory 36 requires ПК-1.1 }
competency ПК-1.3 "Третья" { hours theory 36 requires ПК-1.2 }
competency ПК-1.4 "Четвёртая" { hours theory 36 requires ПК-1.3 }
module М "Модуль" { covers ПК-1.1 .. ПК-1.4 }
program П "Программа" {
  standard ФГОС-Т
  base 9-grades
  target 1y4m
  core М
}
