"""The closing line of `check`: how many files and declarations, and how many problems."""

from __future__ import annotations

from constructor.api import CheckResult
from constructor.i18n import Lang, Words

_ORDER = (
    "standard",
    "cycle",
    "activity",
    "outcome",
    "competency",
    "discipline",
    "elective",
    "module",
    "course",
    "practice",
    "program",
    "site",
    "profession",
    "bundle",
    "college",
    "room",
)
_NAMES = Words("summary.")  # the words are in the catalog: locale/*/LC_MESSAGES/constructor.po


def summary_data(result: CheckResult) -> dict[str, object]:
    counts = result.catalog.counts()
    return {
        "files": len(result.catalog.files),
        "declarations": {k: counts[k] for k in _ORDER if k in counts},
        "errors": result.errors,
        "warnings": result.warnings,
    }


def summary_line(result: CheckResult, lang: Lang) -> str:
    names = _NAMES[lang]
    counts = result.catalog.counts()
    parts = [f"{names['files']}: {len(result.catalog.files)}"]
    parts += [f"{names[k]}: {counts[k]}" for k in _ORDER if k in counts]
    key = "errors" if result.errors else "warnings" if result.warnings else "clean"
    verdict = names[key].format(errors=result.errors, warnings=result.warnings)
    head = names["head"]
    return f"{head} — {', '.join(parts)}. {verdict[0].upper()}{verdict[1:]}."
