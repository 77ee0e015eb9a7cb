"""View models: everything the documents show, computed here so the templates only lay it out.

The `Plan` (from compaction) is the source of terms and hours; the declarations of the program's
scope add titles, knowledge/skills/experience and attestation forms.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from constructor.compact.plan import Item, Plan
from constructor.i18n import Lang
from constructor.model import AnyDeclaration, Competency, Module, Outcome, Result
from constructor.render.schedule import Schedule as CalendarSchedule
from constructor.render.schedule import practice_kind
from constructor.render.schedule import schedule as calendar_schedule
from constructor.render.title import TitlePage, title_page
from constructor.syntax.values import WORDS

DOC_WORDS = {
    "ru": {
        "plan": "Учебный план",
        "calendar": "Календарный учебный график",
        "unscheduled": "Не размещены по семестрам в этой версии плана (часы в сводные данные не входят)",
        "budget": "Бюджет времени, недель",
        "month": "Месяц",
        "days": "Числа",
        "summary": "Сводные данные",
        "syllabus": "Рабочая программа профессионального модуля",
        "matrix": "Матрица компетенций",
        "report": "Отчёт о сокращении программы",
        "sites": "График занятий на площадках кластера",
        "bundles": "Пакеты предприятий",
        "term": "Семестр",
        "year": "Курс",
        "hours": "часов",
        "total": "Итого",
        "code": "Индекс",
        "title": "Наименование",
        "form": "Форма аттестации",
        "all": "Всего",
        "theory": "Теория",
        "practice": "Практика",
        "self": "Самост.",
        "general": "Общие компетенции",
        "variable": "Вариативная часть",
        "other": "Прочее",
        "final": "Государственная итоговая аттестация",
        "weeks": "недель",
        "T": "теоретическое обучение",
        "U": "учебная практика",
        "P": "производственная практика",
        "G": "ГИА",
        "K": "каникулы",
        "page": "Стр.",
        "of": "из",
    },
    "en": {
        "plan": "Curriculum plan",
        "calendar": "Calendar schedule",
        "unscheduled": "Not yet placed in terms in this version of the plan (their hours are not in the summary)",
        "budget": "Budget of time, weeks",
        "month": "Month",
        "days": "Days",
        "summary": "Summary of hours",
        "syllabus": "Module syllabus",
        "matrix": "Competency matrix",
        "report": "Compaction report",
        "sites": "Schedule at the cluster's sites",
        "bundles": "Enterprise bundles",
        "term": "Term",
        "year": "Year",
        "hours": "hours",
        "total": "Total",
        "code": "Index",
        "title": "Title",
        "form": "Attestation",
        "all": "Total",
        "theory": "Theory",
        "practice": "Practice",
        "self": "Self study",
        "general": "General competencies",
        "variable": "Variable part",
        "other": "Other",
        "final": "Final attestation",
        "weeks": "weeks",
        "T": "theory",
        "U": "educational practice",
        "P": "production practice",
        "G": "final attestation",
        "K": "holidays",
        "page": "Page",
        "of": "of",
    },
}


@dataclass
class Row:
    code: str
    title: str
    form: str
    total: int
    theory: int
    practice: int
    self_study: int
    by_term: list[int]
    level: int = 1  # 0 group heading, 1 item, 2 a course (a breakdown, not in the totals)
    by_year: list[int] = field(default_factory=list)


def _with_years(row: Row, years: list[int]) -> Row:
    """Hours by study year beside hours by term; `years[k]` is the year of term k + 1."""
    totals = [0] * (max(years) if years else 0)
    for k, hours in enumerate(row.by_term):
        totals[years[k] - 1] += hours
    row.by_year = totals
    return row


def _form_at(form: str, row: Row) -> str:
    """An attestation form with the term it falls in: the last term the row has hours in."""
    terms = [k + 1 for k, h in enumerate(row.by_term) if h]
    return f"{form} ({terms[-1]})" if form and terms else form


@dataclass
class PlanDoc:
    program: str
    title: str
    standard: str | None
    qualification: str | None
    base: str | None
    track: str
    duration: str
    baseline: str | None
    terms: list[tuple[int, int, int, int]]  # number, year, weeks, capacity
    years: list[int]
    rows: list[Row]
    totals: Row
    calendar: CalendarSchedule  # 52 weeks a year under months and dates, with the budget of time
    summary: list[tuple[str, int]]
    title_page: TitlePage | None = None
    unscheduled: list[str] = field(default_factory=list)  # rows the plan does not place in terms yet


@dataclass
class Outcomes:
    experience: list[str] = field(default_factory=list)
    skills: list[str] = field(default_factory=list)
    knowledge: list[str] = field(default_factory=list)


@dataclass
class SyllabusCompetency:
    code: str
    title: str
    outcomes: Outcomes
    terms: list[int]


@dataclass
class SyllabusDoc:
    module: str
    title: str
    activity: str | None
    program: str
    terms: list[int]
    competencies: list[SyllabusCompetency]
    parts: list[Row]  # courses and practices with their hours
    sites: list[str]
    attestation: str | None


@dataclass
class MatrixDoc:
    modules: list[str]
    rows: list[tuple[str, str, list[bool]]]


def form_word(value: object | None, lang: Lang) -> str:
    if value is None:
        return ""
    for enum, table in WORDS.items():
        if isinstance(value, enum):
            spellings = table[value]
            return spellings[-1] if lang == "ru" else spellings[0]
    return str(value)


PRACTICE_TITLES = {
    "ru": {
        "educational": "Учебная практика",
        "production": "Производственная практика",
        "pre_diploma": "Преддипломная практика",
    },
    "en": {
        "educational": "Educational practice",
        "production": "Production practice",
        "pre_diploma": "Pre-diploma practice",
    },
}


def _row(item: Item, terms: int, title: str | None = None, level: int = 1) -> Row:
    by_term = [item.hours_by_kind.total if item.term == t else 0 for t in range(1, terms + 1)]
    return Row(
        item.code,
        title or item.title,
        "",
        item.hours_by_kind.total,
        item.hours_by_kind.theory,
        item.hours_by_kind.practice,
        item.hours_by_kind.self_study,
        by_term,
        level,
    )


def title_of(item: Item, table: Mapping[str, AnyDeclaration], lang: Lang) -> str:
    if item.kind == "practice":
        kind = practice_kind(item, table)
        return PRACTICE_TITLES[lang][kind.value if kind is not None else "production"]
    return item.title


def _sum(code: str, title: str, rows: list[Row], terms: int, level: int = 0, form: str = "") -> Row:
    return Row(
        code,
        title,
        form,
        sum(r.total for r in rows),
        sum(r.theory for r in rows),
        sum(r.practice for r in rows),
        sum(r.self_study for r in rows),
        [sum(r.by_term[k] for r in rows) for k in range(terms)],
        level,
    )


def plan_doc(plan: Plan, table: Mapping[str, AnyDeclaration], lang: Lang) -> PlanDoc:
    w = DOC_WORDS[lang]
    n = len(plan.terms)
    groups: dict[str, list[Item]] = {}
    for item in plan.items:
        if item.hours_by_kind.total == 0 and item.kind != "practice":
            continue  # competencies with no hours of their own (ОК formed across the plan)
        key = item.module or ("__variable" if item.kind == "variable" else "__other")
        groups.setdefault(key, []).append(item)
    rows: list[Row] = []
    items_rows: list[Row] = []
    for key in sorted(groups, key=lambda k: (k.startswith("__"), k)):
        members = [_row(i, n, title_of(i, table, lang)) for i in groups[key]]
        if key.startswith("__"):
            title = w["variable"] if key == "__variable" else w["other"]
            rows.append(_sum("", title, members, n))
            rows += members
            items_rows += members
            continue
        module = table.get(key)
        title = module.title.value if isinstance(module, Module) and module.title else key
        form = form_word(module.attestation, lang) if isinstance(module, Module) else ""
        group = _sum(key, title, members, n)
        group.form = _form_at(form, group)
        rows.append(group)
        # the plan's rows are the МДК (the hours of the competencies each forms, term by term) and the
        # practices; the competencies themselves belong in the competency matrix, not here
        by_code = {r.code: r for r in members}
        used: set[str] = set()
        courses: list[Row] = []
        for course in module.courses if isinstance(module, Module) else ():
            parts = [by_code[r.code] for r in course.covers if r.code in by_code and r.code not in used]
            used.update(r.code for r in parts)
            if parts:
                row = _sum(course.code, course.title.value if course.title else course.code, parts, n, level=1)
                row.form = _form_at(form_word(course.attestation, lang), row)
                courses.append(row)
        rest = [r for r in members if r.code not in used]
        rows += [*courses, *rest]
        items_rows += [*courses, *rest]
    final = plan.final_attestation
    final_row = Row(
        "ГИА", w["final"], "", final.hours, 0, 0, 0, [final.hours if t == n else 0 for t in range(1, n + 1)]
    )
    rows.append(final_row)
    totals = _sum("", w["total"], [*items_rows, final_row], n)
    years = [t.year for t in plan.terms]
    for row in (*rows, totals):
        _with_years(row, years)
    calendar = calendar_schedule(plan, table, lang)
    summary = [
        (w["theory"], totals.theory),
        (w["practice"], totals.practice),
        (w["self"], totals.self_study),
        (w["final"], final.hours),
        (w["all"], totals.total),
    ]
    return PlanDoc(
        plan.program,
        plan.program_title,
        plan.standard,
        plan.qualification,
        plan.base,
        plan.track,
        plan.duration,
        plan.baseline,
        [(t.number, t.year, t.weeks, t.capacity_hours) for t in plan.terms],
        sorted({t.year for t in plan.terms}),
        rows,
        totals,
        calendar,
        summary,
        title_page(plan, table, lang),
        list(plan.unscheduled),
    )


def _texts(results: tuple[Result, ...], table: Mapping[str, AnyDeclaration]) -> list[str]:
    out = []
    for r in results:
        if r.text is not None:
            out.append(r.text)
        elif r.code is not None:
            decl = table.get(r.code)
            out.append(decl.title.value if isinstance(decl, Outcome) and decl.title else r.code)
    return out


def syllabi(plan: Plan, table: Mapping[str, AnyDeclaration], lang: Lang) -> list[SyllabusDoc]:
    items = {i.code: i for i in plan.items}
    sites = {s.code: s for s in plan.sites}
    out = []
    for decl in table.values():
        if not isinstance(decl, Module) or not any(i.module == decl.code for i in plan.items):
            continue
        codes = [r.code for r in (*decl.covers, *(r for c in decl.courses for r in c.covers))]
        comps = []
        for code in dict.fromkeys(codes):
            comp = table.get(code)
            if isinstance(comp, Competency):
                comps.append(
                    SyllabusCompetency(
                        code,
                        comp.title.value if comp.title else code,
                        Outcomes(_texts(comp.experience, table), _texts(comp.can, table), _texts(comp.knows, table)),
                        [items[code].term] if code in items else [],
                    )
                )
        n = len(plan.terms)
        parts = []
        for course in decl.courses:
            members = [items[r.code] for r in course.covers if r.code in items]
            row = _sum(
                course.code,
                course.title.value if course.title else course.code,
                [_row(i, n) for i in members],
                n,
                level=1,
                form=form_word(course.attestation, lang),
            )
            parts.append(row)
        for practice in decl.practices:
            if practice.code in items:
                parts.append(_row(items[practice.code], n, PRACTICE_TITLES[lang][practice.kind.value]))
        terms = sorted({i.term for i in plan.items if i.module == decl.code})
        hosted = sorted(
            {
                s.title
                for s in sites.values()
                for t in s.terms
                if any(items[c].module == decl.code for c in t.items if c in items)
            }
        )
        out.append(
            SyllabusDoc(
                decl.code,
                decl.title.value if decl.title else decl.code,
                decl.activity.code if decl.activity else None,
                plan.program,
                terms,
                comps,
                parts,
                hosted,
                form_word(decl.attestation, lang),
            )
        )
    return out


def matrix(plan: Plan, table: Mapping[str, AnyDeclaration]) -> MatrixDoc:
    modules = [d for d in table.values() if isinstance(d, Module) and any(i.module == d.code for i in plan.items)]
    covered = {m.code: {r.code for r in (*m.covers, *(r for c in m.courses for r in c.covers))} for m in modules}
    rows = []
    for item in plan.items:
        if item.kind in ("general", "professional", "variable"):
            rows.append((item.code, item.title, [item.code in covered[m.code] for m in modules]))
    rows.sort(key=lambda r: r[0])
    return MatrixDoc([m.code for m in modules], rows)
