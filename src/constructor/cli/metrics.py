"""`constructor metrics`: CurricularAnalytics metrics of a `.comp` file, a CSV or a plan."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from constructor.cli.common import HELP, Exit, compacted, fail, open_workspace, show, write_output
from constructor.jsonout import stamped


def metrics_of(args: argparse.Namespace, path: str) -> Any:
    """(metrics, names, range, csv text or None) of a .comp or CSV file."""
    from constructor.api import read_curriculum
    from constructor.diagnostics import exit_code
    from constructor.graph.metrics import competency_metrics, compute

    if path.lower().endswith(".csv"):
        cur, diags, sources, text = read_curriculum(path)
        show(diags, sources, args.lang)
        if cur is None or any(d.is_error for d in diags):
            raise Exit(exit_code(diags) or 1)
        m = compute([c.id for c in cur.courses], cur.edges(), quarter=cur.quarter)
        return m, {c.id: c.name for c in cur.courses}, None, text
    args.file = path
    ws = open_workspace(args)
    from constructor.graph.metrics import CyclicCurriculum

    try:
        m, rng = competency_metrics(ws.graph)
    except CyclicCurriculum:
        print(f"constructor: {HELP[args.lang]['load-errors']}", file=sys.stderr)
        raise Exit(1) from None
    return m, {c: ws.graph.title(c) for c in ws.graph.competencies}, rng, None


def run(args: argparse.Namespace) -> int:
    import json

    from constructor.reports import metrics as report

    if args.diff:
        old = metrics_of(args, args.diff[0])
        new = metrics_of(args, args.diff[1])
        text, data = report.diff(old[0], new[0], args.lang)
        out = json.dumps(stamped("metrics-diff", data), ensure_ascii=False, indent=2) if args.format == "json" else text
        write_output(out + "\n", args.output)
        return 0
    if args.file is None:
        fail("need-file")
    if args.plan:
        return plan_metrics_of(args)
    m, names, rng, csv_text = metrics_of(args, args.file)
    if args.format == "json":
        out = report.to_json(m, names, rng) + "\n"
    elif args.format == "csv":
        if csv_text is None:
            from constructor.interop import ca
            from constructor.interop.convert import from_table

            csv_text = ca.write(from_table(open_workspace(args).table))
        out = report.to_ca_csv(csv_text, m)
    else:
        out = report.to_table(m, names, args.lang, rng) + "\n"
    write_output(out, args.output)
    return 0


def plan_metrics_of(args: argparse.Namespace) -> int:
    import json

    from constructor.reports.metrics import plan_metrics

    plan = compacted(args)[2]
    data = plan_metrics(
        [(i.code, i.term, i.hours, [*i.requires, *i.coreq]) for i in plan.items],
        [(t.number, t.hours, t.capacity_hours) for t in plan.terms],
    )
    write_output(json.dumps(stamped("plan-metrics", data), ensure_ascii=False, indent=2) + "\n", args.output)
    return 0
