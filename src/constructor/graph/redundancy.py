"""C220 redundant-prerequisite: `X requires Y, Z` where Z already requires Y (through any chain).

For each competency with two or more prerequisites, and each of them Y, a search from the others
looks for Y. In a topological order every competency on a chain `Z → … → Y` comes after Y, so the
search never leaves the stretch of the order between Y and Z: with prerequisites written near the
competencies they serve, as catalogs are, that stretch is short. The same edges as networkx's
transitive reduction (a property test checks it), without its O(N·reach) cost.
"""

from __future__ import annotations

from constructor.diagnostics import Diagnostic, Label, diagnostic
from constructor.graph.cycles import show_path
from constructor.graph.graph import CompetencyGraph
from constructor.i18n import Msg


def _implied_by(y: int, others: list[int], needs: list[list[int]]) -> int | None:
    """The first of `others` whose chains of prerequisites reach `y` (indexes in teaching order)."""
    seen: set[int] = set()
    for z in others:
        if z <= y:
            continue
        stack = [z]
        while stack:
            node = stack.pop()
            for p in needs[node]:
                if p == y:
                    return z
                if p > y and p not in seen:
                    seen.add(p)
                    stack.append(p)
    return None


def check_redundant(graph: CompetencyGraph) -> list[Diagnostic]:
    order = graph.teaching_order("hard_pre")
    index = {code: i for i, code in enumerate(order)}
    succ = graph._succ  # the hard prerequisites of each, read straight from the graph's dicts (100k)
    needs: list[list[int]] = [
        sorted({index[p] for p, d in succ[code].items() if d["hard_pre"] and p != code and p in index}, reverse=True)
        for code in order
    ]
    found: list[tuple[str, str, str]] = []  # (competency, redundant prerequisite, the one implying it)
    for i, prereqs in enumerate(needs):
        if len(prereqs) < 2:
            continue
        for y in prereqs:
            z = _implied_by(y, [p for p in prereqs if p != y], needs)
            if z is not None:
                found.append((order[i], order[y], order[z]))
    diags = []
    for code, y_code, z_code in found:
        path = [code, *graph.chain(z_code, y_code, edges="hard_pre")]
        diags.append(
            diagnostic(
                "C220",
                "redundant-prerequisite",
                graph.link(code, y_code).span,
                label="redundant-prerequisite.label",
                labels=[Label(graph.link(code, z_code).span, Msg("redundant-prerequisite.through", {"code": z_code}))],
                notes=[Msg("redundant-prerequisite.path", {"path": show_path(path)})],
                help="redundant-prerequisite.help",
                code=code,
                prerequisite=y_code,
                other=z_code,
            )
        )
    return diags
