"""Working programs and the explanatory note as Word documents the way colleges print them: A4,
Times New Roman 12 pt with black headings, margins of 3/1.5/2/2 cm, page numbers in the footer, a title
page, tables with real column widths and header rows repeated on every page, every section the PDF has."""

from __future__ import annotations

import copy
import functools
import io
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from constructor.i18n import Lang
from constructor.render.note import NoteDoc
from constructor.render.syllabus import SyllabusDoc
from constructor.render.title import TitlePage

FONT = "Times New Roman"
# column widths in cm, each table filling the 16.5 cm between the margins
TOPICS_CM = (7.5, 1.8, 1.8, 1.8, 1.8, 1.8)  # topic, total, theory, practical, lab, self-study
VOLUME_CM = (13.5, 3.0)
CONTROL_CM = (5.5, 6.5, 4.5)
LINES_CM = (5.0, 11.5)
RESULTS_CM = (2.2, 14.3)  # code, the competency and its results


def _styled(paragraph: Any, style_id: str) -> Any:
    """The paragraph in a style named by its id («Heading2», «ListBullet»). python-docx's lookup by
    name searches the styles part for the default style at every call: a quarter of a DOCX's time."""
    paragraph._p.get_or_add_pPr().style = style_id
    return paragraph


def _heading(document: Any, text: str, level: int) -> Any:
    """`document.add_heading`, the same XML, without the lookup by name."""
    return _styled(document.add_paragraph(text), f"Heading{level}")


def _fonts(document: Any) -> None:
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor

    for name in ("Normal", "List Bullet", "Heading 1", "Heading 2", "Heading 3", "Title"):
        style = document.styles[name]
        style.font.name = FONT
        style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FONT)
        rfonts = style.element.rPr.rFonts
        for attr in ("w:ascii", "w:hAnsi", "w:cs"):
            rfonts.set(qn(attr), FONT)
        for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):  # a theme font wins
            rfonts.attrib.pop(qn(attr), None)
        if name.startswith("Heading") or name == "Title":
            style.font.color.rgb = RGBColor(0, 0, 0)
            style.font.bold = True
    document.styles["Normal"].font.size = Pt(12)
    document.styles["Heading 1"].font.size = Pt(14)
    document.styles["Heading 2"].font.size = Pt(13)


def _page(document: Any) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm

    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin, section.right_margin = Cm(3), Cm(1.5)
    section.top_margin, section.bottom_margin = Cm(2), Cm(2)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = footer.add_run()
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            field = OxmlElement("w:fldChar")
            field.set(qn("w:fldCharType"), kind)
            run._r.append(field)
        else:
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._r.append(instr)


def _table(
    document: Any,
    header: list[str] | None,
    rows: list[list[object]],
    widths: tuple[float, ...],
    size: float = 10,
    vertical: int | None = None,
    bold: set[int] | frozenset[int] = frozenset(),
) -> Any:
    """A table with a bold header repeated on every page (its headings from column `vertical` on read
    bottom to top, as plans print hour columns), numbers on the right, and no row split across pages."""
    from docx.enum.table import WD_ROW_HEIGHT_RULE
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    table = document.add_table(rows=1 if header else 0, cols=len(widths))
    table._tbl.tblPr.style = "TableGrid"  # by id, as `_styled` does
    table.autofit = False
    if header:
        for k, (cell, text) in enumerate(zip(table.rows[0].cells, header, strict=True)):
            cell.text = text
            for run in cell.paragraphs[0].runs:
                run.font.bold = True
            if vertical is not None and k >= vertical:
                direction = OxmlElement("w:textDirection")
                direction.set(qn("w:val"), "btLr")
                cell._tc.get_or_add_tcPr().append(direction)
        if vertical is not None:
            table.rows[0].height = Cm(2.6)
            table.rows[0].height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
        repeat = OxmlElement("w:tblHeader")
        repeat.set(qn("w:val"), "true")
        table.rows[0]._tr.get_or_add_trPr().append(repeat)
    for index, values in enumerate(rows):
        row = table.add_row()
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = "" if value in (None, 0, "0") else str(value)
            if isinstance(value, int):
                cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
            if index in bold:
                for run in cell.paragraphs[0].runs:
                    run.font.bold = True
    for k, column in enumerate(table.columns):  # the grid, which LibreOffice reads
        column.width = Cm(widths[k])
    for row in table.rows:
        for k, cell in enumerate(row.cells):  # and each cell, which Word reads
            cell.width = Cm(widths[k])
            for paragraph in cell.paragraphs:
                for run in paragraph.runs:
                    run.font.size = Pt(size)
    return table


def _document(lang: Lang) -> Any:
    """A copy of the empty document (`_blank`): copying its XML costs half of opening Word's template
    and styling it again, 36 times a `render`."""
    return copy.deepcopy(_blank(lang))


