"""Import of ИС «Планы» `.plx` files (synthetic ones: tests/plx_synth.py) into a `.comp` project that
`check` accepts and whose hours per row, term and cycle are the file's."""

from __future__ import annotations

import copy
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from constructor.api import check, workspace
from constructor.cli import main
from constructor.compact import as_written, compact
from constructor.interop.plx import HOUR_KINDS, normalise_code, read_plx
from constructor.interop.plx_write import write_plx
from constructor.model import Course, Discipline, Practice, Program
from plx_synth import PLAN, plx, plx_xlsx

TOTAL, WEEKS = 1000, 51


@pytest.mark.parametrize(
    "raw,code",
    [("ОК 1", "ОК-01"), ("ОК 01.", "ОК-01"), ("ОК-01", "ОК-01"), ("ПК 1.1", "ПК-1.1"), ("ПК 1.1.", "ПК-1.1"),
     (" ПM.01", "ПМ.01"), ("ПM.01.ЭК", "ПМ.01.ЭК"), ("  ЕН.01", "ЕН.01"), ("ОГСЭ.ДВ.01.01", "ОГСЭ.ДВ.01.01")],
)  # fmt: skip
def test_codes_are_normalised(raw: str, code: str) -> None:
    assert normalise_code(raw) == code


def _import(tmp_path: Path, data: bytes) -> Path:
    (tmp_path / "plan.plx").write_bytes(data)
    assert main(["import", "plx", str(tmp_path / "plan.plx"), "-o", str(tmp_path / "project")]) == 0
    return tmp_path / "project"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-8"])
def test_the_imported_project_passes_check(tmp_path: Path, encoding: str) -> None:
    project = _import(tmp_path, plx(PLAN, encoding))
    result = check([project / "program.comp"], root=project)
    assert [d.code for d in result.diagnostics] == [], [d.message for d in result.diagnostics]


def _file_rows(plan: dict[str, Any]) -> dict[str, dict[int, dict[str, int]]]:
    """What the description says each row has: term → kind → hours (practices and ГИА: `total`)."""
    out: dict[str, dict[int, dict[str, int]]] = {}
    for row in plan["rows"]:
        code, hours = normalise_code(row[1]), row[9]
        out[code] = {}
        for term, works in hours.items():
            by_kind: dict[str, int] = {}
            for work, h in works.items():
                kind = HOUR_KINDS.get(work, "total" if work == TOTAL else None)
                if kind is not None:
                    by_kind[kind] = by_kind.get(kind, 0) + h
            out[code][term] = by_kind
    return out


def test_hours_per_row_term_and_cycle_are_the_files(tmp_path: Path) -> None:
    project = _import(tmp_path, plx())
    ws = workspace(project / "program.comp", project)
    expected = _file_rows(PLAN)
    seen = set()
    for decl in ws.table.values():
        if isinstance(decl, Discipline | Course) and decl.code in expected:
            got = {t.term: {k: v for k, v in t.hours.model_dump().items() if v} for t in decl.terms}
            want = {t: h for t, h in expected[decl.code].items() if h}
            assert got == want, decl.code
            seen.add(decl.code)
        elif isinstance(decl, Practice) and decl.code in expected:
            assert decl.hours == sum(h["total"] for h in expected[decl.code].values()), decl.code
            seen.add(decl.code)
    assert {"ОГСЭ.01", "ОГСЭ.04", "ЕН.01", "ОГСЭ.ДВ.01.01", "ОП.01", "МДК.01.01", "МДК.01.02", "УП.01"} <= seen
    program = next(d for d in ws.table.values() if isinstance(d, Program))
    assert {p.kind.value: p.amount.hours(36) for p in program.final_parts} == {"thesis_preparation": 144, "thesis": 72}
    plan, diags = compact(program, ws.table, ws.graph)
    assert plan is not None, diags
    by_cycle = {c.id: c.hours for c in plan.cycles}
    for cycle in ("ОГСЭ", "ЕН", "ОП", "ПДП", "ГИА"):  # each cycle's hours as the file has them
        rows = [
            r for r in PLAN["rows"] if r[6] == {"ОГСЭ": "-1", "ЕН": "-2", "ОП": "-4", "ПДП": "-6", "ГИА": "-7"}[cycle]
        ]
        counted = [r for r in rows if r[3] != 5 and (r[4] == 1 or r[8])]  # the chosen alternative only
        assert by_cycle[cycle] == sum(
            h for r in counted for w in r[9].values() for k, h in w.items() if k != TOTAL or len(w) == 1
        )


