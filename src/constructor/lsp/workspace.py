"""What the language server knows: open documents, parsed files cached by content, and the checks of
a document's scope (the file and everything it reaches through `use`). No LSP types here: the server
module translates."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from constructor.api import gc_paused
from constructor.diagnostics import Diagnostic, sorted_diagnostics
from constructor.graph import CompetencyGraph, check_scope
from constructor.model import AnyDeclaration, Catalog, Ref, SourceFile, Span
from constructor.resolve import load_files, resolve
from constructor.resolve.loader import display_path, read_source
from constructor.resolve.references import references
from constructor.syntax import parse_text

_WORD = re.compile(r"\w+(?:[.\-]\w+)*")


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
        self._parsed: dict[tuple[str, str], tuple[SourceFile, list[Diagnostic]]] = {}

    def parse(self, text: str, shown: str) -> tuple[SourceFile, list[Diagnostic]]:
        """Parse, or reuse the parse of the same text: an edit re-parses only the edited file."""
        key = (shown, hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest())
        if key not in self._parsed:
            if len(self._parsed) > 2000:
                self._parsed.clear()
            self._parsed[key] = parse_text(text, shown)
        return self._parsed[key]

    def scope(self, path: Path) -> Scope:
        """The document's scope loaded (open documents as edited), resolved and checked."""
        with gc_paused():
            loaded = load_files([path], self.root, overlay=self.open, parse=self.parse)
            catalog = Catalog(files=tuple(loaded.files), imports={k: tuple(v) for k, v in loaded.imports.items()})
            shown = display_path(path.resolve())
            table = catalog.table(catalog.visible(shown))
            graph = CompetencyGraph(table)
            diags = [*loaded.diagnostics, *resolve(catalog, only={shown}), *check_scope(table, graph)]
            paths = {display_path(p.resolve()): p.resolve() for p in self._files(loaded.files)}
        return Scope(catalog, table, graph, sorted_diagnostics(diags), paths)

    def everywhere(self, start: Path) -> Catalog:
        """Every `.comp` file of the workspace (the root, else the document's folder), as edited."""
        folder = self.root or start.parent
        with gc_paused():
            loaded = load_files([folder, *self.open], self.root, overlay=self.open, parse=self.parse)
        return Catalog(files=tuple(loaded.files), imports={k: tuple(v) for k, v in loaded.imports.items()})

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
    lines = text.splitlines()
    if not 0 <= line < len(lines):
        return None
    for m in _WORD.finditer(lines[line]):
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
