"""`constructor import`: a CurricularAnalytics CSV or a CASE package as `.comp`."""

from __future__ import annotations

import argparse
from pathlib import Path

from constructor.cli.common import show, write_output


def run(args: argparse.Namespace) -> int:
    from constructor.diagnostics import exit_code

    if args.kind == "ca":
        from constructor.api import read_curriculum
        from constructor.interop.convert import to_comp

        cur, diags, sources, _ = read_curriculum(args.file)
        show(diags, sources, args.lang)
        if cur is None or any(d.is_error for d in diags):
            return exit_code(diags) or 1
        write_output(to_comp(cur, Path(args.file).name), args.output)
        return 0
    from constructor.interop.case import read_package

    text, diags = read_package(args.file)
    show(diags, {}, args.lang)
    if text is None:
        return exit_code(diags) or 1
    write_output(text, args.output)
    return 0
