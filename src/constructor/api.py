"""The library's public functions; the CLI only wraps these."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from constructor.diagnostics import Diagnostic, exit_code, sorted_diagnostics
from constructor.model import Catalog, SourceFile
from constructor.resolve import load_files, resolve
from constructor.syntax import parse_text


def parse(text: str, path: str = "<text>") -> tuple[SourceFile, list[Diagnostic]]:
    """Parse one file's text. Never raises: problems come back as diagnostics."""
    return parse_text(text, path)


@dataclass
class CheckResult:
    catalog: Catalog
    diagnostics: Sequence[Diagnostic]
    sources: dict[str, str] = field(default_factory=dict)

    @property
    def errors(self) -> int:
        return sum(d.is_error for d in self.diagnostics)

    @property
    def warnings(self) -> int:
        return sum(not d.is_error for d in self.diagnostics)

    @property
    def exit_code(self) -> int:
        return exit_code(self.diagnostics)


def load(paths: Iterable[str | Path], root: str | Path | None = None) -> CheckResult:
    """Read the files (folders: every `.comp` in them) and what they `use`, and resolve every code."""
    loaded = load_files(paths, root)
    catalog = Catalog(files=tuple(loaded.files), imports={k: tuple(v) for k, v in loaded.imports.items()})
    diags = [*loaded.diagnostics, *resolve(catalog)]
    return CheckResult(catalog, sorted_diagnostics(diags), loaded.sources)


def check(paths: Iterable[str | Path], root: str | Path | None = None) -> CheckResult:
    """Everything `constructor check` reports. The graph checks join here as they are built."""
    return load(paths, root)