def test_forms_matrix_calendar_and_the_note_are_carried(tmp_path: Path) -> None:
    project = _import(tmp_path, plx())
    text = (project / "program.comp").read_text(encoding="utf-8")
    assert "# Пояснительная записка (синтетический пример)." in text
    term_4 = (
        "семестр 4 { часы теория 20, практика 40, курсовое_проектирование 20, консультации 4, аттестация 6"
        "  аттестация экзамен, курсовой_проект }"
    )
    assert term_4 in text
    # the weeks of theory, practices and the ГИА (the last term: 12 Т + 4 П + 4 Д + 2 Г)
    assert "недели_семестров 16, 22, 16, 22, 16, 22, 16, 22" in text and "каникулы зимние 2, летние 10" in text
    assert "выбрана ОГСЭ.ДВ.01.01" in text and "ядро ПМ.01" in text
    standard = (project / "standard.comp").read_text(encoding="utf-8")
    assert (
        'приказ "Приказ от 09.12.2016 № 1547"' in standard
        and "нормативный_срок 9-классов 3г10м" in standard
        and "общие ОК-01, ОК-02" in standard
    )


def test_what_cannot_be_carried_is_reported_by_kind(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan = copy.deepcopy(PLAN)
    plan["rows"][0] = (*plan["rows"][0][:9], {3: {101: 32, 103: 12, 107: 4}}, {3: [3, 6, 6]})
    _import(tmp_path, plx(plan))
    err = capsys.readouterr().err
    assert err.count("C040") == 2 and "«К»" in err and "— 2" in err  # two forms «К», one warning


@pytest.mark.parametrize(
    "head, specialty",
    [
        ({"ГодНачалаПодготовки": "99999"}, None),
        ({"ГодНачалаПодготовки": "-5"}, None),
        ({"СрокОбученияМесяцев": "40"}, None),
        ({"СрокОбучения": "9999999999"}, None),
        ({}, "22.02.06 }"),
        ({}, "../../x"),
    ],
)
def test_title_values_the_language_cannot_take_are_left_out_and_said(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], head: dict[str, str], specialty: str | None
) -> None:
    """A tester's files: a year of admission 99999, a term of 40 months, a code `22.02.06 }` were written
    into a `.comp` that did not parse — an internal error. Now each is left out with C040, and the
    project checks."""
    plan = copy.deepcopy(PLAN)
    plan["head"] = {**plan["head"], **head}
    if specialty is not None:
        plan["specialty"] = (specialty, plan["specialty"][1])
    project = _import(tmp_path, plx(plan))
    assert "C040" in capsys.readouterr().err
    assert main(["check", str(project / "program.comp")]) == 0  # warnings at most
    assert "internal" not in capsys.readouterr().err


@pytest.mark.parametrize(
    "content",
    [
        b"not xml at all",
        "<Документ/>".encode("utf-16"),
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]><x>&b;</x>',
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>',
    ],
)
def test_a_file_that_is_not_a_plan_is_one_error_and_nothing_is_written(tmp_path: Path, content: bytes) -> None:
    (tmp_path / "plan.plx").write_bytes(content)
    assert main(["import", "plx", str(tmp_path / "plan.plx"), "-o", str(tmp_path / "out")]) == 1
    assert not (tmp_path / "out").exists()
    plan, diags = read_plx(tmp_path / "plan.plx")
    assert plan is None and [d.code for d in diags] == ["C039"]


