# An elective group with no alternative, and one that chooses a discipline it does not have.
elective ОГСЭ.ДВ.01 "Дисциплины по выбору" { }
elective ОГСЭ.ДВ.02 "Дисциплины по выбору" {
  choose ОГСЭ.ДВ.02.03
  discipline ОГСЭ.ДВ.02.01 "Психология общения" { hours theory 36 }
  discipline ОГСЭ.ДВ.02.02 "Русский язык и культура речи" { hours theory 36 }
}
discipline ОГСЭ.ДВ.02.03 "Этика" { hours theory 36 }
