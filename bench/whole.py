"""Benchmark of whole-program compaction: the shipped examples end to end, and generated whole programs.

    python bench/whole.py [--sizes 60,120,300] [--seeds 10] [--time-limit S]

Examples: `compact` of catalogs/examples/welding (22.02.06, 9-grade entrants, 2y10m) and
catalogs/examples/programmer (09.02.07), in the default mode (exact up to 300 items): wall time,
whether the plan is proven optimal, items and terms. Goal (issue 12): each proven in under 2 s.

Generated whole programs of N rows, as the scheduler sees them: general-education rows that must end
by the second year, disciplines over one to three terms, two rows through every term (background),
modules of 4–6 competencies with short chains, their practices after them, a module exam after each
module, ПДП and a final attestation of 216 h in the last term; terms of 17 and 25 weeks × 36 h, about
as full as the content makes them. Measured: the heuristic's terms / lower bound and time, the exact
mode's time to a proof, and the share of problems proven within 1 s and 10 s. Ratios are against
the heuristic's time in the same run.

A second table gives the same programs with exams and credits (a form on every discipline, one per
module's courses, the practice's and the module exam's) under yearly limits scaled from the real
8 exams and 10 credits of a 70-row program to the program's size.
"""

from __future__ import annotations

import argparse
import datetime
import platform
import random
import statistics
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from constructor.compact.exact import exact_schedule
from constructor.compact.schedule import (
    CREDIT,
    EXAM,
    RETRY,
    Infeasible,
    Mark,
    Problem,
    list_schedule,
    lower_bound,
    valid,
)

ROOT = Path(__file__).parents[1]
CAPACITY = (612, 900)
FINAL = 216


def whole_program(n: int, seed: int, limited: bool = False) -> Problem:
    """A generated whole program of about n rows (see the module's docstring)."""
    rng = random.Random(f"whole-{n}-{seed}")
    marks: list[Mark] = []
    forms = random.Random(f"forms-{n}-{seed}")  # its own stream: the rows are those of the table without limits
    hours: list[int] = []
    shares: list[list[int]] = []
    deadline: list[int] = []
    before: set[tuple[int, int]] = set()
    not_after: set[tuple[int, int]] = set()
    fixed: set[int] = set()

    def add(h: int, span: int = 1, due: int = 0) -> int:
        parts = [h // span + (1 if k < h % span else 0) for k in range(span)] if span > 1 else []
        hours.append(h)
        shares.append(parts)
        deadline.append(due)
        return len(hours) - 1

    general = min(14, max(4, n // 6))  # a real general-education cycle has about 14 subjects
    for _ in range(general):  # general education, by the end of the second year
        row = add(rng.choice((36, 72, 118, 144, 162)), rng.choice((1, 1, 2)), due=4)
        marks.append(Mark(EXAM if forms.random() < 0.25 else CREDIT, (row,)))
    disciplines = min(24, max(4, n // 6))
    for _ in range(disciplines):  # СГ/ОГСЭ, ЕН, ОП
        row = add(rng.choice((36, 48, 60, 72, 100, 120)), rng.choice((1, 1, 1, 2, 3)))
        marks.append(Mark(EXAM if forms.random() < 0.25 else CREDIT, (row,)))
    modules = []
    while len(hours) < n - 2:
        size = rng.randint(4, 6)
        members = [add(rng.choice((36, 48, 60, 72, 90, 108))) for _ in range(size)]
        for k in range(1, size):
            if rng.random() < 0.6:
                before.add((members[rng.randrange(k)], members[k]))
        practice = add(rng.choice((72, 108, 144)))
        not_after.update((m, practice) for m in members)
        exam = add(18)
        not_after.update((m, exam) for m in (*members, practice))
        modules.append(members)
        marks += [Mark(EXAM, tuple(members[:3])), Mark(CREDIT, (practice,)), Mark(EXAM, (exam,))]
    for _ in range(min(len(modules), n // 20)):  # a few cross-module prerequisites
        a, b = sorted(rng.sample(range(len(modules)), 2))
        before.add((rng.choice(modules[a]), rng.choice(modules[b])))
    fixed.add(add(144))  # ПДП
    scale = max(1.0, n / 70)
    return Problem(
        hours,
        sorted(before),
        sorted(not_after - before),
        CAPACITY,
        FINAL,
        frozenset(fixed),
        shares,
        [rng.choice((160, 200)), rng.choice((160, 200))],
        deadline,
        marks if limited else (),
        (),
        (round(8 * scale), round(10 * scale)) if limited else (None, None),
    )


def examples() -> list[str]:
    """`compact` of each shipped example in a fresh process-free call: time, verdict, items, terms."""
    from constructor.api import workspace
    from constructor.compact import compact

    out = []
    for name in ("welding", "programmer"):
        path = ROOT / "catalogs" / "examples" / name / "program.comp"
        ws = workspace(path)
        start = time.perf_counter()
        plan, _ = compact(ws.programs()[0], ws.table, ws.graph)
        seconds = time.perf_counter() - start
        if plan is None:
            out.append(f"{name:<11} no plan")
            continue
        out.append(
            f"{name:<11} {seconds:6.2f} s  {plan.status:<8} items {len(plan.items):>3}  terms {len(plan.terms)}"
            f"  bound {plan.lower_bound} ({plan.lower_bound_reason})  hours {plan.total_hours}"
        )
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sizes", default="60,120,300")
    parser.add_argument("--seeds", type=int, default=10)
    parser.add_argument("--time-limit", type=float, default=10.0)
    args = parser.parse_args(argv)
    print(f"# bench/whole.py, {datetime.date.today()}, Python {platform.python_version()}, {sys.platform}")
    print("## the shipped examples (default mode)")
    for line in examples():
        print(line)
    for limited in (False, True):
        print("## generated whole programs" + (" with yearly limits of exams and credits" if limited else ""))
        generated(args, limited)
    return 0


def generated(args: argparse.Namespace, limited: bool) -> None:
    print("rows | heuristic terms/bound | heuristic ms | exact s mean (max) | x heuristic | proven ≤1 s | ≤10 s")
    for n in (int(s) for s in args.sizes.split(",")):
        ratios, h_times, e_times, within1, within10, done = [], [], [], 0, 0, 0
        for seed in range(args.seeds):
            problem = whole_program(n, seed, limited)
            start = time.perf_counter()
            try:
                heuristic = list_schedule(problem)
            except Infeasible as e:
                if e.reason not in RETRY:
                    continue
                print(f"{n:>4} seed {seed}: the heuristic missed a deadline or limit ({e.reason})")
                continue
            h_times.append(time.perf_counter() - start)
            assert valid(problem, heuristic) == []
            ratios.append(heuristic.terms / lower_bound(problem)[0])
            start = time.perf_counter()
            try:
                result = exact_schedule(problem, args.time_limit)
            except Infeasible:
                continue
            seconds = time.perf_counter() - start
            e_times.append(seconds)
            done += 1
            within1 += result.proven and seconds <= 1
            within10 += result.proven and seconds <= 10
        if not done:
            print(f"{n:>4} | no feasible instance")
            continue
        h_mean = statistics.mean(h_times)
        e_mean = statistics.mean(e_times)
        print(
            f"{n:>4} | {statistics.mean(ratios):.3f} | {h_mean * 1000:8.1f} | {e_mean:.2f} ({max(e_times):.2f})"
            f" | {e_mean / h_mean:8.0f} | {within1}/{done} | {within10}/{done}"
        )


if __name__ == "__main__":
    raise SystemExit(main())
