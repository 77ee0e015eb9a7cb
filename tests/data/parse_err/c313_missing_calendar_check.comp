# `check` says what `compact` would refuse: a standard without term weeks.
standard С "Стандарт" { weekly_load 36 h }
program П "Программа" { standard С }
