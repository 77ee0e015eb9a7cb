"""The cache of whole `check` results: a second check of unchanged files prints exactly what the first
printed, and nothing a file system can change — an edited file, a new file in a checked folder, a
`use` target created or redirected, a damaged entry — makes it print a stale result."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import pytest

from constructor.cli import main
from constructor.resolve import check_cache
from constructor.resolve.check_cache import cached_check

MAIN = 'use "lib.comp"\nmodule М "Модуль" { covers ПК-1.1, ПК-1.2 }\n'
LIB = 'competency ПК-1.1 "Первая" { hours theory 36 }\ncompetency ПК-1.2 "Вторая" { requires ПК-1.9 }\n'


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CONSTRUCTOR_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "p"
    folder.mkdir()
    (folder / "constructor.toml").write_text("")
    (folder / "main.comp").write_text(MAIN, encoding="utf-8")
    (folder / "lib.comp").write_text(LIB, encoding="utf-8")
    return folder


def _printed(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(["check", *args, "--lang", "en"])
    return code, capsys.readouterr().out


def test_a_second_check_prints_the_same_from_the_cache(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for fmt in ("full", "json"):
        first = _printed(capsys, "p/main.comp", "--format", fmt)
        second = _printed(capsys, "p/main.comp", "--format", fmt)
        assert first == second and first[0] == 1 and "ПК-1.9" in first[1]  # the unknown code, with its line
    assert cached_check(["p/main.comp"], None).cached


def test_no_cache_when_told(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cached_check(["p/main.comp"], None)
    monkeypatch.setenv("CONSTRUCTOR_NO_CACHE", "1")
    assert not cached_check(["p/main.comp"], None).cached


def test_an_edited_used_file_is_checked_again(project: Path) -> None:
    assert [d.code for d in cached_check(["p/main.comp"], None).diagnostics] == ["C101"]
    (project / "lib.comp").write_text(LIB.replace("ПК-1.9", "ПК-1.1"), encoding="utf-8")
    report = cached_check(["p/main.comp"], None)
    assert not report.cached and report.diagnostics == []
    assert cached_check(["p/main.comp"], None).cached


def test_a_new_file_in_a_checked_folder_is_checked(project: Path) -> None:
    assert cached_check(["p"], None).files == 2
    (project / "more.comp").write_text('competency ПК-2.1 "Ещё" { hours theory 2 }\n', encoding="utf-8")
    report = cached_check(["p"], None)
    assert not report.cached and report.files == 3 and report.counts["competency"] == 3


def test_a_missing_use_target_is_never_cached_and_a_redirected_one_misses(project: Path) -> None:
    (project / "main.comp").write_text(MAIN.replace("lib.comp", "later.comp"), encoding="utf-8")
    assert [d.code for d in cached_check(["p/main.comp"], None).diagnostics] == ["C104"]  # its codes: follow-ons
    (project / "later.comp").write_text(LIB, encoding="utf-8")  # the file appears: no stale C104
    assert [d.code for d in cached_check(["p/main.comp"], None).diagnostics] == ["C101"]
    assert cached_check(["p/main.comp"], None).cached
    (project / "later.comp").unlink()  # now a link to another text
    (project / "other.comp").write_text(LIB.replace("ПК-1.9", "ПК-1.1"), encoding="utf-8")
    (project / "later.comp").symlink_to(project / "other.comp")
    report = cached_check(["p/main.comp"], None)
    assert not report.cached and report.diagnostics == []


def test_a_damaged_entry_is_removed_and_the_check_runs(project: Path) -> None:
    cached_check(["p/main.comp"], None)
    (entry,) = [p for p in check_cache.folder().glob("*/*") if p.is_file()]
    for damage in (b"garbage", pickle.dumps(("not", "an entry")), b""):
        entry.write_bytes(damage)
        report = cached_check(["p/main.comp"], None)
        assert not report.cached and [d.code for d in report.diagnostics] == ["C101"]


def test_a_file_edited_or_added_while_a_check_runs_is_checked_again(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What is stored is what the check read: an edit (or a new file in the folder) that lands while
    it runs makes the next run miss, not repeat the result of the old text."""
    import constructor.api

    real = constructor.api.check

    def check_then_edit(*args: object, **kwargs: object) -> object:
        result = real(*args, **kwargs)  # type: ignore[arg-type]
        (project / "lib.comp").write_text(LIB.replace("ПК-1.9", "ПК-1.1"), encoding="utf-8")
        (project / "more.comp").write_text('competency ПК-2.1 "Ещё" { requires ПК-404 }\n', encoding="utf-8")
        return result

    monkeypatch.setattr(constructor.api, "check", check_then_edit)
    assert [d.code for d in cached_check(["p"], None).diagnostics] == ["C101"]  # ПК-1.9, as read
    monkeypatch.setattr(constructor.api, "check", real)
    report = cached_check(["p"], None)
    assert (
        not report.cached and report.files == 3 and [d.message.args["code"] for d in report.diagnostics] == ["ПК-404"]
    )


def test_a_fifo_or_a_device_planted_as_an_entry_is_not_waited_on(project: Path) -> None:
    cached_check(["p/main.comp"], None)
    (entry,) = [p for p in check_cache.folder().glob("*/*") if p.is_file()]
    entry.unlink()
    os.mkfifo(entry)
    assert not cached_check(["p/main.comp"], None).cached  # returns: the check runs again
    entry.unlink()
    entry.symlink_to("/dev/zero")
    assert not cached_check(["p/main.comp"], None).cached
