"""A fuzz target for the library API: mutated shipped catalogs and text drawn from the grammar, through
`check`, the formatter, `compact` and the documents.

A target run must never raise: every problem in the input is a diagnostic (a raise is the CLI's exit 3,
"internal error"). Every diagnostic points inside its file and renders in both languages; a file the
formatter accepts formats to a fixed point; a project without errors compacts, and its plan renders.

`make test` runs it for a bounded number of examples (tests/test_fuzz.py). A longer run, with the count
and the result printed (docs/security.md records the last one):

    .venv/bin/python tests/fuzz.py --seconds 1800
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.lark import from_lark

ROOT = Path(__file__).resolve().parents[1]
CATALOGS = ROOT / "catalogs"
# The programs a mutated project is checked through: each `use`s most of the catalogs.
ENTRIES = ("examples/welding/program.comp", "examples/programmer/program.comp")
FILES = tuple(sorted(str(p.relative_to(CATALOGS)) for p in CATALOGS.rglob("*.comp")))

# Pieces a mutation inserts: words of the language in both spellings, numbers at their limits,
# look-alike letters, control characters, and what breaks quoting and nesting.
PIECES = (
    "competency", "компетенция", "module", "модуль", "discipline", "дисциплина", "requires", "требует",
    "corequires", " and ", " or ", " и ", " или ", "(", ")", "{", "}", ",", "..", '"', "\\", "#", "\n",
    "ПК-1.1", "ОК-01", "OK-01", "ПM.01", "МДК.01.01", "ПМ.01.ЭК", "ОП.01", "hours", "часы", "theory",
    "36", "0", "-1", "999999999", "9" * 40, "h", "ч", "%", "²", "2y10m", "2г12м", "6 w", "6 нед",
    "terms all", "term 1 {", "attestation exam", "credit each", "use \"x.comp\"", "use \"../x.comp\"",
    "\x00", "\x01", "\x0b", "\x1b]8;;http://x\x07", "=HYPERLINK(\"http://x\")", "<script>", "\ufeff",
    "\u200b", "🙂",
)  # fmt: skip


@dataclass(frozen=True)
class Mutation:
    kind: str  # delete, duplicate, insert, replace, swap_lines, truncate
    at: int
    length: int
    piece: str

    def apply(self, text: str) -> str:
        if not text:
            return self.piece if self.kind == "insert" else text
        i = self.at % (len(text) + 1)
        j = min(len(text), i + self.length)
        if self.kind == "delete":
            return text[:i] + text[j:]
        if self.kind == "duplicate":
            return text[:j] + text[i:j] + text[j:]
        if self.kind == "insert":
            return text[:i] + self.piece + text[i:]
        if self.kind == "replace":
            return text[:i] + self.piece + text[j:]
        if self.kind == "truncate":
            return text[:i]
        lines = text.split("\n")
        a, b = self.at % len(lines), (self.at + self.length) % len(lines)
        lines[a], lines[b] = lines[b], lines[a]
        return "\n".join(lines)


MUTATIONS = st.builds(
    Mutation,
    kind=st.sampled_from(("delete", "duplicate", "insert", "replace", "swap_lines", "truncate")),
    at=st.integers(0, 1 << 20),
    length=st.integers(0, 200),
    piece=st.one_of(st.sampled_from(PIECES), st.text(max_size=8)),
)


@dataclass(frozen=True)
class Case:
    """One shipped file changed by a few mutations, checked through one of the example programs."""

    file: str
    mutations: tuple[Mutation, ...]
    entry: str


CASES = st.builds(
    Case,
    file=st.sampled_from(FILES),
    mutations=st.lists(MUTATIONS, min_size=1, max_size=4).map(tuple),
    entry=st.sampled_from(ENTRIES),
)


def grammar_text() -> st.SearchStrategy[str]:
    from constructor.syntax.grammar import parser

    return from_lark(parser(), start="start")


@contextmanager
def project() -> Iterator[Path]:
    """A copy of the shipped catalogs (with their `constructor.toml`) to mutate."""
    with tempfile.TemporaryDirectory(prefix="constructor-fuzz-") as tmp:
        root = Path(tmp) / "catalogs"
        shutil.copytree(CATALOGS, root)
        yield root


def exercise(root: Path, entry: Path, *, deep: bool = True) -> str:
    """Check the project through `entry`, format every file, and (when `deep` and nothing is wrong)
    compact its programs and render their documents. Returns what happened, for the run's counts."""
    from constructor import api
    from constructor.diagnostics import Report, render_full
    from constructor.syntax.format import format_text

    result = api.check([entry], root=root)
    for d in result.diagnostics:
        text = result.sources.get(d.span.file, "") if d.span is not None else ""
        if d.span is not None and d.span.file in result.sources:
            assert 1 <= d.span.line <= text.count("\n") + 2, d
            assert d.span.column >= 1, d
        for lang in ("ru", "en"):
            assert render_full(d, result.sources, lang)
    for lang in ("ru", "en"):
        assert Report(list(result.diagnostics), result.sources).render("json", lang).startswith("{")
    for path, text in result.sources.items():
        once, _ = format_text(text, path)
        if once is not None:
            assert format_text(once, path)[0] == once, path
    if result.errors:
        return "errors"
    if not deep:
        return "clean"
    return _compact_and_render(root, entry)


