"""`constructor init`: a ready project with a starter program."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from constructor.cli.common import HELP


def run(args: argparse.Namespace) -> int:
    from constructor.starter import init_project

    init_project(args.folder, args.standard)
    program = (Path(sys.argv[0]).name == "constructor" and sys.argv[0]) or "constructor"  # as the user typed it
    check = f"{program} check {Path(args.folder) / 'program.comp'}"
    print(HELP[args.lang]["initialized"].format(path=args.folder, check=check), file=sys.stderr)
    return 0
