"""Checks of rows and of a whole program against its standard's structural rules:
C110 discipline-without-cycle, C230 hours-mismatch, C231 course-hours-disagree, C232 elective-group,
C330 volume-off-standard, C331 cycle-volume, C332 variable-share, C333 attestation-limit,
C334 holidays-out-of-range, C335 superseded-standard, C336 missing-general-education,
C337 calendar-weeks, and C313 missing-calendar and C311 final-exceeds-term (the rules `compact` applies,
said by `check` too)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from constructor.diagnostics import Diagnostic, Label, diagnostic
from constructor.graph.graph import CompetencyGraph
from constructor.graph.variable import counted, split_cycles, variable_share_off
from constructor.graph.whole import (
    CREDITS,
    EXAMS,
    SPLIT_ROLES,
    ComplexKind,
    WholeProgram,
    complex_form_of,
    complex_forms,
    complex_span,
    cycle_of,
    final_too_large,
    missing_calendar,
)
from constructor.i18n import Msg
from constructor.model import (
    AnyDeclaration,
    AttestationForm,
    Base,
    Course,
    CycleRole,
    Discipline,
    Elective,
    Hours,
    Module,
    Practice,
    Program,
    StandardStatus,
)

WEEKS_A_YEAR = 52


def check_rows(table: Mapping[str, AnyDeclaration], graph: CompetencyGraph) -> list[Diagnostic]:
    """Each row on its own: totals, terms, practical training, an МДК against its competencies."""
    diags: list[Diagnostic] = []
    courses = [d for d in table.values() if isinstance(d, Course)]
    for decl in table.values():
        if isinstance(decl, Discipline | Course):
            diags += _row_hours(decl, decl.hours)
        if isinstance(decl, Elective):
            diags += _elective(decl)
        if isinstance(decl, Module):
            diags += [d for p in decl.practices if (d := _practice_terms(p)) is not None]
        elif isinstance(decl, Practice):
            diags += [d for d in [_practice_terms(decl)] if d is not None]
    for group in _sharing(courses):
        diags += _courses_vs_competencies(group, graph)
    return diags


def _sharing(courses: list[Course]) -> list[list[Course]]:
    """Courses joined by the competencies they form together: one group per connected set of courses
    and competencies, in the courses' order."""
    import networkx as nx

    g: nx.Graph[tuple[str, str]] = nx.Graph()
    for course in courses:
        g.add_node(("course", course.code))
        g.add_edges_from((("course", course.code), ("competency", r.code)) for r in course.covers)
    index = {c.code: k for k, c in enumerate(courses)}
    groups = [
        sorted((courses[index[code]] for kind, code in part if kind == "course"), key=lambda c: index[c.code])
        for part in nx.connected_components(g)
    ]
    return sorted(groups, key=lambda group: index[group[0].code])


def _row_hours(row: Discipline | Course, hours: Hours) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    where = row.fields.get("TOTAL", row.code_span)
    if row.total is not None and hours.total and row.total != hours.total:
        out.append(
            diagnostic(
                "C230",
                "total-mismatch",
                where,
                code=row.code,
                total=row.total,
                sum=hours.total,
                help="total-mismatch.help",
            )
        )
    if row.terms and "HOURS" in row.fields:
        by_terms = sum((t.hours for t in row.terms), Hours())
        if by_terms != hours:
            out.append(
                diagnostic(
                    "C230",
                    "terms-mismatch",
                    row.fields["HOURS"],
                    code=row.code,
                    terms=by_terms.total,
                    sum=hours.total,
                    labels=[Label(row.terms[0].span, Msg("terms-mismatch.label"))],
                )
            )
    # practical training is done in practical and laboratory classes and course design, never in lectures
    # (the plan table caps it the same way: render/plan_table.py)
    contact = hours.practice + hours.lab + hours.course_design + hours.project
    if row.practical_training is not None and row.practical_training > contact:
        out.append(
            diagnostic(
                "C230",
                "practical-training-over",
                row.fields.get("PRACTICAL_TRAINING", row.code_span),
                code=row.code,
                hours=row.practical_training,
                contact=contact,
            )
        )
    if row.variable is not None and row.variable.hours is not None and row.variable.hours > hours.total:
        out.append(
            diagnostic(
                "C230",
                "variable-over",
                row.variable.span,
                code=row.code,
                hours=row.variable.hours,
                total=hours.total,
            )
        )
    return out


