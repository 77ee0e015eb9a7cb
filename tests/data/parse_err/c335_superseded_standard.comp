# A program on a standard that a newer one replaced.
standard ФГОС-22.02.06 "Сварочное производство" {
  weekly_load 36 h
  term_weeks 17, 23
  status superseded
  superseded_by "ФГОС СПО 15.02.19 «Сварочное производство»"
}
program П "Программа" { standard ФГОС-22.02.06 }
