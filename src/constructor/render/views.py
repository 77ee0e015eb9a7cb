"""View models: everything the documents show, computed here so the templates only lay it out.

The `Plan` (from compaction) is the source of terms and hours; the declarations of the program's
scope add titles, knowledge/skills/experience and attestation forms.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from constructor.compact.plan import Item, Plan, course_parts
from constructor.graph.bundle_courses import as_planned
from constructor.i18n import Lang, Words
from constructor.model import AnyDeclaration, Competency, Cycle, CycleRole, Discipline, Module, Practice, Program
from constructor.model.codes import code_key
from constructor.render.codes import shown_code
from constructor.render.note import NoteDoc, note
from constructor.render.plan_table import (
    Row,
    course_row,
    final_row,
    item_row,
    joint_groups,
    sum_rows,
    with_years,
)
from constructor.render.schedule import Schedule as CalendarSchedule
from constructor.render.schedule import practice_kind
from constructor.render.schedule import schedule as calendar_schedule
from constructor.render.title import TitlePage, title_page
from constructor.syntax.values import WORDS
from constructor.words import count

DOC_WORDS = Words("doc.")  # the words are in the catalog: locale/*/LC_MESSAGES/constructor.po


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
    counts: list[tuple[str, list[str]]] = field(default_factory=list)  # exams, credits a year / limit
    term_weeks: list[str] = field(default_factory=list)  # «17 недель», «24 недели»: each term's length
    note: NoteDoc | None = None  # the explanatory note and the rooms that end the plan

    @property
    def joint(self) -> bool:
        """Whether a form column holds a complex exam or credit («4*»): the table then says what «*» is."""
        return any(r.joint for r in self.rows)


@dataclass
class MatrixDoc:
    """The competency matrix: the plan's rows (disciplines, modules with their МДК and practices)
    against the program's competencies, ОК first; a mark where the row forms the competency."""

    columns: list[str]
    rows: list[tuple[str, str, list[bool], int]]  # code, title, marks, level (0 a module, 1 a row)

    @property
    def wide(self) -> bool:
        """Too many competencies for a column each on a landscape page: the matrix is printed as a list,
        each row with the codes it forms, as ИС «Планы» lists them («Формируемые компетенции»). A real
        program has 30–40 (ОК, ПК, ПКс); a 1,000-competency one made the plan's PDF 5.9 MB and 97 s."""
        return len(self.columns) > MATRIX_COLUMNS

    @property
    def header_mm(self) -> int:
        """The height of the rotated headers: the longest label read bottom to top, at about 1.35 mm a
        character (6.5 pt), and at least the 14 mm a code takes («ПКс 5.1 (зачтено)» stuck out above)."""
        return max(14, round(1.35 * max((len(c) for c in self.columns), default=0)) + 2)

    @property
    def listed(self) -> list[tuple[str, str, str, int]]:
        """Each row with the codes it forms, in the columns' order."""
        return [
            (code, title, ", ".join(c for c, on in zip(self.columns, marks, strict=True) if on), level)
            for code, title, marks, level in self.rows
        ]


MATRIX_COLUMNS = 48  # competencies a landscape A4 page holds as columns (4 mm each beside the names)


def form_word(value: object | None, lang: Lang) -> str:
    if value is None:
        return ""
    for enum, table in WORDS.items():
        if isinstance(value, enum):
            spellings = table[value]
            return spellings[-1] if lang == "ru" else spellings[0]
    return str(value)


PRACTICE_TITLES = Words("doc.practice.")  # the words are in the catalog: locale/*/LC_MESSAGES/constructor.po


def title_of(item: Item, table: Mapping[str, AnyDeclaration], lang: Lang) -> str:
    if item.kind == "exam":  # «Экзамен по модулю», as ИС «Планы» names the row
        return DOC_WORDS[lang]["module-exam"]
    if item.kind == "practice":
        kind = practice_kind(item, table)
        return PRACTICE_TITLES[lang][kind.value if kind is not None else "production"]
    return item.title


