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


class _Needs(dict[int, list[int]]):
    """The hard prerequisites of each competency as indexes in teaching order, highest first; each
    list made when a search first reaches its competency (a check of one file's competencies reads
    only the stretch of the order its searches walk)."""

    def __init__(self, graph: CompetencyGraph, order: list[str], index: dict[str, int]) -> None:
        super().__init__()
        self._graph = graph
        self._order = order
        self._index = index

    def __missing__(self, node: int) -> list[int]:
        code, index = self._order[node], self._index
        found = {index[p] for p in self._graph.hard_prerequisites(code) if p != code and p in index}
        self[node] = value = sorted(found, reverse=True)
        return value


def _implied_by(y: int, others: list[int], needs: _Needs) -> int | None:
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


def check_redundant(
    graph: CompetencyGraph, only: set[str] | None = None, circled: set[str] | frozenset[str] = frozenset()
) -> list[Diagnostic]:
    """C220 for every competency, or for those declared in the files `only` names (the language
    server shows the edited file's diagnostics: the searches start from its competencies alone).
    A redundancy through a competency in `circled` (on a circle of requisites, reported as C201–C204)
    is not said: it comes from the circle's wrong link, one mistake, and goes with its fix."""
    order = graph.teaching_order("hard_pre")
    index = {code: i for i, code in enumerate(order)}
    needs = _Needs(graph, order, index)
    comps = graph.competencies
    found: list[tuple[str, str, str]] = []  # (competency, redundant prerequisite, the one implying it)
    for i, code in enumerate(order):
        if only is not None and comps[code].code_span.file not in only:
            continue
        prereqs = needs[i]
        if len(prereqs) < 2:
            continue
        for y in prereqs:
            z = _implied_by(y, [p for p in prereqs if p != y], needs)
            if z is not None:
                found.append((order[i], order[y], order[z]))
    diags = []
    for code, y_code, z_code in found:
        path = [code, *graph.chain(z_code, y_code, edges="hard_pre")]
        if circled and not circled.isdisjoint(path):
            continue
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
