"""The closing line of `check`: how many files and declarations, and how many problems."""

from __future__ import annotations

from constructor.i18n import Lang, Words
from constructor.resolve.check_cache import CheckReport

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


def summary_data(result: CheckReport) -> dict[str, object]:
    counts = result.counts
    return {
        "files": result.files,
        "declarations": {k: counts[k] for k in _ORDER if k in counts},
        "errors": result.errors,
        "warnings": result.warnings,
    }


def summary_line(result: CheckReport, lang: Lang) -> str:
    names = _NAMES[lang]
    counts = result.counts
    parts = [f"{names['files']}: {result.files}"]
    parts += [f"{names[k]}: {counts[k]}" for k in _ORDER if k in counts]
    key = "errors" if result.errors else "warnings" if result.warnings else "clean"
    verdict = names[key].format(errors=result.errors, warnings=result.warnings)
    head = names["head"]
    return f"{head} — {', '.join(parts)}. {verdict[0].upper()}{verdict[1:]}."
