"""A plan written as an ИС «Планы» `.plx` file (experimental: docs/interop.md). The tables are the ones
the importer reads (plx.py): ООП, Планы, ПланыЦиклы, ПланыСтроки, ПланыНовыеЧасы, ВидыДеятельности,
ПланыКомпетенции, ПланыКомпетенцииДисциплины, ПланыГрафикиЯчейки and the dictionaries of the codes
they use, in a .NET DataSet diffgram, UTF-16 with a BOM, as real files are.

Rows are the plan table's: a discipline, a МДК (the hours of the competencies it forms and its own,
term by term), a practice, a module's exam, a module as the parent of its МДК, practices and exam,
ПДП, the parts of the ГИА. Hours by kind in each term are split from the item's hours as compaction
splits them (`split_by_term`), so every term adds up to the plan's. Importing the file and planning
it `--as-written` gives back every row's hours and forms by term (a property test)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from xml.sax.saxutils import quoteattr

from constructor.compact.plan import Item, Plan, course_parts
from constructor.compact.rows import item_term_hours
from constructor.interop.plx import HOUR_KINDS, PRACTICE_KINDS
from constructor.model import (
    AnyDeclaration,
    AttestationForm,
    Base,
    Cycle,
    CycleRole,
    Hours,
    Module,
    Practice,
    Program,
    Standard,
)
from constructor.render import schedule as calendar_view

DIFFGRAM = "urn:schemas-microsoft-com:xml-diffgram-v1"
MSDATA = "urn:schemas-microsoft-com:xml-msdata"
DATASET = "http://tempuri.org/dsMMISDB.xsd"
KIND_CODES = {kind: code for code, kind in HOUR_KINDS.items() if code != 104}  # seminars are read as practice
FORM_CODES = {"Э": 1, "Эк": 1, "З": 2, "ДЗ": 3, "КП": 4, "КР": 5}
PRACTICE_CODES = {kind: code for code, kind in PRACTICE_KINDS.items()}
WEEK_CODES = {"Т": 1, "ПА": 3, "У": 4, "П": 5, "ПДП": 5, "Г": 11, "К": 12, "=": 13}
FINAL_TITLES = {
    "demo_exam_preparation": "Подготовка к демонстрационному экзамену",
    "demo_exam": "Проведение демонстрационного экзамена",
    "thesis_preparation": "Подготовка выпускной квалификационной работы",
    "thesis": "Защита выпускной квалификационной работы",
    "state_exam": "Государственный экзамен",
}
TYPES = {1: "Модуль", 2: "Дисциплина", 3: "Практика", 4: "Контроль", 6: "ГИА"}


@dataclass
class _Row:
    key: int
    code: str
    title: str
    kind: int  # ТипОбъекта
    cycle: int
    parent: int | None = None
    practice: int | None = None  # ВидПрактики
    by_term: dict[int, Hours] = field(default_factory=dict)
    forms: dict[int, list[str]] = field(default_factory=dict)
    covers: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(h.total for h in self.by_term.values())


def _forms(item: Item) -> dict[int, list[str]]:
    return {t: written.split(", ") for t, written in item.attestation.items()}


def _merge(into: _Row, item: Item) -> None:
    for t, h in item_term_hours(item).items():
        into.by_term[t] = into.by_term.get(t, Hours()) + h
    for t, forms in _forms(item).items():
        into.forms.setdefault(t, []).extend(f for f in forms if f not in into.forms[t])


def _competency_code(code: str) -> str:
    """`ОК-01` → `ОК 01`, `ПК-1.1` → `ПК 1.1`: as the plan files write them."""
    return code.replace("-", " ", 1)


class _Builder:
    def __init__(self, plan: Plan, table: Mapping[str, AnyDeclaration], program: Program) -> None:
        self.plan, self.table, self.program = plan, table, program
        self.next_key = 0
        self.cycles: dict[str, int] = {}
        self.rows: list[_Row] = []
        self.activities: dict[str, int] = {}
        self.outside = 0

    def key(self) -> int:
        self.next_key -= 1
        return self.next_key

    def cycle(self, code: str | None) -> int:
        code = code or "ПЦ"
        if code not in self.cycles:
            self.cycles[code] = self.key()
        return self.cycles[code]

    def build(self) -> None:
        plan = self.plan
        for c in plan.cycles:
            self.cycle(c.id)
        modules: dict[str, list[Item]] = {}
        for item in plan.items:
            if item.hours_by_kind.total == 0 and item.kind != "practice":
                continue  # competencies formed across the plan: the matrix's, not rows
            if item.module is not None:
                modules.setdefault(item.module, []).append(item)
                continue
            row = self.row_of(item, self.cycle(item.cycle))
            if item.kind in ("professional", "variable", "general"):  # an enterprise's competency outside
                self.outside += 1  # any module: a row of its own, coded apart from the competency it forms
                row.code, row.covers = f"ВАР.{self.outside:02d}", [item.code]
            self.rows.append(row)
        for code, members in sorted(modules.items()):
            self.module(code, members)
        self.final()

    def row_of(self, item: Item, cycle: int, parent: int | None = None) -> _Row:
        decl = self.table.get(item.code)
        kind = {"practice": 3, "exam": 4}.get(item.kind, 2)
        practice = PRACTICE_CODES.get(decl.kind.value) if isinstance(decl, Practice) else None
        row = _Row(self.key(), item.code, item.title, kind, cycle, parent, practice)
        _merge(row, item)
        row.covers = [r.code for r in getattr(decl, "covers", ())]  # a discipline's or practice's
        if item.kind == "exam":
            row.forms = {t: ["Эк"] for t in row.by_term}
        return row

    def module(self, code: str, members: list[Item]) -> None:
        mod = self.table.get(code)
        cycle = self.cycle(next((i.cycle for i in members if i.cycle), None))
        title = mod.title.value if isinstance(mod, Module) and mod.title else code
        head = _Row(self.key(), code, title, 1, cycle)
        if isinstance(mod, Module):
            head.covers = [r.code for r in mod.taught]
            if mod.activity is not None:
                self.activities.setdefault(mod.activity.code, self.key())
        self.rows.append(head)
        present = {i.code: i for i in members}
        groups, rest = course_parts(mod, present) if isinstance(mod, Module) else ([], list(present))
        for course, codes in groups:
            row = _Row(self.key(), course.code, course.title.value if course.title else course.code, 2, cycle, head.key)
            row.covers = [r.code for r in course.covers]
            for code in codes:
                _merge(row, present[code])
            self.rows.append(row)
        for code in rest:
            self.rows.append(self.row_of(present[code], cycle, head.key))
        for t, h in ((t, h) for r in self.rows if r.parent == head.key for t, h in r.by_term.items()):
            head.by_term[t] = head.by_term.get(t, Hours()) + h

    def final(self) -> None:
        fa = self.plan.final_attestation
        if not fa.hours:
            return
        final_cycle = next(
            (
                c.id
                for c in self.plan.cycles
                if isinstance(d := self.table.get(c.id), Cycle) and d.role is CycleRole.FINAL
            ),
            "ГИА",
        )
        cycle = self.cycle(final_cycle)
        parts = [(p.kind, p.hours) for p in fa.parts] or [("thesis", fa.hours)]
        for n, (kind, hours) in enumerate(parts, 1):
            row = _Row(self.key(), f"ГИА.{n:02d}", FINAL_TITLES[kind], 6, cycle)
            row.by_term = {fa.term: Hours(attestation=hours)}
            self.rows.append(row)


def _order(std: Standard) -> tuple[str, str]:
    """The standard's order as НомерДокумента and ДатаДокумента (`от 21.04.2014 № 360`)."""
    text = std.order.value if std.order else ""
    number = re.search(r"№\s*(\S+)", text)
    date = re.search(r"(\d{2})\.(\d{2})\.(\d{4})", text) or re.search(r"(\d{4})-(\d{2})-(\d{2})", text)
    iso = ""
    if date is not None:
        a, b, c = date.groups()
        iso = f"{c}-{b}-{a}T00:00:00" if len(c) == 4 else f"{a}-{b}-{c}T00:00:00"
    return (number.group(1) if number else ""), iso


