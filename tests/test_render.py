"""Printable documents: golden HTML and Markdown, PDF text, DOCX and XLSX read back, byte-identical
renders, escaping, and user templates confined to their folder."""

from __future__ import annotations

import io
import os
import re
from pathlib import Path

import pytest

from constructor.api import workspace
from constructor.cli import main
from constructor.compact import compact
from constructor.compact.plan import Plan
from constructor.render import pdf_workers, views
from constructor.render.documents import TemplateEscape, render_all
from golden import assert_golden

ROOT = Path(__file__).parents[1]
EXAMPLE = ROOT / "catalogs" / "examples" / "welding" / "program.comp"
GOLDEN = Path(__file__).parent / "data" / "render"


def _plan() -> Plan:
    ws = workspace(EXAMPLE)
    plan, _ = compact(ws.programs()[0], ws.table, ws.graph)
    assert plan is not None
    return plan


def _all_hours(plan: Plan) -> int:
    """What the plan table totals: every item's hours of every kind, and the final attestation."""
    return sum(i.hours_by_kind.total for i in plan.items) + plan.final_attestation.hours


@pytest.fixture(scope="module")
def rendered() -> dict[str, bytes]:
    ws = workspace(EXAMPLE)
    plan, _ = compact(ws.programs()[0], ws.table, ws.graph)
    assert plan is not None
    return render_all(plan, ws.table, "ru", ("html", "pdf", "docx", "xlsx", "md"))


def test_every_document_in_every_format(rendered: dict[str, bytes]) -> None:
    names = set(rendered)
    programs = [f"syllabus-ПМ.0{i}" for i in range(1, 6)] + ["syllabus-ОП.01", "syllabus-ООД.01", "syllabus-ОГСЭ.04"]
    for doc in ("plan", "matrix", "report", "sites", *programs):
        assert f"{doc}.html" in names and f"{doc}.pdf" in names, doc
    for doc in programs:
        assert f"{doc}.docx" in names and f"{doc}.md" in names, doc
    assert "plan.xlsx" in names


@pytest.mark.parametrize(
    "name", ["plan.html", "plan.md", "syllabus-ПМ.01.md", "syllabus-ОП.01.md", "syllabus-ОП.01.html", "report.html"]
)
def test_golden_documents(rendered: dict[str, bytes], name: str, update_golden: bool) -> None:
    assert_golden(rendered[name].decode("utf-8"), GOLDEN / name, update_golden)


def test_pdf_has_the_cyrillic_titles_codes_and_totals(rendered: dict[str, bytes]) -> None:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(rendered["plan.pdf"]))
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "Учебный план" in text and "Сварочное производство" in text
    assert "МДК.01.01" in text and str(_all_hours(_plan())) in text
    assert "Стр. 1 из" in text  # page numbers
    assert len(reader.pages) >= 3


