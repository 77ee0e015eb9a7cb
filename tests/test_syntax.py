"""The parser builds the right models: what each construct of the language means."""

from __future__ import annotations

from constructor import parse
from constructor.model import (
    AllOf,
    AnyOf,
    AttestationForm,
    Base,
    Bundle,
    CodeExpr,
    Competency,
    CompetencyKind,
    Discipline,
    Duration,
    Module,
    Outcome,
    OutcomeKind,
    PracticeKind,
    Program,
    Standard,
    Track,
    expr_refs,
)


def one(text: str) -> object:
    source, diags = parse(text, "x.comp")
    assert [d.code for d in diags] == []
    assert len(source.declarations) == 1
    return source.declarations[0]


def codes(expr: object) -> object:
    """An expression as nested tuples: ("all", …), ("any", …) or a code."""
    if isinstance(expr, CodeExpr):
        return expr.ref.code
    assert isinstance(expr, AllOf | AnyOf)
    return (expr.op, *(codes(i) for i in expr.items))


def test_precedence_and_binds_tighter_than_or_and_comma_is_loosest() -> None:
    comp = one('competency К "т" { requires А or Б and В, Г }')
    assert isinstance(comp, Competency)
    assert codes(comp.requires) == ("all", ("any", "А", ("all", "Б", "В")), "Г")


def test_parentheses_and_russian_operators() -> None:
    comp = one('компетенция К "т" { требует (А или Б) и В }')
    assert codes(comp.requires) == ("all", ("any", "А", "Б"), "В")  # type: ignore[attr-defined]


def test_several_requires_lines_mean_all_of_them() -> None:
    comp = one('competency К "т" {\n requires А\n requires Б or В\n}')
    assert codes(comp.requires) == ("all", "А", ("any", "Б", "В"))  # type: ignore[attr-defined]


def test_spans_point_at_what_was_written() -> None:
    source, _ = parse('competency ПК-1.2 "т" {\n  requires ПК-1.1\n}', "f.comp")
    comp = source.declarations[0]
    assert isinstance(comp, Competency)
    assert (comp.code_span.line, comp.code_span.column, comp.code_span.end_column) == (1, 12, 18)
    (ref,) = expr_refs(comp.requires)  # type: ignore[arg-type]
    assert (ref.code, ref.span.line, ref.span.column, ref.span.end_column) == ("ПК-1.1", 2, 12, 18)
    assert comp.fields["REQUIRES"].line == 2


def test_competency_fields_and_kind_from_code() -> None:
    comp = one(
        'competency ПКс-1.1 "Сварка" {\n activity ВД-1\n hours theory 12, practice 60, self_study 6\n'
        ' corequires ПК-1.1\n knows З-1, "текст"\n can У-1\n experience "опыт"\n links "40.002 A/03.2", "06.001"\n}'
    )
    assert isinstance(comp, Competency)
    assert comp.kind is CompetencyKind.VARIABLE
    assert (comp.hours.theory, comp.hours.practice, comp.hours.self_study, comp.hours.total) == (12, 60, 6, 78)
    assert [r.code for r in comp.corequires] == ["ПК-1.1"]
    assert [(r.code, r.text) for r in comp.knows] == [("З-1", None), (None, "текст")]
    assert [(link.standard, link.function, link.level) for link in comp.links] == [
        ("40.002", "A/03.2", 2),
        ("06.001", None, None),
    ]
    assert one('competency ОК-01 "т"').kind is CompetencyKind.GENERAL  # type: ignore[attr-defined]
    assert one('competency ПК-1.1 "т"').kind is CompetencyKind.PROFESSIONAL  # type: ignore[attr-defined]
    assert one('competency ОП-1 "т"').kind is CompetencyKind.FOUNDATION  # type: ignore[attr-defined]


def test_ranges_expand_with_zero_padding() -> None:
    std = one('standard С "т" { general ОК-01 .. ОК-03, ОК-10 activities ВД-8 .. ВД-11 }')
    assert isinstance(std, Standard)
    assert [r.code for r in std.general] == ["ОК-01", "ОК-02", "ОК-03", "ОК-10"]
    assert [r.code for r in std.activities] == ["ВД-8", "ВД-9", "ВД-10", "ВД-11"]


def test_standard_numbers_are_data() -> None:
    std = one(
        'стандарт С "т" { недельная_нагрузка 36 ч недели_семестров 17, 23 недели_каникул 10 '
        "мин_доля_практики 25% цель_доля_практики 50% мин_доля_вариативной 30% гиа 216 "
        "нормативный_срок 9-классов 3г10м, 11-классов 2y10m }"
    )
    assert isinstance(std, Standard)
    assert (std.weekly_load, std.term_weeks, std.holiday_weeks) == (36, (17, 23), 10)
    assert (std.practice_share_min, std.practice_share_target, std.variable_share_min) == (25, 50, 30)
    assert std.final_attestation_hours == 216
    assert std.baseline == {Base.GRADE_9: Duration(years=3, months=10), Base.GRADE_11: Duration(years=2, months=10)}


