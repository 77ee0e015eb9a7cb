# a course's `requires` on a circle is named by its course (it holds for the course's competencies);
# a redundancy the circle makes (ПК-1.3 needs ПК-1.1 through ПК-1.2) is not said: one mistake, one error
competency ПК-1.1 "Выполнять сборку" { hours theory 36 requires ПК-1.2 }
competency ПК-1.2 "Выполнять сварку" { hours theory 36 requires ПК-1.1 }
competency ПК-1.3 "Контролировать качество" { hours theory 36 requires ПК-1.1, ПК-1.2 }
competency ПК-2.1 "Проектировать" { hours theory 36 }
competency ПК-2.2 "Рассчитывать" { hours theory 36 requires ПК-2.1 }

module ПМ.01 "Сборка и сварка" {
  covers ПК-1.1 .. ПК-1.3
  course МДК.01.01 "Технология сборки и сварки" { covers ПК-1.1 .. ПК-1.3 }
  practice УП.01 educational 72 h
  attestation exam
}

module ПМ.02 "Проектирование" {
  covers ПК-2.1, ПК-2.2
  course МДК.02.01 "Основы проектирования" { covers ПК-2.1 requires ПК-2.2 }
  practice УП.02 educational 72 h
  attestation exam
}