def test_the_plan_as_written_reproduces_the_file_per_row_term_and_cycle(tmp_path: Path) -> None:
    """`compact --as-written`: every row in the terms the file puts it in, with the file's hours, forms
    and cycle totals; nothing is claimed optimal; `render --as-written` prints it."""
    project = _import(tmp_path, plx())
    ws = workspace(project / "program.comp", project)
    program = next(d for d in ws.table.values() if isinstance(d, Program))
    plan, diags = as_written(program, ws.table, ws.graph)
    assert plan is not None and diags == [], diags
    assert plan.status == "as_written" and plan.lower_bound is None and plan.method == "as_written"
    expected = _file_rows(PLAN)
    items = {i.code: i for i in plan.items}
    chosen = [r for r in PLAN["rows"] if r[3] != 5 and (r[4] == 1 or r[8]) and r[3] not in (1, 6)]
    for row in chosen:  # every discipline, МДК, practice, the module's exam, ПДП: the file's terms and hours
        code = normalise_code(row[1])
        code = "ПДП.01" if code == "ПДП" else code
        want = {t: sum(h.values()) for t, h in expected[normalise_code(row[1])].items() if sum(h.values())}
        assert items[code].hours_by_term == want, code
    assert items["МДК.01.01"].attestation == {4: "Э, КП"} and items["ЕН.01"].attestation == {1: "Э"}
    file_terms: dict[int, int] = {}
    for row in [*chosen, *(r for r in PLAN["rows"] if r[3] == 6)]:
        for term, works in row[9].items():
            file_terms[term] = file_terms.get(term, 0) + sum(
                h for k, h in works.items() if k != TOTAL or len(works) == 1
            )
    assert {t.number: t.hours for t in plan.terms if t.hours} == file_terms  # each term's hours, ГИА included
    assert all(c.hours == c.scheduled_hours for c in plan.cycles)  # each cycle as the file declares it
    assert (
        main(["render", "--as-written", "--to", "md", "-o", str(tmp_path / "out"), str(project / "program.comp")]) == 0
    )
    text = (tmp_path / "out" / "plan.md").read_text(encoding="utf-8")
    assert "таким, каким он записан" in text and "на меньшее число семестров" not in text


def test_a_program_whose_rows_write_no_terms_cannot_be_planned_as_written(capsys: pytest.CaptureFixture[str]) -> None:
    example = Path(__file__).parents[1] / "catalogs" / "examples" / "welding" / "program.comp"
    assert main(["compact", "--as-written", "--lang", "en", str(example)]) == 1
    err = capsys.readouterr().err
    assert err.count("error[C340 as-written-no-terms]") == 1 and "`ООД.01`" in err and "…" in err


def _as_written_of(tmp_path: Path, text: str) -> tuple[Any, list[Any]]:
    (tmp_path / "p.comp").write_text(text, encoding="utf-8")
    ws = workspace(tmp_path / "p.comp", tmp_path)
    return as_written(ws.programs()[0], ws.table, ws.graph)


def test_a_term_over_the_weekly_load_as_written_is_said_not_hidden(tmp_path: Path) -> None:
    text = (
        'standard С "с" { weekly_load 36 h  term_weeks 17, 23 }\n'
        'discipline ОП.01 "д" { hours theory 700  term 1 { hours theory 700  attestation exam } }\n'
        'discipline ОП.02 "д" { hours theory 100  term 2 { hours theory 100 } }\n'
        'program П "п" { standard С  disciplines ОП.01, ОП.02 }\n'
    )
    plan, diags = _as_written_of(tmp_path, text)
    assert plan is not None and [d.code for d in diags] == ["C341"]
    assert diags[0].message.args["terms"] == "1 (700 / 612)"
    assert [(t.hours, t.capacity_hours) for t in plan.terms] == [(700, 612), (100, 828)]
    assert plan.attestations[0].exams == 1 and plan.items[0].attestation == {1: "Э"}


