"""`constructor check`: every diagnostic of the files, with a summary."""

from __future__ import annotations

import argparse


def run(args: argparse.Namespace) -> int:
    from constructor.api import check
    from constructor.diagnostics import Report
    from constructor.summary import summary_data, summary_line

    result = check(args.paths, root=args.root, cache=True)
    report = Report(result.diagnostics, result.sources, limit=max(args.limit, 1))
    if args.format == "json":
        # a machine reads it: its words do not follow the machine's locale, only `--lang` (Russian first)
        print(report.render("json", args.lang if args.lang_given else "ru", summary_data(result)))
    else:
        text = report.render(args.format, args.lang)
        if text:
            print(text)
        print(summary_line(result, args.lang))
    return result.exit_code
