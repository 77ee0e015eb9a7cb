"""Structural complexity of a curriculum, as CurricularAnalytics.jl (v2) defines it — in linear time.

The graph has an edge for every requisite (pre, co and strict co alike; a pair written twice counts
once), from the requisite to the course that needs it.

- blocking b(v): how many courses can be reached from v (all that wait for it);
- delay d(v): how many courses lie on the longest path through v (1 for an isolated course);
- centrality q(v): over every path from a source (nothing before it) to a sink (nothing after it,
  something before), passing through v as an interior vertex, the sum of the paths' vertex counts;
- complexity h(v) = d(v) + b(v); in a quarter system round(2/3 · (d + b), 1), and the total is the
  sum of the rounded values.

Counting paths is dynamic programming over a topological order (path counts and summed lengths from
the sources and to the sinks), never enumeration: a curriculum can have millions of paths.
"""

from __future__ import annotations

import itertools
from collections import deque
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from constructor.graph.graph import CompetencyGraph
from constructor.model.declarations import hard_codes, needed_codes, or_nodes


class CyclicCurriculum(ValueError):
    """Metrics are defined on acyclic requisite graphs only."""

    def __init__(self, members: Sequence[str]) -> None:
        super().__init__("cycle")
        self.members = list(members)


@dataclass(frozen=True)
class Metrics:
    ids: list[str]
    blocking: list[int]
    delay: list[int]
    centrality: list[int]
    complexity: list[float]
    longest_paths: list[list[str]] = field(default_factory=list)

    def totals(self) -> dict[str, float | int]:
        complexity = round(sum(self.complexity), 1)
        return {
            "blocking": sum(self.blocking),
            "delay": sum(self.delay),
            "centrality": sum(self.centrality),
            "complexity": int(complexity) if complexity == int(complexity) else complexity,
        }

    def row(self, i: int) -> dict[str, object]:
        c = self.complexity[i]
        return {
            "id": self.ids[i],
            "blocking": self.blocking[i],
            "delay": self.delay[i],
            "centrality": self.centrality[i],
            "complexity": int(c) if c == int(c) else c,
        }


def _topological(n: int, succ: list[list[int]], pred: list[list[int]], ids: Sequence[str]) -> list[int]:
    indeg = [len(p) for p in pred]
    queue = deque(i for i in range(n) if indeg[i] == 0)
    order = []
    while queue:
        i = queue.popleft()
        order.append(i)
        for j in succ[i]:
            indeg[j] -= 1
            if indeg[j] == 0:
                queue.append(j)
    if len(order) != n:
        raise CyclicCurriculum([ids[i] for i in range(n) if indeg[i] > 0])
    return order


def compute(ids: Sequence[str], edges: Iterable[tuple[str, str]], *, quarter: bool = False, paths: int = 3) -> Metrics:
    """Metrics of courses `ids` with requisite edges (requisite, course); `paths` longest paths kept."""
    index = {c: i for i, c in enumerate(ids)}
    n = len(ids)
    pairs = {(index[a], index[b]) for a, b in edges if a in index and b in index and a != b}
    succ: list[list[int]] = [[] for _ in range(n)]
    pred: list[list[int]] = [[] for _ in range(n)]
    for a, b in sorted(pairs):
        succ[a].append(b)
        pred[b].append(a)
    order = _topological(n, succ, pred, ids)

    # delay: the longest path ending at v and the longest starting at v, in vertices
    up = [1] * n
    for v in order:
        for p in pred[v]:
            up[v] = max(up[v], up[p] + 1)
    down = [1] * n
    for v in reversed(order):
        for s in succ[v]:
            down[v] = max(down[v], down[s] + 1)
    delay = [up[v] + down[v] - 1 for v in range(n)]

    # blocking: descendants, as bitsets over a reverse topological order
    # (each set is dropped once every course before it has used it: memory stays at the frontier)
    position = {v: k for k, v in enumerate(order)}
    waiting = [len(pred[v]) for v in range(n)]
    reach: dict[int, int] = {}
    blocking = [0] * n
    for v in reversed(order):
        bits = 0
        for s in succ[v]:
            bits |= reach[s] | (1 << position[s])
            waiting[s] -= 1
            if waiting[s] == 0:
                del reach[s]
        blocking[v] = bits.bit_count()
        if waiting[v]:
            reach[v] = bits

    # centrality: paths from sources to v (count, summed vertices) and from v to sinks
    source = [not pred[v] for v in range(n)]
    sink = [not succ[v] and bool(pred[v]) for v in range(n)]
    in_count = [1 if source[v] else 0 for v in range(n)]
    in_len = [1 if source[v] else 0 for v in range(n)]
    for v in order:
        for p in pred[v]:
            in_count[v] += in_count[p]
            in_len[v] += in_len[p] + in_count[p]
    out_count = [1 if sink[v] else 0 for v in range(n)]
    out_len = [1 if sink[v] else 0 for v in range(n)]
    for v in reversed(order):
        for s in succ[v]:
            out_count[v] += out_count[s]
            out_len[v] += out_len[s] + out_count[s]
    centrality = [
        0 if source[v] or sink[v] else in_len[v] * out_count[v] + out_len[v] * in_count[v] - in_count[v] * out_count[v]
        for v in range(n)
    ]
    complexity: list[float] = [
        round(2 / 3 * (delay[v] + blocking[v]), 1) if quarter else float(delay[v] + blocking[v]) for v in range(n)
    ]
    return Metrics(list(ids), blocking, delay, centrality, complexity, _longest(order, pred, up, ids, paths))


