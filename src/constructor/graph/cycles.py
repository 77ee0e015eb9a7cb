"""Cycles and attainability: C201 prerequisite-cycle, C202 unattainable-competency,
C203 cycle-through-alternative, C204 corequisite-contradiction.

All linear: strongly connected components first; a path is searched only inside a component that
has a cycle (the error path), never over the whole graph.
"""

from __future__ import annotations

import itertools
from collections import deque

from constructor.diagnostics import Diagnostic, Label, diagnostic
from constructor.graph.graph import CompetencyGraph
from constructor.i18n import Msg
from constructor.model import AllOf, AnyOf, CodeExpr, Expr

SHOWN = 12  # codes of a long cycle shown in full; the rest are counted
LABELS = 6  # `requires` links labelled under a cycle


def show_path(path: list[str]) -> str:
    if len(path) <= SHOWN:
        return " → ".join(path)
    return " → ".join(path[:6]) + f" → … ({len(path) - 11}) … → " + " → ".join(path[-5:])


def attainable(graph: CompetencyGraph, removed: frozenset[str] = frozenset()) -> set[str]:
    """Competencies whose prerequisites can be met (least fixpoint over the and/or expressions).

    Each expression node counts the children it still waits for (all of them for `and`, one for
    `or`); attaining a competency ticks every leaf that names it. Linear in the expressions' size.
    """
    need: list[int] = []
    parent: list[int] = []
    owner: list[str] = []
    watchers: dict[str, list[int]] = {}
    roots: dict[int, str] = {}
    done: set[str] = set()
    queue: deque[str] = deque()
    for code, comp in graph.competencies.items():
        if code in removed:
            continue
        if comp.requires is None:
            done.add(code)
            queue.append(code)
            continue
        stack: list[tuple[Expr, int]] = [(comp.requires, -1)]
        while stack:
            node, up = stack.pop()
            index = len(need)
            parent.append(up)
            owner.append(code)
            if up == -1:
                roots[index] = code
            if isinstance(node, CodeExpr):
                need.append(1)
                if node.ref.code in removed:
                    pass  # never satisfied: what would be lost without it
                elif node.ref.code in graph:
                    watchers.setdefault(node.ref.code, []).append(index)
                else:
                    need[index] = 0  # unknown code (C101): do not let it block what depends on it
            else:
                assert isinstance(node, AllOf | AnyOf)
                items = node.items
                need.append(len(items) if isinstance(node, AllOf) else min(len(items), 1))
                stack.extend((item, index) for item in items)
    # leaves already satisfied (unknown codes) and empty `and`s propagate first
    ready = deque(i for i, n in enumerate(need) if n == 0)

    def settle(index: int) -> None:
        while True:
            if index in roots:
                code = roots[index]
                if code not in done:
                    done.add(code)
                    queue.append(code)
                return
            up = parent[index]
            if need[up] <= 0:
                return
            need[up] -= 1
            if need[up] != 0:
                return
            index = up

    while ready or queue:
        if ready:
            settle(ready.popleft())
            continue
        code = queue.popleft()
        for leaf in watchers.get(code, ()):
            if need[leaf] > 0:
                need[leaf] = 0
                settle(leaf)
    return done


def _link_labels(graph: CompetencyGraph, path: list[str]) -> list[Label]:
    labels = []
    for source, target in list(itertools.pairwise(path))[:LABELS]:
        link = graph.link(source, target)
        key = "cycle.corequires" if link.kind == "co" else "cycle.requires"
        course = graph.course_writing(link)  # a course's requisite, held by its competencies: the course is named
        if course is not None:
            labels.append(Label(link.span, Msg(f"{key}.course", {"code": source, "course": course})))
        else:
            labels.append(Label(link.span, Msg(key, {"code": source})))
    return labels


def _cycle_diagnostic(
    graph: CompetencyGraph, code: str, message: str, path: list[str], /, **args: object
) -> Diagnostic:
    labels = _link_labels(graph, path)
    first, rest = labels[0], labels[1:]
    return diagnostic(
        code,
        message,
        first.span,
        label=first.message,
        labels=rest,
        notes=[Msg("cycle.path", {"path": show_path(path)})],  # «цикл из 1» read without its noun
        help=f"{message}.help",
        **args,
    )


def cycle_members(graph: CompetencyGraph) -> set[str]:
    """The competencies on a circle of requisites (C201–C204 report each circle). What else is said
    of them — a prerequisite made redundant by the circle's wrong link (C220) — waits for its fix."""
    if graph.acyclic():
        return set()
    return {code for kind in ("pre", "hard_or_co") for members in graph.components(kind) for code in members}


def check_cycles(graph: CompetencyGraph) -> list[Diagnostic]:
    if graph.acyclic():
        # no cycle through any requisite at all: nothing below can fire, and every competency is
        # attainable (each expression's codes come earlier in a topological order)
        return []
    diags: list[Diagnostic] = []
    hard_cyclic: set[str] = set()
    for members in graph.components("hard_pre"):
        hard_cyclic.update(members)
        path = graph.cycle_through(members[0], set(members), "hard_pre")
        key = "self-requirement" if len(path) == 2 else "prerequisite-cycle"
        diags.append(_cycle_diagnostic(graph, "C201", key, path, code=path[0]))
    reached = attainable(graph)
    for members in graph.components("pre"):
        member_set = set(members)
        stuck = [m for m in members if m not in reached and m not in hard_cyclic]
        for code in stuck:
            path = graph.cycle_through(code, member_set, "pre")
            if path:
                diags.append(_cycle_diagnostic(graph, "C202", "unattainable-competency", path, code=code))
        if not stuck and not member_set & hard_cyclic:
            path = graph.cycle_through(members[0], member_set, "pre")
            diags.append(_cycle_diagnostic(graph, "C203", "cycle-through-alternative", path, code=members[0]))
    diags.extend(_corequisite_contradictions(graph, hard_cyclic))
    return diags


def _corequisite_contradictions(graph: CompetencyGraph, hard_cyclic: set[str]) -> list[Diagnostic]:
    """A co-requisite may share a term, a prerequisite must come before: a cycle mixing them can't."""
    diags = []
    for members in graph.components("hard_or_co"):
        member_set = set(members)
        inner = [(u, v, d) for u, v, d in graph.edges() if u in member_set and v in member_set]
        co = next(((u, v) for u, v, d in inner if d["co"] and not d["hard_pre"]), None)
        pre = next(((u, v) for u, v, d in inner if d["hard_pre"]), None)
        if co is None or pre is None or member_set <= hard_cyclic:
            continue
        # a closed walk through both: pre edge, on to the co edge, and back
        a, b = pre
        c, d = co
        to_c = graph.chain(b, c, edges="hard_or_co", within=member_set) if b != c else [b]
        back = graph.chain(d, a, edges="hard_or_co", within=member_set) if d != a else [d]
        path = [a, *to_c, *back]
        diags.append(_cycle_diagnostic(graph, "C204", "corequisite-contradiction", path, code=c, other=d))
    return diags
