"""What a program must place, and the scheduling problem it makes: each competency of the chosen
closure (recognised ones left out, each declared outcome taught once) and each practice block of the
core modules, with the requisites between them. One closure gives one problem; `compact` weighs the
problems of the closures its `or` choices allow."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from constructor.compact.closure import Closure
from constructor.compact.plan import Why
from constructor.compact.schedule import Problem
from constructor.graph import CompetencyGraph, gather
from constructor.graph.program import ProgramContent, requests
from constructor.graph.whole import final_hours, load_hours
from constructor.model import (
    AnyDeclaration,
    Hours,
    Module,
    Outcome,
    OutcomeKind,
    Practice,
    PracticeKind,
    Program,
    Standard,
)


@dataclass
class Unit:
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
    def load(self) -> int:
        """What it puts on its term: every kind of work (the one capacity rule, `load_hours`)."""
        return load_hours(Hours(theory=self.theory, practice=self.practice, self_study=self.self_study))


@dataclass
class Built:
    units: dict[str, Unit]
    names: list[str]
    problem: Problem
    shared_saving: int
    content: ProgramContent
    closure: Closure


def why_of(
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


def build(
    program: Program,
    table: Mapping[str, AnyDeclaration],
    graph: CompetencyGraph,
    std: Standard,
    chosen: Closure,
    capacity: list[int],
) -> Built:
    """The units and the problem of one closure."""
    load = std.weekly_load
    codes = chosen.codes
    why = why_of(program, table, graph, codes)

    # teach each outcome once: the first competency in teaching order teaches it, the later ones don't
    order_index = {c: i for i, c in enumerate(graph.teaching_order("any")) if c in set(codes)}
    in_order = sorted(codes, key=lambda c: (order_index.get(c, len(order_index)), codes.index(c)))
    taught_by: dict[str, str] = {}
    units: dict[str, Unit] = {}
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
        units[code] = Unit(
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
        units[block.code] = Unit(
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
        binding = covered  # what really holds it back, as the plan will say
        if block.kind is PracticeKind.PRE_DIPLOMA:
            fixed_last.add(i)
        elif block.kind is PracticeKind.EDUCATIONAL:
            first = min(covered, key=lambda c: in_order.index(c) if c in in_order else 0, default=None)
            binding = [first] if first is not None else []
            if first is not None:
                not_after.add((index[first], i))
        else:
            not_after.update((index[c], i) for c in covered)
        units[block.code].requires = list(dict.fromkeys(binding))
    for mod in content.modules:  # educational practice of a module no later than its production practice
        for edu in (p for p in mod.practices if p.kind is PracticeKind.EDUCATIONAL):
            for prod in (p for p in mod.practices if p.kind is PracticeKind.PRODUCTION):
                not_after.add((index[edu.code], index[prod.code]))
    not_after -= before
    problem = Problem(
        hours=[units[c].load for c in names],
        before=sorted(before),
        not_after=sorted(not_after),
        term_capacity=capacity,
        final_hours=final_hours(program, std),
        fixed_last=frozenset(fixed_last),
    )
    return Built(units, names, problem, shared_saving, content, chosen)


def hours_over_target(
    program: Program, table: Mapping[str, AnyDeclaration], graph: CompetencyGraph
) -> tuple[int, int, int] | None:
    """(hours, capacity, terms) when what the program must teach cannot fit the terms its target allows,
    counted as `compact` counts them (recognition and outcomes taught once applied, every kind of work,
    the final attestation): the one capacity rule `check` (C304) and `compact` (C310) share. None when
    it fits, or when there is no target or calendar to measure against."""
    from constructor.compact.closure import close
    from constructor.graph import attainable
    from constructor.graph.whole import calendar_of, target_terms

    std = table.get(program.standard.code) if program.standard else None
    std = std if isinstance(std, Standard) else None
    cal = calendar_of(program, std)
    allowed = target_terms(program, std)
    if std is None or cal is None or allowed is None:
        return None
    weeks, load = cal
    roots = list(requests(program, gather(program, table, graph)))
    recognized = {r.code for rec in program.recognitions for r in rec.covers}
    cheapest = close(graph, roots, recognized, attainable(graph))
    problem = build(program, table, graph, std, cheapest, [w * load for w in weeks]).problem
    hours = sum(problem.hours) + problem.final_hours
    capacity = sum(problem.capacity(t) for t in range(1, allowed + 1))
    return (hours, capacity, allowed) if hours > capacity else None
