"""`constructor compact`: the compacted program, as text or its plan JSON."""

from __future__ import annotations

import argparse
import sys

from constructor.cli.common import HELP, open_program, show, write_output


def run(args: argparse.Namespace) -> int:
    from constructor.compact import as_written, compact
    from constructor.diagnostics import exit_code
    from constructor.reports.plan_text import render_text

    ws, program = open_program(args)
    if args.mode == "as_written":
        plan, diags = as_written(program, ws.table, ws.graph)
    else:
        plan, diags = compact(
            program, ws.table, ws.graph, mode=args.mode or "auto", time_limit=args.time_limit, record_time=args.timings
        )
    show(diags, ws.result.sources, args.lang)
    if plan is not None:
        text = plan.model_dump_json(indent=2) + "\n" if args.format == "json" else render_text(plan, args.lang) + "\n"
        write_output(text, args.output)
        if args.output is not None:  # a newcomer's `-o plan.json` confirmed nothing (graph's -o says it)
            print(HELP[args.lang]["written"].format(path=args.output), file=sys.stderr)
    return max(exit_code(diags), 0 if plan is not None else 1)
