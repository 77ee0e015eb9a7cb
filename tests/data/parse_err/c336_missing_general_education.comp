# A program for 9-grade entrants without the general-education cycle.
cycle ОО "Общеобразовательный цикл" { role general_education  volume 1476 h  base 9-grades }
cycle ОП "Общепрофессиональный цикл" { role general_professional }
standard С "Стандарт" { weekly_load 36 h  term_weeks 17, 23  cycles ОО, ОП }
discipline ОП.01 "Инженерная графика" { hours theory 16, practice 96 }
program П "Программа" { standard С  base 9-grades  disciplines ОП }
