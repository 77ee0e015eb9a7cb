"""The exact schedule: a MIP solved by HiGHS, one number of terms at a time.

For T from the lower bound up to one less than the heuristic's terms, the MIP asks whether T terms
can hold everything; the first T that can is optimal (every smaller T was proven impossible). Each
item may only sit in the terms its chains allow (`head` … T − `tail` + 1), which keeps the model
small. Among the schedules of the optimal T it minimises the heaviest term. The heuristic schedule is
always there to fall back on: a solver that fails or runs out of time never loses a plan.
"""

from __future__ import annotations

import os
import sys
import time
from dataclasses import dataclass
from typing import Any

from constructor.compact.schedule import (
    MAX_EXTRA_TERMS,
    Infeasible,
    Problem,
    Schedule,
    chain_lengths,
    latest_ends,
    list_schedule,
    lower_bound,
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
    incumbent: list[int] | None,
    balance: bool = False,
) -> tuple[str, list[int] | None]:
    """Is there a schedule in exactly `terms` terms? ("feasible", terms of items) / ("infeasible",
    None) / ("unknown", None) when time ran out."""
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
    cost: list[float] = []
    for i in range(n):
        for t in range(window[i][0], window[i][1] + 1):
            col[i, t] = len(lower)
            lower.append(0.0)
            upper.append(1.0)
            cost.append(0.0)
    peak = len(lower)  # the heaviest term's load: minimised when balancing, free when only asking "can it?"
    lower.append(0.0)
    upper.append(inf)
    cost.append(1.0 if balance else 0.0)
    h.addVars(len(lower), lower, upper)
    h.changeColsCost(len(cost), list(range(len(cost))), cost)
    h.changeColsIntegrality(peak, list(range(peak)), [highspy.HighsVarType.kInteger] * peak)

    rows_lo: list[float] = []
    rows_hi: list[float] = []
    starts: list[int] = []
    index: list[int] = []
    value: list[float] = []

    def row(entries: list[tuple[int, float]], lo: float, hi: float) -> None:
        starts.append(len(index))
        for c, v in entries:
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
    background = problem.background_by_term(terms)
    for t in range(1, terms + 1):
        # an item started in s < t over several terms still loads term t with its share for t − s
        members = [
            (col[i, s], float(problem.share(i, t - s)))
            for i in range(n)
            for s in range(max(window[i][0], t - span[i] + 1), min(window[i][1], t) + 1)
        ]
        fixed = (problem.final_hours if t == terms else 0) + background[t - 1]
        room = problem.capacity(t) - fixed
        if room < 0:
            return "infeasible", None
        if members:
            row(members, -inf, float(room))
            row([*members, (peak, -1.0)], -inf, float(-fixed))  # load ≤ peak
    h.addRows(len(rows_lo), rows_lo, rows_hi, len(index), starts, index, value)
    if incumbent is not None and max(incumbent, default=1) <= terms:
        guess = [0.0] * len(lower)
        for i, t in enumerate(incumbent):
            if (i, t) in col:
                guess[col[i, t]] = 1.0
        sol = highspy.HighsSolution()
        sol.col_value = guess
        h.setSolution(sol)
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
            return "feasible", term
    return "unknown", None


BALANCE_SECONDS = 1.0


def _peak(problem: Problem, term: list[int], terms: int) -> int:
    return max(Schedule(term, terms).load(problem))


def exact_schedule(problem: Problem, time_limit: float = 10.0) -> ExactResult:
    start = time.perf_counter()
    deadline = start + time_limit
    bound, reason = lower_bound(problem)
    notes: list[str] = []
    try:
        heuristic: Schedule | None = list_schedule(problem)
    except Infeasible as e:
        if e.reason != "deadline":
            raise
        heuristic = None  # the list scheduler missed a deadline: the solver searches every number of terms
    if heuristic is not None and problem.size == 0:
        return ExactResult(heuristic, bound, reason, True, 0.0, notes)
    if heuristic is not None and heuristic.terms == bound:  # nothing to prove: the bound is met
        return ExactResult(heuristic, bound, reason, True, time.perf_counter() - start, notes)
    head, tail = chain_lengths(problem)
    best = heuristic
    proven_bound = bound
    # without a schedule to beat, every number of terms the list scheduler tried (background rows take
    # less of each term the more terms there are, so a deadline may be kept only with more terms)
    extra = MAX_EXTRA_TERMS if problem.background else 0
    upper = heuristic.terms if heuristic is not None else bound + problem.size + 1 + extra
    try:
        for terms in range(bound, upper):
            status, term = _solve_terms(problem, terms, head, tail, deadline, None)
            if status == "infeasible":
                proven_bound = terms + 1
                reason = "solver"
                continue
            if status == "feasible" and term is not None:
                best = Schedule(term, terms)
            else:
                notes.append("time-limit")
            break
        if best is None:
            raise Infeasible("deadline")  # no number of terms keeps every deadline (or time ran out first)
        if best.terms == proven_bound:
            # the number of terms is settled; even out the load with what is left of the time
            balance_deadline = min(deadline, time.perf_counter() + BALANCE_SECONDS)
            status, term = _solve_terms(problem, best.terms, head, tail, balance_deadline, best.term, balance=True)
            if (
                status == "feasible"
                and term is not None
                and _peak(problem, term, best.terms) <= _peak(problem, best.term, best.terms)
            ):
                best = Schedule(term, best.terms)
    except Infeasible:
        raise
    except Exception as e:  # a solver failure must never lose the plan: keep the heuristic one
        notes.append(f"solver-failed: {type(e).__name__}")
        if heuristic is None:
            raise Infeasible("deadline") from e
        best = heuristic
    proven = best.terms == proven_bound
    return ExactResult(best, proven_bound, reason, proven, time.perf_counter() - start, notes)
