# A file written by hand, in a hurry.
use "other.comp"   # where the general competencies live

activity ВД-1 "Подготовка"
outcome З-1 knowledge "виды швов" 6 h
competency ПК-1.1 "Применять методы"{requires ОК-01 and(ОК-02 or ОК-03) ,ОК-04
knows З-1,"текст \"в кавычках\""   # trailing comment
  # a comment before hours
  hours practice 72,theory 36
      activity ВД-1
}
module ПМ.01 "Модуль" {
  attestation qualification_exam
  course МДК.01.01 "Курс" { covers ПК-1.1 }   # after the course
  covers ОК-01, ОК-02, ОК-03, ОК-04
  practice УП.01 educational 108 h
  activity ВД-1
  # before the closing brace
}
competency ОК-01 "о1"
competency ОК-02 "о2"
competency ОК-03 "о3"
competency ОК-04 "о4"
# the end
