"""From a program to its compacted `Plan`: closure, recognition, outcomes taught once, the schedule,
the duration, and an explanation for every item."""

from __future__ import annotations

from collections.abc import Mapping
from collections.abc import Set as AbstractSet

from constructor.compact.closure import close, hard_closure
from constructor.compact.plan import (
    FinalAttestation,
    FinalPart,
    Graduates,
    HoursByKind,
    Item,
    Plan,
    ProfessionTerm,
    Savings,
    SiteLoad,
    SiteTerm,
    Term,
    YearAttestation,
)
from constructor.compact.rows import KINDS, shares_of
from constructor.compact.schedule import (
    CREDIT,
    EXAM,
    Infeasible,
    Problem,
    Schedule,
    attestations_by_year,
    chain_lengths,
    list_schedule,
    merge_same_term,
)
from constructor.compact.solve import Mode, Solved, Unplaceable, solve
from constructor.compact.units import Built, build, context_of
from constructor.compact.whole_fields import with_whole_fields
from constructor.diagnostics import Diagnostic, diagnostic
from constructor.graph import CompetencyGraph, attainable, calendar
from constructor.graph.program import ProgramContent
from constructor.graph.whole import (
    TERMS_PER_YEAR,
    calendar_of,
    final_hours,
    load_hours,
    missing_calendar,
    per_year,
)
from constructor.i18n import Count, Dur, Kw, Msg
from constructor.model import (
    AnyDeclaration,
    Course,
    Hours,
    Module,
    Profession,
    Program,
    Site,
    Span,
    Standard,
)

MAX_SHOWN = 8


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
    context = context_of(program, table, graph)
    roots = context.asked
    recognized = program.recognized
    reachable = attainable(graph)
    root_codes = list(roots)
    chosen = close(graph, root_codes, recognized, reachable)
    unreduced = close(graph, root_codes, set(), reachable)
    candidates = [build(program, table, graph, std, c, capacity, context) for c in chosen.candidates]
    relaxed = None
    if not chosen.exhaustive:
        hard = hard_closure(graph, root_codes, recognized)
        relaxed = build(program, table, graph, std, hard, capacity, context).problem
    try:
        solved = solve(candidates, relaxed, mode, time_limit)
    except Unplaceable as e:
        return None, [_infeasible(e, program)]
    built = solved.built
    names, problem, content, schedule = built.names, built.problem, built.content, solved.schedule
    for note in solved.notes:
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
    diags += _split_complex_exams(program, problem, schedule)
    final = final_hours(program, std)
    demo_hours = sum(p.amount.hours(load) for p in program.final_parts if p.kind.value.startswith("demo_exam"))
    thesis_hours = sum(p.amount.hours(load) for p in program.final_parts if p.kind.value.startswith("thesis"))
    try:
        full_terms = list_schedule(merge_same_term(_full_problem(graph, unreduced.codes, built))[0]).terms
    except Infeasible:
        full_terms = schedule.terms  # the unreduced content cannot be scheduled at all: no packing saving claimed

    plan = _plan(
        program,
        std,
        graph,
        built,
        solved,
        chosen.heuristic,
        term_weeks,
        recognized,
        (final, demo_hours, thesis_hours),
        Savings(
            recognition_hours=(
                max(0, unreduced.hours - built.closure.hours)
                + sum(p.hours_at(load) for m in content.modules for p in m.practices if p.code in recognized)
            )
            if recognized
            else 0,
            shared_outcomes_hours=built.shared_saving,
            integration_hours=built.integrated_saving,
            practice_hours=built.practice_saving,
        ),
        full_terms,
        record_time,
    )
    diags += _target(program, plan, problem, names, term_weeks)
    plan, network = _network(plan, program, table, content, recognized)
    plan = with_whole_fields(plan, program, table, context.rows)
    return plan, diags + network