def test_docx_has_real_headings_and_a_repeating_table_header(rendered: dict[str, bytes]) -> None:
    from docx import Document

    doc = Document(io.BytesIO(rendered["syllabus-ПМ.01.docx"]))
    headings = [p.text for p in doc.paragraphs if p.style is not None and p.style.name.startswith("Heading")]
    assert headings[0] == "1. Общая характеристика рабочей программы"
    assert "2. Структура и содержание" in headings and "4. Контроль и оценка результатов освоения" in headings
    title = [p.text for p in doc.paragraphs[:12]]
    assert "РАБОЧАЯ ПРОГРАММА ПРОФЕССИОНАЛЬНОГО МОДУЛЯ" in title
    agreed, approved = doc.tables[0].rows[0].cells  # side by side, as on the printed title page
    assert agreed.text.startswith("СОГЛАСОВАНО") and approved.text.startswith("УТВЕРЖДАЮ")
    table = next(t for t in doc.tables if t.rows[0].cells[0].text == "Индекс")
    assert [c.text for c in table.rows[0].cells][:2] == ["Индекс", "Наименование"]
    assert table.rows[0]._tr.trPr.xml.count("tblHeader") == 1
    assert any(row.cells[0].text == "МДК.01.01" for row in table.rows)
    # conditions: equipment and the sources by kind, numbered; the control table's declared indicators
    text = [p.text for p in doc.paragraphs]
    assert "3.2. Информационное обеспечение реализации программы" in headings  # numbered as the typical layout
    assert headings[1] == "1.1. Место в структуре образовательной программы"
    assert "2.3. Тематический план" in headings  # a module: 2.2 is its structure table
    back = [p.text for p in doc.paragraphs]  # the back of the title page, before the passport
    basis = next(t for t in back if "разработана на основе федерального государственного" in t)
    assert back.index(basis) < back.index(headings[0]) and "Приказ Минобрнауки России от 21.04.2014 № 360" in basis
    assert any(t.startswith("Протокол № ") for t in back)
    main = text.index("Основные печатные издания")
    assert text[main + 1].startswith("1. ГОСТ 5264-80") and "Дополнительные источники" in text
    assert any(t.startswith("Оборудование и технические средства обучения: сварочные посты") for t in text)
    assert doc.core_properties.language == "ru-RU" and 'w:val="ru-RU"' in doc.styles.element.xml  # Word's spelling
    control = next(t for t in doc.tables if t.rows[0].cells[1].text == "Критерии оценки")
    rows = {" ".join(r.cells[0].text.split()[:2]): r for r in control.rows[1:]}  # «ПК 1.1 Применять…» → «ПК 1.1»
    assert rows["ПК 1.1"].cells[1].text.startswith("выбирает способ и режим сварки")  # its indicators
    # no indicators: what the learner demonstrates, from the outcomes
    assert rows["ПК 1.2"].cells[1].text.startswith("демонстрирует практический опыт ")
    # every ОК the module forms has its row and its forms of assessment, the criteria for the college
    assert [k for k in rows if k.startswith("ОК")] == [f"ОК {k}" for k in range(1, 10)]  # ОК 1–9 (2014)
    assert rows["ОК 1"].cells[1].text == "" and "экзамен по модулю" in rows["ОК 1"].cells[2].text


