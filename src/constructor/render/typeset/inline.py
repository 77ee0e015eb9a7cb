"""Text inside a block: runs of one look, collapsed as a browser collapses white space, and written as
Typst string literals — no value from a program ever reaches Typst as markup or code."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from constructor.render.typeset.tree import Node

_SPACE = re.compile(r"[ \t\n\r\f]+")  # not \s: a no-break space is text


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
        text = _SPACE.sub(" ", run.text)
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
        text = literal(run.text)
        parts.append(f"#text({', '.join(args)}, {text})" if args else f"#{text}")
    return "".join(parts)
