"""The PDFs' typesetting (render/typeset): every text printed as written, the stylesheet's classes
all set, tables within the page, the plan's header on every page, nothing read from outside."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from constructor.api import workspace
from constructor.compact import compact
from constructor.render import typeset
from constructor.render.documents import Context, environment, html_documents
from constructor.render.typeset import tables
from constructor.render.typeset.inline import literal
from constructor.render.typeset.markup import MM
from constructor.render.typeset.tree import read

ROOT = Path(__file__).parents[1]
EXAMPLE = ROOT / "catalogs" / "examples" / "welding" / "program.comp"
SOURCES = ROOT / "src" / "constructor" / "render" / "typeset"


@pytest.fixture(scope="module")
def html() -> dict[str, str]:
    ws = workspace(EXAMPLE)
    plan, _ = compact(ws.programs()[0], ws.table, ws.graph)
    assert plan is not None
    return html_documents(Context(plan, ws.table, "ru"), environment())


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=40))
def test_a_literal_is_the_text_itself(text: str) -> None:
    """What Typst reads back from a literal is the text: no escape, markup or code gets through."""
    import typst

    found = typst.query(f"#metadata({literal(text)}) <v>".encode(), "<v>", field="value", one=True)
    assert json.loads(found) == text


def test_hostile_titles_print_as_written(tmp_path: Path) -> None:
    from pypdf import PdfReader

    hostile = '#read("/etc/passwd") ] $x$ *жирный* \\\\ <b>тег</b> & @ref'
    (tmp_path / "p.comp").write_text(
        'standard С "с" { weekly_load 36 term_weeks 17, 23 }\n'
        'competency К "к" { hours theory 10 }\n'
        f'module М "{hostile.replace(chr(34), chr(92) + chr(34))}" {{ covers К }}\n'
        'program П "п" { standard С core М }\n',
        encoding="utf-8",
    )
    ws = workspace(tmp_path / "p.comp")
    plan, _ = compact(ws.programs()[0], ws.table, ws.graph)
    assert plan is not None
    docs = html_documents(Context(plan, ws.table, "ru"), environment())
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(typeset.pdf(docs["matrix"]))).pages)
    assert '#read("/etc/passwd") ] $x$ *жирный* \\ <b>тег</b> & @ref' in text.replace("\n", " ")


def test_every_class_of_the_stylesheet_is_set(html: dict[str, str]) -> None:
    """A class base.html.j2 styles is known to the typesetting too (a new one is added to both)."""
    style = read(html["plan"]).style
    classes = set(re.findall(r"\.([a-zA-Z][\w-]*)", re.sub(r"/\*.*?\*/", "", style)))
    code = "".join(p.read_text(encoding="utf-8") for p in SOURCES.glob("*.py"))
    missing = sorted(c for c in classes if not c.startswith("w-") and f'"{c}"' not in code)
    assert missing == []


def test_tables_fit_the_page(html: dict[str, str]) -> None:
    """Every table of every document of the example within its page's width, as the browser has it."""
    for name, text in html.items():
        document = read(text)
        landscape = "A4 landscape" in document.style
        room = ((297 if landscape else 210) - 24) * MM
        nodes = [document.body]
        while nodes:
            node = nodes.pop()
            nodes.extend(node.elements())
            if node.tag == "table":
                in_title = "signatures" in node.classes or "title-lines" in node.classes
                _, _, widths = tables.layout(node, room, in_title)
                assert sum(widths) <= room + 0.5, (name, node.classes, sum(widths), room)


def test_pages_and_repeated_headers(html: dict[str, str]) -> None:
    from pypdf import PdfReader

    plan = PdfReader(io.BytesIO(typeset.pdf(html["plan"])))
    assert all(round(float(p.mediabox.width)) == 842 for p in plan.pages)  # A4 landscape
    texts = [p.extract_text() for p in plan.pages]
    with_rows = [t for t in texts if "МДК.01.01" in t or "ПМ.02" in t]
    assert len(with_rows) >= 2 and all("Индекс" in t for t in with_rows)  # the header on every page
    assert all(f"Стр. {k} из {len(texts)}" in t for k, t in enumerate(texts, 1))
    last = next(t for t in texts if "Итого" in t)
    assert "Экзаменов за учебный год" in last and "Зачётов и дифференцированных" in last  # kept together
    syllabus = PdfReader(io.BytesIO(typeset.pdf(html["syllabus-ПМ.01"])))
    assert round(float(syllabus.pages[0].mediabox.width)) == 595  # A4 portrait
    assert syllabus.metadata is not None and syllabus.metadata.title == read(html["syllabus-ПМ.01"]).title


def test_the_source_reads_no_file(html: dict[str, str]) -> None:
    """The markup calls no function that reads: pictures go in as bytes, nothing is imported."""
    for name, text in html.items():
        source = typeset.source(text)
        code = re.sub(r'"(?:[^"\\]|\\.)*"', '""', source)  # the literals' contents are text, not calls
        assert not re.search(r"\b(read|json|yaml|toml|csv|xml|cbor|plugin)\(|#import|#include", code), name
        assert re.findall(r"\bimage\(([a-z]+)", code) in ([], ["bytes"], ["bytes", "bytes"]), name


def test_codes_and_ordinals_stay_whole_and_searchable(html: dict[str, str]) -> None:
    """The templates keep «ПП.01» whole with word joiners; the PDF keeps it whole without them (a search
    for «ПП.01» finds it), and «4-м семестре» is not broken after its hyphen."""
    from pypdf import PdfReader

    source = typeset.source(html["syllabus-ОП.04"])
    assert "\u2060" in html["syllabus-ОП.04"] and "\u2060" not in source
    assert '#box("4-м")' in source or "#box(text(" in source
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(typeset.pdf(html["syllabus-ПМ.01"]))).pages)
    assert "\u2060" not in text and "ПП.01" in text