def test_xlsx_merged_headers_frozen_panes_and_sums_that_add_up(rendered: dict[str, bytes]) -> None:
    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(rendered["plan.xlsx"]))
    assert wb.sheetnames == ["Титул", "График", "План", "Компетенции"]
    ws = wb.active
    assert ws is not None and ws.title == "План"
    assert str(ws.page_setup.paperSize) == str(ws.PAPERSIZE_A4) and ws.page_setup.orientation == "landscape"
    assert ws["B5"].border.left.style == "thin" and ws["B5"].alignment.wrap_text
    merged = {str(r) for r in ws.merged_cells.ranges}
    # «Считать в плане», index and name; forms of control (5: КП and КР apart, as the export has them);
    # hours by kind, practical training, the two parts (13)
    assert {"A1:A2", "B1:B2", "C1:C2", "D1:H1", "I1:U1"} <= merged
    assert [ws.cell(row=2, column=c).value for c in range(4, 10)] == [
        "Экзамен", "Зачет", "Зачет с оц.", "КП", "КР", "По плану",
    ]  # fmt: skip
    assert ws["A1"].value == "Считать в плане"
    assert ws.freeze_panes == "D3" and ws.print_title_rows in ("1:2", "$1:$2")
    codes = [str(c.value) for c in ws["B"] if c.value is not None]
    assert ws.column_dimensions["B"].width > max(len(c) for c in codes)  # `ООД.ДВ.01.01` whole
    last = next(r for r in range(3, ws.max_row + 1) if ws.cell(row=r, column=3).value == "Итого")
    counted = {ws.cell(row=r, column=1).value for r in range(3, last) if ws.cell(row=r, column=9).value}
    assert counted <= {"+", "−", None} and "+" in counted
    formula = str(ws.cell(row=last, column=9).value)
    assert formula.startswith("=")
    total = sum(int(ws[ref].value) for ref in formula[1:].split("+"))
    assert total == _all_hours(_plan())
    plus = [r for r in range(3, last) if ws.cell(row=r, column=1).value == "+"]
    assert sum(int(ws.cell(row=r, column=9).value) for r in plus) == total  # «+» rows are the total
    assert all(isinstance(ws.cell(row=r, column=9).value, int) for r in range(3, last))
    term_cells = [ws.cell(row=r, column=c).value for r in range(3, last) for c in range(22, ws.max_column + 1)]
    assert 0 not in term_cells and None in term_cells  # empty cells are empty, not zeros
    # each term: Итого, then the hours by kind in the totals' order, which add up to it
    terms_at = 25  # after «+», the index, name, forms (5), hours (13) and the three study years
    assert [ws.cell(row=2, column=terms_at + k).value for k in range(10)] == [
        "Итого", "Лек", "Пр", "Лаб", "КРП", "ИП", "УП, ПП", "Конс", "СР", "ПАтт",
    ]  # fmt: skip
    assert str(ws.cell(row=1, column=terms_at).value).startswith("Семестр 1")
    trained = 0
    for r in range(3, last + 1):  # every row, and the total under them: the kinds add up to Итого
        for term in range(6):
            cells = [ws.cell(row=r, column=terms_at + 10 * term + k).value or 0 for k in range(10)]
            name = ws.cell(row=r, column=3).value
            if r == last:  # formulas: the sums of the item rows
                continue
            # a subtotal and the ГИА's parts have hours by plan only (weeks, no kinds)
            assert cells[0] == sum(cells[1:]) or not any(cells[1:]), (name, term)
            practice = ws.cell(row=r, column=15).value  # УП, ПП: its term hours where the totals have them
            assert not cells[6] or practice, (name, term)
            trained += cells[6] if ws.cell(row=r, column=1).value == "+" else 0
    assert trained == sum(
        int(ws.cell(row=r, column=15).value or 0) for r in range(3, last) if ws.cell(row=r, column=1).value == "+"
    )
    # under the table: exams and credits a study year against the standard's limit
    assert str(ws.cell(row=last + 1, column=3).value).startswith("Экзаменов")
    assert "/ 8" in str(ws.cell(row=last + 1, column=22).value)
    title = wb["Титул"]
    texts = [str(c.value) for row in title.iter_rows() for c in row if c.value]
    assert "УЧЕБНЫЙ ПЛАН" in texts and any("2 года 10 месяцев" in t for t in texts)
    calendar = wb["График"]
    assert calendar["A3"].value == 1 and len([c for c in calendar[3] if c.value]) == 53
    # the budget's «Всего» row: a formula under each code with weeks and under the whole, each summing
    # the years' rows above it to the year rows' own totals
    total_row = next(r for r in calendar.iter_rows() if r[0].value == "Всего")
    formulas = [str(c.value) for c in total_row[1:] if c.value]
    assert formulas and all(f.startswith("=SUM(") for f in formulas)
    column, first, last = re.fullmatch(r"=SUM\(([A-Z]+)(\d+):\1(\d+)\)", formulas[-1]).groups()  # type: ignore[union-attr]
    assert sum(int(calendar[f"{column}{r}"].value) for r in range(int(first), int(last) + 1)) == 52 * 3


def test_rendering_twice_gives_the_same_bytes(rendered: dict[str, bytes]) -> None:
    ws = workspace(EXAMPLE)
    plan, _ = compact(ws.programs()[0], ws.table, ws.graph)
    assert plan is not None
    again = render_all(plan, ws.table, "ru", ("html", "pdf", "docx", "xlsx", "md"))
    assert again.keys() == rendered.keys()
    different = [name for name in again if again[name] != rendered[name]]
    assert different == []


def test_hostile_titles_are_shown_as_text(tmp_path: Path) -> None:
    (tmp_path / "p.comp").write_text(
        'standard С "с" { weekly_load 36 term_weeks 17, 23 }\n'
        'competency К "<script>alert(1)</script> & \\"кавычки\\"" { hours theory 10 }\n'
        'module М "м" { covers К }\nprogram П "<b>жирный</b>" { standard С core М }\n',
        encoding="utf-8",
    )
    ws = workspace(tmp_path / "p.comp")
    plan, _ = compact(ws.programs()[0], ws.table, ws.graph)
    assert plan is not None
    html = render_all(plan, ws.table, "ru", ("html",))["plan.html"].decode()
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#34;кавычки&#34;" in html
    assert "<b>жирный</b>" not in html
    md = render_all(plan, ws.table, "ru", ("md",))
    for name, data in md.items():  # Markdown shows the titles as written, no markup gets through
        text = data.decode()
        assert "<script>" not in text and "<b>" not in text, name
    assert "&lt;b>жирный&lt;/b>" in md["plan.md"].decode()
    (tmp_path / "p.comp").write_text(
        (tmp_path / "p.comp").read_text(encoding="utf-8").replace("<b>жирный</b>", "[x](javascript:alert(3))\\nвторая"),
        encoding="utf-8",
    )
    ws = workspace(tmp_path / "p.comp")
    plan, _ = compact(ws.programs()[0], ws.table, ws.graph)
    assert plan is not None
    text = render_all(plan, ws.table, "ru", ("md",))["plan.md"].decode()
    assert text.splitlines()[0].endswith("«\\[x](javascript:alert(3)) вторая»")  # one heading line, no link


