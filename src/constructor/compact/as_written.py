"""The plan as the program writes it (`compact --as-written`): every row in the terms its `term N { … }`
blocks put it in, with those hours and forms, nothing scheduled, reduced or proven. An imported plan
of ИС «Планы» becomes the college's current plan, which `render` prints beside the compacted one.

Rows place themselves: disciplines, МДК (one item each, its hours by term as written) and practices by
their term blocks; a module's exam in the term its module's last row ends (the language gives it no
term); ПДП without term blocks and the final attestation in the last term. A row that writes no terms
cannot be placed: one C340 names them all. A term holding more than its weeks at the weekly load is
said (C341), never hidden: the plan is the college's, not a schedule this tool made."""

from __future__ import annotations

from collections.abc import Mapping

from constructor.compact.assemble import by_kind, final_split
from constructor.compact.plan import (
    FinalAttestation,
    FinalPart,
    HoursByKind,
    Item,
    Plan,
    Savings,
    Term,
    Why,
    YearAttestation,
)
from constructor.compact.variable import with_variable
from constructor.compact.whole_fields import with_whole_fields
from constructor.diagnostics import Diagnostic, diagnostic
from constructor.graph import CompetencyGraph, calendar, program_view_and_graph
from constructor.graph.program import ProgramContent, gather
from constructor.graph.whole import Row, WholeProgram, per_year, planning_calendar, whole
from constructor.graph.whole_checks import count_by_year
from constructor.model import (
    AnyDeclaration,
    AttestationForm,
    Course,
    CycleRole,
    Discipline,
    Hours,
    Module,
    Practice,
    PracticeKind,
    Program,
    Standard,
    TermPlan,
)

MAX_SHOWN = 8


def _declarations(program: Program, table: Mapping[str, AnyDeclaration]) -> dict[str, Discipline | Course | Practice]:
    """The declaration of every row code: disciplines and practices by their codes, МДК and a module's
    practices inside their modules."""
    out: dict[str, Discipline | Course | Practice] = {
        code: d for code, d in table.items() if isinstance(d, Discipline | Practice) and not isinstance(d, Course)
    }
    for ref in program.core:
        mod = table.get(ref.code)
        if isinstance(mod, Module):
            out.update({c.code: c for c in mod.courses})
            out.update({p.code: p for p in mod.practices})
    return out


def _written(terms: tuple[TermPlan, ...]) -> tuple[dict[int, Hours], dict[int, str]]:
    hours = {t.term: t.hours for t in terms if t.hours.total}
    # every form a term writes (an exam and a course project in one term: «Э, КП»)
    forms = {t.term: ", ".join(dict.fromkeys(a.form.value for a in t.attestations)) for t in terms if t.attestations}
    return hours, forms


def _item(
    row: Row, decl: Discipline | Course | Practice | None, term: int | None
) -> tuple[Item | None, dict[int, str], dict[int, Hours]]:
    """The row's item with its hours by term as written (`term`: where a row without term blocks goes,
    None when it has nowhere to go), its forms by term and its hours by kind in each term."""
    hours: dict[int, Hours] = {}
    forms: dict[int, str] = {}
    if decl is not None and decl.terms:
        hours, forms = _written(decl.terms)
        if isinstance(decl, Practice):  # a practice's hours are practice, whatever the block says
            hours = {t: Hours(practice=h.total) for t, h in hours.items()}
        if not hours:  # blocks of no hours (attestation only, or `hours practice 0`): where they stand
            hours = {min(t.term for t in decl.terms): Hours()}
    elif term is not None:
        hours = {term: row.hours}  # (a module's exam or ПДП of no hours is still a row of the plan)
    if not hours:
        return None, {}, {}
    total = sum(hours.values(), Hours())
    kind = {"discipline": "discipline", "course": "course", "practice": "practice", "exam": "exam"}[row.kind]
    reason, via = ("module", row.module) if row.module else ("discipline", row.cycle or row.code)
    item = Item(
        code=row.code,
        title=row.title,
        kind=kind,
        module=row.module,
        term=min(hours),
        hours=total.total,
        hours_by_kind=by_kind(total),
        why=Why(reason=reason, via=via, term_reason="written"),
        cycle=row.cycle,
        hours_by_term={t: h.total for t, h in sorted(hours.items())},
    )
    return item, forms, hours


def _year_counts(
    items: list[Item], table: Mapping[str, AnyDeclaration], program: Program, years: int
) -> tuple[dict[int, int], dict[int, int]]:
    """Exams and credits by study year, counted as compaction counts them (compact/marks.py): every
    row's forms, a module's exam among the exams, `outside_limits` rows not counted (C333's count)."""
    counted = [i for i in items if not (isinstance(d := table.get(i.code), Discipline) and d.outside_limits)]
    marks = [
        (i.code, term, AttestationForm(form))
        for i in counted
        for term, written in i.attestation.items()
        for form in written.split(", ")
    ]
    return count_by_year(marks, program, lambda term: calendar.year_of(term, years))


