"""Benchmark of the graph checks on generated catalogs of 1k, 10k and 100k competencies.

    python bench/check.py [--sizes 1000,10000,100000]

The catalogs are the ones `bench/parse.py` generates (same generator, same seed). Parsing is not
timed here: each catalog is loaded first, then timed are building the `CompetencyGraph` and each
check, and — as the baseline in the same run, on the same graph as a networkx `DiGraph` (built from
ours, outside the timing: the checks themselves no longer need one) — one
`networkx.is_directed_acyclic_graph`; each three times (`--repeats`), the best of each shown. Where it
finishes in reasonable time (up to 10k) the redundancy check is also compared with
`networkx.transitive_reduction`, the obvious way to find the same edges.
"""

from __future__ import annotations

import argparse
import datetime
import gc
import platform
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import networkx as nx

import constructor
from constructor.graph import CompetencyGraph, memo
from constructor.graph.cycles import check_cycles
from constructor.graph.redundancy import check_redundant
from constructor.graph.structure import check_activities, check_repeated_texts, check_unused

sys.path.insert(0, str(Path(__file__).parent))
from parse import generate

REDUCTION_LIMIT = 10_000


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def once(table: Any) -> tuple[dict[str, float], CompetencyGraph, list[Any], list[Any]]:
    memo.forget()  # every run cold: nothing kept from the run before (graph/memo.py keeps per-object values)
    times: dict[str, float] = {}
    times["build"], graph = timed(lambda: CompetencyGraph(table))
    times["cycles"], cycles = timed(lambda: check_cycles(graph))
    times["redundant"], redundant = timed(lambda: check_redundant(graph))
    times["structure"], _ = timed(lambda: check_activities(graph))
    times["unused"], _ = timed(lambda: check_unused(graph, table))
    times["texts"], _ = timed(lambda: check_repeated_texts(graph))
    times["total"] = sum(times.values())
    nxg = graph.nx  # the same graph as networkx (built here, outside the timing)
    times["dag"], _ = timed(lambda: nx.is_directed_acyclic_graph(nxg))
    return times, graph, cycles, redundant


def measure(n: int, repeats: int) -> dict[str, float | int]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "catalog.comp"
        path.write_text(generate(n), encoding="utf-8")
        (Path(tmp) / "constructor.toml").write_text("")
        loaded = constructor.load([path])
    assert loaded.errors == 0, f"the generated catalog has {loaded.errors} errors"
    catalog = loaded.catalog
    table = catalog.table(catalog.scopes()[0])
    gc.disable()
    try:
        row: dict[str, float | int] = {"n": n}
        for _ in range(repeats):  # the best of each: this machine's timings vary by a third run to run
            times, graph, cycles, redundant = once(table)
            for key, value in times.items():
                row[key] = min(float(row.get(key, value)), value)
        nxg = graph.nx
        row["edges"] = nxg.number_of_edges()
        row["found_redundant"] = len(redundant)
        row["found_cycles"] = len(cycles)
        if n <= REDUCTION_LIMIT:
            hard = nx.DiGraph((u, v) for u, v, d in nxg.edges(data=True) if d["hard_pre"])
            hard.add_nodes_from(nxg)
            row["reduction"], reduced = timed(lambda: nx.transitive_reduction(hard))
            row["reduction_agrees"] = int(hard.number_of_edges() - reduced.number_of_edges() == len(redundant))
    finally:
        gc.enable()
    return row


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--repeats", type=int, default=3, help="runs of each check; the best is shown")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    print(f"constructor graph-check benchmark — {datetime.date.today()}")
    print(f"Python {platform.python_version()} on {platform.platform()}; networkx {nx.__version__}")
    print()
    head = (
        f"{'N':>8} {'edges':>8} {'build s':>8} {'cycles s':>9} {'redund s':>9} {'other s':>8} "
        f"{'total s':>8} {'is_dag s':>9} {'total/dag':>10} {'tr.red. s':>10} {'tr/ours':>8}"
    )
    print(head)
    print("-" * len(head))
    for n in sizes:
        r = measure(n, args.repeats)
        other = float(r["structure"]) + float(r["unused"]) + float(r["texts"])
        reduction = f"{r['reduction']:>10.3f}" if "reduction" in r else f"{'—':>10}"
        ratio = f"{float(r['reduction']) / float(r['redundant']):>7.0f}×" if "reduction" in r else f"{'—':>8}"
        print(
            f"{n:>8,} {int(r['edges']):>8,} {r['build']:>8.3f} {r['cycles']:>9.3f} {r['redundant']:>9.3f} "
            f"{other:>8.3f} {r['total']:>8.3f} {r['dag']:>9.3f} {float(r['total']) / float(r['dag']):>9.1f}× "
            f"{reduction} {ratio}"
        )
        if "reduction_agrees" in r and not r["reduction_agrees"]:
            print("  !! the redundant edges differ from networkx's transitive reduction")
        print(f"  found: {r['found_cycles']} cycle diagnostics, {r['found_redundant']} redundant prerequisites")
    return 0


if __name__ == "__main__":
    sys.exit(main())