def test_rows_written_past_the_program_s_own_calendar_are_an_error_not_made_up_weeks(tmp_path: Path) -> None:
    text = (
        'standard С "с" { weekly_load 36 h  term_weeks 17, 23 }\n'
        'discipline ОП.01 "д" { hours theory 30  term 1 { hours theory 30 } }\n'
        'discipline ОП.02 "д" { hours theory 30  term 4 { hours theory 30 } }\n'
        'discipline ОП.03 "д" { hours theory 30  term 2 { hours theory 30 }  term 3 { attestation exam } }\n'
        'program П "п" { standard С  term_weeks 17, 23  disciplines ОП.01, ОП.02, ОП.03 }\n'
    )
    plan, diags = _as_written_of(tmp_path, text)
    assert plan is None and [d.code for d in diags] == ["C342"]
    assert diags[0].message.args["codes"] == "`ОП.02`, `ОП.03`" and diags[0].message.args["terms"] == 2
    plan, diags = _as_written_of(tmp_path, text.replace("term_weeks 17, 23  disc", "term_weeks 17, 23, 17, 23  disc"))
    assert plan is not None and diags == [] and [t.weeks for t in plan.terms] == [17, 23, 17, 23]


# ---------------------------------------------------------------- export: `.plx` and back


def _table_rows(plan: Any, table: Any) -> dict[str, tuple[list[int], dict[str, list[int]]]]:
    """The plan table's rows (not headings): each one's hours by term and forms with their terms."""
    from constructor.render import views

    doc = views.plan_doc(plan, table, "ru")
    # the ГИА (a whole one is «ГИА», its parts ГИА.01…) is compared by its hours: `_round_trip`
    return {
        r.code: (r.by_term, r.forms)
        for r in doc.rows
        if r.level == 1 and r.code and r.code != "ГИА" and not r.code.startswith("ГИА.")
    }


def _round_trip(tmp_path: Path, program_file: Path, root: Path, cli: bool = False) -> tuple[Any, Any, Any, Any]:
    """The program's plan, exported as `.plx` (by the command when `cli`), imported, and planned as written."""
    ws = workspace(program_file, root)
    plan, _ = compact(ws.programs()[0], ws.table, ws.graph)
    assert plan is not None
    if cli:
        assert main(["export", "plx", str(program_file), "--root", str(root), "-o", str(tmp_path / "out.plx")]) == 0
    else:
        (tmp_path / "out.plx").write_bytes(write_plx(plan, ws.table, ws.programs()[0]))
    data = (tmp_path / "out.plx").read_bytes()
    assert data.startswith(b"\xff\xfe") and "dsMMISDB".encode("utf-16-le") in data  # UTF-16 with a BOM
    assert main(["import", "plx", str(tmp_path / "out.plx"), "-o", str(tmp_path / "back")]) == 0
    back = workspace(tmp_path / "back" / "program.comp", tmp_path / "back")
    again, diags = as_written(back.programs()[0], back.table, back.graph)
    assert again is not None, diags
    assert again.final_attestation.hours == plan.final_attestation.hours
    return plan, ws.table, again, back.table


def test_the_example_exported_and_imported_is_the_same_plan(tmp_path: Path) -> None:
    root = Path(__file__).parents[1] / "catalogs"
    plan, table, again, back = _round_trip(tmp_path, root / "examples" / "welding" / "program.comp", root, cli=True)
    assert [t.hours for t in again.terms] == [t.hours for t in plan.terms]
    assert {c.id: c.scheduled_hours for c in again.cycles} == {c.id: c.scheduled_hours for c in plan.cycles}
    rows, rows_back = _table_rows(plan, table), _table_rows(again, back)
    # the enterprise's МДК (МДК.01.03, МДК.03.02 of the bundle) are МДК of their modules both ways
    assert {"МДК.01.03", "МДК.03.02"} <= rows.keys() and not [c for c in rows if c.startswith("ПКс")]
    assert rows == rows_back


