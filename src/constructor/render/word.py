"""A module's syllabus as a Word document the way colleges print them: A4, Times New Roman 12 pt with
black headings, margins of 3/1.5/2/2 cm, page numbers in the footer, a table with real column widths
and a header row repeated on every page, and the results (опыт / уметь / знать) of every competency."""

from __future__ import annotations

import io
from datetime import datetime
from typing import Any

from constructor.i18n import Lang
from constructor.render import views

FONT = "Times New Roman"
WORDS = {
    "ru": {
        "passport": "1. Паспорт рабочей программы",
        "results": "Планируемые результаты освоения",
        "experience": "иметь практический опыт",
        "skills": "уметь",
        "knowledge": "знать",
        "structure": "2. Структура и содержание",
        "conditions": "3. Условия реализации",
        "workshops": "Мастерские колледжа",
        "assessment": "4. Контроль и оценка результатов освоения",
        "program": "Программа",
    },
    "en": {
        "passport": "1. Passport of the syllabus",
        "results": "Planned results",
        "experience": "practical experience",
        "skills": "skills",
        "knowledge": "knowledge",
        "structure": "2. Structure and content",
        "conditions": "3. Conditions",
        "workshops": "The college's workshops",
        "assessment": "4. Control and assessment",
        "program": "Program",
    },
}
WIDTHS_CM = (2.1, 4.4, 1.5, 1.5, 1.6, 2.0, 1.6, 1.8)  # index, title, form, hours: the 16.5 cm between margins


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


def _table(document: Any, header: list[str], rows: list[list[object]]) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    table = document.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    table.autofit = False
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    table.rows[0]._tr.get_or_add_trPr().append(repeat)
    for values in rows:
        for cell, value in zip(table.add_row().cells, values, strict=True):
            cell.text = "" if value in (None, 0, "0") else str(value)
    for k, column in enumerate(table.columns):  # the grid, which LibreOffice reads
        column.width = Cm(WIDTHS_CM[k])
    for row in table.rows:
        for k, cell in enumerate(row.cells):  # and each cell, which Word reads
            cell.width = Cm(WIDTHS_CM[k])
            for paragraph in cell.paragraphs:
                for run in paragraph.runs:
                    run.font.size = Pt(10)


def syllabus(module: views.SyllabusDoc, lang: Lang) -> bytes:
    from docx import Document

    w = views.DOC_WORDS[lang]
    x = WORDS[lang]
    document = Document()
    _fonts(document)
    _page(document)
    document.core_properties.author = "constructor"
    document.core_properties.created = datetime(2000, 1, 1)
    document.core_properties.modified = datetime(2000, 1, 1)
    document.add_heading(f"{w['syllabus']} {module.module} «{module.title}»", level=1)
    document.add_paragraph(f"{x['program']}: {module.program}")
    document.add_heading(x["passport"], level=2)
    document.add_paragraph(x["results"] + ":")
    for c in module.competencies:
        document.add_paragraph(f"{c.code} {c.title}", style="List Bullet")
        for key, items in (
            ("experience", c.outcomes.experience),
            ("skills", c.outcomes.skills),
            ("knowledge", c.outcomes.knowledge),
        ):
            if items:
                document.add_paragraph(f"{x[key]}: " + "; ".join(items))
    document.add_heading(x["structure"], level=2)
    _table(
        document,
        [
            w["code"],
            w["title"],
            w["short.form"],
            w["all"],
            w["theory"],
            w["short.practical"],
            w["short.training"],
            w["self"],
        ],
        [[p.code, p.title, p.form, p.total, p.theory, p.practice, p.training, p.self_study] for p in module.parts],
    )
    document.add_heading(x["conditions"], level=2)
    document.add_paragraph("; ".join(module.sites) or x["workshops"])
    document.add_heading(x["assessment"], level=2)
    for c in module.competencies:
        shown = "; ".join(c.outcomes.experience + c.outcomes.skills) or c.title
        document.add_paragraph(f"{c.code}: {shown}")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
