"""`constructor render`: the program's documents, all written or none."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from constructor.cli.common import HELP, compacted, fail, progress_bar, show


def run(args: argparse.Namespace) -> int:
    from constructor.render.documents import FORMATS, render_documents

    formats = tuple(f.strip() for f in args.to.split(",") if f.strip())
    if not formats or any(f not in FORMATS for f in formats):
        fail("render-to")
    ws, program, plan = compacted(args)
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
        files, diags = render_documents(plan, ws.table, args.lang, formats, templates, bundles, progress)
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
    return 0
