# Профессиональные модули 22.02.06: ПМ.01–ПМ.05 с МДК, практиками и экзаменом по модулю.
#
# ПМ.0N соответствует ВД N (ФГОС, приказ № 360). Названия МДК:
#   [S] МДК.01.01, МДК.01.02, МДК.02.02, МДК.03.01 — из учебных планов колледжей по 22.02.06;
#   не сверены: МДК.02.01, МДК.04.01, МДК.05.01 — в найденных планах их названий нет, здесь дан пример.
# Экзамен по модулю — отдельная строка ПМ.0N.ЭК, 18 ч, как в планах колледжей [S]. Часы практик — пример, а не норма стандарта. Часы МДК — это часы компетенций, которые он формирует
# (они объявлены в standard.comp): записанные в двух местах, они расходились бы (C231).

use "standard.comp"

module ПМ.01 "Подготовка и осуществление технологических процессов изготовления сварных конструкций" {
  activity ВД-1
  covers ПК-1.1 .. ПК-1.4
  course МДК.01.01 "Технология сварочных работ" {
    covers ПК-1.1, ПК-1.2
    attestation exam
  }
  course МДК.01.02 "Основное оборудование для производства сварных конструкций" {
    covers ПК-1.3, ПК-1.4
    attestation graded_credit
  }
  practice УП.01 educational 108 h
  practice ПП.01 production 144 h
  attestation qualification_exam
  exam ПМ.01.ЭК 18 h
}

module ПМ.02 "Разработка технологических процессов и проектирование изделий" {
  activity ВД-2
  covers ПК-2.1 .. ПК-2.5
  course МДК.02.01 "Основы расчёта и проектирования сварных конструкций" {
    covers ПК-2.2, ПК-2.4, ПК-2.5
    attestation exam
  }
  course МДК.02.02 "Основы проектирования технологических процессов" {
    covers ПК-2.1, ПК-2.3
    attestation course_project
  }
  practice УП.02 educational 72 h
  practice ПП.02 production 108 h
  attestation qualification_exam
  exam ПМ.02.ЭК 18 h
}

module ПМ.03 "Контроль качества сварочных работ" {
  activity ВД-3
  covers ПК-3.1 .. ПК-3.4
  course МДК.03.01 "Формы и методы контроля качества металлов и сварных конструкций" {
    covers ПК-3.1 .. ПК-3.4
    attestation exam
  }
  practice УП.03 educational 72 h
  practice ПП.03 production 108 h
  attestation qualification_exam
  exam ПМ.03.ЭК 18 h
}

module ПМ.04 "Организация и планирование сварочного производства" {
  activity ВД-4
  covers ПК-4.1 .. ПК-4.5
  course МДК.04.01 "Основы организации и планирования производственных работ на сварочном участке" {
    covers ПК-4.1 .. ПК-4.5
    attestation exam
  }
  practice ПП.04 production 72 h
  attestation qualification_exam
  exam ПМ.04.ЭК 18 h
}

module ПМ.05 "Выполнение работ по одной или нескольким профессиям рабочих, должностям служащих" {
  activity ВД-5
  covers ПКс-5.1, ПКс-5.2
  course МДК.05.01 "Технология ручной дуговой сварки плавящимся покрытым электродом" {
    covers ПКс-5.1, ПКс-5.2
    attestation graded_credit
  }
  practice УП.05 educational 144 h
  practice ПП.05 production 108 h
  attestation qualification_exam
  exam ПМ.05.ЭК 18 h
  variable all
}
