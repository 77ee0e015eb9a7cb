"""A document's HTML as Typst markup: pages, headings, paragraphs, lists, tables, pictures.

Every text from the HTML becomes a Typst string literal (`inline.literal`), so a title such as
`#read("/etc/passwd")` or `]` is printed as written; only this module writes markup.
"""

from __future__ import annotations

import re
from dataclasses import replace

from constructor.render.typeset import fonts, tables
from constructor.render.typeset.inline import ASCENT, DESCENT, Look, literal, runs, text_args, write
from constructor.render.typeset.tree import Document, Node, read

MM = tables.MM
_BLOCKS = frozenset({"p", "h1", "h2", "h3", "h4", "div", "table", "ul", "ol", "x-svg", "section"})
_HEADINGS = {"h1": (1, 14.0, 0.0, 4 * MM), "h2": (2, 11.0, 6 * MM, 2 * MM), "h3": (3, 10.5, 10.5, 10.5)}
_FOOTER = re.compile(r'content:\s*"([^"]*)"\s*counter\(page\)\s*"([^"]*)"\s*counter\(pages\)')


class Writer(tables.BlockWriter):
    def __init__(self, document: Document, room: float, page: float) -> None:
        self.document = document
        self.room = room
        self.page = page  # the page's height for text, in points
        self.in_title = False
        self.in_back = False

    def blocks(self, node: Node, look: Look) -> list[str]:
        """The node's children as Typst code lines; runs of inline content become paragraphs."""
        out: list[str] = []
        pending = Node("#inline")
        for child in node.children:
            if isinstance(child, Node) and child.tag in _BLOCKS:
                self._paragraph(pending, look, out)
                pending = Node("#inline")
                out.extend(self.block(child, look))
            else:
                pending.children.append(child)
        self._paragraph(pending, look, out)
        return out

    def _paragraph(self, node: Node, look: Look, out: list[str]) -> None:
        items = runs(node, look)
        if items:
            out.append(f"[{write(items, look)}]")

    def block(self, node: Node, look: Look) -> list[str]:
        tag, classes = node.tag, node.classes
        if tag in _HEADINGS:
            return self._heading(node, look)
        if tag == "p":
            return self._p(node, look)
        if tag == "table":
            text = tables.table(node, self.room, self.in_title, self, self.page)
            if not text:
                return []
            if self.in_title and "signatures" in classes:
                return [f"block(above: 6mm, below: 6mm, {text})"]
            if self.in_title and "title-lines" in classes:
                return [f"block(above: 4mm, below: 0mm, width: 100%, {text})"]
            return [f"block(above: 0mm, below: 4mm, width: 100%, breakable: true, {text})"]
        if tag in ("ul", "ol"):
            items = [self._content(li, look) for li in node.elements("li")]
            kind = "list" if tag == "ul" else "enum"
            inner = f"{kind}(tight: true, indent: 1mm, body-indent: 2mm, {', '.join(items)})" if items else "[]"
            return [f"block(above: 1mm, below: 1mm, {inner})"]
        if tag == "x-svg":
            return [self._picture(node)]
        if tag == "div" and "title-page" in classes:
            self.in_title = True
            body = self.blocks(node, replace(look, size=11.0))
            self.in_title = False
            # the padding on top (a block's spacing above is dropped at a page's top)
            return [f"align(center, block(inset: (top: 8mm), {{{'; '.join(body)}}}))", "pagebreak(weak: true)"]
        if tag == "div" and "back-page" in classes:
            self.in_back = True
            body = self.blocks(node, replace(look, size=11.0))
            self.in_back = False
            return [f"block({{set par(leading: 0.44em); {'; '.join(body)}}})", "pagebreak(weak: true)"]
        return self.blocks(node, look)

    def _heading(self, node: Node, look: Look) -> list[str]:
        level, size, above, below = _HEADINGS[node.tag]
        if self.in_title and node.tag == "h1":
            size, above, below = 18.0, 4 * MM, 2 * MM
        heading = replace(look, size=size, bold=True)
        items = runs(node, heading)
        out = ["pagebreak(weak: true)"] if "break" in node.classes else []
        # the size inside the heading: Typst's own heading sizes (1.4 em a first level …) apply around it
        inner = f"text({', '.join(text_args(heading))}, [{write(items, heading)}])"
        text = f"heading(level: {level}, {inner})"
        out.append(f"block(above: {above:.2f}pt, below: {below:.2f}pt, sticky: true, {text})")
        return out

    def _p(self, node: Node, look: Look) -> list[str]:
        classes = node.classes
        if self.in_title:
            if "college" in classes or "track" in classes:
                look = replace(look, bold=True)
            if "row-line" in classes:
                look = replace(look, size=13.0, bold=True)
        if "muted" in classes:
            look = replace(look, fill="#555555")
        if "warning" in classes:
            look = replace(look, fill="#660000")
        items = runs(node, look)
        content = f"text({', '.join(text_args(look))}, [{write(items, look)}])"
        above = below = 9.0
        if self.in_title:
            above = below = 2 * MM
            if "track" in classes:
                above = 5 * MM
            if "footer" in classes:
                above = 30 * MM
        if self.in_back:  # 5 mm below, and the half-leading a browser's 1.6 line puts under the last line
            above, below = 0.0, 5 * MM + 0.436 * look.size
        if "warning" in classes:
            return [f'block(above: 9pt, below: 9pt, stroke: 1pt + rgb("#bb0000"), inset: 2mm, width: 100%, {content})']
        return [f"block(above: {above:.2f}pt, below: {below:.2f}pt, width: 100%, {content})"]

    def _content(self, node: Node, look: Look) -> str:
        return "{" + "; ".join(self.blocks(node, look)) + "}"

    def cell_blocks(self, node: Node, look: Look) -> str | None:
        if not any(isinstance(c, Node) and c.tag in _BLOCKS for c in node.children):
            return None
        return self._content(node, look)

    def _picture(self, node: Node) -> str:
        index = int(node.attrs.get("data-i", "0"))
        svg = self.document.pictures[index] if index < len(self.document.pictures) else ""
        match = re.search(r'\bwidth="([0-9.]+)', svg)
        width = min(float(match.group(1)) * 0.75, self.room) if match else self.room
        return f'block(above: 2mm, below: 4mm, image(bytes({literal(svg)}), format: "svg", width: {width:.2f}pt))'


