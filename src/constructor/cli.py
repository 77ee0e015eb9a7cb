"""Command line: arguments → library API → printed text → exit code. No domain logic here.

Heavy modules are imported inside the commands, so `constructor --help` starts fast.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from constructor.i18n import LANGS, Lang, Words, default_lang
from constructor.output import OutputError

EXIT_USAGE = 2
EXIT_INTERNAL = 3

HELP = Words("cli.")  # the words are in the catalog: locale/*/LC_MESSAGES/constructor.po


def _lang_from_argv(argv: Sequence[str]) -> Lang:
    for i, arg in enumerate(argv):
        if arg.startswith("--lang="):
            value = arg.split("=", 1)[1]
            return value if value in LANGS else default_lang()
        if arg == "--lang" and i + 1 < len(argv) and argv[i + 1] in LANGS:
            return argv[i + 1]  # type: ignore[return-value]
    return default_lang()


def build_parser(lang: Lang) -> argparse.ArgumentParser:
    from constructor import __version__, argparse_ru

    argparse_ru.use(lang)
    h = HELP[lang]
    parser = argparse.ArgumentParser(prog="constructor", description=h["description"])
    parser.add_argument("--version", action="version", version=f"constructor {__version__}", help=h["version"])
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument("--lang", choices=LANGS, default=lang, help=h["lang"])

    check = sub.add_parser("check", help=h["check"], description=h["check"])
    check.add_argument("paths", nargs="+", metavar="PATH", help=h["paths"])
    check.add_argument("--format", choices=("full", "concise", "json"), default="full", help=h["format"])
    check.add_argument("--root", metavar="DIR", help=h["root"])
    check.add_argument("--limit", type=int, default=50, metavar="N", help=h["limit"])
    common(check)

    graph = sub.add_parser("graph", help=h["graph"], description=h["graph"])
    graph.add_argument("file", metavar="FILE", help=h["file"])
    graph.add_argument("--format", choices=("dot", "mermaid", "json", "svg"), default="dot", help=h["graph-format"])
    graph.add_argument("--focus", metavar="CODE", help=h["focus"])
    graph.add_argument("--depth", type=int, metavar="N", help=h["depth"])
    graph.add_argument("-o", "--output", metavar="FILE", help=h["output"])
    graph.add_argument("--root", metavar="DIR", help=h["root"])
    common(graph)

    explain = sub.add_parser("explain", help=h["explain"], description=h["explain"])
    explain.add_argument("code", metavar="CODE", help=h["code"])
    explain.add_argument("file", metavar="FILE", help=h["file"])
    explain.add_argument("--program", metavar="CODE", help=h["program"])
    explain.add_argument("--format", choices=("text", "json"), default="text", help=h["explain-format"])
    explain.add_argument("--root", metavar="DIR", help=h["root"])
    common(explain)

    compact = sub.add_parser("compact", help=h["compact"], description=h["compact"])
    compact.add_argument("file", metavar="FILE", help=h["file"])
    compact.add_argument("--program", metavar="CODE", help=h["program"])
    compact.add_argument("--format", choices=("text", "json"), default="text", help=h["compact-format"])
    how = compact.add_mutually_exclusive_group()
    how.add_argument("--exact", action="store_const", const="exact", dest="mode", help=h["exact"])
    how.add_argument("--heuristic", action="store_const", const="heuristic", dest="mode", help=h["heuristic"])
    compact.add_argument("--time-limit", type=float, default=10.0, metavar="SECONDS", help=h["time-limit"])
    compact.add_argument("--timings", action="store_true", help=h["timings"])
    compact.add_argument("-o", "--output", metavar="FILE", help=h["output"])
    compact.add_argument("--root", metavar="DIR", help=h["root"])
    common(compact)

    metrics = sub.add_parser("metrics", help=h["metrics"], description=h["metrics"])
    metrics.add_argument("file", nargs="?", metavar="FILE", help=h["metrics-file"])
    metrics.add_argument("--format", choices=("table", "json", "csv"), default="table", help=h["metrics-format"])
    metrics.add_argument("--diff", nargs=2, metavar=("OLD", "NEW"), help=h["diff"])
    metrics.add_argument("--plan", action="store_true", help=h["plan-metrics"])
    metrics.add_argument("-o", "--output", metavar="FILE", help=h["output"])
    metrics.add_argument("--root", metavar="DIR", help=h["root"])
    common(metrics)

    for verb in ("import", "export"):
        parent = sub.add_parser(verb, help=h[verb], description=h[verb])
        kinds = parent.add_subparsers(dest="kind", metavar="FORMAT", required=True)
        for kind in ("ca", "case"):
            k = kinds.add_parser(kind, help=h[kind], description=h[kind])
            k.add_argument("file", metavar="FILE", help=h["metrics-file"] if verb == "import" else h["file"])
            k.add_argument("-o", "--output", metavar="FILE", help=h["output"])
            k.add_argument("--root", metavar="DIR", help=h["root"])
            if verb == "export" and kind == "ca":
                k.add_argument("--plan", action="store_true", help=h["plan"])
            common(k)

    fmt = sub.add_parser("fmt", help=h["fmt"], description=h["fmt"])
    fmt.add_argument("paths", nargs="+", metavar="PATH", help=h["paths"])
    fmt.add_argument("--check", action="store_true", help=h["fmt-check"])
    fmt.add_argument("--diff", action="store_true", help=h["fmt-diff"])
    common(fmt)

    sub.add_parser("lsp", help=h["lsp"], description=h["lsp"])

    render = sub.add_parser("render", help=h["render"], description=h["render"])
    render.add_argument("file", metavar="FILE", help=h["file"])
    render.add_argument("--program", metavar="CODE", help=h["program"])
    render.add_argument("-o", "--output", metavar="DIR", default="out", help=h["render-out"])
    render.add_argument("--to", default="html,pdf,docx,xlsx,md", metavar="FORMATS", help=h["render-to"])
    render.add_argument("--templates", metavar="DIR", help=h["templates"])
    render.add_argument("--root", metavar="DIR", help=h["root"])
    common(render)

    cluster = sub.add_parser("cluster", help=h["cluster"], description=h["cluster"])
    cluster.add_argument("paths", nargs="+", metavar="PATH", help=h["paths"])
    cluster.add_argument("--format", choices=("text", "json"), default="text", help=h["explain-format"])
    cluster.add_argument("--root", metavar="DIR", help=h["root"])
    common(cluster)

    bundle = sub.add_parser("bundle", help=h["bundle"], description=h["bundle"])
    bundle.add_argument("file", metavar="FILE", help=h["file"])
    bundle.add_argument("extra", nargs="*", metavar="BUNDLE_FILE", help=h["bundle-extra"])
    bundle.add_argument("--program", metavar="CODE", help=h["program"])
    bundle.add_argument("--format", choices=("text", "json"), default="text", help=h["explain-format"])
    bundle.add_argument("-o", "--output", metavar="FILE", help=h["output"])
    bundle.add_argument("--root", metavar="DIR", help=h["root"])
    common(bundle)

    catalogs = sub.add_parser("catalogs", help=h["catalogs"], description=h["catalogs"])
    common(catalogs)

    init = sub.add_parser("init", help=h["init"], description=h["init"])
    init.add_argument("folder", nargs="?", default=".", metavar="DIR", help=h["init-folder"])
    init.add_argument("--standard", choices=("09.02.07", "22.02.06"), default="09.02.07", help=h["init-standard"])
    common(init)
    return parser


def cmd_init(args: argparse.Namespace) -> int:
    from pathlib import Path

    from constructor.starter import init_project

    init_project(args.folder, args.standard)
    program = (Path(sys.argv[0]).name == "constructor" and sys.argv[0]) or "constructor"  # as the user typed it
    check = f"{program} check {Path(args.folder) / 'program.comp'}"
    print(HELP[args.lang]["initialized"].format(path=args.folder, check=check), file=sys.stderr)
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from constructor.api import check
    from constructor.diagnostics import Report
    from constructor.summary import summary_data, summary_line

    result = check(args.paths, root=args.root)
    report = Report(result.diagnostics, result.sources, limit=max(args.limit, 1))
    if args.format == "json":
        print(report.render("json", args.lang, summary_data(result)))
    else:
        text = report.render(args.format, args.lang)
        if text:
            print(text)
        print(summary_line(result, args.lang))
    return result.exit_code


def _fail(args: argparse.Namespace, key: str, **values: str) -> int:
    print(f"constructor: {HELP[args.lang][key].format(**values)}", file=sys.stderr)
    return EXIT_USAGE


def _open(args: argparse.Namespace) -> Any:
    """The file's workspace, or None after printing why it cannot be used (its load errors)."""
    from constructor.api import workspace
    from constructor.diagnostics import Report

    ws = workspace(args.file, root=args.root)
    if ws.result.errors:
        print(Report(ws.result.diagnostics, ws.result.sources).render("full", args.lang), file=sys.stderr)
        print(f"constructor: {HELP[args.lang]['load-errors']}", file=sys.stderr)
        return None
    return ws


