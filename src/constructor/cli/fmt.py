"""`constructor fmt`: files laid out canonically, comments kept, written safely."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from constructor.cli.common import HELP, show, write_output


def run(args: argparse.Namespace) -> int:
    import difflib

    from constructor.diagnostics import exit_code
    from constructor.resolve.loader import display_path, read_source, resolved
    from constructor.syntax.format import format_text

    files: list[Path] = []
    problems = []
    for raw in args.paths:
        path = Path(raw)
        if path.is_dir():
            files += sorted(p for p in path.rglob("*.comp") if p.is_file())
        elif path.exists():
            files.append(path)
        else:
            from constructor.diagnostics import diagnostic

            problems.append(diagnostic("C001", "file-not-found", None, path=raw))
    changed = broken = 0
    sources: dict[str, str] = {}
    for path in files:
        shown = display_path(resolved(path))
        text, diags, _ = read_source(resolved(path), shown)
        if text is None:
            problems += diags
            broken += 1
            continue
        sources[shown] = text
        out, diags = format_text(text, shown)
        if out is None:  # left untouched, with its diagnostics
            problems += [d for d in diags if d.is_error]
            broken += 1
            continue
        if out == text:
            continue
        changed += 1
        if args.diff:
            sys.stdout.writelines(difflib.unified_diff(text.splitlines(True), out.splitlines(True), shown, shown))
        elif args.check:
            print(HELP[args.lang]["would-change"].format(path=shown))
        else:
            write_output(out, str(path), expect=text.encode("utf-8"))
            print(HELP[args.lang]["reformatted"].format(path=shown))
    show(problems, sources, args.lang)
    # «не в едином виде: 1» after the file was just reformatted read as if it were still not (a newcomer)
    summary = "fmt-summary" if args.check or args.diff else "fmt-summary-written"
    print(HELP[args.lang][summary].format(files=len(files), changed=changed, broken=broken), file=sys.stderr)
    if problems:
        return max(exit_code(problems), 1)
    return 1 if changed and (args.check or args.diff) else 0
