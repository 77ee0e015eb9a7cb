"""Where a row's outcomes are taught when the plan does not teach them again.

Compaction teaches an outcome once (the plan's `items[].taught_elsewhere`): a discipline whose skill a
general-education subject already taught, a competency whose experience the module's practice gives.
A working program still lists what its row declares — that is what the row stands for — and says, for
each such outcome, where it is taught, so that its results agree with its hours.
"""

from __future__ import annotations

from collections.abc import Mapping

from constructor.compact.plan import Item
from constructor.model import AnyDeclaration, Competency, Discipline, Practice
from constructor.render.codes import shown_code


def places(item: Item | None, table: Mapping[str, AnyDeclaration], w: Mapping[str, str]) -> dict[str, str]:
    """Outcome code → where it is taught: «изучается в ООД.06», «приобретается на практике ПП.01»,
    «изучается при освоении ПК 1.3»."""
    out: dict[str, str] = {}
    for e in item.taught_elsewhere if item is not None else ():
        by = table.get(e.by)
        if isinstance(by, Practice):
            key = "elsewhere.practice"
        elif isinstance(by, Competency) and not isinstance(by, Discipline):
            key = "elsewhere.competency"
        else:
            key = "elsewhere.taught"
        out[e.outcome] = w[key].format(code=shown_code(e.by))
    return out
