"""How codes sort as people read them: `ОП.10` after `ОП.9`, `ПК-1.10` after `ПК-1.9`."""

from __future__ import annotations

import re


def code_key(code: str) -> list[tuple[int, int | str]]:
    """`ОП.10` after `ОП.9`: numbers compare as numbers."""
    return [(0, int(p)) if p.isdigit() else (1, p) for p in re.split(r"(\d+)", code) if p]
