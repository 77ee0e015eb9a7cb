competency ПК-1.1 "Применять"
