"""What the commands share: how they stop (`Exit`, `UsageError`), show diagnostics, open a file's
workspace and its program, compact it, and write what they make."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, NoReturn

from constructor.i18n import Lang, Words

if TYPE_CHECKING:
    from constructor.api import Workspace
    from constructor.compact import Plan
    from constructor.diagnostics import Diagnostic
    from constructor.model import Program

EXIT_USAGE = 2
EXIT_INTERNAL = 3

HELP = Words("cli.")  # the words are in the catalog: locale/*/LC_MESSAGES/constructor.po


class Exit(Exception):
    """A command ends here with `code`, having said why (its diagnostics are printed)."""

    def __init__(self, code: int) -> None:
        super().__init__(code)
        self.code = code


class UsageError(Exception):
    """The command cannot do what was asked: one line from the catalog (`cli.<key>`), exit code 2."""

    def __init__(self, key: str, **values: str) -> None:
        super().__init__(key)
        self.key = key
        self.values = values

    def text(self, lang: Lang) -> str:
        return f"constructor: {HELP[lang][self.key].format(**self.values)}"


def fail(key: str, **values: str) -> NoReturn:
    raise UsageError(key, **values)


def show(diags: Sequence[Diagnostic], sources: Mapping[str, str], lang: Lang) -> None:
    """Diagnostics on stderr, in full: the one way the commands show them."""
    if diags:
        from constructor.diagnostics import Report

        print(Report(diags, sources).render("full", lang), file=sys.stderr)


def refuse_load_errors(result: Any, lang: Lang) -> None:
    """A loaded set of files with errors cannot be used: show them and end with exit code 1."""
    if result.errors:
        show(result.diagnostics, result.sources, lang)
        print(f"constructor: {HELP[lang]['load-errors']}", file=sys.stderr)
        raise Exit(1)


def open_workspace(args: argparse.Namespace) -> Workspace:
    """The file's workspace; its load errors end the command."""
    from constructor.api import workspace

    ws = workspace(args.file, root=args.root, cache=True)
    refuse_load_errors(ws.result, args.lang)
    return ws


def write_output(text: str | bytes, path: str | None, expect: bytes | None = None) -> None:
    """To the screen, or to a file through a temporary name: never a half-written file (output.py)."""
    if path is None:
        sys.stdout.write(text if isinstance(text, str) else text.decode("utf-8"))
        return
    from constructor.output import write_file

    write_file(path, text.encode("utf-8") if isinstance(text, str) else text, expect)


def program_of(args: argparse.Namespace, ws: Workspace) -> Program | None:
    """The program the command is about (`--program`, or the only one), None when there is none."""
    programs = ws.programs()
    codes = ", ".join(p.code for p in programs) or "—"
    if args.program is not None:
        chosen = [p for p in programs if p.code == args.program]
        if not chosen:
            fail("no-such-program", code=args.program, codes=codes)
        return chosen[0]
    if len(programs) > 1:
        fail("which-program", codes=codes)
    return programs[0] if programs else None


def open_program(args: argparse.Namespace) -> tuple[Workspace, Program]:
    """The workspace and the program of the commands about one program."""
    ws = open_workspace(args)
    program = program_of(args, ws) if hasattr(args, "program") else next(iter(ws.programs()), None)
    if program is None:
        fail("no-program", file=args.file)
    args.warned = refuse_content_errors(ws, args.lang)
    return ws, program


def refuse_content_errors(ws: Workspace, lang: Lang) -> list[str]:
    """A program is planned only from content `check` accepts: an error of the graph's content
    (C2xx: a prerequisite cycle, hours that disagree, an incomplete module) ends the command with what
    `check` says. The plan's own rules (C3xx: the target, volumes, shares) are compaction's to weigh
    and report: it applies them from the same place, and a plan that misses a target is still shown."""
    from constructor.graph import check_scope

    # the workspace's own table and graph (all the file sees): no second graph built for the check
    found = check_scope(ws.table, ws.graph)
    errors = [d for d in found if d.is_error and d.code.startswith("C2")]
    if errors:
        show(errors, ws.result.sources, lang)
        print(f"constructor: {HELP[lang]['load-errors']}", file=sys.stderr)
        raise Exit(1)
    return sorted({d.code for d in found if not d.is_error})  # what `render` says is left to read


def compacted(args: argparse.Namespace) -> tuple[Workspace, Program, Plan]:
    """The workspace, the program and its compacted plan; a program that cannot be planned ends the
    command with its diagnostics."""
    from constructor.compact import as_written, compact

    ws, program = open_program(args)
    if getattr(args, "mode", None) == "as_written":  # `render --as-written`: the plan as the program writes it
        plan, diags = as_written(program, ws.table, ws.graph)
    else:
        plan, diags = compact(program, ws.table, ws.graph)
    show(diags, ws.result.sources, args.lang)  # the plan's warnings too (C306, C341): `render` says them
    if plan is None:
        raise Exit(1)
    return ws, program, plan


def progress_bar(lang: Lang) -> Any:
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