def write_output(text: str | bytes, path: str | None, expect: bytes | None = None) -> None:
    """To the screen, or to a file through a temporary name: never a half-written file (output.py)."""
    if path is None:
        sys.stdout.write(text if isinstance(text, str) else text.decode("utf-8"))
        return
    from constructor.output import write_file

    write_file(path, text.encode("utf-8") if isinstance(text, str) else text, expect)


def cmd_graph(args: argparse.Namespace) -> int:
    import shutil
    import subprocess

    from constructor.graph.views import select, to_dot, to_json, to_mermaid

    ws = _open(args)
    if ws is None:
        return 1
    if args.focus is not None and args.focus not in ws.graph:
        return _fail(args, "unknown-focus", code=args.focus, file=args.file)
    nodes = select(ws.graph, args.focus, args.depth)
    if args.format == "json":
        out: str | bytes = to_json(ws.graph, nodes) + "\n"
    elif args.format == "mermaid":
        out = to_mermaid(ws.graph, nodes, args.focus)
    else:
        out = to_dot(ws.graph, nodes, args.focus)
    if args.format == "svg":
        dot = shutil.which("dot")
        if dot is None:
            return _fail(args, "no-dot")
        proc = subprocess.run([dot, "-Tsvg"], input=str(out).encode("utf-8"), capture_output=True, timeout=300)
        if proc.returncode != 0:
            print(proc.stderr.decode("utf-8", "replace"), file=sys.stderr)
            return _fail(args, "dot-failed")
        out = proc.stdout
    write_output(out, args.output)
    if args.output:
        print(HELP[args.lang]["written"].format(path=args.output), file=sys.stderr)
    return 0


