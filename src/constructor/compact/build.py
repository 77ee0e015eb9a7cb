"""From a program to its compacted `Plan`: closure, recognition, outcomes taught once, the schedule,
the duration, and an explanation for every item."""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from constructor.compact import calendar
from constructor.compact.closure import close
from constructor.compact.exact import exact_schedule
from constructor.compact.plan import (
    FinalAttestation,
    Graduates,
    HoursByKind,
    Item,
    Plan,
    ProfessionTerm,
    Savings,
    SiteLoad,
    SiteTerm,
    Term,
    Why,
)
from constructor.compact.schedule import (
    Infeasible,
    Problem,
    Schedule,
    chain_lengths,
    expand,
    list_schedule,
    lower_bound,
    merge_same_term,
)
from constructor.compact.whole_fields import with_whole_fields
from constructor.diagnostics import Diagnostic, diagnostic
from constructor.graph import CompetencyGraph, attainable, gather
from constructor.graph.program import ProgramContent, requests
from constructor.graph.whole import calendar_of, missing_calendar
from constructor.i18n import Msg
from constructor.model import (
    AnyDeclaration,
    Course,
    Module,
    Outcome,
    OutcomeKind,
    Practice,
    PracticeKind,
    Profession,
    Program,
    Site,
    Span,
    Standard,
)

Mode = Literal["auto", "exact", "heuristic"]
TERMS_PER_YEAR = 2  # a program that lists its own terms' weeks lists two a year (СеместровНаКурсе)
AUTO_EXACT_LIMIT = 300  # items up to which the default mode runs the exact solver
MAX_SHOWN = 8


@dataclass
class _Unit:
    """One thing to place: a competency (hours after outcomes taught once) or a practice block."""

    code: str
    title: str
    kind: str
    module: str | None
    theory: int
    practice: int
    self_study: int
    saved: int
    requires: list[str]
    coreq: list[str]
    why: Why

    @property
    def contact(self) -> int:
        return self.theory + self.practice


def _why(
    program: Program, table: Mapping[str, AnyDeclaration], graph: CompetencyGraph, codes: list[str]
) -> dict[str, Why]:
    """For each code: the program's own reason if it asks for it, else the shortest chain from a request."""
    asked = requests(program, gather(program, table, graph))
    chains = graph.chains_from((c for c in asked if c in set(codes)), within=set(codes))
    out: dict[str, Why] = {}
    for code in codes:
        if code in asked:
            out[code] = Why(reason=asked[code][0], via=asked[code][1])
        elif code in chains:
            out[code] = Why(reason="prerequisite", via=asked[chains[code][0]][1], chain=chains[code])
    return out


def _final(program: Program, std: Standard) -> tuple[int, int, int]:
    """Hours of the final attestation: every part as written (weeks at the weekly load), else the
    standard's; and of them, the demonstration exam's and the thesis's (preparation included)."""
    load = std.weekly_load
    demo = sum(p.amount.hours(load) for p in program.final_parts if p.kind.value.startswith("demo_exam"))
    thesis = sum(p.amount.hours(load) for p in program.final_parts if p.kind.value.startswith("thesis"))
    every = sum(p.amount.hours(load) for p in program.final_parts)
    total = every or (std.final_attestation_hours or 0)
    return total, demo, thesis


def _span(program: Program, field: str) -> Span:
    return program.fields.get(field, program.code_span)


