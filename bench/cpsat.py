"""HiGHS or CP-SAT? The same exact search (`exact_schedule`) with each solver on the same models.

    python bench/cpsat.py [--sizes 60,120,300] [--seeds 5] [--time-limit S] [--workers 1]

Needs OR-Tools (`pip install -e '.[bench]'`). Issue 12 asks to measure both before choosing: the
MIP of `compact/mip.py` is handed to HiGHS (what `compact` uses, `exact.run_highs`) or to CP-SAT
(`run_cpsat` below: the same columns and rows; the continuous peak column, the fullest term's share
of its capacity, becomes an integer in thousandths when balancing and is dropped when only asking
whether the terms can hold everything). Instances: the shipped examples' problems as `compact` builds
them, bench/whole.py's generated whole programs (with and without yearly limits of exams and
credits) and bench/schedule.py's tight and curriculum-like problems; of the generated ones only those
where the exact search has work to do (the list schedule misses a rule or the lower bound: on the
others neither solver runs), their count in brackets. For each solver: mean and
largest time to the end of the search, the share proven optimal within 1 s and 10 s; the ratio is
CP-SAT's mean time over HiGHS's in the same run. Every instance both prove must get the same
number of terms, or the run fails.
"""

from __future__ import annotations

import argparse
import datetime
import platform
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from constructor.compact.exact import Backend, ExactResult, exact_schedule, run_highs
from constructor.compact.mip import Model
from constructor.compact.schedule import Infeasible, Problem, lower_bound, try_list_schedule
from schedule import curriculum, tight
from whole import ROOT, whole_program

SCALE = 1000  # the peak share in thousandths
PEAK_MAX = 10  # a term loaded to ten times its capacity is never needed


def cpsat_backend(workers: int) -> Backend:
    def run_cpsat(model: Model, deadline: float, guess: list[float] | None) -> tuple[str, list[float] | None]:
        from ortools.sat.python import cp_model

        remaining = deadline - time.perf_counter()
        if remaining <= 0:
            return "unknown", None
        m = cp_model.CpModel()
        columns: list[cp_model.IntVar | None] = []
        for c, (lo, hi) in enumerate(zip(model.lower, model.upper, strict=True)):
            if c == model.peak:
                columns.append(m.new_int_var(0, PEAK_MAX * SCALE, "peak") if model.balance else None)
            else:
                columns.append(m.new_int_var(int(lo), int(hi), f"x{c}"))
        for r in range(len(model.rows_lo)):
            end = model.starts[r + 1] if r + 1 < len(model.starts) else len(model.index)
            entries = list(zip(model.index[model.starts[r] : end], model.value[model.starts[r] : end], strict=True))
            scale = 1
            if any(c == model.peak for c, _ in entries):
                if not model.balance:
                    continue  # it only bounds the free peak
                scale = SCALE
            terms = []
            for c, v in entries:
                if v != int(v):
                    raise ValueError(f"a fractional coefficient {v}: CP-SAT needs integers")
                var = columns[c]
                assert var is not None
                terms.append((int(v) * (1 if c == model.peak else scale), var))
            expr = sum(k * x for k, x in terms)
            lo, hi = model.rows_lo[r], model.rows_hi[r]
            if lo != -float("inf"):
                m.add(expr >= int(lo) * scale)
            if hi != float("inf"):
                m.add(expr <= int(hi) * scale)
        if model.balance:
            peak = columns[model.peak]
            assert peak is not None
            m.minimize(peak)
        if guess is not None:
            for c, var in enumerate(columns):
                if var is not None:
                    m.add_hint(var, round(guess[c]))
        solver = cp_model.CpSolver()
        solver.parameters.max_time_in_seconds = max(remaining, 0.01)
        solver.parameters.num_workers = workers
        solver.parameters.random_seed = 0
        status = solver.solve(m)
        if status == cp_model.INFEASIBLE:
            return "infeasible", None
        if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            values = [float(solver.value(v)) if v is not None else 0.0 for v in columns]
            if model.balance:
                values[model.peak] /= SCALE
            return "feasible", values
        return "unknown", None

    return run_cpsat


