"""The formatter: idempotent, the same model after formatting, every comment kept, catalogs formatted."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from constructor import parse
from constructor.cli import main
from constructor.syntax.format import compress, format_text
from golden import assert_golden

ROOT = Path(__file__).parents[1]
CATALOGS = sorted((ROOT / "catalogs").rglob("*.comp"))
GOLDEN = Path(__file__).parent / "data" / "format"


def model(text: str) -> Any:
    def strip(x: Any) -> Any:
        if isinstance(x, dict):
            return {k: strip(v) for k, v in x.items() if k not in ("span", "code_span", "fields", "file")}
        if isinstance(x, list | tuple):
            return [strip(v) for v in x]
        return x

    source, diags = parse(text, "f.comp")
    assert not any(d.is_error for d in diags)
    return strip(source.model_dump())


def comments(text: str) -> list[str]:
    return sorted(m.strip() for m in re.findall(r"#[^\n]*", re.sub(r'"(?:[^"\\\n]|\\.)*"', '""', text)))


@pytest.mark.parametrize("path", CATALOGS, ids=lambda p: str(p.relative_to(ROOT)))
def test_shipped_catalogs_are_formatted(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    out, _ = format_text(text)
    assert out == text, f"run `constructor fmt {path.relative_to(ROOT)}`"


def test_golden_messy_file(update_golden: bool) -> None:
    messy = (GOLDEN / "messy.comp").read_text(encoding="utf-8")
    out, diags = format_text(messy)
    assert out is not None and diags == []
    assert_golden(out, GOLDEN / "messy.formatted.comp", update_golden)
    assert model(out) == model(messy)
    assert comments(out) == comments(messy)
    assert format_text(out)[0] == out


def test_files_with_errors_are_left_alone(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.comp"
    bad.write_text('competency К "т" { requries А }\n', encoding="utf-8")
    assert main(["fmt", str(bad)]) == 1
    assert bad.read_text(encoding="utf-8") == 'competency К "т" { requries А }\n'
    assert "C010" in capsys.readouterr().err


def test_check_and_diff_modes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "x.comp"
    path.write_text('competency К "т" {requires А,Б}\ncompetency А "а"\ncompetency Б "б"\n', encoding="utf-8")
    before = path.read_text(encoding="utf-8")
    assert main(["fmt", "--check", str(path)]) == 1
    assert main(["fmt", "--diff", str(path)]) == 1
    assert "+  requires А, Б" in capsys.readouterr().out
    assert path.read_text(encoding="utf-8") == before
    assert main(["fmt", str(path)]) == 0
    assert main(["fmt", "--check", str(path)]) == 0


def test_ranges_are_compressed_only_where_they_expand_back() -> None:
    assert compress(["ОК-01", "ОК-02", "ОК-03", "ОК-05"]) == ["ОК-01 .. ОК-03", "ОК-05"]
    assert compress(["ПК-1.1", "ПК-1.2"]) == ["ПК-1.1", "ПК-1.2"]
    assert compress(["ВД-9", "ВД-10", "ВД-11"]) == ["ВД-9 .. ВД-11"]
    assert compress(["ВД-1", "ВД-3", "ВД-4"]) == ["ВД-1", "ВД-3", "ВД-4"]


@st.composite
def documents(draw: st.DrawFn) -> str:
    n = draw(st.integers(1, 6))
    lines = []
    for i in range(n):
        if draw(st.booleans()):
            lines.append(f"# note {i}")
        parts = []
        if draw(st.booleans()):
            parts.append(f"hours theory {draw(st.integers(1, 90))}, practice {draw(st.integers(0, 90))}")
        if i and draw(st.booleans()):
            ops = draw(st.sampled_from([" and ", " or ", ", "]))
            refs = draw(st.lists(st.sampled_from([f"К-{j}" for j in range(i)]), min_size=1, max_size=3))
            expr = ops.join(refs)
            if draw(st.booleans()) and len(refs) > 1:
                expr = f"({expr}){ops}{refs[0]}"
            parts.append(f"requires {expr}")
        if draw(st.booleans()):
            parts.append('knows "знание \\"в кавычках\\"", "ещё"')
        if draw(st.booleans()):
            parts.append('indicators "выполняет сварку", "читает чертёж"')
        trailing = "  # at the end" if draw(st.booleans()) else ""
        body = (" {" + trailing + "\n  " + "\n  ".join(parts) + "\n}") if parts else trailing
        lines.append(f'competency К-{i} "Компетенция {i}"{body}')
    if draw(st.booleans()):
        support = draw(
            st.sampled_from(["", '  literature "Учебник"  literature extra "ГОСТ"', '  equipment "пост", "шаблон"'])
        )
        lines.append('module М "м" { covers ' + ", ".join(f"К-{i}" for i in range(n)) + support + " }")
    return "\n".join(lines) + "\n"


@settings(max_examples=80, deadline=None)
@given(documents())
def test_formatting_is_idempotent_keeps_the_model_and_every_comment(text: str) -> None:
    out, diags = format_text(text)
    assert out is not None, diags
    assert format_text(out)[0] == out
    assert model(out) == model(text)
    assert comments(out) == comments(text)


def test_fmt_writes_files_atomically(tmp_path: Path) -> None:
    path = tmp_path / "x.comp"
    path.write_text('competency К "т"   # комментарий\n', encoding="utf-8")
    assert main(["fmt", str(path)]) == 0
    assert path.read_text(encoding="utf-8") == 'competency К "т"  # комментарий\n'
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.comp"]


def test_the_spelling_the_file_writes_is_kept_when_a_keyword_has_several() -> None:
    text = 'модуль ПМ.01 "М" {\n  мдк МДК.01.01 "К" {\n    охватывает ПК-1.1\n    аттестация Эк\n  }\n}\n'
    out, _ = format_text(text)
    assert out == text  # not `курс`, `формирует`, `квалификационный_экзамен`


def test_complex_credits_are_written_as_the_file_spells_them() -> None:
    # `комплексный_зачет` (without ё) is a spelling of `complex_credit` too, kept where the file uses it
    text = (
        'программа П "П" {\n  комплексный_экзамен МДК.01.01, МДК.01.02\n'
        "  комплексный_зачет УП.01, ПП.01\n  комплексный_зачет ОГСЭ.01, ОГСЭ.02\n}\n"
    )
    out, diags = format_text(text)
    assert diags == [] and out == text
    program = parse(text, "f.comp")[0].declarations[0]
    assert [[r.code for r in g] for g in program.complex_credits] == [["УП.01", "ПП.01"], ["ОГСЭ.01", "ОГСЭ.02"]]


def test_the_summary_says_what_fmt_did(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """After writing, the summary counts the files reformatted; with `--check`, those that would be
    («не в едином виде: 1» right after «приведён к единому виду» read as if the file still were not)."""

    path = tmp_path / "a.comp"
    for mode, said in ((["--check"], "не в едином виде: 1"), ([], "приведено к единому виду: 1")):
        path.write_text('competency ПК-1.1 "Первая"   {\n hours theory 10\n}\n', encoding="utf-8")
        main(["fmt", *mode, str(path)])
        assert said in capsys.readouterr().err
