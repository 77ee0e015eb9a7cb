# ФГОС СПО 09.02.07 «Информационные системы и программирование», квалификация «Программист»:
# циклы, дисциплины ОГСЭ, ЕН, ОПЦ, вид деятельности 4 и модули ПМ.01, ПМ.02, ПМ.04, ПМ.11.
#
# Источник: приказ Минобрнауки России от 09.12.2016 № 1547 (ред. от 01.09.2022); объёмы циклов —
# учебный план «Профессионалитета» 2024 года, 2г10м, база 11 классов (docs/catalogs.md):
# 4464 ч = ОГСЭ 527 + ЕН 181 + ОПЦ 862 + ПЦ 2678 (модули и ПДП 144) + ГИА 216 [S].
# Что сверено и как:
#   [S]  названия ОГСЭ.01–05, ЕН.01–03, ОП.01–ОП.12 (в этом порядке), ПМ.01, ПМ.02, ПМ.04, ПМ.11 и
#        МДК.01.01–01.04, 02.01–02.03, 04.01–04.02, 11.01 — выгрузка базы учебных планов колледжа
#        по 09.02.07 (SQL, dbForge, 26.05.2021, таблица Educational_Unit) в публичном репозитории;
#        коды МДК.01.01–01.04, 02.01–02.03, 04.01, 04.02, 11.01 при тех же названиях — ещё в двух
#        репозиториях (журнал оценок, список занятий); МДК.04.01/04.02 и МДК.11.01 — в расписаниях;
#   [M]  индексы ОП.01–ОП.12 выведены из порядка строк той же выгрузки (индексов в ней нет);
#        в другом колледже «Экономика отрасли» — ОП.05, «Правовое обеспечение…» — ОП.08;
#   [S]  название ВД 4 — та же выгрузка и рабочая программа ПМ.04 колледжа экономики и права
#        (Дербент, kolle.dagestanschool.ru/file/card?id=7646);
#   [S]/[M] тексты ПК 4.1–4.4 — см. пометки у каждой ПК: найдены только сокращённые списки;
#   [M]  часы всех строк — пример, подобранный под объёмы циклов плана 2024 года; состав МДК по ПК —
#        пример (какие ПК формирует каждый МДК, колледжи пишут по-разному).
# Сверка объёмов (вручную):
#   ОГСЭ  48 + 48 + 48 + 215 + 168                                    = 527
#   ЕН    85 + 48 + 48                                                = 181
#   ОПЦ   72 + 64 + 90 + 116 + 48 + 68 + 56 + 96 + 60 + 64 + 80 + 48 = 862
#   ПЦ    ПМ.01 882 + ПМ.02 558 + ПМ.04 432 + ПМ.11 662 = 2534; + ПДП.01 144 = 2678
#         ПМ.01 = МДК 540 + УП 108 + ПП 216 + Эк 18;  ПМ.02 = МДК 324 + УП 72 + ПП 144 + Эк 18;
#         ПМ.04 = МДК 270 + УП 72 + ПП 72 + Эк 18;    ПМ.11 = МДК 428 + УП 72 + ПП 144 + Эк 18.
# В плане 2024 года в ПЦ есть ещё ПМ.12 (вариативный модуль колледжа); здесь его нет, его часы
# распределены по четырём модулям примера. ПДП в плане считается внутри ПЦ; здесь строка ПДП.01
# отнесена к циклу ПДП (код ПДП занят циклом), объём ПЦ 2678 ч = модули + ПДП.01.
# Часы МДК = сумма часов ПК из standard.comp (и ниже для ВД 4), кроме оговорённых надбавок:
# консультации и экзамен у МДК.01.01 (+12 ч), МДК.04.01 (+6 ч), курсовой проект, консультации и
# экзамен у МДК.11.01 (+32 ч) — это часы аттестации и КП, а не освоения ПК.
# Вариативная часть примера — модули ПМ.04 и ПМ.11 и дисциплины ОП.10–ОП.12 целиком (`variable all`):
# 1286 ч из 4104 ч циклов (31%) при «не менее 30%» стандарта; какие строки колледж относит к
# вариативной части, решает он сам [M].
# Формы аттестации [M] подобраны так, чтобы план укладывался в пределы стандарта: не более 8 экзаменов
# и 10 зачётов (с дифференцированными, без физической культуры) в учебный год; у иностранного языка —
# дифференцированный зачёт в последнем семестре, без зачётов в промежуточных.
# Длинные названия ПК не переносятся (строка в кавычках однострочна), поэтому эти строки > 100.