def _competencies(
    program: Program, content: ProgramContent, graph: CompetencyGraph, items: list[Item], last: int
) -> list[Item]:
    """The competencies the program forms, with no hours of their own (its rows carry them): the
    competency matrix's columns. Each sits where its module ends (a general one in the last term)."""
    ends = {m: max(max(i.hours_by_term) for i in items if i.module == m) for m in {i.module for i in items if i.module}}
    codes = [*content.competencies, *(r.code for r in program.general)]
    out = []
    for code in dict.fromkeys(codes):
        comp = graph.competencies.get(code)
        if comp is None or isinstance(comp, Discipline):
            continue
        module = graph.module_of.get(code)
        kind = {"general": "general", "variable": "variable"}.get(comp.kind.value, "professional")
        out.append(
            Item(
                code=code,
                title=comp.title.value if comp.title else code,
                kind=kind,
                module=module,
                term=ends.get(module or "", last),
                hours=0,
                hours_by_kind=HoursByKind(),
                why=Why(reason="module" if module else "general", via=module or program.code, term_reason="written"),
            )
        )
    return out


def as_written(
    program: Program, table: Mapping[str, AnyDeclaration], graph: CompetencyGraph
) -> tuple[Plan | None, list[Diagnostic]]:
    """The plan exactly as the program's rows write it; see the module's docstring."""
    table, graph, _ = program_view_and_graph(program, table, graph)  # its bundles' МДК in their modules
    planned = planning_calendar(program, table)
    if isinstance(planned, list):
        return None, planned
    std, term_weeks, load = planned
    content = gather(program, table, graph)  # once: the rows and the matrix's competencies
    rows = whole(program, table, graph, content)
    decls = _declarations(program, table)
    pre_diploma_cycle = rows.role_cycle(CycleRole.PRE_DIPLOMA)

    def pre_diploma(row: Row) -> bool:  # ПДП: by its kind, or by its cycle's role
        decl = decls.get(row.code)
        kind = decl.kind if isinstance(decl, Practice) else None
        in_cycle = pre_diploma_cycle is not None and row.cycle == pre_diploma_cycle
        return row.kind == "practice" and (kind is PracticeKind.PRE_DIPLOMA or in_cycle)

    items: list[Item] = []
    forms: dict[str, dict[int, str]] = {}
    kinds: dict[str, dict[int, Hours]] = {}
    unplaced: list[str] = []
    exams: list[Row] = []
    # rows with terms of their own first: the last term is the last any of them writes
    for row in rows.rows:
        if row.kind == "final" or (row.kind == "competency" and not row.hours.total):
            continue
        if row.kind == "competency":  # an enterprise's competency outside any МДК: nowhere written
            unplaced.append(row.code)
            continue
        if row.kind == "exam":
            exams.append(row)
            continue
        item, by_term, kinds[row.code] = _item(row, decls.get(row.code), None)
        if item is None and pre_diploma(row):
            continue  # ПДП without terms: in the last term, below
        if item is None:
            unplaced.append(row.code)
            continue
        items.append(item)
        forms[item.code] = by_term
    if unplaced:
        shown = ", ".join(f"`{c}`" for c in unplaced[:MAX_SHOWN]) + (" …" if len(unplaced) > MAX_SHOWN else "")
        where = program.fields.get("CORE", program.code_span)
        return None, [
            diagnostic(
                "C340",
                "as-written-no-terms",
                where,
                count=len(unplaced),
                codes=shown,
                help="as-written-no-terms.help",
            )
        ]
    # the last term: the last any row writes (hours or a form), or the program's own calendar's
    written = [t for i in items for t in i.hours_by_term] + [t for f in forms.values() for t in f]
    if program.term_weeks and max(written, default=0) > len(program.term_weeks):
        return None, [_past_calendar(program, items, forms)]
    last = max([*written, len(program.term_weeks), 1])
    for row in rows.rows:  # ПДП without terms: the last term
        if pre_diploma(row) and row.code not in {i.code for i in items}:
            item, by_term, kinds[row.code] = _item(row, decls.get(row.code), last)
            if item is not None:
                items.append(item)
                forms[item.code] = by_term
    for row in exams:  # a module's exam where its module's last row ends
        ends = max((max(i.hours_by_term) for i in items if i.module == row.module), default=last)
        item, _, kinds[row.code] = _item(row, None, ends)
        if item is not None:
            items.append(item)
    items += _competencies(program, content, graph, items, last)
    return _plan(program, std, table, rows, items, forms, kinds, (term_weeks, load, last))


