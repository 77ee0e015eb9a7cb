"""One mistake, one diagnostic: a syntax error is repaired inside its declaration, the rest of the
declaration is kept, and nothing later reports the consequences of the one mistake."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from constructor import check, parse

ROOT = Path(__file__).resolve().parents[1]
PROGRAM = "examples/programmer/program.comp"
WHOLE = "09.02.07/whole.comp"

GOOD = """\
competency ПК-1.1 "Первая" {
  hours theory 36, practice 20
}
competency ПК-1.2 "Вторая" {
  requires ПК-1.1
  hours theory 144
}
module ПМ.01 "Модуль" {
  covers ПК-1.1, ПК-1.2
  course МДК.01.01 "Курс" { covers ПК-1.1 }
  practice УП.01 educational 6 w
}
competency ПК-1.3 "Третья" { hours practice 108 requires ПК-1.2 }
"""

# (what a methodologist wrote instead, what the first line of the diagnostic says)
MISTAKES = {
    "missing comma": ("theory 36, practice 20", "theory 36 practice 20"),
    "a word after hours": ("theory 144\n", "theory 144 часа\n"),
    "hours without a kind": ("hours practice 108 requires", "hours 108 requires"),
    "a code with a space": ("requires ПК-1.1", "requires ПК 1.1"),
    "a module without its {": ('"Модуль" {', '"Модуль"'),
    "an extra } after a module": ("6 w\n}\n", "6 w\n}\n}\n"),
    "a semicolon for a comma": ("covers ПК-1.1, ПК-1.2", "covers ПК-1.1; ПК-1.2"),
    "a missing code after and": ("requires ПК-1.1\n", "requires ПК-1.1 and\n"),
    "a block left open before the next declaration": ("hours theory 144\n}\n", "hours theory 144\n"),
    "a course left open inside its module": ("{ covers ПК-1.1 }", "{ covers ПК-1.1"),
    "the last declaration left open (typing in the editor)": ("ПК-1.2 }\n", "ПК-1.2\n"),
}


def _declarations(text: str) -> list[str]:
    source, _ = parse(text, "x.comp")
    return [d.code for d in source.all_declarations()]


@pytest.mark.parametrize("name", MISTAKES)
def test_one_mistake_is_one_diagnostic_and_every_declaration_is_kept(name: str) -> None:
    right, wrong = MISTAKES[name]
    assert right in GOOD
    text = GOOD.replace(right, wrong, 1)
    _, diags = parse(text, "x.comp")
    assert [d.code for d in diags] in (["C010"], ["C011"]), [d.message for d in diags]
    assert _declarations(text) == _declarations(GOOD)


def test_a_repair_says_what_was_missing() -> None:
    _, diags = parse(GOOD.replace("theory 36, practice", "theory 36 practice"), "x.comp")
    assert diags[0].help is not None and diags[0].help.key == "missing-punctuation"
    assert diags[0].help.args == {"char": ","}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "catalogs", tmp_path / "catalogs")
    return tmp_path / "catalogs"


@pytest.mark.parametrize(
    "right,wrong",
    [
        ("hours theory 60, practice 60", "hours theory 60 practice 60"),
        ("covers ПК-2.1 .. ПК-2.5", "covers ПК 2.1 .. ПК-2.5"),
        ('"Осуществление интеграции программных модулей" {', '"Осуществление интеграции программных модулей"'),
        # not repairable: the module is not read, and is said to be so once
        ('"Осуществление интеграции программных модулей" {', '"Осуществление интеграции программных модулей {'),
        ('"Осуществление интеграции программных модулей"', "Осуществление интеграции"),
    ],
)
def test_a_mistake_in_a_module_of_a_whole_program_is_one_diagnostic(project: Path, right: str, wrong: str) -> None:
    path = project / WHOLE
    text = path.read_text(encoding="utf-8")
    assert right in text
    path.write_text(text.replace(right, wrong, 1), encoding="utf-8")
    result = check([project / PROGRAM], root=project)
    assert [d.code for d in result.diagnostics] in (["C010"], ["C012"]), [
        (d.code, d.message) for d in result.diagnostics
    ]


def test_an_unread_declaration_is_named_once_and_references_to_it_are_not_unknown(project: Path) -> None:
    path = project / WHOLE
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('module ПМ.02 "Осуществление', 'module ПМ.02 "Осуществление {\n', 1), encoding="utf-8")
    result = check([project / PROGRAM], root=project)
    (d,) = result.diagnostics
    assert d.notes[-1].key == "unread-declaration" and d.notes[-1].args == {"code": "ПМ.02"}
    source = next(f for f in result.catalog.files if f.path.endswith(WHOLE))
    assert [u.code for u in source.unread] == ["ПМ.02"]


def test_a_failed_use_is_one_diagnostic_with_the_codes_it_hides_and_the_path_that_exists(project: Path) -> None:
    path = project / PROGRAM
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('use "../../09.02.07/whole.comp"', 'use "../09.02.07/wholee.comp"'), encoding="utf-8")
    result = check([path], root=project)
    (d,) = result.diagnostics
    assert d.code == "C104"
    assert d.help is not None and d.help.args["similar"] == "../../09.02.07/whole.comp"
    (note,) = d.notes
    assert note.key == "follow-on-unknown" and "`ПМ.01`" in str(note.args["codes"])


def test_a_range_of_unknown_codes_is_one_diagnostic(project: Path) -> None:
    path = project / PROGRAM
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("general ОК-01 .. ОК-09", "general OK-01 .. OK-09"), encoding="utf-8")
    result = check([path], root=project)
    (d,) = result.diagnostics
    assert (d.code, d.message.key, d.message.args) == ("C101", "unknown-codes", {"code": "OK-01 .. OK-09"})


@pytest.mark.parametrize("written, code", [("ОП 04", "ОП.04"), ("МДК 01.01", "МДК.01.01"), ("ПК 1.1", "ПК-1.1")])
def test_a_code_written_with_a_space_is_one_error_with_the_right_code(written: str, code: str) -> None:
    """`requires ОП 04`: a newcomer got C101 «неизвестный код `ОП-04`» (a code nobody wrote) and a hint to
    write `ОП-04`; a row of the plan is written with a dot. One error, and its hint names the real code."""
    text = (
        f'discipline ОП.04 "Д" {{ hours theory 40 }}\ndiscipline ОП.05 "Е" {{ hours theory 40  requires {written} }}\n'
    )
    _, diags = parse(text, "x.comp")
    assert [d.code for d in diags] == ["C010"]
    assert diags[0].help is not None and diags[0].help.args["code"] == code


def test_or_outside_requires_is_said_for_what_it_is() -> None:
    """`совместно_с ОП.04 или ОП.05` said «похоже, здесь пропущено `,`» (a newcomer's catch): `или` is
    for a `requires` condition only, and the hint says so."""
    text = (
        'дисциплина ОП.04 "Д" { часы теория 40 }\nдисциплина ОП.05 "Е" { часы теория 40 }\n'
        'компетенция ПК-1.1 "П" {\n  часы теория 40\n  совместно_с ОП.04 или ОП.05\n}\n'
    )
    _, diags = parse(text, "x.comp")
    assert [d.code for d in diags] == ["C010"]
    assert diags[0].help is not None and diags[0].help.key == "choice-outside-requires"
