"""ИС «Планы» `.plx` files read into a plain model of the plan (docs/interop.md, ../shared/formats/plx.md).

A `.plx` file is an XML-serialised .NET DataSet: every table a flat list of elements of the table's
name, every field an attribute, rows joined through `Код…` fields. Real files are UTF-16 with a BOM
(sometimes UTF-8), hold ~37 tables, and write codes loosely (`ОК 1`, ` ПМ.01`, a Latin `M`). The reader
is lenient: unknown tables and fields are ignored, codes are normalised, and whatever cannot be mapped
is counted for one report; it never raises. The XML is parsed by defusedxml (no entity expansion, no
external entities: a plan file from elsewhere cannot read local files or blow up memory).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from constructor.diagnostics import CONTROL_CHARACTERS, Diagnostic, diagnostic
from constructor.syntax.grammar import WORD

# КодВидаРаботы of hours (КодТипаЧасов 1: volume) → the language's kinds of hours
HOUR_KINDS = {
    101: "theory",
    102: "lab",
    103: "practice",
    104: "practice",  # seminars are practical classes
    107: "self_study",
    108: "attestation",
    114: "course_design",
    140: "project",
    141: "consultations",
}
TOTAL_KIND, WEEKS_KIND, CREDITS_KIND = 1000, 51, 50
MAX_TERMS, MAX_HOURS = 24, 100_000  # as the language reads them (C020): more is a broken file
# КодВидаРаботы of forms of control (a row with Количество 1 in that term) → the language's forms
FORMS = {1: "exam", 2: "credit", 3: "graded_credit", 4: "course_project", 5: "course_paper"}
IGNORED_FORMS = {6, 49}  # К (control work), Др (other): the language has no such form; counted
PRACTICE_KINDS = {6: "educational", 7: "production", 72: "pre_diploma"}
MODULE, DISCIPLINE, PRACTICE, CONTROL, ELECTIVE, FINAL = 1, 2, 3, 4, 5, 6

_LATIN = str.maketrans("ABCEHKMOPTXaceopxy", "АВСЕНКМОРТХасеорху")
_COMPETENCY = re.compile(r"^(ОК|ПК|ПКс|ЛР|ОПК|УК)\s*[-.]?\s*(\d+)(?:\s*\.\s*(\d+))?\s*\.?$")


@dataclass
class Row:
    key: str  # Код: rows refer to each other by it
    code: str  # the index, normalised
    title: str
    object_type: int  # ТипОбъекта
    alternative: bool  # ВидОбъекта 2 or 3: an alternative of an elective group
    practice: str | None  # educational / production / pre_diploma
    cycle: str | None  # Идентификатор of its cycle
    parent: str | None  # Код of the row it belongs to (the module of a МДК, the group of an alternative)
    counted: bool  # СчитатьВПлане
    planned: int  # ЧасовПоПлану
    hours: dict[int, dict[str, int]] = field(default_factory=dict)  # term → kind → hours
    totals: dict[int, int] = field(default_factory=dict)  # term → Итого (1000)
    forms: dict[int, list[str]] = field(default_factory=dict)  # term → forms of control
    weeks: dict[int, int] = field(default_factory=dict)  # term → weeks (practices)

    @property
    def terms(self) -> list[int]:
        return sorted(set(self.hours) | set(self.totals) | set(self.forms) | set(self.weeks))

    def total(self) -> int:
        return sum(sum(by_kind.values()) for by_kind in self.hours.values())


@dataclass
class Cycle:
    key: str
    id: str  # Идентификатор: ОГСЭ, ЕН, ОП, П, ПМ, ПДП, ГИА …
    title: str
    parent: str | None


class Losses(Counter[str]):
    """What an import could not carry: a count a kind, and where (a table and a row's code), the first
    few of each kind, so that a report can point at them."""

    SHOWN = 5

    def __init__(self) -> None:
        super().__init__()
        self.where: dict[str, list[str]] = {}

    def add(self, kind: str, where: str) -> None:
        self[kind] += 1
        places = self.where.setdefault(kind, [])
        if len(places) < self.SHOWN and where not in places:
            places.append(where)


@dataclass
class Competency:
    key: str
    code: str
    title: str
    activity: str | None  # the activity's key


@dataclass
class PlxPlan:
    specialty: str = ""  # Шифр: 09.02.07
    title: str = ""  # the specialty's title
    order: str = ""  # the standard's order (НомерДокумента, ДатаДокумента)
    qualification: str = ""
    admission: int | None = None  # ГодНачалаПодготовки
    form: int | None = None  # КодФормыОбучения: 1 очная, 2 заочная, 3 очно-заочная
    base: int | None = None  # КодБазы (what is known: 1 — 9 classes, 2 — 11 classes)
    years: int | None = None
    months: int | None = None
    terms_per_year: int = 2
    note: str = ""  # Примечание: the explanatory note
    institution: str = ""
    cycles: list[Cycle] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    activities: dict[str, str] = field(default_factory=dict)  # key → title
    competencies: list[Competency] = field(default_factory=list)
    matrix: dict[str, list[str]] = field(default_factory=dict)  # row key → competency codes
    # the calendar: (year, half of the year) → kind of week (КодВидаДеятельности) → weeks
    calendar: dict[tuple[int, int], Counter[int]] = field(default_factory=dict)
    complex_exams: list[list[str]] = field(default_factory=list)  # row keys examined together
    complex_credits: list[list[str]] = field(default_factory=list)  # row keys credited together
    unmapped: Losses = field(default_factory=lambda: Losses())  # what was not carried, by kind, and where

    def row(self, key: str | None) -> Row | None:
        return next((r for r in self.rows if r.key == key), None) if key is not None else None


def normalise_code(raw: str) -> str:
    """`ОК 1` → `ОК-01`, `ПК 1.1.` → `ПК-1.1`, ` ПM.01` (a Latin M) → `ПМ.01`; otherwise the code
    without spaces around it and with Latin look-alikes in Cyrillic words made Cyrillic."""
    text = raw.strip().rstrip(".")
    if re.search("[А-Яа-яЁё]", text):
        text = text.translate(_LATIN)
    m = _COMPETENCY.match(text)
    if m is not None:
        prefix, a, b = m.groups()
        return f"{prefix}-{int(a):02d}" if b is None and prefix in ("ОК", "ЛР") else f"{prefix}-{int(a)}.{int(b or 0)}"
    return re.sub(r"\s+", "", text)


def _line(value: str) -> str:
    """A title as one line of text a `.comp` string can hold: line breaks and tabs as spaces, control
    characters (and XML's noncharacters) dropped."""
    return " ".join(CONTROL_CHARACTERS.sub("", re.sub(r"[\r\n\t\u2028\u2029]+", " ", value)).split())


def _planned(plan: PlxPlan, value: str | None, code: str) -> int:
    """ЧасовПоПлану, when it is hours a row can have (else counted, and the row's terms are its hours)."""
    hours = _int(value) or 0
    if not 0 <= hours <= MAX_HOURS:
        plan.unmapped.add("hours-out-of-range", f"ПланыСтроки {code}")
        return 0
    return hours


def _int(value: str | None) -> int | None:
    try:
        return int(str(value).strip())
    except (TypeError, ValueError):
        return None


def _tables(data: bytes, shown: str) -> dict[str, list[dict[str, str]]] | Diagnostic:
    """The file's XML tables by name, or why they cannot be read: where the XML breaks (`&#0;` in a
    value is not XML: it was said «нет таблицы `ПланыСтроки`»), or the entities it declares."""
    import defusedxml.ElementTree as SafeET
    from defusedxml import DefusedXmlException

    try:
        root = SafeET.fromstring(data)
    except SafeET.ParseError as e:
        line, column = getattr(e, "position", (0, 0))
        return diagnostic(
            "C039", "plx-not-xml", None, path=shown, help="plx-malformed.help", line=line, column=column + 1
        )
    except (DefusedXmlException, ValueError):
        return diagnostic("C039", "plx-entities", None, path=shown, help="plx-malformed.help")
    tables: dict[str, list[dict[str, str]]] = {}
    for el in root.iter():
        name = el.tag.rsplit("}", 1)[-1]
        attrs = {k: v for k, v in el.attrib.items() if not k.startswith("{")}
        if attrs:
            tables.setdefault(name, []).append(attrs)
    return tables


def read_plx(path: str | Path, shown: str | None = None) -> tuple[PlxPlan | None, list[Diagnostic]]:
    """The plan of a `.plx` file, or None with why it is not one."""
    from constructor.resolve.loader import read_bytes

    shown = shown or str(path)
    data, problems = read_bytes(Path(path), shown)
    if data is None:
        return None, problems
    tables = _tables(data, shown)
    if isinstance(tables, Diagnostic):
        return None, [tables]
    if not tables.get("ПланыСтроки"):
        return None, [diagnostic("C039", "plx-malformed", None, path=shown, help="plx-malformed.help")]
    return _plan(tables), []


def _title_values(plan: PlxPlan, written_code: str) -> None:
    """The title's values the language cannot take are left out, each said (a tester's file with
    `ГодНачалаПодготовки="99999"` or `Шифр="22.02.06 }"` was written into a `.comp` that did not parse,
    an internal error): a year of admission 1990–2100, a term of 1–10 years and 0–11 months, a code."""
    if plan.specialty and not WORD.fullmatch(plan.specialty):
        plan.unmapped.add("title-value", f"ООП Шифр «{_line(written_code)}»")
        plan.specialty = ""
    if plan.admission is not None and not 1990 <= plan.admission <= 2100:
        plan.unmapped.add("title-value", f"Планы ГодНачалаПодготовки «{plan.admission}»")
        plan.admission = None
    if (plan.years is not None and not 0 <= plan.years <= 10) or (
        plan.months is not None and not 0 <= plan.months <= 11
    ):
        plan.unmapped.add("title-value", f"Планы СрокОбучения «{plan.years}», СрокОбученияМесяцев «{plan.months}»")
        plan.years = plan.months = None


def _plan(tables: dict[str, list[dict[str, str]]]) -> PlxPlan:
    plan = PlxPlan()
    oop = (tables.get("ООП") or [{}])[0]
    plan.specialty = normalise_code(oop.get("Шифр", ""))
    plan.title = _line(oop.get("Название", ""))
    number, date = oop.get("НомерДокумента", "").strip(), oop.get("ДатаДокумента", "").strip()[:10]
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):  # 2016-12-09 → 09.12.2016, as an order is cited
        date = ".".join(reversed(date.split("-")))
    plan.order = " ".join(x for x in (f"от {date}" if date else "", f"№ {number}" if number else "") if x)
    head = (tables.get("Планы") or [{}])[0]
    plan.qualification = _line(head.get("Квалификация", ""))
    plan.admission = _int(head.get("ГодНачалаПодготовки"))
    plan.form = _int(head.get("КодФормыОбучения"))
    plan.base = _int(head.get("КодБазы"))
    plan.years = _int(head.get("СрокОбучения"))
    plan.months = _int(head.get("СрокОбученияМесяцев"))
    _title_values(plan, oop.get("Шифр", ""))
    plan.terms_per_year = _int(head.get("СеместровНаКурсе")) or 2
    plan.note = CONTROL_CHARACTERS.sub("", head.get("Примечание", "").replace("\r\n", "\n")).strip()
    plan.institution = _line((tables.get("Филиалы") or tables.get("ВУЗ") or [{}])[0].get("Название", ""))
    cycles = {c["Код"]: c for c in tables.get("ПланыЦиклы", []) if "Код" in c}
    plan.cycles = [
        Cycle(k, normalise_code(c.get("Идентификатор", "")), _line(c.get("Цикл", "")), c.get("КодРодителя"))
        for k, c in cycles.items()
    ]
    cycle_id = {c.key: c.id for c in plan.cycles}
    for r in tables.get("ПланыСтроки", []):
        if "Код" not in r:
            plan.unmapped.add("row-without-key", f"ПланыСтроки «{_line(r.get('ДисциплинаКод', ''))}»")
            continue
        code = normalise_code(r.get("ДисциплинаКод", ""))
        if not WORD.fullmatch(code):
            plan.unmapped.add("row-code", f"ПланыСтроки «{_line(r.get('ДисциплинаКод', ''))}»")
            code = f"СТР-{len(plan.rows) + 1}"
        vid = _int(r.get("ВидПрактики"))
        if r.get("КодБлока") and r["КодБлока"] not in cycle_id:  # a cycle the file does not have
            plan.unmapped.add("row-cycle", f"ПланыСтроки {code}")
        plan.rows.append(
            Row(
                key=r["Код"],
                code=code,
                title=_line(r.get("Дисциплина", "")),
                object_type=_int(r.get("ТипОбъекта")) or DISCIPLINE,
                alternative=_int(r.get("ВидОбъекта")) in (2, 3),
                practice=PRACTICE_KINDS.get(vid) if vid is not None else None,
                cycle=cycle_id.get(r.get("КодБлока", "")),
                parent=r.get("КодРодителя") or None,
                counted=r.get("СчитатьВПлане", "true").strip().lower() not in ("false", "0", "-"),
                planned=_planned(plan, r.get("ЧасовПоПлану"), code),
            )
        )
    _hours(plan, tables.get("ПланыНовыеЧасы", []))
    _complex(plan, tables.get("КомплексныеФК", []), tables.get("Строки_КомплексныеФК", []))
    _calendar(plan, tables.get("ПланыГрафикиЯчейки", []))
    plan.activities = {
        a["Код"]: _line(a.get("Наименование", "")) for a in tables.get("ВидыДеятельности", []) if "Код" in a
    }
    comps = tables.get("ПланыКомпетенции") or tables.get("Компетенции") or []
    by_key: dict[str, str] = {}
    for c in comps:
        code = normalise_code(c.get("ШифрКомпетенции", ""))
        if not WORD.fullmatch(code):
            plan.unmapped.add("competency-code", f"ПланыКомпетенции «{_line(c.get('ШифрКомпетенции', ''))}»")
            continue
        by_key[c.get("Код", code)] = code
        plan.competencies.append(
            Competency(c.get("Код", code), code, _line(c.get("Наименование", "")), c.get("КодВидаДеятельности"))
        )
    for link in tables.get("ПланыКомпетенцииДисциплины", []):
        comp, row = by_key.get(link.get("КодКомпетенции", "")), link.get("КодСтроки")
        if comp is None or plan.row(row) is None:
            where = f"КодКомпетенции {link.get('КодКомпетенции', '')}, КодСтроки {link.get('КодСтроки', '')}"
            plan.unmapped.add("matrix-link", f"ПланыКомпетенцииДисциплины: {where}")
            continue
        assert row is not None
        codes = plan.matrix.setdefault(row, [])
        if comp not in codes:
            codes.append(comp)
    return plan


def _hours(plan: PlxPlan, cells: list[dict[str, str]]) -> None:
    rows = {r.key: r for r in plan.rows}
    for cell in cells:
        row = rows.get(cell.get("КодОбъекта", ""))
        work, kind = _int(cell.get("КодВидаРаботы")), _int(cell.get("КодТипаЧасов")) or 1
        year, half, amount = _int(cell.get("Курс")), _int(cell.get("Семестр")), _int(cell.get("Количество"))
        if row is None or work is None or year is None or half is None or amount is None:
            plan.unmapped.add("hours-cell", f"ПланыНовыеЧасы Код {cell.get('Код', '?')}")
            continue
        term = (year - 1) * plan.terms_per_year + half
        if not 1 <= term <= MAX_TERMS or not 0 <= amount <= MAX_HOURS:
            plan.unmapped.add("hours-out-of-range", f"ПланыНовыеЧасы {row.code}")  # a term or hours no row has
            continue
        if work in FORMS:
            if amount:
                row.forms.setdefault(term, []).append(FORMS[work])
        elif work in IGNORED_FORMS:
            plan.unmapped.add(f"form-{work}", f"ПланыНовыеЧасы {row.code}")
        elif kind != 1:
            continue  # interactive, per week, e-learning, practical training: views of the same hours
        elif work in HOUR_KINDS:
            by_kind = row.hours.setdefault(term, {})
            by_kind[HOUR_KINDS[work]] = by_kind.get(HOUR_KINDS[work], 0) + amount
        elif work == TOTAL_KIND:
            row.totals[term] = row.totals.get(term, 0) + amount
        elif work == WEEKS_KIND:
            row.weeks[term] = row.weeks.get(term, 0) + amount
        elif work != CREDITS_KIND:
            plan.unmapped.add(f"work-{work}", f"ПланыНовыеЧасы {row.code}")


def _complex(plan: PlxPlan, forms: list[dict[str, str]], links: list[dict[str, str]]) -> None:
    """Complex exams: a form (КодВидаРабот) shared by several rows. The link table's field names are not
    known for sure, so a link is read by its values: the one that is a complex form's key, the one that
    is a row's. Exams become `complex_exam`, credits and graded credits `complex_credit`; other shared
    forms are counted."""
    kinds = {f["Код"]: _int(f.get("КодВидаРабот") or f.get("КодВидаРаботы")) for f in forms if "Код" in f}
    rows = {r.key for r in plan.rows}
    groups: dict[str, list[str]] = {}
    for link in links:
        group = next((v for k, v in link.items() if v in kinds and k != "Код"), None)
        row = next((v for v in link.values() if v in rows), None)
        if group is None or row is None:
            plan.unmapped.add("complex-link", "Строки_КомплексныеФК")
            continue
        members = groups.setdefault(group, [])
        if row not in members:
            members.append(row)
    for group, members in groups.items():
        kind = kinds.get(group)
        if kind not in (1, 2, 3):
            plan.unmapped.add("complex-form", f"КомплексныеФК {group}")
        elif len(members) > 1:
            (plan.complex_exams if kind == 1 else plan.complex_credits).append(members)


def _calendar(plan: PlxPlan, cells: list[dict[str, str]]) -> None:
    """Each week once, as the kind of its first part (a week split in parts is counted where it starts)."""
    seen: set[tuple[int, int, int]] = set()
    for cell in sorted(cells, key=lambda c: _int(c.get("НомерЧастиНедели")) or 0):
        year, half, week = _int(cell.get("Курс")), _int(cell.get("Семестр")), _int(cell.get("НомерНедели"))
        kind = _int(cell.get("КодВидаДеятельности"))
        if year is None or half is None or week is None or kind is None:
            plan.unmapped.add("calendar-cell", f"ПланыГрафикиЯчейки Код {cell.get('Код', '?')}")
            continue
        if (year, half, week) in seen:
            continue
        seen.add((year, half, week))
        plan.calendar.setdefault((year, half), Counter())[kind] += 1
