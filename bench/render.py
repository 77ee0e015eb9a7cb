"""Benchmark of the printable documents.

    python bench/render.py [--competencies 1000]

A generated program of N competencies in modules of 20 (each module a course and two practices),
compacted with the heuristic, then rendered: per format the time for the curriculum plan and every
module syllabus; and the PDFs rendered on one process against the process pool on every core (the
speed-up, in the same run). The page count of the plan's PDF is printed (over 100 pages at 1k).
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
        start = time.perf_counter()
        serial = {name: docs.pdf(text) for name, text in html.items()}
        t_serial = time.perf_counter() - start
        start = time.perf_counter()
        pooled = docs.pdfs(html)
        t_pool = time.perf_counter() - start
        from pypdf import PdfReader

        pages = len(PdfReader(io.BytesIO(pooled["plan"])).pages)
        same = serial == pooled
    shown = f"{len(html)} documents ({len(html) - 4} working programs)"
    print(f"{args.competencies} competencies, {len(plan.terms)} terms, {shown}")
    print(f"html {t_html:.2f} s · md {t_md:.2f} s · xlsx {t_xlsx:.2f} s · docx {t_docx:.2f} s")
    print(
        f"pdf on one process {t_serial:.2f} s · on the pool {t_pool:.2f} s · speed-up {t_serial / t_pool:.2f}× "
        f"· the plan's PDF has {pages} pages · identical bytes: {same}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
