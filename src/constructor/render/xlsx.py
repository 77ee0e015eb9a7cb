"""The plan as an Excel workbook, in the shape methodologists know from the ИС «Планы» export: sheets
Титул, График, План, Компетенции; A4 landscape, borders, wrapped text, real column widths, print titles,
formulas for the totals, empty cells empty. Text is stored as text: a title starting with `=` is never
a formula."""

from __future__ import annotations

import io
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from constructor.compact.plan import Plan
from constructor.i18n import Lang, Words
from constructor.model import AnyDeclaration
from constructor.render import views
from constructor.render.plan_table import HOUR_COLUMNS
from constructor.render.schedule import schedule
from constructor.render.title import title_page

SHEETS = Words("xlsx.sheet.")  # the words are in the catalog: locale/*/LC_MESSAGES/constructor.po
XLSX = Words("xlsx.")
# the forms of control as the ИС «Планы» export has them: course projects and papers apart
XLSX_FORMS = {
    "exam": ("Э", "Эк"),
    "credit": ("З",),
    "graded": ("ДЗ",),
    "course_project": ("КП",),
    "course_paper": ("КР",),
}
# a term's kinds in the order of the totals before them, which follow the printed plan's columns (Лек, Пр, Лаб,
# КРП, ИП, УП/ПП, Конс, СР, ПАтт): the export's own order (Лек, Лаб, Пр) beside it in one sheet was misread
TERM_KINDS = ("theory", "practice", "lab", "course_design", "project", "consultations", "self_study", "attestation")
# a term's УП and ПП where the totals have them: a practice's hours have no kind, and a term whose Итого the
# kinds did not add up to was unreadable (the review: «where are the practice's 144 hours of term 4?»)
TERM_COLUMNS = (*TERM_KINDS[:5], "training", *TERM_KINDS[5:])
_FORMULA_START = ("=", "+", "-", "@")


FONT = "Calibri"  # the workbook's own font: a Font without a name prints in LibreOffice's serif


def _font(**style: Any) -> Any:
    from openpyxl.styles import Font

    return Font(name=FONT, **style)