def compact(
    program: Program,
    table: Mapping[str, AnyDeclaration],
    graph: CompetencyGraph,
    *,
    mode: Mode = "auto",
    time_limit: float = 10.0,
    record_time: bool = False,
) -> tuple[Plan | None, list[Diagnostic]]:
    """The shortest program the rules allow, with its proof of (near) optimality; see docs/plan.md."""
    diags: list[Diagnostic] = []
    std = table.get(program.standard.code) if program.standard else None
    std = std if isinstance(std, Standard) else None
    calendar_weeks = calendar_of(program, std)
    if std is None or calendar_weeks is None:
        missing = missing_calendar(program, std)
        return None, [missing] if missing is not None else []
    term_weeks, load = calendar_weeks
    capacity = [w * load for w in term_weeks]
    roots = requests(program, gather(program, table, graph))
    recognized = {r.code for rec in program.recognitions for r in rec.covers}
    reachable = attainable(graph)
    root_codes = list(roots)
    chosen = close(graph, root_codes, recognized, reachable)
    unreduced = close(graph, root_codes, set(), reachable)
    codes = chosen.codes
    why = _why(program, table, graph, codes)

    # teach each outcome once: the first competency in teaching order teaches it, the later ones don't
    order_index = {c: i for i, c in enumerate(graph.teaching_order("any")) if c in set(codes)}
    in_order = sorted(codes, key=lambda c: (order_index.get(c, len(order_index)), codes.index(c)))
    taught_by: dict[str, str] = {}
    units: dict[str, _Unit] = {}
    shared_saving = 0
    extra_not_after: list[tuple[str, str]] = []
    for code in in_order:
        comp = graph.competencies[code]
        theory, practice = comp.hours.theory, comp.hours.practice
        saved = 0
        for results, is_theory in ((comp.knows, True), (comp.can, False), (comp.experience, False)):
            for res in results:
                outcome = table.get(res.code) if res.code else None
                if not isinstance(outcome, Outcome) or not outcome.hours:
                    continue
                teacher = taught_by.setdefault(outcome.code, code)
                if teacher == code:
                    continue
                cut = min(outcome.hours, theory if is_theory else practice)
                if outcome.kind is OutcomeKind.KNOWLEDGE or is_theory:
                    theory -= cut
                else:
                    practice -= cut
                saved += cut
                extra_not_after.append((teacher, code))
        shared_saving += saved
        units[code] = _Unit(
            code=code,
            title=graph.title(code),
            kind=comp.kind.value,
            module=graph.module_of.get(code),
            theory=theory,
            practice=practice,
            self_study=comp.hours.self_study,
            saved=saved,
            requires=[p for p in chosen.needs.get(code, []) if p in set(codes)],
            coreq=[p for p in graph.corequisites(code) if p in set(codes)],
            why=why.get(code, Why(reason="prerequisite", via=program.code)),
        )

    # practice blocks of the core modules
    content = gather(program, table, graph)
    blocks: list[tuple[Practice, Module]] = [(p, m) for m in content.modules for p in m.practices]
    for block, mod in blocks:
        units[block.code] = _Unit(
            code=block.code,
            title=block.title.value if block.title else block.code,
            kind="practice",
            module=mod.code,
            theory=0,
            practice=block.hours_at(load),
            self_study=0,
            saved=0,
            requires=[],
            coreq=[],
            why=Why(reason="practice", via=mod.code),
        )

    names = list(units)
    index = {c: i for i, c in enumerate(names)}
    before: set[tuple[int, int]] = set()
    not_after: set[tuple[int, int]] = set()
    for code in codes:
        for p in chosen.needs.get(code, []):
            if p in index:
                before.add((index[p], index[code]))
        for p in graph.corequisites(code):
            if p in index:
                not_after.add((index[p], index[code]))
    for teacher, learner in extra_not_after:
        not_after.add((index[teacher], index[learner]))
    fixed_last: set[int] = set()
    for block, mod in blocks:
        i = index[block.code]
        members = [
            c for c in (r.code for r in (*mod.covers, *(r for cc in mod.courses for r in cc.covers))) if c in index
        ]
        covered = [r.code for r in block.covers if r.code in index] or members
        if block.kind is PracticeKind.PRE_DIPLOMA:
            fixed_last.add(i)
        elif block.kind is PracticeKind.EDUCATIONAL:
            first = min(covered, key=lambda c: in_order.index(c) if c in in_order else 0, default=None)
            if first is not None:
                not_after.add((index[first], i))
        else:
            not_after.update((index[c], i) for c in covered)
        units[block.code].requires = covered
    for mod in content.modules:  # educational practice of a module no later than its production practice
        for edu in (p for p in mod.practices if p.kind is PracticeKind.EDUCATIONAL):
            for prod in (p for p in mod.practices if p.kind is PracticeKind.PRODUCTION):
                not_after.add((index[edu.code], index[prod.code]))
    not_after -= before
    final_hours, demo_hours, thesis_hours = _final(program, std)
    problem = Problem(
        hours=[units[c].contact for c in names],
        before=sorted(before),
        not_after=sorted(not_after),
        term_capacity=capacity,
        final_hours=final_hours,
        fixed_last=frozenset(fixed_last),
    )

    try:
        merged, mapping = merge_same_term(problem)
        bound, bound_reason = lower_bound(merged)
        started = time.perf_counter()
        use_exact = mode == "exact" or (mode == "auto" and problem.size <= AUTO_EXACT_LIMIT)
        if use_exact:
            result = exact_schedule(merged, time_limit)
            schedule, bound, proven = expand(result.schedule, mapping), result.lower_bound, result.proven
            bound_reason = result.bound_reason
            for note in result.notes:
                reason = Msg("solver.time-limit" if note == "time-limit" else "solver.failed", {"detail": note})
                diags.append(
                    diagnostic(
                        "C314",
                        "solver-fallback",
                        _span(program, "TARGET"),
                        program=program.code,
                        reason=reason,
                        seconds=f"{time_limit:g}",
                    )
                )
        else:
            schedule = expand(list_schedule(merged), mapping)
            proven = schedule.terms == bound
        seconds = time.perf_counter() - started
        full_terms = list_schedule(
            merge_same_term(_full_problem(graph, unreduced.codes, units, names, problem))[0]
        ).terms
    except Infeasible as e:
        diags.append(_infeasible(e, program, names, problem))
        return None, diags

    plan = _plan(
        program,
        std,
        graph,
        units,
        names,
        problem,
        schedule,
        bound,
        bound_reason,
        proven,
        "exact" if use_exact else "heuristic",
        seconds if record_time else None,
        chosen.heuristic,
        term_weeks,
        recognized,
        (final_hours, demo_hours, thesis_hours),
        Savings(
            recognition_hours=unreduced.hours - chosen.hours if recognized else 0,
            shared_outcomes_hours=shared_saving,
        ),
        full_terms,
    )
    diags += _target(program, plan, problem, names, term_weeks)
    plan, network = _network(plan, program, table, content, recognized)
    plan, rows = with_whole_fields(plan, program, table, graph)
    return plan, diags + network + rows


