"""`constructor export`: a `.comp` file as a CurricularAnalytics CSV or a CASE package."""

from __future__ import annotations

import argparse

from constructor.cli.common import Exit, fail, open_workspace, show, write_output


def run(args: argparse.Namespace) -> int:
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
        plan, diags = compact(programs[0], ws.table, ws.graph)
        if plan is None:
            show(diags, ws.result.sources, args.lang)
            raise Exit(1)
        terms = {item.code: item.term for item in plan.items}
    show(export_losses(ws.table), ws.result.sources, args.lang)
    write_output(ca.write(from_table(ws.table, terms)), args.output)
    return 0
