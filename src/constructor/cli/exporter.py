"""`constructor export`: a `.comp` file as a CurricularAnalytics CSV or a CASE package; a program's plan
as an ИС «Планы» `.plx` (experimental)."""

from __future__ import annotations

import argparse
import sys

from constructor.cli.common import Exit, compacted, fail, open_workspace, refuse_content_errors, show, write_output


def run(args: argparse.Namespace) -> int:
    if args.kind == "plx":
        from constructor.interop.plx_write import write_plx

        ws, program, planned = compacted(args)  # compacted, or as written (`--as-written`)
        data = write_plx(planned, ws.table, program)
        if args.output is None:  # UTF-16: bytes as they are, not text
            sys.stdout.buffer.write(data)
        else:
            write_output(data, args.output)
        return 0
    ws = open_workspace(args)
    if args.kind == "case":
        from constructor.interop.case import package

        write_output(package(ws.table, args.file), args.output)
        return 0
    from constructor.interop import ca
    from constructor.interop.convert import export_losses, from_table

    terms = None
    if args.plan:
        from constructor.compact import compact

        programs = ws.programs()
        if not programs:
            fail("no-program", file=args.file)
        refuse_content_errors(ws, args.lang)  # the terms come from a plan: only of content check accepts
        plan, diags = compact(programs[0], ws.table, ws.graph)
        if plan is None:
            show(diags, ws.result.sources, args.lang)
            raise Exit(1)
        terms = {item.code: item.term for item in plan.items}
    show(export_losses(ws.table), ws.result.sources, args.lang)
    write_output(ca.write(from_table(ws.table, terms)), args.output)
    return 0