def test_module_with_courses_and_practices() -> None:
    mod = one(
        'module ПМ.01 "т" {\n activity ВД-1\n covers ПК-1.1 .. ПК-1.2\n'
        ' course МДК.01.01 "к" { covers ПК-1.1 hours theory 10 attestation ДЗ }\n'
        " practice УП.01 учебная 108 h\n practice ПП.01 production 144 at ЗАВОД { covers ПК-1.2 }\n"
        " attestation qualification_exam\n}"
    )
    assert isinstance(mod, Module)
    (course,) = mod.courses
    assert (course.code, course.module, course.attestation) == ("МДК.01.01", "ПМ.01", AttestationForm.GRADED_CREDIT)
    assert [(p.code, p.kind, p.hours, p.site.code if p.site else None) for p in mod.practices] == [
        ("УП.01", PracticeKind.EDUCATIONAL, 108, None),
        ("ПП.01", PracticeKind.PRODUCTION, 144, "ЗАВОД"),
    ]
    assert mod.attestation is AttestationForm.QUALIFICATION_EXAM


def test_program_and_bundle() -> None:
    source, diags = parse(
        'program П "т" { standard С qualification "Техник" base 9-grades track professionalitet target 2y10m\n'
        ' core ПМ.01 general ОК-01 bundles Б recognize "школа" covers ОК-02\n'
        " final_attestation demo_exam profile 36 h, thesis 144 h }\n"
        'bundle Б "т" { enterprise "Завод" requests ПКс-1\n competency ПКс-1 "т" { hours practice 72 }\n'
        " hours_max 400 delivers ПМ.01, УП.01 at ЗАВОД seats 25 }",
        "x.comp",
    )
    assert diags == []
    prog, bundle = source.declarations
    assert isinstance(prog, Program) and isinstance(bundle, Bundle)
    assert (prog.base, prog.track, str(prog.target)) == (Base.GRADE_9, Track.PROFESSIONALITET, "2y10m")
    assert prog.demo_exam is not None and prog.demo_exam.hours == 36 and prog.thesis is not None
    assert [r.code for r in prog.recognitions[0].covers] == ["ОК-02"]
    assert [c.code for c in bundle.competencies] == ["ПКс-1"]
    assert [r.code for r in bundle.deliveries[0].parts] == ["ПМ.01", "УП.01"]
    assert (bundle.hours_max, bundle.seats) == (400, 25)


def test_outcome_kind_words_that_are_also_keywords() -> None:
    out = one('outcome О-1 experience "применения оборудования" 24 h')
    assert isinstance(out, Outcome) and out.kind is OutcomeKind.EXPERIENCE and out.hours == 24


def test_escapes_in_text() -> None:
    comp = one(r'competency К "кавычка \" и \\ слэш"')
    assert comp.title is not None and comp.title.value == 'кавычка " и \\ слэш'  # type: ignore[attr-defined]


def test_syntax_errors_are_all_reported_and_good_declarations_kept() -> None:
    text = (
        'competency А "т" { hours x }\ncompetency Б "т" {\n  requires\n}\ncompetency В "т"\n'
        'competency Г "т" { requires @ }\n'
    )
    source, diags = parse(text, "x.comp")
    # `requires` left unfinished at the end of line 3 is reported there, not at the `}` of line 4
    assert [(d.code, d.span.line if d.span else 0) for d in diags] == [("C010", 1), ("C010", 3), ("C011", 6)]
    # each broken declaration is repaired (the field it could not read left out), so all four are kept
    assert [d.code for d in source.declarations] == ["А", "Б", "В", "Г"]


def test_very_long_chains_do_not_recurse() -> None:
    chain = " and ".join(f"К-{i}" for i in range(10_000))
    comp = one(f'competency К "т" {{ requires {chain} }}')
    assert len(expr_refs(comp.requires)) == 10_000  # type: ignore[attr-defined]


def test_words_are_read_everywhere_as_the_grammar_reads_them() -> None:
    import re

    from constructor.syntax.grammar import WORD, grammar_text

    m = re.search(r"^WORD: /(.*)/$", grammar_text(), re.MULTILINE)
    assert m is not None and m.group(1) == WORD.pattern


def test_a_work_program_s_sources_equipment_and_indicators_are_read() -> None:
    text = (
        'competency ПК-1.1 "к" { indicators "выбирает режим", "сваривает узел" }\n'
        'discipline ОП.01 "д" {\n  literature "Учебник"\n  литература электронная "Портал"\n'
        '  literature extra "ГОСТ"\n  оборудование "пост", "шаблон"\n}\n'
        'discipline ОП.02 "д" { literature bogus "x" }\n'
    )
    source, diags = parse(text, "f.comp")
    comp, discipline = source.declarations[0], source.declarations[1]
    assert isinstance(comp, Competency) and [t.value for t in comp.indicators] == ["выбирает режим", "сваривает узел"]
    assert isinstance(discipline, Discipline)
    assert [(s.kind.value, s.text) for s in discipline.literature] == [
        ("main", "Учебник"),
        ("online", "Портал"),
        ("extra", "ГОСТ"),
    ]
    assert [t.value for t in discipline.equipment] == ["пост", "шаблон"]
    assert [d.code for d in diags] == ["C021"]  # an unknown kind of source, said once; the rest is read


def test_a_noncharacter_xml_cannot_hold_is_a_diagnostic_not_a_broken_document() -> None:
    _, diags = parse('competency К "a\uffffb"\n', "f.comp")
    assert [d.code for d in diags] == ["C023"]


def test_keywords_read_from_the_grammar_text_are_the_parser_s() -> None:
    """Printing a diagnostic reads the keywords' spellings from the grammar's text (no parser built):
    they must be exactly the terminals lark makes, in its order."""
    from constructor.syntax import keywords

    assert keywords._keyword_terminals() == keywords._keyword_terminals_of_the_parser()