def _practice_terms(practice: Practice) -> Diagnostic | None:
    """A practice's hours by term add up to its hours (in weeks: at no load, nothing to compare)."""
    by_terms = sum(t.hours.total for t in practice.terms)
    if not practice.terms or practice.weeks is not None or by_terms == practice.hours:
        return None
    return diagnostic(
        "C230",
        "terms-mismatch",
        practice.code_span,
        code=practice.code,
        terms=by_terms,
        sum=practice.hours,
        labels=[Label(practice.terms[0].span, Msg("terms-mismatch.label"))],
    )


def _courses_vs_competencies(group: list[Course], graph: CompetencyGraph) -> list[Diagnostic]:
    """An МДК's own hours and those of the competencies it covers must not silently disagree.
    Consultations, course design and attestation hours belong to the course, not to a competency.
    Courses that form a competency together are compared together (their hours with all of theirs):
    the competency's hours are theirs jointly, and no split between them is written anywhere."""
    own = sum(c.hours.of_study for c in group)
    codes = list(dict.fromkeys(r.code for c in group for r in c.covers if r.code in graph.competencies))
    theirs = sum(graph.competencies[code].hours.total for code in codes)
    if not own or not theirs or own == theirs:
        return []
    first = group[0]
    return [
        diagnostic(
            "C231",
            "course-hours-disagree" if len(group) == 1 else "courses-hours-disagree",
            first.fields.get("HOURS", first.code_span),
            code=" + ".join(f"`{c.code}`" for c in group) if len(group) > 1 else first.code,
            own=own,
            theirs=theirs,
            codes=", ".join(codes),
            help="course-hours-disagree.help",
        )
    ]


def _elective(group: Elective) -> list[Diagnostic]:
    if not group.alternatives:
        return [diagnostic("C232", "elective-empty", group.code_span, code=group.code, help="elective-empty.help")]
    if group.choose is not None and group.chosen is None:
        return [
            diagnostic(
                "C232",
                "elective-choose-unknown",
                group.choose.span,
                code=group.choose.code,
                group=group.code,
                choices=", ".join(d.code for d in group.alternatives),
            )
        ]
    return []


# ------------------------------------------------------------------ the whole program


def check_whole(
    program: Program, table: Mapping[str, AnyDeclaration], graph: CompetencyGraph, plan: WholeProgram
) -> list[Diagnostic]:
    """The standard's structural rules on a program whose rows are `plan` (`whole`). The rules on
    hours apply when the standard declares its cycles (a whole program); a fragment is checked by the
    older rules only."""
    std = plan.standard
    diags: list[Diagnostic] = []
    if std is None:
        return diags
    if std.status is StandardStatus.SUPERSEDED:
        diags.append(
            diagnostic(
                "C335",
                "superseded-standard",
                program.fields.get("STANDARD", program.code_span),
                standard=std.code,
                by=Msg("superseded.by", {"text": std.superseded_by.value}) if std.superseded_by else "",
            )
        )
    calendar = missing_calendar(program, std)
    if calendar is not None:
        diags.append(calendar)
    too_large = final_too_large(program, std)
    if too_large is not None:
        diags.append(too_large)
    diags += _holidays(program, std.holiday_weeks_min, std.holiday_weeks_max, std.winter_holiday_weeks_min)
    diags += _calendar_weeks(program, std.term_weeks)
    diags += _complex_exams(program, table, graph)
    diags += _variable_share(plan)
    if not plan.cycles:
        return diags
    diags += _cycles_of_rows(plan)
    diags += _volumes(plan)
    diags += _limits(plan, table)
    return diags


def _complex_exams(program: Program, table: Mapping[str, AnyDeclaration], graph: CompetencyGraph) -> list[Diagnostic]:
    """A complex exam that no schedule can hold: a row's exam falls where its last competency ends, so
    when a competency of one row requires (through `requires`, whichever way its `or` is taken) every
    competency of another row, the two exams are always in different terms. `compact` says more (C319
    with the terms) when a schedule merely puts them apart."""
    out: list[Diagnostic] = []

    def formed(code: str) -> set[str]:
        decl = table.get(code)
        if isinstance(decl, Course):
            return {r.code for r in decl.covers if r.code in graph}
        return {code} if code in graph else set()

    def needs(code: str) -> set[str]:
        seen: set[str] = set()
        stack = [code]
        while stack:
            for nxt in graph.hard_prerequisites(stack.pop()):
                if nxt not in seen:
                    seen.add(nxt)
                    stack.append(nxt)
        return seen

    for kind, group in complex_forms(program):
        rows = {r.code: formed(r.code) for r in group}
        found = next(
            (
                (later, c, earlier)
                for later, comps in rows.items()
                for c in sorted(comps)
                for earlier, others in rows.items()
                if earlier != later and others and others <= needs(c)
            ),
            None,
        )
        if found is not None:
            later, c, earlier = found
            out.append(
                diagnostic(
                    "C319",
                    f"complex-{kind}-impossible",
                    complex_span(program, kind, group),
                    help=f"complex-{kind}-split.help",
                    codes=" + ".join(f"`{r.code}`" for r in group),
                    competency=c,
                    later=later,
                    earlier=earlier,
                )
            )
    return out


