"""From a program to its compacted `Plan`, as a pipeline of stages you can read in order:

closure (`closure.py`: what the program needs, one candidate per choice of its `or`s) → units and
problem (`units.py`: rows with hours, reductions and the rules between them) → solve (`solve.py`,
`exact.py`: the fewest terms, proven) → assemble (`assemble.py`: items, terms, attestations) →
savings (`savings.py`: where every saved hour came from) → explain (`explain.py`: the target, the
solver, complex exams) → network (`network.py`: sites, professions, graduates) → the whole
program's fields (`whole_fields.py`)."""

from __future__ import annotations

from collections.abc import Mapping

from constructor.compact.assemble import assemble
from constructor.compact.closure import close, hard_closure
from constructor.compact.explain import infeasible, plan_rules, solver_notes, split_complex_exams, target
from constructor.compact.network import network
from constructor.compact.plan import Plan
from constructor.compact.savings import savings_of
from constructor.compact.solve import Mode, Unplaceable, solve
from constructor.compact.units import build, context_of
from constructor.compact.variable import with_variable
from constructor.compact.whole_fields import with_whole_fields
from constructor.diagnostics import Diagnostic
from constructor.graph import CompetencyGraph, attainable, program_view_and_graph
from constructor.graph.whole import planning_calendar
from constructor.model import AnyDeclaration, Program


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
    # its bundles' МДК in their modules; one that joins none said (C325), as `check` says it
    table, graph, apart = program_view_and_graph(program, table, graph)
    planned = planning_calendar(program, table)
    if isinstance(planned, list):
        return None, [*apart, *planned]
    std, term_weeks, load = planned
    capacity = [w * load for w in term_weeks]
    context = context_of(program, table, graph)

    # closure: every choice of the `or`s that may give a different plan (or only what all of them need)
    roots = list(context.asked)
    chosen = close(graph, roots, program.recognized, attainable(graph))
    # units and problem: one per candidate closure
    candidates = [build(program, table, graph, std, c, capacity, context) for c in chosen.candidates]
    relaxed = None
    if not chosen.exhaustive:
        hard = hard_closure(graph, roots, program.recognized)
        relaxed = build(program, table, graph, std, hard, capacity, context).problem
    # solve: the fewest terms, proven where the solver can, over every candidate
    try:
        solved = solve(candidates, relaxed, mode, time_limit)
    except Unplaceable as e:
        return None, [infeasible(e, program, table)]
    # assemble and savings: the plan, and where every saved hour and term came from
    savings, full_terms = savings_of(program, graph, solved, load)
    plan = assemble(
        program,
        std,
        graph,
        solved,
        term_weeks,
        savings,
        heuristic_choices=chosen.heuristic,
        full_terms=full_terms,
        record_time=record_time,
    )
    # explain: the solver, complex exams held apart, the target
    built = solved.built
    diags = [
        *solver_notes(program, solved, time_limit),
        *split_complex_exams(program, built.problem, solved.schedule),
        *target(program, plan, built.problem, built.names, term_weeks),
    ]
    # network, the whole program's fields (each item's cycle) and the variable part
    plan = network(plan, program, table, built.content, program.recognized)
    plan = with_variable(with_whole_fields(plan, program, table, context.rows), table)
    # the standard's shares, measured on the plan
    return plan, [*apart, *diags, *plan_rules(program, std, plan, table)]
