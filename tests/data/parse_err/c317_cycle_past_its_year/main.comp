# General education must end by the first year: 1,200 h cannot fit into two terms of 17 and 23 weeks
# (1,440 h) beside a 300-h competency that the first of them must precede.
cycle ОО "Общеобразовательный цикл" { role general_education  ends_by_year 1 }
cycle ПЦ "Профессиональный цикл" { role professional }
standard С "Стандарт" { weekly_load 36 h  term_weeks 17, 23  cycles ОО, ПЦ }
activity ВД-1 "Вид деятельности"
discipline ООД.01 "Математика" { cycle ОО  hours theory 300, practice 300 }
discipline ООД.02 "Физика" { cycle ОО  hours theory 300, practice 300  requires ПК-1.1 }
competency ПК-1.1 "Первая" { activity ВД-1  hours theory 200, practice 100 }
module ПМ.01 "Модуль" {
  activity ВД-1
  covers ПК-1.1
  course МДК.01.01 "Курс" { covers ПК-1.1 }
  practice УП.01 educational 36 h
  attestation qualification_exam
}
program П "Программа" { standard С  core ПМ.01  disciplines ОО }
