"""The closing line of `check`: how many files and declarations, and how many problems."""

from __future__ import annotations

from constructor.api import CheckResult
from constructor.i18n import Lang

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
_NAMES = {
    "ru": {
        "files": "файлов",
        "standard": "стандартов",
        "activity": "видов деятельности",
        "outcome": "результатов",
        "competency": "компетенций",
        "module": "модулей",
        "course": "МДК",
        "practice": "практик",
        "program": "программ",
        "site": "площадок",
        "profession": "профессий",
        "bundle": "пакетов",
        "cycle": "циклов",
        "discipline": "дисциплин",
        "elective": "групп по выбору",
        "college": "колледжей",
        "room": "помещений",
    },
    "en": {
        "files": "files",
        "standard": "standards",
        "activity": "activities",
        "outcome": "outcomes",
        "competency": "competencies",
        "module": "modules",
        "course": "courses",
        "practice": "practices",
        "program": "programs",
        "site": "sites",
        "profession": "professions",
        "bundle": "bundles",
        "cycle": "cycles",
        "discipline": "disciplines",
        "elective": "elective groups",
        "college": "colleges",
        "room": "rooms",
    },
}


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
    if result.errors:
        verdict = (
            f"ошибок: {result.errors}, предупреждений: {result.warnings}"
            if lang == "ru"
            else f"errors: {result.errors}, warnings: {result.warnings}"
        )
    elif result.warnings:
        verdict = (
            f"ошибок нет, предупреждений: {result.warnings}"
            if lang == "ru"
            else f"no errors, warnings: {result.warnings}"
        )
    else:
        verdict = "ошибок нет" if lang == "ru" else "no errors"
    head = "Проверено" if lang == "ru" else "Checked"
    return f"{head} — {', '.join(parts)}. {verdict[0].upper()}{verdict[1:]}."
