"""Tables: the templates' stylesheet for cells (base.html.j2) said again for Typst, and column widths
laid out as a browser lays out an automatic table — from each column's narrowest and widest content.

The widths are computed here, not left to Typst: a browser gives a long name the room it needs and a
column of hours no more than its digits, while Typst's own automatic columns share room differently
(a «1fr» column can be squeezed to nothing). The stylesheet's rules are kept in the same order as in
`templates/base.html.j2`; a change there is made here too (tests/test_typeset.py fails on a class of
the stylesheet unknown here, and checks a few cells' looks against it).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from typing import Protocol

from constructor.render.typeset import fonts
from constructor.render.typeset.inline import LINE, Look, Run, literal, plain, runs, text_args, write
from constructor.render.typeset.tree import Node

MM = 72 / 25.4  # points in a millimetre
_FILLS = {"К": "#e8eef7", "П": "#eef7e8", "У": "#eef7e8", "ПДП": "#eef7e8", "ПА": "#f7eee8", "Г": "#f7eee8"}


@dataclass
class Cell:
    node: Node
    header: bool  # in `thead`: repeated on each page
    row: frozenset[str]  # the row's classes
    y: int  # the row's index in the table (Typst is told where each cell goes)
    position: int  # among the row's cells, from 1 (CSS nth-child)
    last: bool
    column: int = 0
    colspan: int = 1
    rowspan: int = 1
    look: Look = field(default_factory=Look)
    inset: tuple[float, float] = (1.2 * MM, 1 * MM)  # x, y
    align: str = "left"
    nowrap: bool = False
    width: float | None = None  # the content's width in points, from the stylesheet (CSS adds the insets)
    share: float | None = None  # or the column's share of the table, in per cent
    fill: str | None = None
    rule_above: bool = False  # a total's heavy line
    indent: float = 0.0  # a left inset in place of the cell's own (`padding-left`)
    upright: float | None = None  # the matrix's codes read bottom to top: the header's height in points
    leading: float = 0.0  # ems between lines beyond the font's own line (CSS line-height 1.5: 0.336)
    wraps: bool = False  # `white-space: normal` said for the cell, over `td:first-child`'s nowrap
    breakable: bool = False  # a row taller than half a page may break (else it would run off the page)
    items: list[Run] = field(default_factory=list)


def cells(table: Node) -> tuple[list[list[Cell]], int]:
    """The table's rows of cells (in `thead` first), and how many rows the header has."""
    rows: list[tuple[Node, bool]] = []
    for part in table.elements():
        if part.tag == "tr":
            rows.append((part, False))
        for tr in part.elements("tr"):
            rows.append((tr, part.tag == "thead"))
    out = []
    for y, (tr, header) in enumerate(rows):
        tds = tr.elements("td", "th")
        out.append(
            [
                Cell(
                    td,
                    header,
                    tr.classes,
                    y,
                    i + 1,
                    i == len(tds) - 1,
                    colspan=td.span("colspan"),
                    rowspan=td.span("rowspan"),
                )
                for i, td in enumerate(tds)
            ]
        )
    return out, sum(1 for _, header in rows if header)


def place(rows: list[list[Cell]]) -> int:
    """Each cell's first column, as rowspans and colspans push the cells after them; the column count."""
    taken: set[tuple[int, int]] = set()
    width = 0
    for r, row in enumerate(rows):
        col = 0
        for cell in row:
            while (r, col) in taken:
                col += 1
            cell.column = col
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    taken.add((r + dr, col + dc))
            col += cell.colspan
            width = max(width, col)
    return max([width] + [c + 1 for _, c in taken])


