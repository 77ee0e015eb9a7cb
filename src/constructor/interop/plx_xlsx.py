"""The Excel export of ИС «Планы» (`.plx.xlsx`) read into the same plain model as a `.plx` file (plx.py),
so that `import plx` writes the same project from either. What is known of the export is its «План»
sheet (../shared/formats/plx.md): `Считать в плане`, `Индекс`, `Наименование`, forms of control whose
cells hold the terms written together («34»), `По плану`, then under each `Курс k` / `Семестр s` the
columns `Итого`, `Лек`, `Лаб`, `Пр`, `КРП`, `ИП`, `Конс`, `СР`, `ПАтт`. The header is found by its labels,
not by position; a row's kind is read from its index (`ПМ.01`, `МДК.01.01`, `УП.01`, `ПМ.01.ЭК`, `ПДП`,
`ОГСЭ.ДВ.01` with its alternatives, the ГИА cycle's rows), which is how methodologists read the sheet.
The «Титул» sheet gives the specialty, qualification, admission year, term and order; «Компетенции»
the competencies and, where it lists them, each row's. The export has no calendar: the importer then
takes each term's weeks from its hours (docs/interop.md). Lenient and never raising, as plx.py."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from constructor.diagnostics import Diagnostic, diagnostic
from constructor.interop.plx import (
    CONTROL,
    DISCIPLINE,
    ELECTIVE,
    FINAL,
    MAX_HOURS,
    MAX_TERMS,
    MODULE,
    PRACTICE,
    Competency,
    Cycle,
    PlxPlan,
    Row,
    _line,
    normalise_code,
)
from constructor.syntax.grammar import WORD

# the columns under a term: the language's kinds of hours (Итого is the term's total)
KIND_COLUMNS = {
    "лек": "theory",
    "лаб": "lab",
    "пр": "practice",
    "сем": "practice",
    "крп": "course_design",
    "ип": "project",
    "конс": "consultations",
    "ср": "self_study",
    "патт": "attestation",
    "контроль": "attestation",
}
FORM_COLUMNS = {"экзамен": "exam", "зачет": "credit", "зачет с оц.": "graded_credit", "кп": "course_project"}
FORM_COLUMNS["кр"] = "course_paper"
# the same columns as `render` writes them (its «План» sheet): Э, З, ДЗ, «КП, КР»
FORM_COLUMNS |= {"э": "exam", "з": "credit", "дз": "graded_credit", "кп, кр": "course_project"}
MAX_ROWS = 5000  # a plan has a few hundred rows; more is not a plan
FINAL_CYCLES = ("ГИА",)
CYCLE_IDS = {"ОО", "ОУД", "СО", "ОП", "ОГСЭ", "СГ", "ЕН", "ОПЦ", "П", "ПЦ", "ПМ", "ПДП", "ГИА", "ПП", "ОП.ОО"}


def _label(value: Any) -> str:
    return " ".join(str(value).replace("ё", "е").split()).lower() if value is not None else ""


def _terms(value: Any) -> list[int]:
    """A form's cell: «34» — terms 3 and 4; «10,11» past term 9."""
    text = str(value).strip() if value is not None else ""
    if "," in text:
        return [int(t) for t in re.findall(r"\d+", text)]
    return [int(c) for c in text if c.isdigit()]


def _number(value: Any) -> int | None:
    try:
        number = round(float(str(value).replace(",", ".").replace(" ", "")))
    except (TypeError, ValueError):
        return None
    return number


class _Columns:
    """What each column of the «План» sheet holds, from the labels above the first row of data."""

    def __init__(self, header: list[list[Any]]) -> None:
        self.index = self.title = self.counted = self.planned = -1
        self.forms: dict[int, str] = {}
        self.hours: dict[int, tuple[int, str | None]] = {}  # column → (term, kind; None: the total)
        width = max(len(r) for r in header)
        carried: list[list[str]] = []
        for row in header:  # a group label (Курс 1, Семестр 2) covers the columns to its right
            labels, last = [], ""
            for j in range(width):
                text = _label(row[j]) if j < len(row) else ""
                last = text if text.startswith(("курс", "семестр")) else (last if not text else "")
                labels.append(text or last)
            carried.append(labels)
        for j in range(width):
            stack = [rows[j] for rows in carried if rows[j]]
            name = stack[-1] if stack else ""
            course = next((int(n) for s in stack if (n := _ordinal(s, "курс")) is not None), None)
            term = next((int(n) for s in stack if (n := _ordinal(s, "семестр")) is not None), None)
            if name == "индекс":
                self.index = j
            elif name == "наименование":
                self.title = j
            elif name == "считать в плане":
                self.counted = j
            elif name in ("по плану", "всего"):
                self.planned = j
            elif name in FORM_COLUMNS and term is None:
                self.forms[j] = FORM_COLUMNS[name]
            elif term is not None and (name == "итого" or name in KIND_COLUMNS):
                absolute = term if course is None or term > 2 else (course - 1) * 2 + term
                self.hours[j] = (absolute, KIND_COLUMNS.get(name))