use "standard.comp"

# ---------------------------------------------------------------- ОГСЭ [S: названия; M: часы]

discipline ОГСЭ.01 "Основы философии" {
  hours theory 36, practice 8, self_study 4
  attestation graded_credit
  total 48 h
  covers ОК-01, ОК-06
}

discipline ОГСЭ.02 "История" {
  hours theory 36, practice 8, self_study 4
  attestation graded_credit
  total 48 h
  covers ОК-05, ОК-06
}

discipline ОГСЭ.03 "Психология общения" {
  hours theory 16, practice 28, self_study 4
  attestation graded_credit
  total 48 h
  covers ОК-04, ОК-05
}

# Иностранный язык и физическая культура идут все шесть семестров [S: план 2024].
discipline ОГСЭ.04 "Иностранный язык в профессиональной деятельности" {
  hours practice 203, self_study 12
  attestation graded_credit
  total 215 h
  terms all
  covers ОК-02, ОК-09
}

# Часы по семестрам — как в плане, где дисциплина идёт через все шесть семестров (пример).
discipline ОГСЭ.05 "Физическая культура" {
  total 168 h
  terms all
  term 1 { hours practice 26, self_study 2  attestation credit }
  term 2 { hours practice 28, self_study 2  attestation credit }
  term 3 { hours practice 26, self_study 1  attestation credit }
  term 4 { hours practice 28, self_study 1  attestation credit }
  term 5 { hours practice 26, self_study 1  attestation credit }
  term 6 { hours practice 26, self_study 1  attestation graded_credit }
  covers ОК-04, ОК-08
  outside_limits
}

# ---------------------------------------------------------------- ЕН [S: названия; M: часы]

discipline ЕН.01 "Элементы высшей математики" {
  hours theory 36, practice 36, consultations 3, self_study 4, attestation 6
  attestation exam
  total 85 h
  covers ОК-01, ОК-02
}

discipline ЕН.02 "Дискретная математика с элементами математической логики" {
  hours theory 24, practice 20, self_study 4
  attestation graded_credit
  total 48 h
  covers ОК-01
}

discipline ЕН.03 "Теория вероятностей и математическая статистика" {
  hours theory 22, practice 22, self_study 4
  attestation graded_credit
  total 48 h
  covers ОК-01, ОК-02
  requires ЕН.01
}

# ---------------------------------------------------------------- ОПЦ [S: названия; M: часы]
# Индекс ОП.NN не называет цикл ОПЦ, поэтому у каждой строки `cycle ОПЦ`.

discipline ОП.01 "Операционные системы и среды" {
  cycle ОПЦ
  hours theory 30, lab 30, consultations 2, self_study 4, attestation 6
  attestation exam
  total 72 h
  covers ОК-01, ОК-02, ПК-4.1
  requires ОП.02
}

discipline ОП.02 "Архитектура аппаратных средств" {
  cycle ОПЦ
  hours theory 34, practice 26, self_study 4
  attestation graded_credit
  total 64 h
  covers ОК-01, ОК-02
}

discipline ОП.03 "Информационные технологии" {
  cycle ОПЦ
  hours theory 30, lab 54, self_study 6
  attestation graded_credit
  total 90 h
  practical_training 54 h
  covers ОК-02, ОК-09
}

discipline ОП.04 "Основы алгоритмизации и программирования" {
  cycle ОПЦ
  hours theory 44, lab 56, consultations 4, self_study 6, attestation 6
  attestation exam
  total 116 h
  practical_training 56 h
  topic "Раздел 1. Основы алгоритмизации" { hours theory 14, lab 16 }
  topic "Раздел 2. Основы программирования на языке высокого уровня" { hours theory 18, lab 24 }
  topic "Раздел 3. Структуры данных и модульное программирование" { hours theory 12, lab 16 }
  covers ОК-01, ОК-02, ПК-1.1
  requires ЕН.02
}

