"""How a competency's code is shown in a document.

The language writes codes as one word (`ПК-1.1`, `ОК-01`, `ВД-1`: an identifier cannot hold a
space), while the standards and the colleges' documents write «ПК 1.1», «ОК 01», «ВД 1». Documents
show the standards' form (the compaction report too); the plan JSON, diagnostics and the command
line keep the code as written, since they point at the files."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from constructor.i18n import Lang, Words
from constructor.model import AnyDeclaration, Competency, Practice

# a letter prefix (ОК, ПК, ПКс, ВД, ЛР…), one hyphen, then a number: the hyphen stands for the space
# of the standard's text; a code whose hyphen is followed by letters (`ПК-ЗАВОД-1`) is the user's own
_PREFIXED = re.compile(r"^([А-ЯЁA-Z][А-ЯЁа-яёA-Za-z]{0,5})-(?=\d)")


def shown_code(code: str) -> str:
    """`ПК-1.1` → «ПК 1.1» with a no-break space (a code never breaks across lines); any other code as
    it is."""
    return _PREFIXED.sub("\\1\u00a0", code, count=1)


def credited_codes(codes: Iterable[str], table: Mapping[str, AnyDeclaration], load: int, lang: Lang) -> str:
    """Credited codes with the hours each stood for: «ПКс 5.1 (68 ч), УП.05 (288 ч)» (a review: the
    356 h of credit beside a 288-h practice, and nothing said where the other 68 came from)."""
    words = Words("doc.")[lang]
    shown = []
    for code in codes:
        decl = table.get(code)
        hours = decl.hours.total if isinstance(decl, Competency) else 0
        if isinstance(decl, Practice):
            hours = decl.hours_at(load)
        shown.append(words["code-hours"].format(code=shown_code(code), hours=hours) if hours else shown_code(code))
    return ", ".join(shown)