def _longest(order: list[int], pred: list[list[int]], up: list[int], ids: Sequence[str], limit: int) -> list[list[str]]:
    """Up to `limit` longest paths (by vertices), ending at different courses, in a fixed order."""
    if not order:
        return []
    ends = sorted(range(len(up)), key=lambda v: (-up[v], ids[v]))
    best = up[ends[0]]
    out: list[list[str]] = []
    for end in ends:
        if up[end] < best or len(out) >= limit:
            break
        path = [end]
        while up[path[-1]] > 1:
            v = path[-1]
            path.append(min((p for p in pred[v] if up[p] == up[v] - 1), key=lambda p: ids[p]))
        out.append([ids[v] for v in reversed(path)])
    return out


def naive(ids: Sequence[str], edges: Iterable[tuple[str, str]]) -> Mapping[str, int]:
    """Centrality by enumerating every source-to-sink path: the reference definition, exponential.
    For tests and the benchmark's baseline only."""
    index = {c: i for i, c in enumerate(ids)}
    succ: dict[int, list[int]] = {i: [] for i in range(len(ids))}
    pred: dict[int, list[int]] = {i: [] for i in range(len(ids))}
    for a, b in {(index[a], index[b]) for a, b in edges}:
        succ[a].append(b)
        pred[b].append(a)
    total = dict.fromkeys(ids, 0)
    for s in (v for v in succ if not pred[v]):
        stack = [(s, [s])]
        while stack:
            v, path = stack.pop()
            if not succ[v]:
                if len(path) > 2 or (len(path) == 2 and pred[v]):
                    for inner in path[1:-1]:
                        total[ids[inner]] += len(path)
                continue
            stack.extend((w, [*path, w]) for w in succ[v])
    return total


# ---------------------------------------------------------------- competencies with `or`

ENUMERATE_LIMIT = 256  # combinations of `or` choices tried exhaustively; beyond, coordinate descent


@dataclass(frozen=True)
class Range:
    """The total complexity over the ways of taking the `or`s, and the choices that attain it."""

    low: float
    high: float
    low_choice: dict[str, str]  # "competency #or" → the alternative taken
    high_choice: dict[str, str]
    exact: bool
    groups: int


def _edges_under(graph: CompetencyGraph, pick: Mapping[tuple[str, int], int]) -> list[tuple[str, str]]:
    edges: list[tuple[str, str]] = []
    for code, comp in graph.competencies.items():
        if comp.requires is not None:
            ors = or_nodes(comp.requires)
            local = {k: v for (c, k), v in pick.items() if c == code}
            needs, _ = needed_codes(comp.requires, ors, local)
            edges.extend((n, code) for n in needs)
        edges.extend((r.code, code) for r in comp.corequires)
    return edges


def _describe(graph: CompetencyGraph, pick: Mapping[tuple[str, int], int]) -> dict[str, str]:
    out = {}
    for (code, k), index in sorted(pick.items()):
        comp = graph.competencies[code]
        assert comp.requires is not None
        item = or_nodes(comp.requires)[k - 1].items[index]
        out[f"{code} #{k}"] = ", ".join(hard_codes(item)) or "…"
    return out


def competency_metrics(graph: CompetencyGraph, *, paths: int = 3) -> tuple[Metrics, Range | None]:
    """Metrics of a scope's competencies: for the `or` choices with the least total complexity, and
    the range over all choices (exact up to ENUMERATE_LIMIT combinations)."""
    ids = list(graph.competencies)
    groups = [
        ((code, k), len(node.items))
        for code, comp in graph.competencies.items()
        if comp.requires is not None
        for k, node in enumerate(or_nodes(comp.requires), start=1)
    ]

    def total(pick: Mapping[tuple[str, int], int]) -> float:
        return float(compute(ids, _edges_under(graph, pick)).totals()["complexity"])

    if not groups:
        return compute(ids, _edges_under(graph, {}), paths=paths), None
    combos = 1
    for _, size in groups:
        combos *= size
    exact = combos <= ENUMERATE_LIMIT
    if exact:
        scored = []
        for choice in itertools.product(*(range(size) for _, size in groups)):
            pick = {key: c for (key, _), c in zip(groups, choice, strict=True)}
            scored.append((total(pick), choice, pick))
        low = min(scored, key=lambda s: (s[0], s[1]))
        high = max(scored, key=lambda s: (s[0], [-c for c in s[1]]))
        low_pick, high_pick = low[2], high[2]
    else:
        low_pick = _descend(groups, total, minimise=True)
        high_pick = _descend(groups, total, minimise=False)
    best = compute(ids, _edges_under(graph, low_pick), paths=paths)
    return best, Range(
        total(low_pick), total(high_pick), _describe(graph, low_pick), _describe(graph, high_pick), exact, len(groups)
    )


def _descend(
    groups: list[tuple[tuple[str, int], int]],
    total: Callable[[Mapping[tuple[str, int], int]], float],
    *,
    minimise: bool,
    rounds: int = 3,
) -> dict[tuple[str, int], int]:
    pick = {key: 0 for key, _ in groups}
    sign = 1 if minimise else -1
    for _ in range(rounds):
        changed = False
        for key, size in groups:
            best = min(range(size), key=lambda c: (sign * total({**pick, key: c}), c))
            if best != pick[key]:
                pick[key] = best
                changed = True
        if not changed:
            break
    return pick
