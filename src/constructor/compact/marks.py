"""Exams and credits of a program's rows as the scheduler counts them against the yearly limits.

The standard limits how many exams and credits a study year may hold (`max_exams_per_year`,
`max_credits_per_year`; real plans: 8 and 10, physical culture not counted). Where a row's form
falls depends on where the row is placed, so the limits are rules of the schedule: each form is a
`Mark` on the items it follows, with the same placement `whole_fields` gives the plan's forms:
a discipline's forms on its terms (`discipline_forms`), a course's form where its last competency
ends, a practice's and a module exam's on their own term, the module's form (without an exam row)
where its last item ends. A complex exam's rows share a group: their exams in one term count once;
so do a complex credit's (`complex_credit`) credits.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from constructor.compact.schedule import CREDIT, EXAM, BackgroundMark, Mark
from constructor.compact.whole_fields import discipline_forms
from constructor.graph.whole import CREDITS, EXAMS, complex_forms
from constructor.model import AnyDeclaration, AttestationForm, Discipline, Module, Practice, Program, Standard
from constructor.model.declarations import written_forms


def kind_of(form: AttestationForm | str | None) -> int | None:
    """EXAM, CREDIT, or None for a form the limits do not count (course project, course paper)."""
    if form is None:
        return None
    if form in EXAMS:
        return EXAM
    if form in CREDITS:
        return CREDIT
    return None


def limits_of(std: Standard) -> tuple[int | None, int | None]:
    return std.max_exams_per_year, std.max_credits_per_year


def marks(
    program: Program,
    table: Mapping[str, AnyDeclaration],
    modules: Sequence[Module],
    index: Mapping[str, int],
    spans: Mapping[str, int],
    module_of: Mapping[str, str | None],
    background: Sequence[str],
) -> tuple[list[Mark], list[BackgroundMark]]:
    """The marks of the items `index` names (`spans`: their terms, `module_of`: their modules) and of
    the `background` rows."""
    by_row: dict[str, list[Mark]] = {}  # row code → its marks (a complex exam regroups them)

    def add(row: str, form: AttestationForm | None, items: list[int], offset: int | None = None) -> None:
        kind = kind_of(form)
        if kind is not None and items:
            by_row.setdefault(row, []).append(Mark(kind, tuple(items), offset))

    out_background: list[BackgroundMark] = []
    for code in background:
        decl = table.get(code)
        if isinstance(decl, Discipline) and not decl.outside_limits:
            each = [a.form for a in decl.attestations if a.each]
            if each and kind_of(each[-1]) is not None:
                out_background.append(BackgroundMark(kind_of(each[-1]) or 0, last=False))
            if kind_of(decl.attestation) is not None:
                out_background.append(BackgroundMark(kind_of(decl.attestation) or 0, last=True))
    for code, i in index.items():
        decl = table.get(code)
        if isinstance(decl, Discipline) and not decl.outside_limits:
            for offset, written in discipline_forms(decl, list(range(spans.get(code, 1)))).items():
                for form in written.split(", "):  # «Э, КП»: the exam counts, the project does not
                    add(code, AttestationForm(form), [i], offset)
        elif isinstance(decl, Practice) and decl.module is None:
            add(code, decl.attestation, [i])
    for mod in modules:
        members = [i for code, i in index.items() if module_of.get(code) == mod.code]
        for course in mod.courses:
            for form in written_forms(course):  # «exam, course_project»: the exam counts
                add(course.code, form, [index[r.code] for r in course.covers if r.code in index])
        for practice in mod.practices:
            if practice.code in index:
                add(practice.code, practice.attestation, [index[practice.code]])
        module_form = mod.attestation or (AttestationForm.QUALIFICATION_EXAM if mod.exam is not None else None)
        if mod.exam is not None and mod.exam.code in index:
            add(mod.exam.code, module_form, [index[mod.exam.code]])
        else:
            add(mod.code, module_form, sorted(set(members)))
    for number, (form, group) in enumerate(complex_forms(program)):
        kind = EXAM if form == "exam" else CREDIT
        for ref in group:
            row = by_row.get(ref.code, [])
            last = max((m for m in row if m.kind == kind), key=lambda m: m.offset or 0, default=None)
            if last is not None:
                row[row.index(last)] = Mark(kind, last.items, last.offset, group=number)
    return [m for row in by_row.values() for m in row], out_background


__all__ = ["CREDIT", "EXAM", "kind_of", "limits_of", "marks"]
