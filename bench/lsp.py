"""Benchmark of the language server's re-check after an edit.

    python bench/lsp.py

A 10,000-competency catalog (the generator of bench/parse.py) and a 200-competency file that `use`s
it and refers to it are opened, as an editor would; then the small file is edited (a title changed)
and its diagnostics recomputed, as the server does after each (debounced) change. Measured: the first
check (everything parsed) and the re-check after an edit (only the edited file re-parsed; the catalog
comes from the cache by content hash), against parsing the 200-competency file alone in the same run.
"""

from __future__ import annotations

import datetime
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from constructor.api import gc_paused
from constructor.lsp.workspace import Workspace
from constructor.syntax import parse_text
from parse import competency_code, generate


def small_file(n: int, edit: int) -> str:
    lines = ['use "catalog.comp"', ""]
    for i in range(n):
        needs = ", ".join(competency_code(j) for j in (i * 37 % 9000, i * 53 % 9000 + 1))
        lines.append(f'competency ЛК-{i} "Локальная компетенция {i} правка {edit}" {{')
        lines.append(f"  hours theory 24, practice 48\n  requires {needs}\n}}")
    return "\n".join(lines) + "\n"


def main() -> int:
    print(f"constructor LSP benchmark — {datetime.date.today()}; Python {platform.python_version()}")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "constructor.toml").write_text("")
        (root / "catalog.comp").write_text(generate(10_000), encoding="utf-8")
        main_path = (root / "main.comp").resolve()
        os.environ["CONSTRUCTOR_CACHE_DIR"] = str(root / "cache")  # an empty persistent cache
        ws = Workspace(root)
        ws.open[main_path] = small_file(200, 0)
        start = time.perf_counter()
        first = ws.scope(main_path)
        cold = time.perf_counter() - start
        assert not [d for d in first.diagnostics if d.is_error], first.diagnostics[:3]
        again = Workspace(root)  # the next editor session: the catalog comes from the persistent cache
        again.open[main_path] = small_file(200, 0)
        start = time.perf_counter()
        again.scope(main_path)
        warm = time.perf_counter() - start
        times = []
        for edit in range(1, 6):
            ws.open[main_path] = small_file(200, edit)
            start = time.perf_counter()
            ws.scope(main_path)
            times.append(time.perf_counter() - start)
        start = time.perf_counter()
        with gc_paused():  # as the server parses (with the collector on, it ran over the 10k catalog's heap)
            parse_text(small_file(200, 9), "main.comp")
        alone = time.perf_counter() - start
    print(f"first check (all parsed): {cold:.3f} s")
    print(f"first check of the next session (parse cache warm): {warm:.3f} s ({warm / cold:.2f}× the cold one)")
    print(
        f"re-check after an edit: median {statistics.median(times):.3f} s, max {max(times):.3f} s ({len(times)} edits)"
    )
    print(
        f"parsing the edited 200-competency file alone: {alone:.3f} s "
        f"(re-check / parse = {statistics.median(times) / alone:.1f}×)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
