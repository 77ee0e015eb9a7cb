"""The whole program's view of a compacted plan: each item's cycle, hours by term and attestation,
the cycles with their hours, and the rows the schedule does not place yet (said, never hidden)."""

from __future__ import annotations

from collections.abc import Mapping

from constructor.compact.plan import CycleHours, Item, Plan
from constructor.graph.whole import WholeProgram
from constructor.model import AnyDeclaration, AttestationForm, CycleRole, Discipline, Module, Practice, Program
from constructor.model.declarations import closing_forms, written_forms


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
            closing = written_forms(course)  # «Э, КП»: an exam and a course project in the last term
            if covered and closing:
                last = max(covered, key=lambda i: (i.term, i.code))
                out.setdefault(last.code, {})[last.term] = _joined(closing)
        for practice in mod.practices:
            if practice.code in items and practice.attestation is not None:
                out.setdefault(practice.code, {})[items[practice.code].term] = practice.attestation.value
        form = mod.attestation or (AttestationForm.QUALIFICATION_EXAM if mod.exam is not None else None)
        if mod.exam is not None and mod.exam.code in items and form is not None:
            out[mod.exam.code] = {items[mod.exam.code].term: form.value}  # the exam's own row
        elif members and form is not None:
            last = max(members, key=lambda i: (i.term, i.code))
            forms = out.setdefault(last.code, {})
            forms.setdefault(last.term, form.value)
    return out


def _joined(forms: list[AttestationForm]) -> str:
    """Forms of one term as an item writes them: «Э, КП» (read back by splitting on «, »)."""
    return ", ".join(f.value for f in forms)


def discipline_forms(discipline: Discipline, terms: list[int]) -> dict[int, str]:
    """A discipline's forms in the terms it was placed in: `term N { … }` blocks in their order onto
    those terms, else the `each` forms in every term and the others in the last."""
    blocks = sorted(discipline.terms, key=lambda b: b.term)
    out: dict[int, str] = {}
    if len(blocks) == len(terms) and any(b.attestations for b in blocks):
        for block, term in zip(blocks, terms, strict=True):
            if forms := closing_forms(block.attestations):  # «Э, КП»: every form the block writes
                out[term] = _joined(forms)
        return out
    each = [a.form for a in discipline.attestations if a.each]
    closing = closing_forms(discipline.attestations)
    for term in terms[:-1]:
        if each:
            out[term] = each[-1].value
    if terms and closing:
        out[terms[-1]] = _joined(closing)
    return out


def with_whole_fields(
    plan: Plan, program: Program, table: Mapping[str, AnyDeclaration], program_rows: WholeProgram
) -> Plan:
    professional = program_rows.role_cycle(CycleRole.PROFESSIONAL)
    module_cycle = {
        m.code: m.cycle.code for r in program.core if isinstance(m := table.get(r.code), Module) and m.cycle is not None
    }
    forms = _attestation(plan, program, table)
    items: list[Item] = []
    for item in plan.items:
        cycle = item.cycle or module_cycle.get(item.module or "", professional)
        decl = table.get(item.code)
        if isinstance(decl, Discipline):
            forms[item.code] = discipline_forms(decl, sorted(item.hours_by_term))
        elif isinstance(decl, Practice) and decl.module is None and decl.attestation is not None:
            forms[item.code] = {item.last_term: decl.attestation.value}
        items.append(item.model_copy(update={"cycle": cycle, "attestation": forms.get(item.code, {})}))
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
    recognized = program.recognized
    # every row is placed (a competency row that is not is an `or` alternative the plan did not choose)
    left = [
        r.code
        for r in program_rows.rows
        if r.kind not in ("course", "final", "competency") and r.code not in placed and r.code not in recognized
    ]
    if left:  # never hand out a plan that silently drops a row: this is a bug, and it says so
        raise RuntimeError("rows not placed: " + ", ".join(left[:8]))
    update = {"items": items, "cycles": cycles}
    return plan.model_copy(update=update)
