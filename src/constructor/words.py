"""Numbers with their nouns and durations in words, as methodologists write them: «2 года 10 месяцев»,
«23 недели», «21 неделя». The plural rules are Babel's (CLDR units) and the catalog's (gettext plural
forms), not a table of our own."""

from __future__ import annotations

from functools import lru_cache

from constructor.i18n import Lang, plural
from constructor.model import Duration

_UNITS = {"year": "duration-year", "month": "duration-month", "week": "duration-week", "hour": "duration-hour"}


@lru_cache(maxsize=512)
def count(n: int, unit: str, lang: Lang) -> str:
    """`n` with its noun agreeing: count(23, "week", "ru") → «23 недели»."""
    from babel.units import format_unit

    return str(format_unit(n, _UNITS[unit], locale=lang, length="long"))


@lru_cache(maxsize=512)
def noun(n: int, name: str, lang: Lang) -> str:
    """`n` with a noun of the catalog agreeing (`noun.<name>`, a plural entry): noun(4, "term", "ru") →
    «4 семестра», noun(5, …) → «5 семестров». Units Babel knows (years, weeks, hours) are `count`'s."""
    return f"{n} {plural(f'noun.{name}', n, lang)}"


def parse_duration(text: str) -> Duration | None:
    """`2y10m` (as the plan JSON writes durations) → Duration."""
    import re

    m = re.fullmatch(r"(?:(\d+)y)?(?:(\d+)m)?", text)
    if m is None or not text:
        return None
    return Duration(years=int(m.group(1) or 0), months=int(m.group(2) or 0))


def duration(value: Duration | str, lang: Lang) -> str:
    """A duration in words: «2 года 10 месяцев», «10 месяцев», «3 years 10 months»."""
    d = parse_duration(value) if isinstance(value, str) else value
    if d is None:
        return str(value)
    parts = []
    if d.years:
        parts.append(count(d.years, "year", lang))
    if d.months:
        parts.append(count(d.months, "month", lang))
    return " ".join(parts)