def _cycles_of_rows(plan: WholeProgram) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    for d in plan.disciplines:
        if cycle_of(d.code, d.cycle.code if d.cycle else None, plan.cycles) is None:
            out.append(
                diagnostic(
                    "C110",
                    "discipline-without-cycle",
                    d.code_span,
                    code=d.code,
                    cycles=", ".join(plan.cycles),
                    help="discipline-without-cycle.help",
                )
            )
    return out


def _volumes(plan: WholeProgram) -> list[Diagnostic]:
    program, std = plan.program, plan.standard
    assert std is not None
    out: list[Diagnostic] = []
    where = program.fields.get("DISCIPLINES", program.code_span)
    base = program.base or Base.GRADE_11
    general = [c for c in plan.cycles.values() if c.role is CycleRole.GENERAL_EDUCATION]
    by_cycle = plan.hours_by_cycle()
    by_class = plan.class_hours_by_cycle()
    for cycle in general:
        if program.base is Base.GRADE_9 and cycle.base in (None, Base.GRADE_9) and not by_cycle.get(cycle.code):
            out.append(
                diagnostic(
                    "C336",
                    "missing-general-education",
                    program.fields.get("BASE", program.code_span),
                    program=program.code,
                    cycle=cycle.code,
                    help="missing-general-education.help",
                )
            )
    expected = std.volume.get(base)
    total = plan.total
    if expected is not None and total != expected:
        out.append(
            diagnostic(
                "C330",
                "volume-off-standard",
                where,
                program=program.code,
                total=total,
                expected=expected,
                base=Msg(f"base.{base.value}"),
                which=Msg("volume.below" if total < expected else "volume.above"),
            )
        )
    for cycle in plan.cycles.values():
        hours = by_cycle.get(cycle.code, 0)
        if cycle.base is not None and cycle.base is not program.base:
            continue
        orphans = any(r.cycle is None and r.kind == "discipline" for r in plan.rows)  # C110 says those
        if not hours and not orphans and cycle.role in SPLIT_ROLES and cycle.role is not CycleRole.PROFESSIONAL:
            out.append(diagnostic("C331", "cycle-missing", where, cycle=cycle.code, help="cycle-missing.help"))
            continue
        if cycle.min_hours is not None and hours < cycle.min_hours:
            out.append(
                diagnostic("C331", "cycle-below-minimum", where, cycle=cycle.code, hours=hours, limit=cycle.min_hours)
            )
        classes = by_class.get(cycle.code, 0)
        if cycle.min_class_hours is not None and classes < cycle.min_class_hours:
            out.append(
                diagnostic(
                    "C331",
                    "cycle-below-class-minimum",
                    where,
                    cycle=cycle.code,
                    hours=classes,
                    limit=cycle.min_class_hours,
                )
            )
        if cycle.volume is not None and hours and hours != cycle.volume:
            out.append(diagnostic("C331", "cycle-volume", where, cycle=cycle.code, hours=hours, volume=cycle.volume))
    return out


def _variable_share(plan: WholeProgram) -> list[Diagnostic]:
    """C306/C332 on the rows of the program as written (`compact` applies the same rule to its plan)."""
    std = plan.standard
    assert std is not None
    split = split_cycles(plan.cycles.values())
    rows = [r for r in plan.rows if counted(r.cycle, r.kind == "final", split)]
    off = variable_share_off(
        std, sum(r.variable for r in rows), sum(r.hours.total for r in rows), plan.program.code_span
    )
    return [off] if off is not None else []