def _split_complex_exams(program: Program, problem: Problem, schedule: Schedule) -> list[Diagnostic]:
    """A complex exam is one exam only where its rows' exams fall in one term (placed as the limits count
    them, `compact/marks.py`); a group the schedule puts apart is said, and is held as separate exams."""
    out = []
    for number, terms in sorted(problem.group_terms(schedule.term).items()):
        group = program.complex_exams[number]
        if len(terms) > 1:
            out.append(
                diagnostic(
                    "C319",
                    "complex-exam-split",
                    _span(program, "COMPLEX_EXAM"),
                    help="complex-exam-split.help",
                    codes=" + ".join(f"`{r.code}`" for r in group),
                    terms=", ".join(map(str, terms)),
                )
            )
    return out


def _network(
    plan: Plan,
    program: Program,
    table: Mapping[str, AnyDeclaration],
    content: ProgramContent,
    recognized: AbstractSet[str],
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


def _full_problem(graph: CompetencyGraph, full_codes: list[str], built: Built) -> Problem:
    """The same content before any reduction: nothing recognised, every outcome taught each time."""
    units, names, reduced = built.units, built.names, built.problem
    extra = [c for c in full_codes if c not in units]

    def full(code: str) -> int:
        comp = graph.competencies.get(code)
        return load_hours(comp.hours) if comp is not None else units[code].load

    hours = [full(c) for c in names]
    shares = [shares_of(hours[i], units[c].shares) for i, c in enumerate(names)]
    hours += [full(c) for c in extra]
    shares += [[] for _ in extra]
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
        hours,
        sorted(before),
        reduced.not_after,
        reduced.term_capacity,
        reduced.final_hours,
        reduced.fixed_last,
        shares if any(shares) else (),
        [full(c) for c in built.background],
        [*reduced.deadline, *([0] * len(extra))] if reduced.deadline else (),
        reduced.marks,
        reduced.background_marks,
        reduced.year_limits,
        reduced.terms_per_year,
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


def _by_kind(hours: Hours) -> HoursByKind:
    return HoursByKind(**{k: getattr(hours, k) for k in KINDS}, total=hours.total)


def _plan(
    program: Program,
    std: Standard,
    graph: CompetencyGraph,
    built: Built,
    solved: Solved,
    heuristic_choices: bool,
    term_weeks: list[int],
    recognized: AbstractSet[str],
    final: tuple[int, int, int],
    savings: Savings,
    full_terms: int,
    record_time: bool,
) -> Plan:
    units, names, problem, schedule = built.units, built.names, built.problem, solved.schedule
    reasons = _term_reasons(problem, schedule, names)
    years = per_year(program, term_weeks)
    split = schedule.background_split(problem)
    starts = {code: schedule.term[i] for i, code in enumerate(names)}
    order = {code: i for i, code in enumerate([*names, *built.background])}
    background = {code: r for r, code in enumerate(built.background)}
    items = []
    term_hours: dict[int, list[Hours]] = {t: [] for t in range(1, schedule.terms + 1)}
    for code in order:
        unit = units[code]
        term_reason, binding = reasons[order[code]] if code in starts else ("first", None)
        row = background.get(code)
        by_term = unit.by_term(starts.get(code, 1), split[row] if row is not None else None)
        for t, h in by_term.items():
            term_hours[t].append(h)
        items.append(
            Item(
                code=code,
                title=unit.title,
                kind=unit.kind,
                module=unit.module,
                term=min(by_term, default=starts.get(code, 1)),
                hours=unit.load,
                hours_by_kind=_by_kind(unit.hours),
                saved=unit.saved,
                requires=unit.requires,
                coreq=unit.coreq,
                why=unit.why.model_copy(update={"term_reason": term_reason, "binding": binding}),
                cycle=unit.cycle,
                hours_by_term={t: h.total for t, h in by_term.items()},
            )
        )
    items.sort(key=lambda it: (it.term, order[it.code]))
    load = schedule.load(problem)
    terms = []
    for t in range(1, schedule.terms + 1):
        fa = final[0] if t == schedule.terms else 0
        kinds = sum(term_hours[t], Hours()) + Hours(attestation=fa)
        if kinds.total != load[t - 1]:  # the documents print both: they must agree to the hour
            raise RuntimeError(f"term {t}: {kinds.total} h by kind but {load[t - 1]} h placed")
        terms.append(
            Term(
                number=t,
                year=calendar.year_of(t, years),
                weeks=term_weeks[(t - 1) % len(term_weeks)],
                capacity_hours=problem.capacity(t),
                hours=load[t - 1],
                hours_by_kind=_by_kind(kinds),
                final_attestation_hours=fa,
                items=[it.code for it in items if t in it.hours_by_term],
            )
        )
    length = calendar.duration(schedule.terms, term_weeks, years)
    base_length = std.baseline.get(program.base) if program.base is not None else None
    base_terms = calendar.terms_for(base_length, term_weeks, years) if base_length else None
    target_terms = calendar.terms_for(program.target, term_weeks, years) if program.target else None
    total = sum(load)
    reductions = (
        savings.recognition_hours + savings.integration_hours + savings.practice_hours + savings.shared_outcomes_hours
    )
    savings = savings.model_copy(
        update={
            "full_hours": total + reductions,
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
        status="optimal" if solved.proven else "feasible",
        lower_bound=solved.bound,
        lower_bound_reason=solved.bound_reason,
        gap=schedule.terms - solved.bound,
        method=solved.method,
        solver_seconds=round(solved.seconds, 3) if record_time else None,
        heuristic_choices=heuristic_choices,
        baseline=str(base_length) if base_length else None,
        target=str(program.target) if program.target else None,
        duration=str(length),
        meets_target=(schedule.terms <= target_terms) if target_terms else None,
        weekly_load=std.weekly_load or 0,
        terms=terms,
        items=items,
        recognized=sorted(c for c in recognized if c in graph or c in built.content.practice_codes),
        final_attestation=FinalAttestation(
            term=schedule.terms,
            hours=final[0],
            demo_exam=program.demo_exam.level.value if program.demo_exam else None,
            demo_exam_hours=final[1],
            thesis_hours=final[2],
            parts=[FinalPart(kind=p.kind.value, hours=p.amount.hours(std.weekly_load)) for p in program.final_parts],
        ),
        savings=savings,
        total_hours=total,
        attestations=_attestations(problem, schedule),
        notes=notes,
    )


def _attestations(problem: Problem, schedule: Schedule) -> list[YearAttestation]:
    """Exams and credits a study year, by the count the schedule kept to its limits."""
    counts = attestations_by_year(problem, schedule.term, schedule.terms)
    exams, credits = problem.year_limits
    return [
        YearAttestation(
            year=year,
            exams=counts.get((year, EXAM), 0),
            credits=counts.get((year, CREDIT), 0),
            max_exams=exams,
            max_credits=credits,
        )
        for year in range(1, problem.year(schedule.terms) + 1)
    ]


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
            reason = Msg(
                "target.chain",
                {"chain": shown, "need": Count(plan.lower_bound, "term"), "allowed": Count(allowed, "term")},
            )
        elif plan.lower_bound_reason == "attestation":
            exams, credits = problem.year_limits
            reason = Msg(
                "target.attestation",
                {
                    "exams": problem.mark_count(EXAM),
                    "credits": problem.mark_count(CREDIT),
                    "max_exams": "—" if exams is None else exams,
                    "max_credits": "—" if credits is None else credits,
                    "need": Count(plan.lower_bound, "term"),
                    "allowed": Count(allowed, "term"),
                },
            )
        elif plan.lower_bound_reason == "solver":
            reason = Msg("target.solver", {"need": Count(plan.lower_bound, "term"), "allowed": Count(allowed, "term")})
        else:
            reason = Msg(
                "target.hours",
                {
                    "hours": plan.total_hours,
                    "need": Count(plan.lower_bound, "term"),
                    "allowed": Count(allowed, "term"),
                },
            )
        return [
            diagnostic(
                "C310",
                "target-not-met",
                span,
                notes=[reason],
                help="target-not-met.help",
                program=program.code,
                target=Dur(str(program.target)),
                duration=Dur(plan.duration),
                terms=Count(terms, "term"),
            )
        ]
    return [
        diagnostic(
            "C310",
            "target-not-proven",
            span,
            program=program.code,
            target=Dur(str(program.target)),
            duration=Dur(plan.duration),
            terms=Count(terms, "term"),
            bound=plan.lower_bound,
            allowed=Count(allowed, "term"),
        )
    ]


def _per_kind(exams: int | None, credits: int | None) -> Msg:
    """«экзаменов — 8, зачётов — 10», leaving out a kind without a number."""
    parts = [
        Msg("limits.pair", {"what": Msg(f"limit.{what}"), "count": count})
        for what, count in (("exams", exams), ("credits", credits))
        if count is not None
    ]
    if not parts:
        return Msg("limits.none")
    return parts[0] if len(parts) == 1 else Msg("limits.both", {"first": parts[0], "second": parts[1]})


def _limits_unkeepable(problem: Problem, program: Program) -> Diagnostic:
    """C318: the yearly limits of exams and credits cannot be kept, with what the rows ask for."""
    every = problem.background_marks_by_year(2 * problem.terms_per_year + 1)
    exams, credits = problem.year_limits
    rows = [problem.mark_count(kind) for kind in (EXAM, CREDIT)]
    return diagnostic(
        "C318",
        "attestation-limits-unkeepable",
        _span(program, "DISCIPLINES"),
        notes=[
            Msg(
                "attestation-limits-unkeepable.note",
                {
                    "every": _per_kind(
                        every.get((1, EXAM), 0) if exams is not None else None,
                        every.get((1, CREDIT), 0) if credits is not None else None,
                    ),
                    "rows": _per_kind(rows[0], rows[1]),
                },
            )
        ],
        help=Msg(
            "attestation-limits-unkeepable.help", {"complex": Kw("COMPLEX_EXAM"), "outside": Kw("OUTSIDE_LIMITS")}
        ),
        program=program.code,
        limits=_per_kind(exams, credits),
    )


def _infeasible(e: Unplaceable, program: Program) -> Diagnostic:
    if e.reason == "time-limit":  # nothing is claimed impossible: no schedule was found in time
        return diagnostic(
            "C324", "solver-no-schedule", _span(program, "TARGET"), program=program.code, help="solver-no-schedule.help"
        )
    if e.reason == "deadline":
        problem, units = e.built.problem, e.built.units
        limit = min(d for d in problem.deadline if d)
        late = [c for c, d in zip(e.built.names, problem.deadline, strict=True) if d == limit]
        cycle = units[late[0]].cycle or ""
        declared = e.built.context.rows.cycles.get(cycle)
        year = declared.ends_by_year if declared is not None and declared.ends_by_year else limit
        return diagnostic(
            "C317",
            "cycle-past-its-year",
            _span(program, "DISCIPLINES"),
            cycle=cycle,
            hours=sum(units[c].load for c in late),
            terms=Count(limit, "term"),
            year=year,
            knows=Kw("KNOWS"),
            can=Kw("CAN"),
            ends=Kw("ENDS_BY_YEAR"),
            help="cycle-past-its-year.help",
        )
    if e.reason == "attestation-limit":
        return _limits_unkeepable(e.built.problem, program)
    if e.reason == "cycle":
        codes = ", ".join(e.members[0][:MAX_SHOWN]) if e.members else ""
        return diagnostic("C312", "compaction-cycle", _span(program, "CORE"), program=program.code, codes=codes)
    capacity = max(e.built.problem.term_capacity)
    if e.reason == "item-too-large":
        members, hours = e.members[0], e.hours[0]
        if len(members) > 1:
            shown = ", ".join(f"`{m}`" for m in members[:MAX_SHOWN])
            return diagnostic(
                "C311",
                "group-exceeds-term",
                program.code_span,
                codes=shown,
                hours=hours,
                capacity=capacity,
                help="item-exceeds-term.help",
            )
        return diagnostic(
            "C311",
            "item-exceeds-term",
            program.code_span,
            code=members[0],
            hours=hours,
            capacity=capacity,
            help="item-exceeds-term.help",
        )
    return diagnostic(
        "C311", "final-exceeds-term", program.code_span, hours=e.built.problem.final_hours, capacity=capacity
    )
