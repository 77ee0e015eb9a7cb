"""The hours of the rows through every term (a foreign language, physical culture), term by term.

Such a row may put from three quarters to five quarters of its even share on a term (`Problem.background_bounds`):
plans vary these rows' hours a week so that every term is full. Once the items have their terms, the
split is a small transportation problem — each row's hours to the terms, each term taking no more than
it has left — solved exactly as a min-cost flow (networkx) that keeps every row as close to its even
share as the terms allow. The exact solver chooses the split in its MIP instead; this serves the list
scheduler and the tests' brute force, which must know whether *some* split fits.
"""

from __future__ import annotations

from collections.abc import Sequence

import networkx as nx

from constructor.compact.problem import Problem


def fit_background(problem: Problem, placed: Sequence[int]) -> list[list[int]] | None:
    """A split of the background rows over `len(placed)` terms whose terms hold `placed[t]` hours of
    everything else (items and the final attestation): each row's hours in each term, or None when no
    split within the bounds fits."""
    terms = len(placed)
    caps = problem.capacities(terms)
    bounds = problem.background_bounds(terms)
    even = problem.even_split(terms)
    free = [caps[t] - placed[t] - sum(b[t][0] for b in bounds) for t in range(terms)]
    if any(f < 0 for f in free):
        return None
    supply = [h - sum(lo for lo, _ in b) for h, b in zip(problem.background, bounds, strict=True)]
    total = sum(supply)
    if total == 0:
        return [[lo for lo, _ in b] for b in bounds]
    g: nx.DiGraph[object] = nx.DiGraph()
    g.add_node("source", demand=-total)
    g.add_node("sink", demand=total)
    for r, b in enumerate(bounds):
        g.add_edge("source", ("row", r), capacity=supply[r], weight=0)
        for t, (lo, hi) in enumerate(b):
            share = min(max(even[r][t], lo), hi)
            if share > lo:  # up to the even share: free
                g.add_edge(("row", r), ("term", t), capacity=share - lo, weight=0)
            if hi > share:  # beyond it: each hour costs one, so rows stay as even as the terms allow
                g.add_edge(("row", r), ("over", r, t), capacity=hi - share, weight=1)
                g.add_edge(("over", r, t), ("term", t), capacity=hi - share, weight=0)
    for t in range(terms):
        g.add_edge(("term", t), "sink", capacity=free[t], weight=0)
    try:
        flow = nx.min_cost_flow(g)
    except nx.NetworkXUnfeasible:
        return None
    out = []
    for r, b in enumerate(bounds):
        sent = flow.get(("row", r), {})
        row = []
        for t, (lo, _) in enumerate(b):
            over = flow.get(("over", r, t), {}).get(("term", t), 0)
            row.append(lo + sent.get(("term", t), 0) + over)
        out.append(row)
    return out
