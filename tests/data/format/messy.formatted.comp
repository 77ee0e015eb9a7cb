# A file written by hand, in a hurry.
use "other.comp"  # where the general competencies live

activity ВД-1 "Подготовка"
outcome З-1 knowledge "виды швов" 6 h

competency ПК-1.1 "Применять методы" {
  activity ВД-1
  # a comment before hours
  hours theory 36, practice 72
  requires ОК-01 and (ОК-02 or ОК-03), ОК-04
  knows З-1, "текст \"в кавычках\""  # trailing comment
}

module ПМ.01 "Модуль" {
  activity ВД-1
  covers ОК-01 .. ОК-04
  course МДК.01.01 "Курс" {  # after the course
    covers ПК-1.1
  }
  practice УП.01 educational 108 h
  attestation qualification_exam
  # before the closing brace
}

competency ОК-01 "о1"
competency ОК-02 "о2"
competency ОК-03 "о3"
competency ОК-04 "о4"

# the end