discipline ОП.05 "Правовое обеспечение профессиональной деятельности" {
  cycle ОПЦ
  hours theory 32, practice 12, self_study 4
  attestation graded_credit
  total 48 h
  covers ОК-03, ОК-06
}

# 68 ч аудиторных занятий, из них 48 ч — основы военной службы [M]; самостоятельной работы нет.
discipline ОП.06 "Безопасность жизнедеятельности" {
  cycle ОПЦ
  hours theory 38, practice 30
  attestation graded_credit
  total 68 h
  covers ОК-06, ОК-07
}

discipline ОП.07 "Экономика отрасли" {
  cycle ОПЦ
  hours theory 32, practice 20, self_study 4
  attestation graded_credit
  total 56 h
  covers ОК-03
}

discipline ОП.08 "Основы проектирования баз данных" {
  cycle ОПЦ
  hours theory 36, lab 50, self_study 4, attestation 6
  attestation exam
  total 96 h
  practical_training 50 h
  # Условия рабочей программы — пример [M]; выходные данные учебника сверяет колледж.
  literature "Федорова Г. Н. Основы проектирования баз данных. — М.: Академия"
  literature extra "ГОСТ 34.602-2020. Информационные технологии. Комплекс стандартов на автоматизированные системы. Техническое задание на создание автоматизированной системы"
  equipment "компьютеры с СУБД и средством моделирования данных", "проектор"
  covers ОК-01, ОК-02, ПК-11.1
  requires ОП.04
}

discipline ОП.09 "Стандартизация, сертификация и техническое документоведение" {
  cycle ОПЦ
  hours theory 36, practice 20, self_study 4
  attestation graded_credit
  total 60 h
  covers ОК-05, ОК-09
}

discipline ОП.10 "Численные методы" {
  cycle ОПЦ
  hours theory 28, lab 32, self_study 4
  attestation graded_credit
  total 64 h
  variable all
  covers ОК-01
  requires ЕН.01, ОП.04
}

discipline ОП.11 "Компьютерные сети" {
  cycle ОПЦ
  hours theory 36, lab 40, self_study 4
  attestation graded_credit
  total 80 h
  variable all
  covers ОК-02
  requires ОП.01
}

discipline ОП.12 "Менеджмент в профессиональной деятельности" {
  cycle ОПЦ
  hours theory 28, practice 16, self_study 4
  attestation graded_credit
  total 48 h
  variable all
  covers ОК-03, ОК-04
  requires ОП.07
}

# ---------------------------------------------------------------- модули [S: названия; M: часы]

module ПМ.01 "Разработка модулей программного обеспечения для компьютерных систем" {
  activity ВД-1
  covers ПК-1.1 .. ПК-1.6
  # ПК-1.1 (36 + 36) + ПК-1.2 (48 + 96) = 216 ч; + консультации 4 и экзамен 8 = 228 ч
  course МДК.01.01 "Разработка программных модулей" {
    covers ПК-1.1, ПК-1.2
    hours theory 84, practice 132, consultations 4, attestation 8
    attestation exam
    total 228 h
    terms 2
  }
  # ПК-1.3 (24 + 48) + ПК-1.4 (24 + 48) = 144 ч
  course МДК.01.02 "Поддержка и тестирование программных модулей" {
    covers ПК-1.3, ПК-1.4
    hours theory 48, practice 96
    attestation exam
    total 144 h
  }
  # ПК-1.6 (36 + 72) = 108 ч
  course МДК.01.03 "Разработка мобильных приложений" {
    covers ПК-1.6
    hours theory 36, practice 72
    attestation graded_credit
    total 108 h
  }
  # ПК-1.5 (24 + 36) = 60 ч
  course МДК.01.04 "Системное программирование" {
    covers ПК-1.5
    hours theory 24, practice 36
    attestation graded_credit
    total 60 h
  }
  practice УП.01.01 educational 108 h {
    attestation graded_credit
  }
  practice ПП.01.01 production 216 h {
    attestation graded_credit
  }
  attestation qualification_exam
  exam ПМ.01.ЭК 18 h
  cycle ПЦ
}

