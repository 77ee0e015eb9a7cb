"""Benchmark of the persistent parse cache: `constructor check` of a generated catalog (bench/parse.py's
generator) without the cache, with an empty cache (it is filled), and with a warm one, each in a fresh
process, best of `--repeat`. Prints the times and the ratios to the run without the cache.

    python bench/cache.py [--sizes 1000,10000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from parse import generate


def _check(path: Path, env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "constructor", "check", "--format", "concise", str(path)],
        env={**os.environ, **env},
        stdout=subprocess.DEVNULL,
        check=False,
    )
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,10000")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    print(f"{'N':>8} | {'no cache s':>10} | {'filling s':>10} | {'warm s':>8} | {'filling/no':>10} | {'warm/no':>8}")
    with tempfile.TemporaryDirectory() as tmp:
        for n in (int(s) for s in args.sizes.split(",")):
            folder = Path(tmp) / str(n)
            folder.mkdir()
            (folder / "constructor.toml").write_text("")
            path = folder / "catalog.comp"
            path.write_text(generate(n), encoding="utf-8")
            cache = Path(tmp) / f"cache-{n}"
            _check(path, {"CONSTRUCTOR_CACHE_DIR": str(cache)})  # the grammar's own cache built first
            plain = min(
                _check(path, {"CONSTRUCTOR_NO_CACHE": "1", "CONSTRUCTOR_CACHE_DIR": str(cache)})
                for _ in range(args.repeat)
            )
            filling = []
            for _ in range(args.repeat):
                shutil.rmtree(cache / "constructor" / "parse", ignore_errors=True)
                filling.append(_check(path, {"CONSTRUCTOR_CACHE_DIR": str(cache)}))
            warm = min(_check(path, {"CONSTRUCTOR_CACHE_DIR": str(cache)}) for _ in range(args.repeat))
            fill = min(filling)
            print(
                f"{n:>8,} | {plain:>10.2f} | {fill:>10.2f} | {warm:>8.2f} | "
                f"{fill / plain:>9.2f}x | {warm / plain:>7.2f}x"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
