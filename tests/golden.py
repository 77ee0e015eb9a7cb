"""Golden files: compare, or rewrite with `pytest --update-golden` (then review the diff by eye)."""

from __future__ import annotations

from pathlib import Path


def assert_golden(actual: str, path: Path, update: bool) -> None:
    if update or not path.exists():
        path.write_text(actual, encoding="utf-8")
        if not update:
            raise AssertionError(f"golden file {path} was missing and has been written; review it")
        return
    expected = path.read_text(encoding="utf-8")
    assert actual == expected, f"output differs from {path}; run pytest --update-golden and review the diff"
