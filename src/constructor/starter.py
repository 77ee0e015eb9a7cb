"""`constructor init`: a ready project for a standard — `constructor.toml`, the shipped catalogs it needs
copied in (a `use` may not leave the project, so they are copied, not referenced), and a starter
program with comments in Russian that passes `check` and `compact` as written."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from constructor.output import OutputError, write_file


@dataclass(frozen=True)
class Starter:
    folders: tuple[str, ...]  # catalog folders to copy into catalogs/
    program: str


_PROGRAMMER = """\
# Программа «Профессионалитета» по 09.02.07 — заготовка, созданная `constructor init`.
# Поправьте её под свой колледж: коды и названия взяты из каталогов в папке catalogs/
# (там же — источники и пометки [V]/[S]/[M]: что сверено с приказом, а что нет).
# Проверить:  constructor check program.comp
# Собрать план по семестрам:  constructor compact program.comp
# Напечатать документы:  constructor render program.comp -o out

использовать "catalogs/09.02.07/whole.comp"

# Колледж: впишите полное наименование, учредителя и того, кто утверждает план (титульный лист).
колледж КОЛЛЕДЖ "Полное наименование колледжа" {
  учредитель "Учредитель колледжа"
  утверждает "Директор" "И. О. Фамилия"
}

программа 09.02.07-ПРОФ "Информационные системы и программирование (Профессионалитет)" {
  стандарт ФГОС-09.02.07
  квалификация "Программист"
  база 11-классов
  трек профессионалитет
  целевой_срок 2г10м
  # модули ядра: ВД 1, 2, 4 и 11 стандарта
  ядро ПМ.01, ПМ.02, ПМ.04, ПМ.11
  # общие компетенции — все ОК стандарта
  общие ОК-01 .. ОК-09
  гиа подготовка_вкр 36 ч, вкр 72 ч, подготовка_дэ 36 ч, ДЭ профильный 72 ч
  # циклы ОГСЭ, ЕН, ОПЦ целиком и преддипломная практика
  дисциплины ОГСЭ, ЕН, ОПЦ, ПДП.01
  колледж КОЛЛЕДЖ
  форма очная
  набор 2026
  # недели семестров: шесть полных семестров по 36 ч в неделю
  недели_семестров 17, 25, 17, 24, 17, 24
  недели_аттестации 1, 1, 1, 2, 1, 1
  каникулы зимние 2, летние 6
  # СОГЛАСОВАНО: представитель работодателя (строк может быть несколько)
  согласовано "Должность, предприятие" "И. О. Фамилия"
}
"""

_WELDING = """\
# Программа по 22.02.06 на базе 9 классов — заготовка, созданная `constructor init`.
# Стандарт 2014 года заменён ФГОС 15.02.19: `check` об этом предупреждает (C335).
# Проверить:  constructor check program.comp
# Собрать план по семестрам:  constructor compact program.comp

использовать "catalogs/22.02.06/modules.comp"
использовать "catalogs/22.02.06/disciplines.comp"
использовать "catalogs/general-education/technological.comp"

# Колледж: впишите полное наименование, учредителя и того, кто утверждает план (титульный лист).
колледж КОЛЛЕДЖ "Полное наименование колледжа" {
  учредитель "Учредитель колледжа"
  утверждает "Директор" "И. О. Фамилия"
}

программа 22.02.06-9 "Сварочное производство (на базе 9 классов)" {
  стандарт ФГОС-22.02.06
  квалификация "Техник"
  база 9-классов
  # модули ядра: все виды деятельности стандарта
  ядро ПМ.01 .. ПМ.05
  общие ОК-1 .. ОК-9
  гиа подготовка_вкр 108 ч, вкр 72 ч, ДЭ профильный 36 ч
  # общеобразовательный цикл (для базы 9 классов) и циклы ОГСЭ, ЕН, ОП
  дисциплины ОО, ОГСЭ, ЕН, ОП, ПДП.01
  колледж КОЛЛЕДЖ
  форма очная
  профиль технологический
  набор 2026
  недели_аттестации 1, 1
  каникулы зимние 2, летние 8
  # СОГЛАСОВАНО: представитель работодателя (строк может быть несколько)
  согласовано "Должность, предприятие" "И. О. Фамилия"
}
"""

STARTERS = {
    "09.02.07": Starter(("fgos", "general-education", "09.02.07"), _PROGRAMMER),
    "22.02.06": Starter(("fgos", "general-education", "22.02.06"), _WELDING),
}


def init_project(folder: str | Path, standard: str) -> list[Path]:
    """Write the project into `folder` (made if missing); the files written. Refuses to overwrite."""
    starter = STARTERS[standard]
    root = Path(folder)
    from constructor.shipped import shipped as shipped_folder

    shipped = shipped_folder("catalogs")
    targets = [root / "constructor.toml", root / "program.comp", *(root / "catalogs" / f for f in starter.folders)]
    # a link counts as taken, even a dangling one: writing through it would write outside the project
    taken = [t for t in targets if t.exists() or t.is_symlink()]
    if taken:
        raise OutputError(str(taken[0]), "already exists: constructor init does not overwrite", "exists")
    try:
        root.mkdir(parents=True, exist_ok=True)
        for name in starter.folders:
            shutil.copytree(shipped / name, root / "catalogs" / name, ignore=shutil.ignore_patterns("__pycache__"))
    except OSError as e:
        raise OutputError(str(root), e.strerror or str(e)) from e
    write_file(
        root / "constructor.toml",
        "# Корень проекта: `использовать` не может выйти за эту папку.\n"
        "# The project root: `use` paths may not leave this folder.\n".encode(),
    )
    write_file(root / "program.comp", starter.program.encode("utf-8"))
    return [root / "constructor.toml", root / "program.comp", *(root / "catalogs" / f for f in starter.folders)]