@st.composite
def _programs(draw: st.DrawFn) -> str:
    """A small whole program: disciplines of two cycles, a module (two competencies, a МДК, a practice,
    its exam), the final attestation."""
    lines = [
        'cycle ОГСЭ "Гуманитарный" { role humanities }',
        'cycle ОП "Общепрофессиональный" { role general_professional }',
        'cycle ПЦ "Профессиональный" { role professional }',
        'cycle ГИА "ГИА" { role final }',
        'standard С "С" { weekly_load 36 h  term_weeks 17, 23  final_attestation 72 h  cycles ОГСЭ, ОП, ПЦ, ГИА }',
        'activity ВД-1 "Вид"',
    ]
    codes = []
    for n in range(draw(st.integers(1, 4))):
        cycle = draw(st.sampled_from(["ОГСЭ", "ОП"]))
        theory, practice = draw(st.integers(10, 200)), draw(st.integers(0, 120))
        form = draw(st.sampled_from(["exam", "credit", "graded_credit"]))
        spread = draw(st.sampled_from(["", "  terms 2"]))
        code = f"{cycle}.{n + 1:02d}"
        codes.append(code)
        lines.append(
            f'discipline {code} "Д{n}" {{ cycle {cycle}  hours theory {theory}, practice {practice}'
            f"  attestation {form}{spread} }}"
        )
    h1, h2 = draw(st.integers(20, 300)), draw(st.integers(20, 300))
    requires = "  requires ПК-1.1" if draw(st.booleans()) else ""
    lines += [
        f'competency ПК-1.1 "К1" {{ activity ВД-1  hours theory {h1} }}',
        f'competency ПК-1.2 "К2" {{ activity ВД-1  hours theory {h2}, practice 20{requires} }}',
        'module ПМ.01 "М" { activity ВД-1  covers ПК-1.1, ПК-1.2'
        '  course МДК.01.01 "К" { covers ПК-1.1, ПК-1.2  attestation exam }'
        f"  practice УП.01 educational {draw(st.integers(36, 200))} h  attestation qualification_exam"
        "  exam ПМ.01.ЭК 12 h }",
        f'program П "П" {{ standard С  core ПМ.01  disciplines {", ".join(codes)} }}',
    ]
    return "\n".join(lines) + "\n"


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(_programs())
def test_export_then_import_gives_the_same_plan(tmp_path: Path, text: str) -> None:
    """Any compacted plan, exported as `.plx` and imported back, is planned as written into the same rows
    with the same hours and forms term by term (the property the issue asks of the round trip)."""
    folder = Path(tempfile.mkdtemp(dir=tmp_path))  # one folder an example: hypothesis reruns
    (folder / "main.comp").write_text(text, encoding="utf-8")
    plan, table, again, back = _round_trip(folder, folder / "main.comp", folder)
    assert _table_rows(again, back) == _table_rows(plan, table)
    assert [t.hours for t in again.terms] == [t.hours for t in plan.terms]


@pytest.mark.parametrize(
    ("row", "change"),
    [
        ("-23", {9: {0: {TOTAL: 36}, 4: {TOTAL: 36}}}),  # a term no program has
        ("-23", {9: {4: {TOTAL: -72}}}),  # negative hours
        ("-23", {9: {4: {TOTAL: 10**9}}}),  # hours no row has
        ("-10", {2: "Основы\nфилософии\t\r"}),  # a title across lines
        ("-30", {9: {}, 10: {}}),  # ПДП with no hours
        ("-25", {9: {}, 10: {}}),  # a module's exam with no hours
    ],
)
def test_broken_rows_are_reported_and_never_crash_the_import_or_the_plan(
    tmp_path: Path, row: str, change: dict[int, Any]
) -> None:
    plan = copy.deepcopy(PLAN)
    i = [r[0] for r in plan["rows"]].index(row)
    plan["rows"][i] = tuple(change.get(k, v) for k, v in enumerate(plan["rows"][i]))
    project = _import(tmp_path, plx(plan))
    ws = workspace(project / "program.comp", project)
    written, diags = as_written(ws.programs()[0], ws.table, ws.graph)
    assert written is not None or [d.code for d in diags] == ["C340"]  # a plan, or rows without terms said


