# `--as-written` needs every row's terms: ОП.02 and УП.01 write none.
standard С "Стандарт" { weekly_load 36 h  term_weeks 17, 23 }
discipline ОП.01 "Черчение" { hours theory 40  term 1 { hours theory 40 } }
discipline ОП.02 "Механика" { hours theory 60 }
practice УП.01 educational 36 h
program П "Программа" { standard С  disciplines ОП.01, ОП.02, УП.01 }
