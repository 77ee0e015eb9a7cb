"""Hostile input that used to end in an internal error (exit 3) or reach the terminal or a worksheet."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from constructor.cli import main

HUGE = "9" * 5000


def _check(tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str) -> tuple[int, str]:
    (tmp_path / "constructor.toml").write_text("")
    path = tmp_path / "h.comp"
    path.write_text(text, encoding="utf-8")
    code = main(["check", "--lang", "en", str(path)])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


@pytest.mark.parametrize(
    "text",
    [
        'standard С "с" { practice_share_min ²% }\n',  # `isdigit` said yes, int() said no
        'standard С "с" { practice_share_min ٣% }\n',  # a digit of another script
        f'standard С "с" {{ weekly_load {HUGE} }}\n',  # past Python's 4,300-digit limit
        f'program П "п" {{ target {HUGE}y }}\n',
        f'competency ПК-{HUGE} "к"\ncompetency ПК-1 "к"\nprogram П "п" {{ general ПК-1 .. ПК-{HUGE} }}\n',
        f'activity ВД-{HUGE} "в"\n',
        'use "' + "а" * 300 + '.comp"\n',  # a name the file system refuses
    ],
)
def test_bad_numbers_and_names_are_diagnostics_not_crashes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str
) -> None:
    code, out = _check(tmp_path, capsys, text)
    assert code in (0, 1), out
    assert "internal error" not in out
    assert len(max(out.splitlines(), key=len)) < 6000  # a huge value is shown in part in the message


def test_control_characters_in_titles_never_reach_the_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = _check(tmp_path, capsys, 'competency ПК-1.1 "\x1b]0;pwned\x07т\x0bк"\n')
    assert code == 1 and "C023" in out
    assert not any(ch in out for ch in "\x1b\x07\x0b")
    assert "␛" in out  # shown as a picture, in the same column


def test_documents_of_hostile_codes_and_titles(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from openpyxl import load_workbook

    module = "М" + "1" * 200  # a legal code, too long for a file name
    (tmp_path / "constructor.toml").write_text("")
    path = tmp_path / "p.comp"
    path.write_text(
        'standard С "с" { weekly_load 36 h  term_weeks 17, 23 }\nactivity ВД-1 "в"\n'
        'competency ПК-1.1 "=HYPERLINK(\\"http://example.invalid\\",\\"x\\")" { activity ВД-1  hours theory 10 }\n'
        f'module {module} "@SUM(1)" {{ activity ВД-1  covers ПК-1.1  practice УП.01 educational 10 h '
        "attestation exam }\n"
        f'program П "-2+3" {{ standard С  core {module} }}\n',
        encoding="utf-8",
    )
    out = tmp_path / "out"
    assert main(["render", str(path), "-o", str(out), "--to", "xlsx,md,docx"]) == 0
    names = [p.name for p in out.iterdir()]
    assert all(len(n.encode()) <= 255 for n in names) and len(names) == len(set(names))
    wb = load_workbook(io.BytesIO((out / "plan.xlsx").read_bytes()))
    ws = wb.active
    assert ws is not None
    titles = [c for row in ws.iter_rows(min_row=3) for c in row[:3] if isinstance(c.value, str)]  # «+», index, name
    assert any(c.value.startswith("=HYPERLINK") for c in titles)
    assert all(c.data_type == "s" for c in titles)  # text, never a live formula


def test_devices_fifos_and_links_out_of_the_folder_are_not_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import os

    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.comp").write_text('competency ПК-1 "секретная строка"\n', encoding="utf-8")
    folder = tmp_path / "project"
    folder.mkdir()
    (folder / "ok.comp").write_text('competency ПК-2 "к"\n', encoding="utf-8")
    (folder / "link.comp").symlink_to(outside / "secret.comp")
    os.mkfifo(folder / "fifo.comp")
    (folder / "uses.comp").write_text('use "fifo.comp"\ncompetency ПК-3 "к"\n', encoding="utf-8")
    code = main(["check", "--lang", "en", str(folder)])
    out = capsys.readouterr().out
    assert code == 1
    assert "секретная" not in out and "C105" in out  # the link is named, its content never shown
    assert "C005" in out  # the FIFO is refused, not waited on
    assert main(["check", "--lang", "en", "/dev/zero"]) == 1
    assert "C005" in capsys.readouterr().out


EXAMPLE = Path(__file__).parents[1] / "catalogs" / "examples" / "welding" / "program.comp"


@pytest.mark.parametrize(
    "body",
    [
        '{{ plan.parse_file("/etc/hostname") }}',  # a model's method would read any file
        "{{ plan.items.clear() }}",  # or change what later documents are made from
        "{% set w = {} %}{{ w.update({'a': 1}) }}",
        '{{ "x" * 10**8 }}',  # 100 MB from one expression
        "{% for i in range(100000) %}{% for j in range(100000) %}xxxxxxxxxx{% endfor %}{% endfor %}",
    ],
)
def test_user_templates_get_data_not_code(tmp_path: Path, capsys: pytest.CaptureFixture[str], body: str) -> None:
    mine = tmp_path / "templates"
    mine.mkdir()
    (mine / "sites.html.j2").write_text(body, encoding="utf-8")
    out = tmp_path / "out"
    code = main(["render", "--to", "html,md", "--templates", str(mine), "-o", str(out), str(EXAMPLE)])
    captured = capsys.readouterr()
    assert code == 1 and "C402" in captured.err and not out.exists()
    assert "internal error" not in captured.err and "внутренняя" not in captured.err


def test_a_template_cannot_pull_local_files_or_the_network_into_a_pdf(tmp_path: Path) -> None:
    from constructor.render.documents import pdf

    secret = tmp_path / "secret.txt"
    secret.write_text("СЕКРЕТ-42", encoding="utf-8")
    html = (
        f'<html><head><link rel="stylesheet" href="file://{secret}">'
        f'<link rel="attachment" href="file://{secret}"></head>'
        f'<body><p>документ</p><img src="http://127.0.0.1:9/x.png"><img src="file://{secret}"></body></html>'
    )
    data = pdf(html)
    assert data.startswith(b"%PDF")
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    assert "СЕКРЕТ" not in " ".join(p.extract_text() for p in reader.pages)
    assert not reader.attachments


def test_a_broken_template_is_named_with_its_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A newcomer's typo (`{% endblok %}`) was C402 with jinja2's words and no line."""
    mine = tmp_path / "templates"
    mine.mkdir()
    (mine / "sites.html.j2").write_text("<p>1</p>\n<p>2</p>\n{% if plan %}x{% endblok %}\n", encoding="utf-8")
    code = main(["render", "--to", "html", "--templates", str(mine), "-o", str(tmp_path / "out"), str(EXAMPLE)])
    assert code == 1 and "`sites.html.j2:3`" in capsys.readouterr().err
