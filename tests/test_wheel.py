"""The package as a user installs it: a wheel in a fresh venv, used from another folder."""

from __future__ import annotations

import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]


@pytest.mark.slow
def test_wheel_installs_and_checks_the_shipped_catalogs(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(dist), str(ROOT)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    (wheel,) = dist.glob("constructor-*.whl")
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=False)
    py = env_dir / "bin" / "python"
    site = Path(
        subprocess.run(
            [str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
    )
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(py), "install", "--no-deps", "--quiet", str(wheel)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    # The dependencies come from the test environment (no network needed), after the venv's own
    # site-packages, and only after the install (or pip would see constructor installed already).
    (site / "test-deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    script = env_dir / "bin" / "constructor"
    where = subprocess.run([str(script), "catalogs"], cwd=elsewhere, capture_output=True, text=True, timeout=60)
    assert where.returncode == 0, where.stderr
    folder = Path(where.stdout.splitlines()[0])
    assert str(folder).startswith(str(env_dir)), "catalogs must come from the installed package"
    assert "examples/welding/program.comp" in where.stdout
    proc = subprocess.run(
        [str(script), "check", "--lang", "en", str(folder)], cwd=elsewhere, capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    # one warning: the welding example follows 22.02.06 (2014), which 15.02.19 superseded (C335)
    assert "No errors, warnings: 1." in proc.stdout and "programs: 3" in proc.stdout and "C335" in proc.stdout


def test_a_source_tree_finds_its_shipped_data_without_copies(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`pip install -e .` maps only `src/`: the grammar, catalogs and templates are then found at the
    repository's top, next to `src/` (constructor/shipped.py)."""
    from importlib import resources

    from constructor import shipped as module

    module.shipped.cache_clear()
    monkeypatch.setattr(resources, "files", lambda _: tmp_path / "nowhere")
    try:
        root = Path(module.__file__).resolve().parents[2]
        found = {name: module.shipped(name) for name in ("grammars", "catalogs", "templates")}
        if (root / "grammars").is_dir():  # a source tree (not the installed package the CI tests)
            assert found == {name: root / name for name in found}
        else:
            assert all(not p.is_dir() for p in found.values())
    finally:
        module.shipped.cache_clear()
