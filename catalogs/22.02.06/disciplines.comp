# ФГОС СПО 22.02.06 «Сварочное производство» (2014): циклы ОГСЭ, ЕН, ОП, ПЦ, ПДП, ГИА,
# дисциплины циклов ОГСЭ, ЕН, ОП и преддипломная практика.
#
# Источник: приказ Минобрнауки России от 21.04.2014 № 360 (publication.pravo.gov.ru) — стандарт
# заменён: колледжи ведут приём по 15.02.19 «Сварочное производство» (docs/catalogs.md).
# Что сверено и как:
#   [S]  «Инженерная графика», «Материаловедение» — названы дисциплинами общепрофессионального
#        цикла у группы специальности 22.02.06 на сайте Тихорецкого техникума
#        (ttgt.org/index.php/9-novosti/1017-urok-na-proizvodstve-…); индексов там нет;
#   [M]  остальные названия и индексы (ОГСЭ.01–04, ЕН.01–02, ОП.02, ОП.04–ОП.10) — обычный состав
#        обязательной части ФГОС 2014 года по этой специальности, с текстом приказа не сверены;
#        учебный план колледжа по 22.02.06 в найденных источниках не нашёлся;
#   [M]  ЕН.03 «Информатика» в этом стандарте не найдена — не включена (информатику даёт ОП.06);
#   [M]  вариативные дисциплины («Психология общения», «Русский язык и культура речи») в планах
#        по 22.02.06 не найдены — не включены; колледж добавит их со своим `variable`;
#   [M]  минимум ОГСЭ 432 ч обязательных учебных занятий (standard.comp, `min_class_hours`) и 68 ч
#        БЖД (из них 48 ч — основы военной службы) — широко цитируемые нормы, не сверены;
#   [M]  ПДП 4 нед и ГИА 6 нед — обычные для ППССЗ 2014 года, в тексте приказа не сверены.
# Часы дисциплин — пример (ОГСЭ 500, ЕН 180, ОП 900 ч), а не норма стандарта:
#   ОГСЭ  48 + 48 + 200 + 204                               = 500, самост. 32 ч (6,4 %)
#   ЕН    108 + 72                                          = 180, самост. 10 ч (5,6 %)
#   ОП    120 + 132 + 100 + 108 + 72 + 100 + 80 + 60 + 60 + 68 = 900, самост. 54 ч (6,0 %)
# Вариативные часы (`variable`) у ЕН.01, ЕН.02 и ОП.01–ОП.09 — пример распределения вариативной части
# колледжем (в планах это столбец «Вар. часть»): часы, которыми колледж расширяет дисциплины
# обязательной части (ещё часть — продление производственных практик ПП.01 и ПП.03, modules.comp);
# ОГСЭ — ровно обязательный минимум, поэтому вариативных часов в нём нет. Сокращённая строка
# сохраняет долю вариативных часов.
# Экзамены: ЕН.01, ОП.02, ОП.03; остальное — дифзачёты; физическая культура вне лимитов.
# ОП.03 «Материаловедение» должно предшествовать МДК.01.01 и МДК.03.01, но у МДК нет поля
# `requires`, а modules.comp здесь не правится: эта связь в данных пока не выражена.

use "standard.comp"
use "../general-education/integration.comp"

# ---------------------------------------------------------------- ОГСЭ [M: названия]

discipline ОГСЭ.01 "Основы философии" {
  cycle ОГСЭ
  hours theory 36, practice 8, self_study 4
  attestation graded_credit
  total 48 h
  covers ОК-01, ОК-06
}

discipline ОГСЭ.02 "История" {
  cycle ОГСЭ
  hours theory 36, practice 8, self_study 4
  attestation graded_credit
  total 48 h
  covers ОК-05, ОК-06
  knows ИН-01
}

# Иностранный язык: дифференцированный зачёт в последнем семестре, без зачётов в промежуточных [M] —
# так план укладывается в пределы стандарта (не более 10 зачётов в учебный год).
discipline ОГСЭ.03 "Иностранный язык" {
  cycle ОГСЭ
  hours practice 188, self_study 12
  attestation graded_credit
  total 200 h
  terms all
  covers ОК-05, ОК-09
  can ИН-02
}

discipline ОГСЭ.04 "Физическая культура" {
  cycle ОГСЭ
  hours practice 192, self_study 12
  attestation credit each, graded_credit
  total 204 h
  terms all
  covers ОК-04, ОК-08
  can ИН-03
  outside_limits
}

