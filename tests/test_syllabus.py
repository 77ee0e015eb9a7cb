"""The working programs: one for every module and discipline the plan teaches, every number the
plan's, every section present; and a PDF's bytes independent of what its worker rendered before."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from constructor.api import workspace
from constructor.compact import compact
from constructor.compact.plan import Plan
from constructor.graph.bundle_courses import as_planned
from constructor.model import AnyDeclaration, Competency, Discipline, Module, Program
from constructor.render.codes import shown_code
from constructor.render.syllabus import SyllabusDoc, complex_phrases, syllabi

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = [ROOT / "catalogs" / "examples" / name / "program.comp" for name in ("welding", "programmer")]


@cache
def _planned(path: Path) -> tuple[Plan, dict[str, AnyDeclaration]]:
    ws = workspace(path)
    plan, _ = compact(ws.programs()[0], ws.table, ws.graph)
    assert plan is not None
    return plan, dict(ws.table)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.parent.name)
def test_a_program_for_every_module_and_discipline_with_the_plans_hours(path: Path) -> None:
    plan, table = _planned(path)
    docs = {d.code: d for d in syllabi(plan, table, "ru")}
    items = {i.code: i for i in plan.items}
    disciplines = {c for c, d in table.items() if isinstance(d, Discipline) and c in items}
    modules = {i.module for i in plan.items if i.module}
    assert set(docs) == disciplines | modules
    for code, doc in docs.items():
        volume = {word: hours for word, hours, _ in doc.volume}
        total = volume[doc.words["line.total"]]
        if code in disciplines:
            assert doc.kind in ("discipline", "general")
            assert total == items[code].hours_by_kind.total, code
            assert doc.terms == sorted(items[code].hours_by_term), code
        else:
            assert doc.kind == "module"
            members = [i for i in plan.items if i.module == code]
            assert total == sum(i.hours_by_kind.total for i in members), code
            assert sum(p.total for p in doc.parts) == total, code  # МДК, practices and exam add up
        _check_sections(doc)


def _check_sections(doc: SyllabusDoc) -> None:
    w = doc.words
    lines = {word: hours for word, hours, _ in doc.volume}
    teacher = lines.get(w["line.teacher"], 0)
    nested = [w[f"line.{k}"] for k in ("theory", "practice", "lab", "course", "training", "consultations")]
    assert teacher == sum(lines.get(word, 0) for word in nested), doc.code
    rest = [w[f"line.{k}"] for k in ("self_study", "attestation")]
    assert lines[w["line.total"]] == teacher + sum(lines.get(word, 0) for word in rest), doc.code
    assert doc.title_page.heading.startswith("РАБОЧАЯ ПРОГРАММА")
    assert doc.control, doc.code  # every program says how its results are assessed
    assert doc.topics or doc.topics_note, doc.code
    assert not any("  " in value or value.endswith(" ") for _, value in doc.place)


def test_declared_topics_make_the_topic_plan_and_say_when_the_plan_has_other_hours() -> None:
    plan, table = _planned(EXAMPLES[1])
    doc = next(d for d in syllabi(plan, table, "ru") if d.code == "ОП.04")
    assert doc.topics[0].title == "Раздел 1. Основы алгоритмизации"
    classes = sum(t.theory + t.practice + t.lab for t in doc.topics if t.level == 1)
    part = doc.parts[0]
    if classes == part.theory + part.practice + part.lab:
        assert doc.topics_note == ""
        assert doc.topics[-1].level == 3 and doc.topics[-1].total == part.total  # the topic plan adds up
    else:
        assert str(classes) in doc.topics_note
    tail = [t.title for t in doc.topics if t.level == 2]  # what the topics do not divide (they have no self-study)
    kinds = [k for k in ("consultations", "self_study", "attestation") if getattr(part, k)]
    assert tail == [doc.words[f"topics.{k}"] for k in kinds]


def test_a_modules_topic_plan_is_its_whole_structure_and_adds_up_to_the_module() -> None:
    """Each МДК with its hours and its topics under it, the practices and the exam, and the module's
    total — as typical programs lay it out (it showed the declared topics alone, 94 of 450 h)."""
    plan, table = _planned(EXAMPLES[0])
    doc = next(d for d in syllabi(plan, table, "ru") if d.code == "ПМ.01")
    heads = [t for t in doc.topics if t.level == 0]
    assert [t.title.split()[0] for t in heads] == [p.code for p in doc.parts]
    assert [t.total for t in heads] == [p.total for p in doc.parts]
    assert doc.topics[-1].level == 3 and doc.topics[-1].total == sum(p.total for p in doc.parts)
    assert doc.topics[-1].total == dict((w, h) for w, h, _ in doc.volume)[doc.words["line.total"]]
    for k, head in enumerate(doc.topics):  # under each МДК, its topics and what they leave add up to it
        if head.level == 0:
            under = []
            for t in doc.topics[k + 1 :]:
                if t.level in (0, 3):
                    break
                under.append(t)
            if under:
                for field in ("total", "theory", "practice", "lab", "self_study"):
                    assert sum(getattr(t, field) for t in under) == getattr(head, field), (head.title, field)
    assert doc.topics_note == ""


def test_a_module_is_assessed_by_its_courses_forms_and_its_exam() -> None:
    plan, table = _planned(EXAMPLES[0])
    doc = next(d for d in syllabi(plan, table, "ru") if d.code == "ПМ.01")
    module = as_planned(plan.program, table)["ПМ.01"]  # with the bundle's МДК.01.03
    assert isinstance(module, Module)
    # the general ones first, as the layout has them; codes as the standard writes them («ОК 01»)
    taught = list(dict.fromkeys(shown_code(r.code) for r in module.taught))
    assert [r.code for r in doc.results] == [c for c in taught if c.startswith("ОК")] + [
        c for c in taught if not c.startswith("ОК")
    ]
    for result in doc.results:
        assert "экзамен по модулю" in result.methods
        assert result.methods.count("экзамен по модулю") == 1  # once, however many ways it is covered
    english = next(d for d in syllabi(plan, table, "en") if d.code == "ПМ.01")
    assert english.title_page.heading == "WORKING PROGRAM OF THE PROFESSIONAL MODULE"
    assert "module exam" in english.results[0].methods


def test_documents_show_codes_as_the_standards_write_them() -> None:
    assert shown_code("ПК-1.1") == "ПК\u00a01.1"
    assert shown_code("ОК-01") == "ОК\u00a001"
    assert shown_code("ПКс-3.1") == "ПКс\u00a03.1"
    assert shown_code("ВД-2") == "ВД\u00a02"
    for own in ("ПК-ЗАВОД-1", "МДК.01.01", "ПМ.01.ЭК", "X1", "-1", "ПК-", "ОК 01"):
        assert shown_code(own) == own  # a code that is not «prefix-number» is the user's own
    plan, table = _planned(EXAMPLES[0])
    doc = next(d for d in syllabi(plan, table, "ru") if d.code == "ПМ.01")
    assert any(text.startswith("ПК\u00a01.1 ") for text, _, _ in doc.control)
    assert dict(doc.place)[doc.words["activity"]].startswith("ВД\u00a01 «")


def test_a_pdf_does_not_depend_on_what_its_worker_rendered_before() -> None:
    from constructor.render.documents import Context, environment, html_documents
    from constructor.render.typeset import pdf

    plan, table = _planned(EXAMPLES[0])
    html = html_documents(Context(plan, table, "ru"), environment())
    alone = pdf(html["syllabus-ОП.01"])
    pdf(html["plan"])
    pdf(html["syllabus-ПМ.02"])
    assert pdf(html["syllabus-ОП.01"]) == alone


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.parent.name)
def test_the_competency_matrix_marks_what_each_row_forms(path: Path) -> None:
    from constructor.render.views import matrix

    plan, table = _planned(path)
    doc = matrix(plan, table, "ru")
    assert doc.columns[0].startswith("ОК")  # general competencies first, then ПК
    marked = {code: {c for c, on in zip(doc.columns, marks, strict=True) if on} for code, _, marks, _ in doc.rows}
    for code, decl in as_planned(plan.program, table).items():  # modules with the bundles' МДК
        if isinstance(decl, Discipline) and code in marked:
            assert marked[code] == {shown_code(r.code) for r in decl.covers} & set(doc.columns), code
        if isinstance(decl, Module) and code in marked:
            assert marked[code] == {shown_code(r.code) for r in decl.taught} & set(doc.columns), code
    general = [c for c in doc.columns if c.startswith("ОК")]
    assert all(any(c in marks for marks in marked.values()) for c in general)  # every ОК is formed somewhere
    # a credited competency keeps its column, headed so, and no row of the plan forms it
    credited = [c for c in doc.columns if c.endswith("(зачтено)")]
    assert len(credited) == len([c for c in plan.recognized if isinstance(table.get(c), Competency)])
    assert not any(c in marks for c in credited for marks in marked.values())


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.parent.name)
def test_the_note_calls_exams_complex_only_where_the_plan_holds_them_in_one_term(path: Path) -> None:
    from constructor.model import Program
    from constructor.render.views import plan_doc

    plan, table = _planned(path)
    doc = plan_doc(plan, table, "ru")
    assert doc.note is not None
    text = " ".join(p for _, paragraphs in doc.note.sections for p in paragraphs)
    program = table[plan.program]
    assert isinstance(program, Program)
    exam_terms = {r.code: {t for form in ("Э", "Эк") for t in r.forms.get(form, [])} for r in doc.rows}
    for group in program.complex_exams:
        codes = " + ".join(r.code for r in group)
        terms = set().union(*(exam_terms.get(r.code, set()) for r in group))
        if len(terms) == 1:
            assert f"{codes} ({min(terms)}-й семестр)" in text
        else:
            assert f"Экзамены {codes} объявлены комплексными, но по плану приходятся на разные семестры" in text


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.parent.name)
def test_results_taught_in_another_row_say_where(path: Path) -> None:
    """An outcome the plan does not teach again in a row (`taught_elsewhere`, adding up to `saved`) is
    printed in that row's program with the row that teaches it: ОП.10's two results, which the plan
    moved to ООД.06 (20 of its 68 h), read as taught there — its hours (48) no longer pretend to hold them."""
    plan, table = _planned(path)
    for item in plan.items:
        assert sum(e.hours for e in item.taught_elsewhere) == item.saved, item.code
        assert all(e.by in {i.code for i in plan.items} or e.by in table for e in item.taught_elsewhere)
    docs = {d.code: d for d in syllabi(plan, table, "ru")}
    for item in plan.items:
        doc = docs.get(item.code)
        if doc is None or doc.kind == "module":
            continue
        for e in item.taught_elsewhere:
            outcome = table[e.outcome]
            text = outcome.title.value if outcome.title else e.outcome  # type: ignore[union-attr]
            shown = [t for t in doc.skills + doc.knowledge if t.startswith(text)]
            assert shown and all(t.endswith(f" {shown_code(e.by)})") for t in shown), (item.code, shown)
    if path.parent.name == "welding":
        bzd = next(i for i in plan.items if i.code == "ОП.10")
        assert {(e.outcome, e.by) for e in bzd.taught_elsewhere} == {("ИН-08", "ООД.06"), ("ИН-09", "ООД.06")}
        assert docs["ОП.10"].skills == ["оказывать первую помощь (изучается в рамках ООД.06)"]
        # assessed where taught: ОП.10's control table holds none of them; criteria name results alone
        assert not any("первую помощь" in result for result, _, _ in docs["ОП.10"].control)
        assert not any("(изучается" in c or "(приобретается" in c for d in docs.values() for _, c, _ in d.control)
        # a competency's outcome is named with the МДК that teaches it, not the competency
        assert "пользоваться нормативной и технологической документацией по сварке (изучается в рамках МДК.01.02)" in [
            t for r in docs["ПМ.01"].results for t in r.skills
        ]
        # what the plan credits says so in the module's program
        assert any(r.code == "ПКс\u00a05.1" and "зачтено" in r.title for r in docs["ПМ.05"].results)


def test_a_general_education_subject_is_made_on_the_school_standard() -> None:
    """A general-education subject's program is made on the standard and the federal program of secondary
    general education, with the specialty as its orientation; the other rows on the specialty's standard."""
    plan, table = _planned(EXAMPLES[0])
    docs = {d.code: d for d in syllabi(plan, table, "ru")}
    assert "стандарта среднего общего образования и федеральной образовательной программы" in docs["ООД.06"].back[0]
    assert "по специальности 22.02.06" in docs["ООД.06"].back[0]
    assert "стандарта среднего профессионального образования" in docs["ОП.10"].back[0]


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.parent.name)
def test_credited_prior_learning_is_said_for_whom_and_where(path: Path) -> None:
    """A practice the plan credits is no part of the module's table, and its program says so with the
    hours and the reason; the explanatory note names every reason with what it covers (the review: «for
    whom is this credited?»)."""
    from constructor.render import views

    plan, table = _planned(path)
    program = table[plan.program]
    assert isinstance(program, Program)
    docs = {d.code: d for d in syllabi(plan, table, "ru")}
    credited = {r.code: rec for rec in program.recognitions for r in rec.covers if r.code in plan.recognized}
    for module in (m for m in table.values() if isinstance(m, Module) and m.code in docs):
        doc = docs[module.code]
        mine = [p for p in module.practices if p.code in credited]
        assert all(p.code not in {r.code for r in doc.parts} for p in mine)
        for p in mine:
            assert f"{p.code} «Учебная практика», {p.hours_at(plan.weekly_load)} ч" in doc.credited
            assert credited[p.code].reason.value in doc.credited
        assert bool(doc.credited) == bool(mine)
    note = views.plan_doc(plan, table, "ru").note
    assert note is not None
    text = "\n".join(p for _, ps in note.sections for p in ps)
    for rec in {id(r): r for r in credited.values()}.values():
        assert f"«{rec.reason.value}» — " in text
    assert ("План составлен для группы таких поступающих" in text) == bool(credited)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.parent.name)
