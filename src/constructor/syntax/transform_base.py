"""What every rule of the transformer needs: positions, values, fields collected per declaration.

Each rule's method gets `meta` (the rule's first and last position, taken from its tokens) and its
children without punctuation and keywords. Problems found while building the models (a bad number,
a field given twice, an unknown word) are collected as diagnostics; the declaration is still built
from what could be read. Lark objects never leave this package.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from enum import Enum
from typing import Any, NamedTuple

from lark import Token

from constructor.diagnostics import CONTROL_CHARACTERS, Diagnostic, Label, diagnostic
from constructor.i18n import Kw, Msg
from constructor.model import (
    CompetencyKind,
    Duration,
    Hours,
    Ref,
    Span,
    Text,
)
from constructor.model.values import HoursKind
from constructor.syntax import values

MAX_RANGE = 1000
MAX_DEPTH = 100  # of `and`/`or`/parentheses in one expression; real ones are under 5
_TRAILING_NUMBER = re.compile(r"^(.*?)([0-9]{1,9})$")  # ASCII digits, nine at most: see values.py
_ESCAPE = re.compile(r"\\(.)")
_ESCAPES = {'"': '"', "\\": "\\", "n": "\n", "t": "\t"}


class Field(NamedTuple):
    name: str  # canonical keyword, e.g. "REQUIRES"
    value: Any
    span: Span


class Word(NamedTuple):
    text: str
    span: Span


# Fields that may be written several times; their values are joined (lists) or collected.
_LISTS = {
    "GENERAL",
    "ACTIVITIES",
    "COVERS",
    "COREQUIRES",
    "KNOWS",
    "CAN",
    "EXPERIENCE",
    "LINKS",
    "CORE",
    "BUNDLES",
    "REQUESTS",
    "ATTAINED_BY",
    "TERM_WEEKS",
    "BASELINE",
    "CYCLES",
    "ROOMS",
    "ATTESTATION",
    "DISCIPLINES",
    "ATTESTATION_WEEKS",
    "HOLIDAYS",
    "VOLUME",
    "EQUIPMENT",
    "INDICATORS",
}
_REPEATED = {
    "COURSE",
    "PRACTICE",
    "RECOGNIZE",
    "COMPETENCY",
    "DELIVERS",
    "REQUIRES",
    "TAG",
    "TERM",
    "TOPIC",
    "AGREED_BY",
    "COMPLEX_EXAM",
    "COMPLEX_CREDIT",
    "ROOM",
    "LITERATURE",
}
_CREDITS = re.compile(r"\d+(?:\.\d+)?")


def implied_kind(code: str) -> CompetencyKind:
    """The kind a competency's code announces: `ОК-01` general, `ПКс-1.1` variable, `ПК-1.1` professional."""
    upper = code.upper()
    if upper.startswith("ОК"):
        return CompetencyKind.GENERAL
    if code.startswith("ПКс") or upper.startswith("ПКС"):
        return CompetencyKind.VARIABLE
    if upper.startswith("ПК"):
        return CompetencyKind.PROFESSIONAL
    return CompetencyKind.FOUNDATION


