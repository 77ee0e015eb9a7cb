"""Numbers agree with their nouns and durations are in words, by Babel's (CLDR) plural rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from constructor.api import Workspace, workspace
from constructor.compact import compact
from constructor.render.documents import render_all
from constructor.words import count, duration, noun


@pytest.mark.parametrize(
    ("n", "week", "term"),
    [
        (1, "1 неделя", "1 семестр"),
        (2, "2 недели", "2 семестра"),
        (5, "5 недель", "5 семестров"),
        (11, "11 недель", "11 семестров"),
        (21, "21 неделя", "21 семестр"),
        (23, "23 недели", "23 семестра"),
    ],
)
def test_russian_numerals_agree(n: int, week: str, term: str) -> None:
    assert count(n, "week", "ru") == week
    assert noun(n, "term", "ru") == term


def test_durations_in_words() -> None:
    assert duration("2y10m", "ru") == "2 года 10 месяцев"
    assert duration("1y4m", "ru") == "1 год 4 месяца"
    assert duration("5y", "ru") == "5 лет"
    assert duration("10m", "ru") == "10 месяцев"
    assert duration("2y10m", "en") == "2 years 10 months"


def test_the_russian_title_page_says_it_in_russian() -> None:
    example = Path(__file__).parents[1] / "catalogs" / "examples" / "welding" / "program.comp"
    ws = workspace(example)
    plan, _ = compact(ws.programs()[0], ws.table, ws.graph)
    assert plan is not None
    page = render_all(plan, ws.table, "ru", ("md",))["plan.md"].decode().split("| Индекс")[0]
    assert "2 года 10 месяцев" in page and "3 года 10 месяцев" in page and "УТВЕРЖД" not in page  # md: no stamps
    assert "2y10m" not in page and "professionalitet" not in page
    assert "по специальности 22.02.06 «Сварочное производство»" in page


def test_the_calendar_has_52_weeks_a_year_under_months_and_a_budget_that_adds_up() -> None:
    from constructor.render.schedule import WEEKS, schedule

    example = Path(__file__).parents[1] / "catalogs" / "examples" / "welding" / "program.comp"
    ws = workspace(example)
    plan, _ = compact(ws.programs()[0], ws.table, ws.graph)
    assert plan is not None
    cal = schedule(plan, ws.table, "ru")
    assert sum(n for _, n in cal.months) == WEEKS == len(cal.days) and cal.months[0][0] == "сен"
    # the study year starts on 1 September (a Tuesday in 2026); the columns are calendar weeks
    assert cal.days[:2] == ["1–6", "7–13"]
    assert [row.year for row in cal.years] == sorted({t.year for t in plan.terms})
    for row in cal.years:
        assert len(row.codes) == WEEKS and sum(row.budget.values()) == WEEKS
        study = sum(row.budget.get(c, 0) for c in ("Т", "У", "П", "ПДП", "Г"))
        assert study == sum(t.weeks for t in plan.terms if t.year == row.year)
    first = cal.years[0].budget
    assert first["ПА"] == 2 and first["К"] == 8  # the program's own: attestation 1 + 1, holidays 2 + 6
    # the budget's «Всего» row: each code over the years, 52 weeks a year in all
    assert sum(cal.totals.values()) == WEEKS * len(cal.years)
    assert all(cal.totals[c] == sum(row.budget.get(c, 0) for row in cal.years) for c in cal.codes)
    new_year = 17  # the 18th column: Monday 28 December – Sunday 3 January
    assert cal.days[new_year] == "28–3"
    for row in cal.years:  # the winter holidays hold 1 January; the first term's ПА follows them
        assert row.codes[new_year : new_year + 3] == ["К", "К", "ПА"], row.year


def test_a_first_term_that_ends_before_new_year_keeps_its_holidays_where_they_are() -> None:
    from constructor.render.schedule import _new_year_off

    short = ["Т"] * 15 + ["ПА"] + ["К"] * 2 + ["Т"] * 5
    assert _new_year_off(short, 16, 2, 17) == short
    long = ["Т"] * 19 + ["ПА"] + ["К"] * 2 + ["Т"] * 3
    moved = _new_year_off(long, 20, 2, 17)
    assert moved == ["Т"] * 17 + ["К"] * 2 + ["Т"] * 2 + ["ПА"] + ["Т"] * 3
    assert sorted(moved) == sorted(long)  # the budget is the same weeks


def _small(tmp_path: Path, text: str) -> Workspace:
    """A one-file project of a standard (36 h, terms of 17 and 23 weeks) and `text`."""
    (tmp_path / "p.comp").write_text(
        'standard С "с" { weekly_load 36 h  term_weeks 17, 23 }\n' + text, encoding="utf-8"
    )
    return workspace(tmp_path / "p.comp", tmp_path)


def test_a_term_a_plan_leaves_empty_is_no_study_in_the_calendar(tmp_path: Path) -> None:
    """A plan as written may leave a term empty: its weeks are «=», not theory, and it has no ПА."""
    from constructor.compact import as_written
    from constructor.render.schedule import schedule

    ws = _small(
        tmp_path,
        'discipline ОП.01 "д" { hours theory 30  term 1 { hours theory 30  attestation exam } }\n'
        'discipline ОП.02 "д" { hours theory 30  term 3 { hours theory 30  attestation exam } }\n'
        'program П "п" { standard С  term_weeks 17, 23, 17  attestation_weeks 1  disciplines ОП.01, ОП.02 }\n',
    )
    plan, diags = as_written(ws.programs()[0], ws.table, ws.graph)
    assert plan is not None and [t.hours for t in plan.terms] == [30, 0, 30], diags
    first = schedule(plan, ws.table, "ru").years[0]
    # term 1: theory, then its attestation week (no admission year: 2000, whose 18th column is 25–31
    # December), then the winter holidays from 1 January
    assert first.codes[:20] == ["Т"] * 17 + ["ПА"] + ["К"] * 2
    assert first.budget["ПА"] == 1 and first.codes.count("Т") == 17  # term 2: none of either


def test_a_plan_without_a_college_has_a_line_to_fill_in_on_its_title_page(tmp_path: Path) -> None:
    from constructor.render.title import title_page

    ws = _small(
        tmp_path,
        'discipline ОП.01 "д" { hours theory 30  term 1 { hours theory 30 } }\n'
        'program П "п" { standard С  disciplines ОП.01 }\n',
    )
    plan, _ = compact(ws.programs()[0], ws.table, ws.graph)
    assert plan is not None
    page = title_page(plan, ws.table, "ru")
    assert (
        page.college is not None and page.college.startswith("____") and "образовательной организации" in page.college
    )
    example = Path(__file__).parents[1] / "catalogs" / "examples" / "welding" / "program.comp"
    ws = workspace(example)
    plan, _ = compact(ws.programs()[0], ws.table, ws.graph)
    assert plan is not None and "Колледж промышленных технологий" in str(title_page(plan, ws.table, "ru").college)