@functools.cache
def _blank(lang: Lang) -> Any:
    """An empty A4 document in the house fonts with page numbers, in the document's language (Word
    checks the spelling of Russian text as Russian), dated 2000-01-01 (the same bytes). Never changed:
    `_document` hands out copies."""
    from docx import Document
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document = Document()
    _fonts(document)
    _page(document)
    code = {"ru": "ru-RU", "en": "en-GB"}[lang]
    defaults = document.styles.element.find(qn("w:docDefaults"))
    if defaults is not None:  # every style inherits the defaults' language
        rpr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
        if rpr is not None:
            for old in rpr.findall(qn("w:lang")):
                rpr.remove(old)
            language = OxmlElement("w:lang")
            language.set(qn("w:val"), code)
            language.set(qn("w:eastAsia"), code)
            language.set(qn("w:bidi"), "ar-SA")
            rpr.append(language)
    props = document.core_properties
    props.author, props.last_modified_by, props.language = "constructor", "constructor", code
    props.title = props.subject = props.keywords = props.comments = props.category = ""
    props.created = props.modified = datetime(2000, 1, 1)
    return document


def _parts_widths(numbers: int) -> tuple[float, ...]:
    """Index, title, form, then `numbers` hour columns, filling the 16.5 cm between the margins."""
    number = 1.0 if numbers <= 10 else 0.85  # three digits at 8 pt with Word's and LibreOffice's cell margins
    title = 16.5 - 2.0 - 1.4 - number * numbers
    return (2.0, round(title, 2), 1.4, *([number] * numbers))


def _signatures(document: Any, t: TitlePage) -> None:
    """СОГЛАСОВАНО on the left half, УТВЕРЖДАЮ on the right, side by side as on the printed title page
    (a newcomer saw them stacked in the DOCX while the PDF had them side by side): a table of two
    cells without borders."""
    from docx.shared import Cm

    table = document.add_table(rows=1, cols=2)  # the default table style: no borders
    table.autofit = False
    left, right = table.rows[0].cells
    for cell, lines in zip((left, right), t.signatures(), strict=True):
        paragraph = cell.paragraphs[-1]
        for text, heading in lines:
            if heading:  # a block's heading starts its paragraph (the cell's first is there already)
                paragraph = paragraph if not paragraph.text else cell.add_paragraph()
                paragraph.add_run(text).font.bold = True
            else:
                paragraph.add_run().add_break()
                paragraph.add_run(text)
    for column, cell in zip(table.columns, (left, right), strict=True):
        column.width = cell.width = Cm(8.25)  # the grid's and the cell's (LibreOffice reads the grid)


