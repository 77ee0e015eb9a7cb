"""The fuzz target (tests/fuzz.py) for a bounded number of inputs: mutated shipped catalogs and text drawn
from the grammar go through `check`, the formatter, `compact` and the documents without raising."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from fuzz import CASES, Case, Mutation, exercise, grammar_text, project, run_case, run_grammar_text

BOUNDED = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(scope="module")
def root() -> Iterator[Path]:
    with project() as path:
        yield path


def test_the_unchanged_examples_compact_and_render(root: Path) -> None:
    assert exercise(root, root / "examples/welding/program.comp") == "compacted"


def test_a_mutation_is_undone_after_its_run(root: Path) -> None:
    before = (root / "22.02.06/modules.comp").read_bytes()
    at = before.decode().index("module ")
    case = Case("22.02.06/modules.comp", (Mutation("replace", at, 6, "}}}"),), "examples/welding/program.comp")
    assert run_case(root, case) == "errors"
    assert (root / "22.02.06/modules.comp").read_bytes() == before


@BOUNDED
@given(CASES)
def test_mutated_catalogs_never_raise(root: Path, case: Case) -> None:
    run_case(root, case, deep=False)


@settings(BOUNDED, max_examples=20)
@given(grammar_text())
def test_text_drawn_from_the_grammar_never_raises_through_the_whole_check(root: Path, text: str) -> None:
    run_grammar_text(root, text)
