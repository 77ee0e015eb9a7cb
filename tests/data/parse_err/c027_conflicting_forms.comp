# Forms that cannot stand together: an exam and a credit closing one term; a module's exam on a
# discipline. A course project beside one form is how plans write it («Э, КП»): not reported.
cycle ОП "Общепрофессиональный цикл" { role general_professional }

discipline ОП.01 "Инженерная графика" {
  cycle ОП
  hours theory 40, practice 40
  term 1 { hours theory 40  attestation exam, course_project }
  term 2 { hours practice 40  attestation exam, credit, graded_credit }
}

discipline ОП.02 "Техническая механика" {
  cycle ОП
  hours theory 40
  attestation qualification_exam
}
