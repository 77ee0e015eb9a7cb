"""Writing files: modes, links, changes underneath, folders locked, nothing half-written (output.py)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from constructor.cli import main
from constructor.output import LOCK_NAME, OutputError, _locked, write_file, write_set

MESSY = 'competency  ПК-1.1   "к"   {  hours theory 10 }\n'


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_new_files_follow_the_umask_and_existing_ones_keep_their_mode(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        write_file(tmp_path / "new.txt", b"x")
        assert _mode(tmp_path / "new.txt") == 0o644
        kept = tmp_path / "kept.comp"
        kept.write_text(MESSY, encoding="utf-8")
        kept.chmod(0o664)
        assert main(["fmt", str(kept)]) == 0
        assert _mode(kept) == 0o664 and kept.read_text(encoding="utf-8") != MESSY
    finally:
        os.umask(old)


def test_fmt_writes_through_a_link_and_keeps_hard_links(tmp_path: Path) -> None:
    target = tmp_path / "real.comp"
    target.write_text(MESSY, encoding="utf-8")
    link = tmp_path / "link.comp"
    link.symlink_to(target)
    assert main(["fmt", str(link)]) == 0
    assert link.is_symlink() and target.read_text(encoding="utf-8") != MESSY
    hard = tmp_path / "hard.comp"
    other = tmp_path / "other-name.comp"
    hard.write_text(MESSY, encoding="utf-8")
    os.link(hard, other)
    assert main(["fmt", str(hard)]) == 0
    assert os.path.samefile(hard, other) and other.read_text(encoding="utf-8") != MESSY


def test_a_file_changed_since_it_was_read_is_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "p.comp"
    path.write_text("one", encoding="utf-8")
    with pytest.raises(OutputError) as e:
        write_file(path, b"two", expect=b"something else")
    assert e.value.kind == "changed" and path.read_text(encoding="utf-8") == "one"


def test_write_errors_exit_2_with_a_message(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    example = Path(__file__).parents[1] / "catalogs" / "examples" / "welding" / "program.comp"
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    assert main(["compact", str(example), "--format", "json", "-o", str(tmp_path / "missing" / "p.json")]) == 2
    assert main(["render", "--to", "md", "-o", str(blocker), str(example)]) == 2
    err = capsys.readouterr().err
    assert "internal" not in err and "внутренняя" not in err and "p.json" in err


def test_a_set_of_documents_appears_whole_or_not_at_all(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_set(out, {"a.html": b"a", "b.html": b"b"})
    assert sorted(p.name for p in out.iterdir()) == ["a.html", "b.html"]
    with pytest.raises(OutputError):
        write_set(out, {"c.html": b"c", "sub/d.html": b"d"})  # the second cannot be written
    assert sorted(p.name for p in out.iterdir()) == ["a.html", "b.html"]  # no c.html, no temporaries


def test_two_renders_into_one_folder_are_refused(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    with _locked(out), pytest.raises(OutputError) as e:
        write_set(out, {"a.html": b"a"})
    assert e.value.kind == "busy" and not (out / "a.html").exists()
    assert not (out / LOCK_NAME).exists()
