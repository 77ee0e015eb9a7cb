"""The plan from a solved schedule: every item with its hours by kind and by term, every term with its
load (which must equal the schedule's to the hour: the documents print both), the attestations a
year, the duration against the baseline and the target, and why each item sits in its term."""

from __future__ import annotations

from constructor.compact.plan import (
    Credit,
    Elsewhere,
    FinalAttestation,
    FinalPart,
    HoursByKind,
    Item,
    Plan,
    Savings,
    Term,
    YearAttestation,
)
from constructor.compact.rows import KINDS
from constructor.compact.schedule import CREDIT, EXAM, Problem, Schedule, attestations_by_year
from constructor.compact.solve import Solved
from constructor.graph import CompetencyGraph, calendar
from constructor.graph.whole import final_hours, per_year
from constructor.model import Hours, Program, Standard


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


def by_kind(hours: Hours) -> HoursByKind:
    """The plan's hours by kind (with their total) of the model's hours."""
    return HoursByKind(**{k: getattr(hours, k) for k in KINDS}, total=hours.total)


def assemble(
    program: Program,
    std: Standard,
    graph: CompetencyGraph,
    solved: Solved,
    term_weeks: list[int],
    savings: Savings,
    *,
    heuristic_choices: bool,
    full_terms: int,
    record_time: bool,
) -> Plan:
    """`full_terms`: the terms the unreduced content takes (what packing alone saves, `savings.py`)."""
    built, schedule = solved.built, solved.schedule
    units, names, problem = built.units, built.names, built.problem
    recognized = program.recognized
    final = final_split(program, std)
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
                hours_by_kind=by_kind(unit.hours),
                saved=unit.saved,
                taught_elsewhere=[Elsewhere(outcome=o, by=b, hours=h) for o, b, h in unit.elsewhere],
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
                hours_by_kind=by_kind(kinds),
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
    kept = {c for c in recognized if c in graph or c in built.content.practice_codes}
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
        recognized=sorted(kept),
        credits=[
            Credit(reason=r.reason.value, codes=codes)
            for r in program.recognitions
            if (codes := sorted({c.code for c in r.covers} & kept))
        ],
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


def final_split(program: Program, std: Standard) -> tuple[int, int, int]:
    """The final attestation's hours: in all, of the demonstration exam, of the thesis."""
    load = std.weekly_load

    def of(prefix: str) -> int:
        return sum(p.amount.hours(load) for p in program.final_parts if p.kind.value.startswith(prefix))

    return final_hours(program, std), of("demo_exam"), of("thesis")


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
