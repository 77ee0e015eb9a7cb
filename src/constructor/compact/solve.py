"""Choosing among the closures the `or` choices allow, by the schedule they give.

Each candidate closure (closure.py) makes its own problem (units.py). Every one is scheduled by the
list heuristic; the exact solver then works on the most promising and on every other whose lower
bound could still beat it. The bound the plan reports holds over every choice: the least bound of
the candidates when they are all of the choices, else the bound of what every choice needs (the
hard closure). So "optimal" means no choice of alternatives gives fewer terms.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Literal

from constructor.compact.exact import exact_schedule
from constructor.compact.schedule import (
    Infeasible,
    Problem,
    Schedule,
    expand,
    lower_bound,
    merge_same_term,
    try_list_schedule,
    valid,
)
from constructor.compact.units import Built

Mode = Literal["auto", "exact", "heuristic"]
AUTO_EXACT_LIMIT = 300  # items up to which the default mode runs the exact solver
NO_SCHEDULE = 10**6  # the terms of a candidate without a schedule yet, for sorting


@dataclass
class Unplaceable(Exception):
    """No candidate can be scheduled: the first one's reason, in its own items' names."""

    reason: str  # cycle | item-too-large | final-too-large | site | deadline | attestation-limit | time-limit
    built: Built
    members: list[list[str]] = field(default_factory=list)  # the names of each offending (merged) item
    hours: list[int] = field(default_factory=list)
    site: int | None = None  # the index of the site (`Problem.sites`) that cannot host them


@dataclass
class Solved:
    built: Built
    schedule: Schedule  # over built.names
    bound: int
    bound_reason: str
    proven: bool
    method: Literal["exact", "heuristic"]
    seconds: float
    notes: list[str] = field(default_factory=list)  # solver notes: time-limit, solver-failed: …


@dataclass
class _Candidate:
    index: int  # in the cheapest-first list of closures: ties go to the cheaper
    built: Built
    merged: Problem
    mapping: list[int]
    bound: int
    reason: str
    schedule: Schedule | None  # over the merged items; None when the list scheduler missed a deadline or limit
    missed: str = "deadline"  # what it missed

    @property
    def terms(self) -> int:
        return self.schedule.terms if self.schedule is not None else NO_SCHEDULE


def _prepare(index: int, built: Built) -> _Candidate:
    merged, mapping = merge_same_term(built.problem)

    def names(k: int) -> list[str]:
        """The names of the items merged into item k."""
        return [built.names[i] for i, m in enumerate(mapping) if m == k]

    largest = max(merged.term_capacity)
    too_big = [k for k, h in enumerate(merged.hours) if h > largest]
    if too_big:
        raise Unplaceable("item-too-large", built, [names(k) for k in too_big], [merged.hours[k] for k in too_big])
    misfit = merged.closing_misfit()
    if misfit is not None:  # a course's competency and its own hours, together in one term
        raise Unplaceable("item-too-large", built, [[n for k in misfit[0] for n in names(k)]], [misfit[1]])
    for site, over in merged.site_misfits():
        hosted = dict(merged.sites[site].items)
        if not all(k in merged.fixed_last for k in over):  # items each too large: the largest is said
            over = [max(over, key=lambda k: (hosted[k], -k))]
        raise Unplaceable("site", built, [names(k) for k in over], [hosted[k] for k in over], site)
    bound, reason = lower_bound(merged)
    # None: only the exact solver can tell whether the deadlines and limits can be kept
    schedule, missed = try_list_schedule(merged)
    return _Candidate(index, built, merged, mapping, bound, reason, schedule, missed)


def solve(candidates: list[Built], relaxed: Problem | None, mode: Mode = "auto", time_limit: float = 10.0) -> Solved:
    """The best schedule over every candidate; `relaxed` is the hard closure's problem when the
    candidates are not all of the choices (its bound holds for every choice)."""
    started = time.perf_counter()
    ready: list[_Candidate] = []
    first: Unplaceable | None = None
    for index, built in enumerate(candidates):
        try:
            ready.append(_prepare(index, built))
        except Unplaceable as e:
            first = first or e
        except Infeasible as e:
            if e.reason == "final-too-large":
                raise Unplaceable("final-too-large", built, [], [built.problem.final_hours]) from e
            members = [[built.names[i] for i in e.items]] if e.items else []
            first = first or Unplaceable(e.reason, built, members)
    if not ready:
        assert first is not None
        raise first
    ready.sort(key=lambda c: (c.terms, c.bound, sum(c.merged.hours), c.index))
    best = ready[0]
    best_schedule = best.schedule
    use_exact = mode == "exact" or (mode == "auto" and best.merged.size <= AUTO_EXACT_LIMIT)
    use_exact = use_exact or best_schedule is None  # missed deadlines: the solver is the only way
    notes: list[str] = []
    if use_exact:
        deadline = started + time_limit
        for cand in sorted(ready, key=lambda c: (c.bound, c.terms, c.index)):
            best_terms = best_schedule.terms if best_schedule is not None else NO_SCHEDULE
            if cand.bound >= best_terms and cand is not best:
                continue  # cannot beat the best schedule found
            left = deadline - time.perf_counter()
            if left <= 0:
                notes.append("time-limit")
                if best_schedule is None:
                    best.missed = "time-limit"  # not tried, so not proven impossible
                break
            try:
                result = exact_schedule(cand.merged, left)
            except Infeasible as e:
                if e.reason == "time-limit":  # not proven impossible: time ran out before a schedule
                    cand.missed = "time-limit"
                continue  # this choice cannot keep its deadlines
            notes.extend(n for n in result.notes if n not in notes)
            cand.bound, cand.reason = result.lower_bound, result.bound_reason
            cand.schedule = result.schedule
            if result.schedule.terms < best_terms or cand is best:
                best, best_schedule = cand, result.schedule
    if best_schedule is None:
        raise Unplaceable(best.missed, best.built)
    bound, reason = min(((c.bound, c.reason) for c in ready), key=lambda b: b[0])
    if relaxed is not None:
        try:
            relaxed_bound = lower_bound(merge_same_term(relaxed)[0])
        except Infeasible:
            relaxed_bound = (1, "hours")
        bound, reason = min((bound, reason), relaxed_bound, key=lambda b: b[0])
    schedule = expand(best_schedule, best.mapping)
    broken = valid(best.built.problem, schedule)
    if broken:  # never hand out a plan that breaks a rule: this is a bug, and it says so
        raise RuntimeError("schedule breaks its rules: " + "; ".join(broken[:3]))
    return Solved(
        built=best.built,
        schedule=schedule,
        bound=bound,
        bound_reason=reason,
        proven=schedule.terms == bound,
        method="exact" if use_exact else "heuristic",
        seconds=time.perf_counter() - started,
        notes=notes,
    )
