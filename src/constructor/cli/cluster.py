"""`constructor cluster`: graduates of targeted training by enterprise and year."""

from __future__ import annotations

import argparse

from constructor.cli.common import refuse_load_errors


def run(args: argparse.Namespace) -> int:
    import json
    from dataclasses import asdict

    from constructor.api import check
    from constructor.compact.bundles import cluster
    from constructor.graph import CompetencyGraph
    from constructor.model import Program
    from constructor.reports.bundles import render_cluster

    result = check(args.paths, root=args.root)
    refuse_load_errors(result, args.lang)
    found = []
    for source in result.catalog.files:
        for decl in source.declarations:
            if isinstance(decl, Program):
                table = result.catalog.table(result.catalog.visible(source.path))
                found.append((decl, table, CompetencyGraph(table)))
    rows = cluster(found)
    if args.format == "json":
        from constructor.jsonout import stamped

        print(json.dumps(stamped("cluster", {"rows": [asdict(r) for r in rows]}), ensure_ascii=False, indent=2))
    else:
        print(render_cluster(rows, args.lang))
    return 0
