activity ВД-1 "Подготовка и осуществление технологических процессов"
activity ВД-2 "Разработка технологических процессов"
competency ПК-1.1 "Применять методы сборки и сварки" { activity ВД-1 }
competency ПК-2.1 "Проектировать технологические процессы" { activity ВД-2 }

module ПМ.02 "Разработка технологических процессов" {
  activity ВД-1
  covers ПК-1.1
  course МДК.02.01 "Основы проектирования" { covers ПК-2.1 }
  practice УП.02 educational 72 h
  attestation qualification_exam
}
