"""Text → `SourceFile` and diagnostics. Never raises for any input text.

After a syntax error the parser repairs the declaration it is in (a missing comma or brace, a word
too many, a field it cannot read) and goes on; a declaration it cannot repair is skipped up to the
next top-level declaration (a line that starts with `competency`, `module`, … at its first column).
So one file reports all its errors at once, one diagnostic a mistake.
"""

from __future__ import annotations

import bisect
import contextlib
import dataclasses
import re
import threading
from typing import Any

from lark.exceptions import UnexpectedInput

from constructor.diagnostics import Diagnostic, diagnostic
from constructor.i18n import Msg
from constructor.model import SourceFile, Span, TopDeclaration, Unread, Use
from constructor.syntax import keywords
from constructor.syntax.errors import from_lark
from constructor.syntax.grammar import building_parser
from constructor.syntax.repair import Closes, blank, error_pos, repair, run, unread_declaration
from constructor.syntax.transform import ToModel
from constructor.syntax.transform_base import Field

MAX_SYNTAX_ERRORS = 20
_LOCK = threading.Lock()
_LINE_START_WORD = re.compile(r"^(\w+)", re.MULTILINE)


def declaration_starts(text: str, end: int | None = None) -> list[int]:
    """Where top-level declarations start (their keyword at a line's first column), up to `end`."""
    spellings = keywords.declaration_spellings()
    found = _LINE_START_WORD.finditer(text, 0, len(text) if end is None else end)
    return [m.start() for m in found if m.group(1) in spellings]


def _parse(
    text: str, path: str, written: dict[Any, dict[str, int]] | None = None
) -> tuple[list[Any], list[Diagnostic], list[Unread]]:
    """The declarations of the parts of `text` that parse, the diagnostics of all of it, and the
    declarations that could not be read at all.

    A syntax error is repaired inside its declaration when one small change lets the parser go on
    past the error's line (see `repair.py`): the mistake is reported once and the rest of the
    declaration is kept. Only a declaration no repair saves is skipped, from its keyword to the next
    declaration, and is named as unread so later stages do not report its absence."""
    lark, builder = building_parser()
    model = builder.model = ToModel(path)
    syntax: list[Diagnostic] = []
    unread: list[Unread] = []
    items: list[Any] = []
    starts: list[int] | None = None
    work, begin = text, 0
    closes: Closes = {}
    while True:
        try:
            items.extend(run(lark, blank(work, begin, len(work)) if begin else work, closes))
            break
        except UnexpectedInput as e:
            syntax.append(from_lark(e, work, path))
            pos = error_pos(e, work)
            if starts is None:
                starts = declaration_starts(text)
            i = bisect.bisect_right(starts, pos)
            if i > 1 and starts[i - 1] == pos and starts[i - 2] >= begin:
                i -= 1  # the error is a declaration's first word: the one before it was left open
            decl = starts[i - 1] if i and starts[i - 1] > begin else begin
            following = starts[i] if i < len(starts) else len(work)
            if decl > begin:
                # a part before the error that fails again has an error of its own, reported when resumed
                with contextlib.suppress(UnexpectedInput):
                    items.extend(run(lark, blank(work, begin, decl), closes))
                begin = decl
            if len(syntax) >= MAX_SYNTAX_ERRORS:
                break
            repaired = repair(lark, builder, work, closes, e, pos, decl, following, path)
            builder.model = model
            if repaired is not None:
                work, closes = repaired.text, repaired.closes
                if repaired.help is not None and syntax[-1].help is None:
                    syntax[-1] = dataclasses.replace(syntax[-1], help=repaired.help)
                continue
            skipped = unread_declaration(work, decl, following, path)
            if skipped is not None:
                unread.append(skipped)
                note = Msg("unread-declaration", {"code": skipped.code})
                syntax[-1] = dataclasses.replace(syntax[-1], notes=(*syntax[-1].notes, note))
            if i >= len(starts):
                break
            begin = starts[i]
    # a part parsed twice (before an error, then again up to it) reported its value problems twice
    seen: set[tuple[str, Span | None, str]] = set()
    diags = list(syntax)
    for d in model.diags:
        key = (d.code, d.span, d.message.key)
        if key not in seen:
            seen.add(key)
            diags.append(d)
    if written is not None:
        written.update(model.written)
    return items, diags, unread


def parse_text(
    text: str, path: str, written: dict[Any, dict[str, int]] | None = None
) -> tuple[SourceFile, list[Diagnostic]]:
    """Parse one file's text into its model; problems come back as diagnostics. `written`, when given,
    receives how the file spelt each enumerated value (for the formatter)."""
    with _LOCK:  # the parser's builder holds the state of one parse at a time
        items, diags, unread = _parse(text, path, written)
    uses = [i for i in items if isinstance(i, Use)]
    # a practice outside a module (ПДП) comes back as the field a module would take
    items = [i.value if isinstance(i, Field) else i for i in items]
    decls: list[TopDeclaration] = [i for i in items if i is not None and not isinstance(i, Use)]
    if not uses and not decls and not diags:
        diags.append(diagnostic("C007", "empty-file", Span(file=path, line=1, column=1, end_line=1, end_column=1)))
    return SourceFile(path=path, uses=tuple(uses), declarations=tuple(decls), unread=tuple(unread)), diags
