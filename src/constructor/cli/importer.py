"""`constructor import`: a CurricularAnalytics CSV or a CASE package as `.comp`; an ИС «Планы» `.plx`
file as a `.comp` project (a folder)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from constructor.cli.common import HELP, show, write_output


def run(args: argparse.Namespace) -> int:
    from constructor.diagnostics import exit_code

    if args.kind == "plx":
        return _plx(args)
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


def _plx(args: argparse.Namespace) -> int:
    """The project beside the file (`PLAN/` for `PLAN.plx`) or in `-o DIR`, all files or none."""
    from constructor.interop.plx import read_plx
    from constructor.interop.plx_comp import to_project
    from constructor.interop.plx_xlsx import read_plx_xlsx
    from constructor.output import write_set

    source = Path(args.file)
    reader = read_plx_xlsx if source.suffix.lower() in (".xlsx", ".xlsm") else read_plx  # the Excel export
    plan, diags = reader(source, args.file)
    if plan is None:
        show(diags, {}, args.lang)
        return 1
    files, report = to_project(plan, source.name, keep_order=getattr(args, "keep_order", False))
    show(report, {}, args.lang)
    folder = Path(args.output) if args.output else source.with_name(source.name.split(".")[0] or "plan")
    write_set(folder, {name: text.encode("utf-8") for name, text in files.items()})
    print(
        HELP[args.lang]["imported"].format(count=len(files), path=folder, program=folder / "program.comp"),
        file=sys.stderr,
    )
    return 0
