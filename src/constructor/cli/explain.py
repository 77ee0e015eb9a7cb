"""`constructor explain`: why a competency is in the program and what depends on it."""

from __future__ import annotations

import argparse
from pathlib import Path

from constructor.cli.common import fail, open_workspace, program_of


def run(args: argparse.Namespace) -> int:
    import json

    from constructor.graph.explain import explain
    from constructor.reports.explain import render_text

    if not Path(args.file).exists() and Path(args.code).is_file():
        # `explain FILE CODE`: a code is never a file, so both orders mean one thing
        args.code, args.file = args.file, args.code
    ws = open_workspace(args)
    if args.code not in ws.graph:
        fail("unknown-focus", code=args.code, file=args.file)
    program = program_of(args, ws)
    result = explain(args.code, ws.table, ws.graph, program)
    if args.format == "json":
        from constructor.jsonout import stamped

        print(json.dumps(stamped("explain", result.to_dict()), ensure_ascii=False, indent=2))
    else:
        print(render_text(result, args.lang))
    return 0
