standard С "с" { weekly_load 36 term_weeks 17, 23 }
competency К "Компетенция" { hours theory 10 }
module М "Модуль" { covers К }
program П "Программа" { standard С core М }
