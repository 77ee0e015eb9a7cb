"""Where a row's outcomes are taught when the plan does not teach them again.

Compaction teaches an outcome once (the plan's `items[].taught_elsewhere`): a discipline whose skill a
general-education subject already taught, a competency whose experience the module's practice gives.
A working program still lists what its row declares — that is what the row stands for — and says, for
each such outcome, where it is taught, so that its results agree with its hours.
"""

from __future__ import annotations

from collections.abc import Mapping

from constructor.compact.plan import Item, course_parts
from constructor.model import AnyDeclaration, Competency, Discipline, Module, Practice
from constructor.render.codes import shown_code


def places(
    item: Item | None, items: Mapping[str, Item], table: Mapping[str, AnyDeclaration], w: Mapping[str, str]
) -> dict[str, str]:
    """Outcome code → where it is taught: «изучается в рамках ООД.06», «приобретается на практике ПП.01»;
    a competency's outcome is taught in the МДК whose row holds the competency in the plan («в рамках
    МДК.01.02»: a methodologist names the course, not the competency), else with the competency («при
    освоении ПК 1.3»)."""
    out: dict[str, str] = {}
    for e in item.taught_elsewhere if item is not None else ():
        by = table.get(e.by)
        where = e.by
        if isinstance(by, Practice):
            key = "elsewhere.practice"
        elif isinstance(by, Competency) and not isinstance(by, Discipline):
            course = _course_of(items.get(e.by), table)
            key, where = ("elsewhere.taught", course) if course else ("elsewhere.competency", e.by)
        else:
            key = "elsewhere.taught"
        out[e.outcome] = w[key].format(code=shown_code(where))
    return out


def _course_of(item: Item | None, table: Mapping[str, AnyDeclaration]) -> str | None:
    """The МДК a competency's row sits under in the plan (`course_parts`, the plan table's one rule)."""
    module = table.get(item.module) if item is not None and item.module else None
    if item is None or not isinstance(module, Module):
        return None
    groups, _ = course_parts(module, [item.code])
    return groups[0][0].code if groups else None