def test_the_plan_table_marks_complex_forms(path: Path) -> None:
    """A complex exam or credit the plan holds (two or more rows' forms in one term) is «4*» in each of
    its rows' form column, the table says what «*» is, and no other term carries the mark; the working
    programs name the same complex forms (the review: «a complex credit is not marked in the table»)."""
    from constructor.render import views
    from constructor.render.plan_table import FORM_COLUMNS

    plan, table = _planned(path)
    doc = views.plan_doc(plan, table, "ru")
    program = table[plan.program]
    assert isinstance(program, Program)
    from constructor.render.syllabus import WORDS

    joint = complex_phrases(program, {r.code: r.forms for r in doc.rows}, WORDS["ru"])
    marked = {
        (r.code, t)
        for r in doc.rows
        if r.level
        for cells in r.form_cols.values()
        for t in (cells.replace(", ", "").split("*")[:-1] if "*" in cells else [])
    }
    expected = {(code, term) for code, _, term in joint}
    assert {(c, int(t[-1])) for c, t in marked} == expected
    assert doc.joint == bool(expected)
    assert all(form in {f for fs in FORM_COLUMNS.values() for f in fs} for _, form, _ in joint)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.parent.name)
def test_the_note_says_how_the_variable_part_is_spent(path: Path) -> None:
    """The explanatory note's account of the variable part adds up to the hours it names (the review:
    «the note explains 170 of the 703 variable hours»)."""
    import re

    from constructor.render import views

    plan, table = _planned(path)
    note = views.plan_doc(plan, table, "ru").note
    assert note is not None
    text = "\n".join(p for _, ps in note.sections for p in ps)
    total = re.search(r"Вариативная часть — (\d+) ч", text)
    spent = re.search(r"Она распределена так: ([^\n]*)\.", text)
    assert (total is None) == (spent is None)
    if total and spent:
        assert sum(int(h) for h in re.findall(r"— (\d+) ч", spent.group(1))) == int(total.group(1))


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.parent.name)
def test_the_note_names_the_practice_share_compact_measures(path: Path) -> None:
    """The note states the share of practice C305 measures (practical classes and practices) beside
    «практическая подготовка», and says so when the plan falls short of the target."""
    from constructor.render import views

    ws = workspace(path)
    plan, diags = compact(ws.programs()[0], ws.table, ws.graph)
    assert plan is not None
    table = as_planned(plan.program, ws.table)
    note = views.plan_doc(plan, table, "ru").note
    assert note is not None
    text = "\n".join(p for _, ps in note.sections for p in ps)
    share = round(100 * plan.practice_hours / plan.total_hours)
    assert f"производственной практикой — {plan.practice_hours} ч ({share}% объёма программы)" in text
    assert ("План до неё не доходит." in text) == any(d.code == "C305" for d in diags)