def write_plx(plan: Plan, table: Mapping[str, AnyDeclaration], program: Program) -> bytes:
    """The `.plx` file of `plan` (UTF-16 with a BOM)."""
    from constructor.graph.bundle_courses import program_view

    table = program_view(program, table)  # the program's bundles' МДК in their modules, as planned
    b = _Builder(plan, table, program)
    b.build()
    std = table.get(plan.standard or "")
    std = std if isinstance(std, Standard) else None
    lines: list[str] = []

    def add(name: str, **attrs: object) -> None:
        """A row of table `name`: an element whose attributes are its fields, as the DataSet writes it."""
        values = [f"{k}={quoteattr(_xml_text(str(v)))}" for k, v in attrs.items() if v is not None and v != ""]
        values += [f'diffgr:id="{name}{len(lines) + 1}"', f'msdata:rowOrder="{len(lines)}"']
        lines.append(f"      <{name} {' '.join(values)} />")

    number, date = _order(std) if std is not None else ("", "")
    specialty = std.specialty.code if std is not None and std.specialty else ""
    title = std.specialty_title.value if std is not None and std.specialty_title else plan.program_title
    add("ООП", Код=1, Шифр=specialty, Название=title, НомерДокумента=number, ДатаДокумента=date)
    years, months = _term_of(plan.duration)
    add(
        "Планы",
        Код=1,
        Квалификация=plan.qualification or "",
        ГодНачалаПодготовки=program.admission,
        КодФормыОбучения=1,
        КодБазы={Base.GRADE_9.value: 1, Base.GRADE_11.value: 2}.get(plan.base or ""),
        СрокОбучения=years,
        СрокОбученияМесяцев=months,
        СеместровНаКурсе=2,
        Примечание="План сокращённой программы из constructor (экспериментальная выгрузка).",
    )
    titles = {c.id: c.title for c in plan.cycles}
    for code, key in b.cycles.items():
        add("ПланыЦиклы", Код=key, Идентификатор=code, Цикл=titles.get(code, code))
    for row in b.rows:
        add(
            "ПланыСтроки",
            Код=row.key,
            КодБлока=row.cycle,
            КодРодителя=row.parent,
            ДисциплинаКод=row.code,
            Дисциплина=row.title,
            ТипОбъекта=row.kind,
            ВидОбъекта=1,
            ВидПрактики=row.practice,
            ЧасовПоПлану=row.total,
            СчитатьВПлане="true",
        )
    for row in b.rows:
        if row.kind == 1:
            continue  # a module's hours are its rows'
        for term in sorted(set(row.by_term) | set(row.forms)):
            course, half = (term - 1) // 2 + 1, (term - 1) % 2 + 1
            hours = row.by_term.get(term, Hours())
            cells = [(1000, hours.total)] if hours.total else []
            if row.kind in (2, 4):
                cells += [(KIND_CODES[k], getattr(hours, k)) for k in KIND_CODES if getattr(hours, k)]
            cells += [(FORM_CODES[f], 1) for f in row.forms.get(term, []) if f in FORM_CODES]
            for work, amount in cells:
                add(
                    "ПланыНовыеЧасы",
                    КодОбъекта=row.key,
                    КодВидаРаботы=work,
                    КодТипаЧасов=1,
                    Курс=course,
                    Семестр=half,
                    Количество=amount,
                )
    for code, key in b.activities.items():
        act = table.get(code)
        add("ВидыДеятельности", Код=key, Наименование=act.title.value if act is not None and act.title else code)
    comp_keys: dict[str, int] = {}
    for item in plan.items:
        if item.kind in ("general", "professional", "variable") and item.code not in comp_keys:
            comp_keys[item.code] = b.key()
            decl = table.get(item.code)
            activity = getattr(decl, "activity", None)
            add(
                "ПланыКомпетенции",
                Код=comp_keys[item.code],
                ШифрКомпетенции=_competency_code(item.code),
                Наименование=item.title,
                КодВидаДеятельности=b.activities.get(activity.code) if activity is not None else None,
            )
    for row in b.rows:
        for code in row.covers:
            if code in comp_keys:
                add("ПланыКомпетенцииДисциплины", КодКомпетенции=comp_keys[code], КодСтроки=row.key)
    by_code = {row.code: row.key for row in b.rows}
    for group in program.complex_exams:  # a complex exam: one form, shared by its rows
        key = b.key()
        add("КомплексныеФК", Код=key, КодВидаРабот=1)
        for ref in group:
            if ref.code in by_code:
                add("Строки_КомплексныеФК", КодКомплексногоФК=key, КодСтроки=by_code[ref.code])
    for group in program.complex_credits:  # a complex credit: ЗаО (3) when one of its rows is graded, else За (2)
        graded = any(
            getattr(table.get(ref.code), "attestation", None) == AttestationForm.GRADED_CREDIT for ref in group
        )
        key = b.key()
        add("КомплексныеФК", Код=key, КодВидаРабот=3 if graded else 2)
        for ref in group:
            if ref.code in by_code:
                add("Строки_КомплексныеФК", КодКомплексногоФК=key, КодСтроки=by_code[ref.code])
    view = calendar_view.schedule(plan, table, "ru")
    for year in view.years:
        half, week, seen_holiday = 1, 0, False
        for code in year.codes:
            if code == "К":
                seen_holiday = True
            elif seen_holiday and half == 1:
                half, week, seen_holiday = 2, 0, False
            week += 1
            add(
                "ПланыГрафикиЯчейки",
                Курс=year.year,
                Семестр=half,
                НомерНедели=week,
                НомерЧастиНедели=1,
                КодВидаДеятельности=WEEK_CODES.get(code, 13),
            )
    for kind, name in sorted(TYPES.items()):
        add("СправочникТипОбъекта", Код=kind, Название=name)
    text = "\n".join(
        [
            '<?xml version="1.0" encoding="utf-16"?>',
            '<Документ Тип="РАБОЧИЙ УЧЕБНЫЙ ПЛАН" СеместровНаКурсе="2" КодФормыОбучения="1">',
            f'  <diffgr:diffgram xmlns:diffgr="{DIFFGRAM}" xmlns:msdata="{MSDATA}">',
            f'    <dsMMISDB xmlns="{DATASET}">',
            *lines,
            "    </dsMMISDB>",
            "  </diffgr:diffgram>",
            "</Документ>",
            "",
        ]
    )
    return b"\xff\xfe" + text.encode("utf-16-le")


def _xml_text(text: str) -> str:
    """Without the control characters XML 1.0 cannot hold (a title may carry them)."""
    return "".join(c for c in text if c >= " " or c in "\t\n\r")


def _term_of(duration: str) -> tuple[int, int]:
    m = re.fullmatch(r"(?:(\d+)y)?(?:(\d+)m)?", duration)
    return (int(m.group(1) or 0), int(m.group(2) or 0)) if m else (0, 0)
