# Holidays outside the standard's range, and too short a winter break.
standard С "Стандарт" {
  weekly_load 36 h
  term_weeks 17, 23
  holiday_weeks_min 8
  holiday_weeks_max 11
  winter_holiday_weeks_min 2
}
program П "Программа" { standard С  holidays winter 1, summer 12 }
