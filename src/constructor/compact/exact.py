"""The exact schedule: a MIP solved by HiGHS, one number of terms at a time.

For T from the lower bound up to one less than the heuristic's terms, the MIP asks whether T terms
can hold everything; the first T that can is optimal (every smaller T was proven impossible). Each
item may only sit in the terms its chains allow (`head` … T − `tail` + 1), which keeps the model
small. Among the schedules of the optimal T it minimises the fullest term (its share of capacity). The
heuristic schedule is always there to fall back on: a solver that fails or runs out of time never loses a plan.
"""

from __future__ import annotations

import os
import sys
import time
from dataclasses import dataclass, replace
from fractions import Fraction
from typing import Any

from constructor.compact.background import fit_background
from constructor.compact.schedule import (
    MAX_EXTRA_TERMS,
    Infeasible,
    Problem,
    Schedule,
    chain_lengths,
    latest_ends,
    lower_bound,
    try_list_schedule,
)


@dataclass
class ExactResult:
    schedule: Schedule
    lower_bound: int
    bound_reason: str
    proven: bool  # the schedule's terms equal the proven lower bound
    seconds: float
    notes: list[str]


def _new_highs() -> Any:
    """A HiGHS instance. Its constructor prints a banner on the C stdout whatever the options say;
    the plan's JSON goes to stdout too, so the banner is sent to /dev/null."""
    import highspy

    sys.stdout.flush()
    saved = os.dup(1)
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, 1)
        h = highspy.Highs()
    finally:
        os.dup2(saved, 1)
        os.close(saved)
        os.close(devnull)
    h.setOptionValue("output_flag", False)
    return h


