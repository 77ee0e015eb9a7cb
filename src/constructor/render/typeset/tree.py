"""The documents' HTML read back as a tree: what the shipped templates write, nothing more.

The PDFs are set by Typst from the same HTML the browser shows, so the two cannot disagree by a word
or an hour. The HTML is the templates' own output (every value escaped by jinja2), so a small reader
serves: elements, their classes and spans, text. Inline SVG pictures (the report's) are taken out
before reading, whole, since an HTML reader would lower-case their `viewBox`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID = frozenset({"br", "meta", "img", "hr", "col", "link", "input", "wbr", "x-svg"})
_SVG = re.compile(r"<svg\b.*?</svg>", re.DOTALL | re.IGNORECASE)


@dataclass
class Node:
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[Node | str] = field(default_factory=list)

    @property
    def classes(self) -> frozenset[str]:
        return frozenset(self.attrs.get("class", "").split())

    def elements(self, *tags: str) -> list[Node]:
        return [c for c in self.children if isinstance(c, Node) and (not tags or c.tag in tags)]

    def find(self, tag: str) -> Node | None:
        for child in self.elements():
            if child.tag == tag:
                return child
            found = child.find(tag)
            if found is not None:
                return found
        return None

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def span(self, name: str) -> int:
        """colspan/rowspan as a number (1 when absent or not a number)."""
        value = self.attrs.get(name, "1")
        return max(1, int(value)) if value.isdigit() else 1


@dataclass
class Document:
    body: Node
    title: str
    style: str
    pictures: list[str]  # the inline SVGs, in order; `<x-svg data-i="N">` in the tree stands for each


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root")
        self.stack = [self.root]
        self.title: list[str] = []
        self.style: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1].children.append(Node(tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        top = self.stack[-1].tag
        if top == "title":
            self.title.append(data)
        elif top == "style":
            self.style.append(data)
        else:
            self.stack[-1].children.append(data)


def read(html: str) -> Document:
    pictures: list[str] = []

    def keep(match: re.Match[str]) -> str:
        pictures.append(match.group(0))
        return f'<x-svg data-i="{len(pictures) - 1}">'

    reader = _Reader()
    reader.feed(_SVG.sub(keep, html))
    reader.close()
    body = reader.root.find("body") or reader.root
    return Document(body, "".join(reader.title).strip(), "".join(reader.style), pictures)