def _compact_and_render(root: Path, entry: Path) -> str:
    from constructor import api
    from constructor.compact import compact
    from constructor.render.documents import render_all

    ws = api.workspace(entry, root)
    outcome = "clean"
    for program in ws.programs():
        plan, diags = compact(program, ws.table, ws.graph, time_limit=2.0)
        if plan is None:
            assert any(d.is_error for d in diags), [d.code for d in diags]
            continue
        assert plan.model_dump_json()
        files = render_all(plan, ws.table, "ru", ("html", "md"))
        assert files
        outcome = "compacted"
    return outcome


def run_case(root: Path, case: Case, *, deep: bool = True) -> str:
    """Apply the case's mutations to its file, exercise the project, and put the file back."""
    path = root / case.file
    original = path.read_bytes()
    text = original.decode("utf-8")
    for m in case.mutations:
        text = m.apply(text)
    try:
        path.write_bytes(text.encode("utf-8", "surrogatepass"))
        return exercise(root, root / case.entry, deep=deep)
    finally:
        path.write_bytes(original)


def run_grammar_text(root: Path, text: str) -> str:
    """Text drawn from the grammar, as a file of the project that sees the shipped catalogs."""
    path = root / "drawn.comp"
    path.write_text('use "22.02.06/standard.comp"\n' + text, encoding="utf-8", errors="surrogatepass")
    try:
        return exercise(root, path)
    finally:
        path.unlink()


def main(argv: list[str] | None = None) -> int:
    """A longer run: mutations and grammar text alternately until the time is up; prints the counts."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seconds", type=float, default=600.0)
    ap.add_argument("--batch", type=int, default=200, help="examples per hypothesis run")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT / "src"))
    counts: dict[str, int] = {}
    end = time.monotonic() + args.seconds
    with project() as root:
        fast = settings(max_examples=args.batch, deadline=None, database=None, suppress_health_check=list(HealthCheck))

        @fast
        @given(CASES)
        def mutated(case: Case) -> None:
            outcome = run_case(root, case)
            counts[outcome] = counts.get(outcome, 0) + 1

        @fast
        @given(grammar_text())
        def drawn(text: str) -> None:
            outcome = run_grammar_text(root, text)
            counts["grammar " + outcome] = counts.get("grammar " + outcome, 0) + 1

        started = time.monotonic()
        while time.monotonic() < end:
            mutated()
            drawn()
            total = sum(counts.values())
            print(f"{total} inputs in {time.monotonic() - started:.0f} s: {counts}", flush=True)
    print(f"no failure in {sum(counts.values())} inputs")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
