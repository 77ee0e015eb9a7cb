# Пример программы «Профессионалитета»: 09.02.07, квалификация «Программист», база 11 классов, 2г10м.
# Строение — как у учебного плана 2024 года (docs/catalogs.md): 4464 ч в шести полных
# семестрах 17, 25, 17, 24, 17, 24 недели × 36 ч; ГИА 216 ч из четырёх частей. Колледж, подписи и
# состав комплексного экзамена — пример.
use "../../09.02.07/whole.comp"
use "../welding/college.comp"

program 09.02.07-ПРОГ "Информационные системы и программирование (Профессионалитет)" {
  standard ФГОС-09.02.07
  qualification "Программист"
  base 11-grades
  track professionalitet
  target 2y10m
  core ПМ.01, ПМ.02, ПМ.04, ПМ.11
  general ОК-01 .. ОК-09
  final_attestation thesis_preparation 36 h, thesis 72 h, demo_exam_preparation 36 h,
      demo_exam profile 72 h
  disciplines ОГСЭ, ЕН, ОПЦ, ПДП.01
  college КОЛЛЕДЖ-ПРИМЕР
  form full_time
  admission 2026
  term_weeks 17, 25, 17, 24, 17, 24
  attestation_weeks 1, 1, 1, 2, 1, 1
  holidays winter 2, summer 6
  agreed_by "Директор по развитию ООО «Софт-Кластер» (пример)" "А. А. Смирнова"
  complex_exam МДК.04.01, МДК.04.02
  rooms КАБ-СЭД, КАБ-ИЯ, КАБ-МАТ, ЛАБ-ВТ, ЛАБ-ПО, ЛАБ-ПБД, ЛАБ-ИС, ЛАБ-ВЕБ, СПОРТ, ЧИТ
}
