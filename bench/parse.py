"""Benchmark of parse + resolve (`constructor.load`) on generated catalogs of 1k, 10k and 100k competencies.

    python bench/parse.py [--sizes 1000,10000,100000] [--repeat N] [--keep DIR]

For each size a catalog is generated deterministically (a seeded `random.Random`): an `activity` per
100 competencies, a few `outcome`s per activity that `knows`/`can` refer to by code, and competencies
with hours, 0–3 prerequisites on earlier codes (so the graph is acyclic) written with `,`, `and`, `or`
and parentheses, and `knows`/`can` texts in Cyrillic. It is written as one `catalog.comp` with an
empty `constructor.toml` beside it, in a temporary folder (or under `--keep DIR`, which is kept).
The texts are kept short enough (about 315 bytes a competency, titles of 25–120 characters) that the
100k catalog, 30 MiB, stays under the loader's 32 MiB file limit (`MAX_FILE_BYTES`); the competency
blocks of the real 22.02.06 catalog average 380 bytes, which would make 100k of them 36 MiB, over it.

Measured per size:
  load      `constructor.load([file])` — read, parse, build the models, resolve every code — wall time,
            best of `--repeat` (default 3 up to 10k competencies, 1 above), each in a fresh process
            whose grammar is already built (its build time is shown apart), and checked for 0 errors;
  regex     a pure regex tokenizer over the same text (one compiled alternation of strings, words,
            comments, punctuation and whitespace, iterated with `finditer` and counted): the floor any
            Python-level tokenizer would stand on;
  lark      lark alone on the same text: the grammar, lexer and post-lexer of a load with every rule
            reduced to nothing (no tree, no models, no spans), once — the floor of a load while the
            grammar stays lark LALR (issue 18 keeps it so);
  peak RSS  `ru_maxrss` of the process that did one load, so it is per size (it includes the
            interpreter and the imports: the line under the table gives that baseline).

Every measurement runs in a child process (this script in `--prepare`/`--child` mode). The parent never
holds a catalog: on Linux a child started with vfork/exec inherits its parent's peak RSS as its own
`ru_maxrss`, so a parent that had generated the 100k catalog would inflate every figure after it.

To profile one load (the catalog kept with `--keep`):
    python bench/parse.py --sizes 10000 --keep /tmp/cb
    python -m cProfile -s cumtime bench/parse.py --child /tmp/cb/10000/catalog.comp | head -60
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import importlib.metadata
import importlib.util
import json
import os
import platform
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

DEFAULT_SIZES = (1_000, 10_000, 100_000)
PER_ACTIVITY = 100  # competencies per `activity`
KNOWLEDGE_PER_ACTIVITY = 6  # `outcome З-…` declarations per activity
SKILLS_PER_ACTIVITY = 4  # `outcome У-…` declarations per activity
PREREQ_WINDOW = 250  # prerequisites are drawn from this many preceding competencies
SEED = 20_240_601
MARKER = "BENCH-RESULT "  # prefixes the one JSON line a child prints

# ---------------------------------------------------------------- vocabulary of the generated texts

_VERBS = (
    "Выполнять", "Осуществлять", "Разрабатывать", "Организовывать", "Контролировать", "Обеспечивать",
    "Проектировать", "Выбирать", "Применять", "Оформлять", "Планировать", "Анализировать", "Обслуживать",
    "Проводить", "Настраивать", "Рассчитывать", "Подготавливать", "Диагностировать",
)  # fmt: skip
_OBJECTS = (
    "технологические процессы сварки", "монтаж и наладку оборудования", "техническую документацию",
    "контроль качества работ", "производственные работы на участке", "расчёт и конструирование узлов",
    "программное обеспечение систем", "обслуживание электрооборудования", "испытания изделий",
    "ремонт деталей машин", "учёт расхода материалов", "проектирование оснастки",
    "модели информационных систем", "мероприятия по охране труда", "подготовку производства",
    "приёмку и хранение материалов",
)  # fmt: skip
_CIRCUMSTANCES = (
    "с заданными свойствами", "по нормативной документации", "на производственном участке",
    "с применением ИКТ", "с учётом требований безопасности", "в составе рабочей группы",
    "по технологической карте", "для обеспечения качества продукции",
)  # fmt: skip
_KNOWS = (
    "основы", "методы расчёта", "виды", "устройство", "порядок наладки", "классификацию", "требования к качеству",
    "назначение",
)  # fmt: skip
_KNOWS_OF = (
    "сварных швов", "оборудования", "приборов", "материалов", "систем", "узлов", "электроприводов", "инструмента",
)  # fmt: skip
_CAN = (
    "читать чертежи", "выбирать режимы", "настраивать станки", "выявлять дефекты", "вести документацию",
    "рассчитывать нормы", "пользоваться справочниками",
)  # fmt: skip
_CAN_WHAT = ("узлов", "по заданию мастера", "типовых деталей", "на рабочем месте", "по стандартам", "в САПР")


def _title(rng: random.Random) -> str:
    parts = [rng.choice(_VERBS), rng.choice(_OBJECTS)]
    if rng.random() < 0.25:
        parts += ["и", rng.choice(_OBJECTS)]
    if rng.random() < 0.4:
        parts.append(rng.choice(_CIRCUMSTANCES))
    return " ".join(parts)


def _knows_text(rng: random.Random) -> str:
    return f"{rng.choice(_KNOWS)} {rng.choice(_KNOWS_OF)}"


def _can_text(rng: random.Random) -> str:
    return f"{rng.choice(_CAN)} {rng.choice(_CAN_WHAT)}"


def _quoted(items: Sequence[str]) -> str:
    return ", ".join(f'"{s}"' for s in items)


# ---------------------------------------------------------------- the catalog


def competency_code(i: int) -> str:
    """The code of the `i`-th competency (from 0): `ПК-<activity>.<number in it>`."""
    return f"ПК-{i // PER_ACTIVITY + 1}.{i % PER_ACTIVITY + 1}"


def _requires(rng: random.Random, i: int) -> str | None:
    """0–3 earlier codes joined with `,`, `and`, `or` and parentheses; None for no prerequisites."""
    count = min(i, rng.choices((0, 1, 2, 3), weights=(25, 35, 25, 15))[0])
    if count == 0:
        return None
    a, b, c = [*(competency_code(j) for j in rng.sample(range(max(0, i - PREREQ_WINDOW), i), count)), "", ""][:3]
    if count == 1:
        return a
    if count == 2:
        return rng.choice((f"{a}, {b}", f"{a} and {b}", f"{a} or {b}"))
    return rng.choice(
        (f"{a}, {b}, {c}", f"{a} and ({b} or {c})", f"{a}, {b} or {c}", f"({a} or {b}) and {c}", f"{a} and {b}, {c}")
    )


def generate(n: int, seed: int = SEED) -> str:
    """The text of a catalog with `n` competencies; the same `n` and seed give the same text."""
    rng = random.Random(seed + n)
    out: list[str] = [f"# Generated by bench/parse.py: {n} competencies, seed {seed + n}.\n"]
    for i in range(n):
        group = i // PER_ACTIVITY + 1
        if i % PER_ACTIVITY == 0:
            out.append(f'\nactivity ВД-{group} "{_title(rng)}"\n')
            out.extend(
                f'outcome З-{group}.{k} knowledge "{_knows_text(rng)}" {rng.choice((4, 6, 8, 12))} h\n'
                for k in range(1, KNOWLEDGE_PER_ACTIVITY + 1)
            )
            out.extend(
                f'outcome У-{group}.{k} skill "{_can_text(rng)}" {rng.choice((6, 8, 12))} h\n'
                for k in range(1, SKILLS_PER_ACTIVITY + 1)
            )
            out.append("\n")
        lines = [f'competency {competency_code(i)} "{_title(rng)}" {{', f"  activity ВД-{group}"]
        hours = f"  hours theory {rng.choice((12, 24, 36, 48))}, practice {rng.choice((24, 36, 48, 72, 96))}"
        if rng.random() < 0.2:
            hours += f", self_study {rng.choice((6, 12))}"
        lines.append(hours)
        requires = _requires(rng, i)
        if requires:
            lines.append(f"  requires {requires}")
        known = [f"З-{group}.{rng.randint(1, KNOWLEDGE_PER_ACTIVITY)}"] if rng.random() < 0.6 else []
        texts = (rng.random() < 0.3) if known else 1 + (rng.random() < 0.25)
        known += [f'"{_knows_text(rng)}"' for _ in range(texts)]
        lines.append(f"  knows {', '.join(known)}")
        if rng.random() < 0.5:
            lines.append(f"  can У-{group}.{rng.randint(1, SKILLS_PER_ACTIVITY)}")
        else:
            lines.append(f"  can {_quoted([_can_text(rng)])}")
        lines.append("}\n")
        out.append("\n".join(lines) + "\n")
    return "".join(out)


# ---------------------------------------------------------------- the regex baseline

TOKEN = re.compile(
    r"""
      (?P<STRING>"(?:[^"\\\n]|\\.)*")
    | (?P<COMMENT>\#[^\n]*)
    | (?P<WORD>\w+(?:[.\-]\w+)*)
    | (?P<PUNCT>\.\.|[{}(),%])
    | (?P<WS>\s+)
    | (?P<OTHER>.)
    """,
    re.VERBOSE,
)


def regex_tokens(text: str) -> int:
    """How many tokens (whitespace and comments included) the alternation finds in `text`."""
    count = 0
    for _ in TOKEN.finditer(text):
        count += 1
    return count


# ---------------------------------------------------------------- child processes


def _peak_rss_mib() -> float:
    """This process's peak resident set size (`ru_maxrss`: KiB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 2**10


def _report(result: dict[str, Any]) -> None:
    print(MARKER + json.dumps(result, ensure_ascii=False), flush=True)


def prepare(n: int, folder: Path, repeat: int) -> None:
    """Write the catalog of `n` competencies into `folder` and time the regex tokenizer over it."""
    from constructor.resolve.loader import MAX_FILE_BYTES

    started = time.perf_counter()
    text = generate(n)
    generated = time.perf_counter() - started
    data = text.encode("utf-8")
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "catalog.comp").write_bytes(data)
    (folder / "constructor.toml").write_bytes(b"")
    best, tokens = float("inf"), 0
    for _ in range(repeat):
        started = time.perf_counter()
        tokens = regex_tokens(text)
        best = min(best, time.perf_counter() - started)
    lark_s = lark_alone(text)
    _report({
        "bytes": len(data), "limit": MAX_FILE_BYTES, "generate_s": generated, "regex_s": best, "tokens": tokens,
        "lark_s": lark_s,
    })  # fmt: skip


