"""The MIP of "can `terms` terms hold everything?": columns, rows and their bounds, written for any
solver (HiGHS in `exact.py`; CP-SAT in `bench/cpsat.py` to compare them on the same models).

A binary per item and start term within the window its chains allow (rows: each item once, the
requisites, the closing items, each term's and each partner site's capacity); the background rows' whole hours
a term within their bounds; the marks' terms where the yearly limits or complex exams need them; and
one continuous column, the fullest term's share of its capacity, which balancing minimises.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from constructor.compact.background import fit_background
from constructor.compact.schedule import Problem, Schedule, latest_ends

INF = float("inf")


@dataclass
class Model:
    """Columns (bounds; all integer but `peak`) and rows lo ≤ Σ value × column ≤ hi, in CSR form."""

    terms: int
    col: dict[tuple[int, int], int]  # (item, start term) → column
    background: dict[tuple[int, int], int]  # (background row, term) → column
    peak: int  # the continuous column
    balance: bool  # minimise `peak`; else any feasible point
    lower: list[float] = field(default_factory=list)
    upper: list[float] = field(default_factory=list)
    rows_lo: list[float] = field(default_factory=list)
    rows_hi: list[float] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)
    index: list[int] = field(default_factory=list)
    value: list[float] = field(default_factory=list)

    def add_column(self, lo: float, hi: float) -> int:
        self.lower.append(lo)
        self.upper.append(hi)
        return len(self.lower) - 1

    def row(self, entries: list[tuple[int, float]], lo: float, hi: float) -> None:
        merged: dict[int, float] = {}  # a solver may refuse a row that names a column twice
        for c, v in entries:
            merged[c] = merged.get(c, 0.0) + v
        self.starts.append(len(self.index))
        for c, v in merged.items():
            self.index.append(c)
            self.value.append(v)
        self.rows_lo.append(lo)
        self.rows_hi.append(hi)

    def guess(self, problem: Problem, incumbent: Schedule) -> list[float]:
        """The incumbent schedule as a starting point (the peak left at 0: solvers repair it)."""
        values = [0.0] * len(self.lower)
        for i, t in enumerate(incumbent.term):
            if (i, t) in self.col:
                values[self.col[i, t]] = 1.0
        split = incumbent.background_split(problem)
        for (r, t), c in self.background.items():
            values[c] = float(split[r][t - 1])
        return values

    def schedule(self, problem: Problem, values: list[float]) -> Schedule | None:
        """The schedule a solution's values describe; None when some item has no term."""
        term = [0] * problem.size
        for (i, t), c in self.col.items():
            if values[c] > 0.5:
                term[i] = t
        if not all(term):
            return None
        split = [
            [round(values[self.background[r, t]]) for t in range(1, self.terms + 1)]
            for r in range(len(problem.background))
        ]
        if split:  # the most even split these items' terms allow (the solver's is any that fits)
            split = fit_background(problem, Schedule(term, self.terms).placed_load(problem)) or split
        return Schedule(term, self.terms, background=split)


Row = Callable[[list[tuple[int, float]], float, float], None]


