# Вариативные дисциплины цикла ОГСЭ, которые добавляет колледж примера (пример; в планах по 22.02.06
# они не найдены, см. ../../22.02.06/disciplines.comp). Их часы полной программы (3г10м) — часть
# 5 940 ч стандарта; при сокращении цикл ОГСЭ не опускается ниже минимума стандарта (432 ч).
use "../../22.02.06/disciplines.comp"

discipline ОГСЭ.05 "Психология общения" {
  cycle ОГСЭ
  hours theory 32, practice 36, self_study 4
  attestation graded_credit
  total 72 h
  variable 72 h
  covers ОК-04, ОК-06
}

discipline ОГСЭ.06 "Русский язык и культура речи" {
  cycle ОГСЭ
  hours theory 30, practice 38, self_study 4
  attestation graded_credit
  total 72 h
  variable 72 h
  covers ОК-04, ОК-05
}
