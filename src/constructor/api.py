"""The library's public functions; the CLI only wraps these."""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from constructor.diagnostics import Diagnostic, Tally, diagnostic, sorted_diagnostics
from constructor.model import AnyDeclaration, Catalog, Program, SourceFile, Span
from constructor.resolve import load_files, resolve
from constructor.resolve.follow_ons import catalog_of, group_follow_ons
from constructor.syntax import parse_text

if TYPE_CHECKING:
    from constructor.graph import CompetencyGraph
    from constructor.interop.ca import Curriculum


def parse(text: str, path: str = "<text>") -> tuple[SourceFile, list[Diagnostic]]:
    """Parse one file's text. Never raises: problems come back as diagnostics."""
    with gc_paused():
        return parse_text(text, path)


@dataclass
class CheckResult(Tally):
    catalog: Catalog
    diagnostics: Sequence[Diagnostic]
    sources: dict[str, str] = field(default_factory=dict)
    imports: dict[str, list[str]] = field(default_factory=dict)  # shown path → the files its `use` lines led to


@contextmanager
def gc_paused() -> Iterator[None]:
    """Parsing creates millions of small objects and no cycles worth collecting; Python's cyclic
    collector would rescan the growing heap again and again (measured: 3x slower at 10k competencies)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def load(
    paths: Iterable[str | Path],
    root: str | Path | None = None,
    cache: bool = False,
    overlay: Mapping[Path, str] | None = None,
) -> CheckResult:
    """Read the files (folders: every `.comp` in them) and what they `use`, and resolve every code.
    `cache`: parse through the persistent parse cache (resolve/cache.py), unless CONSTRUCTOR_NO_CACHE
    is set; `overlay`: texts (by resolved path) read instead of the disk — a file not yet written, as
    the portal's draft bundle."""
    import os

    from constructor.resolve.loader import ParseFn

    parse: ParseFn = parse_text
    if cache and not os.environ.get("CONSTRUCTOR_NO_CACHE"):
        from constructor.resolve.cache import ParseCache

        parse = ParseCache(parse_text)
    with gc_paused():
        loaded = load_files(paths, root, parse=parse, overlay=overlay)
        catalog = catalog_of(loaded)
        diags = group_follow_ons([*loaded.diagnostics, *resolve(catalog)], catalog)
    return CheckResult(catalog, sorted_diagnostics(diags), loaded.sources, loaded.imports)


def check(paths: Iterable[str | Path], root: str | Path | None = None, cache: bool = False) -> CheckResult:
    """Everything `constructor check` reports: files, references, the graph and the programs."""
    from constructor.graph import check_graph

    result = load(paths, root, cache)
    with gc_paused():
        graph_diags = check_graph(result.catalog)
    diags = sorted_diagnostics([*result.diagnostics, *graph_diags])
    return CheckResult(result.catalog, diags, result.sources, result.imports)


@dataclass
class Workspace:
    """One file and what it sees through `use`, loaded and ready for the graph views."""

    result: CheckResult
    table: dict[str, AnyDeclaration]
    graph: CompetencyGraph

    def programs(self) -> list[Program]:
        return [d for d in self.table.values() if isinstance(d, Program)]


def workspace(
    path: str | Path,
    root: str | Path | None = None,
    extra: Sequence[str | Path] = (),
    cache: bool = False,
    overlay: Mapping[Path, str] | None = None,
) -> Workspace:
    """Load a file (references resolved, no graph checks) and build the graph of what it sees —
    and of what `extra` files see (bundles proposed in files the program does not `use` yet)."""
    from constructor.graph import CompetencyGraph
    from constructor.resolve.loader import display_path, resolved

    result = load([path, *extra], root, cache, overlay)
    known = {f.path for f in result.catalog.files}
    scope: set[str] = set()
    for p in (path, *extra):
        shown = display_path(resolved(Path(p)))
        if shown in known:
            scope.update(result.catalog.visible(shown))
    table = result.catalog.table(tuple(sorted(scope)))
    return Workspace(result, table, CompetencyGraph(table))


def read_curriculum(path: str | Path) -> tuple[Curriculum | None, list[Diagnostic], dict[str, str], str]:
    """A CurricularAnalytics CSV: the curriculum, its diagnostics (a cycle among them), and its text."""
    from constructor.graph.metrics import CyclicCurriculum, compute
    from constructor.interop import ca
    from constructor.resolve.loader import display_path, read_source, resolved

    p = Path(path)
    shown = display_path(resolved(p))
    if not p.exists():
        return None, [diagnostic("C001", "file-not-found", None, path=str(path))], {}, ""
    text, diags, _ = read_source(resolved(p), shown)
    if text is None:
        return None, diags, {}, ""
    cur, problems = ca.read(text, shown)
    if not any(d.is_error for d in problems):
        try:
            compute([c.id for c in cur.courses], cur.edges())
        except CyclicCurriculum as e:
            first = next(c for c in cur.courses if c.id in e.members)
            span = Span(file=shown, line=first.line, column=1, end_line=first.line, end_column=2)
            problems.append(
                diagnostic("C035", "csv-cycle", span, path=" → ".join(_cycle(cur, e.members)), help="csv-cycle.help")
            )
    return cur, sorted_diagnostics(problems), {shown: text}, text


def _cycle(cur: Curriculum, members: list[str]) -> list[str]:
    import networkx as nx

    g: nx.DiGraph[str] = nx.DiGraph()
    g.add_edges_from((a, b) for a, b in cur.edges() if a in members and b in members)
    cycle = nx.find_cycle(g, source=sorted(members)[0])
    return [cycle[0][0], *(v for _, v in cycle)]