def _ordinal(label: str, word: str) -> str | None:
    m = re.match(rf"{word}\s*(\d+)\b", label)  # «семестр 1», «семестр 1 17 недель»
    return m.group(1) if m else None


def _sheet_rows(wb: Any, name: str) -> Iterator[list[Any]]:
    if name not in wb.sheetnames:
        return
    for k, row in enumerate(wb[name].iter_rows(values_only=True)):
        if k >= MAX_ROWS:
            return
        yield list(row)


def read_plx_xlsx(path: str | Path, shown: str | None = None) -> tuple[PlxPlan | None, list[Diagnostic]]:
    """The plan of an ИС «Планы» Excel export, or None with why it is not one (C039)."""
    import zipfile

    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    from constructor.resolve.loader import read_bytes

    shown = shown or str(path)
    data, problems = read_bytes(Path(path), shown)
    if data is None:
        return None, problems
    malformed = [diagnostic("C039", "plx-malformed", None, path=shown, help="plx-malformed.help")]
    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError):
        return None, malformed
    rows = list(_sheet_rows(wb, "План"))
    start = next((k for k, r in enumerate(rows) if {"индекс", "наименование"} <= {_label(c) for c in r}), None)
    if start is None:
        return None, malformed
    index_col = [_label(c) for c in rows[start]].index("индекс")
    first = next((k for k in range(start + 1, len(rows)) if index_col < len(rows[k]) and rows[k][index_col]), len(rows))
    columns = _Columns(rows[start:first])
    plan = PlxPlan()
    _title(plan, list(_sheet_rows(wb, "Титул")))
    _rows(plan, columns, rows[first:])
    _competencies(plan, list(_sheet_rows(wb, "Компетенции")))
    if not plan.rows:
        return None, malformed
    return plan, []


def _title(plan: PlxPlan, rows: list[list[Any]]) -> None:
    """The title sheet's labelled values (the value is the next filled cell of the label's row)."""
    for row in rows:
        cells = [c for c in row if c is not None and str(c).strip()]
        if len(cells) < 2:
            continue
        label, value = _label(cells[0]).rstrip(":"), _line(str(cells[1]))
        if label.startswith("специальност") and (m := re.match(r"(\d{2}\.\d{2}\.\d{2})\s*(.*)", value)):
            plan.specialty, plan.title = m.group(1), m.group(2).strip(' «»"')
        elif label.startswith("квалификац"):
            plan.qualification = value
        elif label.startswith("год начала"):
            plan.admission = _number(value)
        elif label.startswith("срок обучения") and (m := re.match(r"(\d+)\s*г\D*(\d+)?", value)):
            plan.years, plan.months = int(m.group(1)), int(m.group(2) or 0)
        elif label.startswith("форма обучения"):
            plan.form = {"очная": 1, "заочная": 2, "очно-заочная": 3}.get(value.lower())
        elif label.startswith("приказ"):
            plan.order = value


def _is_cycle(code: str, title: str, row: list[Any], columns: _Columns) -> bool:
    """A cycle's row: an index without a dot that names a cycle (ОГСЭ, П, ПМ, ГИА …) or a title that
    says so, and no forms of control (its hours are its rows' sums, as in real exports)."""
    if "." in code or any(j < len(row) and row[j] for j in columns.forms):
        return False
    return code in CYCLE_IDS or bool(re.search(r"цикл|подготовка|модули|аттестация|практика", title.lower()))


def _kind(code: str, cycle: str | None) -> tuple[int, str | None]:
    """A row's kind (ТипОбъекта) and practice kind, from its index as the sheet writes it."""
    if cycle in FINAL_CYCLES:
        return FINAL, None
    if re.fullmatch(r"ПМ\.\d+", code):
        return MODULE, None
    if code.endswith(".ЭК") or code.endswith(".Э"):
        return CONTROL, None
    if code.startswith("ПДП"):
        return PRACTICE, "pre_diploma"
    if re.match(r"УП\.", code):
        return PRACTICE, "educational"
    if re.match(r"ПП\.", code):
        return PRACTICE, "production"
    if re.fullmatch(r".+\.ДВ\.\d+", code):
        return ELECTIVE, None
    return DISCIPLINE, None


