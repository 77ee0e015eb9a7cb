"""What the compaction says about its result: why the target is not met (C310), why nothing can be
scheduled (C311, C312, C317, C318, C324), which complex exams the schedule holds apart (C319) and when
the solver fell back on the heuristic (C314). Each sentence names the rule that binds, with evidence."""

from __future__ import annotations

from collections.abc import Mapping

from constructor.compact.plan import Plan
from constructor.compact.schedule import CREDIT, EXAM, Problem, Schedule, chain_lengths
from constructor.compact.solve import Solved, Unplaceable
from constructor.compact.variable import plan_variable_share
from constructor.diagnostics import Diagnostic, diagnostic
from constructor.graph import calendar
from constructor.graph.program import practice_share_low
from constructor.graph.whole import TERMS_PER_YEAR, complex_forms, complex_span
from constructor.i18n import Count, Dur, Kw, Msg
from constructor.model import AnyDeclaration, Program, Site, Span, Standard

MAX_SHOWN = 8


def span_of(program: Program, field: str) -> Span:
    return program.fields.get(field, program.code_span)


def solver_notes(program: Program, solved: Solved, time_limit: float) -> list[Diagnostic]:
    """C314: the exact solver ran out of time or failed, so the plan is the heuristic's (or its best)."""
    return [
        diagnostic(
            "C314",
            "solver-fallback",
            span_of(program, "TARGET"),
            program=program.code,
            reason=Msg("solver.time-limit" if note == "time-limit" else "solver.failed", {"detail": note}),
            seconds=f"{time_limit:g}",
        )
        for note in solved.notes
    ]


def plan_rules(program: Program, std: Standard, plan: Plan, table: Mapping[str, AnyDeclaration]) -> list[Diagnostic]:
    """The standard's shares, measured on the plan compaction made (outcomes taught once may cut
    practical hours and the variable part): C305 by the rule `check` applies to the program as
    written, C306/C332 by the rule the explanatory note states."""
    where = program.fields.get("TARGET", program.code_span)
    low = practice_share_low(program, std, plan.practice_hours, plan.total_hours, where, "practice-share-low.plan")
    variable = plan_variable_share(std, plan, table, where)
    return [d for d in (low, variable) if d is not None]


def split_complex_exams(program: Program, problem: Problem, schedule: Schedule) -> list[Diagnostic]:
    """A complex exam is one exam only where its rows' exams fall in one term (placed as the limits count
    them, `compact/marks.py`); a group the schedule puts apart is said, and is held as separate exams."""
    out = []
    forms = complex_forms(program)
    for number, terms in sorted(problem.group_terms(schedule.term).items()):
        kind, group = forms[number]
        if len(terms) > 1:
            out.append(
                diagnostic(
                    "C319",
                    f"complex-{kind}-split",
                    complex_span(program, kind, group),
                    help=f"complex-{kind}-split.help",
                    codes=" + ".join(f"`{r.code}`" for r in group),
                    terms=", ".join(map(str, terms)),
                )
            )
    return out


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


def target(program: Program, plan: Plan, problem: Problem, names: list[str], term_weeks: list[int]) -> list[Diagnostic]:
    if program.target is None or plan.meets_target or plan.lower_bound is None:
        return []  # (an as-written plan claims no bound: it is not this function's)
    bound = plan.lower_bound
    allowed = calendar.terms_for(program.target, term_weeks, TERMS_PER_YEAR if program.term_weeks else None)
    span = span_of(program, "TARGET")
    terms = len(plan.terms)
    if bound > allowed:
        if plan.lower_bound_reason == "chain":
            chain = _longest_chain(problem, names)
            shown = " → ".join(chain) if len(chain) <= MAX_SHOWN else " → ".join([*chain[:4], "…", *chain[-3:]])
            reason = Msg(
                "target.chain",
                {"chain": shown, "need": Count(bound, "term"), "allowed": Count(allowed, "term")},
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
                    "need": Count(bound, "term"),
                    "allowed": Count(allowed, "term"),
                },
            )
        elif plan.lower_bound_reason == "site":
            reason = _site_bound(problem, bound, allowed)
        elif plan.lower_bound_reason == "solver":
            reason = Msg("target.solver", {"need": Count(bound, "term"), "allowed": Count(allowed, "term")})
        else:
            reason = Msg(
                "target.hours",
                {
                    "hours": plan.total_hours,
                    "need": Count(bound, "term"),
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
            bound=bound,
            allowed=Count(allowed, "term"),
        )
    ]


def _site_bound(problem: Problem, need: int, allowed: int) -> Msg:
    """The site whose hours need the most terms at its capacity (the bound `lower_bound` gave)."""
    site = max(problem.sites, key=lambda s: s.least_terms)
    return Msg(
        "target.site",
        {
            "site": site.name,
            "capacity": site.capacity,
            "hours": site.hours,
            "need": Count(need, "term"),
            "allowed": Count(allowed, "term"),
        },
    )


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
        span_of(program, "DISCIPLINES"),
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
            "attestation-limits-unkeepable.help",
            {"complex": Kw("COMPLEX_EXAM"), "complex_credit": Kw("COMPLEX_CREDIT"), "outside": Kw("OUTSIDE_LIMITS")},
        ),
        program=program.code,
        limits=_per_kind(exams, credits),
    )


def infeasible(e: Unplaceable, program: Program, table: Mapping[str, AnyDeclaration]) -> Diagnostic:
    if e.reason == "time-limit":  # nothing is claimed impossible: no schedule was found in time
        return diagnostic(
            "C324",
            "solver-no-schedule",
            span_of(program, "TARGET"),
            program=program.code,
            help="solver-no-schedule.help",
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
            span_of(program, "DISCIPLINES"),
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
        return diagnostic("C312", "compaction-cycle", span_of(program, "CORE"), program=program.code, codes=codes)
    if e.reason == "site" and e.site is not None:
        site = e.built.problem.sites[e.site]
        return diagnostic(
            "C315",
            "site-over-capacity",
            decl.code_span if isinstance(decl := table.get(site.name), Site) else program.code_span,
            site=site.name,
            capacity=site.capacity,
            codes=", ".join(f"`{c}`" for members in e.members for c in members[:MAX_SHOWN]),
            hours=sum(e.hours),
            help="site-over-capacity.help",
        )
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
