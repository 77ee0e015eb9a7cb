"""The competency graph: networkx inside, the domain's words outside.

Edges go from a competency to what it needs (`X → Y`: X requires Y), the way the methodologist writes
them and the way a cycle is read aloud. An edge is *hard* when every way of satisfying X's expression
needs Y (it is not under an `or`); `or` alternatives give *soft* edges, tagged with their group.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Mapping
from typing import Any, Literal, NamedTuple

import networkx as nx

from constructor.graph.memo import ByObject
from constructor.model import (
    AllOf,
    AnyDeclaration,
    AnyOf,
    Bundle,
    CodeExpr,
    Competency,
    Course,
    Expr,
    Module,
    Span,
    expr_refs,
)

EdgeKind = Literal["pre", "co"]


class Link(NamedTuple):
    """One requisite as written: `source` requires (or co-requires) `target` at `span`."""

    source: str
    target: str
    kind: EdgeKind
    hard: bool
    span: Span
    group: int | None = None  # the `or` it is an alternative of, numbered within `source`


def _walk(comp: Competency) -> Iterable[Link]:
    """The requisites of one competency, walking its expression without recursion; the commonest
    cases — none, or one code — without a walk (the graph of 100k competencies is built from these)."""
    requires = comp.requires
    if not comp.corequires:
        if requires is None:
            return ()
        if isinstance(requires, CodeExpr):
            return (Link(comp.code, requires.ref.code, "pre", True, requires.ref.span),)
    out: list[Link] = []
    if requires is not None:
        groups = 0
        stack: list[tuple[Expr, bool, int | None]] = [(requires, True, None)]
        while stack:
            node, hard, group = stack.pop()
            if isinstance(node, CodeExpr):
                out.append(Link(comp.code, node.ref.code, "pre", hard, node.ref.span, group))
            elif isinstance(node, AllOf):
                stack.extend((item, hard, group) for item in reversed(node.items))
            elif isinstance(node, AnyOf):
                groups += 1
                stack.extend((item, False, groups) for item in reversed(node.items))
    out += (Link(comp.code, ref.code, "co", True, ref.span) for ref in comp.corequires)
    return tuple(out)


_links = ByObject(_walk)  # the requisites of a competency object, walked once (graph/memo.py)


def _edges(comp: Competency) -> tuple[dict[str, dict[str, Any]], Iterable[Link]]:
    """A competency's row of successors: each requisite once, with the strongest reading of it (one
    written twice, say in two `or` branches, is a hard prerequisite if either is). Made once a
    competency object and shared by the graphs that hold it (the language server rebuilds the graph
    after every edit from mostly the same objects: this was a fifth of a re-check); never changed."""
    row: dict[str, dict[str, Any]] = {}
    links = _links(comp)
    for link in links:
        data = row.get(link.target)
        if data is None:
            data = row[link.target] = {
                "link": link,
                "pre": False,
                "hard_pre": False,
                "co": False,
                "hard_or_co": False,
                "any": True,
            }
        if link.kind == "pre":
            data["pre"] = True
            if link.hard:
                data["hard_pre"] = data["hard_or_co"] = True
        else:
            data["co"] = data["hard_or_co"] = True
    return row, links


_rows = ByObject(_edges)


def _course_requisites(comps: dict[str, Competency], modules: Iterable[Module]) -> None:
    """A course's `requires` and `corequires` hold for each competency it covers: each that follows no
    other of the course has, as this graph holds it, its own requisites and the course's (`AllOf`; the
    declaration itself is left as written); the rest follow those."""
    for module in modules:
        for course in module.courses:
            if course.requires is None and not course.corequires:
                continue
            covered = {r.code for r in course.covers}
            for ref in course.covers:
                comp = comps.get(ref.code)
                if comp is None or _after_another(comp, covered):
                    continue  # it follows a competency of the course, which holds the course's requisites
                comps[ref.code] = _with_course(comp, course)


def _merge(comp: Competency, course: Course) -> Competency:
    own, also = comp.requires, course.requires
    requires = own if also is None else also if own is None else AllOf(items=(own, also), span=_span(own))
    corequires = comp.corequires + tuple(r for r in course.corequires if r.code != comp.code)
    return comp.model_copy(update={"requires": requires, "corequires": corequires})


# the competency with its course's requisites, made once a (competency, course) pair of objects: a new
# copy each graph would miss the rows memoized by object (`_rows`) on every language-server rebuild
_merged: ByObject[Competency, dict[int, tuple[Course, Competency]]] = ByObject(lambda comp: {})


def _with_course(comp: Competency, course: Course) -> Competency:
    kept = _merged(comp)
    entry = kept.get(id(course))
    if entry is None or entry[0] is not course:
        entry = kept[id(course)] = (course, _merge(comp, course))
    return entry[1]


def _after_another(comp: Competency, covered: set[str]) -> bool:
    """Whether `comp` surely comes after (or with) another competency of its course: a hard requisite
    or a co-requisite in `covered`. The course's own requisites then hold for it through that one, and
    written on it too they would only be C220's redundant prerequisites (one a competency of the course)."""
    hard = [link.target for link in _links(comp) if link.hard and link.target != comp.code]
    return any(code in covered for code in hard)