def style(table: frozenset[str], cell: Cell, first_header_row: bool, in_title: bool) -> None:
    """base.html.j2's rules for the cell, in the stylesheet's order."""
    td, c, row, n = cell.node.tag == "td", cell.node.classes, cell.row, cell.position
    look = Look()
    if not td:  # every `th`, in the header or not (the calendar's years)
        cell.fill, look = "#e8eef7", replace(look, bold=True)
    if td and "n" in c:
        cell.align, cell.nowrap = "right", True
    if td and "group" in row:
        cell.fill, look = "#f2f2f2", replace(look, bold=True)
    if td and "course" in row:
        look = replace(look, italic=True, fill="#333333")
    if td and "total" in row:
        look, cell.rule_above = replace(look, bold=True), True
    if in_title and "signatures" in table and td:
        cell.share, cell.leading, look = 50.0, 0.336, replace(look, size=10.5)
        cell.wraps = True
    if in_title and "title-lines" in table and td:
        cell.inset, look = (3 * MM, 0.6 * MM), replace(look, size=11)
    if "cal" in table:
        cell.align, cell.inset, look = "center", (0.3 * MM, 0.3 * MM), replace(look, size=6)
        if "day" in c:
            cell.nowrap, look = True, replace(look, bold=False, size=4.5)
        code = next((k[2:] for k in c if k.startswith("w-")), None)
        if td and code in _FILLS:
            cell.fill = _FILLS[code]
        if td and code == "=":
            look = replace(look, fill="#999999")
    if "rooms" in table and td and n == 1:
        cell.width = 8 * MM
    if td and n == 1 and not cell.wraps:
        cell.nowrap = True
    if "plan" in table and n == 2 and (td or first_header_row):
        cell.width = 42 * MM
    if "reasons" in table and n in (4, 5):
        cell.width = (30 if n == 4 else 36) * MM
    if "plan" in table:
        cell.inset, look = (0.5 * MM, 0.4 * MM), replace(look, size=6.3)
        if not td and "v" in c:
            look = replace(look, bold=False)
        if td and "f" in c:
            cell.align, cell.nowrap = "center", True
        if td and "count" in row:
            look = replace(look, italic=True)
    if "lines" in table and td and n == 1:
        cell.width, cell.nowrap = 45 * MM, False
    if "results" in table and td and n == 1:
        cell.width = 14 * MM
    if table & {"volume", "control", "savings"} and td and n == 1:
        cell.nowrap = False
    if table & {"volume", "savings"} and td and "n" in c:
        cell.width = 25 * MM
    if table & {"volume", "savings"} and td and n == 1 and "d1" in row:
        cell.indent = 5 * MM
    if "volume" in table and td and n == 1 and "d2" in row:
        cell.indent = 10 * MM
    if "control" in table and td and (n == 1 or cell.last):
        cell.share = 36.0 if n == 1 else 32.0
    if "parts" in table:
        if td and n == 2:
            cell.width = 45 * MM
        look = replace(look, size=7.5)
        if td and "f" in c:
            cell.nowrap = True
    if "topics" in table and td and n == 1:
        cell.nowrap = False
    if "topics" in table and td and "n" in c:
        cell.width = 14 * MM
    if "topics" in table and td and "outside" in row:
        look = replace(look, italic=True)
    if table & {"matrix", "matrix-list"}:
        cell.inset, look = (0.6 * MM, 0.4 * MM), replace(look, size=6.5 if "matrix" in table else 7)
        if td and n == 2:
            cell.width = (60 if "matrix" in table else 70) * MM
        if not td and "c" in c:
            cell.width, cell.upright = 4 * MM, _height(cell.node.attrs.get("style", ""))
        if td and "m" in c:
            cell.align = "center"
    cell.look = look


def _height(css: str) -> float:
    """The matrix header's height: its own `height: Nmm`, else the stylesheet's 14 mm."""
    if "height:" in css:
        value = css.split("height:", 1)[1].strip().removesuffix(";").strip().removesuffix("mm")
        try:
            return float(value) * MM
        except ValueError:
            pass
    return 14 * MM


def _extent(cell: Cell) -> tuple[float, float]:
    """The cell's narrowest and widest content width in points (its words, its lines), with insets."""
    if cell.upright is not None:
        return cell.width or 0.0, cell.width or 0.0
    word_widest = max(
        (fonts.width(w, r.look.size, r.look.bold, r.look.italic) for r in cell.items for w in r.text.split(" ")),
        default=0.0,
    )
    # the font's own advances, as Typst sets them (its kerning only narrows): a hair of room is enough
    widest = max(_lines(cell)) + 0.2
    narrowest = widest if cell.nowrap else word_widest + 0.2
    pad = cell.inset[0] + (cell.indent or cell.inset[0])
    return narrowest + pad, widest + pad


def _lines(cell: Cell) -> list[float]:
    """The widths in points of the cell's lines as written (its `<br>`s), unwrapped."""
    lines = [0.0]
    for run in cell.items:
        if run.br:
            lines.append(0.0)
        else:
            lines[-1] += fonts.width(run.text, run.look.size, run.look.bold, run.look.italic)
    return lines


