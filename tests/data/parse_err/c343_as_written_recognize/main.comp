# A program that credits a practice, planned as written: the plan keeps the practice in its term and
# says the credit is not applied (`compact` without --as-written applies it).
standard С "Стандарт" { weekly_load 36 h  term_weeks 17, 23 }
discipline ОП.01 "Черчение" { hours theory 100  term 1 { hours theory 100  attestation exam } }
practice УП.01 educational 72 h { term 2 { hours practice 72 } }
program П "Программа" {
  standard С
  disciplines ОП.01, УП.01
  recognize "Свидетельство о профессии рабочего" covers УП.01
}
