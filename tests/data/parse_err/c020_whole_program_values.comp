# Values of the whole-program fields that cannot be read.
cycle ОО "Общеобразовательный цикл" { volume 9-grades 1476 h }
standard С "Стандарт" { volume 5940 h }
discipline ОП.01 "Инженерная графика" { terms 40  term 0 { hours theory 10 } }
program П "Программа" { admission 1812 }
