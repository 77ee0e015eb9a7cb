"""Benchmark of the curriculum metrics on generated curricula with very many paths.

    python bench/metrics.py [--sizes 1000,10000,100000] [--naive-seconds 10]

A curriculum of N courses in layers of 20, each course requiring 2–3 courses of the layer before:
the number of source-to-sink paths grows exponentially with the depth. Timed, in the same run: the
linear metrics (`constructor.graph.metrics.compute`) and the naive centrality that enumerates every
path — the reference definition — stopped after `--naive-seconds`.
"""

from __future__ import annotations

import argparse
import datetime
import multiprocessing
import platform
import random
import sys
import time
from collections.abc import Sequence
from typing import Any

from constructor.graph.metrics import compute, naive

LAYER = 20


def curriculum(n: int, seed: int = 7) -> tuple[list[str], list[tuple[str, str]]]:
    rng = random.Random(seed + n)
    ids = [f"c{i}" for i in range(n)]
    edges = []
    for i in range(LAYER, n):
        layer = i // LAYER
        previous = range((layer - 1) * LAYER, layer * LAYER)
        for j in rng.sample(previous, rng.choice((2, 2, 3))):
            edges.append((ids[j], ids[i]))
    return ids, edges


def _naive(ids: list[str], edges: list[tuple[str, str]], out: Any) -> None:
    start = time.perf_counter()
    naive(ids, edges)
    out.put(time.perf_counter() - start)


def naive_timed(ids: list[str], edges: list[tuple[str, str]], seconds: float) -> float | None:
    """Seconds the path enumeration took, or None when it did not finish in time (then it is killed,
    so it takes no CPU from the measurements after it)."""
    queue: Any = multiprocessing.Queue()
    worker = multiprocessing.Process(target=_naive, args=(ids, edges, queue))
    worker.start()
    worker.join(seconds)
    if worker.is_alive():
        worker.terminate()
        worker.join()
        return None
    return float(queue.get())


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--naive-seconds", type=float, default=10.0)
    args = parser.parse_args(argv)
    print(f"constructor metrics benchmark — {datetime.date.today()}; Python {platform.python_version()}")
    head = f"{'N':>8} {'edges':>8} {'paths (digits)':>15} {'linear s':>9} {'naive s':>12} {'naive/linear':>13}"
    print(head)
    print("-" * len(head))
    small_first = [int(s) for s in args.sizes.split(",")]
    for n in small_first:
        ids, edges = curriculum(n)
        start = time.perf_counter()
        m = compute(ids, edges)
        linear = time.perf_counter() - start
        paths = max(m.centrality) if m.centrality else 0
        naive_s = naive_timed(ids, edges, args.naive_seconds) if n <= 1000 else None
        shown = f"{naive_s:>12.3f}" if naive_s is not None else f"{'> ' + str(int(args.naive_seconds)) + ' s':>12}"
        ratio = f"{naive_s / linear:>12.0f}×" if naive_s is not None else f"{'—':>13}"
        print(f"{n:>8,} {len(edges):>8,} {len(str(paths)):>15} {linear:>9.3f} {shown} {ratio}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