def _rows(plan: PlxPlan, columns: _Columns, rows: list[list[Any]]) -> None:
    cycle: Cycle | None = None
    opened = -1  # the line of the last cycle's row: a row of the same code right under it is a row (ПДП)
    modules: dict[str, str] = {}  # ПМ number → the module row's key
    groups: dict[str, str] = {}  # ОГСЭ.ДВ.01 → the group row's key

    def cell(row: list[Any], j: int) -> Any:
        return row[j] if 0 <= j < len(row) else None

    for k, row in enumerate(rows):
        raw = cell(row, columns.index)
        if (raw is None or not str(raw).strip()) and _label(cell(row, columns.title)) in ("итого", "всего"):
            break  # the table's total: what follows (counts of exams a year) is no row
        has_hours = any(cell(row, j) not in (None, "") for j in columns.hours)
        if (raw is None or not str(raw).strip()) and cycle is not None and cycle.id in FINAL_CYCLES and has_hours:
            raw = f"{cycle.id}.{sum(1 for r in plan.rows if r.cycle == cycle.id) + 1:02d}"  # a ГИА part: its title says
        if raw is None or not str(raw).strip():
            continue
        code, title = normalise_code(str(raw)), _line(str(cell(row, columns.title) or ""))
        if m := re.fullmatch(r"([А-ЯЁ]+)\.([А-ЯЁ][А-ЯЁ ,-]{3,})", _line(str(raw))):  # «ОП.ОБЩЕОБРАЗОВАТЕЛЬНАЯ
            code, title = m.group(1), title or m.group(2).capitalize()  # ПОДГОТОВКА»: a cycle's row
        if not WORD.fullmatch(code):
            plan.unmapped.add("row-code", f"План «{_line(str(raw))}»")
            continue
        if _is_cycle(code, title, row, columns) and not (cycle is not None and cycle.id == code and opened == k - 1):
            cycle = Cycle(f"ц{len(plan.cycles) + 1}", code, title, None)  # its row carries its rows' sums
            plan.cycles.append(cycle)
            opened = k
            continue
        kind, practice = _kind(code, cycle.id if cycle else None)
        key = f"с{k + 1}"
        parent = None
        number = re.match(r"(?:МДК|УП|ПП|ПМ)\.(\d+)", code)
        if kind == MODULE:
            modules[code.split(".")[1]] = key
        elif number and (kind == CONTROL or (kind in (DISCIPLINE, PRACTICE) and not code.startswith("ПМ."))):
            parent = modules.get(number.group(1))  # МДК.01.01, УП.01, ПП.01, ПМ.01.ЭК: under ПМ.01
        group = re.match(r"(.+\.ДВ\.\d+)\.\d+$", code)
        if kind == ELECTIVE:
            groups[code] = key
        elif group and group.group(1) in groups:
            parent = groups[group.group(1)]
        counted = _label(cell(row, columns.counted)) not in ("-", "−", "нет", "false")
        r = Row(
            key=key,
            code=code,
            title=title,
            object_type=kind,
            alternative=parent is not None and parent in groups.values(),
            practice=practice,
            cycle=cycle.id if cycle else None,
            parent=parent,
            counted=counted,
            planned=_hours(plan, cell(row, columns.planned), code),
        )
        for j, (term, hours_kind) in columns.hours.items():
            amount = _hours(plan, cell(row, j), code)
            if not amount:
                continue
            if not 1 <= term <= MAX_TERMS:
                plan.unmapped.add("hours-out-of-range", f"План {code}")
            elif hours_kind is None:
                r.totals[term] = r.totals.get(term, 0) + amount
            else:
                by_kind = r.hours.setdefault(term, {})
                by_kind[hours_kind] = by_kind.get(hours_kind, 0) + amount
        for j, form in columns.forms.items():
            for term in _terms(cell(row, j)):
                if 1 <= term <= MAX_TERMS:
                    r.forms.setdefault(term, []).append(form)
        if kind in (PRACTICE, CONTROL, FINAL):  # their hours are the total, whatever kind a column says
            for term, by_kind in r.hours.items():
                r.totals.setdefault(term, sum(by_kind.values()))
            r.hours = {}
        plan.rows.append(r)


def _hours(plan: PlxPlan, value: Any, code: str) -> int:
    number = _number(value) if value not in (None, "") else 0
    if number is None or not 0 <= number <= MAX_HOURS:
        plan.unmapped.add("hours-out-of-range", f"План {code}")
        return 0
    return number


def _competencies(plan: PlxPlan, rows: list[list[Any]]) -> None:
    """Competencies (a code and its text), and a row's competencies where the sheet lists them
    (`Индекс`, …, codes separated by `;` or `,`)."""
    by_code = {r.code: r.key for r in plan.rows}
    for row in rows:
        cells = [c for c in row if c is not None and str(c).strip()]
        if len(cells) < 2:
            continue
        first = normalise_code(str(cells[0]))
        if re.fullmatch(r"(ОК|ПК|ПКс)-[\d.]+", first):
            plan.competencies.append(Competency(first, first, _line(str(cells[1])), None))
        elif first in by_code:
            for raw in re.split(r"[;,]", str(cells[-1])):
                code = normalise_code(raw)
                if re.fullmatch(r"(ОК|ПК|ПКс)-[\d.]+", code):
                    links = plan.matrix.setdefault(by_code[first], [])
                    if code not in links:
                        links.append(code)