def _limits(plan: WholeProgram, table: Mapping[str, AnyDeclaration]) -> list[Diagnostic]:
    """Exams and credits per study year, for the rows whose terms are written (`term N { … }`):
    the placement of the others is `compact`'s, which keeps the same limits as a rule of the schedule
    (compact/marks.py; C318 when it cannot)."""
    std = plan.standard
    assert std is not None
    if std.max_exams_per_year is None and std.max_credits_per_year is None:
        return []
    exams, credits = written_attestations(plan, table)
    out: list[Diagnostic] = []
    for counts, limit, key in (
        (exams, std.max_exams_per_year, "exams"),
        (credits, std.max_credits_per_year, "credits"),
    ):
        for year in sorted(counts):
            if limit is not None and counts[year] > limit:
                out.append(
                    diagnostic(
                        "C333",
                        "attestation-limit",
                        plan.program.code_span,
                        year=year,
                        count=counts[year],
                        limit=limit,
                        what=Msg(f"limit.{key}"),
                    )
                )
    return out


def written_attestations(
    plan: WholeProgram, table: Mapping[str, AnyDeclaration]
) -> tuple[dict[int, int], dict[int, int]]:
    """Exams and credits by study year as the rows' written terms put them (`term N { attestation … }`),
    counted as the standard's limits count them: `outside_limits` rows not counted, a complex exam's
    rows in one term once. C333 checks them; `compact --as-written` reports them."""
    rows: list[Discipline | Course] = [d for d in plan.disciplines if not d.outside_limits]
    for ref in plan.program.core:
        mod = table.get(ref.code)
        if isinstance(mod, Module):
            rows.extend(mod.courses)
    marks = [(row.code, t.term, a.form) for row in rows for t in row.terms for a in t.attestations]
    return count_by_year(marks, plan.program, lambda term: (term + 1) // 2)


def count_by_year(
    marks: Iterable[tuple[str, int, AttestationForm]], program: Program, year_of: Callable[[int], int]
) -> tuple[dict[int, int], dict[int, int]]:
    """Exams and credits by study year of (row, term, form) marks, as the standard's limits count them:
    a complex exam's rows in one term are one exam; course projects and papers are neither."""
    exams: dict[int, int] = {}
    credits: dict[int, int] = {}
    group_of = complex_form_of(program)
    seen: set[tuple[int, int]] = set()  # a complex form's rows in one term: one exam or one credit
    for code, term, form in marks:
        year = year_of(term)
        kind: ComplexKind | None = "exam" if form in EXAMS else "credit" if form in CREDITS else None
        if kind is None:
            continue
        group = group_of.get((code, kind))
        if group is not None and (group, term) in seen:
            continue
        if group is not None:
            seen.add((group, term))
        counts = exams if kind == "exam" else credits
        counts[year] = counts.get(year, 0) + 1
    return exams, credits


def _holidays(program: Program, low: int | None, high: int | None, winter_min: int | None) -> list[Diagnostic]:
    if not program.holidays:
        return []
    where = program.fields.get("HOLIDAYS", program.code_span)
    total = sum(program.holidays.values())
    out: list[Diagnostic] = []
    if (low is not None and total < low) or (high is not None and total > high):
        out.append(
            diagnostic("C334", "holidays-out-of-range", where, weeks=total, low=low or 0, high=high or WEEKS_A_YEAR)
        )
    winter = program.holidays.get("winter")
    if winter_min is not None and winter is not None and winter < winter_min:
        out.append(diagnostic("C334", "winter-holidays", where, weeks=winter, limit=winter_min))
    return out


def _calendar_weeks(program: Program, standard_weeks: Iterable[int]) -> list[Diagnostic]:
    """A year's weeks of study, attestation and holidays make 52 (the last year may end earlier)."""
    if not program.holidays or not program.attestation_weeks:
        return []
    weeks = list(program.term_weeks or standard_weeks)
    if len(weeks) < 2:
        return []
    attestation = list(program.attestation_weeks)
    holidays = sum(program.holidays.values())
    out: list[Diagnostic] = []
    years = len(weeks) // 2 if program.term_weeks else 1
    for year in range(years):
        study = weeks[2 * year] + weeks[2 * year + 1]
        att = (
            attestation[2 * year] + attestation[2 * year + 1]
            if len(attestation) > 2 * year + 1
            else sum(attestation[:2])
        )
        total = study + att + holidays
        last = year == years - 1 and program.term_weeks
        if total != WEEKS_A_YEAR and not (last and total < WEEKS_A_YEAR):
            out.append(
                diagnostic(
                    "C337",
                    "calendar-weeks",
                    program.fields.get("HOLIDAYS", program.code_span),
                    year=year + 1,
                    study=study,
                    attestation=att,
                    holidays=holidays,
                    total=total,
                )
            )
    return out
