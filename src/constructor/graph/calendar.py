"""Terms ↔ years and months, from the standard's calendar (numbers are the standard's data).

An academic year starts on 1 September and has the standard's terms (`term_weeks`, e.g. 17 and 23
weeks); the winter holidays (2 weeks, the minimum the standards ask for) follow the first term. A
program ends when its last term ends: after the first term 17 weeks ≈ 4 months, after the second
17 + 2 + 23 = 42 weeks ≈ 10 months — so 6 terms are 2y10m and 7 terms 3y4m.
"""

from __future__ import annotations

from collections.abc import Sequence

from constructor.model import Duration

WEEKS_PER_MONTH = 52 / 12
WINTER_WEEKS = 2


def term_end_months(term_weeks: Sequence[int]) -> list[int]:
    """Months from 1 September to the end of each term of the year."""
    out = []
    weeks = 0
    for k, w in enumerate(term_weeks):
        weeks += w + (WINTER_WEEKS if k > 0 else 0)
        out.append(round(weeks / WEEKS_PER_MONTH))
    return out


def year_of(term: int, per_year: int) -> int:
    return (term - 1) // per_year + 1


def _year_weeks(year: int, term_weeks: Sequence[int], per_year: int) -> list[int]:
    """The weeks of a year's terms: the plan's own when it lists them, else its last year's again."""
    start = year * per_year
    return [term_weeks[(start + k) % len(term_weeks)] for k in range(per_year)]


def duration(terms: int, term_weeks: Sequence[int], per_year: int | None = None) -> Duration:
    """How long `terms` terms last. `term_weeks` is one year's pattern (the standard's), or every
    term of the plan in order (a program's own `term_weeks`, two terms a year)."""
    per_year = per_year or len(term_weeks)
    years, last = divmod(terms - 1, per_year)
    # a year's terms longer than 52 weeks (a calendar C337 warns of) end 12 months or more in: whole years
    # then, never «3 года 12 месяцев» (a tester's `term_weeks 52, 52`)
    more, months = divmod(term_end_months(_year_weeks(years, term_weeks, per_year))[last], 12)
    return Duration(years=years + more, months=months)


def terms_for(length: Duration, term_weeks: Sequence[int], per_year: int | None = None) -> int:
    """The most terms that fit in `length` (at least 1)."""
    terms = 1
    while duration(terms + 1, term_weeks, per_year).total_months <= length.total_months:
        terms += 1
    return terms
