"""The command line as a user meets it: exit codes, formats, languages, no tracebacks."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from constructor.cli import main

CATALOGS = Path(__file__).parents[1] / "catalogs"


def run(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "constructor", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**os.environ, **(env or {})},
        timeout=60,
    )


def test_example_checks_clean_and_prints_summary(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--lang", "ru", str(CATALOGS / "examples" / "welding")]) == 0
    out = capsys.readouterr().out
    # the example follows the 2014 standard, which is superseded: `check` says so (C335), and nothing else
    assert "программ: 1" in out and "пакетов: 2" in out and "Ошибок нет, предупреждений: 1." in out
    assert "C335" in out


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"\xff\xfe\x00garbage{{{", 1),
        (b'competency "unterminated\n', 1),
        (b"", 0),
        (b'competency \xcf\xca-1 "\xf2"', 1),
        (b"(" * 5000, 1),
    ],
)
def test_bad_inputs_get_a_diagnostic_and_an_exit_code(tmp_path: Path, content: bytes, expected: int) -> None:
    (tmp_path / "bad.comp").write_bytes(content)
    proc = run("check", "bad.comp", cwd=tmp_path)
    assert proc.returncode == expected
    assert "Traceback" not in proc.stderr + proc.stdout
    assert "[C0" in proc.stdout


def test_missing_path_and_folder_named_like_a_file(tmp_path: Path) -> None:
    (tmp_path / "dir.comp").mkdir()
    assert run("check", "missing.comp", cwd=tmp_path).returncode == 2
    proc = run("check", "dir.comp", cwd=tmp_path)
    assert proc.returncode == 2 and "C006" in proc.stdout


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert run("check", cwd=tmp_path).returncode == 2
    assert run("frobnicate", cwd=tmp_path).returncode == 2
    assert run(cwd=tmp_path).returncode == 2


@pytest.mark.parametrize(
    "args",
    [
        ("compact", "x.comp", "--time-limit=-5"),
        ("compact", "x.comp", "--time-limit", "nan"),
        ("compact", "x.comp", "--time-limit", "0"),
        ("check", "x.comp", "--limit=-1"),
        ("graph", "x.comp", "--depth", "два"),
        ("check", "x.comp", "--limit", "٣"),
        ("check", "x.comp", "--limit", "1_0"),
    ],
)
def test_numbers_out_of_range_are_usage_errors(args: tuple[str, ...], capsys: pytest.CaptureFixture[str]) -> None:
    """A negative time limit or count is refused before any work, with the value named."""
    with pytest.raises(SystemExit) as stop:
        main([*args, "--lang", "ru"])
    assert stop.value.code == 2
    assert "«" + args[-1].split("=")[-1] + "»" in capsys.readouterr().err


def test_a_long_number_is_not_echoed_whole(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["check", "x.comp", "--limit", "-" + "9" * 5000, "--lang", "en"])
    err = capsys.readouterr().err
    assert "…" in err and len(err) < 600


def test_json_format_carries_every_field(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "x.comp").write_text('competency ПК-1.2 "т" { requires ПК-1.1 }', encoding="utf-8")
    assert main(["check", "--format", "json", "--lang", "en", str(tmp_path / "x.comp")]) == 1
    payload = json.loads(capsys.readouterr().out)
    (diag,) = payload["diagnostics"]
    assert diag["code"] == "C101" and diag["name"] == "unknown-code" and diag["severity"] == "error"
    assert diag["message"] == "unknown code `ПК-1.1`"
    assert diag["span"]["line"] == 1 and diag["span"]["column"] == 34 and diag["span"]["end_column"] == 40
    assert payload["summary"] == {"files": 1, "declarations": {"competency": 1}, "errors": 1, "warnings": 0}


def test_concise_format_and_limit(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    body = "\n".join(f'competency К-{i} "т" {{ requires Н-{i} }}' for i in range(60))
    (tmp_path / "x.comp").write_text(body, encoding="utf-8")
    assert main(["check", "--format", "concise", "--lang", "en", "--limit", "5", str(tmp_path / "x.comp")]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 7
    assert lines[0].endswith("x.comp:1:31: error[C101] unknown code `Н-0`")
    assert lines[5] == "… and 55 more"


def test_language_follows_the_locale_and_the_option(tmp_path: Path) -> None:
    (tmp_path / "x.comp").write_text("", encoding="utf-8")
    assert "Checked" in run("check", "x.comp", cwd=tmp_path, env={"LANG": "en_US.UTF-8", "LC_ALL": ""}).stdout
    assert "Проверено" in run("check", "x.comp", cwd=tmp_path, env={"LANG": "C.UTF-8", "LC_ALL": ""}).stdout
    assert "Проверено" in run("check", "--lang", "ru", "x.comp", cwd=tmp_path, env={"LANG": "en_US"}).stdout
    # before the command too, as a newcomer wrote it (it was «invalid choice: 'en'»)
    assert "Checked" in run("--lang", "en", "check", "x.comp", cwd=tmp_path, env={"LANG": "C.UTF-8"}).stdout


def test_version_and_help() -> None:
    proc = run("--version")
    assert proc.returncode == 0 and proc.stdout.startswith("constructor ")
    proc = run("check", "--help", env={"LANG": "en_US.UTF-8"})
    assert proc.returncode == 0 and "--format" in proc.stdout


def test_help_does_not_import_the_heavy_stages() -> None:
    code = (
        "import sys; from constructor.cli import build_parser; build_parser('en');"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('lark', 'pydantic', 'networkx', 'jinja2')))"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.stdout.strip() == "[]"


def test_a_50_megabyte_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    with (tmp_path / "huge.comp").open("wb") as f:
        f.truncate(50 * 1024 * 1024)  # sparse: costs no disk and no time
    proc = run("check", "--lang", "en", "huge.comp", cwd=tmp_path)
    assert proc.returncode == 1
    assert "C004" in proc.stdout and "50.0 MB" in proc.stdout


def test_grammar_cache_survives_damage_and_missing_folders(tmp_path: Path) -> None:
    (tmp_path / "x.comp").write_text('competency ОК-01 "т"', encoding="utf-8")
    cache = tmp_path / "cache"
    assert run("check", "x.comp", cwd=tmp_path, env={"CONSTRUCTOR_CACHE_DIR": str(cache)}).returncode == 0
    (cached,) = (cache / "constructor").glob("comp-build-*.lark")
    cached.write_bytes(b"garbage\n\x00\x01")
    proc = run("check", "x.comp", cwd=tmp_path, env={"CONSTRUCTOR_CACHE_DIR": str(cache)})
    assert proc.returncode == 0 and proc.stderr == ""
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("")
    proc = run("check", "x.comp", cwd=tmp_path, env={"CONSTRUCTOR_CACHE_DIR": str(blocked)})
    assert proc.returncode == 0 and proc.stderr == ""


@pytest.mark.parametrize("standard", ["09.02.07", "22.02.06"])
def test_init_makes_a_project_that_checks_and_compacts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], standard: str
) -> None:
    folder = tmp_path / "college"
    assert main(["init", str(folder), "--standard", standard]) == 0
    assert (folder / "constructor.toml").is_file() and (folder / "program.comp").is_file()
    assert main(["check", str(folder / "program.comp")]) == 0  # warnings at most (22.02.06 is superseded)
    assert main(["compact", str(folder / "program.comp")]) == 0
    capsys.readouterr()
    assert main(["init", str(folder), "--standard", standard]) == 2  # nothing is overwritten
    assert "constructor init" in capsys.readouterr().err


@pytest.mark.parametrize("standard", ["09.02.07", "22.02.06"])
def test_the_starter_programs_are_formatted(standard: str) -> None:
    from constructor.starter import STARTERS
    from constructor.syntax.format import format_text

    text = STARTERS[standard].program
    assert format_text(text, "program.comp")[0] == text


def test_help_and_usage_errors_speak_russian(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CONSTRUCTOR_LANG", "ru")
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert out.startswith("использование: constructor") and "аргументы:" in out
    with pytest.raises(SystemExit):
        main(["check", "--lang", "ru", "--help"])
    out = capsys.readouterr().out
    assert out.startswith("использование: constructor") and "показать эту справку и выйти" in out
    assert "usage:" not in out and "options:" not in out and "show this help" not in out
    for lang, words in (("ru", "ошибка: не хватает аргументов: PATH"), ("en", "arguments are required: PATH")):
        with pytest.raises(SystemExit) as stop:
            main(["check", "--lang", lang])
        assert stop.value.code == 2 and words in capsys.readouterr().err


def test_hints_spell_keywords_as_the_file_does(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "constructor.toml").write_text("")
    ru = tmp_path / "ru.comp"
    ru.write_text('компетенция ПК-1.1 "к" {\n  часы теория 10\n  модуль\n}\n', encoding="utf-8")
    main(["check", "--lang", "en", str(ru)])
    out = capsys.readouterr().out
    assert "`часы`" in out and "`hours`" not in out  # English messages, the file's Russian keywords
    en = tmp_path / "en.comp"
    en.write_text('competency ПК-1.1 "к" {\n  hours theory 10\n  module\n}\n', encoding="utf-8")
    main(["check", "--lang", "ru", str(en)])
    out = capsys.readouterr().out
    assert "`hours`" in out and "`часы`" not in out  # Russian messages, the file's English keywords


def test_render_shows_its_progress_on_a_terminal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """On a terminal the PDFs' progress is shown (rich, on stderr); elsewhere nothing is drawn."""
    from constructor.cli import common

    shown: list[tuple[int, int]] = []

    class Bar:
        def add_task(self, *_: object, **__: object) -> int:
            return 0

        def update(self, _: int, total: int, completed: int) -> None:
            shown.append((completed, total))

        def start(self) -> None: ...

        def stop(self) -> None: ...

    assert common.progress_bar("ru") is None  # the tests' stderr is not a terminal
    monkeypatch.setattr("constructor.cli.render.progress_bar", lambda lang: Bar())
    program = CATALOGS / "examples" / "programmer" / "program.comp"
    assert main(["render", "--to", "pdf", "-o", str(tmp_path / "out"), str(program)]) == 0
    assert shown and shown[-1][0] == shown[-1][1] == len(list((tmp_path / "out").glob("*.pdf")))