def _as_text(cell: Any) -> None:
    """A title is text, whatever it starts with: `=HYPERLINK(…)` in a title must not become a live formula
    (spreadsheet injection), and characters a worksheet cannot hold are left out."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    if isinstance(cell.value, str):
        cell.value = ILLEGAL_CHARACTERS_RE.sub("", cell.value)
        if cell.value.startswith(_FORMULA_START):
            cell.data_type = "s"


def _height(text: str, width: float, bold: bool = False) -> float:
    """A row's height in points for wrapped text in a column `width` characters wide: spreadsheet programs
    do not grow rows that openpyxl wrote, so the lines are counted here (about 0.95 characters a unit,
    0.8 in bold: the college's name in bold took a third line the row had no room for)."""
    per_line = max(int(width * (0.8 if bold else 0.95)), 1)
    lines = max(1, -(-len(text) // per_line))
    return 15.0 * lines


def _page(ws: Any, landscape: bool = True) -> None:
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.5


def _box(ws: Any, first_row: int, last_row: int, last_col: int) -> None:
    """Thin borders around every cell of a table, text wrapped and on top."""
    from copy import copy

    from openpyxl.styles import Alignment, Border, Side

    thin = Side(style="thin", color="808080")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrapped: dict[str | None, Alignment] = {}  # a style object per kind, not per cell (openpyxl compares each)
    # A cell's style is a row of indices (`_style`); cells that had the same get the same. Assigning
    # a border or an alignment makes openpyxl hash and compare style objects: two thirds of a workbook's
    # time, and 200,000 cells in a large program's plan. The first cell of each kind is styled as ever.
    boxed: dict[tuple[int, ...], Any] = {}
    for row in ws.iter_rows(min_row=first_row, max_row=last_row, max_col=last_col):
        for cell in row:
            key = tuple(cell._style) if cell._style is not None else ()  # None: a cell not styled yet
            if key in boxed:
                cell._style = copy(boxed[key])
                continue
            cell.border = border
            # (a rotation or a shrink is set on purpose: a heading read bottom to top, a code in its column)
            purposeful = cell.alignment.text_rotation or cell.alignment.shrink_to_fit
            if not purposeful and (cell.alignment is None or not cell.alignment.wrap_text):
                horizontal = cell.alignment.horizontal
                if horizontal not in wrapped:
                    wrapped[horizontal] = Alignment(wrap_text=True, vertical="top", horizontal=horizontal)
                cell.alignment = wrapped[horizontal]
            boxed[key] = copy(cell._style)


def _title_sheet(ws: Any, plan: Plan, table: Mapping[str, AnyDeclaration], lang: Lang) -> None:
    """The title page as the printed one lays it out (a review: «the title sheet is unformatted»): the
    founder and the college centred, СОГЛАСОВАНО on the left and УТВЕРЖДАЮ on the right, the heading
    large in the middle, then the program's particulars, a label and its value a line."""
    from openpyxl.styles import Alignment

    page = title_page(plan, table, lang)
    widths = {"A": 34, "B": 30, "C": 34, "D": 30}  # two halves of a landscape page
    for letter, width in widths.items():
        ws.column_dimensions[letter].width = width

    def line(text: str, *, bold: bool = False, size: float | None = None, row: int | None = None) -> None:
        """A line across the page, centred."""
        r = row or ws.max_row + 1
        cell = ws.cell(r, 1, text or None)
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=4)
        _as_text(cell)
        cell.font = _font(bold=bold, **({"size": size} if size else {}))
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        ws.row_dimensions[r].height = _height(text, 110, bold) * (size or 11) / 11

    def blank() -> None:
        ws.append([None])

    if page.founder:
        line(page.founder)
    if page.college:
        line(page.college, bold=True)
    blank()
    left, right = page.signatures()  # side by side
    first = ws.max_row + 1
    for k in range(max(len(left), len(right))):
        r = first + k
        for column, block in ((1, left), (3, right)):
            if k < len(block):
                text, bold = block[k]
                cell = ws.cell(r, column, text)
                ws.merge_cells(start_row=r, start_column=column, end_row=r, end_column=column + 1)
                _as_text(cell)
                cell.font = _font(bold=bold)
                cell.alignment = Alignment(wrap_text=True, vertical="top")
        texts = [b[k][0] for b in (left, right) if k < len(b)]
        ws.row_dimensions[r].height = max(_height(t, 60) for t in texts)
    blank()
    blank()
    line(page.heading, bold=True, size=16)
    for said in (page.kind, page.specialty, f"{plan.program} «{plan.program_title}»"):
        if said:
            line(said)
    blank()
    for label, value in page.lines:  # «Квалификация — Техник», a label on the left half, its value on the right
        ws.append([label or None, None, value or None])
        r = ws.max_row
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=2)
        ws.merge_cells(start_row=r, start_column=3, end_row=r, end_column=4)
        for column in (1, 3):
            cell = ws.cell(r, column)
            _as_text(cell)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        ws.row_dimensions[r].height = max(_height(label, 60), _height(value, 60))
    if page.professionalitet:
        blank()
        line(page.professionalitet, bold=True)
    _page(ws)


def _calendar_sheet(ws: Any, plan: Plan, table: Mapping[str, AnyDeclaration], lang: Lang) -> None:
    from openpyxl.styles import Alignment
    from openpyxl.utils import get_column_letter

    cal = schedule(plan, table, lang)
    w = views.DOC_WORDS[lang]
    months: list[Any] = [w["year"]]
    for name, n in cal.months:
        months += [name] + [None] * (n - 1)
    ws.append(months)
    col = 2
    for _, n in cal.months:
        if n > 1:
            ws.merge_cells(start_row=1, start_column=col, end_row=1, end_column=col + n - 1)
        col += n
    ws.append([None, *cal.days])
    for row in cal.years:
        ws.append([row.year, *row.codes])
    last = ws.max_row
    for cell in ws[1]:
        cell.font = _font(bold=True, size=8)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for cell in ws[2]:  # the week's days read bottom to top, as printed calendars have them: 52 narrow columns
        cell.font = _font(size=7)
        cell.alignment = Alignment(horizontal="center", vertical="bottom", text_rotation=90)
    ws.row_dimensions[2].height = 30
    code = Alignment(horizontal="center", vertical="center", shrink_to_fit=True)  # «ПДП» whole in its column
    for cells in ws.iter_rows(min_row=3, max_row=last):
        for cell in cells:
            cell.alignment = code
    _box(ws, 1, last, len(cal.days) + 1)
    ws.column_dimensions["A"].width = 6
    for k in range(2, len(cal.days) + 2):
        ws.column_dimensions[get_column_letter(k)].width = 3.6  # «ПДП» in 8 pt; the page stays readable
    ws.append([])
    ws.append([w["budget"]])
    ws[ws.max_row][0].font = _font(bold=True)
    first = ws.max_row + 1
    ws.append([w["year"], *cal.codes, w["all"]])
    for cell in ws[ws.max_row][1:-1]:
        cell.alignment = Alignment(horizontal="center", vertical="bottom", shrink_to_fit=True)
    # «Всего» read bottom to top: the narrow column shows it whole
    ws[ws.max_row][-1].alignment = Alignment(horizontal="center", vertical="bottom", text_rotation=90)
    ws.row_dimensions[ws.max_row].height = 34
    for row in cal.years:
        ws.append([row.year, *(row.budget.get(code) for code in cal.codes), len(row.codes)])
    years_from, years_to = first + 1, ws.max_row
    totals = cal.totals
    sums: list[Any] = [w["all"]]
    for k, code in enumerate([*cal.codes, None], 2):  # a formula under every code with weeks, and the whole
        letter = get_column_letter(k)
        sums.append(f"=SUM({letter}{years_from}:{letter}{years_to})" if code is None or totals[code] else None)
    ws.append(sums)
    for cell in ws[ws.max_row]:
        cell.font = _font(bold=True)
    _box(ws, first, ws.max_row, len(cal.codes) + 2)
    ws.append([])
    for code, words in cal.legend:
        ws.append([code, words])
    _page(ws)


def _plan_sheet(ws: Any, plan: Plan, table: Mapping[str, AnyDeclaration], lang: Lang) -> None:
    """The plan as the HTML table has it: forms of control, hours by kind, practical training, the
    obligatory and variable parts, years and terms; a formula under every numeric column."""
    from openpyxl.styles import Alignment, PatternFill
    from openpyxl.utils import get_column_letter

    doc = views.plan_doc(plan, table, lang)
    w, x = views.DOC_WORDS[lang], XLSX[lang]
    n, years = len(doc.terms), len(doc.years)
    # «Считать в плане», index and name, then the forms (the export's order)
    forms_at, hours_at = 4, 4 + len(XLSX_FORMS)
    years_at = hours_at + len(HOUR_COLUMNS)
    terms_at = years_at + years
    block = 1 + len(TERM_COLUMNS)  # a term: Итого and its hours by kind
    last = terms_at + n * block - 1
    head: list[Any] = [None] * last
    head[0], head[1], head[2] = x["col.counted"], w["code"], w["title"]
    head[forms_at - 1], head[hours_at - 1], head[years_at - 1] = w["forms"], w["load"], w["year"]
    for k, (t, weeks) in enumerate(zip(doc.terms, doc.term_weeks, strict=True)):
        head[terms_at - 1 + k * block] = x["term"].format(n=t[0], weeks=weeks)
    # the columns as the ИС «Планы» export names them (a methodologist sets the two side by side)
    sub: list[Any] = [
        None,
        None,
        None,
        *(x[f"col.{c}"] for c in XLSX_FORMS),
        *(x[f"col.{name}"] for name, _ in HOUR_COLUMNS),
    ]
    sub += [*doc.years, *([x["kind.total"], *(x[f"kind.{kind}"] for kind in TERM_COLUMNS)] * n)]
    ws.append(head)
    ws.append(sub)
    for col in (1, 2, 3):
        ws.merge_cells(start_row=1, start_column=col, end_row=2, end_column=col)
    for first_col, last_col in ((forms_at, hours_at - 1), (hours_at, years_at - 1), (years_at, terms_at - 1)):
        ws.merge_cells(start_row=1, start_column=first_col, end_row=1, end_column=last_col)
    for k in range(n):
        start = terms_at + k * block
        ws.merge_cells(start_row=1, start_column=start, end_row=1, end_column=start + block - 1)
    for cell in (*ws[1], *ws[2]):
        cell.font = _font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
    for col in range(forms_at, hours_at):  # «Экзамен», «Зачет с оц.» up the narrow columns, as the export
        ws.cell(2, col).alignment = Alignment(text_rotation=90, wrap_text=True, vertical="center", horizontal="center")
    first = 3
    group = PatternFill("solid", fgColor="F2F2F2")
    for row in doc.rows:
        # an item counts in the plan's totals (+); a course's breakdown row does not (−); a heading has none
        counted = {1: "+", 2: "−"}.get(row.level)
        forms = [row.terms_of(f) or None if row.level else None for f in XLSX_FORMS.values()]
        numbers = [getattr(row, name) for name, _ in HOUR_COLUMNS] + row.by_year
        for k in range(n):  # each term: its total, then its hours by kind, then its practices'
            kinds = row.term_hours[k] if row.term_hours else None
            by_kind = {kind: getattr(kinds, kind) if kinds else 0 for kind in TERM_KINDS}
            by_kind["training"] = row.by_term[k] - sum(by_kind.values()) if row.training and kinds else 0
            numbers += [row.by_term[k], *(by_kind[c] for c in TERM_COLUMNS)]
        ws.append([counted, row.code, row.title, *forms, *(v or None for v in numbers)])  # empty, not 0
        ws.row_dimensions[ws.max_row].height = _height(row.title, 44)
        for cell in ws[ws.max_row]:
            _as_text(cell)
            if row.level == 0:
                cell.font = _font(bold=True)
                cell.fill = group
            elif row.level == 2:
                cell.font = _font(italic=True)
        ws.cell(ws.max_row, 1).alignment = Alignment(horizontal="center")
    item_rows = [first + k for k, r in enumerate(doc.rows) if r.level == 1]
    total: list[object] = [None, None, doc.totals.title, *([None] * len(XLSX_FORMS))]
    for col in range(hours_at, last + 1):
        letter = get_column_letter(col)
        total.append("=" + "+".join(f"{letter}{r}" for r in item_rows) if item_rows else 0)
    ws.append(total)
    for cell in ws[ws.max_row]:
        cell.font = _font(bold=True)
        cell.number_format = "0;-0;;@"  # a column with nothing in it sums to 0: shown empty, as its cells
    for label, cells in doc.counts:  # exams and credits a study year, with the limit
        ws.append([None, None, label, *([None] * (years_at - 4)), *cells])
        ws.row_dimensions[ws.max_row].height = _height(label, 44)  # two lines: they ran into the next row
        for cell in ws[ws.max_row]:
            cell.font = _font(italic=True)
            _as_text(cell)
    _box(ws, 1, ws.max_row, last)
    if doc.joint:  # what «4*» in a form column means, under the table as in the PDF: in the name column,
        # wrapped, which every printed page repeats (a cell spread wider was cut at the page's edge)
        ws.append([None, None, w["joint-mark"]])
        note = ws.cell(ws.max_row, 3)
        note.font = _font(italic=True)
        note.alignment = Alignment(wrap_text=True, vertical="top")
        ws.row_dimensions[ws.max_row].height = _height(w["joint-mark"], 44)
    ws.freeze_panes = "D3"
    ws.print_title_rows = "1:2"
    ws.column_dimensions["A"].width = 9  # «Считать в плане» in three lines, no word broken
    ws.column_dimensions["B"].width = _code_width(ws, 11, "B")
    ws.column_dimensions["C"].width = 44
    for col in range(forms_at, hours_at):
        ws.column_dimensions[get_column_letter(col)].width = 5.5
    for col in range(hours_at, terms_at):  # four digits and the short names of the kinds of work
        ws.column_dimensions[get_column_letter(col)].width = 7.5
    for col in range(terms_at, last + 1):
        ws.column_dimensions[get_column_letter(col)].width = 6
    ws.row_dimensions[1].height = 30
    ws.row_dimensions[2].height = 60
    _page(ws)
    ws.page_setup.fitToWidth = 3  # as wide as the export: three pages across, the index and name on each
    ws.print_title_cols = "A:C"


def _code_width(ws: Any, least: float, column: str = "A") -> float:
    """A column of codes wide enough for its longest (`ООД.ДВ.01.01` was cut at 11 characters)."""
    return max(least, *(len(str(c.value)) + 1 for c in ws[column] if c.value is not None))


def _matrix_sheet(ws: Any, plan: Plan, table: Mapping[str, AnyDeclaration], lang: Lang) -> None:
    from openpyxl.styles import Alignment
    from openpyxl.utils import get_column_letter

    doc = views.matrix(plan, table, lang)
    w = views.DOC_WORDS[lang]
    if doc.wide:  # a column a competency no page holds (nor a reader): the rows with the codes they form
        _matrix_list(ws, doc, w)
        return
    ws.append([w["code"], w["title"], *doc.columns])
    for cell in ws[1]:
        cell.font = _font(bold=True)
        cell.alignment = Alignment(wrap_text=True, horizontal="center", vertical="center")
    bold, centred = _font(bold=True), Alignment(horizontal="center")  # one style object each: openpyxl
    for code, title, marks, level in doc.rows:  # compares every new one with those it has (slow by the 10,000)
        ws.append([code, title, *("+" if m else None for m in marks)])
        ws.row_dimensions[ws.max_row].height = _height(title, 50)
        for cell in ws[ws.max_row]:
            _as_text(cell)
            if level == 0:
                cell.font = bold
            if cell.column > 2 and cell.value:
                cell.alignment = centred
    _box(ws, 1, ws.max_row, 2 + len(doc.columns))
    ws.freeze_panes = "C2"
    ws.print_title_rows = "1:1"
    ws.column_dimensions["A"].width = _code_width(ws, 10)
    ws.column_dimensions["B"].width = 50
    for k in range(3, 3 + len(doc.columns)):
        ws.column_dimensions[get_column_letter(k)].width = 5
        ws.cell(row=1, column=k).alignment = Alignment(text_rotation=90, horizontal="center", vertical="bottom")
    # the codes read bottom to top: the row as tall as the longest («ПКс 5.1 (зачтено)» ran above it)
    ws.row_dimensions[1].height = max(45, 6 * max((len(str(c)) for c in doc.columns), default=0) + 6)
    _page(ws)


def _matrix_list(ws: Any, doc: views.MatrixDoc, w: Mapping[str, str]) -> None:
    """The matrix as a list (`MatrixDoc.wide`), as the PDF prints it: index, name, the codes formed."""
    from openpyxl.styles import Alignment

    ws.append([w["code"], w["title"], w["matrix.formed"]])
    bold, wrapped = _font(bold=True), Alignment(wrap_text=True, vertical="top")
    for cell in ws[1]:
        cell.font = bold
    for code, title, codes, level in doc.listed:
        ws.append([code, title, codes])
        ws.row_dimensions[ws.max_row].height = max(_height(title, 50), _height(codes, 90))
        for cell in ws[ws.max_row]:
            _as_text(cell)
            cell.alignment = wrapped
            if level == 0:
                cell.font = bold
    _box(ws, 1, ws.max_row, 3)
    ws.freeze_panes = "C2"
    ws.print_title_rows = "1:1"
    ws.column_dimensions["A"].width = _code_width(ws, 10)
    ws.column_dimensions["B"].width = 50
    ws.column_dimensions["C"].width = 90
    _page(ws)


def workbook(plan: Plan, table: Mapping[str, AnyDeclaration], lang: Lang) -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    first = wb.active
    assert first is not None
    names = [SHEETS[lang][str(k)] for k in range(4)]  # title, calendar, plan, competencies
    first.title = names[0]
    _title_sheet(first, plan, table, lang)
    _calendar_sheet(wb.create_sheet(names[1]), plan, table, lang)
    _plan_sheet(wb.create_sheet(names[2]), plan, table, lang)
    _matrix_sheet(wb.create_sheet(names[3]), plan, table, lang)
    wb.active = 2  # opens on the plan
    wb.properties.creator = "constructor"
    wb.properties.created = datetime(2000, 1, 1)
    wb.properties.modified = datetime(2000, 1, 1)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