def cmd_explain(args: argparse.Namespace) -> int:
    import json

    from constructor.graph.explain import explain, render_text

    if not Path(args.file).exists() and Path(args.code).is_file():
        args.code, args.file = (
            args.file,
            args.code,
        )  # `explain FILE CODE`: a code is never a file, so both orders mean one thing
    ws = _open(args)
    if ws is None:
        return 1
    if args.code not in ws.graph:
        return _fail(args, "unknown-focus", code=args.code, file=args.file)
    program = _program(args, ws)
    if isinstance(program, int):
        return program
    result = explain(args.code, ws.table, ws.graph, program)
    if args.format == "json":
        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(render_text(result, args.lang))
    return 0


def _program(args: argparse.Namespace, ws: Any) -> Any:
    """The program the command is about, or an exit code after saying why there is none."""
    programs = ws.programs()
    codes = ", ".join(p.code for p in programs) or "—"
    if args.program is not None:
        chosen = [p for p in programs if p.code == args.program]
        return chosen[0] if chosen else _fail(args, "no-such-program", code=args.program, codes=codes)
    if len(programs) > 1:
        return _fail(args, "which-program", codes=codes)
    return programs[0] if programs else None


def _open_program(args: argparse.Namespace) -> Any:
    """(workspace, program) for the commands about one program, or the exit code after saying why not."""
    ws = _open(args)
    if ws is None:
        return 1
    program = _program(args, ws) if hasattr(args, "program") else (ws.programs() or [None])[0]
    if isinstance(program, int):
        return program
    if program is None:
        return _fail(args, "no-program", file=args.file)
    return ws, program


