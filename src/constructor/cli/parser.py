"""The arguments of every command, with help in the reader's language (the words are the catalog's)."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence

from constructor.cli.common import HELP
from constructor.i18n import LANGS, Lang, default_lang


def lang_from_argv(argv: Sequence[str]) -> Lang:
    for i, arg in enumerate(argv):
        if arg.startswith("--lang="):
            value = arg.split("=", 1)[1]
            return value if value in LANGS else default_lang()
        if arg == "--lang" and i + 1 < len(argv) and argv[i + 1] in LANGS:
            return argv[i + 1]  # type: ignore[return-value]
    return default_lang()


def _number(
    kind: Callable[[str], float | int], ok: Callable[[float | int], bool], message: str
) -> Callable[[str], float | int]:
    """An argument's type that refuses what `ok` refuses («--time-limit -5» is not a time), naming it."""

    def parse(text: str) -> float | int:
        shown = text if len(text) <= 20 else text[:20] + "…"  # a 5000-digit value is not echoed whole
        # plain ASCII digits: Python's int() and float() also take «٣» and «1_0», which no one means here
        if not text.isascii() or "_" in text:
            raise argparse.ArgumentTypeError(message.format(value=shown))
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(message.format(value=shown)) from None
        if not ok(value):  # NaN fails every comparison: refused too
            raise argparse.ArgumentTypeError(message.format(value=shown))
        return value

    return parse