def _solve_terms(
    problem: Problem,
    terms: int,
    head: list[int],
    tail: list[int],
    deadline: float,
    incumbent: Schedule | None,
    balance: bool = False,
    together: bool = False,
) -> tuple[str, Schedule | None]:
    """Is there a schedule in exactly `terms` terms? ("feasible", the schedule) / ("infeasible", None) /
    ("unknown", None) when time ran out. `together`: the rows of each complex exam end so that their
    marks fall in one term. The background rows' hours in each term are the solver's to choose within
    their bounds (`Problem.background_bounds`), so that terms can be full."""
    import highspy

    n = problem.size
    span = [problem.span(i) for i in range(n)]
    ends_by = latest_ends(problem)
    window = [  # of the start term
        (head[i] - span[i] + 1, min(terms - tail[i] + 1, (ends_by[i] or terms) - span[i] + 1)) for i in range(n)
    ]
    for i in problem.fixed_last:
        window[i] = (terms, terms)
    if any(lo > hi for lo, hi in window):
        return "infeasible", None
    if problem.limited and problem.over_limits(problem.background_marks_by_year(terms)):
        return "infeasible", None  # the rows through every term alone pass a year's limit
    h = _new_highs()
    h.setOptionValue("threads", 1)
    h.setOptionValue("random_seed", 0)
    h.setOptionValue("mip_rel_gap", 0.0)
    remaining = deadline - time.perf_counter()
    if remaining <= 0:
        return "unknown", None
    h.setOptionValue("time_limit", max(remaining, 0.01))
    inf = highspy.kHighsInf
    col: dict[tuple[int, int], int] = {}
    lower: list[float] = []
    upper: list[float] = []
    for i in range(n):
        for t in range(window[i][0], window[i][1] + 1):
            col[i, t] = len(lower)
            lower.append(0.0)
            upper.append(1.0)
    # the fullest term's share of its capacity: minimised when balancing (terms differ in length, so a
    # share and not hours: the free hours spread over the terms), free when only asking "can it?"
    peak = len(lower)
    lower.append(0.0)
    upper.append(inf)
    # the hours of each background row in each term: whole hours within the row's bounds
    background: dict[tuple[int, int], int] = {}
    for r, bounds in enumerate(problem.background_bounds(terms)):
        for t, (lo, hi) in enumerate(bounds, start=1):
            background[r, t] = len(lower)
            lower.append(float(lo))
            upper.append(float(hi))
    # marks that fall where the last of several items ends (a course's form): a binary a term
    with_marks = problem.limited or together
    marks_at = _mark_columns(problem, window, lower, upper) if with_marks else {}

    rows_lo: list[float] = []
    rows_hi: list[float] = []
    starts: list[int] = []
    index: list[int] = []
    value: list[float] = []

    def row(entries: list[tuple[int, float]], lo: float, hi: float) -> None:
        merged: dict[int, float] = {}  # HiGHS refuses a row that names a column twice
        for c, v in entries:
            merged[c] = merged.get(c, 0.0) + v
        starts.append(len(index))
        for c, v in merged.items():
            index.append(c)
            value.append(v)
        rows_lo.append(lo)
        rows_hi.append(hi)

    for i in range(n):  # every item in exactly one term
        row([(col[i, t], 1.0) for t in range(window[i][0], window[i][1] + 1)], 1.0, 1.0)

    # b placed by term t needs a placed by t − 1 (before) or by t (not after): the disaggregated form,
    # whose LP relaxation is much tighter than term(b) − term(a) ≥ 1 and proves bounds far faster
    def by(i: int, t: int) -> list[tuple[int, float]]:
        return [(col[i, s], 1.0) for s in range(window[i][0], min(t, window[i][1]) + 1)]

    # b started by t needs a started by t − lag: lag span(a) for before (a ends before b starts),
    # span(a) − span(b) for not after (a ends no later than b ends); 1 and 0 for items of one term
    for pairs, strict in ((problem.before, True), (problem.not_after, False)):
        for a, b in pairs:
            lag = span[a] if strict else span[a] - span[b]
            for t in range(window[b][0], window[b][1] + 1):
                mine = by(b, t)
                theirs = by(a, t - lag)
                if len(theirs) == window[a][1] - window[a][0] + 1:
                    continue  # a is surely placed by then: nothing to say
                row(mine + [(c, -v) for c, v in theirs], -inf, 0.0)
    for r, hours in enumerate(problem.background):  # each background row whole
        row([(background[r, t], 1.0) for t in range(1, terms + 1)], float(hours), float(hours))
    for e, group in problem.closing:  # a closing item only where one of its members ends
        for t in range(window[e][0], window[e][1] + 1):
            ends = [
                (col[m, s], -1.0) for m in group for s in range(window[m][0], window[m][1] + 1) if s + span[m] - 1 == t
            ]
            row([(col[e, t], 1.0), *ends], -inf, 0.0)
    for t in range(1, terms + 1):
        # an item started in s < t over several terms still loads term t with its share for t − s
        members = [
            (col[i, s], float(problem.share(i, t - s)))
            for i in range(n)
            for s in range(max(window[i][0], t - span[i] + 1), min(window[i][1], t) + 1)
        ]
        members += [(background[r, t], 1.0) for r in range(len(problem.background))]
        fixed = problem.final_hours if t == terms else 0
        room = problem.capacity(t) - fixed
        if room < 0:
            return "infeasible", None
        if members:
            row(members, -inf, float(room))
            row([*members, (peak, -float(problem.capacity(t)))], -inf, float(-fixed))  # load ≤ peak × capacity
    if with_marks:
        falls = _fall_rows(problem, window, span, col, marks_at, row)
        if problem.limited and not _limit_rows(problem, terms, falls, row, lower, upper):
            return "infeasible", None
        if together:
            _together_rows(problem, falls, row)
    h.addVars(len(lower), lower, upper)
    if balance:
        h.changeColsCost(1, [peak], [1.0])
    binaries = [c for c in range(len(lower)) if c != peak]  # 0/1 choices and whole background hours
    h.changeColsIntegrality(len(binaries), binaries, [highspy.HighsVarType.kInteger] * len(binaries))
    if h.addRows(len(rows_lo), rows_lo, rows_hi, len(index), starts, index, value) != highspy.HighsStatus.kOk:
        raise RuntimeError("the MIP's rows were refused")  # never solve a model without its rules
    if incumbent is not None and incumbent.terms == terms:
        guess = [0.0] * len(lower)
        for i, t in enumerate(incumbent.term):
            if (i, t) in col:
                guess[col[i, t]] = 1.0
        split = incumbent.background_split(problem)
        for (r, t), c in background.items():
            guess[c] = float(split[r][t - 1])
        sol = highspy.HighsSolution()
        sol.col_value = guess
        h.setSolution(sol)
    h.run()
    status = h.getModelStatus()
    if status == highspy.HighsModelStatus.kInfeasible:
        # HiGHS's presolve has called a feasible model infeasible (highspy 1.16; found by the brute-force
        # property test, kept as its @example): "impossible" is believed only when a solve without
        # presolve says so too; when time runs out first, nothing is claimed
        remaining = deadline - time.perf_counter()
        if remaining <= 0:
            return "unknown", None
        h.clearSolver()
        h.setOptionValue("presolve", "off")
        h.setOptionValue("time_limit", max(remaining, 0.01))
        h.run()
        status = h.getModelStatus()
        if status == highspy.HighsModelStatus.kInfeasible:
            return "infeasible", None
    info = h.getInfo()
    if info.primal_solution_status == 2:  # a feasible point was found (optimal or at the time limit)
        values = h.getSolution().col_value
        term = [0] * n
        for (i, t), c in col.items():
            if values[c] > 0.5:
                term[i] = t
        if all(term):
            split = [
                [round(values[background[r, t]]) for t in range(1, terms + 1)] for r in range(len(problem.background))
            ]
            if split:  # the most even split these items' terms allow (the MIP's is any that fits)
                split = fit_background(problem, Schedule(term, terms).placed_load(problem)) or split
            return "feasible", Schedule(term, terms, background=split)
    return "unknown", None