def _network(
    plan: Plan, program: Program, table: Mapping[str, AnyDeclaration], content: ProgramContent, recognized: set[str]
) -> tuple[Plan, list[Diagnostic]]:
    """Where each part is taught (partner sites), when professions become attainable, who graduates."""
    items = {i.code: i for i in plan.items}
    at: dict[str, str] = {}  # item → site
    for mod in content.modules:
        for practice in mod.practices:
            if practice.site is not None:
                at[practice.code] = practice.site.code
    for bundle in content.bundles:
        for delivery in bundle.deliveries:
            for part in delivery.parts:
                decl = table.get(part.code)
                if isinstance(decl, Module):
                    members = [i.code for i in plan.items if i.module == decl.code]
                elif isinstance(decl, Course):
                    members = [r.code for r in decl.covers]
                else:
                    members = [part.code]
                for code in members:
                    if code in items:
                        at[code] = delivery.site.code
    sites = []
    diags: list[Diagnostic] = []
    for code in sorted(set(at.values())):
        site = table.get(code)
        capacity = site.hours_per_term if isinstance(site, Site) else None
        terms = []
        for t in plan.terms:
            hosted = [c for c, s in at.items() if s == code and items[c].term == t.number and items[c].hours]
            if hosted:
                hours = sum(items[c].hours for c in hosted)
                terms.append(SiteTerm(term=t.number, hours=hours, items=hosted))
                if capacity is not None and hours > capacity and isinstance(site, Site):
                    diags.append(
                        diagnostic(
                            "C315",
                            "site-over-capacity",
                            site.code_span,
                            site=code,
                            term=t.number,
                            hours=hours,
                            capacity=capacity,
                            help="site-over-capacity.help",
                        )
                    )
        title = site.title.value if isinstance(site, Site) and site.title else code
        sites.append(SiteLoad(code=code, title=title, capacity_hours=capacity, terms=terms))
    professions = []
    for decl in table.values():
        if isinstance(decl, Profession):
            needed = [r.code for r in decl.attained_by]
            missing = [c for c in needed if c not in items and c not in recognized]
            terms_of = [items[c].term for c in needed if c in items]
            professions.append(
                ProfessionTerm(
                    code=decl.code,
                    title=decl.title.value if decl.title else decl.code,
                    term=None if missing else max(terms_of, default=1),
                    missing=missing,
                )
            )
    year = plan.terms[-1].year if plan.terms else 1
    graduates = [
        Graduates(
            bundle=b.code,
            enterprise=b.enterprise.value if b.enterprise else None,
            seats=b.seats,
            year=year,
            qualification=program.qualification.value if program.qualification else None,
        )
        for b in content.bundles
        if b.seats
    ]
    return plan.model_copy(update={"sites": sites, "professions": professions, "graduates": graduates}), diags