def source(html: str) -> str:
    """The Typst source of one document."""
    document = read(html)
    landscape = bool(re.search(r"size:\s*A4\s+landscape", document.style))
    footer = _FOOTER.search(document.style)
    page_word, of_word = (footer.group(1), footer.group(2)) if footer else ("", "/")
    width, tall = (297, 210) if landscape else (210, 297)
    writer = Writer(document, (width - 24) * MM, (tall - 33) * MM)
    body = writer.blocks(document.body, Look())
    found = re.search(r'<html lang="([a-z]{2})"', html)
    lang = found.group(1) if found else ""
    foot = (
        f"context align(right, text(size: 8pt, {literal(page_word.strip())} + "
        f'" " + str(counter(page).get().first()) + " " + {literal(of_word.strip())} + " " + '
        f"str(counter(page).final().first())))"
    )
    head = [
        f"#set document(title: {literal(document.title)}, date: none)",
        f'#set page(paper: "a4", flipped: {str(landscape).lower()}, '
        f"margin: (top: 15mm, right: 12mm, bottom: 18mm, left: 12mm), footer: {foot}, footer-descent: 40%)",
        f'#set text(font: "{fonts.FAMILY}", size: 9pt, fill: rgb("#111111"), hyphenate: false'
        + (f', lang: "{lang}"' if lang else "")
        + ")",
        f"#set text(top-edge: {ASCENT}em, bottom-edge: -{DESCENT}em)",  # a line as tall as a browser's
        "#set par(justify: false, leading: 0em, spacing: 0pt)",
        "#show heading: it => it.body",
        "#set list(marker: [•])",
        "#set table.cell(breakable: false)",  # a row on one page (the stylesheet's `tr {page-break-inside: avoid}`)
    ]
    return "\n".join(head + [f"#{line}" for line in body]) + "\n"