def _compacted(args: argparse.Namespace) -> Any:
    """(workspace, program, plan) for the commands that need the compacted plan, or an exit code."""
    from constructor.compact import compact
    from constructor.diagnostics import Report

    opened = _open_program(args)
    if isinstance(opened, int):
        return opened
    ws, program = opened
    plan, diags = compact(program, ws.table, ws.graph)
    if plan is None:
        print(Report(diags, ws.result.sources).render("full", args.lang), file=sys.stderr)
        return 1
    return ws, program, plan


def cmd_compact(args: argparse.Namespace) -> int:
    from constructor.compact import compact
    from constructor.compact.text import render_text
    from constructor.diagnostics import Report, exit_code

    opened = _open_program(args)
    if isinstance(opened, int):
        return opened
    ws, program = opened
    plan, diags = compact(
        program, ws.table, ws.graph, mode=args.mode or "auto", time_limit=args.time_limit, record_time=args.timings
    )
    if diags:
        print(Report(diags, ws.result.sources).render("full", args.lang), file=sys.stderr)
    if plan is not None:
        text = plan.model_dump_json(indent=2) + "\n" if args.format == "json" else render_text(plan, args.lang) + "\n"
        write_output(text, args.output)
    return max(exit_code(diags), 0 if plan is not None else 1)


def _metrics_of(args: argparse.Namespace, path: str) -> Any:
    """(metrics, names, range, csv text or None) of a .comp or CSV file, or an exit code."""
    from constructor.api import read_curriculum
    from constructor.diagnostics import Report, exit_code
    from constructor.graph.metrics import competency_metrics, compute

    if path.lower().endswith(".csv"):
        cur, diags, sources, text = read_curriculum(path)
        if diags:
            print(Report(diags, sources).render("full", args.lang), file=sys.stderr)
        if cur is None or any(d.is_error for d in diags):
            return exit_code(diags) or 1
        m = compute([c.id for c in cur.courses], cur.edges(), quarter=cur.quarter)
        return m, {c.id: c.name for c in cur.courses}, None, text
    args.file = path
    ws = _open(args)
    if ws is None:
        return 1
    from constructor.graph.metrics import CyclicCurriculum

    try:
        m, rng = competency_metrics(ws.graph)
    except CyclicCurriculum:
        print(f"constructor: {HELP[args.lang]['load-errors']}", file=sys.stderr)
        return 1
    return m, {c: ws.graph.title(c) for c in ws.graph.competencies}, rng, None


def cmd_metrics(args: argparse.Namespace) -> int:
    import json

    from constructor.graph import metrics_report as report

    if args.diff:
        old = _metrics_of(args, args.diff[0])
        if isinstance(old, int):
            return old
        new = _metrics_of(args, args.diff[1])
        if isinstance(new, int):
            return new
        text, data = report.diff(old[0], new[0], args.lang)
        out = json.dumps(data, ensure_ascii=False, indent=2) if args.format == "json" else text
        write_output(out + "\n", args.output)
        return 0
    if args.file is None:
        return _fail(args, "need-file")
    if args.plan:
        return _plan_metrics(args)
    found = _metrics_of(args, args.file)
    if isinstance(found, int):
        return found
    m, names, rng, csv_text = found
    if args.format == "json":
        out = report.to_json(m, names, rng) + "\n"
    elif args.format == "csv":
        if csv_text is None:
            from constructor.interop import ca
            from constructor.interop.convert import from_table

            csv_text = ca.write(from_table(_open(args).table))
        out = report.to_ca_csv(csv_text, m)
    else:
        out = report.to_table(m, names, args.lang, rng) + "\n"
    write_output(out, args.output)
    return 0