def plan_doc(plan: Plan, table: Mapping[str, AnyDeclaration], lang: Lang) -> PlanDoc:
    table = as_planned(plan.program, table)  # its bundles' МДК in their modules (graph/bundle_courses.py)
    w = DOC_WORDS[lang]
    n = len(plan.terms)
    by_cycle: dict[str | None, list[Item]] = {}
    for item in plan.items:
        if item.hours_by_kind.total == 0 and item.kind != "practice":
            continue  # competencies with no hours of their own (ОК formed across the plan)
        by_cycle.setdefault(item.cycle, []).append(item)
    final = plan.final_attestation
    whole_final = final_row("ГИА", w["final"], final.hours, n)
    rows: list[Row] = []
    items_rows: list[Row] = []
    cycles: list[tuple[str | None, str]] = [(c.id, c.title) for c in plan.cycles]
    cycles += [(c, w["other"]) for c in by_cycle if c not in {cid for cid, _ in cycles}]
    final_placed = False
    for cycle, title in cycles:
        members = by_cycle.get(cycle, [])
        is_final = not members and final.hours and not final_placed and _is_final(table, cycle)
        if not members and not is_final:
            continue
        section, leaves = (
            module_rows(members, table, lang, n, w)
            if any(i.module for i in members)
            else _discipline_rows(members, table, lang, n)
        )
        if is_final:
            # indexed within the cycle, as the plan's other rows are: ГИА.01, ГИА.02…
            parts = [
                final_row(f"{cycle}.{k:02d}" if cycle else "", w[f"part.{p.kind}"], p.hours, n)
                for k, p in enumerate(final.parts, 1)
            ]
            section, leaves, final_placed = parts or [whole_final], parts or [whole_final], True
        rows.append(sum_rows(cycle or "", title, leaves, n))
        rows += section
        items_rows += leaves
    if not final_placed:
        rows.append(whole_final)
        items_rows.append(whole_final)
    totals = sum_rows("", w["total"], items_rows, n)
    program = table.get(plan.program)
    by_code = {r.code: r for r in rows}
    joint = joint_groups(program if isinstance(program, Program) else None, {r.code: r.forms for r in rows})
    for term, _, together in joint:
        for code, form in together:  # a complex exam or credit: «4*» in the form's column (the review)
            by_code[code].joint.add((form, term))
    years = [t.year for t in plan.terms]
    for row in (*rows, totals):
        with_years(row, years)
    calendar = calendar_schedule(plan, table, lang)
    summary = [  # every kind of work once: the lines add up to the total
        (w["theory"], totals.theory),
        (w["col.practice"], totals.practice),
        (w["col.lab"], totals.lab),
        (w["col.course"], totals.course),
        (w["col.training"], totals.training),
        (w["col.consultations"], totals.consultations),
        (w["self"], totals.self_study),
        (w["col.attestation"], totals.attestation),
        (w["final"], totals.final),
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
        _counts(plan, w),
        [count(t.weeks, "week", lang) for t in plan.terms],
        note(
            plan,
            table,
            lang,
            totals,
            rows,
            {p.kind: w[f"part.{p.kind}"] for p in final.parts},
        ),
    )


def _counts(plan: Plan, w: Mapping[str, str]) -> list[tuple[str, list[str]]]:
    """Exams and credits in each study year with the standard's limit, as the plan counted them."""
    out = []
    for key, value, limit in (("count.exams", "exams", "max_exams"), ("count.credits", "credits", "max_credits")):
        cells = []
        for year in plan.attestations:
            most = getattr(year, limit)
            cells.append(f"{getattr(year, value)}" + (f" / {most}" if most is not None else ""))
        out.append((w[key], cells))
    return out if plan.attestations else []


def _is_final(table: Mapping[str, AnyDeclaration], cycle: str | None) -> bool:
    """Whether `cycle` is the final attestation's (its role says so)."""
    decl = table.get(cycle) if cycle is not None else None
    return isinstance(decl, Cycle) and decl.role is CycleRole.FINAL


def _discipline_rows(
    items: list[Item], table: Mapping[str, AnyDeclaration], lang: Lang, n: int
) -> tuple[list[Row], list[Row]]:
    """A cycle of disciplines (or ПДП): a row each, in the order of their codes."""
    rows = [item_row(i, n, table, title_of(i, table, lang)) for i in sorted(items, key=lambda i: code_key(i.code))]
    return rows, rows


def module_rows(
    items: list[Item], table: Mapping[str, AnyDeclaration], lang: Lang, n: int, w: Mapping[str, str]
) -> tuple[list[Row], list[Row]]:
    """The professional cycle: per module its heading, then the МДК (the hours of the competencies each
    forms, term by term), the practices and the module's exam; competencies taught outside a module
    (an enterprise's) under their own heading. The competencies themselves belong in the competency
    matrix, not here."""
    groups: dict[str, list[Item]] = {}
    for item in items:
        key = item.module or ("__variable" if item.kind == "variable" else "__other")
        groups.setdefault(key, []).append(item)
    rows: list[Row] = []
    leaves: list[Row] = []
    for key in sorted(groups, key=lambda k: (k.startswith("__"), k)):
        members = [item_row(i, n, table, title_of(i, table, lang)) for i in groups[key]]
        if key.startswith("__"):
            rows.append(sum_rows("", w["variable"] if key == "__variable" else w["other"], members, n))
            rows += members
            leaves += members
            continue
        module = table.get(key)
        title = module.title.value if isinstance(module, Module) and module.title else key
        by_code = {r.code: r for r in members}
        by_course, left = course_parts(module, by_code) if isinstance(module, Module) else ([], list(by_code))
        courses: list[Row] = []
        for course, codes in by_course:
            courses.append(course_row(course, [by_code[c] for c in codes], n))
        rest = [by_code[c] for c in left]
        group = sum_rows(key, title, [*courses, *rest], n)
        rows += [group, *courses, *rest]
        leaves += [*courses, *rest]
    return rows, leaves