def _mark_columns(
    problem: Problem,
    window: list[tuple[int, int]],
    lower: list[float],
    upper: list[float],
) -> dict[int, dict[int, int]]:
    """For each mark over several items: a binary per term it may fall in (where the last item ends)."""
    out: dict[int, dict[int, int]] = {}
    for k, m in enumerate(problem.marks):
        if m.offset is not None or len(m.items) == 1:
            continue
        lo = max(window[i][0] + problem.span(i) - 1 for i in m.items)
        hi = max(window[i][1] + problem.span(i) - 1 for i in m.items)
        out[k] = {}
        for t in range(lo, hi + 1):
            out[k][t] = len(lower)
            lower.append(0.0)
            upper.append(1.0)
    return out


def _fall_rows(
    problem: Problem,
    window: list[tuple[int, int]],
    span: list[int],
    col: dict[tuple[int, int], int],
    marks_at: dict[int, dict[int, int]],
    row: Any,
) -> list[dict[int, list[int]]]:
    """Each mark's indicator per term: mark k falls in term t when the columns `falls[k][t]` add to 1
    (an item's start, or the mark's own binary with the rows that tie it to where its items end)."""
    falls: list[dict[int, list[int]]] = []
    for k, m in enumerate(problem.marks):
        at: dict[int, list[int]] = {}
        if k in marks_at:
            at = {t: [c] for t, c in marks_at[k].items()}
            ends: dict[int, list[tuple[int, float]]] = {}
            for i in m.items:
                for s in range(window[i][0], window[i][1] + 1):
                    ends.setdefault(s + span[i] - 1, []).append((col[i, s], 1.0))
            row([(c, 1.0) for c in marks_at[k].values()], 1.0, 1.0)  # it falls in one term
            for t, c in marks_at[k].items():  # where some item ends …
                row([(c, 1.0), *((x, -v) for x, v in ends.get(t, []))], -float("inf"), 0.0)
            for i in m.items:  # … and no item ends later
                row(
                    [
                        *((c, float(t)) for t, c in marks_at[k].items()),
                        *((col[i, s], -float(s + span[i] - 1)) for s in range(window[i][0], window[i][1] + 1)),
                    ],
                    0.0,
                    float("inf"),
                )
        else:
            i = m.items[0]
            shift = m.offset if m.offset is not None else span[i] - 1
            for s in range(window[i][0], window[i][1] + 1):
                at.setdefault(s + shift, []).append(col[i, s])
        falls.append(at)
    return falls


def _together_rows(problem: Problem, falls: list[dict[int, list[int]]], row: Any) -> None:
    """Each complex exam's marks in one term: in every term, each member's indicator equals the first's."""
    for members in problem.groups.values():
        first = members[0]
        for k in members[1:]:
            for t in sorted(set(falls[first]) | set(falls[k])):
                entries = [(c, 1.0) for c in falls[first].get(t, [])] + [(c, -1.0) for c in falls[k].get(t, [])]
                row(entries, 0.0, 0.0)


def _limit_rows(
    problem: Problem,
    terms: int,
    falls: list[dict[int, list[int]]],
    row: Any,
    lower: list[float],
    upper: list[float],
) -> bool:
    """The yearly limits: complex exams once per term, and per study year and kind at most the limit
    less the background rows' marks. False when no schedule can."""
    # a complex exam: one binary per group and term, at least each of its marks there
    counted = [(m.kind, falls[k]) for k, m in enumerate(problem.marks) if m.group is None]
    for members in problem.groups.values():
        kind = problem.marks[members[0]].kind
        terms_of = sorted({t for k in members for t in falls[k]})
        at = {}
        for t in terms_of:
            c = len(lower)
            lower.append(0.0)
            upper.append(1.0)
            at[t] = [c]
            for k in members:
                if t in falls[k]:
                    row([(c, 1.0), *((x, -1.0) for x in falls[k][t])], 0.0, float("inf"))
        counted.append((kind, at))
    fixed = problem.background_marks_by_year(terms)
    years = problem.year(terms)
    for kind, limit in enumerate(problem.year_limits):
        if limit is None:
            continue
        for year in range(1, years + 1):
            room = limit - fixed.get((year, kind), 0)
            if room < 0:
                return False
            entries = [
                (c, 1.0)
                for k_kind, at in counted
                if k_kind == kind
                for t, cols in at.items()
                if problem.year(t) == year
                for c in cols
            ]
            if entries:
                row(entries, -float("inf"), float(room))
    return True


