"""A cache of whole `check` results: a second `check` of files that have not changed prints what the
first printed without parsing, resolving or checking anything (issue 18: ≤ 0.1× the first run).

An entry is keyed by what the check was asked (the working folder, `--root`, the paths as written) and
the build of the constructor (every module of the package and the grammar), and holds the diagnostics,
the summary's counts, and what the result depended on: every file read with the digest of its text,
where each file's `use` lines led, and the files and project roots the command line named. A lookup
re-reads those files (through the same guarded reader as the loader) and re-resolves those `use` lines;
any difference is a miss and the check runs. Results that depend on files *not* being there or being
unreadable (C001–C007, C104–C106: a missing `use` target may be created at any time) are not stored.

Entries are written under a temporary name and renamed (two runs at once never read half an entry),
a damaged one is removed, the folder is bounded like the parse cache's, and a folder that cannot be
written is no cache. Pickles are read only from the user's own cache folder (docs/security.md).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from constructor.diagnostics import Diagnostic, Tally
from constructor.i18n import Lang

FORMAT = 2
MAX_BYTES = 64 * 2**20
# what a file system can change without any file's text changing: such results are never stored
UNCACHEABLE = {"C001", "C002", "C003", "C004", "C005", "C006", "C007", "C104", "C105", "C106"}


@dataclass
class CheckReport(Tally):
    """What `check` prints: the diagnostics (with the texts of the files they point into), the counts
    of declarations by kind and the number of files — from a fresh check or from the cache."""

    diagnostics: Sequence[Diagnostic]
    sources: Mapping[str, str]
    counts: dict[str, int]
    files: int
    cached: bool = False
    langs: dict[str, Lang] = field(default_factory=dict)  # a file's keyword language, where already known


@dataclass
class _Entry:
    format: int
    diagnostics: list[Diagnostic]
    counts: dict[str, int]
    files: dict[str, str]  # shown path → sha256 of its bytes
    uses: list[tuple[str, str, str]]  # (file, the `use` path as written, where it led)
    named: list[tuple[str, str]] = field(default_factory=list)  # the command line's files and their roots
    langs: dict[str, Lang] = field(default_factory=dict)  # the keyword language of each file shown


def folder() -> Path:
    from constructor.shipped import user_cache

    return user_cache() / "check"


@cache
def _build_digest() -> bytes:
    """Every module of the package and the grammar: a changed constructor never reads an old result."""
    import constructor
    from constructor.syntax.grammar import grammar_text

    root = Path(constructor.__file__).parent
    h = hashlib.sha256(constructor.__version__.encode())
    h.update(grammar_text().encode("utf-8"))
    for path in sorted(root.rglob("*.py")):
        h.update(path.relative_to(root).as_posix().encode())
        h.update(path.read_bytes())
    return h.digest()


def _key(paths: Sequence[str], root: str | None) -> Path:
    h = hashlib.sha256(_build_digest())
    for part in (str(Path.cwd().resolve()), root or "", *paths):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\0")
    digest = h.hexdigest()
    return folder() / digest[:2] / digest[2:]


def _absolute(shown: str) -> Path:
    return Path.cwd().resolve() / shown  # a shown path is relative to the working folder, or absolute


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _text_of(shown: str) -> str | None:
    """A file's text as the loader reads it now (its guarded reader, UTF-8), None when it cannot."""
    from constructor.resolve.loader import read_bytes

    data, problems = read_bytes(_absolute(shown), shown)
    if data is None or problems:
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None


def _pointed(diagnostics: Iterable[Diagnostic]) -> set[str]:
    """The files the diagnostics show lines of."""
    return {s.file for d in diagnostics for s in (d.span, *(label.span for label in d.labels)) if s is not None}


def _named(paths: Sequence[str], root: str | None) -> list[tuple[str, str]] | None:
    """The files the command line names with the root each is checked under (as the loader finds
    them), or None when naming them is itself a problem (a missing path, a folder with no files)."""
    from constructor.resolve.loader import Loaded, _expand, display_path, find_root, resolved

    loaded = Loaded()
    found = _expand(paths, loaded)
    if loaded.diagnostics:
        return None
    out = []
    for path, fallback in found:
        full = resolved(path)
        project = resolved(Path(root)) if root else find_root(full) or fallback
        out.append((display_path(full), str(project)))
    return out