def build_parser(lang: Lang) -> argparse.ArgumentParser:
    from constructor import __version__, argparse_ru

    argparse_ru.use(lang)
    h = HELP[lang]
    from constructor.shipped import shipped

    docs = shipped("docs")
    parser = argparse.ArgumentParser(
        prog="constructor",
        description=h["description"],
        epilog=h["docs"].format(path=docs) if docs.is_dir() else None,
    )
    parser.add_argument("--version", action="version", version=f"constructor {__version__}", help=h["version"])
    # `--lang` before the command too («constructor --lang en check …»: a newcomer wrote it there)
    parser.add_argument("--lang", choices=LANGS, default=None, help=h["lang"])  # None: not given (main fills it)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    seconds = _number(float, lambda v: v > 0, h["positive-number"])
    count = _number(int, lambda v: v >= 0, h["whole-number"])

    def folder(text: str) -> str:
        """`--root` names a folder: a file or a FIFO given as the root was taken (a tester's find)."""
        from pathlib import Path

        if not Path(text).is_dir():
            raise argparse.ArgumentTypeError(h["root-not-folder"].format(value=text[:80]))
        return text

    def common(p: argparse.ArgumentParser) -> None:
        # no default here: a command's own default would overwrite a `--lang` given before the command
        p.add_argument("--lang", choices=LANGS, default=argparse.SUPPRESS, help=h["lang"])

    check = sub.add_parser("check", help=h["check"], description=h["check"])
    check.add_argument("paths", nargs="+", metavar="PATH", help=h["paths"])
    check.add_argument("--format", choices=("full", "concise", "json"), default="full", help=h["format"])
    check.add_argument("--root", type=folder, metavar="DIR", help=h["root"])
    check.add_argument("--limit", type=count, default=50, metavar="N", help=h["limit"])
    common(check)

    graph = sub.add_parser("graph", help=h["graph"], description=h["graph"])
    graph.add_argument("file", metavar="FILE", help=h["file"])
    graph.add_argument("--format", choices=("dot", "mermaid", "json", "svg"), default="dot", help=h["graph-format"])
    graph.add_argument("--focus", metavar="CODE", help=h["focus"])
    graph.add_argument("--depth", type=count, metavar="N", help=h["depth"])
    graph.add_argument("-o", "--output", metavar="FILE", help=h["output"])
    graph.add_argument("--root", type=folder, metavar="DIR", help=h["root"])
    common(graph)

    explain = sub.add_parser("explain", help=h["explain"], description=h["explain"])
    explain.add_argument("code", metavar="CODE", help=h["code"])
    explain.add_argument("file", metavar="FILE", help=h["file"])
    explain.add_argument("--program", metavar="CODE", help=h["program"])
    explain.add_argument("--format", choices=("text", "json"), default="text", help=h["explain-format"])
    explain.add_argument("--root", type=folder, metavar="DIR", help=h["root"])
    common(explain)

    compact = sub.add_parser("compact", help=h["compact"], description=h["compact"])
    compact.add_argument("file", metavar="FILE", help=h["file"])
    compact.add_argument("--program", metavar="CODE", help=h["program"])
    compact.add_argument("--format", choices=("text", "json"), default="text", help=h["compact-format"])
    how = compact.add_mutually_exclusive_group()
    how.add_argument("--exact", action="store_const", const="exact", dest="mode", help=h["exact"])
    how.add_argument("--heuristic", action="store_const", const="heuristic", dest="mode", help=h["heuristic"])
    how.add_argument("--as-written", action="store_const", const="as_written", dest="mode", help=h["as-written"])
    compact.add_argument("--time-limit", type=seconds, default=10.0, metavar="SECONDS", help=h["time-limit"])
    compact.add_argument("--timings", action="store_true", help=h["timings"])
    compact.add_argument("-o", "--output", metavar="FILE", help=h["output"])
    compact.add_argument("--root", type=folder, metavar="DIR", help=h["root"])
    common(compact)

    metrics = sub.add_parser("metrics", help=h["metrics"], description=h["metrics"])
    metrics.add_argument("file", nargs="?", metavar="FILE", help=h["metrics-file"])
    metrics.add_argument("--format", choices=("table", "json", "csv"), default="table", help=h["metrics-format"])
    metrics.add_argument("--diff", nargs=2, metavar=("OLD", "NEW"), help=h["diff"])
    metrics.add_argument("--plan", action="store_true", help=h["plan-metrics"])
    metrics.add_argument("-o", "--output", metavar="FILE", help=h["output"])
    metrics.add_argument("--root", type=folder, metavar="DIR", help=h["root"])
    common(metrics)

    for verb in ("import", "export"):
        parent = sub.add_parser(verb, help=h[verb], description=h[verb])
        kinds = parent.add_subparsers(dest="kind", metavar="FORMAT", required=True)
        for kind in ("ca", "case", "plx"):
            k = kinds.add_parser(kind, help=h[kind], description=h[kind])
            k.add_argument("file", metavar="FILE", help=h["metrics-file"] if verb == "import" else h["file"])
            k.add_argument("-o", "--output", metavar="FILE", help=h["output"])
            k.add_argument("--root", type=folder, metavar="DIR", help=h["root"])
            if verb == "export" and kind == "ca":
                k.add_argument("--plan", action="store_true", help=h["plan"])
            if verb == "import" and kind == "plx":
                k.add_argument("--keep-order", action="store_true", help=h["keep-order"])
            if verb == "export" and kind == "plx":
                k.add_argument("--program", metavar="CODE", help=h["program"])
                k.add_argument(
                    "--as-written", action="store_const", const="as_written", dest="mode", help=h["as-written"]
                )
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
    render.add_argument("--as-written", action="store_const", const="as_written", dest="mode", help=h["as-written"])
    render.add_argument("--root", type=folder, metavar="DIR", help=h["root"])
    common(render)

    cluster = sub.add_parser("cluster", help=h["cluster"], description=h["cluster"])
    cluster.add_argument("paths", nargs="+", metavar="PATH", help=h["paths"])
    cluster.add_argument("--format", choices=("text", "json"), default="text", help=h["explain-format"])
    cluster.add_argument("--root", type=folder, metavar="DIR", help=h["root"])
    common(cluster)

    bundle = sub.add_parser("bundle", help=h["bundle"], description=h["bundle"])
    bundle.add_argument("file", metavar="FILE", help=h["file"])
    bundle.add_argument("extra", nargs="*", metavar="BUNDLE_FILE", help=h["bundle-extra"])
    bundle.add_argument("--program", metavar="CODE", help=h["program"])
    bundle.add_argument("--format", choices=("text", "json"), default="text", help=h["explain-format"])
    bundle.add_argument("-o", "--output", metavar="FILE", help=h["output"])
    bundle.add_argument("--root", type=folder, metavar="DIR", help=h["root"])
    common(bundle)

    catalogs = sub.add_parser("catalogs", help=h["catalogs"], description=h["catalogs"])
    common(catalogs)

    serve = sub.add_parser("serve", help=h["serve"], description=h["serve"])
    serve.add_argument("project", metavar="PROJECT_DIR", help=h["serve-project"])
    serve.add_argument("--host", default="127.0.0.1", help=h["serve-host"])
    port = _number(int, lambda v: 1 <= v <= 65535, h["serve-bad-port"])
    serve.add_argument("--port", type=port, default=8000, help=h["serve-port"])
    serve.add_argument("--db", metavar="FILE", help=h["serve-db"])
    serve.add_argument("--secure-cookies", action="store_true", help=h["serve-secure"])
    serve.add_argument("--create-methodologist", metavar="EMAIL", help=h["serve-create"])
    serve.add_argument("--name", metavar="NAME", help=h["serve-name"])
    common(serve)

    init = sub.add_parser("init", help=h["init"], description=h["init"])
    init.add_argument("folder", nargs="?", default=".", metavar="DIR", help=h["init-folder"])
    init.add_argument("--standard", choices=("09.02.07", "22.02.06"), default="09.02.07", help=h["init-standard"])
    common(init)
    return parser