BALANCE_SECONDS = 1.0
TOGETHER_SECONDS = 2.0


def _keep_together(problem: Problem, best: Schedule, head: list[int], tail: list[int], deadline: float) -> Schedule:
    """Of the schedules in `best`'s number of terms, one that holds each complex exam's rows' exams in
    one term, when there is one and time is left; else `best` (C319 then says which exams are apart).
    The number of terms never grows for it: a complex exam is the college's wish, the term is the rule."""
    if not problem.split_groups(best.term) or time.perf_counter() >= deadline:
        return best
    limit = min(deadline, time.perf_counter() + TOGETHER_SECONDS)
    # any schedule that holds them together (the load is evened out afterwards, keeping them so)
    status, found = _solve_terms(problem, best.terms, head, tail, limit, None, together=True)
    if status == "feasible" and found is not None and not problem.split_groups(found.term):
        return found
    return best


def _quality(problem: Problem, schedule: Schedule) -> tuple[Fraction, int]:
    """What balancing lowers, in order: the fullest term's share of its capacity, then how far the
    background rows are from their even split."""
    even = problem.even_split(schedule.terms)
    split = schedule.background_split(problem)
    away = sum(abs(a - b) for row, base in zip(split, even, strict=True) for a, b in zip(row, base, strict=True))
    fullest = max(Fraction(h, problem.capacity(t)) for t, h in enumerate(schedule.load(problem), start=1))
    return fullest, away


def _relaxed_or_impossible(problem: Problem, missed: str, deadline: float) -> None:
    """Raise Infeasible(missed) when the problem without its background rows (which only take room and
    marks) has no schedule: then no number of terms helps, and the search over every number of terms
    the background rows would need is spared. A relaxation that runs out of time proves nothing."""
    try:
        exact_schedule(replace(problem, background=(), background_marks=()), deadline - time.perf_counter())
    except Infeasible as e:
        if e.reason != "time-limit":
            raise Infeasible(missed) from e


def exact_schedule(problem: Problem, time_limit: float = 10.0) -> ExactResult:
    start = time.perf_counter()
    deadline = start + time_limit
    bound, reason = lower_bound(problem)
    notes: list[str] = []
    # when the list scheduler misses a deadline or a limit, the solver searches every number of terms
    heuristic, missed = try_list_schedule(problem)
    if heuristic is not None and problem.size == 0:
        return ExactResult(heuristic, bound, reason, True, 0.0, notes)
    head, tail = chain_lengths(problem)
    if heuristic is not None and heuristic.terms == bound:  # nothing to prove: the bound is met
        kept = _keep_together(problem, heuristic, head, tail, deadline)
        return ExactResult(kept, bound, reason, True, time.perf_counter() - start, notes)
    if heuristic is None and problem.background:
        _relaxed_or_impossible(problem, missed, deadline)
    best = heuristic
    proven_bound = bound
    # without a schedule to beat, every number of terms the list scheduler tried (background rows take
    # less of each term the more terms there are, so a deadline may be kept only with more terms)
    extra = MAX_EXTRA_TERMS if problem.background else 0
    upper = heuristic.terms if heuristic is not None else bound + problem.size + 1 + extra
    try:
        for terms in range(bound, upper):
            status, found = _solve_terms(problem, terms, head, tail, deadline, None)
            if status == "infeasible":
                proven_bound = terms + 1
                reason = "solver"
                continue
            if status == "feasible" and found is not None:
                best = found
            else:
                notes.append("time-limit")
            break
        if best is None:  # no number of terms keeps every deadline or limit, or time ran out before one did
            raise Infeasible("time-limit" if "time-limit" in notes else missed)
        best = _keep_together(problem, best, head, tail, deadline)
        full = best.load(problem) == problem.capacities(best.terms)
        if best.terms == proven_bound and not full:  # full terms: nothing to even out
            # the number of terms is settled; even out the load with what is left of the time, among the
            # schedules that keep the complex exams together when the one found does
            balance_deadline = min(deadline, time.perf_counter() + BALANCE_SECONDS)
            together = bool(problem.groups) and not problem.split_groups(best.term)
            status, found = _solve_terms(
                problem, best.terms, head, tail, balance_deadline, best, balance=True, together=together
            )
            if status == "feasible" and found is not None and _quality(problem, found) <= _quality(problem, best):
                best = found
    except Infeasible:
        raise
    except Exception as e:  # a solver failure must never lose the plan: keep the heuristic one
        notes.append(f"solver-failed: {type(e).__name__}")
        if heuristic is None:
            raise Infeasible(missed) from e
        best = heuristic
    proven = best.terms == proven_bound
    return ExactResult(best, proven_bound, reason, proven, time.perf_counter() - start, notes)
