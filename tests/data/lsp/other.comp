# A file the open document does not use, but that uses the same library: renaming a code of the
# library must rename it here too.
use "lib.comp"

competency ПК-1.3 "Выбирать оборудование" {
  requires ПК-1.1
}
