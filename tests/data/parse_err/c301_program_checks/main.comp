# One program with every program-level problem: C301, C302, C303, C304, C305, C306, C307.
standard С "Стандарт" {
  weekly_load 36
  term_weeks 17, 23
  practice_share_min 25%
  practice_share_target 50%
  variable_share_min 30%
  final_attestation 216 h
  general ОК-01 .. ОК-03
  activities ВД-1, ВД-2
}
activity ВД-1 "Первый вид"
activity ВД-2 "Второй вид"
competency ОК-01 "Общая 1"
competency ОК-02 "Общая 2"
competency ОК-03 "Общая 3"
competency ПК-1.1 "Первая" { activity ВД-1 hours theory 2000, practice 100 }
competency ПК-1.2 "Вторая" { activity ВД-1 hours theory 1000 }
competency ПКс-1.1 "Вариативная" { activity ВД-1 hours theory 10 }

module ПМ.01 "Модуль" {
  activity ВД-1
  covers ПК-1.1
  course МДК.01.01 "Курс" { covers ПК-1.1 }
  practice УП.01 educational 36 h
  attestation qualification_exam
}

bundle Б "Пакет" { requests ПК-1.1, ПКс-1.1 }

program П "Программа" {
  standard С
  track professionalitet
  target 10m
  core ПМ.01
  general ОК-01
  bundles Б
}