def test_a_competency_outside_any_course_is_not_dropped_from_a_plan_as_written(tmp_path: Path) -> None:
    text = (
        'standard С "с" { weekly_load 36 h  term_weeks 17, 23 }\n'
        'competency ПКс-1.1 "к" { hours theory 20 }\n'
        'discipline ОП.01 "д" { hours theory 30  term 1 { hours theory 30 } }\n'
        'bundle Б "б" { requests ПКс-1.1 }\n'
        'program П "п" { standard С  disciplines ОП.01  bundles Б }\n'
    )
    plan, diags = _as_written_of(tmp_path, text)
    assert plan is None and [d.code for d in diags] == ["C340"] and "ПКс-1.1" in str(diags[0].message.args)


def test_compaction_keeps_a_course_s_form_written_in_its_term_blocks(tmp_path: Path) -> None:
    """An imported МДК writes its forms by term only: the compacted plan closes it with the last one."""
    text = (
        'standard С "с" { weekly_load 36 h  term_weeks 17, 23 }\nactivity ВД-1 "в"\n'
        'competency ПК-1.1 "к" { activity ВД-1  hours theory 40, practice 32 }\n'
        'module ПМ.01 "м" { activity ВД-1  covers ПК-1.1\n'
        '  course МДК.01.01 "к" { covers ПК-1.1  hours theory 40, practice 32\n'
        "    term 1 { hours theory 40  attestation exam }  term 2 { hours practice 32  attestation graded_credit } }\n"
        "  practice УП.01 educational 36 h  attestation qualification_exam  exam ПМ.01.ЭК 12 h }\n"
        'program П "п" { standard С  core ПМ.01 }\n'
    )
    (tmp_path / "p.comp").write_text(text, encoding="utf-8")
    ws = workspace(tmp_path / "p.comp", tmp_path)
    plan, _ = compact(ws.programs()[0], ws.table, ws.graph)
    assert plan is not None
    assert {i.code: list(i.attestation.values()) for i in plan.items}["ПК-1.1"] == ["ДЗ"]
    assert plan.attestations[0].credits == 1


def test_pre_diploma_practice_without_terms_is_the_last_term_s(tmp_path: Path) -> None:
    plan, diags = _as_written_of(
        tmp_path,
        'standard С "с" { weekly_load 36 h  term_weeks 17, 23 }\n'
        'discipline ОП.01 "д" { hours theory 30  term 2 { hours theory 30 } }\n'
        "practice ПДП.01 pre_diploma 144 h\n"
        'program П "п" { standard С  disciplines ОП.01, ПДП.01 }\n',
    )
    assert plan is not None and diags == []
    assert {i.code: i.hours_by_term for i in plan.items} == {"ОП.01": {2: 30}, "ПДП.01": {2: 144}}


