"""The competency graph and every check that needs it. networkx stays inside this package."""

from __future__ import annotations

from collections.abc import Mapping

from constructor.diagnostics import Diagnostic
from constructor.graph.bundle_courses import view_and_apart
from constructor.graph.cycles import attainable, check_cycles, cycle_members
from constructor.graph.forms import check_forms
from constructor.graph.graph import CompetencyGraph, Link
from constructor.graph.placeholders import check_placeholders
from constructor.graph.program import ProgramContent, check_program, gather
from constructor.graph.redundancy import check_redundant
from constructor.graph.structure import check_activities, check_repeated_texts, check_unused
from constructor.graph.whole import whole
from constructor.graph.whole_checks import check_rows, check_whole
from constructor.model import AnyDeclaration, Catalog, Program

__all__ = [
    "CompetencyGraph",
    "Link",
    "ProgramContent",
    "attainable",
    "check_graph",
    "check_scope",
    "gather",
    "program_view_and_graph",
]


def check_graph(catalog: Catalog) -> list[Diagnostic]:
    """Every graph and program check, once per scope (a set of files that see each other)."""
    diags: list[Diagnostic] = []
    for scope in catalog.scopes():
        table = catalog.table(scope)
        diags += check_scope(table, CompetencyGraph(table), complete=catalog.complete(scope))
    return diags


def check_scope(
    table: Mapping[str, AnyDeclaration],
    graph: CompetencyGraph,
    *,
    complete: bool = True,
    only: set[str] | None = None,
) -> list[Diagnostic]:
    """The graph and program checks of one scope, on its graph. A scope that is not `complete` (a
    syntax error kept a declaration from being read, a `use` failed) gets only the checks of what it has: what it
    seems to lack (an unused competency, a program's missing module) may be in the unread part.
    `only` (the files whose diagnostics are wanted: the language server's edited file) lets the
    per-declaration checks skip the others' declarations; the diagnostics in those files are the same
    (a test holds it), others may be left out."""
    diags = [
        *check_cycles(graph),
        *check_redundant(graph, only, cycle_members(graph)),
        *check_repeated_texts(graph, only),
        *check_rows(table, graph),
        *check_forms(table),
    ]
    if not complete:
        return diags
    diags += [*check_activities(graph, only), *check_unused(graph, table)]
    for decl in table.values():
        if isinstance(decl, Program):
            if _unresolved(decl, table):
                # a program naming an unknown code is reported there (C101); what it would then seem to
                # lack (a module, the volume, a cycle) would only be consequences of that one mistake
                continue
            # the program as it sees the declarations: its bundles' МДК in their modules
            view, g, apart = program_view_and_graph(decl, table, graph)
            content = gather(decl, view, g)
            rows = whole(decl, view, g, content)  # once, for both: the rows of the whole program
            diags += check_program(decl, view, g, content, rows)
            diags += check_whole(decl, view, g, rows)
            diags += check_placeholders(decl, view)
            diags += apart
    return diags


def program_view_and_graph(
    program: Program, table: Mapping[str, AnyDeclaration], graph: CompetencyGraph
) -> tuple[Mapping[str, AnyDeclaration], CompetencyGraph, list[Diagnostic]]:
    """The declarations and the graph as `program` sees them (graph/bundle_courses.py): the same ones
    when its bundles add no МДК, else the view and a graph of it (which module teaches what changed);
    and C325 for each bundle course that joins no module."""
    view, apart = view_and_apart(program, table)
    return (table, graph, apart) if view is table else (view, CompetencyGraph(view), apart)


def _unresolved(program: Program, table: Mapping[str, AnyDeclaration]) -> bool:
    from constructor.resolve.references import references

    return any(ref.code not in table for _, ref, _ in references(program))
