# Пример программы «Профессионалитета»: 22.02.06 на базе 9 классов, нормативный срок 3г10м, цель 2г10м.
# Этот пример проверяет и собирает `make demo`.
use "../../22.02.06/modules.comp"
use "../../22.02.06/disciplines.comp"
use "../../general-education/technological.comp"
use "bundle.comp"
use "college.comp"

program 22.02.06-ПРОФ "Сварочное производство (Профессионалитет)" {
  standard ФГОС-22.02.06
  qualification "Техник"
  base 9-grades
  track professionalitet
  target 2y10m
  core ПМ.01 .. ПМ.05
  general ОК-1 .. ОК-9
  bundles ЗАВОД-2026
  recognize "Свидетельство о профессии рабочего, полученное в школе (профессиональное обучение)" covers ПКс-5.1,
      УП.05
  final_attestation thesis_preparation 108 h, thesis 72 h, demo_exam profile 36 h
  disciplines ОО, ОГСЭ, ЕН, ОП, ПДП.01
  college КОЛЛЕДЖ-ПРИМЕР
  form full_time
  education_profile technological
  admission 2026
  term_weeks 17, 25, 17, 25, 17, 24
  attestation_weeks 1, 1
  holidays winter 2, summer 6
  agreed_by "Главный инженер ООО «Завод металлоконструкций» (пример)" "П. П. Петров"
  # Комплексные дифференцированные зачёты (пример): по учебной и производственной практике модуля
  # и по родственным дисциплинам; в одном семестре они считаются одним зачётом из десяти в год.
  complex_credit УП.01, ПП.01
  complex_credit УП.02, ПП.02
  complex_credit УП.03, ПП.03
  complex_credit ООД.ДВ.01.01, ООД.ДВ.02.02
  complex_credit ОГСЭ.01, ОГСЭ.02
  complex_credit ЕН.02, ОП.10
  rooms КАБ-СЭД, КАБ-ИЯ, КАБ-ИГ, КАБ-ОТ, ЛАБ-ТМ, ЛАБ-ЭЭ, ЛАБ-МВ, ЛАБ-ИСП, МАС-СЛ, МАС-СВ, ПОЛ-СВ,
      СПОРТ, ЧИТ
}
