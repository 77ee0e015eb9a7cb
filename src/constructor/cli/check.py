"""`constructor check`: every diagnostic of the files, with a summary."""

from __future__ import annotations

import argparse


def run(args: argparse.Namespace) -> int:
    from constructor.diagnostics import Report
    from constructor.resolve.check_cache import cached_check
    from constructor.summary import summary_data, summary_line

    result = cached_check([str(p) for p in args.paths], args.root)
    report = Report(result.diagnostics, result.sources, limit=max(args.limit, 1), _langs=dict(result.langs))
    if args.format == "json":
        # a machine reads it: its words do not follow the machine's locale, only `--lang` (Russian first)
        print(report.render("json", args.lang if args.lang_given else "ru", summary_data(result)))
    else:
        text = report.render(args.format, args.lang)
        if text:
            print(text)
        print(summary_line(result, args.lang))
    return result.exit_code
