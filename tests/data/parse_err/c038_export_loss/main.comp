# What a CurricularAnalytics CSV cannot carry: a choice among prerequisites, kinds, credit hours.
competency ПК-1.1 "Первая" { credits 3 }
competency ПК-1.2 "Вторая" { credits 3 }
competency ПК-1.3 "Третья" { requires ПК-1.1 or ПК-1.2 }
