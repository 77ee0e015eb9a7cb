"""The standard's yearly limits of exams and credits are rules of the schedule: every plan keeps them,
`optimal` under them is never beaten by brute force, and the count the plan reports is the count of the
forms it shows."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from constructor.api import workspace
from constructor.compact import compact
from constructor.compact.exact import exact_schedule
from constructor.compact.marks import kind_of
from constructor.compact.plan import Plan
from constructor.compact.schedule import (
    CREDIT,
    EXAM,
    RETRY,
    BackgroundMark,
    Infeasible,
    Mark,
    Problem,
    Schedule,
    attestations_by_year,
    list_schedule,
    lower_bound,
    valid,
)
from constructor.model import Discipline
from test_compact import problems, spread_problems
from test_compact_whole import brute_force

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = [ROOT / "catalogs/examples/welding/program.comp", ROOT / "catalogs/examples/programmer/program.comp"]


@st.composite
def limited_problems(draw: st.DrawFn, max_items: int = 6, hours: tuple[int, int] = (60, 500)) -> Problem:
    """Problems with exams and credits on their items (one item, a term of its span, or where the last of
    several items ends; some in a complex exam), marks of rows through every term, and small limits."""
    base = draw(st.one_of(problems(max_items=max_items, hours=hours), spread_problems(max_items, hours)))
    n = base.size
    marks: list[Mark] = []
    for _ in range(draw(st.integers(0, 2 * n))) if n else ():
        kind = draw(st.sampled_from([EXAM, CREDIT]))
        items = tuple(sorted(set(draw(st.lists(st.integers(0, n - 1), min_size=1, max_size=3)))))
        span = base.span(items[0])
        offset = draw(st.sampled_from([None, *range(span)])) if len(items) == 1 else None
        group = draw(st.sampled_from([None, None, 0])) if kind == EXAM else None
        marks.append(Mark(kind, items, offset, group))
    background = draw(st.lists(st.integers(50, 300), max_size=1))
    bg_marks = [BackgroundMark(draw(st.sampled_from([EXAM, CREDIT])), draw(st.booleans())) for _ in background]
    limits = (draw(st.sampled_from([None, 1, 2, 3])), draw(st.sampled_from([None, 1, 2, 3])))
    return replace(base, background=background, marks=marks, background_marks=bg_marks, year_limits=limits)


@settings(max_examples=80, deadline=None)
@given(limited_problems())
def test_heuristic_schedules_keep_the_yearly_limits(problem: Problem) -> None:
    try:
        schedule = list_schedule(problem)
    except Infeasible as e:
        assert e.reason in (*RETRY, "item-too-large", "final-too-large")
        return
    assert valid(problem, schedule) == []
    assert schedule.terms >= lower_bound(problem)[0]


@settings(max_examples=40, deadline=None)
@given(limited_problems(max_items=4, hours=(150, 500)))
@example(  # found by this test: two marks of one item named its column twice in a year's row, and HiGHS
    # refused every row of the model (now merged, and a refused row is an error, never a silent model)
    Problem(
        [150, 208],
        [],
        [],
        (612, 828),
        216,
        frozenset(),
        (),
        [246],
        (),
        [Mark(CREDIT, (1,), 0), Mark(CREDIT, (0,), 0), Mark(CREDIT, (1,))],
        [BackgroundMark(CREDIT, last=False)],
        (3, 3),
    )
)
@example(  # found by this test: HiGHS's presolve called this feasible model infeasible (highspy 1.16), so
    # 8 terms were called optimal where 7 exist; an "impossible" is now confirmed without presolve
    Problem(
        [720, 287, 925, 856],
        [(0, 3)],
        [],
        (612, 828),
        216,
        frozenset(),
        [[224, 496], [], [453, 472], [470, 150, 236]],
        [77],
        (),
        [Mark(EXAM, (1,)), Mark(CREDIT, (0, 2, 3)), Mark(CREDIT, (0, 1)), Mark(CREDIT, (1, 2)), Mark(CREDIT, (0, 1))],
        [BackgroundMark(EXAM, last=False)],
        (None, 2),
    )
)
def test_exact_with_limits_equals_brute_force(problem: Problem) -> None:
    """`optimal` and `impossible` under the yearly limits are true: brute force over every assignment."""
    try:
        bound = lower_bound(problem)[0]
    except Infeasible:
        return
    limit = bound + 2 * problem.size + 3
    try:
        result = exact_schedule(problem, time_limit=10)
    except Infeasible as e:
        if e.reason not in RETRY:
            return  # an item or the final attestation larger than every term: nothing to compare
        assert brute_force(problem, limit) is None
        return
    assert valid(problem, result.schedule) == []
    assert result.proven
    assert result.schedule.terms == brute_force(problem, result.schedule.terms)


def test_a_complex_exams_rows_in_one_term_count_once() -> None:
    marks = [Mark(EXAM, (0,), group=0), Mark(EXAM, (1,), group=0), Mark(EXAM, (2,))]
    problem = Problem([10, 10, 10], [], [], (612, 828), marks=marks, year_limits=(2, None))
    assert attestations_by_year(problem, [1, 1, 1], 1) == {(1, EXAM): 2}
    assert valid(problem, Schedule([1, 1, 1], 1)) == []
    assert attestations_by_year(problem, [1, 3, 1], 3) == {(1, EXAM): 2, (2, EXAM): 1}
    # the same rows without the complex exam: three exams in one year, over the limit of two
    plain = Problem([10, 10, 10], [], [], (612, 828), marks=[Mark(EXAM, (i,)) for i in range(3)], year_limits=(2, None))
    assert valid(plain, Schedule([1, 1, 1], 1)) != []
    assert list_schedule(plain).terms == 3  # the third exam waits for the next study year


def test_a_limit_can_add_terms_and_the_bound_says_why() -> None:
    """Five exams under a limit of two a year need three study years: the bound is the first term of the
    third (five terms), and nothing with fewer terms keeps the limit."""
    problem = Problem([10] * 5, [], [], (612, 828), marks=[Mark(EXAM, (i,)) for i in range(5)], year_limits=(2, None))
    assert lower_bound(problem) == (5, "attestation")
    result = exact_schedule(problem)
    assert result.schedule.terms == 5 and result.proven and valid(problem, result.schedule) == []


def _shown_counts(plan: Plan, path: Path) -> dict[tuple[int, int], int]:
    """Count the forms the plan's items show, as the limits count them: rows `outside_limits` left out,
    a complex exam's rows in one term once (a complex credit's likewise), a course's form on the item it
    falls on."""
    ws = workspace(path)
    program = ws.programs()[0]
    group_of = {(ref.code, EXAM): ("exam", k) for k, group in enumerate(program.complex_exams) for ref in group}
    group_of |= {(ref.code, CREDIT): ("credit", k) for k, group in enumerate(program.complex_credits) for ref in group}
    course_of = {}
    for decl in ws.table.values():
        for course in getattr(decl, "courses", ()):
            for ref in course.covers:
                course_of[ref.code] = course.code
    years = {t.number: t.year for t in plan.terms}
    out: dict[tuple[int, int], int] = {}
    seen: set[tuple[tuple[str, int], int]] = set()
    for item in plan.items:
        decl = ws.table.get(item.code)
        if isinstance(decl, Discipline) and decl.outside_limits:
            continue
        for term, form in ((t, f) for t, written in item.attestation.items() for f in written.split(", ")):
            kind = kind_of(form)  # «Э, КП»: the exam counts
            if kind is None:
                continue
            group = group_of.get((course_of.get(item.code, item.code), kind))
            if group is not None:
                if (group, term) in seen:
                    continue
                seen.add((group, term))
            out[years[term], kind] = out.get((years[term], kind), 0) + 1
    return out


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.parent.name)
def test_the_examples_keep_the_limits_and_show_what_they_count(path: Path) -> None:
    ws = workspace(path)
    plan, diags = compact(ws.programs()[0], ws.table, ws.graph)
    assert plan is not None, diags
    assert plan.attestations and len(plan.attestations) == plan.terms[-1].year
    for year in plan.attestations:
        assert year.max_exams is not None and year.exams <= year.max_exams
        assert year.max_credits is not None and year.credits <= year.max_credits
    shown = _shown_counts(plan, path)
    reported = {(y.year, kind): n for y in plan.attestations for kind, n in ((EXAM, y.exams), (CREDIT, y.credits)) if n}
    assert shown == reported


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.parent.name)
def test_a_complex_form_the_schedule_puts_apart_is_said_where_the_plan_shows_it(path: Path) -> None:
    """C319 reads the exam (credit) terms as the limits place them (marks.py); the plan table shows the
    same terms for the rows, so the warning, the plan and the explanatory note say one thing."""
    from constructor.render.note import _form_terms
    from constructor.render.views import plan_doc

    ws = workspace(path)
    program = ws.programs()[0]
    plan, diags = compact(program, ws.table, ws.graph)
    assert plan is not None
    rows = {r.code: r for r in plan_doc(plan, ws.table, "ru").rows}
    for groups, forms, kind in (
        (program.complex_exams, ("Э", "Эк"), "exam"),
        (program.complex_credits, ("З", "ДЗ"), "credit"),
    ):
        split = [d for d in diags if d.code == "C319" and d.message.key == f"complex-{kind}-split"]
        for group in groups:
            terms = sorted({t for ref in group for t in _form_terms(rows[ref.code], forms)})
            said = [d for d in split if all(f"`{ref.code}`" in str(d.message.args["codes"]) for ref in group)]
            assert bool(said) == (len(terms) > 1)
            if said:
                assert said[0].message.args["terms"] == ", ".join(map(str, terms))


def _together_possible(problem: Problem, terms: int) -> bool:
    import itertools

    return any(
        not valid(problem, Schedule(list(a), terms)) and not problem.split_groups(list(a))
        for a in itertools.product(range(1, terms + 1), repeat=problem.size)
    )


def _complex_forms(problem: Problem) -> Problem:
    """Every exam of the problem in one complex exam and every credit in one complex credit (so most
    problems have one to keep together, or two)."""
    return replace(problem, marks=[replace(m, group=0 if m.kind == EXAM else 1) for m in problem.marks])


@settings(max_examples=60, deadline=None)
@given(limited_problems(max_items=5).map(_complex_forms))
def test_a_complex_exam_is_kept_in_one_term_whenever_a_schedule_of_as_many_terms_allows(problem: Problem) -> None:
    """Among the schedules of the optimal number of terms, the exact solver takes one that holds each
    complex exam's (credit's) marks in one term when brute force finds one; it never adds a term for it."""
    try:
        result = exact_schedule(problem, time_limit=10)
    except Infeasible:
        return
    assert valid(problem, result.schedule) == []
    if problem.split_groups(result.schedule.term):
        assert not _together_possible(problem, result.schedule.terms)


def test_check_says_when_no_schedule_can_hold_a_complex_exam(tmp_path: Path) -> None:
    """`ПК-1.3` of МДК.01.02 requires all of МДК.01.01 (ПК-1.2, and through it ПК-1.1): the exams are
    always in different terms, so `check` says so before any schedule is made."""
    import shutil

    from constructor.api import check

    root = tmp_path / "catalogs"
    shutil.copytree(ROOT / "catalogs", root)
    program = root / "examples" / "programmer" / "program.comp"
    text = program.read_text(encoding="utf-8")
    program.write_text(text.replace("complex_exam МДК.04.01, МДК.04.02", "complex_exam МДК.01.01, МДК.01.02"), "utf-8")
    result = check([program], root=root)
    (d,) = [d for d in result.diagnostics if d.code == "C319"]
    assert d.message.key == "complex-exam-impossible"
    assert (d.message.args["competency"], d.message.args["later"], d.message.args["earlier"]) == (
        "ПК-1.3",
        "МДК.01.02",
        "МДК.01.01",
    )
    ws = workspace(program, root)
    plan, diags = compact(ws.programs()[0], ws.table, ws.graph)
    assert plan is not None and [d.message.key for d in diags if d.code == "C319"] == ["complex-exam-split"]
