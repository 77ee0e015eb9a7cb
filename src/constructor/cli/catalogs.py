"""`constructor catalogs`: where the shipped catalogs are."""

from __future__ import annotations

import argparse


def run(args: argparse.Namespace) -> int:
    from constructor.shipped import shipped

    folder = shipped("catalogs")
    print(folder)
    for path in sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.comp")):
        print(f"  {path}")
    return 0
