# At most one credit a study year, but a foreign language through every term takes a credit each term:
# two in the first year once the plan has more than one term, and the chain of three competencies
# needs three.
cycle ОГСЭ "Общий гуманитарный и социально-экономический цикл" { role humanities }
cycle ПЦ "Профессиональный цикл" { role professional }
standard С "Стандарт" { weekly_load 36 h  term_weeks 17, 23  cycles ОГСЭ, ПЦ  max_credits_per_year 1 }
activity ВД-1 "Вид деятельности"
discipline ОГСЭ.01 "Иностранный язык" {
  cycle ОГСЭ
  hours practice 200
  terms all
  attestation credit each, graded_credit
}
competency ПК-1.1 "Первая" { activity ВД-1  hours theory 200, practice 100 }
competency ПК-1.2 "Вторая" { activity ВД-1  hours theory 200, practice 100  requires ПК-1.1 }
competency ПК-1.3 "Третья" { activity ВД-1  hours theory 200, practice 100  requires ПК-1.2 }
module ПМ.01 "Модуль" {
  activity ВД-1
  covers ПК-1.1 .. ПК-1.3
  course МДК.01.01 "Курс" { covers ПК-1.1 .. ПК-1.3 }
  practice УП.01 educational 36 h
  attestation qualification_exam
}
program П "Программа" { standard С  core ПМ.01  disciplines ОГСЭ }