def _title_page(document: Any, doc: SyllabusDoc) -> None:
    """The working program's title page: the college, УТВЕРЖДАЮ, the document and the row, the
    specialty and the lines of the plan's title page it keeps; a page break after it."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK

    t = doc.title_page

    def centred(text: str, bold: bool = False, size: int | None = None) -> None:
        from docx.shared import Pt

        paragraph = document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = paragraph.add_run(text)
        run.font.bold = bold
        if size:
            run.font.size = Pt(size)

    if t.founder:
        centred(t.founder)
    if t.college:
        centred(t.college, bold=True)
    if t.agreed or t.approved:
        _signatures(document, t)
    for _ in range(3):
        document.add_paragraph()
    centred(t.heading, bold=True, size=16)
    centred(f"{doc.code} «{doc.title}»", bold=True, size=14)
    if t.specialty:
        centred(t.specialty)
    for label, value in t.lines:
        centred(f"{label}: {value}")
    if t.professionalitet:
        centred(t.professionalitet, bold=True)
    if t.footer:
        for _ in range(4):
            document.add_paragraph()
        centred(t.footer)
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def syllabus(doc: SyllabusDoc, w: Mapping[str, str], lang: Lang = "ru") -> bytes:
    """`doc` as a Word document; `w` the plan's words (the column headings the HTML shares)."""
    s = doc.words
    document = _document(lang)
    _title_page(document, doc)
    if doc.back:  # the back of the title page: basis, developer, the lines filled in by hand
        from docx.enum.text import WD_BREAK

        for line in doc.back:
            document.add_paragraph(line)
        document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    _heading(document, s["passport"], 1)
    _heading(document, doc.headings["place"], 2)
    _table(document, None, [[label, value] for label, value in doc.place], LINES_CM)
    _heading(document, doc.headings["results"], 2)
    for word, texts in (("skills", doc.skills), ("knowledge", doc.knowledge)):
        if texts:
            document.add_paragraph(s[word] + ":")
            for text in texts:
                _styled(document.add_paragraph(text), "ListBullet")
    if doc.results:  # a table of code and competency, as the PDF has it (and typical programs)
        from docx.shared import Pt

        document.add_paragraph(s["competencies"] + ":")
        table = _table(document, None, [[r.code, ""] for r in doc.results], RESULTS_CM)
        for row, r in zip(table.rows, doc.results, strict=True):
            paragraph = row.cells[1].paragraphs[0]
            runs = [paragraph.add_run(r.title)]
            if doc.kind == "module":
                for word, texts in (("experience", r.experience), ("skills", r.skills), ("knowledge", r.knowledge)):
                    if texts:
                        runs.append(paragraph.add_run())
                        runs[-1].add_break()
                        runs.append(paragraph.add_run(f"{s[word]}: "))
                        runs[-1].font.italic = True
                        runs.append(paragraph.add_run("; ".join(texts)))
            for run in runs:
                run.font.size = Pt(10)
    _heading(document, s["structure"], 1)
    _heading(document, doc.headings["volume"], 2)
    volume: list[list[object]] = [["    " * depth + word, hours] for word, hours, depth in doc.volume]
    if doc.forms:
        volume.append([f"{s['attestation']}: {doc.forms}", ""])
    table = _table(document, [s["kind"], s["hours"]], volume, VOLUME_CM)
    if doc.forms:  # the forms of attestation across the table, as the PDF has them
        last = table.rows[-1]
        merged = last.cells[0].merge(last.cells[1])
        for extra in merged.paragraphs[1:]:  # the empty hours cell's paragraph, not an empty line
            extra._element.getparent().remove(extra._element)
    if doc.kind == "module":
        _heading(document, doc.headings["parts"], 2)
        header = [w["code"], w["title"], w["short.form"], *(h for _, h in doc.part_columns)]
        header += [f"{w['term']} {t}" for t in doc.terms]
        rows: list[list[object]] = [
            [
                p.code,
                p.title,
                p.form,
                *(getattr(p, f) for f, _ in doc.part_columns),
                *(p.by_term[t - 1] for t in doc.terms),
            ]
            for p in doc.parts
        ]
        _table(document, header, rows, _parts_widths(len(header) - 3), size=8, vertical=3)
        if doc.forms_legend:
            document.add_paragraph(f"{w['legend']}: {doc.forms_legend}.")
        if doc.credited:
            document.add_paragraph(doc.credited)
    _heading(document, doc.headings["topics"], 2)
    if doc.topics:
        header = [w["title"], w["all"], w["short.theory"], w["short.practical"], w["short.lab"], w["short.self"]]
        topic_rows: list[list[object]] = [
            [t.title, t.total, t.theory, t.practice, t.lab, t.self_study] for t in doc.topics
        ]
        # a МДК's, a practice's or the exam's line and the total in bold, as the PDF has them
        bold = {k for k, t in enumerate(doc.topics) if t.level in (0, 3)}
        _table(document, header, topic_rows, TOPICS_CM, bold=bold)
    if doc.topics_note:
        document.add_paragraph(doc.topics_note)
    _heading(document, s["conditions"], 1)
    _heading(document, doc.headings["materials"], 2)
    document.add_paragraph(f"{s['rooms']}: " + ("; ".join(doc.rooms) or s["rooms.none"]))
    if doc.equipment:
        document.add_paragraph(f"{s['equipment']}: " + "; ".join(doc.equipment))
    if doc.sites:
        document.add_paragraph(f"{s['sites']}: " + "; ".join(doc.sites))
    _heading(document, doc.headings["literature"], 2)
    for heading, sources in doc.literature:
        kind = document.add_paragraph()
        kind.add_run(heading).bold = True
        kind.paragraph_format.keep_with_next = True  # never alone at the foot of a page
        for k, source in enumerate(sources, 1):  # numbered in the text: Word's list numbering runs on
            document.add_paragraph(f"{k}. {source}")
    if not doc.literature:
        document.add_paragraph(s["literature.none"])
    _heading(document, s["control"], 1)
    middle = s["indicators"] if doc.kind == "module" else s["control.codes"]
    first = s["result.module"] if doc.kind == "module" else s["result"]
    _table(document, [first, middle, s["methods"]], [list(r) for r in doc.control], CONTROL_CM)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def note(doc: NoteDoc, page: TitlePage, program: str, lang: Lang = "ru") -> bytes:
    """The explanatory note (пояснительная записка) as colleges keep it in Word: its heading and the
    program, each section with its paragraphs, then the rooms as a numbered list by kind."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm

    document = _document(lang)
    if page.college:
        centred = document.add_paragraph(page.college)
        centred.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _heading(document, doc.title, 1)
    document.add_paragraph(program)
    for heading, paragraphs in doc.sections:
        _heading(document, heading, 2)
        for text in paragraphs:
            paragraph = document.add_paragraph(text)
            paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
            paragraph.paragraph_format.first_line_indent = Cm(1.25)
    if doc.rooms:
        _heading(document, doc.rooms_title, 1)
        number = 0
        for kind, titles in doc.rooms:
            _heading(document, kind, 2)
            rows: list[list[object]] = []
            for title in titles:
                number += 1
                rows.append([str(number), title])
            _table(document, None, rows, (1.0, 15.5))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
