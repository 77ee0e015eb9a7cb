# A practice has no title of its own: the "similar code" help names its code without empty quotes.
competency ПК-1.1 "Первая" { hours practice 40 }
module ПМ.01 "Модуль" {
  covers ПК-1.1
  course МДК.01.01 "Курс" { covers ПК-1.1 }
  practice УП.01 educational 36 h
  exam ПМ.01.ЭК 18 h
}
program П "Программа" { core ПМ.01  recognize "Свидетельство" covers УП.011 }
