# A study year whose weeks of study, attestation and holidays do not make 52.
standard С "Стандарт" { weekly_load 36 h  term_weeks 17, 23 }
program П "Программа" { standard С  attestation_weeks 1, 2  holidays winter 2, summer 9 }