def _full_problem(
    graph: CompetencyGraph, full_codes: list[str], units: Mapping[str, _Unit], names: list[str], reduced: Problem
) -> Problem:
    """The same content before any reduction: nothing recognised, every outcome taught each time."""
    extra = [c for c in full_codes if c not in units]
    hours = list(reduced.hours)
    for i, code in enumerate(names):
        unit = units[code]
        if unit.kind != "practice":
            comp = graph.competencies[code]
            hours[i] = comp.hours.theory + comp.hours.practice
    hours += [graph.competencies[c].hours.theory + graph.competencies[c].hours.practice for c in extra]
    index = {c: i for i, c in enumerate([*names, *extra])}
    before = set(reduced.before)
    for code in extra:
        for dep in graph.dependents(code):
            if dep in index:
                before.add((index[code], index[dep]))
        for p in graph.prerequisites(code):
            if p in index:
                before.add((index[p], index[code]))
    return Problem(
        hours, sorted(before), reduced.not_after, reduced.term_capacity, reduced.final_hours, reduced.fixed_last
    )


def _term_reasons(problem: Problem, schedule: Schedule, names: list[str]) -> dict[int, tuple[str, str | None]]:
    load = schedule.load(problem)
    strict: dict[int, list[int]] = {}
    loose: dict[int, list[int]] = {}
    for a, b in problem.before:
        strict.setdefault(b, []).append(a)
    for a, b in problem.not_after:
        loose.setdefault(b, []).append(a)
    out: dict[int, tuple[str, str | None]] = {}
    for i, t in enumerate(schedule.term):
        if i in problem.fixed_last:
            out[i] = ("module", None)
            continue
        earliest, binding, kind = 1, None, "first"
        for p in strict.get(i, []):
            if schedule.term[p] + 1 > earliest or (schedule.term[p] + 1 == earliest and binding is None):
                earliest, binding, kind = schedule.term[p] + 1, names[p], "prerequisite"
        for p in loose.get(i, []):
            if schedule.term[p] > earliest:
                earliest, binding, kind = schedule.term[p], names[p], "corequisite"
        if t == earliest:
            out[i] = (kind, binding)
        elif all(load[k - 1] + problem.hours[i] > problem.capacity(k) for k in range(earliest, t)):
            out[i] = ("capacity", None)
        else:
            out[i] = ("balance", None)
    return out


def _plan(
    program: Program,
    std: Standard,
    graph: CompetencyGraph,
    units: Mapping[str, _Unit],
    names: list[str],
    problem: Problem,
    schedule: Schedule,
    bound: int,
    bound_reason: str,
    proven: bool,
    method: str,
    seconds: float | None,
    heuristic_choices: bool,
    term_weeks: list[int],
    recognized: set[str],
    final: tuple[int, int, int],
    savings: Savings,
    full_terms: int,
) -> Plan:
    reasons = _term_reasons(problem, schedule, names)
    per_year = TERMS_PER_YEAR if program.term_weeks else len(term_weeks)
    items = []
    for i, code in enumerate(names):
        unit = units[code]
        term_reason, binding = reasons[i]
        items.append(
            Item(
                code=code,
                title=unit.title,
                kind=unit.kind,
                module=unit.module,
                term=schedule.term[i],
                hours=unit.contact,
                hours_by_kind=HoursByKind(
                    theory=unit.theory,
                    practice=unit.practice,
                    self_study=unit.self_study,
                    total=unit.theory + unit.practice + unit.self_study,
                ),
                saved=unit.saved,
                requires=unit.requires,
                coreq=unit.coreq,
                why=unit.why.model_copy(update={"term_reason": term_reason, "binding": binding}),
            )
        )
    items.sort(key=lambda it: (it.term, names.index(it.code)))
    load = schedule.load(problem)
    terms = []
    for t in range(1, schedule.terms + 1):
        members = [it for it in items if it.term == t]
        fa = final[0] if t == schedule.terms else 0
        terms.append(
            Term(
                number=t,
                year=calendar.year_of(t, per_year),
                weeks=term_weeks[(t - 1) % len(term_weeks)],
                capacity_hours=problem.capacity(t),
                hours=load[t - 1],
                hours_by_kind=HoursByKind(
                    theory=sum(it.hours_by_kind.theory for it in members),
                    practice=sum(it.hours_by_kind.practice for it in members),
                    self_study=sum(it.hours_by_kind.self_study for it in members),
                    total=sum(it.hours_by_kind.total for it in members) + fa,
                ),
                final_attestation_hours=fa,
                items=[it.code for it in members],
            )
        )
    length = calendar.duration(schedule.terms, term_weeks, per_year)
    base_length = std.baseline.get(program.base) if program.base is not None else None
    base_terms = calendar.terms_for(base_length, term_weeks, per_year) if base_length else None
    target_terms = calendar.terms_for(program.target, term_weeks, per_year) if program.target else None
    savings = savings.model_copy(
        update={
            "terms": (base_terms - schedule.terms) if base_terms else 0,
            "months": (base_length.total_months - length.total_months) if base_length else 0,
            "packing_terms": (base_terms - full_terms) if base_terms else 0,
            "reduction_terms": full_terms - schedule.terms,
        }
    )
    notes = []
    if heuristic_choices:
        notes.append("or-choices-heuristic")
    return Plan(
        program=program.code,
        program_title=program.title.value if program.title else program.code,
        standard=std.code,
        qualification=program.qualification.value if program.qualification else None,
        base=program.base.value if program.base else None,
        track=program.track.value,
        status="optimal" if proven else "feasible",
        lower_bound=bound,
        lower_bound_reason=bound_reason,
        gap=schedule.terms - bound,
        method=method,
        solver_seconds=round(seconds, 3) if seconds is not None else None,
        heuristic_choices=heuristic_choices,
        baseline=str(base_length) if base_length else None,
        target=str(program.target) if program.target else None,
        duration=str(length),
        meets_target=(schedule.terms <= target_terms) if target_terms else None,
        weekly_load=std.weekly_load or 0,
        terms=terms,
        items=items,
        recognized=sorted(c for c in recognized if c in graph),
        final_attestation=FinalAttestation(
            term=schedule.terms,
            hours=final[0],
            demo_exam=program.demo_exam.level.value if program.demo_exam else None,
            demo_exam_hours=final[1],
            thesis_hours=final[2],
        ),
        savings=savings,
        total_hours=sum(load),
        notes=notes,
    )


