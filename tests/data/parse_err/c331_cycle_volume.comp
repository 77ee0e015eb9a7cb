# A cycle below the standard's minimum, general education that is not its set volume, a cycle left out.
cycle ОО "Общеобразовательный цикл" { role general_education  volume 1476 h  base 9-grades }
cycle ОГСЭ "Общий гуманитарный и социально-экономический цикл" { role humanities  min_hours 432 h }
cycle ЕН "Математический и общий естественнонаучный цикл" { role natural }
standard С "Стандарт" { weekly_load 36 h  term_weeks 17, 23  cycles ОО, ОГСЭ, ЕН }
discipline ООД.01 "Русский язык" { cycle ОО  hours theory 78 }
discipline ОГСЭ.01 "Основы философии" { hours theory 48 }
program П "Программа" { standard С  base 9-grades  disciplines ОО, ОГСЭ }
