"""The program map: the plan's terms as columns (hours against capacity), every row of the plan as a
node in the term it starts, prerequisite and co-requisite edges, and the chain that binds the duration.

Drawn on the server as SVG (no layout library in the browser); the page's script only colours nodes by
the key asked for (cycle, module, site, bundle) and highlights what a clicked node requires and what
depends on it, from the `data-` attributes written here.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from constructor.compact.plan import Plan

BOX_W, BOX_H, GAP_X, GAP_Y, HEAD = 118, 20, 46, 6, 56


@dataclass
class Node:
    code: str
    title: str
    term: int
    x: int
    y: int
    cycle: str
    module: str
    site: str
    bundle: str
    requires: list[str]
    coreq: list[str]
    binding: bool = False


@dataclass
class Column:
    term: int
    year: int
    x: int
    hours: int
    capacity: int
    bar: int  # the bar's height for the hours, of BAR_H


@dataclass
class Edge:
    source: str
    target: str
    x1: int
    y1: int
    x2: int
    y2: int
    coreq: bool
    binding: bool


@dataclass
class ProgramMap:
    width: int
    height: int
    columns: list[Column] = field(default_factory=list)
    nodes: list[Node] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)
    binding: list[str] = field(default_factory=list)  # the chain, first to last


BAR_H = 24


def binding_chain(plan: Plan) -> list[str]:
    """A chain of prerequisites through every term, each link starting right after the one it needs
    ends: what keeps the program from being shorter when its bound is the chain (empty otherwise)."""
    if plan.lower_bound_reason != "chain" or not plan.terms:
        return []
    items = {i.code: i for i in plan.items}

    def end(code: str) -> int:
        return items[code].last_term

    # longest chain of tight links ending at each item, by term order
    best: dict[str, list[str]] = {}
    for item in sorted(plan.items, key=lambda i: (i.term, i.code)):
        before = [best[r] for r in item.requires if r in items and r in best and end(r) == item.term - 1]
        longest = max(before, key=len, default=[])
        best[item.code] = [*longest, item.code] if (longest or item.term == 1) else []
    last = max(t.number for t in plan.terms)
    chains = [c for c in best.values() if c and items[c[-1]].term >= last - 1 and items[c[0]].term == 1]
    return max(chains, key=lambda c: (len(c), c), default=[])


def program_map(plan: Plan) -> ProgramMap:
    by_term: dict[int, list[str]] = {}
    items = [i for i in plan.items if i.hours > 0 or i.kind == "practice"]
    for item in sorted(items, key=lambda i: (i.term, i.cycle or "", i.module or "", i.code)):
        by_term.setdefault(item.term, []).append(item.code)
    site_of = {code: s.code for s in plan.sites for t in s.terms for code in t.items}
    chain = binding_chain(plan)
    tight = set(itertools.pairwise(chain))
    out = ProgramMap(0, 0, binding=chain)
    where: dict[str, tuple[int, int]] = {}
    for k, term in enumerate(plan.terms):
        x = 10 + k * (BOX_W + GAP_X)
        bar = round(BAR_H * term.hours / term.capacity_hours) if term.capacity_hours else 0
        out.columns.append(Column(term.number, term.year, x, term.hours, term.capacity_hours, min(bar, BAR_H)))
        for row, code in enumerate(by_term.get(term.number, [])):
            where[code] = (x, HEAD + row * (BOX_H + GAP_Y))
    for item in items:
        if item.code not in where:
            continue
        x, y = where[item.code]
        out.nodes.append(
            Node(
                item.code,
                item.title,
                item.term,
                x,
                y,
                item.cycle or "",
                item.module or "",
                site_of.get(item.code, ""),
                item.why.via if item.why.reason == "bundle" else "",
                [r for r in item.requires if r in where],
                [r for r in item.coreq if r in where],
                item.code in chain,
            )
        )
        for req in (*item.requires, *item.coreq):
            if req in where:
                x1, y1 = where[req]
                out.edges.append(
                    Edge(
                        req,
                        item.code,
                        x1 + BOX_W,
                        y1 + BOX_H // 2,
                        x,
                        y + BOX_H // 2,
                        req in item.coreq,
                        (req, item.code) in tight,
                    )
                )
    out.width = 20 + len(plan.terms) * (BOX_W + GAP_X)
    out.height = HEAD + max((len(c) for c in by_term.values()), default=0) * (BOX_H + GAP_Y) + 20
    return out
