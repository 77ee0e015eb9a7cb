# Общеобразовательный цикл (ОО) для поступающих на базе 9 классов, технологический профиль.
#
# Источник: учебный план колледжа 2021 года по 09.02.07 (3г10м, база 9 классов) — см.
# docs/catalogs.md. Объём цикла 1476 ч = 41 нед × 36 ч — весь первый курс
# (612 + 864 ч) [V: 5940 − 4464 = 1476 ч по ФГОС СПО 2016 года].
# Что сверено и как:
#   [S]  часы базовых предметов: Литература 162, Русский язык 84, Иностранный язык 127,
#        История 118, Физическая культура 117, ОБЖ (ныне ОБЗР) 80, Астрономия 41;
#   [S]  часы профильных предметов: Математика 244, Информатика 139, Физика 144;
#   [S]  состав: две группы предметов по выбору (Химия / Обществознание; География / Экология /
#        Биология), индивидуальный проект, предмет, предлагаемый колледжем;
#   [M]  часы групп по выбору (78 и 36), индивидуального проекта (40) и предлагаемого предмета
#        «Черчение» (66) — пример: подобраны так, чтобы засчитываемые строки дали ровно 1476 ч;
#   [M]  разбиение часов по видам работ, формы аттестации и ОК — пример, а не данные плана.
#        ОК — в редакции стандарта 2014 года (ОК 1–9, ../fgos/general-2014.comp): этот цикл
#        использует пример по 22.02.06; программа по стандарту 2022 года свяжет предметы со своими
#        ОК 01–09 (../fgos/general.comp).
#   [S]  название ООД.06: с 1 сентября 2024 г. вместо «Основ безопасности жизнедеятельности» изучается
#        «Основы безопасности и защиты Родины» (изменения статьи 12 Федерального закона «Об образовании
#        в Российской Федерации»; https://www.u-center.info/biblioteki/publications-educenter/article/
#        osnovi-bezopasnosti-i-zashchity-rodiny/osnovy-bezopasnosti-i-zashchity-rodiny-v-ozhidanii-
#        novogo-kursa); часы (80) — из плана 2021 года, не сверены с программой ОБЗР;
#   [M]  «Астрономия» (ООД.07) — как в плане 2021 года; входит ли она в план набора 2026 года
#        отдельным предметом, не сверено (пример).
# Формы аттестации: экзамены — Русский язык, Математика и профильная Физика (3 экзамена в году);
# остальное — дифзачёты (10 в году, предел 10), физическая культура вне лимитов.
# Сумма засчитываемых строк (пример, проверено вручную):
#   базовые   162 + 84 + 127 + 118 + 117 + 80 + 41 = 729
#   профильные 244 + 139 + 144                    = 527
#   по выбору  78 (ООД.ДВ.01) + 36 (ООД.ДВ.02)    = 114
#   проект 40 + предлагаемый 66                   = 106
#   итого      729 + 527 + 114 + 106              = 1476

use "../fgos/general-2014.comp"
use "cycle.comp"
use "integration.comp"

# ---------------------------------------------------------------- базовые предметы [S: часы]

discipline ООД.01 "Русский язык" {
  cycle ОО
  kind basic
  hours theory 38, practice 34, consultations 4, attestation 8
  attestation exam
  total 84 h
  covers ОК-6
}

discipline ООД.02 "Литература" {
  cycle ОО
  kind basic
  hours theory 100, practice 62
  attestation graded_credit
  total 162 h
  terms 2
  covers ОК-1, ОК-6
}

discipline ООД.03 "Иностранный язык" {
  cycle ОО
  kind basic
  hours practice 127
  attestation graded_credit
  total 127 h
  terms 2
  covers ОК-4, ОК-6, ОК-9
  can ИН-02
}

discipline ООД.04 "История" {
  cycle ОО
  kind basic
  hours theory 78, practice 40
  attestation graded_credit
  total 118 h
  terms 2
  covers ОК-1
  knows ИН-01
}

discipline ООД.05 "Физическая культура" {
  cycle ОО
  kind basic
  hours practice 117
  attestation credit each, graded_credit
  total 117 h
  terms 2
  covers ОК-2, ОК-3, ОК-6
  can ИН-03
  outside_limits
}

discipline ООД.06 "Основы безопасности и защиты Родины" {
  cycle ОО
  kind basic
  hours theory 48, practice 32
  attestation graded_credit
  total 80 h
  covers ОК-3
  knows ИН-08
  can ИН-09
}

discipline ООД.07 "Астрономия" {
  cycle ОО
  kind basic
  hours theory 29, practice 12
  attestation graded_credit
  total 41 h
  covers ОК-2, ОК-4, ОК-5
}

# ---------------------------------------------------------------- профильные предметы [S: часы]

discipline ООД.08 "Математика" {
  cycle ОО
  kind profile
  hours theory 110, practice 114, consultations 8, attestation 12
  attestation exam
  total 244 h
  terms 2
  covers ОК-2, ОК-4, ОК-5
  knows ИН-04
  can ИН-05
}

discipline ООД.09 "Информатика" {
  cycle ОО
  kind profile
  hours theory 49, lab 90
  attestation graded_credit
  total 139 h
  practical_training 90 h
  terms 2
  covers ОК-4, ОК-5, ОК-9
  can ИН-07
}

discipline ООД.10 "Физика" {
  cycle ОО
  kind profile
  hours theory 70, practice 28, lab 26, consultations 8, attestation 12
  attestation exam
  total 144 h
  terms 2
  covers ОК-2, ОК-3
  knows ИН-11, ИН-12
}

# ---------------------------------------------------------------- предметы по выбору [M: часы]

elective ООД.ДВ.01 "Предмет по выбору: Химия или Обществознание" {
  cycle ОО
  choose ООД.ДВ.01.01
  discipline ООД.ДВ.01.01 "Химия" {
    kind basic
    hours theory 44, practice 14, lab 20
    attestation graded_credit
    total 78 h
    covers ОК-2, ОК-3
    knows ИН-13
  }
  discipline ООД.ДВ.01.02 "Обществознание" {
    kind basic
    hours theory 50, practice 28
    attestation graded_credit
    total 78 h
    covers ОК-1, ОК-8
  }
}

elective ООД.ДВ.02 "Предмет по выбору: География, Экология или Биология" {
  cycle ОО
  choose ООД.ДВ.02.02
  discipline ООД.ДВ.02.01 "География" {
    kind basic
    hours theory 24, practice 12
    attestation graded_credit
    total 36 h
    covers ОК-3
  }
  discipline ООД.ДВ.02.02 "Экология" {
    kind basic
    hours theory 24, practice 12
    attestation graded_credit
    total 36 h
    covers ОК-3
    knows ИН-06
  }
  discipline ООД.ДВ.02.03 "Биология" {
    kind basic
    hours theory 26, lab 10
    attestation graded_credit
    total 36 h
    covers ОК-3
  }
}

# ---------------------------------------------------------------- проект и предмет колледжа [M]

discipline ООД.11 "Индивидуальный проект" {
  cycle ОО
  kind project
  hours theory 8, project 32
  attestation graded_credit
  total 40 h
  covers ОК-2, ОК-6, ОК-8
}

# Предмет, предлагаемый колледжем (пример): для технологического профиля — черчение,
# на которое опираются ОП.01 «Инженерная графика» (22.02.06) и чтение схем в 09.02.07.
discipline ООД.12 "Черчение" {
  cycle ОО
  kind offered
  hours theory 22, practice 44
  attestation graded_credit
  total 66 h
  covers ОК-2, ОК-4, ОК-9
  can ИН-10
}
