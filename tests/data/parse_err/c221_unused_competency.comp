activity ВД-1 "Подготовка и осуществление технологических процессов"
competency ПК-1.1 "Применять методы сборки и сварки" { activity ВД-1 }
competency ПК-1.2 "Выполнять техническую подготовку производства" { activity ВД-1 }

module ПМ.01 "Подготовка" {
  activity ВД-1
  covers ПК-1.1
  course МДК.01.01 "Технология сварочных работ" { covers ПК-1.1 }
  practice УП.01 educational 108 h
  attestation qualification_exam
}
