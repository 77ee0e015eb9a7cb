"""`constructor catalogs`: where the shipped catalogs are."""

from __future__ import annotations

import argparse
from pathlib import Path


def run(args: argparse.Namespace) -> int:
    from importlib import resources

    folder = Path(str(resources.files("constructor").joinpath("catalogs")))
    print(folder)
    for path in sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.comp")):
        print(f"  {path}")
    return 0
