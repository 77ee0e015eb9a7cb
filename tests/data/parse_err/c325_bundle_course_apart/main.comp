# The enterprise's course covers competencies of two activities: no one module of the program can
# take it, so it stays apart (its competencies are rows of their own).
standard С "Стандарт" { weekly_load 36 h  term_weeks 17, 23 }
activity ВД-1 "Первый вид деятельности"
activity ВД-2 "Второй вид деятельности"
competency ПК-1.1 "Первая" { activity ВД-1  hours theory 30 }
competency ПК-2.1 "Вторая" { activity ВД-2  hours theory 30 }
module ПМ.01 "Первый модуль" {
  activity ВД-1
  course МДК.01.01 "Курс" { covers ПК-1.1 }
  practice УП.01 educational 36 h
  attestation qualification_exam
}
module ПМ.02 "Второй модуль" {
  activity ВД-2
  course МДК.02.01 "Курс" { covers ПК-2.1 }
  practice УП.02 educational 36 h
  attestation qualification_exam
}
bundle Б "Заявка предприятия" {
  requests ПКс-1.1, ПКс-2.1
  competency ПКс-1.1 "Своя первая" { kind variable  activity ВД-1  hours theory 10 }
  competency ПКс-2.1 "Своя вторая" { kind variable  activity ВД-2  hours theory 10 }
  course МДК.01.03 "Курс предприятия" {
    covers ПКс-1.1, ПКс-2.1
    attestation graded_credit
  }
}
program П "Программа" { standard С  core ПМ.01, ПМ.02  bundles Б }