def lark_alone(text: str) -> float:
    """lark's part of a load, alone: the same grammar, lexer and post-lexer, each rule reduced to nothing
    (no tree, no model, no spans). A load cannot be faster than this while the grammar stays lark LALR,
    so `lark / regex` is the floor of issue 18's `load / regex` goal (≤ 15×)."""
    from lark import Lark, Transformer, Tree

    from constructor.syntax.grammar import _AlwaysWord, grammar_text

    class Nothing(Transformer[Any, Tree[Any]]):
        def __default__(self, data: Any, children: Any, meta: Any) -> Tree[Any]:
            return Tree("", [])  # empty, and a new one each time: lark extends an inlined rule's `children`

    lark = Lark(
        grammar_text(), parser="lalr", lexer="contextual", keep_all_tokens=True, maybe_placeholders=False,
        postlex=_AlwaysWord(), transformer=Nothing(),
    )  # fmt: skip
    started = time.perf_counter()
    lark.parse(text)
    return time.perf_counter() - started


def child(path: Path) -> None:
    """Load `path` once (the grammar built beforehand) and report the time, the errors and the peak RSS."""
    import constructor
    from constructor.diagnostics import render_concise
    from constructor.model import Competency
    from constructor.syntax.grammar import parser

    started = time.perf_counter()
    parser()
    constructor.parse('activity ВД-1 "разогрев"', "<warm-up>")
    grammar_s = time.perf_counter() - started
    base_rss = _peak_rss_mib()

    started = time.perf_counter()
    result = constructor.load([path])
    load_s = time.perf_counter() - started
    peak_rss = _peak_rss_mib()

    competencies = sum(isinstance(d, Competency) for f in result.catalog.files for d in f.all_declarations())
    errors = [render_concise(d, "en") for d in result.diagnostics if d.is_error]
    _report({
        "load_s": load_s, "grammar_s": grammar_s, "errors": result.errors, "warnings": result.warnings,
        "first_errors": errors[:5], "competencies": competencies, "base_rss_mib": base_rss,
        "peak_rss_mib": peak_rss,
    })  # fmt: skip


