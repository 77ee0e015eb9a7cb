"""Reading files: bytes that are not UTF-8 text, files too large, folders; nothing is ever raised."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import constructor
from constructor.cli import main
from constructor.resolve import loader

ROOT = Path(__file__).resolve().parents[1]


@given(st.binary(max_size=400))
def test_arbitrary_bytes_give_text_or_a_diagnostic(data: bytes) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "x.comp"
        path.write_bytes(data)
        result = constructor.check([path])
        if b"\x00" in data:
            assert [d.code for d in result.diagnostics] == ["C003"]
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            assert "C002" in [d.code for d in result.diagnostics] or b"\x00" in data


def test_file_too_large(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(loader, "MAX_FILE_BYTES", 1024)
    path = tmp_path / "big.comp"
    path.write_text('competency К "т"\n' * 200, encoding="utf-8")
    result = constructor.check([path])
    assert [d.code for d in result.diagnostics] == ["C004"]
    assert result.exit_code == 1
    assert result.diagnostics[0].message.text("en") == "the file is too large: 0.0 MB, the limit is 0 MB"


def test_utf8_bom_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.comp"
    path.write_bytes('\ufeffcompetency ОК-01 "т"'.encode())
    result = constructor.check([path])
    assert result.errors == 0 and result.catalog.get("ОК-01") is not None


def test_import_cycles_load_each_file_once(tmp_path: Path) -> None:
    (tmp_path / "a.comp").write_text('use "b.comp"\ncompetency А "т" { requires Б }', encoding="utf-8")
    (tmp_path / "b.comp").write_text('use "a.comp"\ncompetency Б "т"', encoding="utf-8")
    result = constructor.check([tmp_path / "a.comp", tmp_path])
    assert result.errors == 0
    assert sorted(len(f.declarations) for f in result.catalog.files) == [1, 1]


def test_folders_are_walked_and_files_sorted(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.comp").write_text('competency Б "т"', encoding="utf-8")
    (tmp_path / "a.comp").write_text('competency А "т"', encoding="utf-8")
    (tmp_path / "dir.comp").mkdir()  # a folder named like a file is not a file to check
    result = constructor.check([tmp_path])
    assert [Path(f.path).name for f in result.catalog.files] == ["a.comp", "b.comp"]
    assert result.diagnostics == []


def test_files_that_do_not_use_each_other_may_share_codes(tmp_path: Path) -> None:
    (tmp_path / "a.comp").write_text('competency ПК-1.1 "сварка"', encoding="utf-8")
    (tmp_path / "b.comp").write_text('competency ПК-1.1 "программирование"', encoding="utf-8")
    assert constructor.check([tmp_path]).errors == 0
    (tmp_path / "c.comp").write_text('use "a.comp"\nuse "b.comp"', encoding="utf-8")
    assert [d.code for d in constructor.check([tmp_path]).diagnostics] == ["C102"]


def test_a_use_of_a_link_loop_is_a_file_not_found_not_an_internal_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`ln -s loop.comp loop.comp` and `use "loop.comp"`: Python 3.11's `resolve()` raises RuntimeError,
    which every command turned into exit 3 (a tester's find). Now the file cannot be read, as any."""
    (tmp_path / "constructor.toml").write_text("")
    (tmp_path / "loop.comp").symlink_to("loop.comp")
    (tmp_path / "main.comp").write_text('use "loop.comp"\ncompetency ПК-9.1 "x"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    for args in (["check", "main.comp"], ["compact", "main.comp"], ["graph", "main.comp"], ["check", "."]):
        assert main([*args, "--lang", "en"]) == 1, args
        said = capsys.readouterr()
        assert ("C104" in said.out + said.err or args[-1] == ".") and "internal error" not in said.err
    for args in (["fmt", "loop.comp"], ["check", "loop.comp"], ["metrics", "loop.comp"]):
        assert main([*args, "--lang", "en"]) in (1, 2), args
        assert "internal error" not in capsys.readouterr().err


def test_output_onto_a_pipe_or_a_device_is_refused_and_it_is_left_as_it_was(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`-o` onto a FIFO (or `/dev/full`) replaced it by a regular file and said nothing (a tester's
    find): now exit 2, and the pipe is still a pipe."""
    import os
    import stat

    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    example = str(ROOT / "catalogs" / "examples" / "welding" / "program.comp")
    assert main(["graph", example, "-o", str(fifo), "--lang", "en"]) == 2
    assert "not a regular file" in capsys.readouterr().err
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_init_does_not_write_through_a_dangling_link(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A dangling `program.comp` link pointing out of the project was followed: init wrote the starter
    there and exited 0 (a tester's find). A link is taken, dangling or not."""
    outside = tmp_path / "outside-target"
    project = tmp_path / "m"
    project.mkdir()
    (project / "program.comp").symlink_to(outside)
    assert main(["init", str(project), "--standard", "22.02.06", "--lang", "en"]) == 2
    assert not outside.exists() and "program.comp" in capsys.readouterr().err