module ПМ.02 "Осуществление интеграции программных модулей" {
  activity ВД-2
  covers ПК-2.1 .. ПК-2.5
  # ПК-2.1 (36 + 36) + ПК-2.5 (24 + 24) = 120 ч
  course МДК.02.01 "Технология разработки программного обеспечения" {
    covers ПК-2.1, ПК-2.5
    hours theory 60, practice 60
    attestation exam
    total 120 h
  }
  # ПК-2.2 (36 + 48) + ПК-2.3 (24 + 36) = 144 ч
  course МДК.02.02 "Инструментальные средства разработки программного обеспечения" {
    covers ПК-2.2, ПК-2.3
    hours theory 60, practice 84
    attestation graded_credit
    total 144 h
  }
  # ПК-2.4 (24 + 36) = 60 ч
  course МДК.02.03 "Математическое моделирование" {
    covers ПК-2.4
    hours theory 24, practice 36
    attestation graded_credit
    total 60 h
  }
  practice УП.02.01 educational 72 h {
    attestation graded_credit
  }
  practice ПП.02.01 production 144 h {
    attestation graded_credit
  }
  attestation qualification_exam
  exam ПМ.02.ЭК 18 h
  cycle ПЦ
}

module ПМ.04 "Сопровождение и обслуживание программного обеспечения компьютерных систем" {
  activity ВД-4
  covers ПК-4.1 .. ПК-4.4
  # ПК-4.1 (24 + 48) + ПК-4.3 (24 + 48) = 144 ч; + экзамен 6 = 150 ч
  course МДК.04.01 "Внедрение и поддержка компьютерных систем" {
    covers ПК-4.1, ПК-4.3
    hours theory 48, practice 96, attestation 6
    attestation exam
    total 150 h
  }
  # ПК-4.2 (24 + 36) + ПК-4.4 (24 + 36) = 120 ч
  course МДК.04.02 "Обеспечение качества функционирования компьютерных систем" {
    covers ПК-4.2, ПК-4.4
    hours theory 48, practice 72
    # экзамен [M]: МДК.04.01 и МДК.04.02 сдают комплексный экзамен (programmer/program.comp)
    attestation exam
    total 120 h
  }
  practice УП.04.01 educational 72 h {
    attestation graded_credit
  }
  practice ПП.04.01 production 72 h {
    attestation graded_credit
  }
  attestation qualification_exam
  exam ПМ.04.ЭК 18 h
  cycle ПЦ
  variable all
}

module ПМ.11 "Разработка, администрирование и защита баз данных" {
  activity ВД-11
  covers ПК-11.1 .. ПК-11.6
  # ПК-11.1 … ПК-11.6: теория 24+36+36+24+24+24 = 168, практика 24+36+48+48+36+36 = 228 → 396 ч;
  # + курсовой проект 20, консультации 4, экзамен 8 = 428 ч
  course МДК.11.01 "Технология разработки и защиты баз данных" {
    covers ПК-11.1 .. ПК-11.6
    hours theory 168, practice 228, course_design 20, consultations 4, attestation 8
    # курсовой проект и экзамен — оба в последнем семестре строки
    attestation course_project, exam
    total 428 h
    terms 2
  }
  practice УП.11.01 educational 72 h {
    attestation graded_credit
  }
  practice ПП.11.01 production 144 h {
    attestation graded_credit
  }
  attestation qualification_exam
  exam ПМ.11.ЭК 18 h
  cycle ПЦ
  variable all
}

# ---------------------------------------------------------------- преддипломная практика
# 144 ч = 4 нед [S: план 2024]. Код строки — ПДП.01: код ПДП занят циклом.

practice ПДП.01 pre_diploma 144 h {
  covers ПК-1.1 .. ПК-1.6, ПК-2.1 .. ПК-2.5, ПК-4.1 .. ПК-4.4, ПК-11.1 .. ПК-11.6
  attestation graded_credit
  cycle ПДП
}