class ModelBase:
    """Positions, values and field collection: what every rule needs."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.diags: list[Diagnostic] = []
        self.depth: dict[int, int] = {}  # id(expression) → nesting depth, to refuse absurd nesting
        self.too_deep = False
        # each enumerated value → how the file spelt it (`Эк`, `квалификационный_экзамен`): the formatter
        # keeps the spelling the file writes
        self.written: dict[Enum, dict[str, int]] = {}

    # ------------------------------------------------------------------ positions and values

    def _span(self, meta: Any) -> Span:
        return Span(
            file=self.path, line=meta.line, column=meta.column, end_line=meta.end_line, end_column=meta.end_column
        )

    def _tspan(self, tok: Token) -> Span:
        return Span(
            file=self.path,
            line=tok.line or 0,
            column=tok.column or 0,
            end_line=tok.end_line or 0,
            end_column=tok.end_column or 0,
        )

    def code(self, meta: Any, children: list[Token]) -> Ref:
        return Ref(code=str(children[0]), span=self._tspan(children[0]))

    def word(self, meta: Any, children: list[Token]) -> Word:
        return Word(str(children[0]), self._tspan(children[0]))

    def text(self, meta: Any, children: list[Token]) -> Text:
        tok = children[0]
        raw = str(tok)[1:-1]

        def unescape(m: re.Match[str]) -> str:
            if m.group(1) in _ESCAPES:
                return _ESCAPES[m.group(1)]
            col = (tok.column or 0) + 1 + m.start()
            span = Span(file=self.path, line=tok.line or 0, column=col, end_line=tok.line or 0, end_column=col + 2)
            self.diags.append(diagnostic("C023", "invalid-escape", span, help="invalid-escape.help", seq=m.group(0)))
            return m.group(0)

        for m in CONTROL_CHARACTERS.finditer(raw):
            # a raw control character (a terminal escape, a vertical tab) is invisible, rewrites the
            # terminal that shows it and breaks DOCX and XLSX: it is reported and left out
            col = (tok.column or 0) + 1 + m.start()
            span = Span(file=self.path, line=tok.line or 0, column=col, end_line=tok.line or 0, end_column=col + 1)
            self.diags.append(
                diagnostic(
                    "C023", "control-character", span, help="control-character.help", char=f"U+{ord(m.group()):04X}"
                )
            )
        value = _ESCAPE.sub(unescape, CONTROL_CHARACTERS.sub("", raw))
        return Text(value=value, span=self._tspan(tok))

    def amount(self, meta: Any, children: list[Token]) -> int | None:
        return values.number(str(children[0]), self._tspan(children[0]), self.diags)

    def percent(self, meta: Any, children: list[Token]) -> int | None:
        return values.percent(str(children[0]), self._tspan(children[0]), self.diags)

    def codes(self, meta: Any, children: list[Ref | list[Ref]]) -> tuple[Ref, ...]:
        out: list[Ref] = []
        for child in children:
            out.extend(child if isinstance(child, list) else [child])
        return tuple(out)

    def range(self, meta: Any, children: list[Ref]) -> list[Ref]:
        start, end = children
        span = self._span(meta)
        a, b = _TRAILING_NUMBER.match(start.code), _TRAILING_NUMBER.match(end.code)
        if a is None or b is None or a.group(1) != b.group(1) or int(a.group(2)) > int(b.group(2)):
            self.diags.append(
                diagnostic("C025", "bad-range", span, help="bad-range.help", start=start.code, end=end.code)
            )
            return [start, end]
        first, last = int(a.group(2)), int(b.group(2))
        if last - first + 1 > MAX_RANGE:
            self.diags.append(
                diagnostic(
                    "C025",
                    "range-too-long",
                    span,
                    start=start.code,
                    end=end.code,
                    count=last - first + 1,
                    limit=MAX_RANGE,
                )
            )
            return [start, end]
        width = len(a.group(2)) if a.group(2).startswith("0") or len(a.group(2)) == len(b.group(2)) else 1
        return [Ref(code=f"{a.group(1)}{n:0{width}d}", span=span) for n in range(first, last + 1)]

    def _choose(self, word: Word, enum: Any, field: str) -> Any:
        value = values.choose(word.text, enum, Kw(field), word.span, self.diags)
        if value is not None:
            spelt = self.written.setdefault(value, {})
            spelt[word.text] = spelt.get(word.text, 0) + 1
        return value

    def _said(self, field: str, texts: Sequence[Text]) -> tuple[Text, ...]:
        """The texts that say something: an empty one (`""`, only spaces) would print an empty line of
        a document, so it is C026 and left out."""
        for t in texts:
            if not t.value.strip():
                self.diags.append(diagnostic("C026", "empty-text", t.span, field=Kw(field), help="empty-text.help"))
        return tuple(t for t in texts if t.value.strip())

    def _duration(self, word: Word) -> Duration | None:
        return values.duration(word.text, word.span, self.diags)

    def hours(self, meta: Any, children: list[tuple[Word, int | None]]) -> Field:
        span = self._span(meta)
        seen: dict[HoursKind, Span] = {}
        amounts: dict[str, int] = {}
        for word, amount in children:
            kind = self._choose(word, HoursKind, "HOURS")
            if kind is None:
                continue
            if kind in seen:
                self.diags.append(self._duplicate(f"`{word.text}`", word.span, seen[kind]))
                continue
            seen[kind] = word.span
            if amount is not None:
                amounts[kind.value] = amount
        return Field("HOURS", Hours(**amounts), span)

    def hours_item(self, meta: Any, children: list[Any]) -> tuple[Word, int | None]:
        return children[0], children[1]

    # ------------------------------------------------------------------ declarations

    def _duplicate(self, what: str, span: Span, first: Span) -> Diagnostic:
        return diagnostic(
            "C024",
            "duplicate-field",
            span,
            labels=[Label(first, Msg("duplicate-field.label"))],
            help="duplicate-field.help",
            field=what,
        )

    def _keyed(self, items: Sequence[tuple[Any, Any, Span] | None], shown: Callable[[Any], str]) -> dict[Any, Any]:
        """(key, value, span) items as a dict; a key given twice is C024 at the second one."""
        out: dict[Any, Any] = {}
        first: dict[Any, Span] = {}
        for item in items:
            if item is None:
                continue
            key, value, span = item
            if key in out:
                self.diags.append(self._duplicate(f"`{shown(key)}`", span, first[key]))
                continue
            out[key], first[key] = value, span
        return out

    def _collect(self, fields: Sequence[Any]) -> tuple[dict[str, Any], dict[str, Span]]:
        """Fields by name; lists joined, repeatable ones gathered, a scalar given twice diagnosed."""
        out: dict[str, Any] = {}
        spans: dict[str, Span] = {}
        for f in fields:
            if not isinstance(f, Field):
                continue
            if f.name in _REPEATED:
                out.setdefault(f.name, []).append(f.value)
            elif f.name in _LISTS:
                out[f.name] = (*out.get(f.name, ()), *(v for v in f.value if v is not None))
            elif f.name in spans:
                self.diags.append(
                    diagnostic(
                        "C024",
                        "duplicate-field",
                        f.span,
                        labels=[Label(spans[f.name], Msg("duplicate-field.label"))],
                        help="duplicate-field.help",
                        field=Kw(f.name),
                    )
                )
                continue
            else:
                out[f.name] = f.value
            spans.setdefault(f.name, f.span)
        return out, spans

    def _head(self, meta: Any, children: list[Any]) -> tuple[Ref, Text | None, list[Any]]:
        ref = children[0]
        title = children[1] if len(children) > 1 and isinstance(children[1], Text) else None
        rest = children[2:] if title is not None else children[1:]
        return ref, title, rest

    def _base(self, meta: Any, ref: Ref, title: Text | None, spans: dict[str, Span]) -> dict[str, Any]:
        return {"code": ref.code, "code_span": ref.span, "span": self._span(meta), "title": title, "fields": spans}
