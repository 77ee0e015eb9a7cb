# A cycle whose obligatory classes fall short of the 2014 standards' minimum: ОГСЭ.02 is of the variable
# part and self-study is not a class, so 440 h of the cycle are 360 h of obligatory classes.
cycle ОГСЭ "Общий гуманитарный и социально-экономический цикл" { role humanities  min_class_hours 432 h }
standard С "Стандарт" { weekly_load 36 h  term_weeks 17, 23  cycles ОГСЭ }
discipline ОГСЭ.01 "Основы философии" { hours theory 360, self_study 20 }
discipline ОГСЭ.02 "Психология общения" { hours theory 60  variable all }
program П "Программа" { standard С  disciplines ОГСЭ }
