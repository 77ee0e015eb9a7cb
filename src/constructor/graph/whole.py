"""A whole program as a plan lists it: rows by cycle (general education, СГ/ОГСЭ, ЕН, ОП, the modules
with their МДК, practices and module exams, ПДП, ГИА), and the rules a standard sets on them.

`check` and `compact` read the program through `whole()` and the calendar through `calendar_of()`,
so both apply the same rules from one place.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from constructor.diagnostics import Diagnostic, diagnostic
from constructor.graph.graph import CompetencyGraph
from constructor.model import (
    AnyDeclaration,
    AttestationForm,
    Competency,
    Course,
    Cycle,
    CycleRole,
    Discipline,
    Elective,
    Hours,
    Module,
    Practice,
    Program,
    Ref,
    Span,
    Standard,
)

if TYPE_CHECKING:  # graph.program imports this module
    from constructor.graph.program import ProgramContent

RowKind = Literal["discipline", "course", "competency", "practice", "exam", "final"]
EXAMS = (AttestationForm.EXAM, AttestationForm.QUALIFICATION_EXAM)
CREDITS = (AttestationForm.CREDIT, AttestationForm.GRADED_CREDIT)
# roles whose hours the obligatory/variable split is of (general education, ПДП and ГИА are outside it)
SPLIT_ROLES = (CycleRole.HUMANITIES, CycleRole.NATURAL, CycleRole.GENERAL_PROFESSIONAL, CycleRole.PROFESSIONAL)
ComplexKind = Literal["exam", "credit"]


def complex_forms(program: Program) -> list[tuple[ComplexKind, tuple[Ref, ...]]]:
    """The program's complex forms of control, numbered as the scheduler's mark groups are: its complex
    exams (`complex_exam`), then its complex credits (`complex_credit`, a complex graded credit of
    practices as colleges hold them). A group's forms in one term count once against the yearly limits."""
    return [("exam", g) for g in program.complex_exams] + [("credit", g) for g in program.complex_credits]


def complex_span(program: Program, kind: ComplexKind, group: tuple[Ref, ...]) -> Span:
    """Where a complex form's rows are written (from its first code to its last), so that each of a
    program's complex credits is pointed at on its own line."""
    if not group:
        return program.fields.get("COMPLEX_EXAM" if kind == "exam" else "COMPLEX_CREDIT", program.code_span)
    first, last = group[0].span, group[-1].span
    if first.file != last.file:
        return first
    return dataclasses.replace(first, end_line=last.end_line, end_column=last.end_column)


def complex_form_of(program: Program) -> dict[tuple[str, ComplexKind], int]:
    """(row code, kind) → the number of the complex form it belongs to."""
    return {(ref.code, kind): k for k, (kind, group) in enumerate(complex_forms(program)) for ref in group}


@dataclass(frozen=True)
class Row:
    """One row of the plan: what it is, its cycle and hours by kind."""

    code: str
    title: str
    kind: RowKind
    cycle: str | None
    hours: Hours
    module: str | None = None
    variable: int = 0  # hours from the variable part
    span: Span | None = None


@dataclass
class WholeProgram:
    program: Program
    standard: Standard | None
    cycles: dict[str, Cycle] = field(default_factory=dict)  # the standard's cycles, in its order
    rows: list[Row] = field(default_factory=list)
    disciplines: list[Discipline] = field(default_factory=list)  # counted ones (chosen alternatives)

    @property
    def total(self) -> int:
        return sum(r.hours.total for r in self.rows)

    def hours_by_cycle(self) -> dict[str | None, int]:
        out: dict[str | None, int] = {c: 0 for c in self.cycles}
        for row in self.rows:
            out[row.cycle] = out.get(row.cycle, 0) + row.hours.total
        return out

    def class_hours_by_cycle(self) -> dict[str | None, int]:
        """Each cycle's hours of obligatory classes (`min_class_hours`): the hours with the teacher
        less the variable part, row by row. A row's variable hours are counted against its hours with
        the teacher first, so that a cycle said to meet the minimum meets it however the college splits
        a row's variable hours between classes and self-study."""
        out: dict[str | None, int] = {c: 0 for c in self.cycles}
        for row in self.rows:
            out[row.cycle] = out.get(row.cycle, 0) + class_hours(row.hours, row.variable)
        return out

    def role_cycle(self, role: CycleRole) -> str | None:
        return next((c.code for c in self.cycles.values() if c.role is role), None)


def class_hours(hours: Hours, variable: int) -> int:
    """A row's hours of obligatory classes: with the teacher, less its variable hours."""
    return max(0, hours.with_teacher - variable)


