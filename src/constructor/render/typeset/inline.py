"""Text inside a block: runs of one look, collapsed as a browser collapses white space, and written as
Typst string literals — no value from a program ever reaches Typst as markup or code."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace

from constructor.render.typeset.tree import Node

# not \s: a no-break space is text; the line and paragraph separators are spaces here (a run of them
# made a table row taller than a page)
_SPACE = re.compile(r"[ \t\n\r\f\u2028\u2029]+")
_MAX_MARKS = 16  # combining marks kept on one letter (Vietnamese needs two; a stack of 30,000 took
# Typst 16 GB — its memory grows with the square of a letter's marks)
_MANY_MARKS = re.compile(r"[^\w\s]{17,}")  # combining marks are neither: a cheap look before counting


def _tame(text: str) -> str:
    """The text with at most `_MAX_MARKS` combining marks on each letter."""
    if not _MANY_MARKS.search(text):
        return text
    out, marks = [], 0
    for char in text:
        marks = marks + 1 if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me") else 0
        if marks <= _MAX_MARKS:
            out.append(char)
    return "".join(out)


@dataclass(frozen=True)
class Look:
    size: float = 9.0
    bold: bool = False
    italic: bool = False
    fill: str = "#111111"


@dataclass(frozen=True)
class Run:
    text: str
    look: Look
    br: bool = False  # a line break (its text empty)


def _escaped(char: str) -> str:
    code = ord(char)
    if char in '\\"':
        return "\\" + char
    if code < 0x20 or 0x7F <= code < 0xA0 or code in (0x2028, 0x2029):  # controls and line separators
        return f"\\u{{{code:x}}}"
    return char


_PLAIN = re.compile(r'[^\\"\x00-\x1f\x7f-\x9f\u2028\u2029]*')


def literal(text: str) -> str:
    """A Typst string literal of `text`: printed as written, whatever it holds."""
    if _PLAIN.fullmatch(text):
        return f'"{text}"'
    return '"' + "".join(_escaped(c) for c in text) + '"'


def runs(node: Node, look: Look) -> list[Run]:
    """The node's text as runs, white space collapsed and trimmed at the ends and around line breaks."""
    raw: list[Run] = []
    _collect(node, look, raw)
    out: list[Run] = []
    for run in raw:
        if run.br:
            if out and not out[-1].br:
                out[-1] = replace(out[-1], text=out[-1].text.rstrip(" "))
            out.append(run)
            continue
        text = _SPACE.sub(" ", _tame(run.text))
        if not out or out[-1].br or out[-1].text.endswith(" "):
            text = text.lstrip(" ")
        if text:
            out.append(Run(text, run.look))
    if out and not out[-1].br:
        out[-1] = replace(out[-1], text=out[-1].text.rstrip(" "))
    return [r for r in out if r.text or r.br]


def _collect(node: Node, look: Look, out: list[Run]) -> None:
    for child in node.children:
        if isinstance(child, str):
            out.append(Run(child, look))
        elif child.tag == "br":
            out.append(Run("", look, br=True))
        elif child.tag in ("b", "strong", "th"):
            _collect(child, replace(look, bold=True), out)
        elif child.tag in ("i", "em"):
            _collect(child, replace(look, italic=True), out)
        elif "muted" in child.classes:
            _collect(child, replace(look, fill="#555555"), out)
        else:
            _collect(child, look, out)


# Kept on one line, as a browser keeps them: a code the templates joined with word joiners (U+2060
# after its dots: «МДК.01.02»), set as a box without them — Typst would keep the joiners in the PDF's
# text, and a search for «ПП.01» would not find it —, and an ordinal («4-м семестре», «1-го курса»).
_KEPT = re.compile(r"\S*\u2060\S*|\b\d+-[а-яёa-z]{1,3}\b")


def _pieces(text: str) -> list[tuple[str, bool]]:
    """The text in pieces, each with whether it is kept on one line."""
    out, at = [], 0
    for m in _KEPT.finditer(text):
        if m.start() > at:
            out.append((text[at : m.start()], False))
        out.append((m.group().replace("\u2060", ""), True))
        at = m.end()
    if at < len(text):
        out.append((text[at:], False))
    return out


def write(items: list[Run], base: Look) -> str:
    """Runs as Typst markup; a run in the block's own look is a bare literal."""
    parts = []
    for run in items:
        if run.br:
            parts.append("#linebreak()")
            continue
        args = []
        if run.look.size != base.size:
            args.append(f"size: {run.look.size:g}pt")
        if run.look.bold != base.bold:
            args.append('weight: "bold"' if run.look.bold else 'weight: "regular"')
        if run.look.italic != base.italic:
            args.append('style: "italic"' if run.look.italic else 'style: "normal"')
        if run.look.fill != base.fill:
            args.append(f'fill: rgb("{run.look.fill}")')
        for piece, kept in _pieces(run.text):
            text = f"text({', '.join(args)}, {literal(piece)})" if args else literal(piece)
            parts.append(f"#box({text})" if kept else f"#{text}")
    return "".join(parts)