# ---------------------------------------------------------------- ЕН [M: названия]

discipline ЕН.01 "Математика" {
  cycle ЕН
  hours theory 46, practice 48, self_study 6, attestation 8
  attestation exam
  total 108 h
  variable 36 h
  covers ОК-01, ОК-02
  knows ИН-04
  can ИН-05
}

discipline ЕН.02 "Экологические основы природопользования" {
  cycle ЕН
  hours theory 40, practice 28, self_study 4
  attestation graded_credit
  total 72 h
  variable 12 h
  covers ОК-07
  knows ИН-06
}

# ---------------------------------------------------------------- ОП [S: ОП.01, ОП.03; M: прочие]

discipline ОП.01 "Инженерная графика" {
  cycle ОП
  hours theory 16, practice 96, self_study 8
  attestation graded_credit
  total 120 h
  practical_training 48 h
  variable 40 h
  covers ОК-01, ОК-09, ПК-2.4
  knows З-01
  can ИН-10, У-01
}

discipline ОП.02 "Техническая механика" {
  cycle ОП
  hours theory 64, practice 44, lab 10, self_study 8, attestation 6
  attestation exam
  total 132 h
  variable 40 h
  covers ОК-01, ПК-2.2
  requires ЕН.01, ОП.01
  knows ИН-11
}

discipline ОП.03 "Материаловедение" {
  cycle ОП
  hours theory 48, practice 18, lab 22, self_study 6, attestation 6
  attestation exam
  total 100 h
  practical_training 22 h
  variable 40 h
  covers ОК-01, ПК-1.1, ПК-3.1
  knows ИН-13, З-02
}

discipline ОП.04 "Электротехника и электроника" {
  cycle ОП
  hours theory 52, practice 18, lab 30, self_study 8
  attestation graded_credit
  total 108 h
  variable 36 h
  covers ОК-01, ПК-1.3
  requires ЕН.01
  knows ИН-12
}

discipline ОП.05 "Метрология, стандартизация и сертификация" {
  cycle ОП
  hours theory 40, practice 28, self_study 4
  attestation graded_credit
  total 72 h
  variable 36 h
  covers ОК-09, ПК-3.2, ПК-3.4
  requires ОП.01
  knows З-04
}

discipline ОП.06 "Информационные технологии в профессиональной деятельности" {
  cycle ОП
  hours theory 20, practice 74, self_study 6
  attestation graded_credit
  total 100 h
  practical_training 74 h
  variable 40 h
  covers ОК-02, ПК-2.5
  requires ОП.01
  can ИН-07
}

discipline ОП.07 "Основы экономики организации" {
  cycle ОП
  hours theory 48, practice 26, self_study 6
  attestation graded_credit
  total 80 h
  variable 40 h
  covers ОК-03, ПК-2.3, ПК-4.2
  knows З-05
}

discipline ОП.08 "Менеджмент" {
  cycle ОП
  hours theory 36, practice 20, self_study 4
  attestation graded_credit
  total 60 h
  variable 20 h
  covers ОК-04, ПК-4.1
  requires ОП.07
}

discipline ОП.09 "Охрана труда" {
  cycle ОП
  hours theory 40, practice 16, self_study 4
  attestation graded_credit
  total 60 h
  variable 20 h
  covers ОК-07, ПК-4.5
  knows З-03
}

# 68 ч аудиторных занятий, из них 48 ч — основы военной службы [M]; самостоятельной работы нет.
discipline ОП.10 "Безопасность жизнедеятельности" {
  cycle ОП
  hours theory 38, practice 30
  attestation graded_credit
  total 68 h
  covers ОК-06, ОК-07
  knows ИН-08
  can ИН-09
}

# ---------------------------------------------------------------- преддипломная практика [M]
# Код строки — ПДП.01: код ПДП уже занят циклом (коды циклов и строк в одном пространстве имён,
# повтор даёт C102). Строка входит в цикл ПДП, поэтому `disciplines … ПДП` в программе её берёт.

practice ПДП.01 pre_diploma 4 w {
  covers ПК-1.1 .. ПК-1.4, ПК-2.1 .. ПК-2.5, ПК-3.1 .. ПК-3.4, ПК-4.1 .. ПК-4.5
  attestation graded_credit
  cycle ПДП
}