def build_model(
    problem: Problem,
    terms: int,
    head: list[int],
    tail: list[int],
    balance: bool = False,
    together: bool = False,
) -> Model | None:
    """The model of `problem` in exactly `terms` terms; None when it is infeasible on its face (a window
    closes, a term has less room than the final attestation, the background alone passes a limit).
    `together`: the rows of each complex exam end so that their marks fall in one term."""
    n = problem.size
    span = [problem.span(i) for i in range(n)]
    ends_by = latest_ends(problem)
    window = [  # of the start term
        (head[i] - span[i] + 1, min(terms - tail[i] + 1, (ends_by[i] or terms) - span[i] + 1)) for i in range(n)
    ]
    for i in problem.fixed_last:
        window[i] = (terms, terms)
    if any(lo > hi for lo, hi in window):
        return None
    if problem.limited and problem.over_limits(problem.background_marks_by_year(terms)):
        return None  # the rows through every term alone pass a year's limit
    m = Model(terms, {}, {}, -1, balance)
    for i in range(n):
        for t in range(window[i][0], window[i][1] + 1):
            m.col[i, t] = m.add_column(0.0, 1.0)
    # the fullest term's share of its capacity: minimised when balancing (terms differ in length, so a
    # share and not hours: the free hours spread over the terms), free when only asking "can it?"
    m.peak = m.add_column(0.0, INF)
    # the hours of each background row in each term: whole hours within the row's bounds
    for r, bounds in enumerate(problem.background_bounds(terms)):
        for t, (lo, hi) in enumerate(bounds, start=1):
            m.background[r, t] = m.add_column(float(lo), float(hi))
    # marks that fall where the last of several items ends (a course's form): a binary a term
    with_marks = problem.limited or together
    marks_at = _mark_columns(problem, window, m) if with_marks else {}
    col, row = m.col, m.row

    for i in range(n):  # every item in exactly one term
        row([(col[i, t], 1.0) for t in range(window[i][0], window[i][1] + 1)], 1.0, 1.0)

    # b placed by term t needs a placed by t − 1 (before) or by t (not after): the disaggregated form,
    # whose LP relaxation is much tighter than term(b) − term(a) ≥ 1 and proves bounds far faster
    def by(i: int, t: int) -> list[tuple[int, float]]:
        return [(col[i, s], 1.0) for s in range(window[i][0], min(t, window[i][1]) + 1)]

    # b started by t needs a started by t − lag: lag span(a) for before (a ends before b starts),
    # span(a) − span(b) for not after (a ends no later than b ends); 1 and 0 for items of one term
    for pairs, strict in ((problem.before, True), (problem.not_after, False)):
        for a, b in pairs:
            lag = span[a] if strict else span[a] - span[b]
            for t in range(window[b][0], window[b][1] + 1):
                mine = by(b, t)
                theirs = by(a, t - lag)
                if len(theirs) == window[a][1] - window[a][0] + 1:
                    continue  # a is surely placed by then: nothing to say
                row(mine + [(c, -v) for c, v in theirs], -INF, 0.0)
    for r, hours in enumerate(problem.background):  # each background row whole
        row([(m.background[r, t], 1.0) for t in range(1, terms + 1)], float(hours), float(hours))
    for e, group in problem.closing:  # a closing item only where one of its members ends
        for t in range(window[e][0], window[e][1] + 1):
            ends = [
                (col[k, s], -1.0) for k in group for s in range(window[k][0], window[k][1] + 1) if s + span[k] - 1 == t
            ]
            row([(col[e, t], 1.0), *ends], -INF, 0.0)
    for t in range(1, terms + 1):
        # an item started in s < t over several terms still loads term t with its share for t − s
        members = [
            (col[i, s], float(problem.share(i, t - s)))
            for i in range(n)
            for s in range(max(window[i][0], t - span[i] + 1), min(window[i][1], t) + 1)
        ]
        members += [(m.background[r, t], 1.0) for r in range(len(problem.background))]
        fixed = problem.final_hours if t == terms else 0
        room = problem.capacity(t) - fixed
        if room < 0:
            return None
        if members:
            row(members, -INF, float(room))
            row([*members, (m.peak, -float(problem.capacity(t)))], -INF, float(-fixed))  # load ≤ peak × capacity
    for site in problem.sites:  # a partner site hosts at most its capacity a term
        for t in range(1, terms + 1):
            hosted = [
                (col[i, s], float(problem.site_share(h, i, t - s)))
                for i, h in site.items
                for s in range(max(window[i][0], t - span[i] + 1), min(window[i][1], t) + 1)
            ]
            if hosted:
                row(hosted, -INF, float(site.capacity))
    if with_marks:
        falls = _fall_rows(problem, window, span, col, marks_at, row)
        if problem.limited and not _limit_rows(problem, terms, falls, m):
            return None
        if together:
            _together_rows(problem, falls, row)
    return m


