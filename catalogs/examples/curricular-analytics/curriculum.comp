# Imported from curriculum.csv (CurricularAnalytics CSV) by `constructor import ca`: the 8-course reference
# curriculum of CurricularAnalytics.jl's tests (total complexity 27). Try `constructor metrics curriculum.comp`.

program curriculum "Reference curriculum of eight courses (CurricularAnalytics.jl test suite)" {
  tag institution "Example"
  tag degree_type "BS"
  tag system_type "semester"
  tag cip "11.0701"
}

competency 1 "A" {
  kind foundation
  credits 3
  tag prefix "EX"
  tag number "101"
}

competency 2 "B" {
  kind foundation
  credits 3
  tag prefix "EX"
  tag number "102"
}

competency 3 "C" {
  kind foundation
  requires 1, 2
  corequires 4
  credits 3
  tag prefix "EX"
  tag number "201"
}

competency 4 "D" {
  kind foundation
  credits 3
  tag prefix "EX"
  tag number "103"
}

competency 5 "E" {
  kind foundation
  requires 3
  credits 3
  tag prefix "EX"
  tag number "301"
}

competency 6 "F" {
  kind foundation
  requires 4
  credits 3
  tag prefix "EX"
  tag number "202"
}

competency 7 "G" {
  kind foundation
  credits 3
  tag prefix "EX"
  tag number "104"
}

competency 8 "H" {
  kind foundation
  credits 3
  tag prefix "EX"
  tag number "105"
}
