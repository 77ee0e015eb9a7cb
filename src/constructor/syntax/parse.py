"""Text → `SourceFile` and diagnostics. Never raises for any input text.

After a syntax error the parser resumes at the next top-level declaration (a line that starts
with `competency`, `module`, … at its first column), so one file reports all its errors at once.
"""

from __future__ import annotations

import bisect
import contextlib
import re
from typing import Any

from lark import Token, Tree
from lark.exceptions import UnexpectedInput, UnexpectedToken, VisitError

from constructor.diagnostics import Diagnostic, diagnostic
from constructor.model import SourceFile, Span, TopDeclaration, Use
from constructor.syntax import keywords
from constructor.syntax.errors import from_lark
from constructor.syntax.grammar import parser
from constructor.syntax.transform import ToModel, tree_depth

MAX_SYNTAX_ERRORS = 20
MAX_DEPTH = 100  # of the parse tree of one declaration; real ones are under 15
_LINE_START_WORD = re.compile(r"^(\w+)", re.MULTILINE)


def _declaration_starts(text: str) -> list[int]:
    spellings = keywords.declaration_spellings()
    return [m.start() for m in _LINE_START_WORD.finditer(text) if m.group(1) in spellings]


def _blank(text: str, begin: int, end: int) -> str:
    """`text[begin:end]` with everything before it turned to spaces, so positions stay true."""
    return re.sub(r"[^\n]", " ", text[:begin]) + text[begin:end]


def _error_pos(e: UnexpectedInput, text: str) -> int:
    if isinstance(e, UnexpectedToken) and e.token.type == "$END":
        return len(text)
    pos = getattr(e, "pos_in_stream", None)
    if pos is None and isinstance(e, UnexpectedToken):
        pos = e.token.start_pos
    return int(pos or 0)


def parse_trees(text: str, path: str) -> tuple[list[Tree[Token]], list[Diagnostic]]:
    """Parse trees of the parts of `text` that parse, and a diagnostic for each syntax error."""
    lark = parser()
    diags: list[Diagnostic] = []
    trees: list[Tree[Token]] = []
    starts: list[int] | None = None
    begin = 0
    while True:
        try:
            trees.append(lark.parse(_blank(text, begin, len(text)) if begin else text))
            break
        except UnexpectedInput as e:
            diags.append(from_lark(e, text, path))
            pos = _error_pos(e, text)
            if starts is None:
                starts = _declaration_starts(text)
            i = bisect.bisect_right(starts, pos)
            before = starts[i - 1] if i and starts[i - 1] > begin else begin
            if before > begin:
                # a part before the error that fails again has an error of its own, reported when resumed
                with contextlib.suppress(UnexpectedInput):
                    trees.append(lark.parse(_blank(text, begin, before)))
            if i >= len(starts) or len(diags) >= MAX_SYNTAX_ERRORS:
                break
            begin = starts[i]
    return trees, diags


def parse_text(text: str, path: str) -> tuple[SourceFile, list[Diagnostic]]:
    """Parse one file's text into its model; problems come back as diagnostics."""
    trees, diags = parse_trees(text, path)
    uses: list[Use] = []
    decls: list[TopDeclaration] = []
    for tree in trees:
        for item in tree.children:
            if not isinstance(item, Tree):
                continue
            if tree_depth(item) > MAX_DEPTH:
                meta = item.meta
                span = Span(
                    file=path, line=meta.line, column=meta.column, end_line=meta.line, end_column=meta.column + 1
                )
                diags.append(
                    diagnostic("C013", "nesting-too-deep", span, help="nesting-too-deep.help", limit=MAX_DEPTH)
                )
                continue
            transformer = ToModel(path)
            try:
                result: Any = transformer.transform(item)
            except VisitError as e:  # our own bug inside a rule: let it surface as itself
                raise e.orig_exc from None
            diags.extend(transformer.diags)
            if isinstance(result, Use):
                uses.append(result)
            elif result is not None:
                decls.append(result)
    if not uses and not decls and not diags:
        diags.append(diagnostic("C007", "empty-file", Span(file=path, line=1, column=1, end_line=1, end_column=1)))
    return SourceFile(path=path, uses=tuple(uses), declarations=tuple(decls)), diags