def _span(expr: Expr) -> Span:
    return expr.ref.span if isinstance(expr, CodeExpr) else expr.span


def _course_spans(modules: Iterable[Module]) -> dict[Span, str]:
    """Where each course writes a requisite (its `requires`, `corequires`) → the course's code."""
    out: dict[Span, str] = {}
    for module in modules:
        for course in module.courses:
            written = [*(expr_refs(course.requires) if course.requires is not None else ()), *course.corequires]
            out.update((ref.span, course.code) for ref in written)
    return out


class CompetencyGraph:
    """The competencies a scope sees and their requisites. Codes not declared are left out (C101).

    The edges live in two dicts of dicts (successors and predecessors, sharing each edge's data), the
    layout networkx keeps inside a `DiGraph`; the checks walk them directly, and the networkx graph
    (`nx`) is built only where an algorithm of networkx is wanted — the strongly connected components
    of a graph that has a cycle (the error path). Building a `DiGraph` of 100k competencies cost more
    than all the checks of an acyclic catalog."""

    def __init__(self, table: Mapping[str, AnyDeclaration]) -> None:
        self.competencies: dict[str, Competency] = {c: d for c, d in table.items() if isinstance(d, Competency)}
        self.modules: dict[str, Module] = {c: d for c, d in table.items() if isinstance(d, Module)}
        _course_requisites(self.competencies, self.modules.values())
        self._courses_at: dict[Span, str] | None = None
        self._components: dict[str | None, list[list[str]]] = {}
        comps = self.competencies
        succ: dict[str, dict[str, dict[str, Any]]] = {}
        pred: dict[str, dict[str, dict[str, Any]]] = {c: {} for c in comps}
        self.links: list[Link] = []
        links = self.links
        declared = comps.keys()
        for code, comp in comps.items():
            row, written = _rows(comp)
            if row.keys() <= declared:
                succ[code] = row  # shared with the memo: read, never written
                links.extend(written)
            else:  # requisites not declared (C101) are left out of this graph
                succ[code] = row = {t: d for t, d in row.items() if t in comps}
                links.extend(link for link in written if link.target in comps)
            for target, data in row.items():
                pred[target][code] = data
        self._succ = succ
        self._pred = pred
        self._nx: nx.DiGraph[str] | None = None
        self.bundles: dict[str, Bundle] = {c: d for c, d in table.items() if isinstance(d, Bundle)}
        self.bundle_of: dict[str, str] = {c.code: b.code for b in self.bundles.values() for c in b.competencies}
        self.module_of: dict[str, str] = {}
        for mod in self.modules.values():
            for ref in mod.taught:
                self.module_of.setdefault(ref.code, mod.code)

    @property
    def nx(self) -> nx.DiGraph[str]:
        """The same graph as a networkx `DiGraph` (built on first use): nodes in declaration order,
        each edge with its data."""
        if self._nx is None:
            g: nx.DiGraph[str] = nx.DiGraph()
            g.add_nodes_from(self._succ)
            g.add_edges_from((u, v, d) for u, row in self._succ.items() for v, d in row.items())
            self._nx = g
        return self._nx

    def acyclic(self) -> bool:
        """No cycle through any requisite (Kahn's algorithm over every edge; a self-requirement is a
        cycle). Linear, and cheaper than the components when there are none."""
        pred = self._pred
        needs = {code: len(row) for code, row in self._succ.items()}
        ready = [code for code, count in needs.items() if count == 0]
        done = 0
        while ready:
            code = ready.pop()
            done += 1
            for dependent in pred[code]:
                if dependent != code:
                    needs[dependent] -= 1
                    if needs[dependent] == 0:
                        ready.append(dependent)
        return done == len(needs)

    def __contains__(self, code: object) -> bool:
        return code in self.competencies

    def __len__(self) -> int:
        return len(self.competencies)

    # ------------------------------------------------------------------ the domain's words

    def prerequisites(self, code: str) -> list[str]:
        """What `code` requires directly (`or` alternatives included)."""
        return [t for t, d in self._succ[code].items() if d["pre"]]

    def hard_prerequisites(self, code: str) -> list[str]:
        """What `code` needs whichever way its expression is satisfied."""
        return [t for t, d in self._succ[code].items() if d["hard_pre"]]

    def corequisites(self, code: str) -> list[str]:
        return [t for t, d in self._succ[code].items() if d["co"]]

    def dependents(self, code: str) -> list[str]:
        """What requires `code` directly."""
        return list(self._pred[code])

    def link(self, source: str, target: str) -> Link:
        link: Link = self._succ[source][target]["link"]
        return link

    def course_writing(self, link: Link) -> str | None:
        """The МДК whose `requires`/`corequires` wrote this link (it holds for the course's
        competencies), or None for a competency's own."""
        if self._courses_at is None:
            self._courses_at = _course_spans(self.modules.values())
        return self._courses_at.get(link.span)

    def closure(self, codes: Iterable[str], *, upward: bool = False, depth: int | None = None) -> dict[str, int]:
        """Everything `codes` need (or, upward, everything that needs them), with the distance."""
        adj = self._pred if upward else self._succ
        seen = {c: 0 for c in codes if c in self.competencies}
        queue = deque(seen)
        while queue:
            node = queue.popleft()
            if depth is not None and seen[node] >= depth:
                continue
            for nxt in adj[node]:
                if nxt not in seen:
                    seen[nxt] = seen[node] + 1
                    queue.append(nxt)
        return seen

    def chain(self, start: str, goal: str, *, edges: str | None = None, within: set[str] | None = None) -> list[str]:
        """The shortest path `start → … → goal` along requisites (of one kind, inside a set), or []."""
        parent: dict[str, str | None] = {start: None}
        queue = deque([start])
        while queue:
            node = queue.popleft()
            for nxt, data in self._succ[node].items():
                if nxt in parent or (edges is not None and not data[edges]):
                    continue
                if within is not None and nxt not in within:
                    continue
                parent[nxt] = node
                if nxt == goal:
                    path = [goal]
                    while (prev := parent[path[-1]]) is not None:
                        path.append(prev)
                    return path[::-1]
                queue.append(nxt)
        return []

    def chains_from(self, roots: Iterable[str], within: set[str] | None = None) -> dict[str, list[str]]:
        """For every competency the `roots` need (through requisites, inside `within` if given), the
        shortest chain `root → … → it` (one breadth-first search from all roots at once)."""
        parent: dict[str, str | None] = {r: None for r in roots if r in self.competencies}
        queue = deque(parent)
        while queue:
            node = queue.popleft()
            for nxt, data in self._succ[node].items():
                if nxt not in parent and (data["pre"] or data["co"]) and (within is None or nxt in within):
                    parent[nxt] = node
                    queue.append(nxt)
        out: dict[str, list[str]] = {}
        for code in parent:
            path = [code]
            while (prev := parent[path[-1]]) is not None:
                path.append(prev)
            out[code] = path[::-1]
        return out

    def cycle_through(self, node: str, members: set[str], edges: str | None = None) -> list[str]:
        """A cycle `node → … → node` inside a strongly connected set of competencies."""
        own = self._succ[node].get(node)
        if own is not None and (edges is None or own[edges]):
            return [node, node]
        best: list[str] = []
        for nxt, data in self._succ[node].items():
            if nxt in members and (edges is None or data[edges]):
                path = self.chain(nxt, node, edges=edges, within=members)
                if path and (not best or len(path) < len(best) - 1):
                    best = [node, *path]
        return best

    def components(self, edges: str | None = None) -> list[list[str]]:
        """Strongly connected sets of more than one competency, or one that requires itself; found
        once a kind of edges (the cycle checks and `cycle_members` ask for the same ones)."""
        if edges not in self._components:
            self._components[edges] = self._find_components(edges)
        return self._components[edges]

    def _find_components(self, edges: str | None) -> list[list[str]]:
        if edges is None:
            view: nx.DiGraph[str] = self.nx
        else:
            view = nx.DiGraph()
            view.add_edges_from((u, v) for u, row in self._succ.items() for v, d in row.items() if d[edges])
        out = []
        for comp in nx.strongly_connected_components(view):
            if len(comp) > 1 or any(view.has_edge(n, n) for n in comp):
                out.append(sorted(comp))
        return sorted(out)

    def teaching_order(self, edges: str = "hard_pre") -> list[str]:
        """Prerequisites first (Kahn's algorithm, in file order among equals); competencies on a cycle
        of these edges, and those that need one, are left out."""
        needs: dict[str, int] = {}
        for code, row in self._succ.items():
            count = 0
            for d in row.values():
                if d[edges]:
                    count += 1  # a competency that requires itself never gets to 0: left out
            needs[code] = count
        ready = deque(code for code, count in needs.items() if count == 0)
        order = []
        pred = self._pred
        while ready:
            code = ready.popleft()
            order.append(code)
            for dependent, d in pred[code].items():
                if d[edges] and dependent != code and needs[dependent] > 0:
                    needs[dependent] -= 1
                    if needs[dependent] == 0:
                        ready.append(dependent)
        return order

    def edges(self) -> list[tuple[str, str, dict[str, object]]]:
        return [(u, v, dict(d)) for u, row in self._succ.items() for v, d in row.items()]

    def title(self, code: str) -> str:
        comp = self.competencies.get(code)
        return comp.title.value if comp is not None and comp.title is not None else ""

    def course_of(self, code: str) -> Course | None:
        mod = self.modules.get(self.module_of.get(code, ""))
        if mod is None:
            return None
        return next((c for c in mod.courses if any(r.code == code for r in c.covers)), None)
