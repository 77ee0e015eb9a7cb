"""Compaction of the whole program: rows through every term, rows with a deadline (general education by
its year), module exams, ПДП, recognised practices, and the savings table that adds up."""

from __future__ import annotations

import itertools
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import constructor
from constructor.api import check, workspace
from constructor.cli import main
from constructor.compact import compact
from constructor.compact.background import fit_background
from constructor.compact.exact import exact_schedule
from constructor.compact.plan import Plan
from constructor.compact.rows import split_by_term
from constructor.compact.schedule import (
    BACKGROUND_RANGE,
    Infeasible,
    Problem,
    Schedule,
    SiteRule,
    list_schedule,
    lower_bound,
    spread_hours,
    try_list_schedule,
    valid,
)
from constructor.compact.variable import kept_share, variable_share
from constructor.model import Hours, Practice, Standard
from test_compact import problems, spread_problems


@st.composite
def whole_problems(draw: st.DrawFn, max_items: int = 8, hours: tuple[int, int] = (60, 500)) -> Problem:
    """Items of one or several terms, background rows through every term, deadlines on some items,
    closing items, partner sites with their capacity a term."""
    base = draw(st.one_of(problems(max_items=max_items, hours=hours), spread_problems(max_items, hours)))
    background = draw(st.lists(st.integers(50, 900), max_size=2))
    deadline = [draw(st.sampled_from([0, 0, 2, 3, 4])) for _ in base.hours]
    # closing items (a course's own hours): where the last of their members ends
    hours, not_after, shares = list(base.hours), list(base.not_after), list(base.shares)
    closing = []
    for _ in range(draw(st.integers(0, 2)) if base.hours else 0):
        # members among the items and the closing items before it (a course's hours, then its module's exam)
        members = draw(st.lists(st.integers(0, len(hours) - 1), min_size=1, max_size=3, unique=True))
        closing.append((len(hours), tuple(members)))
        not_after += [(m, len(hours)) for m in members]
        hours.append(draw(st.integers(4, 60)))
        deadline.append(0)
        if shares:
            shares.append([])
    # partner sites, each hosting some items (whole) up to its capacity a term
    sites = []
    for _ in range(draw(st.integers(0, 2)) if base.hours else 0):  # hosting items, not closing ones
        members = sorted(draw(st.lists(st.integers(0, base.size - 1), min_size=1, max_size=4, unique=True)))
        # about what its largest item needs a term up to all of them: binding often, now and then too small
        most = max(max(shares[i]) if shares and shares[i] else hours[i] for i in members)
        fits = draw(st.sampled_from([True] * 9 + [False]))
        total = sum(hours[i] for i in members)
        capacity = draw(st.integers(most, most + (total - most) // 2 + 10)) if fits else most - 1
        sites.append(SiteRule(capacity, tuple((i, hours[i]) for i in members)))
    return Problem(
        hours,
        base.before,
        not_after,
        base.term_capacity,
        base.final_hours,
        frozenset(),
        shares,
        background,
        deadline if any(deadline) else (),
        closing=closing,
        sites=sites,
    )


def with_background(problem: Problem, term: list[int], terms: int) -> Schedule:
    """The schedule of these items' terms with a split of the background rows that fits, when one does
    (the flow finds one exactly; else the even split, which then fails `valid` too)."""
    plain = Schedule(term, terms)
    broken = valid(problem, plain)
    if not problem.background or not broken or any(not e.startswith("term ") for e in broken):
        return plain  # valid with the even split, or breaking a rule no split mends
    split = fit_background(problem, plain.placed_load(problem))
    return Schedule(term, terms, background=split) if split is not None else plain


def brute_force(problem: Problem, limit: int) -> int | None:
    """The fewest terms of any valid schedule up to `limit` terms (None: none): every assignment of
    items to terms, each with a split of the background rows if one fits."""
    closing = dict(problem.closing)
    free = [i for i in range(problem.size) if i not in closing]
    for terms in range(1, limit + 1):
        # every start term, short of those that end past the item's deadline (which `valid` refuses)
        starts = [
            range(1, min(terms, (problem.deadline[i] if problem.deadline and problem.deadline[i] else terms)) + 1)
            for i in free
        ]
        for assignment in itertools.product(*starts):
            term = [0] * problem.size
            for i, t in zip(free, assignment, strict=True):
                term[i] = t
            for e, members in sorted(closing.items()):  # one possible term: its members' last (in order)
                term[e] = max(term[m] + problem.span(m) - 1 for m in members)
            if not valid(problem, with_background(problem, term, terms)):
                return terms
    return None


@settings(max_examples=60, deadline=None)
@given(whole_problems())
def test_heuristic_keeps_every_rule_with_background_rows_and_deadlines(problem: Problem) -> None:
    try:
        schedule = list_schedule(problem)
    except Infeasible as e:
        assert e.reason in ("deadline", "item-too-large", "final-too-large", "site")
        return
    assert valid(problem, schedule) == []
    assert schedule.terms >= lower_bound(problem)[0]
    load = schedule.load(problem)
    assert sum(load) == sum(problem.hours) + sum(problem.background) + problem.final_hours


@settings(max_examples=30, deadline=None)
@given(whole_problems(max_items=4, hours=(150, 500)))
@example(  # found by this test: the deadlines can be kept only with more terms (less background in each)
    Problem([363, 650], [], [], (612, 828), 0, frozenset(), [[150, 213], [500, 150]], [234, 251], [2, 3])
)
def test_exact_equals_brute_force_with_background_rows_and_deadlines(problem: Problem) -> None:
    try:
        result = exact_schedule(problem, time_limit=10)
    except Infeasible as e:
        if e.reason not in ("deadline", "site"):
            return  # an item or the final attestation larger than every term: nothing to compare
        limit = lower_bound(replace(problem, sites=()))[0] + problem.size + 2
        assert brute_force(problem, limit) is None  # "impossible" is true
        return
    assert valid(problem, result.schedule) == []
    assert result.proven
    assert result.schedule.terms == brute_force(problem, result.schedule.terms)


@given(st.integers(0, 3000), st.lists(st.integers(1, 900), min_size=1, max_size=8))
def test_spread_hours_add_up_and_follow_the_weights(hours: int, weights: list[int]) -> None:
    out = spread_hours(hours, weights)
    assert sum(out) == hours and all(h >= 0 for h in out)
    total = sum(weights)
    assert all(abs(h - hours * w / total) < 1 for h, w in zip(out, weights, strict=True))


@given(
    st.builds(
        Hours,
        theory=st.integers(0, 200),
        practice=st.integers(0, 200),
        lab=st.integers(0, 60),
        consultations=st.integers(0, 12),
        attestation=st.integers(0, 18),
    ),
    st.lists(st.integers(0, 50), min_size=1, max_size=6).filter(any),
)
def test_hours_by_kind_split_by_term_add_up_both_ways(hours: Hours, weights: list[int]) -> None:
    """Every term holds its total, every kind adds up, nothing is negative; consultations and attestation
    sit in the last terms: a term that has any leaves the terms after it nothing else (the exam ends the row:
    the review saw ООД.08's attestation hours in term 1 while its exam was in term 2)."""
    totals = spread_hours(hours.total, weights)
    parts = split_by_term(hours, totals)
    assert [p.total for p in parts] == totals
    assert sum(parts, Hours()) == hours
    assert all(v >= 0 for p in parts for v in p.model_dump().values())
    for t, part in enumerate(parts):
        if part.consultations or part.attestation:
            assert all(later.total == later.consultations + later.attestation for later in parts[t + 1 :])


WHOLE = """
cycle ОО "Общеобразовательный цикл" {{ role general_education  ends_by_year 1 }}
cycle ОГСЭ "ОГСЭ" {{ role humanities }}
cycle ПЦ "Профессиональный цикл" {{ role professional }}
cycle ПДП "Преддипломная практика" {{ role pre_diploma }}
cycle ГИА "ГИА" {{ role final }}
standard С "Стандарт" {{
  weekly_load 36 h
  term_weeks 17, 23
  final_attestation 72 h
  baseline 9-grades 2y10m
  cycles ОО, ОГСЭ, ПЦ, ПДП, ГИА
}}
activity ВД-1 "Вид деятельности"
outcome ИН-01 skill "общая физическая подготовка" 40 h
outcome О-01 experience "сварки" 30 h
discipline ООД.01 "Физическая культура" {{ cycle ОО  hours practice 100  can ИН-01 }}
discipline ООД.02 "Математика" {{ cycle ОО  hours theory 200, practice 100  terms 2 }}
discipline ОГСЭ.01 "Физическая культура" {{ cycle ОГСЭ  hours practice 120  terms all  can ИН-01 }}
competency ПК-1.1 "Первая" {{ activity ВД-1  hours theory 100, practice 80  experience О-01 }}
competency ПК-1.2 "Вторая" {{ activity ВД-1  hours theory 100, practice 100  requires ПК-1.1 }}
module ПМ.01 "Модуль" {{
  activity ВД-1
  covers ПК-1.1, ПК-1.2
  course МДК.01.01 "Курс" {{ covers ПК-1.1, ПК-1.2 }}
  practice УП.01 educational 72 h
  practice ПП.01 production 144 h
  exam ПМ.01.ЭК 18 h
}}
practice ПДП.01 pre_diploma 144 h {{ cycle ПДП }}
program П "Программа" {{
  standard С
  base 9-grades
  core ПМ.01
  disciplines ОО, ОГСЭ, ПДП.01
  {extra}
}}
"""


def _plan(tmp_path: Path, extra: str = "") -> Plan:
    path = tmp_path / "p.comp"
    path.write_text(WHOLE.format(extra=extra), encoding="utf-8")
    assert main(["check", "--lang", "en", str(path)]) == 0  # `check` finds nothing wrong with it
    ws = workspace(path)
    plan, diags = compact(ws.programs()[0], ws.table, ws.graph)
    assert plan is not None, diags
    return plan


def _compacted(tmp_path: Path, text: str) -> tuple[Plan, Any]:
    """The plan of a program written out as `text`, and its workspace."""
    path = tmp_path / "p.comp"
    path.write_text(text, encoding="utf-8")
    ws = workspace(path)
    plan, diags = compact(ws.programs()[0], ws.table, ws.graph)
    assert plan is not None, diags
    return plan, ws


def test_every_row_is_placed_by_its_rules(tmp_path: Path) -> None:
    plan = _plan(tmp_path)
    items = {i.code: i for i in plan.items}
    last = len(plan.terms)
    # every row of the program is an item: disciplines, competencies, practices, the module's exam, ПДП
    assert {"ООД.01", "ООД.02", "ОГСЭ.01", "ПК-1.1", "ПК-1.2", "УП.01", "ПП.01", "ПМ.01.ЭК", "ПДП.01"} <= set(items)
    # general education ends by the end of the first year (`ends_by_year 1`)
    assert max(items["ООД.01"].hours_by_term) <= 2 and max(items["ООД.02"].hours_by_term) <= 2
    # `terms 2`: two consecutive terms; `terms all`: every term of the plan
    assert len(items["ООД.02"].hours_by_term) == 2
    assert sorted(items["ОГСЭ.01"].hours_by_term) == list(range(1, last + 1))
    # the module's exam after every competency and practice of the module; ПДП in the last term
    module_end = max(max(items[c].hours_by_term) for c in ("ПК-1.1", "ПК-1.2", "УП.01", "ПП.01"))
    assert items["ПМ.01.ЭК"].term == module_end and items["ПДП.01"].term == last  # in the term the module ends
    assert items["ПМ.01.ЭК"].attestation == {items["ПМ.01.ЭК"].term: "Эк"}
    # every term: its hours are its rows' hours (and the final attestation), within its capacity
    for t in plan.terms:
        rows = sum(i.hours_by_term.get(t.number, 0) for i in plan.items)
        assert t.hours == rows + t.final_attestation_hours == t.hours_by_kind.total <= t.capacity_hours


def test_the_savings_add_up_and_say_where_each_hour_went(tmp_path: Path) -> None:
    plan = _plan(tmp_path, 'recognize "Свидетельство" covers УП.01')
    s = plan.savings
    items = {i.code: i for i in plan.items}
    assert "УП.01" not in items and "УП.01" in plan.recognized and s.recognition_hours == 72
    # physical culture: general education teaches the shared outcome, ОГСЭ does not repeat it
    assert items["ОГСЭ.01"].hours == 80 and items["ООД.01"].hours == 100 and s.integration_hours == 40
    # experience gained at the module's production practice is not taught again in its course
    assert items["ПК-1.1"].hours_by_kind.practice == 50 and s.practice_hours == 30
    assert s.full_hours - s.recognition_hours - s.integration_hours - s.practice_hours - s.shared_outcomes_hours == (
        plan.total_hours
    )


def test_general_education_that_cannot_end_by_its_year_is_c317(tmp_path: Path) -> None:
    path = tmp_path / "p.comp"
    text = WHOLE.format(extra="").replace("hours theory 200, practice 100  terms 2", "hours theory 900, practice 500")
    path.write_text(text, encoding="utf-8")
    ws = workspace(path)
    plan, diags = compact(ws.programs()[0], ws.table, ws.graph)
    assert plan is None and [d.code for d in diags] in (["C317"], ["C311"])


@pytest.mark.parametrize("mode", ["exact", "heuristic"])
def test_plans_are_the_same_every_time(tmp_path: Path, mode: str) -> None:
    path = tmp_path / "p.comp"
    path.write_text(WHOLE.format(extra=""), encoding="utf-8")
    ws = workspace(path)
    first, _ = compact(ws.programs()[0], ws.table, ws.graph, mode=mode)  # type: ignore[arg-type]
    again, _ = compact(ws.programs()[0], ws.table, ws.graph, mode=mode)  # type: ignore[arg-type]
    assert first is not None and first.model_dump_json() == again.model_dump_json() if again else False


def test_the_plan_documents_summary_adds_up_to_the_plan() -> None:
    from constructor.render import views

    root = Path(__file__).parents[1] / "catalogs" / "examples" / "welding"
    ws = workspace(root / "program.comp")
    plan, _ = compact(ws.programs()[0], ws.table, ws.graph)
    assert plan is not None
    doc = views.plan_doc(plan, ws.table, "ru")
    *parts, (_, total) = doc.summary
    assert sum(hours for _, hours in parts) == total == plan.total_hours == doc.totals.total
    assert doc.totals.by_term == [t.hours for t in plan.terms]  # the table's terms are the plan's, to the hour
    # each column of hours by kind is the plan's, to the hour (practical classes and practices apart)
    kinds = {
        k: sum(getattr(t.hours_by_kind, k) for t in plan.terms) for k in type(plan.terms[0].hours_by_kind).model_fields
    }
    t = doc.totals
    assert (t.theory, t.lab, t.consultations, t.self_study) == (
        kinds["theory"],
        kinds["lab"],
        kinds["consultations"],
        kinds["self_study"],
    )
    assert t.practice + t.training == kinds["practice"] and t.course == kinds["course_design"] + kinds["project"]
    assert t.attestation + t.final == kinds["attestation"]
    assert t.teacher + t.self_study + t.attestation + t.final == t.total
    # exams and credits under the table: the plan's count, with the standard's limits
    assert [cells for _, cells in doc.counts] == [
        [f"{y.exams} / {y.max_exams}" for y in plan.attestations],
        [f"{y.credits} / {y.max_credits}" for y in plan.attestations],
    ]


def test_the_explanatory_note_says_what_the_plan_says() -> None:
    """Every number of the note is the plan's: the volume, the terms, the counts of exams and credits a
    year, the general education's hours and last year, the savings, the final attestation's parts."""
    from constructor.render import views
    from constructor.words import noun

    root = Path(__file__).parents[1] / "catalogs" / "examples" / "welding"
    ws = workspace(root / "program.comp")
    plan, diags = compact(ws.programs()[0], ws.table, ws.graph)
    assert plan is not None
    doc = views.plan_doc(plan, ws.table, "ru")
    assert doc.note is not None
    text = "\n".join(p for _, ps in doc.note.sections for p in ps)
    assert f"Объём программы — {plan.total_hours} ч" in text
    for y in plan.attestations:
        assert f"{y.year}-й — {noun(y.exams, 'exam', 'ru')} и {noun(y.credits, 'credit', 'ru')}" in text
    general = [i for i in plan.items if i.cycle == "ОО"]
    last_year = max(t.year for t in plan.terms if any(t.number in i.hours_by_term for i in general))
    assert f"общеобразовательный цикл ({sum(i.hours_by_kind.total for i in general)} ч)" in text
    assert f"завершается на {last_year}-м курсе" in text
    assert f"сокращён с {plan.savings.full_hours} ч полной программы до {plan.total_hours} ч по плану" in text
    for part in plan.final_attestation.parts:
        assert f"— {part.hours} ч" in text
    assert ("не может быть составлен на меньшее число семестров" in text) == (plan.status == "optimal")
    assert [kind for kind, _ in doc.note.rooms][:3] == ["Кабинеты", "Лаборатории", "Мастерские"]
    # the variable part as the plan JSON counts it, and the note breaks the standard's rule exactly when
    # `compact` says so (C306, C332)
    share = re.search(r"Вариативная часть — (\d+) ч \((\d+)%", text)
    std = ws.table["ФГОС-22.02.06"]
    assert isinstance(std, Standard)
    variable, base = variable_share(plan, std, ws.table)
    cycles = {c.id for c in plan.cycles}
    assert share is not None and int(share[1]) == variable == sum(r.variable for r in doc.rows if r.code in cycles)
    assert int(share[2]) == round(100 * variable / base)
    assert ("не соответствует стандарту" in text) == any(d.code in ("C306", "C332") for d in diags)
    english = views.plan_doc(plan, ws.table, "en").note
    assert english is not None and english.title == "Explanatory note"


def test_a_course_closes_where_its_last_competency_ends(tmp_path: Path) -> None:
    """A МДК's own hours (consultations, course project, exam) beyond its competencies' are placed, in the
    term its last competency ends, before the module's exam; the plan table's МДК row holds them."""
    from constructor.render import views

    text = WHOLE.format(extra="").replace(
        'course МДК.01.01 "Курс" {{ covers ПК-1.1, ПК-1.2 }}'.replace("{{", "{").replace("}}", "}"),
        'course МДК.01.01 "Курс" { covers ПК-1.1, ПК-1.2  hours theory 200, practice 180, consultations 4, '
        "course_design 20, attestation 8 }",
    )
    path = tmp_path / "p.comp"
    path.write_text(text, encoding="utf-8")
    ws = workspace(path)
    plan, diags = compact(ws.programs()[0], ws.table, ws.graph)
    assert plan is not None, diags
    items = {i.code: i for i in plan.items}
    course = items["МДК.01.01"]
    assert course.kind == "course" and course.hours == 32 and course.requires == ["ПК-1.1", "ПК-1.2"]
    k = course.hours_by_kind
    assert (k.consultations, k.course_design, k.attestation, k.theory, k.practice) == (4, 20, 8, 0, 0)
    assert course.term == max(max(items[c].hours_by_term) for c in ("ПК-1.1", "ПК-1.2"))
    assert items["ПМ.01.ЭК"].term >= course.term
    doc = views.plan_doc(plan, ws.table, "ru")
    row = next(r for r in doc.rows if r.code == "МДК.01.01")
    assert row.total == items["ПК-1.1"].hours + items["ПК-1.2"].hours + 32
    assert (row.consultations, row.attestation) == (4, 8)


def test_the_programmer_plan_is_whole_and_every_term_full() -> None:
    """09.02.07 as the real 2024 plan (domain §7): 4,464 h, every cycle as the program declares it (no
    reductions there), every term full to the hour — 612 / 900 / 612 / 864 / 612 / 864 — proven optimal."""
    root = Path(__file__).parents[1] / "catalogs" / "examples" / "programmer"
    ws = workspace(root / "program.comp")
    plan, _ = compact(ws.programs()[0], ws.table, ws.graph)
    assert plan is not None and plan.status == "optimal"
    assert [t.hours for t in plan.terms] == [t.capacity_hours for t in plan.terms]
    assert all(c.scheduled_hours == c.hours for c in plan.cycles)
    assert plan.total_hours == sum(c.hours for c in plan.cycles)
    # the rows through every term stay within their bounds: 75–125 % of the even share (BACKGROUND_RANGE)
    low, high = BACKGROUND_RANGE
    for code in ("ОГСЭ.04", "ОГСЭ.05"):
        item = next(i for i in plan.items if i.code == code)
        share = [item.hours * t.capacity_hours / plan.total_hours for t in plan.terms]
        assert all(
            low * s - 2 < item.hours_by_term[t.number] < high * s + 2 for s, t in zip(share, plan.terms, strict=True)
        )


def test_running_out_of_time_is_not_called_impossible() -> None:
    """The list scheduler misses a deadline that more terms can keep; with no time to find them, the exact
    solver says time ran out (C324), not that no schedule exists (C317)."""
    problem = Problem([473, 506], [], [], (612, 828), 0, frozenset(), [[], [150, 356]], deadline=[2, 0])
    assert try_list_schedule(problem)[0] is None  # the list scheduler misses the deadline
    assert valid(problem, exact_schedule(problem, time_limit=10).schedule) == []  # a schedule exists
    with pytest.raises(Infeasible) as caught:
        exact_schedule(problem, time_limit=1e-9)
    assert caught.value.reason == "time-limit"


@pytest.mark.parametrize(("minimum", "kept"), [(None, 80), (100, 100), (120, 120), (200, 120)])
def test_outcomes_taught_once_keep_a_cycle_at_its_minimum(tmp_path: Path, minimum: int | None, kept: int) -> None:
    """ОГСЭ.01 (120 h) shares 40 h of physical training with general education: it loses them only as
    far as the cycle's `min_hours` allows (a cycle declared below its minimum is C331's, and loses none)."""
    text = WHOLE.format(extra="")
    if minimum is not None:
        text = text.replace("{ role humanities }", f"{{ role humanities  min_hours {minimum} h }}")
    path = tmp_path / "p.comp"
    path.write_text(text, encoding="utf-8")
    ws = workspace(path)
    plan, _ = compact(ws.programs()[0], ws.table, ws.graph)
    assert plan is not None
    cycle = next(c for c in plan.cycles if c.id == "ОГСЭ")
    assert cycle.hours == 120 and cycle.scheduled_hours == kept
    assert plan.savings.integration_hours == 120 - kept
    assert sum(i.hours for i in plan.items) + plan.final_attestation.hours == plan.total_hours


def test_experience_is_gained_once_in_each_module(tmp_path: Path) -> None:
    """Knowledge and skills are taught once in the program; practical experience once in each module:
    a module's practice and exam stand for its own competencies' experience, so ПК-2.1 gains «сварки»
    at ПП.02 of its module, not at ПП.01 of another, and ПК-1.1 and ПК-2.2 do not repeat it."""
    second = """activity ВД-2 "Второй вид"
competency ПК-2.1 "Третья" { activity ВД-2  hours theory 20, practice 60  experience О-01 }
competency ПК-2.2 "Четвёртая" { activity ВД-2  hours theory 20, practice 60  requires ПК-2.1  experience О-01 }
module ПМ.02 "Второй модуль" {
  activity ВД-2
  covers ПК-2.1, ПК-2.2
  course МДК.02.01 "Курс" { covers ПК-2.1, ПК-2.2 }
  practice ПП.02 production 108 h
  exam ПМ.02.ЭК 18 h
}
practice ПДП.01"""
    text = WHOLE.format(extra="").replace("practice ПДП.01", second, 1).replace("core ПМ.01", "core ПМ.01, ПМ.02")
    plan, _ = _compacted(tmp_path, text)
    gained = {i.code: [(e.outcome, e.by) for e in i.taught_elsewhere] for i in plan.items if i.taught_elsewhere}
    assert gained["ПК-1.1"] == [("О-01", "ПП.01")]
    assert gained["ПК-2.1"] == [("О-01", "ПП.02")] and gained["ПК-2.2"] == [("О-01", "ПП.02")]


def test_a_practice_holds_no_more_experience_than_its_hours(tmp_path: Path) -> None:
    """ПП.01 of 40 h gives «сварки» (30 h); «сборки» (24 h) no longer fits and is gained at УП.01, the
    module's other practice; over both shipped examples no practice is credited with more experience
    than its hours."""
    text = WHOLE.format(extra="").replace("practice ПП.01 production 144 h", "practice ПП.01 production 40 h")
    text = text.replace(
        'outcome О-01 experience "сварки" 30 h',
        'outcome О-01 experience "сварки" 30 h\noutcome О-02 experience "сборки" 24 h',
    ).replace("requires ПК-1.1 }", "requires ПК-1.1  experience О-02 }")
    plans = [(plan, ws.table) for plan, ws in (_compacted(tmp_path, text),)]
    ws = workspace(Path(__file__).parents[1] / "catalogs" / "examples" / "welding" / "program.comp")
    welding, diags = compact(ws.programs()[0], ws.table, ws.graph)
    assert welding is not None, diags
    plans.append((welding, ws.table))
    items = {i.code: i for i in plans[0][0].items}
    assert [(e.outcome, e.by) for e in items["ПК-1.1"].taught_elsewhere] == [("О-01", "ПП.01")]
    assert [(e.outcome, e.by) for e in items["ПК-1.2"].taught_elsewhere] == [("О-02", "УП.01")]
    for plan, table in plans:
        held: dict[str, dict[str, int]] = {}
        for item in plan.items:
            for e in item.taught_elsewhere:
                if isinstance(table.get(e.by), Practice):
                    at = held.setdefault(e.by, {})
                    at[e.outcome] = max(at.get(e.outcome, 0), e.hours)
        hours = {i.code: i.hours for i in plan.items}
        assert held and all(sum(v.values()) <= hours[p] for p, v in held.items()), held


@pytest.mark.parametrize(
    ("fields", "kept", "check_codes"),
    [
        ("min_class_hours 100 h", 100, []),  # 120 h of classes: 20 may go
        ("min_class_hours 130 h", 120, ["C331"]),  # below it as written: loses none, and `check` says so
        ("min_hours 60 h  min_class_hours 90 h", 90, []),  # the stricter of the two
    ],
)
def test_a_minimum_of_obligatory_classes_counts_classes_of_the_obligatory_part(
    tmp_path: Path, fields: str, kept: int, check_codes: list[str]
) -> None:
    """`min_class_hours` (the 2014 standards' «обязательные учебные занятия»): a cycle's hours with the
    teacher less its variable part. ОГСЭ.02, a row of the variable part with the same outcome, loses
    it whole (its hours are not obligatory classes); ОГСЭ.01 loses only what keeps the cycle at the
    minimum; self-study counts for neither."""
    text = WHOLE.format(extra="").replace("{ role humanities }", f"{{ role humanities  {fields} }}")
    text = text.replace(
        "hours practice 120  terms all  can ИН-01 }",
        "hours practice 120, self_study 8  terms all  can ИН-01 }\n"
        'discipline ОГСЭ.02 "Физкультура по выбору" { cycle ОГСЭ  hours practice 60, self_study 10  variable all'
        "  can ИН-01 }",
    )
    path = tmp_path / "p.comp"
    path.write_text(text, encoding="utf-8")
    ws = workspace(path)
    assert [d.code for d in check([path]).diagnostics if d.code == "C331"] == check_codes
    plan, _ = compact(ws.programs()[0], ws.table, ws.graph)
    assert plan is not None
    items = {i.code: i for i in plan.items}
    ogse = [i for i in plan.items if i.cycle == "ОГСЭ"]
    assert sum(max(0, i.hours_by_kind.total - i.hours_by_kind.self_study - i.variable) for i in ogse) == kept
    assert items["ОГСЭ.02"].hours_by_kind.practice == 60 - 40  # the variable row loses the outcome whole
    assert items["ОГСЭ.01"].hours_by_kind.self_study == 8


@pytest.mark.parametrize(
    ("declared", "rule", "codes"),
    [
        ("", "variable_share_min 30%", ["C306"]),
        ("variable 180 h", "variable_share_min 30%", []),
        ("variable 180 h", "variable_share about 30% ± 5%", ["C332"]),
    ],
)
def test_the_plan_s_variable_part_is_counted_once_for_the_json_the_table_and_the_rule(
    tmp_path: Path, declared: str, rule: str, codes: list[str]
) -> None:
    """A МДК's declared variable hours are of its row: laid over its items, they add up to the row's
    «Вар. часть»; the plan's share is measured by the standard's rule (C306 when below the minimum)."""
    from constructor.render import views

    text = WHOLE.format(extra="").replace("final_attestation 72 h", f"final_attestation 72 h  {rule}")
    text = text.replace("{ covers ПК-1.1, ПК-1.2 }", "{ covers ПК-1.1, ПК-1.2  " + declared + " }")
    text = text.replace("practice ПП.01 production 144 h", "practice ПП.01 production 144 h { variable all }")
    path = tmp_path / "p.comp"
    path.write_text(text, encoding="utf-8")
    ws = workspace(path)
    plan, diags = compact(ws.programs()[0], ws.table, ws.graph)
    assert plan is not None
    items = {i.code: i for i in plan.items}
    course = items["ПК-1.1"].variable + items["ПК-1.2"].variable
    hours = items["ПК-1.1"].hours + items["ПК-1.2"].hours  # the course's row, shortened by the experience
    kept = kept_share(180, hours, hours + items["ПК-1.1"].saved + items["ПК-1.2"].saved)
    assert 0 < kept < 180 and course == (kept if declared else 0) and items["ПП.01"].variable == 144
    doc = views.plan_doc(plan, ws.table, "ru")
    rows = {r.code: r for r in doc.rows}
    assert rows["МДК.01.01"].variable == course and rows["ПЦ"].variable == course + 144
    std = ws.table["С"]
    assert isinstance(std, Standard)
    variable, base = variable_share(plan, std, ws.table)
    assert variable == course + 144 and base == rows["ОГСЭ"].total + rows["ПЦ"].total
    assert [d.code for d in diags if d.code in ("C306", "C332")] == codes
    assert doc.note is not None  # the note says what `compact` says
    note = "\n".join(p for _, ps in doc.note.sections for p in ps)
    assert f"Вариативная часть — {variable} ч" in note and ("не соответствует стандарту" in note) == bool(codes)


def test_a_closing_item_completed_through_another_has_room_where_it_falls() -> None:
    """Found by hypothesis: item 9 closes on item 8 and item 2, and item 8 closes on items 0 and 2, so
    placing item 2 completes both; the list scheduler counted only item 8's hours and put term 2 one
    hour over its capacity. Both need room now."""
    problem = Problem(
        hours=[60, 500, 267, 60, 60, 60, 60, 113, 18, 44],
        before=[(0, 2), (4, 7)],
        not_after=[(0, 1), (0, 8), (2, 8), (8, 9), (2, 9)],
        term_capacity=(612, 828),
        closing=[(8, (0, 2)), (9, (8, 2))],
    )
    schedule = list_schedule(problem)
    assert valid(problem, schedule) == []


def test_a_shortened_row_keeps_its_share_of_the_variable_part() -> None:
    """Outcomes taught elsewhere leave a row whichever part taught them: the row keeps the split its
    declaration gave it (ЕН.01, 108 h with 36 variable, shortened to 28 h: 9 variable, 19 obligatory),
    so no row of the standard's part ends all variable."""
    from constructor.model import Discipline

    ws = workspace(Path(__file__).parents[1] / "catalogs" / "examples" / "welding" / "program.comp")
    plan, _ = compact(ws.programs()[0], ws.table, ws.graph)
    assert plan is not None
    shortened = 0
    for item in plan.items:
        decl = ws.table.get(item.code)
        if not isinstance(decl, Discipline) or decl.variable is None or decl.variable.hours is None:
            continue
        declared, share = item.hours + item.saved, decl.variable.hours
        assert abs(item.variable * declared - share * item.hours) <= declared / 2, item.code
        if item.saved and share < declared:
            shortened += 1
            assert item.variable < item.hours, item.code
    assert shortened


def test_a_row_closed_by_an_exam_and_a_course_project_counts_its_exam(tmp_path: Path) -> None:
    """`attestation exam, course_project`: both forms in the row's last term («Э, КП» in the plan, the
    table and the .plx), and the exam counts against the year's limit — the project alone does not (the
    review: МДК.02.02 showed an exam the year's count left out)."""
    text = WHOLE.format(extra="").replace(
        'course МДК.01.01 "Курс" { covers ПК-1.1, ПК-1.2 }',
        'course МДК.01.01 "Курс" { covers ПК-1.1, ПК-1.2  attestation exam, course_project }',
    )
    text = text.replace(
        '"Математика" { cycle ОО  hours theory 200, practice 100  terms 2 }',
        '"Математика" { cycle ОО  hours theory 200, practice 100  terms 2  attestation exam, course_paper }',
    )
    plan, _ = _compacted(tmp_path, text)
    written = {i.code: set(i.attestation.values()) for i in plan.items if i.attestation}
    assert {"Э, КП"} in [written.get(c) for c in ("ПК-1.1", "ПК-1.2")] and written["ООД.02"] == {"Э, КР"}
    exams = sum(a.exams for a in plan.attestations)
    module_exams = sum(1 for i in plan.items if i.kind == "exam")
    assert exams == 2 + module_exams  # the course's, the discipline's and the module's own exam


def test_a_discipline_term_block_with_an_exam_and_a_course_paper_keeps_both(tmp_path: Path) -> None:
    """`term 2 { attestation exam, course_paper }`: the block's two forms stay in that term of the
    compacted plan («Э, КР»), as a row-level `attestation exam, course_paper` does (the block kept
    only the last one, and the year's count lost the exam)."""
    text = WHOLE.format(extra="").replace(
        '"Математика" { cycle ОО  hours theory 200, practice 100  terms 2 }',
        '"Математика" { cycle ОО  hours theory 200, practice 100'
        "  term 1 { hours theory 100, practice 50  attestation graded_credit }"
        "  term 2 { hours theory 100, practice 50  attestation exam, course_paper } }",
    )
    plan, _ = _compacted(tmp_path, text)
    forms = next(i.attestation for i in plan.items if i.code == "ООД.02")
    assert sorted(forms.values()) == ["ДЗ", "Э, КР"]


def test_a_course_comes_after_the_rows_it_requires(tmp_path: Path) -> None:
    """`course МДК.01.01 { requires ООД.02 }`: every competency the course covers starts after the
    discipline ends (a review: МДК.01.02 «Источники питания сварочной дуги» ran in term 1 and
    «Электротехника» in term 4). Without it the course starts beside the discipline."""

    def terms(plan: Plan, code: str) -> list[int]:
        item = next(i for i in plan.items if i.code == code)
        return sorted(item.hours_by_term or {item.term: 0})

    free = _plan(tmp_path)
    assert min(terms(free, "ПК-1.1")) <= max(terms(free, "ООД.02"))  # the rule below is not already met
    text = WHOLE.format(extra="").replace(
        'course МДК.01.01 "Курс" { covers ПК-1.1, ПК-1.2 }',
        'course МДК.01.01 "Курс" { covers ПК-1.1, ПК-1.2  requires ООД.02 }',
    )
    plan, ws = _compacted(tmp_path, text)
    for code in ("ПК-1.1", "ПК-1.2"):
        assert min(terms(plan, code)) > max(terms(plan, "ООД.02")), code
    assert "ООД.02" in ws.graph.prerequisites("ПК-1.1")  # the graph says it, as `explain` and `check` do


def test_a_course_requiring_what_needs_it_is_a_cycle_and_an_unknown_code_is_said(tmp_path: Path) -> None:
    """A course's `requires` is checked as a competency's: a cycle through it is C201 (`compact` refuses
    it, as any cycle), a code nobody declared is C101 at the course's line."""
    path = tmp_path / "p.comp"
    cyclic = WHOLE.format(extra="").replace(
        'course МДК.01.01 "Курс" { covers ПК-1.1, ПК-1.2 }',
        'course МДК.01.01 "Курс" { covers ПК-1.1, ПК-1.2  requires ООД.02 }',
    )
    cyclic = cyclic.replace("terms 2 }", "terms 2  requires ПК-1.2 }", 1)
    path.write_text(cyclic, encoding="utf-8")
    assert [d.code for d in constructor.check([path]).diagnostics if d.is_error] == ["C201"]
    unknown = WHOLE.format(extra="").replace(
        'course МДК.01.01 "Курс" { covers ПК-1.1, ПК-1.2 }',
        'course МДК.01.01 "Курс" { covers ПК-1.1, ПК-1.2  requires ОП.99 }',
    )
    path.write_text(unknown, encoding="utf-8")
    (error,) = [d for d in constructor.check([path]).diagnostics if d.is_error]
    assert error.code == "C101" and error.span is not None and "МДК.01.01" in unknown.splitlines()[error.span.line - 1]
