"""The whole program in the language: new declarations in both keyword languages, rows by cycle,
and `check` and `compact` applying the calendar rule from one place."""

from __future__ import annotations

from pathlib import Path

import constructor
from constructor.api import parse, workspace
from constructor.compact import compact
from constructor.graph.whole import whole
from constructor.model import Cycle, DemoExamLevel, Discipline, Elective, Practice, Program, Standard
from constructor.syntax.keywords import all_spellings
from constructor.syntax.values import EACH, WORDS

CATALOGS = Path(__file__).parents[1] / "catalogs"

EN = """
cycle ОГСЭ "Цикл" { role humanities  min_hours 432 h  min_class_hours 400 h }
standard С "с" {
  weekly_load 36 h
  final_attestation 6 w
  status superseded
  cycles ОГСЭ
  volume 9-grades 5940 h
  variable_share about 30% ± 5%
}
discipline ОГСЭ.04 "Физическая культура" {
  attestation credit each, graded_credit
  terms all
  term 1 { hours practice 32  attestation credit }
  term 2 { hours practice 40 }
  outside_limits
}
practice ПДП.01 pre_diploma 4 w { cycle ОГСЭ }
program П "п" {
  standard С
  disciplines ОГСЭ
  holidays winter 2, summer 8
  final_attestation thesis_preparation 4 w, demo_exam profile 36 h
}
"""
RU = """
цикл ОГСЭ "Цикл" { роль гуманитарный  мин_часов 432 ч  мин_аудиторных_часов 400 ч }
стандарт С "с" {
  недельная_нагрузка 36 ч
  гиа 6 нед
  статус заменён
  циклы ОГСЭ
  объём 9-классов 5940 ч
  доля_вариативной около 30% ± 5%
}
дисциплина ОГСЭ.04 "Физическая культура" {
  аттестация зачёт каждый, дифзачёт
  семестров все
  семестр 1 { часы практика 32  аттестация зачёт }
  семестр 2 { часы практика 40 }
  вне_лимитов
}
практика ПДП.01 преддипломная 4 нед { цикл ОГСЭ }
программа П "п" {
  стандарт С
  дисциплины ОГСЭ
  каникулы зимние 2, летние 8
  гиа подготовка_вкр 4 нед, ДЭ профильный 36 ч
}
"""


def _plain(value: object) -> object:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items() if k not in ("span", "code_span", "fields")}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def test_both_keyword_languages_mean_the_same() -> None:
    en, en_diags = parse(EN, "en.comp")
    ru, ru_diags = parse(RU, "ru.comp")
    assert en_diags == [] and ru_diags == []
    assert _plain(en.model_dump(mode="json")["declarations"]) == _plain(ru.model_dump(mode="json")["declarations"])


def test_values_of_the_new_fields() -> None:
    source, _ = parse(EN, "en.comp")
    decls = {d.code: d for d in source.declarations}
    cycle = decls["ОГСЭ"]
    assert isinstance(cycle, Cycle) and (cycle.min_hours, cycle.min_class_hours) == (432, 400)
    std = decls["С"]
    assert isinstance(std, Standard)
    assert (std.final_attestation_hours, std.final_attestation_weeks) == (216, 6)  # weeks at the weekly load
    assert std.variable_share is not None and std.variable_share.holds(34) and not std.variable_share.holds(36)
    pe = decls["ОГСЭ.04"]
    assert isinstance(pe, Discipline) and pe.hours.total == 72  # from the terms
    assert [t.term for t in pe.terms] == [1, 2] and pe.attestation is not None and pe.attestation.value == "ДЗ"
    pdp = decls["ПДП.01"]
    assert isinstance(pdp, Practice) and pdp.module is None and pdp.hours_at(36) == 144
    program = decls["П"]
    assert isinstance(program, Program) and program.holidays == {"winter": 2, "summer": 8}
    assert [p.kind.value for p in program.final_parts] == ["thesis_preparation", "demo_exam"]
    assert program.demo_exam is not None and program.demo_exam.hours == 36  # kept as before parts existed


def test_elective_counts_one_alternative() -> None:
    source, diags = parse(
        'elective Э "э" { cycle Ц  choose Э.02  discipline Э.01 "а" { hours theory 10 }  '
        'discipline Э.02 "б" { hours theory 20 } }',
        "e.comp",
    )
    group = source.declarations[0]
    assert diags == [] and isinstance(group, Elective)
    assert group.chosen is not None and group.chosen.code == "Э.02"
    assert all(d.elective == "Э" and d.cycle is not None and d.cycle.code == "Ц" for d in group.alternatives)


def test_no_keyword_is_spelt_like_a_word_that_may_follow_another_word() -> None:
    """After a word the parser accepts any field's keyword (LALR merges those states), so a value that
    can come second — a demonstration exam's level, `each` — must not be spelt like a keyword."""
    keywords = set(all_spellings())
    second = {s for spellings in WORDS[DemoExamLevel].values() for s in spellings}
    second |= {s for spellings in EACH.values() for s in spellings}
    assert not (second & keywords)


def test_the_complete_example_is_the_standards_full_volume_by_cycle() -> None:
    ws = workspace(CATALOGS / "examples" / "welding" / "program.comp")
    rows = whole(ws.programs()[0], ws.table, ws.graph)
    by_cycle = rows.hours_by_cycle()
    assert rows.total == 5940 and by_cycle["ОО"] == 1476
    assert set(by_cycle) == {"ОО", "ОГСЭ", "ЕН", "ОП", "ПЦ", "ПДП", "ГИА"}
    kinds = {r.kind for r in rows.rows}
    assert {"discipline", "course", "practice", "exam", "final"} <= kinds


def test_the_programmer_example_fills_its_six_terms() -> None:
    ws = workspace(CATALOGS / "examples" / "programmer" / "program.comp")
    program = ws.programs()[0]
    rows = whole(program, ws.table, ws.graph)
    assert rows.total == 4464 == sum(w * 36 for w in program.term_weeks)
    plan, _ = compact(program, ws.table, ws.graph)
    assert plan is not None and [t.year for t in plan.terms] == [1, 1, 2, 2, 3, 3]
    assert plan.duration == "2y10m" and [t.weeks for t in plan.terms] == [17, 25, 17, 24, 17, 24]


def test_check_and_compact_refuse_a_missing_calendar_by_one_rule(tmp_path: Path) -> None:
    path = tmp_path / "p.comp"
    path.write_text('standard С "с" { weekly_load 36 h  term_weeks 17, 0 }\nprogram П "п" { standard С }\n')
    checked = constructor.check([path], root=tmp_path)
    ws = workspace(path, root=tmp_path)
    plan, diags = compact(ws.programs()[0], ws.table, ws.graph)
    assert plan is None
    assert [d.code for d in checked.diagnostics] == [d.code for d in diags] == ["C313"]


def test_one_unknown_code_in_a_program_is_one_diagnostic(tmp_path: Path) -> None:
    """`ПМ.1` for `ПМ.01`: C101 with the padded code suggested, and none of its consequences (a module
    missing for the activity, the volume short, a cycle short)."""
    project = tmp_path / "p"
    from constructor.cli import main

    assert main(["init", str(project)]) == 0
    path = project / "program.comp"
    path.write_text(path.read_text(encoding="utf-8").replace("ядро ПМ.01,", "ядро ПМ.1,"), encoding="utf-8")
    result = constructor.check([path])
    assert [d.code for d in result.diagnostics] == ["C101"]
    assert "ПМ.01" in str(result.diagnostics[0].help)
