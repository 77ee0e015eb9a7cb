"""Where the saved hours and terms come from: the same content before any reduction (nothing
recognised, every outcome taught each time) is packed by the same list scheduler, so the savings
table splits the terms saved into packing and reduction and the hours into their causes."""

from __future__ import annotations

from constructor.compact.closure import close
from constructor.compact.plan import Savings
from constructor.compact.rows import shares_of
from constructor.compact.schedule import Infeasible, Problem, list_schedule, merge_same_term
from constructor.compact.solve import Solved
from constructor.compact.units import Built
from constructor.graph import CompetencyGraph, attainable
from constructor.graph.whole import load_hours
from constructor.model import Program


def savings_of(program: Program, graph: CompetencyGraph, solved: Solved, load: int) -> tuple[Savings, int]:
    """The hours saved by each cause, and the terms the unreduced content takes (packed by the list
    scheduler; the solved schedule's terms when it cannot be scheduled at all: no packing saving)."""
    built, recognized = solved.built, program.recognized
    unreduced = close(graph, list(built.context.asked), set(), attainable(graph))
    try:
        full_terms = list_schedule(merge_same_term(full_problem(graph, unreduced.codes, built))[0]).terms
    except Infeasible:
        full_terms = solved.schedule.terms
    recognition = 0
    if recognized:
        modules = built.content.modules
        recognition = max(0, unreduced.hours - built.closure.hours) + sum(
            p.hours_at(load) for m in modules for p in m.practices if p.code in recognized
        )
    savings = Savings(
        recognition_hours=recognition,
        shared_outcomes_hours=built.shared_saving,
        integration_hours=built.integrated_saving,
        practice_hours=built.practice_saving,
    )
    return savings, full_terms


def full_problem(graph: CompetencyGraph, full_codes: list[str], built: Built) -> Problem:
    """The same content before any reduction: nothing recognised, every outcome taught each time."""
    units, names, reduced = built.units, built.names, built.problem
    extra = [c for c in full_codes if c not in units]

    def full(code: str) -> int:
        comp = graph.competencies.get(code)
        return load_hours(comp.hours) if comp is not None else units[code].load

    hours = [full(c) for c in names]
    shares = [shares_of(hours[i], units[c].shares) for i, c in enumerate(names)]
    hours += [full(c) for c in extra]
    shares += [[] for _ in extra]
    index = {c: i for i, c in enumerate([*names, *extra])}
    before = set(reduced.before)
    for code in extra:
        for dep in graph.dependents(code):
            if dep in index:
                before.add((index[code], index[dep]))
        for p in graph.prerequisites(code):
            if p in index:
                before.add((index[p], index[code]))
    return Problem(
        hours,
        sorted(before),
        reduced.not_after,
        reduced.term_capacity,
        reduced.final_hours,
        reduced.fixed_last,
        shares if any(shares) else (),
        [full(c) for c in built.background],
        [*reduced.deadline, *([0] * len(extra))] if reduced.deadline else (),
        reduced.marks,
        reduced.background_marks,
        reduced.year_limits,
        reduced.terms_per_year,
        sites=reduced.sites,
    )