def lookup(paths: Sequence[str], root: str | None) -> CheckReport | None:
    """The stored result of this check when nothing it depended on has changed, else None."""
    from constructor.resolve.cache import read_entry
    from constructor.resolve.loader import display_path

    path = _key(paths, root)
    data = read_entry(path, MAX_BYTES)  # a regular file only: a planted FIFO is not waited on
    if data is None:
        return None
    try:
        entry = pickle.loads(data)
        if not isinstance(entry, _Entry) or entry.format != FORMAT:
            raise TypeError("not an entry")
    except Exception:  # a damaged or foreign entry: removed, and the check runs
        path.unlink(missing_ok=True)
        return None
    if _named(paths, root) != entry.named:
        return None
    texts: dict[str, str] = {}
    for shown, digest in entry.files.items():
        text = _text_of(shown)
        if text is None or _digest(text) != digest:
            return None
        texts[shown] = text
    for shown, written, target in entry.uses:
        try:
            if display_path((_absolute(shown).parent / written).resolve()) != target:
                return None
        except (OSError, RuntimeError, ValueError):
            return None
    with contextlib.suppress(OSError):
        os.utime(path)  # used now: the last to be evicted
    sources = {shown: texts[shown] for shown in sorted(_pointed(entry.diagnostics) & texts.keys())}  # read once
    langs = {shown: lang for shown, lang in entry.langs.items() if shown in sources}
    return CheckReport(entry.diagnostics, sources, entry.counts, len(entry.files), cached=True, langs=langs)


def store(
    paths: Sequence[str],
    root: str | None,
    report: CheckReport,
    uses: Iterable[tuple[str, str, str]],
    named: list[tuple[str, str]] | None,
) -> None:
    """Keep `report` for the next run, unless it depends on the file system more than on the texts.
    Everything stored is what the check itself saw — the digests of the texts it read, the `use`
    targets the loader followed, the files named as listed before it started — so a file edited or
    added while it ran makes the next lookup miss, never repeat a stale result."""
    if any(d.code in UNCACHEABLE for d in report.diagnostics):
        return
    files = {shown: _digest(text) for shown, text in report.sources.items()}
    if named is None or len(files) != report.files:
        return
    from constructor.syntax.keywords import keyword_language

    # the language each shown file's keywords are written in (a diagnostic names keywords in it): found
    # once here, not by scanning megabytes of text again on every cached run
    pointed = _pointed(report.diagnostics)
    langs = {shown: keyword_language(text) for shown, text in report.sources.items() if shown in pointed}
    entry = _Entry(FORMAT, list(report.diagnostics), report.counts, files, sorted(uses), named, langs)
    _write(_key(paths, root), entry)


def _write(path: Path, entry: _Entry) -> None:
    from constructor.resolve.cache import evict, write_entry

    if write_entry(path, entry):
        evict(folder(), MAX_BYTES)


def cached_check(paths: Sequence[str], root: str | None) -> CheckReport:
    """`constructor check` through the cache (unless CONSTRUCTOR_NO_CACHE is set): the stored report
    when nothing changed, else a fresh check (parsing through the parse cache), stored for next time.
    The library is imported only on a miss: a hit costs reading and hashing the files."""
    use = not os.environ.get("CONSTRUCTOR_NO_CACHE")
    if use and (hit := lookup(paths, root)) is not None:
        return hit
    from constructor.api import check

    named = _named(paths, root) if use else None  # before the check: a file added meanwhile is new next time
    result = check(paths, root=root, cache=use)
    catalog = result.catalog
    report = CheckReport(result.diagnostics, result.sources, catalog.counts(), len(catalog.files))
    if use:
        uses = []
        for f in catalog.files:
            targets = result.imports.get(f.path, [])
            if len(targets) != len(f.uses):  # a `use` the loader did not follow: not stored
                return report
            uses += [(f.path, u.path, target) for u, target in zip(f.uses, targets, strict=True)]
        store(paths, root, report, uses, named)
    return report
