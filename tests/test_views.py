"""`constructor graph` and `constructor explain` as a user runs them, with golden outputs."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from constructor.api import workspace
from constructor.cli import main
from constructor.model import Competency
from golden import assert_golden

ROOT = Path(__file__).parents[1]
EXAMPLE = ROOT / "catalogs" / "examples" / "welding"
GOLDEN = Path(__file__).parent / "data" / "graph"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.mark.parametrize("fmt", ["dot", "mermaid", "json"])
def test_graph_formats_of_the_example(
    fmt: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, update_golden: bool
) -> None:
    monkeypatch.chdir(EXAMPLE)
    code, out, _ = run(capsys, "graph", "--format", fmt, "program.comp")
    assert code == 0
    assert_golden(out, GOLDEN / f"welding.{fmt}", update_golden)
    again = run(capsys, "graph", "--format", fmt, "program.comp")[1]
    assert again == out  # deterministic


def test_graph_json_has_every_competency_and_requisite(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "graph", "--format", "json", str(EXAMPLE / "program.comp"))
    assert code == 0
    data = json.loads(out)
    codes = {n["code"] for n in data["nodes"]}
    assert {"ОК-1", "ПК-1.1", "ПКс-1.3"} <= codes
    pk11 = next(n for n in data["nodes"] if n["code"] == "ПК-1.1")
    declared = workspace(EXAMPLE / "program.comp").table["ПК-1.1"]
    assert isinstance(declared, Competency)
    assert pk11["module"] == "ПМ.01" and pk11["kind"] == "professional"
    assert pk11["hours"]["total"] == declared.hours.total
    edges = {(e["from"], e["to"], e["kind"], e["group"]) for e in data["edges"]}
    assert ("ПК-1.3", "ПК-1.1", "pre", None) in edges  # ПК-1.1 requires ПК-1.3: taught first
    assert ("ПК-1.4", "ПК-1.1", "co", None) in edges
    assert ("ПК-2.2", "ПК-2.4", "pre", 1) in edges  # an `or` alternative


def test_focus_and_depth(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys, "graph", "--format", "json", "--focus", "ПК-2.1", "--depth", "1", str(EXAMPLE / "program.comp")
    )
    nodes = {n["code"] for n in json.loads(out)["nodes"]}
    assert nodes == {"ПК-2.1", "ПК-1.2", "ПК-2.2", "ПК-2.3", "ПК-2.4", "ПК-4.1"}
    code, _, err = run(capsys, "graph", "--focus", "ПК-9.9", "--lang", "en", str(EXAMPLE / "program.comp"))
    assert code == 2 and "no competency `ПК-9.9`" in err


def test_output_file_is_written_whole(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "g.dot"
    code, out, _ = run(capsys, "graph", "-o", str(target), str(EXAMPLE / "program.comp"))
    assert code == 0 and out == ""
    assert target.read_text(encoding="utf-8").startswith("digraph competencies {")
    assert [p.name for p in tmp_path.iterdir()] == ["g.dot"]  # no temporary left behind


def test_svg_without_graphviz_says_how_to_install(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", "/nonexistent")
    code, _, err = run(capsys, "graph", "--format", "svg", "--lang", "en", str(EXAMPLE / "program.comp"))
    assert code == 2 and "apt-get install graphviz" in err


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz is not installed")
def test_svg_with_graphviz(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "graph", "--format", "svg", str(EXAMPLE / "program.comp"))
    assert code == 0 and "<svg" in out and "ПК&#45;1.1" in out  # Graphviz writes `-` as an entity


def test_graph_refuses_a_file_with_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "x.comp").write_text('competency К "т" { requires Н }', encoding="utf-8")
    code, out, err = run(capsys, "graph", "--lang", "en", str(tmp_path / "x.comp"))
    assert code == 1 and out == "" and "C101" in err and "fix them first" in err


def test_explain_golden(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, update_golden: bool
) -> None:
    monkeypatch.chdir(EXAMPLE)
    out = []
    for code, lang in (("ПК-2.1", "ru"), ("ПК-1.4", "en"), ("ПК-1.3", "ru"), ("ОК-4", "ru")):
        status, text, _ = run(capsys, "explain", "--lang", lang, code, "program.comp")
        out.append(f"$ constructor explain --lang {lang} {code} program.comp\n{text}[exit {status}]\n")
    assert_golden("\n".join(out), GOLDEN / "welding.explain", update_golden)


def test_explain_takes_a_code_as_the_documents_print_it(capsys: pytest.CaptureFixture[str]) -> None:
    """«ПК 1.3» (a space, a no-break one too) and «ОП 04» are the declared ПК-1.3 and ОП.04."""
    program = str(EXAMPLE / "program.comp")
    for written, declared in (("ПК 1.3", "ПК-1.3"), ("ПК\u00a01.3", "ПК-1.3"), ("ОП 04", "ОП.04")):
        code, out, _ = run(capsys, "explain", "--format", "json", written, program)
        assert code == 0 and json.loads(out)["code"] == declared, written


def test_explain_json_and_prerequisite_chain(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "explain", "--format", "json", "ПК-1.3", str(EXAMPLE / "program.comp"))
    assert code == 0
    data = json.loads(out)
    assert data["reasons"][0] == {"kind": "module", "via": "ПМ.01", "chain": []}
    assert "ПК-1.1" in data["dependents"] and "ПК-1.1" in data["lost_without"]


def test_explain_pulls_in_through_prerequisites(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "p.comp").write_text(
        'competency А "а"\ncompetency Б "б" { requires А }\ncompetency В "в" { requires Б }\n'
        'module М "м" { covers В }\nprogram П "п" { core М }\n',
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "explain", "--format", "json", "А", str(tmp_path / "p.comp"))
    assert code == 0
    data = json.loads(out)
    assert data["reasons"] == [{"kind": "prerequisite", "via": "М", "chain": ["В", "Б", "А"]}]
    assert data["lost_without"] == ["Б", "В"]


def test_help_lists_the_commands(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--help", "--lang", "en"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert all(name in out for name in ("check", "graph", "explain", "catalogs"))


def test_explain_says_why_a_discipline_is_in_the_program(capsys: pytest.CaptureFixture[str]) -> None:
    """A newcomer read «её нет в программе: ни модули ядра, ни ОК, ни пакеты её не требуют» for ОП.04,
    which the plan has: a discipline is there because the program takes its cycle (`disciplines`)."""
    code, out, _ = run(capsys, "explain", "--lang", "ru", "ОП.04", str(EXAMPLE / "program.comp"))
    assert code == 0
    assert "дисциплина цикла ОП" in out and "её нет в программе" not in out
    assert out.splitlines()[1].startswith("  дисциплина;")  # not «базовый результат»


def test_explain_of_an_mdk_or_a_module_says_what_it_is(capsys: pytest.CaptureFixture[str]) -> None:
    """`explain МДК.06.01` said «нет компетенции `МДК.06.01`» (a newcomer read «no such МДК»): it says
    what the code is and the competencies it forms, which `explain` does explain."""
    for code, what in (("МДК.01.02", "— МДК;"), ("ПМ.01", "— модуль;"), ("УП.01", "— практика;")):
        status, _, err = run(capsys, "explain", "--lang", "ru", code, str(EXAMPLE / "program.comp"))
        assert status == 2 and what in err and "ПК-1." in err, code