def test_the_excel_export_imports_into_the_plan_the_plx_file_gives(tmp_path: Path) -> None:
    """`import plx PLAN.plx.xlsx` (the «План», «Титул» and «Компетенции» sheets of a synthetic export)
    gives a project that passes `check` and, planned as written, the rows, hours and forms by term of
    the same plan imported from its `.plx`."""
    (tmp_path / "plan.plx.xlsx").write_bytes(plx_xlsx())
    assert main(["import", "plx", str(tmp_path / "plan.plx.xlsx"), "-o", str(tmp_path / "xlsx")]) == 0
    assert check([tmp_path / "xlsx" / "program.comp"], root=tmp_path / "xlsx").diagnostics == []
    plans = []
    for folder in (_import(tmp_path, plx()), tmp_path / "xlsx"):
        ws = workspace(folder / "program.comp", folder)
        plan, diags = as_written(ws.programs()[0], ws.table, ws.graph)
        assert plan is not None, diags
        plans.append((plan, ws.table))
    (from_plx, table), (from_xlsx, table_xlsx) = plans
    assert _table_rows(from_xlsx, table_xlsx) == _table_rows(from_plx, table)
    assert [t.hours for t in from_xlsx.terms] == [t.hours for t in from_plx.terms]
    assert {c.id: c.hours for c in from_xlsx.cycles} == {c.id: c.hours for c in from_plx.cycles}
    program = (tmp_path / "xlsx" / "program.comp").read_text(encoding="utf-8")
    assert 'квалификация "Программист"' in program and "набор 2025" in program


def test_a_workbook_that_is_not_a_plan_export_is_one_error(tmp_path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    wb.save(tmp_path / "other.xlsx")
    (tmp_path / "broken.xlsx").write_bytes(b"PK\x03\x04 not really a zip")
    for name in ("other.xlsx", "broken.xlsx"):
        assert main(["import", "plx", str(tmp_path / name), "-o", str(tmp_path / "out")]) == 1
    assert not (tmp_path / "out").exists()


def test_the_plan_workbook_render_writes_reads_back_as_the_same_plan(tmp_path: Path) -> None:
    """Our XLSX «План» sheet keeps the export's columns: `import plx` reads it back, and the plan as
    written has the compacted plan's rows, hours and forms by term, terms and cycles."""
    root = Path(__file__).parents[1] / "catalogs"
    ws = workspace(root / "examples" / "welding" / "program.comp", root)
    plan, _ = compact(ws.programs()[0], ws.table, ws.graph)
    assert plan is not None
    from constructor.render.xlsx import workbook

    (tmp_path / "plan.xlsx").write_bytes(workbook(plan, ws.table, "ru"))
    assert main(["import", "plx", str(tmp_path / "plan.xlsx"), "-o", str(tmp_path / "back")]) == 0
    back = workspace(tmp_path / "back" / "program.comp", tmp_path / "back")
    again, diags = as_written(back.programs()[0], back.table, back.graph)
    assert again is not None and diags == [], diags
    assert [t.hours for t in again.terms] == [t.hours for t in plan.terms]
    assert {c.id: c.scheduled_hours for c in again.cycles} == {c.id: c.scheduled_hours for c in plan.cycles}
    assert _table_rows(again, back.table) == _table_rows(plan, ws.table)
    assert again.final_attestation.hours == plan.final_attestation.hours


def test_keep_order_gives_a_module_s_competencies_the_file_s_order(tmp_path: Path) -> None:
    """`import plx --keep-order`: МДК.01.02 runs in term 5, after МДК.01.01 ends (term 4), so its ПК-1.2
    requires ПК-1.1 and compaction keeps them in that order; without the flag nothing is required."""
    plan = copy.deepcopy(PLAN)
    rows = {r[0]: k for k, r in enumerate(plan["rows"])}
    k = rows["-22"]
    plan["rows"][k] = (*plan["rows"][k][:9], {5: {101: 30, 103: 60}}, {5: [3]})
    plan["matrix"] = [m for m in plan["matrix"] if m not in (("-53", "-21"),)]  # ПК-1.2: МДК.01.02 only
    (tmp_path / "order.plx").write_bytes(plx(plan))
    for flag in ([], ["--keep-order"]):
        out = tmp_path / ("kept" if flag else "free")
        assert main(["import", "plx", *flag, str(tmp_path / "order.plx"), "-o", str(out)]) == 0
        standard = (out / "standard.comp").read_text(encoding="utf-8")
        block = standard[standard.index("ПК-1.2") :].split("}", 1)[0]
        assert ("требует ПК-1.1" in block) == bool(flag)
        assert check([out / "program.comp"], root=out).diagnostics == []
    ws = workspace(tmp_path / "kept" / "program.comp", tmp_path / "kept")
    compacted, _ = compact(ws.programs()[0], ws.table, ws.graph)
    assert compacted is not None
    terms = {i.code: i.term for i in compacted.items}
    assert terms["ПК-1.2"] > terms["ПК-1.1"]


def _broken(change: str) -> bytes:
    plan = copy.deepcopy(PLAN)
    i = [r[0] for r in plan["rows"]].index("-16")  # ОП.01
    row = list(plan["rows"][i])
    if change == "hours":  # kinds of work the language has no name for: the total is not by kind
        row[9] = {2: {101: 30, 102: 40, 199: 8}}
    elif change == "matrix":  # the matrix names a competency the file does not have
        plan["matrix"] = [*plan["matrix"], ("-99", "-16")]
    elif change == "cycle":  # the row's cycle is not among the file's cycles
        row[6] = "-77"
    plan["rows"][i] = tuple(row)
    return plx(plan)


@pytest.mark.parametrize(
    ("change", "where"),
    [
        ("hours", "ПланыНовыеЧасы ОП.01"),
        ("matrix", "ПланыКомпетенцииДисциплины: КодКомпетенции -99, КодСтроки -16"),
        ("cycle", "ПланыСтроки ОП.01"),
    ],
)
def test_a_broken_row_is_reported_with_its_table_and_code(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], change: str, where: str
) -> None:
    (tmp_path / "p.plx").write_bytes(_broken(change))
    assert main(["import", "plx", "--lang", "ru", str(tmp_path / "p.plx"), "-o", str(tmp_path / "out")]) == 0
    err = capsys.readouterr().err
    assert "C040" in err and f"где: {where}" in err


