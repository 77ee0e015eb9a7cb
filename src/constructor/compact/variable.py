"""The variable part of the plan: how many hours of each item come from the variable part of the
program, counted once here so that the plan JSON, the plan table's «Вар. часть» column, the
explanatory note and `compact`'s check of the standard's rule (C306, C332) read the same numbers.

A row's variable hours are what its declaration says (`variable 72 h`, `variable all`), else its
module's; an employer's competency (ПКс) is variable all of it. A row compaction shortens keeps the
share of its hours the declaration gave the variable part (`kept_share`). A МДК's (or its module's) declared
hours are of the course's row, which compaction builds from the items of the competencies it forms
and its own hours: they are laid over those items in order, so that the items add up to the row."""

from __future__ import annotations

from collections.abc import Mapping

from constructor.compact.plan import Item, Plan, course_parts
from constructor.diagnostics import Diagnostic
from constructor.graph.variable import counted, split_cycles, variable_share_off
from constructor.graph.whole import variable_hours
from constructor.model import AnyDeclaration, Cycle, Discipline, Module, Practice, Span, Standard


def kept_share(variable: int, hours: int, declared: int) -> int:
    """A shortened row's variable hours: the share of its declared hours the program gave the variable
    part, kept (rounded half up). Outcomes taught once leave a row whichever part taught them, so the
    row keeps its split — ЕН.01 «Математика», 108 h with 36 variable, shortened to 28 h keeps 9
    variable and 19 obligatory, not 28 variable and none of the standard's part (the review)."""
    if hours >= declared or declared <= 0:
        return min(variable, hours)
    return (variable * hours + declared // 2) // declared


def _own(item: Item, table: Mapping[str, AnyDeclaration]) -> int:
    total = item.hours_by_kind.total
    if item.kind == "variable":
        return total
    decl = table.get(item.code)
    if not isinstance(decl, Discipline | Practice):
        return 0
    declared = total + item.saved  # what the row had before outcomes taught elsewhere left it
    return kept_share(variable_hours(decl, declared), total, declared)


def _modules(items: list[Item], table: Mapping[str, AnyDeclaration]) -> list[tuple[Module, list[Item]]]:
    """Each module with its items, in the plan's order."""
    members: dict[str, list[Item]] = {}
    for item in items:
        if item.module is not None:
            members.setdefault(item.module, []).append(item)
    return [(m, its) for code, its in members.items() if isinstance(m := table.get(code), Module)]


def variable_parts(items: list[Item], table: Mapping[str, AnyDeclaration]) -> dict[str, int]:
    """Each item's hours in the variable part."""
    out = {item.code: _own(item, table) for item in items}
    for module, members in _modules(items, table):
        present = {i.code: i for i in members}
        groups, rest = course_parts(module, present)
        for course, codes in groups:
            parts = [present[c] for c in codes]
            total = sum(p.hours_by_kind.total for p in parts)
            before = total + sum(p.saved for p in parts)
            declared = variable_hours(course, before) or variable_hours(module, before)
            declared = kept_share(declared, total, before)
            if declared:  # of the course's row: laid over its items in order
                for p in parts:
                    out[p.code] = min(declared, p.hours_by_kind.total)
                    declared -= out[p.code]
        for code in rest:  # a practice or the exam of a module in the variable part
            out[code] = out[code] or variable_hours(module, present[code].hours_by_kind.total)
    return out


def courses_of(items: list[Item], table: Mapping[str, AnyDeclaration]) -> dict[str, str]:
    """The МДК whose row each of a module's items is taught in (the plan table's rule, course_parts)."""
    out: dict[str, str] = {}
    for module, members in _modules(items, table):
        for course, codes in course_parts(module, [i.code for i in members])[0]:
            out.update(dict.fromkeys(codes, course.code))
    return out


def with_variable(plan: Plan, table: Mapping[str, AnyDeclaration]) -> Plan:
    """The plan with each item's variable hours and, for a module's items, the МДК they are taught in."""
    parts, courses = variable_parts(plan.items, table), courses_of(plan.items, table)
    items = [i.model_copy(update={"variable": parts[i.code], "course": courses.get(i.code)}) for i in plan.items]
    return plan.model_copy(update={"items": items})


def share_items(plan: Plan, std: Standard, table: Mapping[str, AnyDeclaration]) -> list[Item]:
    """The items whose hours the variable share is measured on (graph/variable.py: the cycles with an
    obligatory and a variable part)."""
    split = split_cycles(c for r in std.cycles if isinstance(c := table.get(r.code), Cycle))
    return [i for i in plan.items if counted(i.cycle, False, split)]


def variable_share(plan: Plan, std: Standard, table: Mapping[str, AnyDeclaration]) -> tuple[int, int]:
    """The variable hours of the plan and the hours they are a share of (graph/variable.py)."""
    items = share_items(plan, std, table)
    return sum(i.variable for i in items), sum(i.hours_by_kind.total for i in items)


def plan_variable_share(
    std: Standard, plan: Plan, table: Mapping[str, AnyDeclaration], where: Span
) -> Diagnostic | None:
    """C306/C332 on the plan compaction made: outcomes taught once may cut the variable part most."""
    variable, total = variable_share(plan, std, table)
    return variable_share_off(std, variable, total, where, plan=True)
