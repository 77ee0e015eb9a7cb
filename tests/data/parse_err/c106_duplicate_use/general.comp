competency ОК-01 "Выбирать способы"