def cycle_of(code: str, declared: str | None, cycles: Mapping[str, Cycle]) -> str | None:
    """A discipline's cycle: as written, else the cycle its index begins with (`ОП.01` → `ОП`)."""
    if declared is not None:
        return declared
    prefix = code.split(".", 1)[0]
    return prefix if prefix in cycles else None


def calendar_of(program: Program, std: Standard | None) -> tuple[list[int], int] | None:
    """The study weeks of each term (the program's own, else the standard's pattern) and the weekly
    load; None when either is missing (C313). Terms of zero weeks are refused (C313 too)."""
    if std is None or not std.weekly_load:
        return None
    weeks = list(program.term_weeks or std.term_weeks)
    if not weeks or any(w <= 0 for w in weeks):
        return None
    return weeks, std.weekly_load


def planning_calendar(
    program: Program, table: Mapping[str, AnyDeclaration]
) -> tuple[Standard, list[int], int] | list[Diagnostic]:
    """The standard, the weeks of each term and the weekly load a plan is made with; else why not (C313)."""
    std = table.get(program.standard.code) if program.standard else None
    std = std if isinstance(std, Standard) else None
    weeks_load = calendar_of(program, std)
    if std is None or weeks_load is None:
        missing = missing_calendar(program, std)
        return [missing] if missing is not None else []
    return std, *weeks_load


TERMS_PER_YEAR = 2  # a program that lists its own terms' weeks lists two a year (СеместровНаКурсе)


def per_year(program: Program, term_weeks: list[int]) -> int:
    """Terms a year: the standard's pattern is one year; a program's own list is every term, two a year."""
    return TERMS_PER_YEAR if program.term_weeks else len(term_weeks)


def load_hours(hours: Hours) -> int:
    """The hours a row puts on its term. The weekly load is of every kind of work (36 academic hours a
    week, self-study included, as real plans' notes say): `check` and `compact` both count this."""
    return hours.total


def target_terms(program: Program, std: Standard | None) -> int | None:
    """How many terms the program's target allows, by the calendar (None without a target or calendar)."""
    from constructor.graph import calendar

    cal = calendar_of(program, std)
    if cal is None or program.target is None:
        return None
    weeks, _ = cal
    return calendar.terms_for(program.target, weeks, per_year(program, weeks))


def final_hours(program: Program, std: Standard | None) -> int:
    """Hours of the final attestation: its parts as written (weeks at the weekly load), else the standard's."""
    load = std.weekly_load if std else None
    written = sum(p.amount.hours(load) for p in program.final_parts)
    return written or ((std.final_attestation_hours or 0) if std else 0)


def final_too_large(program: Program, std: Standard | None) -> Diagnostic | None:
    """C311: a final attestation larger than every term can never be placed (`check` says it too)."""
    cal = calendar_of(program, std)
    if cal is None:
        return None
    weeks, load = cal
    largest = max(weeks) * load
    hours = final_hours(program, std)
    if hours <= largest:
        return None
    where = program.fields.get("FINAL_ATTESTATION", program.code_span)
    return diagnostic("C311", "final-exceeds-term", where, hours=hours, capacity=largest)


def missing_calendar(program: Program, std: Standard | None) -> Diagnostic | None:
    """C313: what `compact` needs of the calendar, said by `check` too."""
    if calendar_of(program, std) is not None:
        return None
    where = program.fields.get("STANDARD", program.code_span)
    return diagnostic("C313", "missing-calendar", where, program=program.code, help="missing-calendar.help")


def variable_hours(decl: Discipline | Course | Practice | Module | None, hours: int) -> int:
    if decl is None or decl.variable is None:
        return 0
    return hours if decl.variable.hours is None else min(decl.variable.hours, hours)


def course_hours(course: Course, graph: CompetencyGraph) -> Hours:
    """A course's hours: its own when written, else those of the competencies it covers."""
    if course.hours.total:
        return course.hours
    return sum((graph.competencies[r.code].hours for r in course.covers if r.code in graph.competencies), Hours())