def _longest_chain(problem: Problem, names: list[str]) -> list[str]:
    head, _ = chain_lengths(problem)
    end = max(range(problem.size), key=lambda i: (head[i], -i))
    preds: dict[int, list[tuple[int, int]]] = {}
    for a, b in problem.before:
        preds.setdefault(b, []).append((a, 1))
    for a, b in problem.not_after:
        preds.setdefault(b, []).append((a, 0))
    path = [end]
    while True:
        node = path[-1]
        step = next((a for a, gap in sorted(preds.get(node, [])) if head[a] + gap == head[node]), None)
        if step is None or step in path:
            break
        path.append(step)
    return [names[i] for i in reversed(path)]


def _target(
    program: Program, plan: Plan, problem: Problem, names: list[str], term_weeks: list[int]
) -> list[Diagnostic]:
    if program.target is None or plan.meets_target:
        return []
    allowed = calendar.terms_for(program.target, term_weeks, TERMS_PER_YEAR if program.term_weeks else None)
    span = _span(program, "TARGET")
    terms = len(plan.terms)
    if plan.lower_bound > allowed:
        if plan.lower_bound_reason == "chain":
            chain = _longest_chain(problem, names)
            shown = " → ".join(chain) if len(chain) <= MAX_SHOWN else " → ".join([*chain[:4], "…", *chain[-3:]])
            reason = Msg("target.chain", {"chain": shown, "need": plan.lower_bound, "allowed": allowed})
        else:
            reason = Msg("target.hours", {"hours": plan.total_hours, "need": plan.lower_bound, "allowed": allowed})
        return [
            diagnostic(
                "C310",
                "target-not-met",
                span,
                notes=[reason],
                help="target-not-met.help",
                program=program.code,
                target=str(program.target),
                duration=plan.duration,
                terms=terms,
            )
        ]
    return [
        diagnostic(
            "C310",
            "target-not-proven",
            span,
            program=program.code,
            target=str(program.target),
            duration=plan.duration,
            terms=terms,
            bound=plan.lower_bound,
            allowed=allowed,
        )
    ]


def _infeasible(e: Infeasible, program: Program, names: list[str], problem: Problem) -> Diagnostic:
    if e.reason == "cycle":
        codes = ", ".join(names[i] for i in e.items[:MAX_SHOWN])
        return diagnostic("C312", "compaction-cycle", _span(program, "CORE"), program=program.code, codes=codes)
    if e.reason == "item-too-large":
        i = e.items[0]
        return diagnostic(
            "C311",
            "item-exceeds-term",
            program.code_span,
            code=names[i],
            hours=problem.hours[i],
            capacity=max(problem.term_capacity),
            help="item-exceeds-term.help",
        )
    return diagnostic(
        "C311", "final-exceeds-term", program.code_span, hours=problem.final_hours, capacity=max(problem.term_capacity)
    )
