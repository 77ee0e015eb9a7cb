"""`constructor bundle`: enterprises' bundles weighed against the program."""

from __future__ import annotations

import argparse

from constructor.cli.common import fail, program_of, refuse_content_errors, refuse_load_errors, show, write_output


def run(args: argparse.Namespace) -> int:
    import json

    from constructor.api import workspace
    from constructor.compact.bundles import evaluate
    from constructor.diagnostics import exit_code
    from constructor.reports.bundles import render_text

    ws = workspace(args.file, root=args.root, extra=args.extra)
    refuse_load_errors(ws.result, args.lang)
    program = program_of(args, ws)
    if program is None:
        fail("no-program", file=args.file)
    refuse_content_errors(ws, args.lang)  # bundles are weighed by compaction: only on content check accepts
    report, diags = evaluate(program, ws.table, ws.graph, args.lang)
    show(diags, ws.result.sources, args.lang)
    if args.format == "json":
        from constructor.jsonout import stamped

        write_output(json.dumps(stamped("bundles", report.to_dict()), ensure_ascii=False, indent=2) + "\n", args.output)
    else:
        write_output(render_text(report, args.lang) + "\n", args.output)
    return exit_code(diags)
