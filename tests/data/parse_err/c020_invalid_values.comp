standard ФГОС-22.02.06 "Сварочное производство" {
  weekly_load 36.5
  practice_share_min 150%
  baseline 9-grades 3y13m
}
