standard ФГОС-Т "Стандарт без календаря" { order "Приказ" }
competency ПК-1.1 "Первая" { hours theory 36 }
module М "Модуль" { covers ПК-1.1 }
program П "Программа" { standard ФГОС-Т core М }
