"""The words of the diagnostics a newcomer met first: each says the one thing that is wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from constructor import parse
from constructor.cli import main
from constructor.diagnostics import render_full

ROOT = Path(__file__).resolve().parents[1]


def _said(text: str, lang: str = "ru") -> list[str]:
    _, diags = parse(text, "x.comp")
    return [render_full(d, {"x.comp": text}, lang) for d in diags]


def test_a_practice_without_its_kind_is_one_diagnostic() -> None:
    (said,) = _said('module ПМ.01 "М" {\n  practice УП.01 108 ч\n}\n')
    assert "C021" in said and "у практики не указан вид" in said and "не целое число" not in said


def test_months_beyond_eleven_are_named_with_what_they_make() -> None:
    (said,) = _said('program П "п" { target 2г12м }\n')
    assert "месяцев в сроке не больше 11: `2г12м` — это `3г`" in said
    (said,) = _said('program П "п" { target 1y14m }\n', "en")
    assert "`1y14m` is `2y2m`" in said


@pytest.mark.parametrize(
    "link,words",
    [
        ("40.002 A/3.2", "номер функции — две цифры: `A/03.2`"),
        ("40.02 A/03.2", "а не `40.02`"),
        ("40.002 a/03.2", "заглавной буквой"),
    ],
)
def test_a_link_says_which_part_is_wrong(link: str, words: str) -> None:
    (said,) = _said(f'competency ПК-1.1 "а" {{ links "{link}" }}\n')
    assert words in said


def test_a_field_left_unfinished_is_reported_on_its_own_line() -> None:
    _, diags = parse('competency ПК-1.1 "а" {\n  часы 108\n  требует ПК-1.2\n}\n', "x.comp")
    (d,) = diags
    assert d.span is not None and (d.span.line, d.span.column) == (2, 11)
    assert d.message.key == "unfinished-field" and d.message.args == {"last": "108"}


def test_a_mixed_code_without_a_one_script_spelling_names_its_latin_letters(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "x.comp").write_text('competency IТ-КУБ "Смешанный"\n', encoding="utf-8")
    main(["check", "--lang", "ru", str(tmp_path / "x.comp")])
    out = capsys.readouterr().out
    assert "латинские буквы в нём: `I`" in out and "например `IТ-КУБ`" not in out


def test_one_missing_general_competency_agrees_in_number() -> None:
    from constructor.i18n import Count, Msg

    said = Msg("missing-general-competency", {"count": Count(1, "general_missing"), "standard": "С", "codes": "ОК-02"})
    assert said.text("ru") == "в программе нет 1 общей компетенции стандарта `С`: ОК-02"
    assert said.text("en") == "the program lacks 1 general competency of `С`: ОК-02"


def test_explain_takes_its_two_arguments_in_either_order(capsys: pytest.CaptureFixture[str]) -> None:
    program = str(ROOT / "catalogs" / "examples" / "welding" / "program.comp")
    assert main(["explain", "--lang", "ru", "ПК-1.1", program]) == 0
    first = capsys.readouterr().out
    assert main(["explain", "--lang", "ru", program, "ПК-1.1"]) == 0
    assert capsys.readouterr().out == first
