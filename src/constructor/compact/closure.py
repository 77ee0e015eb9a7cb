"""What a program must teach: its requests closed over prerequisites, the cheapest `or` alternatives
chosen, recognised prior learning left out.

A recognised competency is not taught and satisfies whatever requires it (the entrant has it), so
its own prerequisites are not needed on its account. Where an expression says `or`, the alternative
that adds the fewest hours is chosen: exactly (every combination of the choices met, searched with
a budget) for small programs, greedily beyond the budget — and the result says which.
"""

from __future__ import annotations

from collections.abc import Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field

from constructor.graph import CompetencyGraph
from constructor.model.declarations import hard_codes as _hard_codes
from constructor.model.declarations import needed_codes as _needed
from constructor.model.declarations import or_nodes as _alternatives

SEARCH_BUDGET = 4096  # closures tried before the remaining choices are made greedily
MAX_CANDIDATES = 32  # distinct closures handed to the scheduler, which weighs them by terms, not hours


@dataclass
class Closure:
    codes: list[str]  # in the order they were reached (requests first)
    hours: int
    choices: dict[tuple[str, int], str] = field(default_factory=dict)  # (competency, or number) → alternative
    heuristic: bool = False
    needs: dict[str, list[str]] = field(default_factory=dict)  # prerequisites each one needs under the choices
    # every distinct closure the `or` choices allow, cheapest first (this one among them), and whether
    # that list is all of them: only then is a bound over the list a bound over every choice
    candidates: list[Closure] = field(default_factory=list)
    exhaustive: bool = True


class _Expander:
    def __init__(self, graph: CompetencyGraph, recognized: AbstractSet[str], reachable: set[str]) -> None:
        self.graph = graph
        self.recognized = recognized
        self.reachable = reachable
        self.needs: dict[str, list[str]] = {}
        self.ors = {
            code: _alternatives(comp.requires) for code, comp in graph.competencies.items() if comp.requires is not None
        }

    def hours(self, code: str) -> int:
        return self.graph.competencies[code].hours.total

    def expand(self, roots: list[str], pick: Mapping[tuple[str, int], int]) -> tuple[list[str], list[tuple[str, int]]]:
        """The closure under the choices in `pick`, and the or nodes met without a choice."""
        seen: set[str] = set()
        order: list[str] = []
        pending: list[tuple[str, int]] = []
        stack = [r for r in reversed(roots) if r in self.graph]
        while stack:
            code = stack.pop()
            if code in seen or code in self.recognized:
                continue
            seen.add(code)
            order.append(code)
            comp = self.graph.competencies[code]
            if comp.requires is None:
                needs: list[str] = []
            else:
                local = {k: v for (c, k), v in pick.items() if c == code}
                needs, open_ors = _needed(comp.requires, self.ors[code], local)
                pending.extend((code, k) for k in open_ors)
            self.needs[code] = list(needs)
            needs += [r.code for r in comp.corequires]
            stack.extend(n for n in reversed(needs) if n in self.graph and n not in seen)
        return order, pending

    def options(self, node: tuple[str, int]) -> list[int]:
        """The alternatives of an or node that can be attained (all of them if none can)."""
        code, k = node
        items = self.ors[code][k - 1].items
        good = []
        for index, item in enumerate(items):
            if all(n in self.reachable or n in self.recognized for n in _hard_codes(item)):
                good.append(index)
        return good or list(range(len(items)))

    def cost(self, order: list[str]) -> int:
        return sum(self.hours(c) for c in order)


def close(
    graph: CompetencyGraph,
    roots: list[str],
    recognized: AbstractSet[str],
    reachable: set[str],
    budget: int = SEARCH_BUDGET,
) -> Closure:
    """The cheapest closure of `roots` over the prerequisites (see the module's docstring), with the
    other closures the choices allow as `candidates` (up to MAX_CANDIDATES)."""
    ex = _Expander(graph, recognized, reachable)
    found: dict[frozenset[tuple[str, tuple[str, ...]]], tuple[int, list[str], dict[tuple[str, int], int]]] = {}
    tried = 0
    heuristic = False
    exhaustive = True
    stack: list[dict[tuple[str, int], int]] = [{}]
    while stack:
        pick = stack.pop()
        order, pending = ex.expand(roots, pick)
        tried += 1
        if not pending:
            # two choices may reach the same codes and still differ in what must come first
            key = frozenset((c, tuple(ex.needs.get(c, ()))) for c in order)
            cost = ex.cost(order)
            if key not in found or cost < found[key][0]:
                found[key] = (cost, order, pick)
            if len(found) > MAX_CANDIDATES:
                exhaustive = False
            continue
        node = pending[0]
        if tried >= budget:
            heuristic = True
            exhaustive = False
            order, pick = _greedy(ex, roots, pick)
            ex.expand(roots, pick)
            key = frozenset((c, tuple(ex.needs.get(c, ()))) for c in order)
            found.setdefault(key, (ex.cost(order), order, pick))
            stack.clear()  # the budget is spent: this greedy completion is the last one tried
            continue
        for option in reversed(ex.options(node)):
            stack.append({**pick, node: option})
    ranked = sorted(found.values(), key=lambda f: (f[0], f[1]))[:MAX_CANDIDATES]
    out = [_closure(ex, roots, order, pick, heuristic) for _, order, pick in ranked]
    best = out[0]
    best.candidates = out
    best.exhaustive = exhaustive
    return best


def _closure(
    ex: _Expander, roots: list[str], order: list[str], pick: dict[tuple[str, int], int], heuristic: bool
) -> Closure:
    choices = {}
    for (code, k), index in sorted(pick.items()):
        if code in order:
            item = ex.ors[code][k - 1].items[index]
            choices[code, k] = ", ".join(_hard_codes(item)) or "…"
    ex.expand(roots, pick)  # leaves `ex.needs` as this closure has them
    return Closure(order, ex.cost(order), choices, heuristic, {c: ex.needs.get(c, []) for c in order})


def hard_closure(graph: CompetencyGraph, roots: list[str], recognized: AbstractSet[str]) -> Closure:
    """Only what every choice needs: the codes reached through requisites outside any `or`. Its
    problem is part of every candidate's, so its lower bound holds whichever way the `or`s go."""
    seen: set[str] = set()
    order: list[str] = []
    needs: dict[str, list[str]] = {}
    stack = [r for r in reversed(roots) if r in graph]
    while stack:
        code = stack.pop()
        if code in seen or code in recognized:
            continue
        seen.add(code)
        order.append(code)
        comp = graph.competencies[code]
        hard = [c for c in _hard_codes(comp.requires) if c in graph] if comp.requires is not None else []
        needs[code] = hard
        stack.extend(n for n in reversed([*hard, *(r.code for r in comp.corequires)]) if n not in seen)
    return Closure(order, sum(graph.competencies[c].hours.total for c in order), {}, False, needs)


def _greedy(
    ex: _Expander, roots: list[str], pick: dict[tuple[str, int], int]
) -> tuple[list[str], dict[tuple[str, int], int]]:
    """Make every remaining choice by the hours its alternative adds right now."""
    pick = dict(pick)
    while True:
        order, pending = ex.expand(roots, pick)
        if not pending:
            return order, pick
        node = pending[0]
        base = set(order)
        costs = []
        for option in ex.options(node):
            trial, _ = ex.expand(roots, {**pick, node: option})
            costs.append((sum(ex.hours(c) for c in trial if c not in base), option))
        pick[node] = min(costs)[1]