def _past_calendar(program: Program, items: list[Item], forms: Mapping[str, Mapping[int, str]]) -> Diagnostic:
    """C342: rows written in terms the program's own calendar (`term_weeks`, every term) does not
    have; their weeks would be made up, so the plan is not made."""
    terms = len(program.term_weeks)
    past = [i.code for i in items if max([*i.hours_by_term, *forms.get(i.code, {})]) > terms]
    shown = ", ".join(f"`{c}`" for c in past[:MAX_SHOWN]) + (" …" if len(past) > MAX_SHOWN else "")
    return diagnostic(
        "C342",
        "as-written-past-calendar",
        program.fields.get("TERM_WEEKS", program.code_span),
        count=len(past),
        codes=shown,
        terms=terms,
        help="as-written-past-calendar.help",
    )


def _plan(
    program: Program,
    std: Standard,
    table: Mapping[str, AnyDeclaration],
    rows: WholeProgram,
    items: list[Item],
    forms: dict[str, dict[int, str]],
    kinds: dict[str, dict[int, Hours]],
    calendar_terms: tuple[list[int], int, int],
) -> tuple[Plan, list[Diagnostic]]:
    """`calendar_terms`: the weeks of each term, the weekly load and the last term."""
    term_weeks, load, last = calendar_terms
    years = per_year(program, term_weeks)
    final, demo, thesis = final_split(program, std)
    order = {row.code: k for k, row in enumerate(rows.rows)}
    items.sort(key=lambda i: (i.term, order.get(i.code, len(order))))
    terms: list[Term] = []
    over: list[str] = []
    for t in range(1, last + 1):
        fa = final if t == last else 0
        hours = sum((kinds[i.code][t] for i in items if t in i.hours_by_term), Hours(attestation=fa))
        weeks = term_weeks[(t - 1) % len(term_weeks)]
        capacity = weeks * load
        if hours.total > capacity:
            over.append(f"{t} ({hours.total} / {capacity})")
        terms.append(
            Term(
                number=t,
                year=calendar.year_of(t, years),
                weeks=weeks,
                capacity_hours=capacity,
                hours=hours.total,
                hours_by_kind=by_kind(hours),
                final_attestation_hours=fa,
                items=[i.code for i in items if t in i.hours_by_term],
            )
        )
    total = sum(t.hours for t in terms)
    length = calendar.duration(last, term_weeks, years)
    base_length = std.baseline.get(program.base) if program.base is not None else None
    base_terms = calendar.terms_for(base_length, term_weeks, years) if base_length else None
    if base_length is not None and base_terms == last:
        length = base_length  # the normative term the plan is written for (an imported file's СрокОбучения)
    target_terms = calendar.terms_for(program.target, term_weeks, years) if program.target else None
    plan = Plan(
        program=program.code,
        program_title=program.title.value if program.title else program.code,
        standard=std.code,
        qualification=program.qualification.value if program.qualification else None,
        base=program.base.value if program.base else None,
        track=program.track.value,
        status="as_written",
        lower_bound=None,
        lower_bound_reason=None,
        gap=None,
        method="as_written",
        solver_seconds=None,
        heuristic_choices=False,
        baseline=str(base_length) if base_length else None,
        target=str(program.target) if program.target else None,
        duration=str(length),
        meets_target=(last <= target_terms) if target_terms else None,
        weekly_load=load,
        terms=terms,
        items=items,
        recognized=[],
        final_attestation=FinalAttestation(
            term=last,
            hours=final,
            demo_exam=program.demo_exam.level.value if program.demo_exam else None,
            demo_exam_hours=demo,
            thesis_hours=thesis,
            parts=[FinalPart(kind=p.kind.value, hours=p.amount.hours(load)) for p in program.final_parts],
        ),
        savings=Savings(
            full_hours=total,
            terms=(base_terms - last) if base_terms else 0,
            months=(base_length.total_months - length.total_months) if base_length else 0,
        ),
        total_hours=total,
    )
    plan = with_whole_fields(plan, program, table, rows)
    written = [i.model_copy(update={"attestation": forms[i.code]}) if forms.get(i.code) else i for i in plan.items]
    exams, credits = _year_counts(written, table, program, years)
    counts = [
        YearAttestation(
            year=y,
            exams=exams.get(y, 0),
            credits=credits.get(y, 0),
            max_exams=std.max_exams_per_year,
            max_credits=std.max_credits_per_year,
        )
        for y in range(1, calendar.year_of(last, years) + 1)
    ]
    plan = with_variable(plan.model_copy(update={"items": written, "attestations": counts}), table)
    diags = []
    if over:
        where = program.fields.get("CORE", program.code_span)
        diags.append(diagnostic("C341", "as-written-over-capacity", where, terms=", ".join(over), load=load))
    if program.recognitions:  # said, not silently dropped (a tester's find): the plan is the file's
        codes = ", ".join(dict.fromkeys(r.code for rec in program.recognitions for r in rec.covers))
        diags.append(diagnostic("C343", "as-written-recognize", program.recognitions[0].span, codes=codes))
    return plan, diags
