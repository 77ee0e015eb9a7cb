"""Codes as people read and write them: how they sort (`ОП.10` after `ОП.9`), and a code written with
a space (`ПК 1.1`, as the documents print it) joined as declared (`ПК-1.1`)."""

from __future__ import annotations

import re
from collections.abc import Container


def code_key(code: str) -> list[tuple[int, int | str]]:
    """`ОП.10` after `ОП.9`: numbers compare as numbers."""
    return [(0, int(p)) if p.isdigit() else (1, p) for p in re.split(r"(\d+)", code) if p]


CODE_PREFIXES = ("ОК", "ПК", "ПКс", "ВД", "ПМ", "МДК", "УП", "ПП", "ОП", "СГ", "ЛР")  # written with a space by mistake
ROW_PREFIXES = frozenset({"ПМ", "МДК", "УП", "ПП", "ОП", "СГ"})  # a plan's rows: `ОП.04`, not `ОП-04`
_SPACED = re.compile(r"(\w+?)[ \u00a0]+(\d+(?:\.\d+)*)")


def joined_code(prefix: str, number: str) -> str:
    """`ОП 04` → `ОП.04` (a row of the plan), `ПК 1.1` → `ПК-1.1` (a competency): a newcomer got
    «неизвестный код `ОП-04`», a code nobody wrote, and a hint to write it so."""
    return f"{prefix}{'.' if prefix in ROW_PREFIXES else '-'}{number}"


def declared_code(code: str, known: Container[str]) -> str:
    """A code as the documents print it («ПК 2.1», «ОП 04»: a space, often a no-break one) is the
    declared code it shows, when that is `known`; any other text is left as it is."""
    m = _SPACED.fullmatch(code.strip())
    if m is None or code in known:
        return code
    joined = joined_code(m.group(1), m.group(2))
    return joined if joined in known else code