def test_a_matrix_wider_than_a_page_is_printed_as_a_list() -> None:
    """More competencies than a landscape page has columns for (a 1,000-competency program made the
    plan's PDF 5.9 MB and 97 s): each row with the codes it forms, as ИС «Планы» lists them; the same
    marks either way."""
    from constructor.render import documents
    from constructor.render.views import MATRIX_COLUMNS, MatrixDoc

    columns = [f"ПК {k}.1" for k in range(1, MATRIX_COLUMNS + 2)]
    rows = [
        ("ПМ.01", "Модуль", [k % 2 == 0 for k in range(len(columns))], 0),
        ("МДК.01.01", "Курс", [True] * len(columns), 1),
    ]
    wide, narrow = (
        MatrixDoc(columns, rows),
        MatrixDoc(columns[:MATRIX_COLUMNS], [(c, t, m[:MATRIX_COLUMNS], lv) for c, t, m, lv in rows]),
    )
    assert wide.wide and not narrow.wide
    assert wide.listed[0][2] == ", ".join(columns[::2]) and wide.listed[1][2] == ", ".join(columns)
    from constructor.render.views import DOC_WORDS

    env = documents.environment()

    html = env.get_template("matrix.html.j2").render(doc=wide, program="П", lang="ru", w=DOC_WORDS["ru"])
    assert 'class="matrix-list"' in html and "Формируемые компетенции" in html and 'class="c"' not in html
    html = env.get_template("matrix.html.j2").render(doc=narrow, program="П", lang="ru", w=DOC_WORDS["ru"])
    assert 'class="matrix"' in html and 'class="matrix-list"' not in html