def test_a_users_templates_are_printed_with_their_css(tmp_path: Path) -> None:
    """`render --templates`: a user's HTML and CSS go to WeasyPrint (Typst sets only the shipped
    templates' HTML) on workers started before the documents were wanted, as `render` starts them;
    a warmed worker makes the same bytes as a fresh one."""
    from pypdf import PdfReader

    mine = tmp_path / "templates"
    mine.mkdir()
    (mine / "sites.html.j2").write_text(
        "<html><head><style>@page { size: A5 } p { color: #c00 }</style></head><body><p>Площадки: "
        "{{ plan.sites|length }}</p></body></html>",
        encoding="utf-8",
    )
    plan = _plan()
    ws = workspace(EXAMPLE)
    workers = pdf_workers.start()
    try:
        warm = render_all(plan, ws.table, "ru", ("pdf",), mine, pdf_workers=workers)
    finally:
        workers.shutdown()
    fresh = render_all(plan, ws.table, "ru", ("pdf",), mine)
    assert warm == fresh
    page = PdfReader(io.BytesIO(warm["sites.pdf"])).pages[0]
    assert "Площадки: 1" in page.extract_text()
    assert round(float(page.mediabox.width)) == 420  # A5 from the user's CSS: 148 mm


def test_user_templates_override_and_are_confined(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    mine = tmp_path / "templates"
    mine.mkdir()
    (mine / "matrix.html.j2").write_text("<p>Моя матрица: {{ doc.columns[:3]|join(', ') }}</p>", encoding="utf-8")
    ws = workspace(EXAMPLE)
    plan, _ = compact(ws.programs()[0], ws.table, ws.graph)
    assert plan is not None
    files = render_all(plan, ws.table, "ru", ("html",), mine)
    # the user's template sees the matrix's columns, ОК first, spelled as the standard writes them
    assert (
        files["matrix.html"].decode() == "<p>Моя матрица: ОК\u00a01, ОК\u00a02, ОК\u00a03</p>"
    )  # as the standard writes them
    outside = tmp_path / "secret.html.j2"
    outside.write_text("secret", encoding="utf-8")
    os.symlink(outside, mine / "plan.html.j2")
    with pytest.raises(TemplateEscape):
        render_all(plan, ws.table, "ru", ("html",), mine)
    out = tmp_path / "out"
    assert main(["render", "--to", "html", "--templates", str(mine), "-o", str(out), str(EXAMPLE)]) == 1
    assert "C401" in capsys.readouterr().err and not out.exists()


def test_render_command_writes_whole_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert main(["render", "--to", "md,xlsx", "-o", str(out), str(EXAMPLE)]) == 0
    names = sorted(p.name for p in out.iterdir())
    assert "plan.xlsx" in names and "plan.md" in names and not any(n.startswith(".") for n in names)
    # where to start among them, by name, in the first format asked for
    err = capsys.readouterr().err
    assert "учебный план — plan.md, рабочие программы — syllabus-*.md" in err  # (no report in Markdown)
    # and what the working programs still lack, from the declarations: ПМ.01 has its topics and sources
    from constructor.render.views import unwritten

    ws = workspace(EXAMPLE)
    plan, _ = compact(ws.programs()[0], ws.table, ws.graph)
    assert plan is not None
    gaps = unwritten(plan, ws.table)
    assert "ПМ.01" not in gaps.without_topics and "ПМ.01" not in gaps.without_literature
    assert "ОГСЭ.03" in gaps.without_topics and gaps.programs == len([n for n in names if n.endswith(".md")]) - 1
    said = f"без тематического плана: {len(gaps.without_topics)} из {gaps.programs}, без литературы: "
    assert said + f"{len(gaps.without_literature)} из {gaps.programs}" in err
    # and the criteria of the modules' competencies that nothing declared shows (the ОК): counted from
    # the working programs themselves, the cells a reader finds empty
    from constructor.graph.bundle_courses import as_planned
    from constructor.render.syllabus import syllabi, without_criteria

    modules = [d for d in syllabi(plan, as_planned(plan.program, ws.table), "ru") if d.kind == "module"]
    empty = without_criteria(modules)
    assert ("ПМ.01", "ОК\u00a01") in empty and not any(code.startswith("ПК") and m == "ПМ.01" for m, code in empty)
    cells = [row for d in modules for row in d.control if not row[1]]
    credited = sum(1 for d in modules for r in d.results if r.credited)
    assert len(cells) == len(empty) + credited
    assert f"не заполнены критерии оценки (строк: {len(empty)}; программ: " in err
    assert main(["render", "--to", "pptx", "-o", str(out), str(EXAMPLE)]) == 2


def test_a_plan_in_its_normative_term_is_not_called_a_shortening(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The programmer example keeps its 2 years 10 months: its report says how the plan was built,
    not «Отчёт о сокращении программы» (a newcomer's catch); the shortened welding example's does."""
    programmer = EXAMPLE.parents[1] / "programmer" / "program.comp"
    for example, heading, guide in (
        (programmer, "Отчёт о построении плана", "как построен план — report.html"),
        (EXAMPLE, "Отчёт о сокращении программы", "отчёт о сокращении программы — report.html"),
    ):
        out = tmp_path / example.parent.name
        assert main(["render", "--to", "html", "--lang", "ru", "-o", str(out), str(example)]) == 0
        assert guide in capsys.readouterr().err
        assert f"<h1>{heading} — " in (out / "report.html").read_text(encoding="utf-8")


def test_the_bundle_report_and_site_schedule_are_rendered(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert main(["render", "--to", "html", "-o", str(out), str(EXAMPLE)]) == 0
    bundles = (out / "bundles.html").read_text(encoding="utf-8")
    assert "ЗАВОД-2026" in bundles and "ПКс-1.3" in bundles and "40.002 A/03.2" in bundles
    sites = (out / "sites.html").read_text(encoding="utf-8")
    assert "ЗАВОД" in sites and "ПП.01" in sites


def test_docx_is_a4_in_times_new_roman_with_page_numbers_and_the_results(rendered: dict[str, bytes]) -> None:
    from docx import Document
    from docx.shared import Cm

    doc = Document(io.BytesIO(rendered["syllabus-ПМ.01.docx"]))
    section = doc.sections[0]
    assert abs(section.page_width - Cm(21)) < Cm(0.01) and abs(section.page_height - Cm(29.7)) < Cm(0.01)
    assert doc.styles["Normal"].font.name == "Times New Roman"
    assert (
        doc.styles["Heading 1"].font.color.rgb is not None and str(doc.styles["Heading 1"].font.color.rgb) == "000000"
    )
    assert "PAGE" in section.footer._element.xml
    # the results the PDF has, as its table: code | competency with what the learner has, can, knows
    rows = [[c.text for c in row.cells] for table in doc.tables for row in table.rows]
    pk = next(row for row in rows if row[0] == "ПК\u00a01.1")
    assert pk[1].startswith("Применять") and "Иметь практический опыт: " in pk[1]
    assert "Уметь: " in pk[1] and "Знать: " in pk[1]


def test_every_format_is_a_writer_module_and_the_note_is_a_word_document(rendered: dict[str, bytes]) -> None:
    from docx import Document

    from constructor.render.documents import FORMATS
    from constructor.render.writers import writers

    assert set(writers()) == set(FORMATS)
    for fmt in FORMATS:  # each format wrote something
        assert any(name.endswith(f".{fmt}") for name in rendered), fmt
    doc = Document(io.BytesIO(rendered["note.docx"]))
    headings = [p.text for p in doc.paragraphs if p.style is not None and p.style.name.startswith("Heading")]
    assert headings[0] == "Пояснительная записка"
    ws = workspace(EXAMPLE)
    note = views.plan_doc(_plan(), ws.table, "ru").note
    assert note is not None
    assert [h for h, _ in note.sections] == headings[1 : 1 + len(note.sections)]  # the PDF's sections, in order
    texts = {p.text for p in doc.paragraphs}
    assert all(paragraph in texts for _, paragraphs in note.sections for paragraph in paragraphs)
    assert note.rooms_title in headings
