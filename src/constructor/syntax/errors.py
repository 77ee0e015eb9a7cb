"""Lark's parse errors → diagnostics in words a methodologist knows.

Never show a terminal name: say "expected `}` or a field such as `hours`", name a misspelt keyword,
and point at the `{` that was never closed.
"""

from __future__ import annotations

import difflib
import re
from typing import Any

from lark import Token
from lark.exceptions import UnexpectedCharacters, UnexpectedInput, UnexpectedToken

from constructor.diagnostics import Diagnostic, Label, diagnostic
from constructor.i18n import Arg, Kw, Msg, OneOf
from constructor.model import Span
from constructor.model.codes import CODE_PREFIXES, joined_code
from constructor.syntax import keywords

_PUNCTUATION = {"LBRACE": "{", "RBRACE": "}", "COMMA": ",", "LPAR": "(", "RPAR": ")", "PERCENT": "%", "__ANON_0": ".."}
_BLOCKS = (*keywords.DECLARATIONS, "COURSE", "PRACTICE")
_SPACED_CODE = re.compile(r"\d+(\.\d+)*")
_NOT_FIELDS = ("AND", "OR", "AT", "UNIT")
MAX_LISTED = 4


def _punct(name: str) -> str | None:
    if name in _PUNCTUATION:
        return _PUNCTUATION[name]
    if name.startswith("__ANON") or name in ("DOUBLE_DOT",):
        return ".."
    return None


def _stack(e: UnexpectedInput) -> list[Any]:
    ip = getattr(e, "interactive_parser", None)
    return list(ip.parser_state.value_stack) if ip is not None else []


def accepted_by(e: UnexpectedInput) -> set[str]:
    """What the parser can really take here. LALR merges states, so `e.expected` may list tokens
    that would fail one step later; trying each on a copy of the parser gives the true set."""
    ip = getattr(e, "interactive_parser", None)
    if ip is not None:
        try:
            return set(ip.accepts())
        except UnexpectedInput:  # pragma: no cover - accepts() only feeds copies
            pass
    return set(getattr(e, "expected", None) or getattr(e, "allowed", None) or ())


def _open_block(stack: list[Any]) -> tuple[Token | None, Kw | None]:
    """The last `{` still open, and the keyword of the block it opens, as the file spells it (a
    block opened with `мдк` is named `мдк`, not `курс`)."""
    for i in range(len(stack) - 1, -1, -1):
        item = stack[i]
        if isinstance(item, Token) and item.type == "LBRACE":
            for j in range(i - 1, -1, -1):
                prev = stack[j]
                if isinstance(prev, Token) and keywords.canonical(prev.type) in _BLOCKS:
                    return item, Kw(keywords.canonical(prev.type), str(prev.value))
            return item, None
    return None, None


def _last_keyword(stack: list[Any]) -> str | None:
    if stack and isinstance(stack[-1], Token) and keywords.is_keyword_terminal(stack[-1].type):
        return keywords.canonical(stack[-1].type)
    return None


def _describe_expected(expected: set[str], stack: list[Any]) -> tuple[Arg, list[str]]:
    """Words for what was expected, and the keywords among it (in grammar order)."""
    kws = sorted(
        {keywords.canonical(t) for t in expected if keywords.is_keyword_terminal(t)}, key=keywords.grammar_order
    )
    parts: list[Arg] = []
    for name in sorted(expected):
        p = _punct(name)
        if p is not None:
            parts.append(f"`{p}`")
    if "WORD" in expected:
        what = keywords.ARGUMENT.get(_last_keyword(stack) or "", "value")
        parts.append(Msg(f"exp.{what}"))
    if "STRING" in expected:
        parts.append(Msg("exp.text"))
    parts.extend(Kw(k) for k in kws if k in _NOT_FIELDS)
    kws_fields = [k for k in kws if k not in _NOT_FIELDS]
    if kws_fields:
        kws = kws_fields
        if len(kws) <= MAX_LISTED:
            parts.extend(Kw(k) for k in kws)
        else:
            decl = set(keywords.DECLARATIONS) <= set(kws)
            shown = [k for k in kws if k in keywords.DECLARATIONS][:3] if decl else kws[:3]
            key = "exp.declaration" if decl else "exp.field"
            parts.append(Msg(key, {"examples": OneOf([Kw(k) for k in shown])}))
    if "$END" in expected:
        parts.append(Msg("exp.end"))
    return OneOf(parts), kws


def _token_span(tok: Token, path: str) -> Span:
    return Span(
        file=path,
        line=tok.line or 1,
        column=tok.column or 1,
        end_line=tok.end_line or tok.line or 1,
        end_column=tok.end_column or (tok.column or 1) + 1,
    )


def _end_span(text: str, path: str) -> Span:
    body = text.rstrip()
    line = body.count("\n") + 1
    column = len(body) - (body.rfind("\n") + 1) + 1
    return Span(file=path, line=line, column=column, end_line=line, end_column=column + 1)


def from_lark(e: UnexpectedInput, text: str, path: str) -> Diagnostic:
    if isinstance(e, UnexpectedToken):
        return _unexpected_token(e, text, path)
    assert isinstance(e, UnexpectedCharacters)
    span = Span(file=path, line=e.line, column=e.column, end_line=e.line, end_column=e.column + 1)
    char = e.char
    if char == '"':
        return diagnostic(
            "C012", "unterminated-string", span, label="unterminated-string.label", help="unterminated-string.help"
        )
    expected, _ = _describe_expected(accepted_by(e), _stack(e))
    shown = char if char.isprintable() else f"U+{ord(char):04X}"
    return diagnostic(
        "C011", "unexpected-character", span, label="unexpected-token.label", char=shown, expected=expected
    )


