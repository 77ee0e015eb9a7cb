"""Consequences of one mistake, kept under it: a `use` that failed makes every code of the missing file
"unknown" in the files that see it; those are one problem, reported once, with the codes it hides."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from constructor.diagnostics import Diagnostic
from constructor.i18n import Count, Msg
from constructor.model import Catalog
from constructor.resolve.loader import Loaded

# A file that is not read, or read only in part: its `use` failed, or its text cannot be read.
LOAD_FAILURES = frozenset({"C002", "C003", "C004", "C005", "C104", "C105"})
SHOWN_CODES = 5


def catalog_of(loaded: Loaded) -> Catalog:
    """The catalog of what was loaded, knowing which files could not be read whole."""
    broken = {d.span.file for d in loaded.diagnostics if d.code in LOAD_FAILURES and d.span is not None}
    return Catalog(
        files=tuple(loaded.files),
        imports={k: tuple(v) for k, v in loaded.imports.items()},
        unreadable=tuple(sorted(broken)),
    )


def group_follow_ons(diags: Sequence[Diagnostic], catalog: Catalog) -> list[Diagnostic]:
    """Unknown codes (C101) in a file that sees a failed `use` or an unreadable file leave the list and
    become one note on that failure: «из-за этого неизвестны 35 кодов: `ПМ.01`, …»."""
    causes = [d for d in diags if d.code in LOAD_FAILURES and d.span is not None]
    if not causes:
        return list(diags)
    hidden: dict[int, list[str]] = {}
    kept: list[Diagnostic] = []
    for d in diags:
        cause = _cause(d, causes, catalog)
        if cause is None:
            kept.append(d)
            continue
        codes = hidden.setdefault(id(cause), [])
        code = str(d.message.args.get("code", ""))
        if code not in codes:
            codes.append(code)
    out: list[Diagnostic] = []
    for d in kept:
        hides = hidden.get(id(d), [])
        if hides:
            shown = [f"`{c}`" for c in hides[:SHOWN_CODES]] + (["…"] if len(hides) > SHOWN_CODES else [])
            note = Msg("follow-on-unknown", {"count": Count(len(hides), "code"), "codes": ", ".join(shown)})
            d = dataclasses.replace(d, notes=(*d.notes, note))
        out.append(d)
    return out


def _cause(d: Diagnostic, causes: list[Diagnostic], catalog: Catalog) -> Diagnostic | None:
    if d.code != "C101" or d.span is None:
        return None
    seen = catalog.visible(d.span.file)
    return next((c for c in causes if c.span is not None and c.span.file in seen), None)
