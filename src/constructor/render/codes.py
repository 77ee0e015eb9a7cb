"""How a competency's code is shown in a document.

The language writes codes as one word (`ПК-1.1`, `ОК-01`, `ВД-1`: an identifier cannot hold a
space), while the standards and the colleges' documents write «ПК 1.1», «ОК 01», «ВД 1». Documents
show the standards' form; the plan JSON, diagnostics and reports keep the code as written, since
they point at the files."""

from __future__ import annotations

import re

# a letter prefix (ОК, ПК, ПКс, ВД, ЛР…), one hyphen, then a number: the hyphen stands for the space
# of the standard's text; a code whose hyphen is followed by letters (`ПК-ЗАВОД-1`) is the user's own
_PREFIXED = re.compile(r"^([А-ЯЁA-Z][А-ЯЁа-яёA-Za-z]{0,5})-(?=\d)")


def shown_code(code: str) -> str:
    """`ПК-1.1` → «ПК 1.1» with a no-break space (a code never breaks across lines); any other code as
    it is."""
    return _PREFIXED.sub("\\1\u00a0", code, count=1)