def test_a_plan_is_byte_identical_across_processes_and_hash_seeds() -> None:
    """Sets and dicts iterate by hash: a plan that depended on it would change from run to run."""
    example = str(CATALOGS / "examples" / "programmer" / "program.comp")
    out = [run("compact", "--format", "json", example, env={"PYTHONHASHSEED": seed}) for seed in ("1", "2")]
    assert all(p.returncode == 0 for p in out), [p.stderr for p in out]
    assert out[0].stdout == out[1].stdout and json.loads(out[0].stdout)["status"] == "optimal"


def test_a_working_folder_deleted_under_the_command_is_said_not_a_crash(tmp_path: Path) -> None:
    gone = tmp_path / "gone"
    code = (
        "import os, sys; os.makedirs(sys.argv[1]); os.chdir(sys.argv[1]); os.rmdir(sys.argv[1]); "
        "from constructor.cli import main; sys.exit(main(['check', 'x.comp', '--lang', 'en']))"
    )
    proc = subprocess.run([sys.executable, "-c", code, str(gone)], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2 and "working folder" in proc.stderr and "Traceback" not in proc.stderr


def test_the_starters_blanks_are_said_until_filled_in(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`init`'s blanks («Полное наименование колледжа», «И. О. Фамилия») reached the title pages of a
    newcomer's plan without a word: `check` names them (C338), once for the college and once for the
    program's СОГЛАСОВАНО, and says nothing once they are filled in."""
    from constructor.graph.placeholders import PLACEHOLDERS
    from constructor.starter import STARTERS

    for starter in STARTERS.values():  # the check knows every blank the starters write
        assert all(blank in starter.program for blank in PLACEHOLDERS)
    monkeypatch.chdir(tmp_path)
    assert main(["init", "college", "--standard", "09.02.07", "--lang", "ru"]) == 0
    capsys.readouterr()
    monkeypatch.chdir(tmp_path / "college")
    assert main(["check", "program.comp", "--lang", "ru"]) == 0  # a warning, not an error
    assert capsys.readouterr().out.count("[C338 ") == 2  # its words: tests/data/parse_err/c338_*
    # `render` printed the blanks on the title pages without a word: now it names the warnings
    assert main(["render", "program.comp", "--to", "md", "-o", "out", "--lang", "ru"]) == 0
    assert "предупреждения (C338)" in capsys.readouterr().err
    program = Path("program.comp")
    text = program.read_text(encoding="utf-8")
    for blank, real in zip(
        PLACEHOLDERS,
        ("ГБПОУ «Колледж»", "Министерство образования", "А. Б. Иванов", "Директор, АО «Завод»"),
        strict=True,
    ):
        text = text.replace(blank, real)
    program.write_text(text, encoding="utf-8")
    assert main(["check", "program.comp", "--lang", "ru"]) == 0
    assert "C338" not in capsys.readouterr().out


def test_root_must_be_a_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`check --root fifo.comp ok.comp` took a FIFO as the project's root (a tester's find): a usage
    error now, exit 2, naming it."""
    (tmp_path / "ok.comp").write_text('competency ПК-1.1 "т"\n', encoding="utf-8")
    (tmp_path / "file.comp").write_text("", encoding="utf-8")
    with pytest.raises(SystemExit) as stopped:  # argparse's usage error, as for any bad argument
        main(["check", "--lang", "en", "--root", str(tmp_path / "file.comp"), str(tmp_path / "ok.comp")])
    assert stopped.value.code == 2 and "is not a folder" in capsys.readouterr().err
    assert main(["check", "--root", str(tmp_path), str(tmp_path / "ok.comp")]) == 0
