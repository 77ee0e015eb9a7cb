# compact says which terms the plan puts the credits of a complex credit in: the two practices do not
# fit in one term together, so their graded credits are taken separately.
cycle ПЦ "Профессиональный цикл" { role professional }
standard С "Стандарт" { weekly_load 36 h  term_weeks 17, 23  cycles ПЦ }
activity ВД-1 "Вид деятельности"
competency ПК-1.1 "Первая" { activity ВД-1  hours theory 100, practice 100 }
competency ПК-1.2 "Вторая" { activity ВД-1  hours theory 100, practice 100  requires ПК-1.1 }
module ПМ.01 "Модуль" {
  activity ВД-1
  covers ПК-1.1, ПК-1.2
  course МДК.01.01 "Курс" { covers ПК-1.1, ПК-1.2  attestation exam }
  practice УП.01 educational 300 h { attestation graded_credit }
  practice ПП.01 production 500 h { attestation graded_credit }
  exam ПМ.01.ЭК 12 h
}
program П "Программа" { standard С  core ПМ.01  complex_credit УП.01, ПП.01 }
