# Пример программы «Профессионалитета»: 22.02.06 на базе 9 классов, нормативный срок 3г10м, цель 2г10м.
# Этот пример проверяет и собирает `make demo`.
use "../../22.02.06/modules.comp"
use "bundle.comp"

program 22.02.06-ПРОФ "Сварочное производство (Профессионалитет)" {
  standard ФГОС-22.02.06
  qualification "Техник"
  base 9-grades
  track professionalitet
  target 2y10m
  core ПМ.01 .. ПМ.05
  general ОК-01 .. ОК-09
  bundles ЗАВОД-2026
  recognize "Профильный класс школы: информатика и черчение" covers ОК-02
  recognize "Свидетельство о профессии рабочего, полученное в школе (профессиональное обучение)" covers ПКс-5.1
  final_attestation demo_exam profile 36 h, thesis 180 h
}
