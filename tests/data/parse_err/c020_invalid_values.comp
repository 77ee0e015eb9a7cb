standard ФГОС-22.02.06 "Сварочное производство" {
  weekly_load 36.5
  practice_share_min 150%
  baseline 9-grades 3y13m
}

program П "Программа" {
  target 0y
  final_attestation demo_exam profile 36 h, thesis profile 180 h
}
