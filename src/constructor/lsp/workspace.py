"""What the language server knows: open documents, parsed files cached by content, and the checks of
a document's scope (the file and everything it reaches through `use`). No LSP types here: the server
module translates."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from constructor.api import gc_paused
from constructor.diagnostics import Diagnostic, sorted_diagnostics
from constructor.graph import CompetencyGraph, check_scope
from constructor.model import AnyDeclaration, Catalog, Ref, SourceFile, Span
from constructor.resolve import load_files, resolve
from constructor.resolve.follow_ons import catalog_of, group_follow_ons
from constructor.resolve.loader import ParseFn, display_path, read_source
from constructor.resolve.references import references
from constructor.syntax import parse_text
from constructor.syntax.grammar import WORD

CODE = WORD  # a code, as the grammar's WORD reads it


MAX_CACHED_TEXT = 64 * 1024 * 1024  # characters of parsed files kept (a 100k-competency catalog is ~36 MB)


@dataclass
class Scope:
    catalog: Catalog
    table: dict[str, AnyDeclaration]
    graph: CompetencyGraph
    diagnostics: list[Diagnostic]
    paths: dict[str, Path]  # shown path → file


class Workspace:
    def __init__(self, root: Path | None = None) -> None:
        self.root = root
        self.open: dict[Path, str] = {}  # resolved path → the text being edited
        self.folders: list[Path] = []  # the client's workspace folders
        self._parsed: dict[tuple[str, str], tuple[SourceFile, list[Diagnostic]]] = {}
        self._sizes: dict[tuple[str, str], int] = {}
        self._bytes = 0
        # files on disk parse through the persistent cache `check` fills (the editor's first open of a
        # large workspace reads them back); a document being edited never goes there: an entry an edit
        self._disk: ParseFn = parse_text
        if not os.environ.get("CONSTRUCTOR_NO_CACHE"):
            from constructor.resolve.cache import ParseCache

            self._disk = ParseCache(parse_text)

    def parse(self, text: str, shown: str) -> tuple[SourceFile, list[Diagnostic]]:
        """Parse, or reuse the parse of the same text: an edit re-parses only the edited file."""
        key = (shown, hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest())
        if key not in self._parsed:
            # one parse a file: the version being edited replaces the one before (keeping every version
            # grew the server by ~70 MB an edit of a 10k-competency file), and the cache is bounded in
            # bytes of text
            for old in [k for k in self._parsed if k[0] == shown]:
                self._bytes -= self._sizes.pop(old, 0)
                del self._parsed[old]
            while self._parsed and self._bytes + len(text) > MAX_CACHED_TEXT:
                oldest = next(iter(self._parsed))
                self._bytes -= self._sizes.pop(oldest, 0)
                del self._parsed[oldest]
            edited = any(display_path(p) == shown for p in self.open)
            self._parsed[key] = (parse_text if edited else self._disk)(text, shown)
            self._sizes[key] = len(text)
            self._bytes += len(text)
        return self._parsed[key]

    def scope(self, path: Path) -> Scope:
        """The document's scope loaded (open documents as edited), resolved and checked."""
        with gc_paused():
            loaded = load_files([path], self.root, overlay=self.open, parse=self.parse)
            catalog = catalog_of(loaded)
            shown = display_path(path.resolve())
            scope = catalog.visible(shown)
            table = catalog.table(scope)
            graph = CompetencyGraph(table)
            diags = [
                *group_follow_ons([*loaded.diagnostics, *resolve(catalog, only={shown})], catalog),
                *check_scope(table, graph, complete=catalog.complete(scope), only={shown}),
            ]
            paths = {display_path(p.resolve()): p.resolve() for p in self._files(loaded.files)}
        return Scope(catalog, table, graph, sorted_diagnostics(diags), paths)

    def everywhere(self, start: Path) -> Catalog:
        """Every `.comp` file of the workspace (the root, else the document's folder), as edited."""
        where: list[Path] = []
        if self.root is not None:
            where = [self.root]
        else:  # no project: the client's workspace folder holding the document, else its own folder alone
            folder = next((f for f in self.folders if start.resolve().is_relative_to(f)), None)
            where = [folder] if folder is not None else sorted(p for p in start.parent.glob("*.comp") if p.is_file())
        with gc_paused():
            loaded = load_files([*where, *self.open], self.root, overlay=self.open, parse=self.parse)
        return catalog_of(loaded)

    @staticmethod
    def _files(files: list[SourceFile]) -> list[Path]:
        return [Path(f.path) if Path(f.path).is_absolute() else Path.cwd() / f.path for f in files]

    def text(self, path: Path) -> str:
        if path in self.open:
            return self.open[path]
        # the loader's reading: regular files only, within the size limit (a FIFO would freeze the server)
        text, _, _ = read_source(path, str(path))
        return text or ""


def word_at(text: str, line: int, character: int) -> tuple[str, int, int] | None:
    """The code under a 0-based position: (word, start, end) on that line."""
    lines = text.split("\n")  # as the parser counts lines (splitlines would also split at \x0b, \x1c …)
    if not 0 <= line < len(lines):
        return None
    for m in CODE.finditer(lines[line]):
        if m.start() <= character <= m.end():
            return m.group(0), m.start(), m.end()
    return None


def occurrences(catalog: Catalog, code: str, declared_in: str) -> list[Span]:
    """Where a code is declared and every place that refers to it: in every file that sees the file
    declaring it (through `use`, directly or not) — not in files where the same code means another
    declaration."""
    out: list[Span] = []
    for source in catalog.files:
        if declared_in not in catalog.visible(source.path):
            continue
        for decl in source.all_declarations():
            if decl.code == code:
                out.append(decl.code_span)
            for _, ref, _ in references(decl):
                if ref.code == code and _is_single(ref):
                    out.append(ref.span)
    return out


def _is_single(ref: Ref) -> bool:
    """A reference written as the code itself (not inside a range `A .. B`, whose span is the range)."""
    span = ref.span
    return span.line == span.end_line and span.end_column - span.column == len(ref.code)