def _page(body: str) -> str:
    """A document as the templates write one: A4, «Стр. N из M», then `body`."""
    return (
        '<!DOCTYPE html><html lang="ru"><head><style>@page { size: A4 portrait; @bottom-right { content: '
        '"Стр. " counter(page) " из " counter(pages); } }</style></head><body>' + body + "</body></html>"
    )


def _text(html: str) -> str:
    from pypdf import PdfReader

    return " ".join(p.extract_text() for p in PdfReader(io.BytesIO(typeset.pdf(html))).pages)


def test_a_row_taller_than_a_page_breaks_instead_of_losing_its_end() -> None:
    words = " ".join(f"w{k:04d}" for k in range(1200))
    text = _text(_page(f'<table class="topics"><tbody><tr><td>{words}</td><td class="n">14</td></tr></tbody></table>'))
    assert "w0000" in text and "w1199" in text  # (a tester's find: 656 of 1,200 words printed)


def test_a_header_taller_than_a_third_of_the_page_is_not_repeated() -> None:
    head = '<th class="c" style="height: 225mm"><span>ОК 1</span></th>'
    rows = "".join(f'<tr><td>ОП.{k:02d}</td><td>Дисциплина {k}</td><td class="m">+</td></tr>' for k in range(40))
    html = _page(f'<table class="matrix"><thead><tr><th>Индекс</th><th>Название</th>{head}</tr></thead>{rows}</table>')
    assert "repeat: false" in typeset.source(html)
    text = _text(html)
    assert "ОП.00" in text and "ОП.39" in text  # (every row was lost under a repeated header)


def test_combining_marks_on_one_letter_are_bounded() -> None:
    """30,000 marks on one letter took Typst 16 GB; the PDF keeps 16 of them."""
    stacked = "e" + "\u0301" * 30000
    source = typeset.source(_page(f"<p>{stacked} конец</p>"))
    assert "e" + "\u0301" * 16 + " конец" in source and "\u0301" * 17 not in source
    assert "конец" in _text(_page(f"<p>{stacked} конец</p>"))
    # an Indic syllable of 256 letters made Typst's shaper panic (not even an Exception)
    for syllable in ("क" + "ा" * 256, "क्" * 200):
        assert "конец" in _text(_page(f"<p>{syllable} конец</p>"))


def test_a_panic_in_typst_leaves_the_document_to_weasyprint(monkeypatch: pytest.MonkeyPatch) -> None:
    import typst

    class PanicException(BaseException):  # pyo3's, as Typst raises it
        pass

    def panics(*args: object, **kwargs: object) -> bytes:
        raise PanicException("TryFromIntError(PosOverflow)")

    monkeypatch.setattr(typst, "compile", panics)
    assert "конец" in _text(_page("<p>конец</p>"))


def test_cells_look_as_the_stylesheet_says() -> None:
    """A few cells against base.html.j2: an indented row's `padding-left` replaces the inset, a
    width in mm is the content's, a group row is bold and shaded, the calendar's years are `th`."""
    html = _page(
        '<table class="volume"><tr class="d1"><td>в том числе</td><td class="n">12</td></tr>'
        '<tr class="group"><td>Всего</td><td class="n">40</td></tr></table>'
        '<table class="cal"><tr><th>1</th><td class="w-К">К</td></tr></table>'
    )
    volume, cal = [n for n in read(html).body.elements() if n.tag == "table"]
    rows, _, cols = tables.layout(volume, (210 - 24) * MM, in_title=False)
    indented = rows[0][0]
    assert indented.indent == 5 * MM and indented.inset[0] == 1.2 * MM
    assert cols[1] == pytest.approx(25 * MM + 2 * 1.2 * MM)  # `width: 25mm` and the insets on top
    assert rows[1][0].look.bold and rows[1][0].fill == "#f2f2f2"
    source = typeset.source(html)
    assert f"inset: (left: {5 * MM:.2f}pt" in source
    ((year, week),) = tables.layout(cal, (210 - 24) * MM, in_title=False)[0]
    assert year.look.bold and year.fill == "#e8eef7" and week.fill == "#e8eef7" and week.align == "center"


def test_characters_dejavu_sans_has_not_come_from_the_systems_fonts() -> None:
    import shutil
    import subprocess

    if not shutil.which("fc-list") or not subprocess.run(["fc-list", ":lang=zh"], capture_output=True).stdout:
        pytest.skip("no font with Chinese characters on this machine")
    assert "中文" in _text(_page("<p>中文 ДИСЦ</p>"))


def test_a_long_position_wraps_and_keeps_the_approval_on_the_page() -> None:
    position = "Заместитель генерального директора по персоналу и социальным вопросам " * 2
    html = _page(
        '<div class="title-page"><table class="signatures"><tr>'
        f"<td><b>СОГЛАСОВАНО</b><br>{position}<br>____ П. П. Петров</td>"
        "<td><b>УТВЕРЖДАЮ</b><br>Директор<br>____ И. И. Иванов</td></tr></table></div>"
    )
    node = read(html).body.find("table")
    assert node is not None
    _, _, widths = tables.layout(node, (210 - 24) * MM, in_title=True)
    assert sum(widths) <= (210 - 24) * MM + 0.5 and min(widths) > 60 * MM
    assert "УТВЕРЖДАЮ" in _text(html) and "Иванов" in _text(html)
