"""Repairs of a syntax error inside its declaration, so one mistake costs one diagnostic.

Each repair is a change of the text that keeps its length (a character replaced, or a stretch turned to
spaces), so every position the parser reports stays true. One is tried after another on the erroneous
declaration alone; a repair is taken when the declaration then parses, or its next error is on a later
line (a mistake of its own). Of those, the one that lets the parser read furthest (a `,` put before
`часа` in `144 часа` only moves the error to the next line), then the one that leaves the fewest wrong
values in the declaration (deleting `requires` from `часы 108 requires ПМ.02` would make `108` a kind
of hours), then the one that changes the least, is taken:
- a missing `,`, `{` or `}` written where a space stands (`hours theory 36 practice 20`, a module
  without its `{`), or a wrong character where one belongs (`;` or `@` for `,`),
- a code written with a space (`ПК 1.1` → `ПК-1.1`),
- a word too many (`144 часа`, an extra `}` after a complete declaration),
- a field the parser cannot read, from its keyword to the next field (`часы 108 requires ПМ.02`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from typing import Any, NamedTuple

from lark import Lark, Token
from lark.exceptions import UnexpectedInput, UnexpectedToken

from constructor.i18n import Kw, Msg
from constructor.model import Span, Unread
from constructor.model.codes import CODE_PREFIXES, joined_code
from constructor.syntax import keywords
from constructor.syntax.errors import accepted_by
from constructor.syntax.grammar import WORD
from constructor.syntax.transform import ToModel

_INSERTABLE = {"COMMA": ",", "LBRACE": "{", "RBRACE": "}"}
_SPACED_CODE = re.compile(rf"(?<![\w.\-])({'|'.join(CODE_PREFIXES)})[ \t]+(\d+(?:\.\d+)*)(?![\w.\-])")
_HEADER = re.compile(r"(\w+)[ \t]+(\w+(?:[.\-]\w+)*)")
MAX_CLOSES = 3  # blocks nest at most this deep: a module's course's term
_NOT_FIELDS = frozenset({"AND", "OR", "AT", "UNIT", "WEEK"})


def blank(text: str, begin: int, end: int) -> str:
    """`text[begin:end]` with everything before it turned to spaces, so positions stay true."""
    return re.sub(r"[^\n]", " ", text[:begin]) + text[begin:end]


def error_pos(e: UnexpectedInput, text: str) -> int:
    """Where a parse error is in `text` (its end, for an unexpected end)."""
    if isinstance(e, UnexpectedToken) and e.token.type == "$END":
        return len(text)
    pos = getattr(e, "pos_in_stream", None)
    if pos is None and isinstance(e, UnexpectedToken):
        pos = e.token.start_pos
    return int(pos or 0)


def _spaces(text: str, begin: int, end: int) -> str:
    """`text` with `text[begin:end]` turned to spaces (new lines kept)."""
    return text[:begin] + re.sub(r"[^\n]", " ", text[begin:end]) + text[end:]


def _line_of(text: str, pos: int) -> int:
    return text.count("\n", 0, pos)


class Repair(NamedTuple):
    text: str
    help: Msg | None  # what the repair says the mistake was, when the error's words do not
    closes: Closes = {}  # `}` the parser is given before the token at a position (text cannot hold them)


# Blocks closed where the text has no room for a `}` (before a declaration at a line's first column, at
# the end of the file): position of the token → how many `}` the parser is given before it.
Closes = Mapping[int, int]


def run(lark: Lark, text: str, closes: Closes) -> list[Any]:
    """Parse `text`, giving the parser the `closes` before their tokens; the declarations read."""
    result: Any  # the builder's `start` returns the list of declarations, not a tree
    if not closes:
        result = lark.parse(text)
        return list(result)
    given: dict[int, int] = {}

    def on_error(e: UnexpectedInput) -> bool:
        if not isinstance(e, UnexpectedToken):
            return False
        at = len(text) if e.token.type == "$END" else int(e.token.start_pos or 0)
        if given.get(at, 0) >= closes.get(at, 0):
            return False
        line, column = e.token.line or text.count("\n") + 1, e.token.column or 1
        brace = Token("RBRACE", "}", at, line, column, line, column, at)
        try:
            for _ in range(closes[at] - given.get(at, 0)):
                e.interactive_parser.feed_token(brace)
            given[at] = closes[at]
            if e.token.type != "$END":
                # inside the block the lexer read a declaration's keyword as a word: after it, a keyword
                keyword = keywords.terminals().get(e.token.value) if e.token.type == "WORD" else None
                e.interactive_parser.feed_token(Token.new_borrow_pos(keyword, e.token, e.token) if keyword else e.token)
        except UnexpectedInput:
            return False
        return True

    result = lark.parse(text, on_error=on_error)
    return list(result)


def _candidates(text: str, e: UnexpectedInput, pos: int, decl: int, closes: Closes) -> list[tuple[int, Repair]]:
    """(characters changed, repair) for each repair that applies to this error."""
    out: list[tuple[int, Repair]] = []
    accepted = accepted_by(e)
    if "RBRACE" in accepted and (pos >= len(text) or text[pos - 1 : pos] in ("\n", "")):
        # a block left open before a declaration at a line's start, or at the end of the file
        for depth in range(1, MAX_CLOSES + 1):
            more = {**closes, pos: closes.get(pos, 0) + depth}
            said = Msg("missing-close") if pos < len(text) else None  # at the end the `{` is shown
            out.append((depth, Repair(text, said, more)))
    token = _token_at(text, pos)
    moved = _moved_line(text, pos, token, accepted, closes)
    if moved is not None:
        out.append(moved)
    before = text[pos - 1] if pos > 0 else ""
    if before in (" ", "\t"):
        for name, char in _INSERTABLE.items():
            if name in accepted:
                inserted = text[: pos - 1] + char + text[pos:]
                out.append((1, Repair(inserted, Msg("missing-punctuation", {"char": char}), closes)))
    stray = _stray_hours(text, token, accepted, decl, closes)
    if stray is not None:  # `теория 36` without `часы`: not codes after a missing `,` (changes nothing more)
        out.append(stray)
    if token is not None:
        width = token[1] - token[0]
        word = text[token[0] : token[1]]
        choice = keywords.all_spellings().get(word) in ("OR", "AND")  # `corequires ОП.04 или ОП.05`
        for name, char in _INSERTABLE.items():  # `;` or `@` where a `,` belongs, a word where a `}` was
            if name in accepted:
                replaced = text[:pos] + char + " " * (width - 1) + text[token[1] :]
                said = Msg("missing-punctuation", {"char": char}) if width > 1 else None
                if choice and name == "COMMA":  # «пропущено `,`» hid that `или` is for `requires` only
                    said = Msg("choice-outside-requires", {"word": word})
                out.append((width, Repair(replaced, said, closes)))
    for m in _SPACED_CODE.finditer(text, max(decl, pos - 12), pos + 40):
        if m.start(2) == pos or m.end(1) <= pos < m.start(2):
            gap = m.start(2) - m.end(1)
            joined = joined_code(m.group(1), "")  # `ОП 04` is `ОП.04`, `ПК 1.1` is `ПК-1.1`
            out.append((0, Repair(text[: m.start(1)] + joined + " " * (gap - 1) + text[m.start(2) :], None, closes)))
    if token is not None:
        out.append((token[1] - token[0], Repair(_spaces(text, *token), None, closes)))
    field = _field_around(text, pos, decl)
    if field is not None:
        out.append((field[1] - field[0], Repair(_spaces(text, *field), None, closes)))
        # the field before, when it swallowed the next field's keyword as its value
        # (`requires ПК-1.1 and` then `hours theory 144`: `hours` is read as a code)
        previous = _field_start(text, decl, field[0] - 1)
        if previous is not None:
            out.append((field[0] - previous, Repair(_spaces(text, previous, field[0]), None, closes)))
    return out


def _moved_line(
    text: str, pos: int, token: tuple[int, int] | None, accepted: set[str], closes: Closes
) -> tuple[int, Repair] | None:
    """A field of the enclosing block written inside an inner one (`практика` inside `мдк`, the `}`
    after it): the inner block is closed before the field and the `}` that closed it is set aside —
    read as the writer meant, one diagnostic, no «пропущено `}`» and then an extra `}` or a module
    without its practice."""
    if "RBRACE" not in accepted or token is None or not _is_field_keyword(text[token[0] : token[1]]):
        return None
    depth = 0
    for m in re.finditer(r'"(?:[^"\\\n]|\\.)*"|#[^\n]*|[{}]', text[token[1] :]):
        if m.group() == "{":
            depth += 1
        elif m.group() == "}":
            if depth == 0:
                at = token[1] + m.start()
                return 1, Repair(
                    _spaces(text, at, at + 1), Msg("line-in-another-block"), {**closes, pos: closes.get(pos, 0) + 1}
                )
            depth -= 1
    return None


_HOURS_ITEM = re.compile(r"[ \t]+\d")  # a kind of hours is followed by its number


@functools.cache
def _hours_kinds() -> frozenset[str]:
    from constructor.model.values import HoursKind
    from constructor.syntax.values import WORDS

    return frozenset(w.lower() for spellings in WORDS[HoursKind].values() for w in spellings)


def _is_hours_item(text: str, word: re.Match[str]) -> bool:
    """`теория 36`: a kind of hours and its number (`практика` and `аттестация` are also keywords)."""
    return word.group().lower() in _hours_kinds() and _HOURS_ITEM.match(text, word.end()) is not None


def _owning_field(text: str, decl: int, pos: int) -> str | None:
    """The field keyword the text before `pos` belongs to, kinds of hours with their numbers passed
    over: in `часы теория 36, практика 20` the field is `часы`."""
    start = _field_start(text, decl, pos - 1, past_hours=True)
    found = WORD.match(text, start) if start is not None else None
    return keywords.all_spellings().get(found.group()) if found is not None else None


def _stray_hours(
    text: str, token: tuple[int, int] | None, accepted: set[str], decl: int, closes: Closes
) -> tuple[int, Repair] | None:
    """`теория 36` where `часы` may stand but is not written (a course's `формирует ПК-1.1` then a
    line `теория 36`): the hours are set aside to their line's end (and the lines a trailing `,`
    continues) and the hint names `часы` — not «пропущено `,`», which made `теория` and `36` codes of
    the line before (C101 for `36`)."""
    if token is None or not any(keywords.canonical(t) == "HOURS" for t in accepted if keywords.is_keyword_terminal(t)):
        return None
    word = WORD.match(text, token[0])
    if word is None or not _is_hours_item(text, word) or _owning_field(text, decl, token[0]) == "HOURS":
        return None  # (in `часы теория 36 практика 20` a `,` is missing)
    end = token[1]
    while True:
        stop = re.compile(r"\n|\}").search(text, end)
        end = stop.start() if stop is not None else len(text)
        if not text[token[0] : end].rstrip().endswith(",") or stop is None or stop.group() == "}":
            break
        end += 1  # the item list goes on to the next line
    item = " ".join(text[token[0] : end].split()).rstrip(",")
    # `часы` in the language the hours are written in (`теория 36` in a file of English keywords)
    spelt = keywords.spelling("HOURS", "en" if word.group().isascii() else "ru")
    said = Msg("hours-without-keyword", {"keyword": Kw("HOURS", spelt), "item": item})
    return 0, Repair(_spaces(text, token[0], end), said, closes)


def _token_at(text: str, pos: int) -> tuple[int, int] | None:
    """The word, string or single character that starts at `pos`."""
    if pos >= len(text) or text[pos].isspace():
        return None
    m = WORD.match(text, pos)
    if m is not None:
        return m.start(), m.end()
    if text[pos] == '"':
        close = re.compile(r'"(?:[^"\\\n]|\\.)*"').match(text, pos)
        return (pos, close.end()) if close else None
    return pos, pos + 1


def _is_field_keyword(word: str) -> bool:
    name = keywords.all_spellings().get(word)
    return name is not None and name not in _NOT_FIELDS and name not in keywords.DECLARATIONS[:1]


def _field_start(text: str, decl: int, pos: int, past_hours: bool = False) -> int | None:
    """Where the last field keyword at or before `pos` inside the declaration's `{` starts (with
    `past_hours`, not a kind of hours with its number: `практика 20` is an item of `часы`)."""
    brace = text.find("{", decl, pos + 1)
    if brace < 0:
        return None
    start = None
    for m in WORD.finditer(text, brace + 1, pos + 1):
        if _is_field_keyword(m.group()) and not (past_hours and _is_hours_item(text, m)):
            start = m.start()
    return start


def _field_around(text: str, pos: int, decl: int) -> tuple[int, int] | None:
    """The field the error is in: from the last field keyword before the error (after the
    declaration's `{`) up to the next field keyword, `}` or new line after it."""
    start = _field_start(text, decl, pos)
    if start is None:
        return None
    end = len(text)
    for m in re.finditer(r"\n|\}|\w+(?:[.\-]\w+)*", text[pos + 1 :]):
        word = m.group()
        if word in ("\n", "}") or _is_field_keyword(word):
            end = pos + 1 + m.start()
            break
    token = _token_at(text, pos)
    if token is not None and pos != start and (text[pos] == "}" or _is_field_keyword(text[token[0] : token[1]])):
        end = pos  # the error is the block's end or the next field: only the broken field before it goes
    return (start, end) if end > start else None


def _trial(lark: Lark, builder: Any, repair: Repair, decl: int, end: int, path: str) -> tuple[bool, int, int]:
    """Parse the declaration alone: (it parses, the line of its first error, value problems)."""
    text = repair.text
    model = builder.model = ToModel(path)
    try:
        run(lark, blank(text, decl, end), repair.closes)
    except UnexpectedInput as e:
        if isinstance(e, UnexpectedToken) and e.token.type == "$END":
            return False, -1, len(model.diags)  # the declaration is left open: no progress
        return False, _line_of(text, error_pos(e, text)), len(model.diags)
    return True, _line_of(text, end), len(model.diags)


def repair(
    lark: Lark,
    builder: Any,
    text: str,
    closes: Closes,
    e: UnexpectedInput,
    pos: int,
    decl: int,
    end: int,
    path: str,
) -> Repair | None:
    """The text with the error at `pos` repaired inside the declaration `text[decl:end]`, or None when
    no repair lets the declaration be read past the error's line."""
    line = _line_of(text, pos)
    best: tuple[tuple[int, int, int], Repair] | None = None
    for changed, candidate in _candidates(text, e, pos, decl, closes):
        ok, next_error_line, problems = _trial(lark, builder, candidate, decl, end, path)
        reach = len(text) if ok else next_error_line  # a repair that only moves the error a line on is worse
        score = (-reach, problems, changed)
        if (reach > line or (ok and pos >= len(text))) and (best is None or score < best[0]):
            best = (score, candidate)
    return best[1] if best is not None else None


def unread_declaration(text: str, decl: int, end: int, path: str) -> Unread | None:
    """The declaration skipped between `decl` and `end`, when its keyword and code can be read."""
    m = _HEADER.match(text, decl, end)
    if m is None or keywords.all_spellings().get(m.group(1)) not in keywords.TOP_LEVEL[1:]:
        return None
    line = _line_of(text, m.start(2)) + 1
    column = m.start(2) - (text.rfind("\n", 0, m.start(2)) + 1) + 1
    span = Span(file=path, line=line, column=column, end_line=line, end_column=column + len(m.group(2)))
    return Unread(code=m.group(2), span=span)