def widths(rows: list[list[Cell]], count: int, room: float, full: bool) -> list[float]:
    """The columns' widths in points: automatic table layout over `room` (all of it when `full`)."""
    low, high = [0.0] * count, [0.0] * count
    fixed: dict[int, float] = {}
    wraps: set[int] = set()  # columns with a body cell whose text may wrap: they take the spare room
    spanning = []
    for row in rows:
        for cell in row:
            if not cell.header and not cell.nowrap and cell.colspan == 1:
                wraps.add(cell.column)
            lo, hi = _extent(cell)
            if cell.colspan > 1:
                spanning.append((cell, lo, hi))
                continue
            k = cell.column
            low[k], high[k] = max(low[k], lo), max(high[k], hi)
            if cell.width is not None or cell.share is not None:
                # a width is the content's, as CSS has it (the insets come on top); a share is the column's
                want = cell.width + 2 * cell.inset[0] if cell.width is not None else room * (cell.share or 0) / 100
                fixed[k] = max(fixed.get(k, 0.0), want)
    for cell, lo, hi in spanning:  # a spanning cell wider than its columns widens them evenly
        cols = range(cell.column, min(cell.column + cell.colspan, count))
        for need, values in ((lo, low), (hi, high)):
            short = need - sum(values[c] for c in cols)
            if short > 0:
                for c in cols:
                    values[c] += short / len(cols)
    least = list(low)  # what the content needs, before the stylesheet's widths
    for k, want in fixed.items():
        low[k] = high[k] = max(want, low[k])
    free = [k for k in range(count) if k not in fixed]
    rest = room - sum(low[k] for k in fixed)
    lo_sum, hi_sum = sum(low[k] for k in free), sum(high[k] for k in free)
    out = list(low)
    if hi_sum <= rest:
        for k in free:
            out[k] = high[k]
        # the spare room of a full-width table goes to the free columns whose text wraps; where no
        # free column wraps (the matrix: a column of codes, the others fixed), to every column by its width
        takers = [k for k in free if k in wraps] or list(range(count))
        weights = sum(out[k] for k in takers)
        extra = rest - hi_sum if full else 0.0
        for k in takers:
            out[k] += extra * (out[k] / weights if weights else 1 / len(takers))
    elif lo_sum < rest:
        share = (rest - lo_sum) / (hi_sum - lo_sum)
        for k in free:
            out[k] = low[k] + (high[k] - low[k]) * share
    over = sum(out) - room
    slack = sum(out[k] - least[k] for k in range(count))
    if over > 0 and slack > 0:  # widths asked for that do not fit: they give way, down to the content
        cut = min(1.0, over / slack)
        out = [out[k] - (out[k] - least[k]) * cut for k in range(count)]
    return out


def _keep_last_rows(rows: list[list[Cell]], header_rows: int) -> None:
    """The plan's «Итого» and the yearly counts after it on one page: their empty first cells become
    one cell spanning them (a cell's rows are never split: `breakable: false`)."""
    k = len(rows)
    while k > header_rows and rows[k - 1] and rows[k - 1][0].row & {"total", "count"}:
        first = rows[k - 1][0]
        if first.node.tag != "td" or first.node.text().strip() or first.colspan > 1:
            break
        k -= 1
    if len(rows) - k > 1:
        rows[k][0].rowspan = len(rows) - k
        for row in rows[k + 1 :]:
            del row[0]


def layout(node: Node, room: float, in_title: bool) -> tuple[list[list[Cell]], int, list[float]]:
    """The table's cells styled, how many rows its header has, and its columns' widths in points."""
    rows, header_rows = cells(node)
    _keep_last_rows(rows, header_rows)
    count = place(rows) if rows else 0
    for r, row in enumerate(rows):
        for cell in row:
            style(node.classes, cell, r == 0 and cell.header, in_title)
            cell.items = runs(cell.node, cell.look)
    return rows, header_rows, widths(rows, count, room, _full(node.classes)) if rows else []


def _full(classes: frozenset[str]) -> bool:
    """Whether the table is as wide as the page (`width: 100%`), not as its content (`width: auto`)."""
    return not (classes & {"budget", "title-lines"})


