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
# What Typst's shaping cannot bear, bounded here (tests/test_typeset.py; a tester's and a reviewer's finds):
_MAX_MARKS = 16  # combining marks kept on one letter: Vietnamese needs two; 30,000 on one letter took
# Typst 16 GB (its memory grows with the square of a letter's marks)
_MAX_SYLLABLE = 48  # letters and marks in a row before a zero-width space: an Indic syllable of 256
# («क» and 256 «ा», or «क्» 200 times) made the shaper panic (a Rust panic, not an exception)
_MARKED = re.compile(r"[^\w\s]{17,}|\S{49,}")  # a cheap look before counting: a run of marks or of non-spaces


def _tame(text: str) -> str:
    """The text with at most `_MAX_MARKS` combining marks on each letter, and a zero-width space (a
    syllable's end for the shaper, not seen in print) after `_MAX_SYLLABLE` characters in a row of a
    word that has marks."""
    if not _MARKED.search(text):
        return text
    out: list[str] = []
    marks = run = 0
    marked = False  # the current word has a combining mark
    for char in text:
        if char.isspace() or char == "\u200b":
            marks = run = 0
            marked = False
            out.append(char)
            continue
        is_mark = unicodedata.category(char).startswith("M")
        marks = marks + 1 if is_mark else 0
        marked = marked or is_mark
        if marks > _MAX_MARKS:
            continue
        run += 1
        if marked and run > _MAX_SYLLABLE:
            out.append("\u200b")
            run = 1
        out.append(char)
    return "".join(out)


# A line of DejaVu Sans as a browser sets it (CSS `line-height: normal`): its hhea ascender and
# descender, in ems. Typst's "ascender"/"descender" read the OS/2 table's, a line of 1.0 em.
ASCENT, DESCENT = 0.928, 0.236
LINE = ASCENT + DESCENT


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


def text_args(look: Look, base: Look | None = None) -> list[str]:
    """The arguments of Typst's `text` that set `look`: all of it, or where it differs from `base`."""
    args = [f"size: {look.size:g}pt"] if base is None or look.size != base.size else []
    if look.bold != (base.bold if base else False):
        args.append('weight: "bold"' if look.bold else 'weight: "regular"')
    if look.italic != (base.italic if base else False):
        args.append('style: "italic"' if look.italic else 'style: "normal"')
    if look.fill != (base.fill if base else Look.fill):
        args.append(f'fill: rgb("{look.fill}")')
    return args


def plain(items: list[Run]) -> str:
    """The runs' text alone, its word joiners left out (inline.write sets joined codes as boxes)."""
    return "".join(" " if r.br else r.text for r in items).replace("\u2060", "")


def write(items: list[Run], base: Look) -> str:
    """Runs as Typst markup; a run in the block's own look is a bare literal."""
    parts = []
    for run in items:
        if run.br:
            parts.append("#linebreak()")
            continue
        args = text_args(run.look, base)
        for piece, kept in _pieces(run.text):
            text = f"text({', '.join(args)}, {literal(piece)})" if args else literal(piece)
            parts.append(f"#box({text})" if kept else f"#{text}")
    return "".join(parts)