def example_problems() -> list[tuple[str, Problem]]:
    """The problems `compact` hands the exact solver for each shipped example."""
    from constructor.api import workspace
    from constructor.compact import compact
    from constructor.compact import solve as solve_module

    seen: list[Problem] = []
    original = solve_module.exact_schedule

    def record(problem: Problem, time_limit: float = 10.0, backend: Backend = run_highs) -> ExactResult:
        seen.append(problem)
        return original(problem, time_limit, backend)

    out = []
    solve_module.exact_schedule = record  # type: ignore[assignment]
    try:
        for name in ("welding", "programmer"):
            ws = workspace(ROOT / "catalogs" / "examples" / name / "program.comp")
            seen.clear()
            compact(ws.programs()[0], ws.table, ws.graph)
            out += [(name, p) for p in seen]
    finally:
        solve_module.exact_schedule = original  # type: ignore[assignment]
    return out


def needs_solver(problem: Problem) -> bool:
    """Whether the exact search has work to do: the list schedule misses a rule or the lower bound."""
    heuristic, _ = try_list_schedule(problem)
    return heuristic is None or heuristic.terms > lower_bound(problem)[0]


def run(problem: Problem, backend: Backend, limit: float) -> tuple[float, ExactResult | None]:
    start = time.perf_counter()
    try:
        result = exact_schedule(problem, limit, backend)
    except Infeasible:
        result = None
    return time.perf_counter() - start, result


def compare(label: str, problems: list[Problem], limit: float, cpsat: Backend) -> bool:
    times: dict[str, list[float]] = {"highs": [], "cpsat": []}
    proven: dict[str, list[bool]] = {"highs": [], "cpsat": []}
    agree = True
    for problem in problems:
        results = {}
        for name, backend in (("highs", run_highs), ("cpsat", cpsat)):
            seconds, result = run(problem, backend, limit)
            times[name].append(seconds)
            proven[name].append(result is not None and result.proven)
            results[name] = result
        a, b = results["highs"], results["cpsat"]
        if a is not None and b is not None and a.proven and b.proven and a.schedule.terms != b.schedule.terms:
            print(f"  !! {label}: HiGHS proves {a.schedule.terms} terms, CP-SAT {b.schedule.terms}")
            agree = False
    n = len(problems)

    def cell(name: str) -> str:
        t, p = times[name], proven[name]
        within1 = sum(ok and s <= 1 for ok, s in zip(p, t, strict=True))
        within10 = sum(ok and s <= 10 for ok, s in zip(p, t, strict=True))
        return f"{statistics.mean(t):6.2f} ({max(t):5.2f}) {within1:>2}/{n} {within10:>2}/{n}"

    ratio = statistics.mean(times["cpsat"]) / max(statistics.mean(times["highs"]), 1e-9)
    print(f"{label:<28} | {cell('highs')} | {cell('cpsat')} | {ratio:6.2f}")
    return agree


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sizes", default="60,120,300")
    parser.add_argument("--seeds", type=int, default=10)
    parser.add_argument("--time-limit", type=float, default=10.0)
    parser.add_argument("--workers", type=int, default=1, help="CP-SAT's threads (HiGHS runs on one)")
    args = parser.parse_args(argv)
    try:
        import ortools
    except ImportError:
        print("bench/cpsat.py needs OR-Tools: pip install -e '.[bench]'", file=sys.stderr)
        return 2
    cpsat = cpsat_backend(args.workers)
    print(
        f"# bench/cpsat.py, {datetime.date.today()}, Python {platform.python_version()}, OR-Tools"
        f" {ortools.__version__}, CP-SAT workers {args.workers}, time limit {args.time_limit:g} s"
    )
    print(
        f"{'instances':<28} | {'HiGHS s mean (max) ≤1s ≤10s':<31} | {'CP-SAT s mean (max) ≤1s ≤10s':<31} | CP-SAT/HiGHS"
    )
    ok = True
    examples = example_problems()
    for name in dict(examples):
        ok &= compare(f"example {name}", [p for n, p in examples if n == name], args.time_limit, cpsat)
    sizes = [int(s) for s in args.sizes.split(",")]
    suites: list[tuple[str, Callable[[int, int], Problem]]] = [
        ("whole", whole_program),
        ("whole+limits", lambda n, seed: whole_program(n, seed, True)),
        ("tight", tight),
        ("curriculum", curriculum),
    ]
    for suite, make in suites:
        for n in sizes:
            problems = [p for p in (make(n, seed) for seed in range(args.seeds)) if needs_solver(p)]
            label = f"{suite} {n} ({len(problems)} of {args.seeds})"
            if problems:
                ok &= compare(label, problems, args.time_limit, cpsat)
            else:
                print(f"{label:<28} | the list schedule meets the lower bound on every instance: no solver runs")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