def _plan_metrics(args: argparse.Namespace) -> int:
    import json

    from constructor.graph.metrics_report import plan_metrics

    compacted = _compacted(args)
    if isinstance(compacted, int):
        return compacted
    plan = compacted[2]
    data = plan_metrics(
        [(i.code, i.term, i.hours, [*i.requires, *i.coreq]) for i in plan.items],
        [(t.number, t.hours, t.capacity_hours) for t in plan.terms],
    )
    write_output(json.dumps(data, ensure_ascii=False, indent=2) + "\n", args.output)
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from pathlib import Path

    from constructor.diagnostics import Report, exit_code

    if args.kind == "ca":
        from constructor.api import read_curriculum
        from constructor.interop.convert import to_comp

        cur, diags, sources, _ = read_curriculum(args.file)
        if diags:
            print(Report(diags, sources).render("full", args.lang), file=sys.stderr)
        if cur is None or any(d.is_error for d in diags):
            return exit_code(diags) or 1
        write_output(to_comp(cur, Path(args.file).name), args.output)
        return 0
    from constructor.interop.case import read_package

    text, diags = read_package(args.file)
    if diags:
        print(Report(diags, {}).render("full", args.lang), file=sys.stderr)
    if text is None:
        return exit_code(diags) or 1
    write_output(text, args.output)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from constructor.diagnostics import Report

    ws = _open(args)
    if ws is None:
        return 1
    if args.kind == "case":
        from constructor.interop.case import package

        write_output(package(ws.table, args.file), args.output)
        return 0
    from constructor.interop import ca
    from constructor.interop.convert import export_losses, from_table

    terms = None
    if args.plan:
        from constructor.compact import compact

        programs = ws.programs()
        if not programs:
            return _fail(args, "no-program", file=args.file)
        plan, diags = compact(programs[0], ws.table, ws.graph)
        if plan is None:
            print(Report(diags, ws.result.sources).render("full", args.lang), file=sys.stderr)
            return 1
        terms = {item.code: item.term for item in plan.items}
    losses = export_losses(ws.table)
    if losses:
        print(Report(losses, ws.result.sources).render("full", args.lang), file=sys.stderr)
    write_output(ca.write(from_table(ws.table, terms)), args.output)
    return 0


def cmd_fmt(args: argparse.Namespace) -> int:
    import difflib
    from pathlib import Path

    from constructor.diagnostics import Report, exit_code
    from constructor.resolve.loader import display_path, read_source
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
        shown = display_path(path.resolve())
        text, diags, _ = read_source(path.resolve(), shown)
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
    if problems:
        print(Report(problems, sources).render("full", args.lang), file=sys.stderr)
    print(HELP[args.lang]["fmt-summary"].format(files=len(files), changed=changed, broken=broken), file=sys.stderr)
    if problems:
        return max(exit_code(problems), 1)
    return 1 if changed and (args.check or args.diff) else 0


def _progress_bar(lang: Lang) -> Any:
    """rich's progress bar on a terminal's stderr (PDFs take seconds each); None when not a terminal."""
    if not sys.stderr.isatty():
        return None
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    label = HELP[lang]["pdf-progress"]
    return Progress(
        TextColumn(label),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
    )


def cmd_render(args: argparse.Namespace) -> int:
    from pathlib import Path

    import jinja2

    from constructor.diagnostics import Report, diagnostic
    from constructor.render.documents import FORMATS, TemplateEscape, render_all

    formats = tuple(f.strip() for f in args.to.split(",") if f.strip())
    if not formats or any(f not in FORMATS for f in formats):
        return _fail(args, "render-to")
    compacted = _compacted(args)
    if isinstance(compacted, int):
        return compacted
    ws, program, plan = compacted
    templates = Path(args.templates) if args.templates else None
    bundles = None
    if program.bundles:
        from constructor.compact.bundles import evaluate

        bundles, _ = evaluate(program, ws.table, ws.graph, args.lang)

    bar = _progress_bar(args.lang)

    def progress(done: int, total: int) -> None:  # PDFs take seconds each: show how far it is
        if bar is not None:
            bar.update(task, total=total, completed=done)

    task = bar.add_task("PDF", total=None) if bar is not None else 0
    try:  # everything is rendered in memory first: a failure writes nothing
        if bar is not None:
            bar.start()
        try:
            files = render_all(plan, ws.table, args.lang, formats, templates, bundles, progress)
        finally:
            if bar is not None:
                bar.stop()
    except TemplateEscape as e:
        d = diagnostic("C401", "template-escapes", None, name=e.name, help="template-escapes.help")
        print(Report([d]).render("full", args.lang), file=sys.stderr)
        return 1
    except jinja2.TemplateError as e:
        d = diagnostic("C402", "template-error", None, name=getattr(e, "name", None) or "?", reason=str(e))
        print(Report([d]).render("full", args.lang), file=sys.stderr)
        return 1
    from constructor.output import write_set

    folder = Path(args.output)
    write_set(folder, files)
    print(HELP[args.lang]["rendered"].format(count=len(files), path=folder), file=sys.stderr)
    return 0


