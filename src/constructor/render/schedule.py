"""The calendar schedule (календарный учебный график): 52 weeks a study year under month and date
headers, one code a week, and the budget of time in weeks, from the plan and the program's calendar.

A study year starts on 1 September of the year admission starts (plus the year of study); its columns
are the calendar weeks, Monday to Sunday, of the first year (the first from 1 September). Its weeks, in
order: the first term's weeks (theory Т, educational practice У, production practice П, the final
attestation Г at the end of the last term), intermediate attestation ПА, winter holidays К, the second
term likewise, then summer holidays; what is left of the 52 weeks is `=` (no study: after the program
ends). The winter holidays hold the week of 1 January, as colleges' calendars have them: a first term
that reaches past it (with its ПА) goes on after the holidays, the order and the budget unchanged.
Without the program's own calendar, a year has no attestation weeks and the standard's holidays (two
in winter, the rest in summer).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from constructor.compact.plan import Item, Plan
from constructor.i18n import Lang, Words
from constructor.model import AnyDeclaration, Practice, PracticeKind, Program, Standard

WEEKS = 52
CODES = ("Т", "У", "П", "ПА", "ПДП", "Г", "К", "=")
MONTHS = Words("calendar.month.")  # the words are in the catalog: locale/*/LC_MESSAGES/constructor.po
LEGEND = Words("calendar.legend.")  # the words are in the catalog: locale/*/LC_MESSAGES/constructor.po


@dataclass
class YearRow:
    year: int
    codes: list[str]  # 52, one a week
    budget: dict[str, int] = field(default_factory=dict)  # code → weeks


@dataclass
class Schedule:
    months: list[tuple[str, int]]  # month name, weeks under it (the first year's dates)
    days: list[str]  # the week's first and last day: "1–7"
    years: list[YearRow]
    legend: list[tuple[str, str]]
    codes: tuple[str, ...] = CODES

    @property
    def totals(self) -> dict[str, int]:
        """The budget of time over all the years: weeks of each code (the budget table's «Всего» row)."""
        return {code: sum(y.budget.get(code, 0) for y in self.years) for code in self.codes}


def _weeks_of(hours: int, load: int) -> int:
    return -(-hours // load) if hours > 0 else 0


def _term_codes(plan: Plan, number: int, table: Mapping[str, AnyDeclaration]) -> tuple[list[str], list[str]]:
    """A term's weeks before its intermediate attestation (theory, educational and production practice)
    and after it (pre-diploma practice, then the ГИА: the last weeks of the program)."""
    term = plan.terms[number - 1]
    load = max(plan.weekly_load, 1)
    if not term.hours:  # a term the plan leaves empty (a plan as written may): no study, not theory
        return ["="] * term.weeks, []
    members = [i for i in plan.items if i.term == number]
    kinds = [(i, practice_kind(i, table)) for i in members if i.kind == "practice"]
    edu = _weeks_of(sum(i.hours for i, k in kinds if k is PracticeKind.EDUCATIONAL), load)
    pdp = _weeks_of(sum(i.hours for i, k in kinds if k is PracticeKind.PRE_DIPLOMA), load)
    prod = _weeks_of(sum(i.hours for i, k in kinds if k is PracticeKind.PRODUCTION), load)
    final = _weeks_of(term.final_attestation_hours, load)
    theory = max(term.weeks - edu - prod - pdp - final, 0)
    before, after = ["Т"] * theory + ["У"] * edu + ["П"] * prod, ["ПДП"] * pdp + ["Г"] * final
    weeks = (before + after)[: term.weeks]  # more than the term's weeks: cut from the end, as ever
    return weeks[: len(before)], weeks[len(before) :]


def practice_kind(item: Item, table: Mapping[str, AnyDeclaration]) -> PracticeKind | None:
    """The kind of a practice item (educational, production, pre-diploma); None for other items."""
    decl = table.get(item.code)
    return decl.kind if isinstance(decl, Practice) else None


def _calendar_of(plan: Plan, table: Mapping[str, AnyDeclaration]) -> tuple[list[int], int, int, int]:
    """Attestation weeks of each term (repeating the year's pair), winter and summer holidays, admission."""
    program = table.get(plan.program)
    std = table.get(plan.standard) if plan.standard else None
    attestation: list[int] = []
    winter, summer, admission = 2, 0, 2000
    if isinstance(std, Standard) and std.holiday_weeks is not None:
        summer = max(std.holiday_weeks - winter, 0)
    if isinstance(program, Program):
        attestation = list(program.attestation_weeks)
        winter = program.holidays.get("winter", winter)
        summer = program.holidays.get("summer", summer)
        admission = program.admission or admission
    return attestation, winter, summer, admission


def attestation_weeks_of(plan: Plan, table: Mapping[str, AnyDeclaration]) -> dict[int, int]:
    """Each term's weeks of intermediate attestation, as the calendar draws them (after its weeks of
    study; a term without hours has none)."""
    attestation = _calendar_of(plan, table)[0]
    out: dict[int, int] = {}
    years: dict[int, int] = {}  # terms of each year seen so far: a term's place in its year
    for term in plan.terms:
        k = years.get(term.year, 0)
        years[term.year] = k + 1
        index = term.number - 1 if len(attestation) > 2 else k  # per term, else the year's pattern
        out[term.number] = attestation[index % len(attestation)] if attestation and term.hours else 0
    return out


def _monday(admission: int) -> dt.date:
    start = dt.date(admission, 9, 1)
    return start - dt.timedelta(days=start.weekday())


def _week(admission: int, week: int) -> tuple[dt.date, dt.date]:
    """The days of a column: calendar weeks, Monday to Sunday, of the year admission starts; the first
    from 1 September (a week begun in August is the study year's from its 1 September)."""
    monday = _monday(admission) + dt.timedelta(days=7 * week)
    return max(monday, dt.date(admission, 9, 1)), monday + dt.timedelta(days=6)


def _new_year_week(admission: int) -> int:
    """The column of the week that holds 1 January."""
    return (dt.date(admission + 1, 1, 1) - _monday(admission)).days // 7


def _new_year_off(codes: list[str], start: int, length: int, new_year: int) -> list[str]:
    """The winter holidays moved back to the week of 1 January when the first term's weeks (its theory,
    practice or ПА) would run over it: those weeks follow the holidays instead — a January session. A
    first term that ends earlier keeps its holidays where they are."""
    if start <= new_year or length <= 0:
        return codes
    return codes[:new_year] + codes[start : start + length] + codes[new_year:start] + codes[start + length :]


def schedule(plan: Plan, table: Mapping[str, AnyDeclaration], lang: Lang) -> Schedule:
    _, winter, summer, admission = _calendar_of(plan, table)
    att_weeks = attestation_weeks_of(plan, table)
    years: list[YearRow] = []
    per_year: dict[int, list[int]] = {}
    for term in plan.terms:
        per_year.setdefault(term.year, []).append(term.number)
    for year, numbers in sorted(per_year.items()):
        codes: list[str] = []
        winter_at = -1  # where the winter holidays start in this year's weeks
        for k, number in enumerate(numbers):
            before, after = _term_codes(plan, number, table)
            codes += before
            # ПА weeks follow the term's weeks, as the budget of time counts them (C337: term weeks +
            # attestation weeks + holidays = 52): the 2024 plan of 09.02.07 in catalogs/ fits exactly
            # that way (17 + 25 + 1 + 1 + 8 = 52) while its hours are the term weeks × 36
            codes += ["ПА"] * att_weeks[number]
            codes += after
            if number != plan.terms[-1].number:
                if k == 0:
                    winter_at = len(codes)
                codes += ["К"] * (winter if k == 0 else summer)
        codes = _new_year_off(codes, winter_at, winter, _new_year_week(admission))
        codes = (codes + ["="] * WEEKS)[:WEEKS]
        budget = {code: codes.count(code) for code in CODES if codes.count(code)}
        years.append(YearRow(year, codes, budget))
    days: list[str] = []
    month_weeks: list[int] = [0] * 12
    for week in range(WEEKS):
        first, end = _week(admission, week)
        days.append(f"{first.day}–{end.day}")
        # a week under the month that holds most of its days (its Thursday), the first under September
        month_weeks[((first + dt.timedelta(days=3)).month - 9) % 12 if week else 0] += 1
    months = [(MONTHS[lang][str(m)], n) for m, n in enumerate(month_weeks) if n]
    legend = [(code, LEGEND[lang][code]) for code in CODES]
    return Schedule(months, days, years, legend)
