"""Reading files: bytes that are not UTF-8 text, files too large, folders; nothing is ever raised."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import constructor
from constructor.resolve import loader


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
