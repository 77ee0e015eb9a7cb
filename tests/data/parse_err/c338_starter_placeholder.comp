# `constructor init` writes blanks for the title page; left as they are (or nearly, «И.О. Фамилия»), or
# left empty, `check` names them: once for the college, once for the program's signatories.
college КОЛЛЕДЖ "Полное наименование колледжа" {
  founder ""
  approved_by "Директор" "И. О. Фамилия"
}

competency ПК-1.1 "Выполнять работу" { hours theory 72 }

module ПМ.01 "Модуль" {
  covers ПК-1.1
  course МДК.01.01 "Курс" { covers ПК-1.1 }
  practice УП.01 educational 36 h
  attestation qualification_exam
}

program П-1 "Программа" {
  core ПМ.01
  college КОЛЛЕДЖ
  agreed_by "Должность, предприятие" "И. О. Фамилия"
  approved_by "Директор" "И.О. Фамилия"
}
