"""Where a row's outcomes are taught when the plan does not teach them again.

Compaction teaches an outcome once (the plan's `items[].taught_elsewhere`): a discipline whose skill a
general-education subject already taught, a competency whose experience the module's practice gives.
A working program still lists what its row declares — that is what the row stands for — and says, for
each such outcome, where it is taught, so that its results agree with its hours.
"""

from __future__ import annotations

from collections.abc import Mapping

from constructor.compact.plan import Item
from constructor.model import AnyDeclaration, Competency, Discipline, Outcome, Practice
from constructor.render.codes import shown_code


def places(
    item: Item | None, items: Mapping[str, Item], table: Mapping[str, AnyDeclaration], w: Mapping[str, str]
) -> dict[str, str]:
    """Outcome code → where it is taught: «изучается в рамках ООД.06», «приобретается на практике ПП.01»;
    a competency's outcome is taught in the МДК whose row holds the competency in the plan («в рамках
    МДК.01.02»: a methodologist names the course, not the competency), else with the competency («при
    освоении ПК 1.3»). An outcome the row still teaches in part — a cycle's minimum or a practice's hours
    let only some of its hours go — is «частично …»: ОГСЭ.03 gives 6 of its 100 h of language to ООД.03."""
    out: dict[str, str] = {}
    for e in item.taught_elsewhere if item is not None else ():
        by = table.get(e.by)
        where: str | None = e.by
        if isinstance(by, Practice):
            key = "elsewhere.practice"
        elif isinstance(by, Competency) and not isinstance(by, Discipline):
            teacher = items.get(e.by)
            where = teacher.course if teacher is not None else None
            key, where = ("elsewhere.taught", where) if where else ("elsewhere.competency", e.by)
        else:
            key = "elsewhere.taught"
        text = w[key].format(code=shown_code(where or e.by))
        outcome = table.get(e.outcome)
        if isinstance(outcome, Outcome) and e.hours < (outcome.hours or 0):
            text = w["elsewhere.partly"].format(place=text)
        out[e.outcome] = text
    return out
