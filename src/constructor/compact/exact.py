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
from collections.abc import Callable
from dataclasses import dataclass, replace
from fractions import Fraction
from typing import Any

from constructor.compact.mip import Model, build_model
from constructor.compact.schedule import (
    MAX_EXTRA_TERMS,
    Infeasible,
    Problem,
    Schedule,
    chain_lengths,
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


# A solver of a `Model`: (model, deadline, starting point) → ("feasible", values) when it found a point
# (optimal or not), ("infeasible", None) when it proved there is none, ("unknown", None) otherwise.
Backend = Callable[[Model, float, list[float] | None], tuple[str, list[float] | None]]


def run_highs(model: Model, deadline: float, guess: list[float] | None) -> tuple[str, list[float] | None]:
    """HiGHS, single-threaded and seeded (the same model gives the same schedule)."""
    import highspy

    remaining = deadline - time.perf_counter()
    if remaining <= 0:
        return "unknown", None
    h = _new_highs()
    h.setOptionValue("threads", 1)
    h.setOptionValue("random_seed", 0)
    h.setOptionValue("mip_rel_gap", 0.0)
    h.setOptionValue("time_limit", max(remaining, 0.01))
    h.addVars(len(model.lower), model.lower, model.upper)
    if model.balance:
        h.changeColsCost(1, [model.peak], [1.0])
        # evening out stops when the fullest term is within 0.1 % of the evenest possible, or after a
        # number of branch-and-bound nodes — never at a time: a 1-second limit made the plan depend on the
        # machine's speed (the example's terms came out 612/894 h on one machine, 607/900 h on another)
        h.setOptionValue("mip_max_nodes", BALANCE_NODES)
        h.setOptionValue("mip_rel_gap", BALANCE_GAP)
    integer = [c for c in range(len(model.lower)) if c != model.peak]  # 0/1 choices, whole background hours
    h.changeColsIntegrality(len(integer), integer, [highspy.HighsVarType.kInteger] * len(integer))
    status = h.addRows(
        len(model.rows_lo), model.rows_lo, model.rows_hi, len(model.index), model.starts, model.index, model.value
    )
    if status != highspy.HighsStatus.kOk:
        raise RuntimeError("the MIP's rows were refused")  # never solve a model without its rules
    if guess is not None:
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
        if h.getModelStatus() == highspy.HighsModelStatus.kInfeasible:
            return "infeasible", None
    if h.getInfo().primal_solution_status == 2:  # a feasible point was found (optimal or at the time limit)
        return "feasible", list(h.getSolution().col_value)
    return "unknown", None


def _solve_terms(
    problem: Problem,
    terms: int,
    head: list[int],
    tail: list[int],
    deadline: float,
    incumbent: Schedule | None,
    backend: Backend,
    balance: bool = False,
    together: bool = False,
) -> tuple[str, Schedule | None]:
    """Is there a schedule in exactly `terms` terms? ("feasible", the schedule) / ("infeasible", None) /
    ("unknown", None) when time ran out. `together`: the rows of each complex exam end so that their
    marks fall in one term. The background rows' hours in each term are the solver's to choose within
    their bounds (`Problem.background_bounds`), so that terms can be full."""
    model = build_model(problem, terms, head, tail, balance, together)
    if model is None:
        return "infeasible", None
    guess = model.guess(problem, incumbent) if incumbent is not None and incumbent.terms == terms else None
    status, values = backend(model, deadline, guess)
    if status == "feasible" and values is not None:
        found = model.schedule(problem, values)
        return ("feasible", found) if found is not None else ("unknown", None)
    return status, None


# The balancing solve stops by rules that give the same plan on every machine: the fullest term within
# 0.1 % of the evenest (under a 900-hour term, within an hour; the welding example gets there at the
# first node, 0.1 s, where proving the last 0.02 % took 1,100 nodes and 1.3 s), else a number of nodes;
# the time guard is for programs far larger than real ones.
BALANCE_NODES = 3000
BALANCE_GAP = 1e-3
BALANCE_SECONDS = 5.0
TOGETHER_SECONDS = 2.0


def _keep_together(
    problem: Problem, best: Schedule, head: list[int], tail: list[int], deadline: float, backend: Backend
) -> Schedule:
    """Of the schedules in `best`'s number of terms, one that holds each complex exam's rows' exams in
    one term, when there is one and time is left; else `best` (C319 then says which exams are apart).
    The number of terms never grows for it: a complex exam is the college's wish, the term is the rule."""
    if not problem.split_groups(best.term) or time.perf_counter() >= deadline:
        return best
    limit = min(deadline, time.perf_counter() + TOGETHER_SECONDS)
    # any schedule that holds them together (the load is evened out afterwards, keeping them so)
    status, found = _solve_terms(problem, best.terms, head, tail, limit, None, backend, together=True)
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


def _relaxed_or_impossible(problem: Problem, missed: str, deadline: float, backend: Backend) -> None:
    """Raise Infeasible(missed) when the problem without its background rows (which only take room and
    marks) has no schedule: then no number of terms helps, and the search over every number of terms
    the background rows would need is spared. A relaxation that runs out of time proves nothing."""
    try:
        exact_schedule(replace(problem, background=(), background_marks=()), deadline - time.perf_counter(), backend)
    except Infeasible as e:
        if e.reason != "time-limit":
            raise Infeasible(missed) from e


def exact_schedule(problem: Problem, time_limit: float = 10.0, backend: Backend = run_highs) -> ExactResult:
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
        kept = _keep_together(problem, heuristic, head, tail, deadline, backend)
        return ExactResult(kept, bound, reason, True, time.perf_counter() - start, notes)
    if heuristic is None and problem.background:
        _relaxed_or_impossible(problem, missed, deadline, backend)
    best = heuristic
    proven_bound = bound
    # without a schedule to beat, every number of terms the list scheduler tried (background rows take
    # less of each term the more terms there are, so a deadline may be kept only with more terms)
    extra = MAX_EXTRA_TERMS if problem.background else 0
    upper = heuristic.terms if heuristic is not None else bound + problem.size + 1 + extra
    try:
        for terms in range(bound, upper):
            status, found = _solve_terms(problem, terms, head, tail, deadline, None, backend)
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
        best = _keep_together(problem, best, head, tail, deadline, backend)
        full = best.load(problem) == problem.capacities(best.terms)
        if best.terms == proven_bound and not full:  # full terms: nothing to even out
            # the number of terms is settled; even out the load with what is left of the time, among the
            # schedules that keep the complex exams together when the one found does
            balance_deadline = min(deadline, time.perf_counter() + BALANCE_SECONDS)
            together = bool(problem.groups) and not problem.split_groups(best.term)
            status, found = _solve_terms(
                problem, best.terms, head, tail, balance_deadline, best, backend, balance=True, together=together
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
