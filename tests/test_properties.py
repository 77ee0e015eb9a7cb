"""Properties: no input, however broken, makes the parser raise; every diagnostic points inside the text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.lark import from_lark

from constructor import parse
from constructor.diagnostics import Report, render_full
from constructor.syntax.grammar import parser

GRAMMAR_TEXT = from_lark(parser(), start="start")
# Fragments of the language, so random text often gets deep into the grammar.
FRAGMENTS = st.sampled_from(
    [
        "competency",
        "компетенция",
        "module",
        "requires",
        "and",
        "or",
        "(",
        ")",
        "{",
        "}",
        ",",
        "..",
        '"т"',
        "ПК-1.1",
        "ОК-01",
        "hours",
        "theory",
        "36",
        "h",
        "%",
        "2y10m",
        "\n",
        " ",
        "#",
        '"',
        "\\",
        "course",
        "practice",
        "bundle",
        "program",
        "use",
        "outcome",
        "knowledge",
        "final_attestation",
        "demo_exam",
    ]
)


def _check(text: str) -> None:
    source, diags = parse(text, "p.comp")
    lines = text.splitlines() or [""]
    for d in diags:
        if d.span is not None:
            assert 1 <= d.span.line <= len(lines) + 1, d
            assert d.span.column >= 1
        for lang in ("ru", "en"):
            rendered = render_full(d, {"p.comp": text}, lang)
            assert rendered.startswith(("error", "warning", "ошибка", "предупреждение"))
    # the same text always gives the same diagnostics, in the same order
    again = parse(text, "p.comp")[1]
    assert [(d.code, d.span) for d in again] == [(d.code, d.span) for d in diags]
    assert Report(diags, {"p.comp": text}).render("json", "en").startswith("{")
    assert source.path == "p.comp"


@given(GRAMMAR_TEXT)
def test_text_drawn_from_the_grammar_never_raises(text: str) -> None:
    _check(text)


@given(st.lists(FRAGMENTS, max_size=40).map(" ".join))
def test_fragments_of_the_language_never_raise(text: str) -> None:
    _check(text)


@given(st.text(max_size=300))
def test_arbitrary_text_never_raises(text: str) -> None:
    _check(text)
