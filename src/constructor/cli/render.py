"""`constructor render`: the program's documents, all written or none."""

from __future__ import annotations

import argparse
import sys
from concurrent.futures import Executor
from pathlib import Path
from typing import TYPE_CHECKING

from constructor.cli.common import HELP, compacted, fail, progress_bar, show

if TYPE_CHECKING:
    from constructor.api import Workspace
    from constructor.compact.plan import Plan
    from constructor.model import Program


def run(args: argparse.Namespace) -> int:
    from constructor.render.documents import FORMATS

    formats = tuple(f.strip() for f in args.to.split(",") if f.strip())
    if not formats or any(f not in FORMATS for f in formats):
        fail("render-to")
    ws, program, plan = compacted(args)
    workers = None
    if "pdf" in formats and args.templates:  # WeasyPrint for a user's CSS: its imports overlap the weighing
        from constructor.render import pdf_workers

        workers = pdf_workers.start()
    try:
        return _render(args, formats, ws, program, plan, workers)
    finally:
        if workers is not None:
            workers.shutdown(cancel_futures=True)


def _render(
    args: argparse.Namespace,
    formats: tuple[str, ...],
    ws: Workspace,
    program: Program,
    plan: Plan,
    workers: Executor | None,
) -> int:
    from constructor.render.documents import render_documents

    templates = Path(args.templates) if args.templates else None
    bundles = None
    if program.bundles:
        from constructor.compact.bundles import evaluate

        bundles, _ = evaluate(program, ws.table, ws.graph, args.lang)

    bar = progress_bar(args.lang)

    def progress(done: int, total: int) -> None:  # PDFs take seconds each: show how far it is
        if bar is not None:
            bar.update(task, total=total, completed=done)

    task = bar.add_task("PDF", total=None) if bar is not None else 0
    if bar is not None:
        bar.start()
    try:  # everything is rendered in memory first: a failure writes nothing
        files, diags = render_documents(plan, ws.table, args.lang, formats, templates, bundles, progress, workers)
    finally:
        if bar is not None:
            bar.stop()
    if diags:
        show(diags, {}, args.lang)
        return 1
    from constructor.output import write_set

    folder = Path(args.output)
    write_set(folder, files)
    print(HELP[args.lang]["rendered"].format(count=len(files), path=folder), file=sys.stderr)
    # where to start among the files (a newcomer met 161 of them in one folder): the main ones, by name
    ext = "pdf" if "pdf" in formats else formats[0]
    if f"plan.{ext}" in files:
        guide = HELP[args.lang]["rendered-guide"].format(plan=f"plan.{ext}", syllabi=f"syllabus-*.{ext}")
        if f"report.{ext}" in files:  # a plan in its normative term is no «сокращение» (a newcomer's catch)
            said = "rendered-report" if plan.shortened else "rendered-report-built"
            guide += HELP[args.lang][said].format(report=f"report.{ext}")
        print(guide, file=sys.stderr)
    if any(f.startswith("syllabus-") for f in files):  # what a college still writes before it signs
        from constructor.render.views import unwritten

        gaps = unwritten(plan, ws.table)
        if gaps.without_topics or gaps.without_literature:
            said = HELP[args.lang]["rendered-unwritten"].format(
                total=gaps.programs, topics=len(gaps.without_topics), literature=len(gaps.without_literature)
            )
            print(said, file=sys.stderr)
        from constructor.render.syllabus import syllabi, without_criteria

        modules = [d for d in syllabi(plan, ws.table, args.lang) if d.kind == "module"]
        empty = without_criteria(modules)
        if empty:  # a reviewer's «Критерии оценки empty for all nine ОК rows», said as topics are
            said = HELP[args.lang]["rendered-no-criteria"].format(
                rows=len(empty), modules=len({m for m, _ in empty}), total=len(modules)
            )
            print(said, file=sys.stderr)
    if getattr(args, "warned", None):  # a starter's blanks reached the title pages without a word (C338)
        print(HELP[args.lang]["rendered-warnings"].format(codes=", ".join(args.warned)), file=sys.stderr)
    return 0