def _mark_columns(
    problem: Problem,
    window: list[tuple[int, int]],
    model: Model,
) -> dict[int, dict[int, int]]:
    """For each mark over several items: a binary per term it may fall in (where the last item ends)."""
    out: dict[int, dict[int, int]] = {}
    for k, m in enumerate(problem.marks):
        if m.offset is not None or len(m.items) == 1:
            continue
        lo = max(window[i][0] + problem.span(i) - 1 for i in m.items)
        hi = max(window[i][1] + problem.span(i) - 1 for i in m.items)
        out[k] = {}
        for t in range(lo, hi + 1):
            out[k][t] = model.add_column(0.0, 1.0)
    return out


def _fall_rows(
    problem: Problem,
    window: list[tuple[int, int]],
    span: list[int],
    col: dict[tuple[int, int], int],
    marks_at: dict[int, dict[int, int]],
    row: Row,
) -> list[dict[int, list[int]]]:
    """Each mark's indicator per term: mark k falls in term t when the columns `falls[k][t]` add to 1
    (an item's start, or the mark's own binary with the rows that tie it to where its items end)."""
    falls: list[dict[int, list[int]]] = []
    for k, m in enumerate(problem.marks):
        at: dict[int, list[int]] = {}
        if k in marks_at:
            at = {t: [c] for t, c in marks_at[k].items()}
            ends: dict[int, list[tuple[int, float]]] = {}
            for i in m.items:
                for s in range(window[i][0], window[i][1] + 1):
                    ends.setdefault(s + span[i] - 1, []).append((col[i, s], 1.0))
            row([(c, 1.0) for c in marks_at[k].values()], 1.0, 1.0)  # it falls in one term
            for t, c in marks_at[k].items():  # where some item ends …
                row([(c, 1.0), *((x, -v) for x, v in ends.get(t, []))], -INF, 0.0)
            for i in m.items:  # … and no item ends later
                row(
                    [
                        *((c, float(t)) for t, c in marks_at[k].items()),
                        *((col[i, s], -float(s + span[i] - 1)) for s in range(window[i][0], window[i][1] + 1)),
                    ],
                    0.0,
                    INF,
                )
        else:
            i = m.items[0]
            shift = m.offset if m.offset is not None else span[i] - 1
            for s in range(window[i][0], window[i][1] + 1):
                at.setdefault(s + shift, []).append(col[i, s])
        falls.append(at)
    return falls


def _together_rows(problem: Problem, falls: list[dict[int, list[int]]], row: Row) -> None:
    """Each complex exam's marks in one term: in every term, each member's indicator equals the first's."""
    for members in problem.groups.values():
        first = members[0]
        for k in members[1:]:
            for t in sorted(set(falls[first]) | set(falls[k])):
                entries = [(c, 1.0) for c in falls[first].get(t, [])] + [(c, -1.0) for c in falls[k].get(t, [])]
                row(entries, 0.0, 0.0)


def _limit_rows(
    problem: Problem,
    terms: int,
    falls: list[dict[int, list[int]]],
    model: Model,
) -> bool:
    """The yearly limits: complex exams once per term, and per study year and kind at most the limit
    less the background rows' marks. False when no schedule can."""
    # a complex exam: one binary per group and term, at least each of its marks there
    counted = [(m.kind, falls[k]) for k, m in enumerate(problem.marks) if m.group is None]
    for members in problem.groups.values():
        kind = problem.marks[members[0]].kind
        terms_of = sorted({t for k in members for t in falls[k]})
        at = {}
        for t in terms_of:
            c = model.add_column(0.0, 1.0)
            at[t] = [c]
            for k in members:
                if t in falls[k]:
                    model.row([(c, 1.0), *((x, -1.0) for x in falls[k][t])], 0.0, INF)
        counted.append((kind, at))
    fixed = problem.background_marks_by_year(terms)
    years = problem.year(terms)
    for kind, limit in enumerate(problem.year_limits):
        if limit is None:
            continue
        for year in range(1, years + 1):
            room = limit - fixed.get((year, kind), 0)
            if room < 0:
                return False
            entries = [
                (c, 1.0)
                for k_kind, at in counted
                if k_kind == kind
                for t, cols in at.items()
                if problem.year(t) == year
                for c in cols
            ]
            if entries:
                model.row(entries, -INF, float(room))
    return True
