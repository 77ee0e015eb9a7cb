"""The whole program's view of a compacted plan: each item's cycle, hours by term and attestation,
the cycles with their hours, and the rows the schedule does not place yet (said, never hidden)."""

from __future__ import annotations

from collections.abc import Mapping

from constructor.compact.plan import CycleHours, Item, Plan
from constructor.diagnostics import Diagnostic, diagnostic
from constructor.graph import CompetencyGraph
from constructor.graph.whole import whole
from constructor.model import AnyDeclaration, AttestationForm, CycleRole, Module, Program


def _attestation(plan: Plan, program: Program, table: Mapping[str, AnyDeclaration]) -> dict[str, dict[int, str]]:
    """Forms by item: a course's form falls in the term of its last competency; the module's exam
    after its last item."""
    out: dict[str, dict[int, str]] = {}
    items = {i.code: i for i in plan.items}
    for ref in program.core:
        mod = table.get(ref.code)
        if not isinstance(mod, Module):
            continue
        members = [i for i in plan.items if i.module == mod.code]
        for course in mod.courses:
            covered = [items[r.code] for r in course.covers if r.code in items]
            if covered and course.attestation is not None:
                last = max(covered, key=lambda i: (i.term, i.code))
                out.setdefault(last.code, {})[last.term] = course.attestation.value
        for practice in mod.practices:
            if practice.code in items and practice.attestation is not None:
                out.setdefault(practice.code, {})[items[practice.code].term] = practice.attestation.value
        form = mod.attestation or (AttestationForm.QUALIFICATION_EXAM if mod.exam is not None else None)
        if members and form is not None:
            last = max(members, key=lambda i: (i.term, i.code))
            forms = out.setdefault(last.code, {})
            forms.setdefault(last.term, form.value)
    return out


def with_whole_fields(
    plan: Plan, program: Program, table: Mapping[str, AnyDeclaration], graph: CompetencyGraph
) -> tuple[Plan, list[Diagnostic]]:
    program_rows = whole(program, table, graph)
    professional = program_rows.role_cycle(CycleRole.PROFESSIONAL)
    module_cycle = {
        m.code: m.cycle.code for r in program.core if isinstance(m := table.get(r.code), Module) and m.cycle is not None
    }
    forms = _attestation(plan, program, table)
    items: list[Item] = []
    for item in plan.items:
        cycle = module_cycle.get(item.module or "", professional)
        items.append(
            item.model_copy(
                update={
                    "cycle": cycle,
                    "hours_by_term": {item.term: item.hours_by_kind.total},
                    "attestation": forms.get(item.code, {}),
                }
            )
        )
    scheduled: dict[str | None, int] = {}
    for item in items:
        scheduled[item.cycle] = scheduled.get(item.cycle, 0) + item.hours_by_kind.total
    final = program_rows.role_cycle(CycleRole.FINAL)
    if final is not None:
        scheduled[final] = scheduled.get(final, 0) + plan.final_attestation.hours
    declared = program_rows.hours_by_cycle()
    cycles = [
        CycleHours(
            id=code,
            title=c.title.value if c.title else code,
            hours=declared.get(code, 0),
            scheduled_hours=scheduled.get(code, 0),
        )
        for code, c in program_rows.cycles.items()
    ]
    placed = {i.code for i in items}
    left = [
        r
        for r in program_rows.rows
        if r.kind in ("discipline", "exam") or (r.kind == "practice" and r.code not in placed)
    ]
    diags: list[Diagnostic] = []
    if left:
        diags.append(
            diagnostic(
                "C316",
                "rows-not-scheduled",
                program.fields.get("DISCIPLINES", program.code_span),
                program=program.code,
                count=len(left),
                hours=sum(r.hours.total for r in left),
                codes=", ".join(r.code for r in left[:8]) + (" …" if len(left) > 8 else ""),
                help="rows-not-scheduled.help",
            )
        )
    update = {"items": items, "cycles": cycles, "unscheduled": [r.code for r in left]}
    if left:
        update["notes"] = [*plan.notes, "rows-not-scheduled"]
    return plan.model_copy(update=update), diags
