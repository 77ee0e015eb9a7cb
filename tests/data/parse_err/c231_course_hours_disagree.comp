# An МДК written with its own hours, which differ from those of the competencies it covers.
activity ВД-1 "Вид деятельности"
competency ПК-1.1 "Первая" { activity ВД-1  hours theory 40, practice 60 }
competency ПК-1.2 "Вторая" { activity ВД-1  hours theory 30, practice 50 }
module ПМ.01 "Модуль" {
  activity ВД-1
  covers ПК-1.1, ПК-1.2
  course МДК.01.01 "Курс" {
    covers ПК-1.1, ПК-1.2
    hours theory 84, practice 60, consultations 4, attestation 8
  }
  practice УП.01 educational 72 h
  attestation qualification_exam
}