def disciplines_in_order(plan: Plan, table: Mapping[str, AnyDeclaration]) -> list[Discipline]:
    """The disciplines the plan teaches, cycle by cycle in the plan's order, by code within a cycle."""
    items = {i.code: i for i in plan.items}
    order = [c.id for c in plan.cycles]

    def cycle(d: Discipline) -> int:
        code = d.cycle.code if d.cycle else items[d.code].cycle
        return order.index(code) if code is not None and code in order else len(order)

    found = [d for d in table.values() if isinstance(d, Discipline) and d.code in items]
    return sorted(found, key=lambda d: (cycle(d), code_key(d.code)))


@dataclass
class Unwritten:
    """What the working programs still lack: those with no topic plan and no literature (each an
    `тема`/`литература` of the row, its module or a МДК). `render` says so: a reviewer found 34 of the
    example's 35 programs printing «Темы в программе не объявлены» and nothing had warned."""

    programs: int
    without_topics: list[str]
    without_literature: list[str]


def unwritten(plan: Plan, table: Mapping[str, AnyDeclaration]) -> Unwritten:
    table = as_planned(plan.program, table)
    rows: list[Discipline | Module] = list(disciplines_in_order(plan, table))
    rows += [m for m in table.values() if isinstance(m, Module) and any(i.module == m.code for i in plan.items)]

    def parts(row: Discipline | Module) -> list[Any]:
        return [row, *row.courses] if isinstance(row, Module) else [row]

    return Unwritten(
        len(rows),
        [r.code for r in rows if not any(getattr(p, "topics", ()) for p in parts(r))],
        [r.code for r in rows if not any(p.literature for p in parts(r))],
    )


def matrix(plan: Plan, table: Mapping[str, AnyDeclaration], lang: Lang = "ru") -> MatrixDoc:
    table = as_planned(plan.program, table)  # its bundles' МДК in their modules (graph/bundle_courses.py)
    items = {i.code: i for i in plan.items}
    comps = [i.code for i in plan.items if i.kind in ("general", "professional", "variable")]
    # a recognised competency is still the program's: a column, so the matrix agrees with the working
    # programs that list it, headed «(зачтено)» and with no row marked — the plan does not form it (the
    # review: «the matrix shows ПКс 5.1 as taught by МДК.05.01»)
    credited = {c for c in plan.recognized if isinstance(table.get(c), Competency)}
    comps += sorted(credited)
    columns = sorted(dict.fromkeys(comps), key=lambda c: (not c.startswith("ОК"), code_key(c)))
    index = {c: k for k, c in enumerate(columns)}

    def marks(codes: set[str]) -> list[bool]:
        return [c in codes and c not in credited for c in columns]

    rows: list[tuple[str, str, list[bool], int]] = []
    for d in disciplines_in_order(plan, table):
        covered = {r.code for r in d.covers if r.code in index}
        rows.append((d.code, d.title.value if d.title else d.code, marks(covered), 1))
    for item in plan.items:  # an employer's competency taught outside any МДК is a row of its own
        if item.kind == "variable" and item.module is None and item.code in index:
            rows.append((item.code, item.title, marks({item.code}), 1))
    for module in table.values():
        if not isinstance(module, Module) or not any(i.module == module.code for i in plan.items):
            continue
        taught = {r.code for r in module.taught if r.code in index}
        rows.append((module.code, module.title.value if module.title else module.code, marks(taught), 0))
        for course in module.courses:
            covered = {r.code for r in course.covers if r.code in index}
            rows.append((course.code, course.title.value if course.title else course.code, marks(covered), 1))
        for practice in module.practices:
            if practice.code in items:
                covered = {r.code for r in practice.covers if r.code in index} or taught
                rows.append((practice.code, PRACTICE_TITLES[lang][practice.kind.value], marks(covered), 1))
    for item in plan.items:  # a practice outside modules (ПДП) with the competencies it declares
        outside = table.get(item.code)
        if item.kind == "practice" and item.module is None and isinstance(outside, Practice):
            covered = {r.code for r in outside.covers if r.code in index}
            rows.append((outside.code, PRACTICE_TITLES[lang][outside.kind.value], marks(covered), 0))
    shown = [
        DOC_WORDS[lang]["credited-column"].format(code=shown_code(c)) if c in credited else shown_code(c)
        for c in columns
    ]
    return MatrixDoc(shown, rows)
