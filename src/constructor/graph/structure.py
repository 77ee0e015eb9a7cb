"""Checks of how competencies sit in activities and modules, and what is declared but unused:
C210 activity-mismatch, C211 module-activity-mismatch, C212 incomplete-module,
C221 unused-competency, C222 repeated-outcome-text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache

from constructor.diagnostics import Diagnostic, Label, diagnostic
from constructor.graph.graph import CompetencyGraph
from constructor.graph.memo import ByObject
from constructor.i18n import Kw, Msg, OneOf
from constructor.model import AnyDeclaration, Bundle, Competency, Discipline, Profession, Program, Result, Standard

_NUMBERED = re.compile(r"^ПКс?-([0-9]{1,9})\.[0-9]+$")
_MODULE_NUMBER = re.compile(r"^ПМ\.0*([0-9]{1,9})$")
_ACTIVITY_NUMBER = re.compile(r"(?<![0-9])([0-9]{1,9})$")


def _number(pattern: re.Pattern[str], code: str) -> int | None:
    m = pattern.search(code)
    return int(m.group(1)) if m else None


def check_activities(graph: CompetencyGraph, only: set[str] | None = None) -> list[Diagnostic]:
    """C210–C212; `only`: for the competencies and modules declared in those files (what each
    diagnostic points at is in the declaration's own file)."""
    diags = []
    numbers: dict[str, int | None] = {}  # an activity's number, read once (many competencies share one)
    for comp in graph.competencies.values():
        if comp.activity is None or not comp.code.startswith("ПК"):
            continue
        if only is not None and comp.code_span.file not in only:
            continue
        n = _number(_NUMBERED, comp.code)
        if n is not None:
            activity = comp.activity.code
            if activity not in numbers:
                numbers[activity] = _number(_ACTIVITY_NUMBER, activity)
            k = numbers[activity]
            if k is not None and k != n:
                diags.append(
                    diagnostic(
                        "C210",
                        "activity-mismatch",
                        comp.activity.span,
                        code=comp.code,
                        activity=comp.activity.code,
                        number=n,
                    )
                )
    for mod in graph.modules.values():
        if only is not None and mod.code_span.file not in only:
            continue
        n = _number(_MODULE_NUMBER, mod.code)
        if mod.activity is not None:
            k = _number(_ACTIVITY_NUMBER, mod.activity.code)
            if n is not None and k is not None and k != n:
                diags.append(
                    diagnostic(
                        "C211",
                        "module-activity-number",
                        mod.activity.span,
                        code=mod.code,
                        activity=mod.activity.code,
                        number=n,
                    )
                )
            for ref in mod.taught:
                covered = graph.competencies.get(ref.code)
                if covered is not None and covered.activity is not None and covered.activity.code != mod.activity.code:
                    diags.append(
                        diagnostic(
                            "C211",
                            "module-covers-other-activity",
                            ref.span,
                            code=ref.code,
                            module=mod.code,
                            activity=covered.activity.code,
                            labels=[Label(mod.activity.span, Msg("module-activity.label"))],
                            expected=mod.activity.code,
                        )
                    )
        missing = []
        if not mod.courses:
            missing.append(Kw("COURSE"))
        if not mod.practices:
            missing.append(Kw("PRACTICE"))
        if mod.attestation is None and mod.exam is None:
            missing.append(Kw("ATTESTATION"))
        if missing and _number(_MODULE_NUMBER, mod.code) is not None:
            diags.append(
                diagnostic(
                    "C212",
                    "incomplete-module",
                    mod.code_span,
                    code=mod.code,
                    missing=OneOf(missing, "and"),
                    help="incomplete-module.help",
                )
            )
    return diags


def check_unused(graph: CompetencyGraph, table: Mapping[str, AnyDeclaration]) -> list[Diagnostic]:
    """A competency nothing uses. Only where modules exist: a bare catalog of a standard is not a plan."""
    if not graph.modules:
        return []
    used: set[str] = set(graph.module_of)
    for decl in table.values():
        if isinstance(decl, Standard | Program):
            used.update(r.code for r in decl.general)
        if isinstance(decl, Program):
            used.update(r.code for rec in decl.recognitions for r in rec.covers)
        elif isinstance(decl, Bundle):
            used.update(r.code for r in decl.requests)
        elif isinstance(decl, Profession):
            used.update(r.code for r in decl.attained_by)
    for link in graph.links:
        used.add(link.target)
    return [
        diagnostic("C221", "unused-competency", comp.code_span, code=comp.code, help="unused-competency.help")
        for comp in graph.competencies.values()
        if comp.code not in used and not isinstance(comp, Discipline)  # a catalog's disciplines are a menu
    ]


_NOT_WORDS = re.compile(r"[\W_]+")


@lru_cache(maxsize=1 << 18)  # kept between checks (the language server re-checks the same texts), bounded
def _normal(text: str) -> str:
    """Text compared as words: case, `ё`, punctuation and spacing do not matter."""
    return _NOT_WORDS.sub(" ", text.casefold().replace("ё", "е")).strip()


def _written_texts(comp: Competency) -> tuple[tuple[tuple[str, str], Result], ...]:
    """The results a competency writes as text, each with its field and its text compared as words."""
    out = []
    for field, results in (("KNOWS", comp.knows), ("CAN", comp.can), ("EXPERIENCE", comp.experience)):
        for res in results:
            if res.text is not None and (key := _normal(res.text)):
                out.append(((field, key), res))
    return tuple(out)


_texts = ByObject(_written_texts)  # once a competency object (graph/memo.py)


def check_repeated_texts(graph: CompetencyGraph, only: set[str] | None = None) -> list[Diagnostic]:
    """The same knowledge or skill written as text in several competencies: teach it once. Reported at
    its first place; `only`: just those whose first place is in these files."""
    places: dict[tuple[str, str], list[tuple[Competency, Result]]] = {}
    for comp in graph.competencies.values():
        for key, res in _texts(comp):
            places.setdefault(key, []).append((comp, res))
    diags = []
    for (field, _), found in places.items():
        if len(found) < 2 or (only is not None and found[0][1].span.file not in only):
            continue
        owners = {comp.code for comp, _ in found}
        if len(owners) < 2:
            continue
        first = found[0][1]
        others = [Label(res.span, Msg("repeated-text.label", {"code": comp.code})) for comp, res in found[1:6]]
        diags.append(
            diagnostic(
                "C222",
                "repeated-outcome-text",
                first.span,
                labels=others,
                text=first.text or "",
                field=Kw(field),
                count=len(owners),
                help="repeated-outcome-text.help",
            )
        )
    return diags