def whole(
    program: Program,
    table: Mapping[str, AnyDeclaration],
    graph: CompetencyGraph,
    content: ProgramContent | None = None,
) -> WholeProgram:
    """Every row the program teaches, each in its cycle; `content` is the program's `gather` when the
    caller has it already."""
    std = table.get(program.standard.code) if program.standard else None
    std = std if isinstance(std, Standard) else None
    out = WholeProgram(program, std)
    if std is not None:
        out.cycles = {r.code: c for r in std.cycles if isinstance(c := table.get(r.code), Cycle)}
    load = std.weekly_load if std else None
    professional = out.role_cycle(CycleRole.PROFESSIONAL)
    picked: list[AnyDeclaration] = []
    for ref in program.disciplines:
        target = table.get(ref.code)
        if isinstance(target, Cycle):
            picked.extend(_members(target.code, table, out.cycles))
        elif target is not None:
            picked.append(target)
    seen: set[str] = set()
    for decl in picked:
        if decl.code in seen:
            continue
        seen.add(decl.code)
        if isinstance(decl, Elective):
            chosen = decl.chosen
            if chosen is not None and chosen.code not in seen:
                seen.add(chosen.code)
                out.disciplines.append(chosen)
        elif isinstance(decl, Discipline):
            out.disciplines.append(decl)
        elif isinstance(decl, Practice):
            cycle = decl.cycle.code if decl.cycle else out.role_cycle(CycleRole.PRE_DIPLOMA) or professional
            hours = Hours(practice=decl.hours_at(load))
            out.rows.append(
                Row(decl.code, _title(decl), "practice", cycle, hours, None, variable_hours(decl, hours.total))
            )
    for d in out.disciplines:
        cycle = cycle_of(d.code, d.cycle.code if d.cycle else None, out.cycles)
        out.rows.append(
            Row(d.code, _title(d), "discipline", cycle, d.hours, None, variable_hours(d, d.hours.total), d.span)
        )
    taught: set[str] = set()
    for ref in program.core:
        mod = table.get(ref.code)
        if not isinstance(mod, Module):
            continue
        cycle = mod.cycle.code if mod.cycle else professional
        for course in mod.courses:
            hours = course_hours(course, graph)
            taught.update(r.code for r in course.covers)
            variable = variable_hours(course, hours.total) or variable_hours(mod, hours.total)
            if not variable:  # an employer's competencies (ПКс) the course forms
                variable = min(hours.total, sum(_variable_competency(graph, r.code) for r in course.covers))
            out.rows.append(Row(course.code, _title(course), "course", cycle, hours, mod.code, variable, course.span))
        for p in mod.practices:
            hours = Hours(practice=p.hours_at(load))
            variable = variable_hours(p, hours.total) or variable_hours(mod, hours.total)
            out.rows.append(Row(p.code, _title(p), "practice", cycle, hours, mod.code, variable))
        if mod.exam is not None:
            hours = Hours(attestation=mod.exam.amount.hours(load))
            variable = variable_hours(mod, hours.total)  # a module in the variable part: its exam too
            out.rows.append(Row(mod.exam.code, _title(mod), "exam", cycle, hours, mod.code, variable, mod.exam.span))
        taught.update(r.code for r in mod.covers if not mod.courses)
    # competencies taught outside any course: an enterprise's bundle, a prerequisite from elsewhere
    from constructor.graph.program import gather

    recognized = program.recognized
    for code, comp in (content or gather(program, table, graph)).competencies.items():
        if code in taught or code in recognized or isinstance(comp, Discipline) or not comp.hours.total:
            continue
        variable = comp.hours.total if comp.kind.value == "variable" else 0
        out.rows.append(
            Row(code, _title(comp), "competency", professional, comp.hours, graph.module_of.get(code), variable)
        )
    final = out.role_cycle(CycleRole.FINAL)
    for part in program.final_parts:
        hours = Hours(attestation=part.amount.hours(load))
        out.rows.append(Row(part.kind.value, part.kind.value, "final", final, hours, None, 0, part.span))
    if not program.final_parts and std is not None and std.final_attestation_hours:
        out.rows.append(Row("final", "final", "final", final, Hours(attestation=std.final_attestation_hours)))
    return out


def _variable_competency(graph: CompetencyGraph, code: str) -> int:
    comp = graph.competencies.get(code)
    return comp.hours.total if comp is not None and comp.kind.value == "variable" else 0


def _members(cycle: str, table: Mapping[str, AnyDeclaration], cycles: Mapping[str, Cycle]) -> list[AnyDeclaration]:
    """What a cycle named in `disciplines` brings: its disciplines, elective groups and practices."""
    out: list[AnyDeclaration] = []
    for decl in table.values():
        if (isinstance(decl, Discipline) and decl.elective is None) or isinstance(decl, Elective):
            if cycle_of(decl.code, decl.cycle.code if decl.cycle else None, cycles) == cycle:
                out.append(decl)
        elif isinstance(decl, Practice) and decl.module is None and decl.cycle is not None and decl.cycle.code == cycle:
            out.append(decl)
    return out


def _title(decl: AnyDeclaration | Competency) -> str:
    return decl.title.value if decl.title else decl.code
