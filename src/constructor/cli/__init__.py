"""Command line: arguments → library API → printed text → exit code. No domain logic here.

One module a command (`cli/<module>.py`, a `run(args) -> int`), imported only when that command runs,
so `constructor --help` starts fast. A command ends early by raising `Exit` (after showing its
diagnostics) or `UsageError` (one line, exit code 2); `main` turns every ending into an exit code, and
anything else into "internal error" (exit 3) — a user never sees a traceback.
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Sequence

from constructor.cli.common import EXIT_INTERNAL, EXIT_USAGE, HELP, Exit, UsageError
from constructor.cli.parser import build_parser, lang_from_argv
from constructor.output import OutputError

__all__ = ["build_parser", "main"]

# command → its module in this package (`import` is a Python keyword, so the modules are named for
# what they do)
COMMANDS = {
    "check": "check",
    "graph": "graph",
    "explain": "explain",
    "compact": "compact",
    "metrics": "metrics",
    "import": "importer",
    "export": "exporter",
    "fmt": "fmt",
    "lsp": "lsp",
    "bundle": "bundle",
    "cluster": "cluster",
    "render": "render",
    "catalogs": "catalogs",
    "init": "init",
    "serve": "serve",
}


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    lang = lang_from_argv(argv)
    parser = build_parser(lang)
    args = parser.parse_args(argv)
    args.lang_given = getattr(args, "lang", None) is not None  # a JSON output speaks the locale only when asked
    if not args.lang_given:
        args.lang = lang
    if args.command is None:
        parser.print_help()
        return EXIT_USAGE
    try:
        os.getcwd()  # every path is shown relative to it: a working folder deleted under us is said, not a crash
    except OSError:
        print(f"constructor: {HELP[args.lang]['no-cwd']}", file=sys.stderr)
        return EXIT_USAGE
    try:
        command = importlib.import_module(f"constructor.cli.{COMMANDS[args.command]}")
        code: int = command.run(args)
        return code
    except Exit as e:
        return e.code
    except UsageError as e:
        print(e.text(args.lang), file=sys.stderr)
        return EXIT_USAGE
    except OutputError as e:
        keys = {"changed": "file-changed", "busy": "folder-busy", "exists": "file-exists", "special": "not-regular"}
        key = keys.get(e.kind, "cannot-write")
        print(f"constructor: {HELP[args.lang][key].format(path=e.path, reason=e.reason)}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except Exception as e:  # the last guard: a user never sees a traceback
        if os.environ.get("CONSTRUCTOR_DEBUG"):
            raise
        print(f"constructor: {HELP[args.lang]['internal']}: {type(e).__name__}: {e}", file=sys.stderr)
        return EXIT_INTERNAL
