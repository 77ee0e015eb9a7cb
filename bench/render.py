"""Benchmark of the printable documents.

    python bench/render.py [--competencies 1000]

A generated program of N competencies in modules of 20 (each module a course and two practices),
compacted with the heuristic, then rendered: per format the time for the curriculum plan and every
module syllabus; the PDFs by Typst (what `render` uses) against WeasyPrint (a user's own templates,
and the engine before) on the same HTML in the same run — all the documents, and the plan alone
(issue 18: ≤ 10 s at 1,000 competencies). Then `constructor render` of the shipped example, all
formats against `--to html` (issue 18: ≤ 3×), best of `--runs` each.
"""

from __future__ import annotations

import argparse
import datetime
import io
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

from constructor.api import workspace
from constructor.compact import compact
from constructor.render import documents as docs
from constructor.render.syllabus import syllabi


def program(n: int) -> str:
    lines = ['standard С "Стандарт" { weekly_load 36 term_weeks 17, 23 final_attestation 216 h }']
    modules = []
    for m in range(n // 20):
        codes = [f"ПК-{m + 1}.{k + 1}" for k in range(20)]
        for k, code in enumerate(codes):
            req = f" requires {codes[k - 1]}" if k % 4 else ""
            lines.append(
                f'competency {code} "Компетенция {m + 1}.{k + 1}: выполнять работы по профилю модуля" '
                f'{{ hours theory 12, practice 24{req} knows "знание {k}" can "умение {k}" }}'
            )
        lines.append(
            f'module ПМ.{m + 1:02d} "Профессиональный модуль {m + 1}" {{ covers {", ".join(codes)}\n'
            f'  course МДК.{m + 1:02d}.01 "Курс {m + 1}" {{ covers {", ".join(codes)} attestation exam }}\n'
            f"  practice УП.{m + 1:02d} educational 72 h\n  practice ПП.{m + 1:02d} production 108 h\n"
            f"  attestation qualification_exam }}"
        )
        modules.append(f"ПМ.{m + 1:02d}")
    lines.append(f'program П "Программа" {{ standard С core {", ".join(modules)} }}')
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--competencies", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=2, help="runs of the example's render, the best kept")
    args = parser.parse_args()
    print(
        f"constructor render benchmark — {datetime.date.today()}; Python {platform.python_version()}; "
        f"{os.cpu_count()} cores"
    )
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "p.comp"
        path.write_text(program(args.competencies), encoding="utf-8")
        ws = workspace(path)
        plan, _ = compact(ws.programs()[0], ws.table, ws.graph, mode="heuristic")
        assert plan is not None
        ctx = docs.Context(plan, ws.table, "ru")
        env = docs.environment()
        start = time.perf_counter()
        html = docs.html_documents(ctx, env)
        t_html = time.perf_counter() - start
        start = time.perf_counter()
        docs.md_documents(ctx, env)
        t_md = time.perf_counter() - start
        start = time.perf_counter()
        docs.xlsx(ctx)
        t_xlsx = time.perf_counter() - start
        start = time.perf_counter()
        for doc in syllabi(plan, ws.table, "ru"):
            docs.docx(ctx, doc)
        t_docx = time.perf_counter() - start
        from constructor.render import typeset

        start = time.perf_counter()
        typst_all = typeset.pdfs(html)
        t_typst = time.perf_counter() - start
        start = time.perf_counter()
        typst_plan = typeset.pdf(html["plan"])
        t_typst_plan = time.perf_counter() - start
        start = time.perf_counter()
        docs.pdfs(html)
        t_weasy = time.perf_counter() - start
        start = time.perf_counter()
        weasy_plan = docs.pdf(html["plan"])
        t_weasy_plan = time.perf_counter() - start
        from pypdf import PdfReader

        pages = {k: len(PdfReader(io.BytesIO(v)).pages) for k, v in (("typst", typst_plan), ("weasy", weasy_plan))}
        same = typst_all["plan"] == typst_plan and typeset.pdfs(html) == typst_all
    shown = f"{len(html)} documents ({len(html) - 4} working programs)"
    print(f"{args.competencies} competencies, {len(plan.terms)} terms, {shown}")
    print(f"html {t_html:.2f} s · md {t_md:.2f} s · xlsx {t_xlsx:.2f} s · docx {t_docx:.2f} s")
    print(
        f"pdf, all documents: Typst {t_typst:.2f} s · WeasyPrint {t_weasy:.2f} s (both on every core) "
        f"· {t_weasy / t_typst:.1f}×"
    )
    print(
        f"pdf, the plan alone: Typst {t_typst_plan:.2f} s ({pages['typst']} pages) · WeasyPrint "
        f"{t_weasy_plan:.2f} s ({pages['weasy']} pages) · {t_weasy_plan / t_typst_plan:.1f}× "
        f"· Typst's bytes the same twice: {same}"
    )
    example(args.runs)
    return 0


def example(runs: int) -> None:
    """`constructor render` of the shipped example in a fresh process, as a user runs it."""
    import subprocess

    root = Path(__file__).resolve().parent.parent
    source = root / "catalogs" / "examples" / "welding" / "program.comp"
    best: dict[str, float] = {}
    for to in ("html", "html,pdf,docx,xlsx,md") * runs:
        with tempfile.TemporaryDirectory() as out:
            start = time.perf_counter()
            command = [sys.executable, "-m", "constructor", "render", str(source), "--to", to, "-o", out]
            subprocess.run(command, check=True, capture_output=True, cwd=root)
            best[to] = min(best.get(to, float("inf")), time.perf_counter() - start)
    html, every = best["html"], best["html,pdf,docx,xlsx,md"]
    print(f"the example: render --to html {html:.2f} s · all five formats {every:.2f} s · {every / html:.2f}×")


if __name__ == "__main__":
    sys.exit(main())
