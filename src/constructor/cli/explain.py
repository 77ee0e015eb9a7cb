"""`constructor explain`: why a competency is in the program and what depends on it."""

from __future__ import annotations

import argparse
from pathlib import Path

from constructor.cli.common import fail, open_workspace, program_of
from constructor.model.codes import declared_code


def run(args: argparse.Namespace) -> int:
    import json

    from constructor.graph.explain import explain
    from constructor.reports.explain import render_text

    if not Path(args.file).exists() and Path(args.code).is_file():
        # `explain FILE CODE`: a code is never a file, so both orders mean one thing
        args.code, args.file = args.file, args.code
    ws = open_workspace(args)
    args.code = declared_code(args.code, ws.table)  # «ПК 2.1» as the PDFs print it is `ПК-2.1`
    if args.code not in ws.graph:
        from constructor.i18n import Words
        from constructor.model import Course, Module, Practice

        decl = ws.table.get(args.code)
        if isinstance(decl, Course | Module | Practice):  # «нет компетенции МДК.06.01» read as «no such МДК»
            formed = decl.taught if isinstance(decl, Module) else decl.covers
            if not formed and isinstance(decl, Practice) and isinstance(m := ws.table.get(decl.module or ""), Module):
                formed = m.taught  # a module's practice without `covers` forms what its module does
            thing = Words("thing.")[args.lang][type(decl).__name__.lower()]
            codes = ", ".join(dict.fromkeys(r.code for r in formed)) or "—"
            fail("explain-not-competency", code=args.code, thing=thing, codes=codes)
        fail("unknown-focus", code=args.code, file=args.file)
    program = program_of(args, ws)
    result = explain(args.code, ws.table, ws.graph, program)
    if args.format == "json":
        from constructor.jsonout import stamped

        print(json.dumps(stamped("explain", result.to_dict()), ensure_ascii=False, indent=2))
    else:
        print(render_text(result, args.lang))
    return 0
