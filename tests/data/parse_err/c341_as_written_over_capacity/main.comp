# The plan as written puts 700 h into a 17-week term of 36 h a week (612 h): said, not corrected.
standard С "Стандарт" { weekly_load 36 h  term_weeks 17, 23 }
discipline ОП.01 "Черчение" { hours theory 700  term 1 { hours theory 700  attestation exam } }
practice УП.01 educational 72 h { term 2 { hours practice 72 } }
program П "Программа" { standard С  disciplines ОП.01, УП.01 }
