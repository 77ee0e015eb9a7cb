"""`constructor graph`: the prerequisite graph as dot, mermaid, json or svg."""

from __future__ import annotations

import argparse
import sys

from constructor.cli.common import HELP, fail, open_workspace, write_output


def run(args: argparse.Namespace) -> int:
    import shutil
    import subprocess

    from constructor.graph.views import select, to_dot, to_json, to_mermaid

    ws = open_workspace(args)
    if args.focus is not None and args.focus not in ws.graph:
        fail("unknown-focus", code=args.focus, file=args.file)
    nodes = select(ws.graph, args.focus, args.depth)
    if args.format == "json":
        out: str | bytes = to_json(ws.graph, nodes) + "\n"
    elif args.format == "mermaid":
        out = to_mermaid(ws.graph, nodes, args.focus)
    else:
        out = to_dot(ws.graph, nodes, args.focus)
    if args.format == "svg":
        dot = shutil.which("dot")
        if dot is None:
            fail("no-dot")
        proc = subprocess.run([dot, "-Tsvg"], input=str(out).encode("utf-8"), capture_output=True, timeout=300)
        if proc.returncode != 0:
            print(proc.stderr.decode("utf-8", "replace"), file=sys.stderr)
            fail("dot-failed")
        out = proc.stdout
    write_output(out, args.output)
    if args.output:
        print(HELP[args.lang]["written"].format(path=args.output), file=sys.stderr)
    return 0
