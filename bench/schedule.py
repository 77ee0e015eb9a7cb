"""Benchmark of term scheduling: heuristic and default (exact) mode against bounds and cached optima.

    python bench/schedule.py [--sizes 30,60,120,300] [--seeds 20] [--refresh-optima] [--time-limit S]

Two seeded suites of generated problems:
  tight             items in layers, each needing one or two items of the layer before, with hours
                    such that the chain bound and the hours bound are about equal — where capacity
                    and chain length interact and list scheduling is most often off;
  curriculum-like   modules of 4–6 competencies with short local chains, educational and production
                    practice blocks after them, a few cross-module prerequisites, general
                    competencies with few hours, co-requisites, and a final attestation of 216 h.
Terms hold 17 and 23 weeks × 36 h (612 and 828 h), as in the shipped 22.02.06 standard.

Measured per suite and size: terms / lower bound and terms / optimum of the heuristic, its time,
and the default mode's (`compact` without flags: exact up to 300 items) time and proofs. Optima
come from `bench/optima.json` (computed once, 30 s a problem, by `--refresh-optima`), so the
comparison does not need the solver.
"""

from __future__ import annotations

import argparse
import datetime
import itertools
import json
import platform
import random
import statistics
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from constructor.compact.exact import exact_schedule
from constructor.compact.schedule import Problem, list_schedule, lower_bound, valid

OPTIMA = Path(__file__).with_name("optima.json")
CAPACITY = (612, 828)
FINAL = 216


def tight(n: int, seed: int) -> Problem:
    rng = random.Random(f"tight-{n}-{seed}")
    layers = max(2, round((n * 150 + FINAL) / sum(CAPACITY) * 2))  # about the hours bound, in terms
    layer = [min(layers - 1, i * layers // n) for i in range(n)]
    by_layer: dict[int, list[int]] = {}
    for i, k in enumerate(layer):
        by_layer.setdefault(k, []).append(i)
    before = set()
    for i, k in enumerate(layer):
        if k > 0:
            for j in rng.sample(by_layer[k - 1], min(len(by_layer[k - 1]), rng.choice((1, 1, 2)))):
                before.add((j, i))
    hours = [rng.choice((36, 72, 108, 144, 180, 216, 252, 288)) for _ in range(n)]
    return Problem(hours, sorted(before), [], CAPACITY, FINAL)


def curriculum(n: int, seed: int) -> Problem:
    rng = random.Random(f"curriculum-{n}-{seed}")
    hours: list[int] = []
    before: set[tuple[int, int]] = set()
    not_after: set[tuple[int, int]] = set()
    general = max(3, n // 12)
    for _ in range(general):
        hours.append(rng.choice((12, 24, 36)))
    modules: list[list[int]] = []
    while len(hours) < n:
        size = min(rng.randint(4, 6), n - len(hours))
        members = list(range(len(hours), len(hours) + size))
        hours.extend(rng.choice((48, 72, 96, 120, 156)) for _ in members)
        for a, b in itertools.pairwise(members):
            if rng.random() < 0.6:
                before.add((a, b))
            elif rng.random() < 0.3:
                not_after.add((a, b))
        if modules and rng.random() < 0.5:
            before.add((rng.choice(rng.choice(modules)), members[0]))
        modules.append(members)
        if len(hours) + 2 <= n:
            edu, prod = len(hours), len(hours) + 1
            hours.extend((rng.choice((72, 108, 144)), rng.choice((108, 144, 216))))
            not_after.add((members[0], edu))
            not_after.add((edu, prod))
            not_after.update((m, prod) for m in members)
    return Problem(
        hours[:n], sorted(e for e in before if max(e) < n), sorted(e for e in not_after if max(e) < n), CAPACITY, FINAL
    )


SUITES = {"tight": tight, "curriculum-like": curriculum}


def refresh(sizes: Sequence[int], seeds: int, time_limit: float) -> None:
    data = json.loads(OPTIMA.read_text()) if OPTIMA.exists() else {}
    for suite, make in SUITES.items():
        for n in sizes:
            for seed in range(seeds):
                key = f"{suite}/{n}/{seed}"
                if key in data and data[key]["proven"]:
                    continue
                r = exact_schedule(make(n, seed), time_limit)
                data[key] = {"terms": r.schedule.terms, "proven": r.proven, "bound": r.lower_bound}
                print(f"  {key}: {r.schedule.terms} terms, {'optimal' if r.proven else 'best known'}", flush=True)
    OPTIMA.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="30,60,120,300")
    parser.add_argument("--seeds", type=int, default=20)
    parser.add_argument("--refresh-optima", action="store_true")
    parser.add_argument("--time-limit", type=float, default=10.0, help="of the default mode, per problem")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    if args.refresh_optima:
        refresh(sizes, args.seeds, 30.0)
    optima = json.loads(OPTIMA.read_text()) if OPTIMA.exists() else {}
    print(f"constructor scheduling benchmark — {datetime.date.today()}; Python {platform.python_version()}")
    print(f"{args.seeds} seeds per suite and size; optima from {OPTIMA.name} ({len(optima)} cached)\n")
    head = (
        f"{'suite':<16} {'N':>4} {'heur/LB':>8} {'heur/opt':>9} {'=opt':>5} {'heur ms':>8} {'max ms':>7} "
        f"{'default s':>10} {'max s':>6} {'proven':>7} {'def/opt':>8}"
    )
    print(head)
    print("-" * len(head))
    for suite, make in SUITES.items():
        for n in sizes:
            ratios_lb, ratios_opt, hits, times, dtimes, proven, dratios = [], [], 0, [], [], 0, []
            for seed in range(args.seeds):
                problem = make(n, seed)
                start = time.perf_counter()
                h = list_schedule(problem)
                times.append(time.perf_counter() - start)
                assert not valid(problem, h), "invalid heuristic schedule"
                bound, _ = lower_bound(problem)
                ratios_lb.append(h.terms / bound)
                best = optima.get(f"{suite}/{n}/{seed}", {}).get("terms")
                start = time.perf_counter()
                r = exact_schedule(problem, args.time_limit)
                dtimes.append(time.perf_counter() - start)
                proven += r.proven
                best = min(x for x in (best, r.schedule.terms) if x is not None)
                ratios_opt.append(h.terms / best)
                dratios.append(r.schedule.terms / best)
                hits += h.terms == best
            print(
                f"{suite:<16} {n:>4} {statistics.mean(ratios_lb):>8.3f} {statistics.mean(ratios_opt):>9.3f} "
                f"{hits:>5} {1000 * statistics.mean(times):>8.1f} {1000 * max(times):>7.1f} "
                f"{statistics.mean(dtimes):>10.3f} {max(dtimes):>6.2f} {proven:>4}/{args.seeds:<2} "
                f"{statistics.mean(dratios):>8.3f}",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