def _unexpected_token(e: UnexpectedToken, text: str, path: str) -> Diagnostic:
    tok = e.token
    stack = _stack(e)
    expected, kws = _describe_expected(accepted_by(e), stack)
    brace, block = _open_block(stack)
    notes: list[Msg] = []
    help_msg: Msg | None = None
    labels: list[Label] = []
    fields = [k for k in kws if k not in _NOT_FIELDS]
    top_level = set(keywords.DECLARATIONS) <= set(kws)  # between declarations, not inside one
    if block is not None and len(fields) > MAX_LISTED and not top_level:
        notes.append(Msg("fields-of", {"decl": block, "fields": OneOf([Kw(k) for k in fields], "and")}))

    if tok.type == "$END":
        span = _end_span(text, path)
        if brace is not None:
            labels.append(Label(_token_span(brace, path), Msg("unclosed-brace")))
        return diagnostic(
            "C010",
            "unexpected-end",
            span,
            label="unexpected-token.label",
            labels=labels,
            notes=notes,
            expected=expected,
        )

    unfinished = _unfinished_line(text, tok, accepted_by(e), path)
    if unfinished is not None:
        # `часы 108` then a new line: the mistake is where the line ended, not on the next line
        span, last = unfinished
        return Diagnostic(
            code="C010",
            message=Msg("unfinished-field", {"last": last}),
            span=span,
            label=Msg("unexpected-token.label", {"expected": expected}),
            notes=tuple(notes),
        )
    span = _token_span(tok, path)
    message, found = "unexpected-token", _found(tok)
    name = keywords.all_spellings().get(tok.value) if tok.type == "WORD" else keywords.canonical(tok.type)
    if name in keywords.TOP_LEVEL and brace is not None and tok.column == 1:
        # a declaration at a line's start inside a block: the block left open is shown too
        labels.append(Label(_token_span(brace, path), Msg("unclosed-brace")))
    if tok.type == "WORD":
        spellings = keywords.all_spellings()
        if tok.value in spellings and kws:
            message, found = "keyword-misplaced", Kw(spellings[tok.value], str(tok.value))
        elif _unit_in_words(tok.value, stack):
            help_msg = Msg("unit-in-words", {"unit": Kw("UNIT"), "week": Kw("WEEK")})
        elif kws:
            help_msg = _similar_keyword(tok.value, kws)
        if help_msg is None and _SPACED_CODE.fullmatch(tok.value) and stack:
            prev = stack[-1]
            prev_text = _word_of(prev)
            if prev_text in CODE_PREFIXES:
                help_msg = Msg("cyrillic-code-space", {"code": joined_code(prev_text, tok.value)})
    return Diagnostic(
        code="C010",
        message=Msg(message, {"found": found, "keyword": found}),
        span=span,
        label=Msg("unexpected-token.label", {"expected": expected}),
        labels=tuple(labels),
        notes=tuple(notes),
        help=help_msg,
    )


_LAST_WORD = re.compile(r'(\w+(?:[.\-]\w+)*|"(?:[^"\\\n]|\\.)*"|\S)[ \t]*(?:#[^\n]*)?$')


def _unfinished_line(text: str, tok: Token, accepted: set[str], path: str) -> tuple[Span, str] | None:
    """Where a field was left unfinished at the end of a line (the parser cannot end it there, and the
    unexpected token starts a later line): the end of that line's last word, and the word."""
    start = tok.start_pos
    if start is None or accepted & {"RBRACE", "LBRACE", "$END"} or not tok.line:
        return None
    before = text[:start].rstrip(" \t\n")
    line_start = before.rfind("\n") + 1
    line_no = before.count("\n") + 1
    if line_no >= tok.line:
        return None
    m = _LAST_WORD.search(before, line_start)
    if m is None or m.group(1) in ("{", ","):
        return None
    column = m.end(1) - line_start + 1
    last = m.group(1) if len(m.group(1)) <= 40 else m.group(1)[:37] + "…"
    return Span(file=path, line=line_no, column=column, end_line=line_no, end_column=column + 1), last


def _unit_in_words(word: str, stack: list[Any]) -> bool:
    """`144 часа`, `6 недель`, `36 hours`: a unit written as a word after a number."""
    prev = _word_of(stack[-1]) if stack else None
    return bool(prev and prev.isdigit()) and word.lower().startswith(("час", "нед", "hour", "week"))


def _word_of(item: Any) -> str | None:
    if isinstance(item, Token):
        return str(item)
    code = getattr(getattr(item, "value", None), "code", None)
    if isinstance(code, str):
        return code
    children = getattr(item, "children", None)
    if children and len(children) == 1 and isinstance(children[0], Token):
        return str(children[0])
    return None


def _found(tok: Token) -> Arg:
    if keywords.is_keyword_terminal(tok.type):
        # as written: `практика` in a file whose keywords are mostly English is not named `practice`
        return Msg("found.keyword", {"keyword": Kw(keywords.canonical(tok.type), str(tok.value))})
    value = str(tok)
    if len(value) > 40:
        value = value[:37] + "…"
    return Msg("found.token", {"text": value})


def _similar_keyword(word: str, allowed: list[str]) -> Msg | None:
    candidates = {s: name for s, name in keywords.all_spellings().items() if name in allowed}
    lowered = {s.lower(): s for s in candidates}
    close = difflib.get_close_matches(word.lower(), list(lowered), n=1, cutoff=0.6)
    if not close:
        return None
    return Msg("similar-keyword", {"keyword": f"`{lowered[close[0]]}`"})
