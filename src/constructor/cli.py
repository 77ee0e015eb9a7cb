"""Command line: arguments → library API → printed text → exit code. No domain logic here.

Heavy modules are imported inside the commands, so `constructor --help` starts fast.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from constructor.i18n import LANGS, Lang, default_lang

EXIT_USAGE = 2
EXIT_INTERNAL = 3

HELP = {
    "ru": {
        "description": "Конструктор компетенций: программы СПО «Профессионалитета» из файлов .comp",
        "check": "проверить файлы .comp (папки — все .comp в них)",
        "catalogs": "показать папку поставляемых каталогов (ФГОС, примеры)",
        "paths": "файлы или папки",
        "format": "вид вывода: full — подробно, concise — строка на сообщение, json",
        "lang": "язык сообщений (по умолчанию — по локали, иначе русский)",
        "root": "корень проекта: `use` не выходит за него (по умолчанию — папка с constructor.toml)",
        "limit": "показать не больше N сообщений (по умолчанию 50)",
        "internal": "внутренняя ошибка constructor — пожалуйста, сообщите о ней разработчикам",
    },
    "en": {
        "description": "Competency constructor: Professionalitet (СПО) programs from .comp files",
        "check": "check .comp files (folders: every .comp in them)",
        "catalogs": "print the folder of the shipped catalogs (standards, examples)",
        "paths": "files or folders",
        "format": "output: full, concise (a line per problem) or json",
        "lang": "language of messages (default: the locale's, else Russian)",
        "root": "project root that `use` may not leave (default: the folder with constructor.toml)",
        "limit": "show at most N problems (default 50)",
        "internal": "internal error in constructor — please report it to the developers",
    },
}


def _lang_from_argv(argv: Sequence[str]) -> Lang:
    for i, arg in enumerate(argv):
        if arg.startswith("--lang="):
            value = arg.split("=", 1)[1]
            return value if value in LANGS else default_lang()
        if arg == "--lang" and i + 1 < len(argv) and argv[i + 1] in LANGS:
            return argv[i + 1]  # type: ignore[return-value]
    return default_lang()


def build_parser(lang: Lang) -> argparse.ArgumentParser:
    from constructor import __version__

    h = HELP[lang]
    parser = argparse.ArgumentParser(prog="constructor", description=h["description"])
    parser.add_argument("--version", action="version", version=f"constructor {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument("--lang", choices=LANGS, default=lang, help=h["lang"])

    check = sub.add_parser("check", help=h["check"], description=h["check"])
    check.add_argument("paths", nargs="+", metavar="PATH", help=h["paths"])
    check.add_argument("--format", choices=("full", "concise", "json"), default="full", help=h["format"])
    check.add_argument("--root", metavar="DIR", help=h["root"])
    check.add_argument("--limit", type=int, default=50, metavar="N", help=h["limit"])
    common(check)

    catalogs = sub.add_parser("catalogs", help=h["catalogs"], description=h["catalogs"])
    common(catalogs)
    return parser


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
    commands = {"check": cmd_check, "catalogs": cmd_catalogs}
    try:
        return commands[args.command](args)
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