def _run_child(args: Sequence[str]) -> dict[str, Any]:
    done = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True, encoding="utf-8")
    for line in reversed(done.stdout.splitlines()):
        if line.startswith(MARKER):
            result: dict[str, Any] = json.loads(line[len(MARKER) :])
            return result
    sys.stderr.write(done.stdout + done.stderr)
    raise SystemExit(f"!!! bench child {' '.join(args)} failed with exit code {done.returncode}")


# ---------------------------------------------------------------- the parent


def _sizes(value: str) -> list[int]:
    try:
        sizes = [int(s.replace("_", "")) for s in value.split(",") if s.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a comma-separated list of numbers: {value!r}") from None
    if not sizes or min(sizes) < 1:
        raise argparse.ArgumentTypeError("sizes must be positive")
    return sizes


def _loud(message: str) -> None:
    bar = "!" * 100
    print(f"\n{bar}\n!!! {message}\n{bar}\n", flush=True)


def _provenance() -> str:
    """Which constructor is measured: its version, where it is installed, a hash of its sources, and the
    commit of the checkout holding this script (with `+dirty` for uncommitted changes). Nothing is imported."""
    spec = importlib.util.find_spec("constructor")
    if spec is None or not spec.submodule_search_locations:
        return "constructor is not installed"
    package = Path(next(iter(spec.submodule_search_locations)))
    digest = hashlib.sha256()
    for file in sorted(package.rglob("*")):
        if file.is_file() and file.suffix in {".py", ".lark"}:
            digest.update(file.relative_to(package).as_posix().encode() + b"\0" + file.read_bytes())
    checkout = Path(__file__).resolve().parent.parent
    try:
        git = ["git", "-C", str(checkout)]
        head = subprocess.run([*git, "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=True)
        dirty = subprocess.run([*git, "status", "--porcelain", "--untracked-files=no"], capture_output=True, text=True)
        commit = head.stdout.strip() + ("+dirty" if dirty.stdout.strip() else "")
    except (OSError, subprocess.CalledProcessError):
        commit = "unknown"
    version = importlib.metadata.version("constructor")
    return f"constructor {version} from {package} (sources sha256 {digest.hexdigest()[:12]}; checkout {commit})"


def bench(sizes: Sequence[int], repeat: int | None, keep: Path | None) -> int:
    """Run every measurement and print the table; 1 if any load had errors, else 0."""
    print(f"constructor parse+resolve benchmark — {datetime.date.today().isoformat()}")
    print(_provenance())
    print(f"Python {platform.python_version()} ({platform.python_implementation()}) on {platform.platform()}")
    print(f"os.cpu_count() = {os.cpu_count()}   (each load runs alone, single-threaded, in a fresh process)\n")
    failed = False
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="constructor-bench-") as tmp:
        root = keep if keep is not None else Path(tmp)
        for n in sizes:
            times = repeat if repeat is not None else (3 if n <= 10_000 else 1)
            folder = root / str(n)
            prep = _run_child(["--prepare", str(n), "--dir", str(folder), "--repeat", str(times)])
            if prep["bytes"] > prep["limit"]:
                _loud(f"{n}: the catalog is {prep['bytes']} bytes, over the loader's limit of {prep['limit']}")
            loads = [_run_child(["--child", str(folder / "catalog.comp")]) for _ in range(times)]
            best = min(loads, key=lambda r: r["load_s"])
            for load in loads:
                if load["errors"] or load["competencies"] != n:
                    failed = True
                    _loud(f"{n}: load gave {load['errors']} errors, {load['competencies']} competencies (want 0, {n})")
                    for message in load["first_errors"]:
                        print(f"    {message}")
            mib = prep["bytes"] / 2**20
            rows.append({
                "n": n, "mib": mib, "load": best["load_s"], "regex": prep["regex_s"], "tokens": prep["tokens"],
                "lark": prep["lark_s"],
                "grammar": min(r["grammar_s"] for r in loads), "base": min(r["base_rss_mib"] for r in loads),
                "peak": max(r["peak_rss_mib"] for r in loads), "times": times, "errors": best["errors"],
                "warnings": best["warnings"],
            })  # fmt: skip
            print(f"  {n:>7} done: load {best['load_s']:.2f} s (best of {times}), regex {prep['regex_s']:.3f} s")
        if keep is not None:
            print(f"\ncatalogs kept under {keep}")

    header = (
        "N", "file MiB", "load s", "comp/s", "MiB/s", "regex s", "load/regex", "lark s", "lark/regex",
        "peak RSS MiB", "errors",
    )  # fmt: skip
    print("\n" + " | ".join(f"{h:>12}" for h in header))
    print("-+-".join("-" * 12 for _ in header))
    for r in rows:
        cells = (
            f"{r['n']:,}", f"{r['mib']:.2f}", f"{r['load']:.3f}", f"{r['n'] / r['load']:,.0f}",
            f"{r['mib'] / r['load']:.2f}", f"{r['regex']:.3f}", f"{r['load'] / r['regex']:.1f}x",
            f"{r['lark']:.3f}", f"{r['lark'] / r['regex']:.1f}x", f"{r['peak']:.0f}", str(r["errors"]),
        )  # fmt: skip
        print(" | ".join(f"{c:>12}" for c in cells))
    print()
    for r in rows:
        print(
            f"  {r['n']:>7}: {r['tokens']:,} regex tokens; best of {r['times']} load(s); grammar build "
            f"{r['grammar']:.2f} s (not in load s); RSS before the load {r['base']:.0f} MiB; {r['warnings']} warnings"
        )
    print(f"\nparent peak RSS {_peak_rss_mib():.0f} MiB (child figures are meaningful only above it)")
    if failed:
        _loud("SOME LOADS HAD ERRORS OR LOST COMPETENCIES: the timings above are not of a clean catalog")
    return 1 if failed else 0


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=_sizes, default=list(DEFAULT_SIZES), help="competencies per catalog")
    ap.add_argument("--repeat", type=int, default=None, help="loads per size (default 3 up to 10k, else 1)")
    ap.add_argument("--keep", type=Path, default=None, help="write the catalogs under this folder and keep them")
    ap.add_argument("--child", type=Path, default=None, help=argparse.SUPPRESS)  # load this file once, report
    ap.add_argument("--prepare", type=int, default=None, help=argparse.SUPPRESS)  # write a catalog, time the regex
    ap.add_argument("--dir", type=Path, default=None, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.repeat is not None and args.repeat < 1:
        ap.error("--repeat must be at least 1")
    if args.child is not None:
        child(args.child)
        return 0
    if args.prepare is not None:
        prepare(args.prepare, args.dir, args.repeat or 1)
        return 0
    return bench(args.sizes, args.repeat, args.keep)


if __name__ == "__main__":
    sys.exit(main())