def cmd_cluster(args: argparse.Namespace) -> int:
    import json
    from dataclasses import asdict

    from constructor.api import check
    from constructor.compact.bundles import cluster, render_cluster
    from constructor.diagnostics import Report
    from constructor.graph import CompetencyGraph
    from constructor.model import Program

    result = check(args.paths, root=args.root)
    if result.errors:
        print(Report(result.diagnostics, result.sources).render("full", args.lang), file=sys.stderr)
        print(f"constructor: {HELP[args.lang]['load-errors']}", file=sys.stderr)
        return 1
    found = []
    for source in result.catalog.files:
        for decl in source.declarations:
            if isinstance(decl, Program):
                table = result.catalog.table(result.catalog.visible(source.path))
                found.append((decl, table, CompetencyGraph(table)))
    rows = cluster(found)
    if args.format == "json":
        print(json.dumps([asdict(r) for r in rows], ensure_ascii=False, indent=2))
    else:
        print(render_cluster(rows, args.lang))
    return 0


def cmd_bundle(args: argparse.Namespace) -> int:
    import json

    from constructor.api import workspace
    from constructor.compact.bundles import evaluate, render_text
    from constructor.diagnostics import Report, exit_code

    ws = workspace(args.file, root=args.root, extra=args.extra)
    if ws.result.errors:
        print(Report(ws.result.diagnostics, ws.result.sources).render("full", args.lang), file=sys.stderr)
        print(f"constructor: {HELP[args.lang]['load-errors']}", file=sys.stderr)
        return 1
    program = _program(args, ws)
    if isinstance(program, int):
        return program
    if program is None:
        return _fail(args, "no-program", file=args.file)
    report, diags = evaluate(program, ws.table, ws.graph, args.lang)
    if diags:
        print(Report(diags, ws.result.sources).render("full", args.lang), file=sys.stderr)
    if args.format == "json":
        write_output(json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n", args.output)
    else:
        write_output(render_text(report, args.lang) + "\n", args.output)
    return exit_code(diags)


def cmd_lsp(args: argparse.Namespace) -> int:
    from constructor.lsp.server import main as serve

    serve()
    return 0


def cmd_catalogs(args: argparse.Namespace) -> int:
    from importlib import resources
    from pathlib import Path

    folder = Path(str(resources.files("constructor").joinpath("catalogs")))
    print(folder)
    for path in sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.comp")):
        print(f"  {path}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    lang = _lang_from_argv(argv)
    parser = build_parser(lang)
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_USAGE
    if args.command == "lsp":
        args.lang = lang
    commands = {
        "check": cmd_check,
        "graph": cmd_graph,
        "explain": cmd_explain,
        "compact": cmd_compact,
        "metrics": cmd_metrics,
        "import": cmd_import,
        "export": cmd_export,
        "fmt": cmd_fmt,
        "lsp": cmd_lsp,
        "bundle": cmd_bundle,
        "cluster": cmd_cluster,
        "render": cmd_render,
        "catalogs": cmd_catalogs,
        "init": cmd_init,
    }
    try:
        return commands[args.command](args)
    except OutputError as e:
        key = {"changed": "file-changed", "busy": "folder-busy", "exists": "file-exists"}.get(e.kind, "cannot-write")
        print(f"constructor: {HELP[args.lang][key].format(path=e.path, reason=e.reason)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except Exception as e:  # the last guard: a user never sees a traceback
        if os.environ.get("CONSTRUCTOR_DEBUG"):
            raise
        print(f"constructor: {HELP[args.lang]['internal']}: {type(e).__name__}: {e}", file=sys.stderr)
        return EXIT_INTERNAL


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
