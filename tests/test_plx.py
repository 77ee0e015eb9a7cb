"""Import of ИС «Планы» `.plx` files (synthetic ones: tests/plx_synth.py) into a `.comp` project that
`check` accepts and whose hours per row, term and cycle are the file's."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from constructor.api import check, workspace
from constructor.cli import main
from constructor.compact import as_written, compact
from constructor.interop.plx import HOUR_KINDS, normalise_code, read_plx
from constructor.model import Course, Discipline, Practice, Program
from plx_synth import PLAN, plx

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
    assert "недели_семестров 16, 22, 16, 22, 16, 22, 16, 16" in text and "каникулы зимние 2, летние 10" in text
    assert "выбрана ОГСЭ.ДВ.01.01" in text and "ядро ПМ.01" in text
    standard = (project / "standard.comp").read_text(encoding="utf-8")
    assert 'приказ "Приказ от 2016-12-09 № 1547"' in standard and "общие ОК-01, ОК-02" in standard


def test_what_cannot_be_carried_is_reported_by_kind(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan = copy.deepcopy(PLAN)
    plan["rows"][0] = (*plan["rows"][0][:9], {3: {101: 32, 103: 12, 107: 4}}, {3: [3, 6, 6]})
    _import(tmp_path, plx(plan))
    err = capsys.readouterr().err
    assert err.count("C040") == 2 and "«К»" in err and "— 2" in err  # two forms «К», one warning


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
    assert "таким, каким он записан" in text and "доказано расчётом" not in text


def test_a_program_whose_rows_write_no_terms_cannot_be_planned_as_written(capsys: pytest.CaptureFixture[str]) -> None:
    example = Path(__file__).parents[1] / "catalogs" / "examples" / "welding" / "program.comp"
    assert main(["compact", "--as-written", "--lang", "en", str(example)]) == 1
    err = capsys.readouterr().err
    assert err.count("error[C340 as-written-no-terms]") == 1 and "`ООД.01`" in err and "…" in err


def test_a_term_over_the_weekly_load_as_written_is_said_not_hidden(tmp_path: Path) -> None:
    text = (
        'standard С "с" { weekly_load 36 h  term_weeks 17, 23 }\n'
        'discipline ОП.01 "д" { hours theory 700  term 1 { hours theory 700  attestation exam } }\n'
        'discipline ОП.02 "д" { hours theory 100  term 2 { hours theory 100 } }\n'
        'program П "п" { standard С  disciplines ОП.01, ОП.02 }\n'
    )
    (tmp_path / "p.comp").write_text(text, encoding="utf-8")
    ws = workspace(tmp_path / "p.comp", tmp_path)
    plan, diags = as_written(ws.programs()[0], ws.table, ws.graph)
    assert plan is not None and [d.code for d in diags] == ["C341"]
    assert diags[0].message.args["terms"] == "1 (700 / 612)"
    assert [(t.hours, t.capacity_hours) for t in plan.terms] == [(700, 612), (100, 828)]
    assert plan.attestations[0].exams == 1 and plan.items[0].attestation == {1: "Э"}
