"""Benchmark of the persistent caches: `constructor check` of a generated catalog (bench/parse.py's
generator) without any cache, with empty caches (they are filled), with a warm parse cache only (the
file changed elsewhere: the check result cannot be reused, the parses can), and with both warm (nothing
changed: the stored check result), each in a fresh process, best of `--repeat`. Prints the times and
the ratios to the run without the cache (issue 18's goal: warm ≤ 0.1×).

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
    print(
        f"{'N':>8} | {'no cache s':>10} | {'filling s':>10} | {'parse warm s':>12} | {'warm s':>8} | "
        f"{'filling/no':>10} | {'parse warm/no':>13} | {'warm/no':>8}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        for n in (int(s) for s in args.sizes.split(",")):
            folder = Path(tmp) / str(n)
            folder.mkdir()
            (folder / "constructor.toml").write_text("")
            path = folder / "catalog.comp"
            path.write_text(generate(n), encoding="utf-8")
            cache = Path(tmp) / f"cache-{n}"
            env = {"CONSTRUCTOR_CACHE_DIR": str(cache)}
            _check(path, env)  # the grammar's own cache built first
            plain = min(_check(path, {**env, "CONSTRUCTOR_NO_CACHE": "1"}) for _ in range(args.repeat))
            filling, parse_warm = [], []
            for _ in range(args.repeat):
                for kind in ("parse", "check"):
                    shutil.rmtree(cache / "constructor" / kind, ignore_errors=True)
                filling.append(_check(path, env))
            for _ in range(args.repeat):
                shutil.rmtree(cache / "constructor" / "check", ignore_errors=True)
                parse_warm.append(_check(path, env))
            warm = min(_check(path, env) for _ in range(args.repeat))
            fill, parsed = min(filling), min(parse_warm)
            print(
                f"{n:>8,} | {plain:>10.2f} | {fill:>10.2f} | {parsed:>12.2f} | {warm:>8.2f} | "
                f"{fill / plain:>9.2f}x | {parsed / plain:>12.2f}x | {warm / plain:>7.2f}x"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
