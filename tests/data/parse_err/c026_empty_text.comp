# Empty texts of a work program: each would print an empty line, so each is said and left out.
competency ПК-1.1 "Сваривать" { indicators "выбирает режим сварки", "" }
discipline ОП.01 "Черчение" {
  hours theory 36
  literature "  "
  literature "Бродский А. М. Инженерная графика"
  equipment ""
}
