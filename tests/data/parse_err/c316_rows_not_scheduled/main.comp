# Compaction places the modules; the disciplines are said to be not placed yet, never hidden.
cycle ОП "Общепрофессиональный цикл" { role general_professional }
cycle ПЦ "Профессиональный цикл" { role professional }
standard С "Стандарт" { weekly_load 36 h  term_weeks 17, 23  cycles ОП, ПЦ }
activity ВД-1 "Вид деятельности"
competency ПК-1.1 "Первая" { activity ВД-1  hours theory 40, practice 60 }
discipline ОП.01 "Инженерная графика" { hours theory 16, practice 96 }
module ПМ.01 "Модуль" {
  activity ВД-1
  covers ПК-1.1
  course МДК.01.01 "Курс" { covers ПК-1.1 }
  practice УП.01 educational 72 h
  exam ПМ.01.ЭК 18 h
}
program П "Программа" { standard С  core ПМ.01  disciplines ОП }
