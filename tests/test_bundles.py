"""Enterprise bundles: evaluation against the program, alternatives, network form, professions."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from constructor.api import workspace
from constructor.cli import main
from constructor.compact import compact
from constructor.compact.bundles import evaluate
from constructor.model import Ref
from golden import assert_golden

ROOT = Path(__file__).parents[1]
EXAMPLE = ROOT / "catalogs" / "examples" / "welding"
GOLDEN = Path(__file__).parent / "data" / "bundles"


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_example_evaluation_golden(
    fmt: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, update_golden: bool
) -> None:
    monkeypatch.chdir(EXAMPLE)
    code = main(["bundle", "--lang", "ru", "--format", fmt, "program.comp", "bundle-pipes.comp"])
    out = capsys.readouterr().out
    assert code == 0
    assert_golden(out, GOLDEN / f"welding.{fmt}", update_golden)


def test_one_bundle_fits_the_other_breaks_the_target_with_its_reason() -> None:
    ws = workspace(EXAMPLE / "program.comp", extra=[EXAMPLE / "bundle-pipes.comp"])
    report, diags = evaluate(ws.programs()[0], ws.table, ws.graph, "en")
    assert diags == []
    by = {e.bundle: e for e in report.evaluations}
    assert by["ЗАВОД-2026"].meets_target and by["ЗАВОД-2026"].duration_with == "2y10m"
    pipes = by["ТРУБНЫЙ-2026"]
    assert pipes.meets_target is False and pipes.duration_with == "3y10m"
    assert pipes.reason is not None and "ПКс-4.1 → ПКс-4.2" in pipes.reason and "8 terms" in pipes.reason
    assert {tuple(a.bundles): a.meets_target for a in report.alternatives} == {
        (): True,
        ("ТРУБНЫЙ-2026",): False,
        ("ЗАВОД-2026",): True,
        ("ТРУБНЫЙ-2026", "ЗАВОД-2026"): False,
    }


def test_plan_reports_sites_professions_and_graduates() -> None:
    ws = workspace(EXAMPLE / "program.comp")
    plan, _ = compact(ws.programs()[0], ws.table, ws.graph)
    assert plan is not None
    terms = {i.code: i.term for i in plan.items}
    assert [(s.code, [(t.term, t.items) for t in s.terms]) for s in plan.sites] == [
        ("ЗАВОД", [(terms["ПП.01"], ["ПП.01"]), (terms["ПП.03"], ["ПП.03"])])
    ]
    (profession,) = plan.professions
    # ПКс-5.1 is recognised; the profession is awarded when ПМ.05 ends — ПКс-5.2, its practice and
    # its qualification exam (the note said «к концу 2-го семестра» while the exam was in the 4th)
    ends = [max(i.hours_by_term or {i.term: 0}) for i in plan.items if i.module == "ПМ.05" or i.code == "ПКс-5.2"]
    assert profession.code == "Электросварщик-19906" and profession.term == max(ends) >= terms["ПКс-5.2"]
    assert profession.term == max(ends) == terms["ПМ.05.ЭК"]
    (graduates,) = plan.graduates
    assert (graduates.bundle, graduates.seats, graduates.year) == ("ЗАВОД-2026", 25, plan.terms[-1].year)


@settings(max_examples=12, deadline=None)
@given(st.permutations(["ЗАВОД-2026", "ТРУБНЫЙ-2026"]), st.booleans())
def test_bundles_never_remove_core_and_order_does_not_matter(order: list[str], both: bool) -> None:
    ws = workspace(EXAMPLE / "program.comp", extra=[EXAMPLE / "bundle-pipes.comp"])
    program = ws.programs()[0]
    core_plan, _ = compact(program.model_copy(update={"bundles": ()}), ws.table, ws.graph, mode="heuristic")
    assert core_plan is not None
    chosen = order if both else order[:1]
    refs = tuple(Ref(code=c, span=program.code_span) for c in chosen)
    plan, _ = compact(program.model_copy(update={"bundles": refs}), ws.table, ws.graph, mode="heuristic")
    assert plan is not None
    assert {i.code for i in core_plan.items} <= {i.code for i in plan.items}
    reverse = tuple(reversed(refs))
    again, _ = compact(program.model_copy(update={"bundles": reverse}), ws.table, ws.graph, mode="heuristic")
    assert again is not None
    assert {(i.code, i.term) for i in again.items} == {(i.code, i.term) for i in plan.items}


def test_identical_proposals_of_two_enterprises_merge(tmp_path: Path) -> None:
    text = 'competency ПК-1.1 "Базовая"\n' + "".join(
        f'bundle {b} "{b}" {{ requests ПКс-1.1 competency ПКс-1.1 "Сварка" {{ hours practice 72 requires ПК-1.1 }} }}\n'
        for b in ("А", "Б")
    )
    (tmp_path / "x.comp").write_text(text, encoding="utf-8")
    assert main(["check", "--format", "concise", str(tmp_path / "x.comp")]) == 0


def test_bad_bundles_get_diagnostics(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "b.comp"
    bad.write_text('bundle Б "б" { requests ПК-9.9 delivers М at НИГДЕ seats 99999999 }\n', encoding="utf-8")
    assert main(["check", "--format", "concise", "--lang", "en", str(bad)]) == 1
    out = capsys.readouterr().out
    assert "[C101] unknown code `ПК-9.9`" in out and "[C101] unknown code `НИГДЕ`" in out and "[C020]" in out
    bad.write_text('bundle Б "б" { hours_max -5 h }\n', encoding="utf-8")
    assert main(["check", str(bad)]) == 1
    assert "C011" in capsys.readouterr().out


def test_alternatives_cover_every_combination() -> None:
    ws = workspace(EXAMPLE / "program.comp", extra=[EXAMPLE / "bundle-pipes.comp"])
    report, _ = evaluate(ws.programs()[0], ws.table, ws.graph)
    combos = {frozenset(a.bundles) for a in report.alternatives}
    names = ["ЗАВОД-2026", "ТРУБНЫЙ-2026"]
    assert combos == {frozenset(c) for k in range(3) for c in itertools.combinations(names, k)}
    assert json.dumps(report.to_dict(), ensure_ascii=False)


def test_cluster_summary_per_enterprise_and_year(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["cluster", "--format", "json", str(EXAMPLE / "program.comp")]) == 0
    rows = json.loads(capsys.readouterr().out)["rows"]
    assert rows == [
        {
            "enterprise": "Завод металлоконструкций (пример)",
            "year": 3,
            "qualification": "Техник",
            "program": "22.02.06-ПРОФ",
            "seats": 25,
        }
    ]
    assert main(["cluster", "--lang", "en", str(EXAMPLE / "program.comp")]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "total | | | | 25"


def test_a_file_with_no_bundle_does_not_change_the_programs_own_totals(capsys: pytest.CaptureFixture[str]) -> None:
    """Passing a file that proposes nothing (here a cycle of general education) leaves the comparison as
    it is without it: the program's totals are its own, not the extra file's."""
    examples = Path(__file__).resolve().parents[1] / "catalogs"
    program = str(examples / "examples" / "welding" / "program.comp")
    assert main(["bundle", "--lang", "ru", "--format", "json", program]) == 0
    alone = json.loads(capsys.readouterr().out)
    assert (
        main(["bundle", "--lang", "ru", "--format", "json", program, str(examples / "general-education/cycle.comp")])
        == 0
    )
    assert json.loads(capsys.readouterr().out) == alone


def test_a_bundle_s_courses_join_the_modules_of_their_activities_in_the_programs_that_take_it(
    tmp_path: Path,
) -> None:
    """The welding bundle's МДК.01.03 (ПКс-1.1, ПКс-1.3 of ВД-1) joins ПМ.01 and МДК.03.02 joins ПМ.03:
    МДК rows with their graded credit, in the module's working program and matrix — no rows named by
    competencies; a program without the bundle has no such МДК."""
    from constructor.render.syllabus import syllabi
    from constructor.render.views import matrix, plan_doc

    ws = workspace(EXAMPLE / "program.comp")
    program = ws.programs()[0]
    plan, diags = compact(program, ws.table, ws.graph)
    assert plan is not None and not [d for d in diags if d.code == "C325"]
    rows = {r.code: r for r in plan_doc(plan, ws.table, "ru").rows}
    assert rows["МДК.01.03"].forms == {"ДЗ": [plan.items[[i.code for i in plan.items].index("ПКс-1.3")].term]}
    assert "МДК.03.02" in rows and not [code for code in rows if code.startswith("ПКс")]
    items = {i.code: i for i in plan.items}
    assert items["ПКс-1.1"].module == "ПМ.01" and items["ПКс-3.1"].module == "ПМ.03"
    pm01 = next(d for d in syllabi(plan, ws.table, "ru") if d.code == "ПМ.01")
    assert "МДК.01.03" in [p.code for p in pm01.parts]
    assert "МДК.01.03" in [r[0] for r in matrix(plan, ws.table).rows]
    alone, _ = compact(program.model_copy(update={"bundles": ()}), ws.table, ws.graph)
    assert alone is not None and not [i for i in alone.items if i.code.startswith("ПКс-1.")]
    assert "МДК.01.03" not in {r.code for r in plan_doc(alone, ws.table, "ru").rows}