def heights(rows: list[list[Cell]], cols: list[float]) -> list[float]:
    """About how tall each row is set, in points: as tall as its most wrapped cell, a fifth more for
    the words that wrap early (what decides whether a row or a table is kept on one page)."""
    out = []
    for row in rows:
        tallest = 0.0
        for cell in row:
            if cell.upright is not None:  # the matrix's codes: as tall as the stylesheet says
                tallest = max(tallest, cell.upright + 2 * cell.inset[1])
                continue
            columns = sum(cols[cell.column : cell.column + cell.colspan])
            room = max(columns - cell.inset[0] - (cell.indent or cell.inset[0]), 1.0)
            count = sum(max(1, math.ceil(1.2 * width / room)) for width in _lines(cell))
            tall = count * LINE * cell.look.size * (1 + cell.leading / LINE) + 2 * cell.inset[1]
            tallest = max(tallest, tall / max(cell.rowspan, 1))
        out.append(tallest)
    return out


def table(node: Node, room: float, in_title: bool, body: BlockWriter, page: float) -> str:
    """The table as Typst code. As a browser keeps rows whole (`page-break-inside: avoid`) where it
    can: a row on one page (a row taller than half of `page`, the page's height, breaks rather than
    run off its foot), a table shorter than a third of a page on one page, and the header repeated on
    each page unless it is taller than a third of one (a matrix's codes of 160 letters)."""
    rows, header_rows, cols = layout(node, room, in_title)
    if not rows:
        return ""
    tall = heights(rows, cols)
    for r, row in enumerate(rows):
        for cell in row:
            cell.breakable = any(h > page / 2 for h in tall[r : r + cell.rowspan])
    classes = node.classes
    full = _full(classes)
    borderless = in_title and classes & {"signatures", "title-lines"}
    head = [_cell(c, body) for row in rows[:header_rows] for c in row]
    rest = [_cell(c, body) for row in rows[header_rows:] for c in row]
    stroke = "none" if borderless else '0.4pt + rgb("#555555")'
    parts = [
        f"columns: ({', '.join(f'{w:.2f}pt' for w in cols)},)",
        f"stroke: {stroke}",
        "align: left + top",
        "inset: (x: 1.2mm, y: 1mm)",
    ]
    if head:
        repeat = "true" if sum(tall[:header_rows]) < page / 3 else "false"
        parts.append(f"table.header(repeat: {repeat}, {', '.join(head)})")
    parts.extend(rest)
    text = f"table({', '.join(parts)})"
    if not full:
        text = f"align(center, {text})" if "title-lines" in classes else text
    if not in_title and sum(tall) < page / 3:
        text = f"block(breakable: false, {text})"
    return text


class BlockWriter(Protocol):
    """What a cell holding blocks (lists, paragraphs) needs from the block writer (markup.py)."""

    def cell_blocks(self, node: Node, look: Look) -> str | None: ...


def _cell(cell: Cell, body: BlockWriter) -> str:
    args = [f"x: {cell.column}", f"y: {cell.y}"]  # where the cell goes, not left to Typst's filling
    if cell.colspan > 1:
        args.append(f"colspan: {cell.colspan}")
    if cell.rowspan > 1:
        args.append(f"rowspan: {cell.rowspan}")
    if cell.fill:
        args.append(f'fill: rgb("{cell.fill}")')
    if cell.align != "left":
        args.append(f"align: {cell.align} + top")
    x, y = cell.inset
    if (x, y) != (1.2 * MM, 1 * MM) or cell.indent:
        args.append(f"inset: (left: {cell.indent or x:.2f}pt, right: {x:.2f}pt, y: {y:.2f}pt)")
    if cell.rule_above:
        args.append('stroke: (top: 1.2pt + rgb("#111111"))')
    if cell.breakable:
        args.append("breakable: true")
    look = cell.look
    blocks = body.cell_blocks(cell.node, look)
    if cell.upright is not None:
        content = (
            f"block(height: {cell.upright:.2f}pt, width: 100%, align(center + bottom, "
            f"rotate(-90deg, reflow: true, text({', '.join(text_args(look))}, {literal(plain(cell.items))}))))"
        )
    elif blocks is not None:
        content = blocks
    else:
        inner = write(cell.items, look)
        content = f"box[{inner}]" if cell.nowrap else f"[{inner}]"
    styled = f"text({', '.join(text_args(look))}, {content})"
    if cell.leading:
        styled = f"{{set par(leading: {cell.leading:g}em); {styled}}}"
    return f"table.cell({', '.join(args)}, {styled})" if args else f"table.cell({styled})"