def test_a_truncated_file_is_one_error_and_nothing_is_written(tmp_path: Path) -> None:
    data = plx()
    (tmp_path / "cut.plx").write_bytes(data[: len(data) // 2])
    assert main(["import", "plx", str(tmp_path / "cut.plx"), "-o", str(tmp_path / "out")]) == 1
    assert not (tmp_path / "out").exists()


def test_complex_exams_and_credits_are_carried_and_other_complex_forms_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = copy.deepcopy(PLAN)
    # an exam, a graded credit, a course project
    plan["complex"] = [("-60", 1, ["-12", "-16"]), ("-61", 3, ["-10", "-11"]), ("-62", 4, ["-10", "-12"])]
    (tmp_path / "c.plx").write_bytes(plx(plan))
    assert main(["import", "plx", "--lang", "ru", str(tmp_path / "c.plx"), "-o", str(tmp_path / "out")]) == 0
    written = (tmp_path / "out" / "program.comp").read_text(encoding="utf-8")
    assert "комплексный_экзамен ЕН.01, ОП.01" in written
    assert "комплексный_зачёт ОГСЭ.01, ОГСЭ.04" in written
    assert "где: КомплексныеФК -62" in capsys.readouterr().err
    assert check([tmp_path / "out" / "program.comp"], root=tmp_path / "out").diagnostics == []


def test_the_programmer_s_complex_exam_survives_export_and_import(tmp_path: Path) -> None:
    root = Path(__file__).parents[1] / "catalogs"
    assert (
        main(["export", "plx", str(root / "examples" / "programmer" / "program.comp"), "-o", str(tmp_path / "p.plx")])
        == 0
    )
    assert main(["import", "plx", str(tmp_path / "p.plx"), "-o", str(tmp_path / "back")]) == 0
    text = (tmp_path / "back" / "program.comp").read_text(encoding="utf-8")
    assert "комплексный_экзамен МДК.04.01, МДК.04.02" in text
