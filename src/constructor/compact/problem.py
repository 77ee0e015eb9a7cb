"""The scheduling problem and what a schedule is: items with hours and requisites between them, the
terms' capacities, and the rules every schedule keeps (`valid`), domain-free on purpose.

An item is an index with hours; `before` pairs must be in strictly earlier terms, `not_after` pairs in
the same or an earlier term; term t holds `capacity(t)` hours, and the last term also holds the final
attestation. The list scheduler (`schedule.py`) and the exact solver (`exact.py`) take the same problem.

An item may run over several consecutive terms (`span`, with its hours per term in `shares`: a
discipline taught for two terms). Its term is the one it starts in; `before` (a, b) means a ends before
b starts, `not_after` (a, b) that a ends no later than b ends. Items of one term are the common case.
A `closing` item goes where the last of its members ends (a course's consultations and exam).

Rows that run through every term of the program (physical culture, a foreign language) are not items:
they are `background` hours over however many terms the schedule has, each term holding from three
quarters to five quarters of the row's even share (by the terms' capacities), so that terms can be full. A term's
room for items therefore depends on the number of terms and on the split (`background.py`).

A partner site hosts at most so many hours a term (`sites`): the hours its items put on a term add up
to no more than its capacity, in every schedule.

Exams and credits are `marks`, counted against their study year's limit (`year_limits`): the list
scheduler does not put an item where its marks would pass the limit, the exact solver has a row per
year, `valid` checks them, and `attestations_by_year` is the one count the plan reports.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction

EXAM, CREDIT = 0, 1  # the kinds of marks the yearly limits count
# the least and most share of its even split a background row may put on a term (docs/plan.md)
BACKGROUND_RANGE = (Fraction(3, 4), Fraction(5, 4))


@dataclass(frozen=True)
class Mark:
    """An exam or a credit counted against its study year's limit. It falls in the term the last of its
    `items` ends (a course's form falls where its last competency ends, a complex exam where the last of
    its rows ends) or, with `offset`, in that term of its one item's span (a form each term)."""

    kind: int  # EXAM or CREDIT
    items: tuple[int, ...]
    offset: int | None = None
    group: int | None = None  # a complex exam: the group's marks that fall in one term count once


@dataclass(frozen=True)
class BackgroundMark:
    """A mark of a row through every term: in every term but the last (`each`), or in the last."""

    kind: int
    last: bool


@dataclass(frozen=True)
class SiteRule:
    """A partner site: at most `capacity` hours of its items in a term. `items` are (item, hours the site
    hosts of it): all of an item's hours, or part of an item merged from several (`merge_same_term`)."""

    capacity: int
    items: tuple[tuple[int, int], ...]
    name: str = ""  # for what is said about it

    @property
    def hours(self) -> int:
        return sum(h for _, h in self.items)

    @property
    def least_terms(self) -> int:
        """The fewest terms its hours need at its capacity (a lower bound on any schedule's)."""
        return -(-self.hours // self.capacity)


@dataclass(frozen=True)
class Problem:
    hours: Sequence[int]  # of each item, counted against capacity
    before: Sequence[tuple[int, int]]  # (a, b): a in a strictly earlier term than b
    not_after: Sequence[tuple[int, int]]  # (a, b): a in the same term as b or earlier
    term_capacity: Sequence[int]  # of a year's terms, repeating: (612, 828) for 17 and 23 weeks × 36 h
    final_hours: int = 0  # in the last term
    fixed_last: frozenset[int] = frozenset()  # items that must be in the last term (pre-diploma practice)
    shares: Sequence[Sequence[int]] = ()  # hours per term of items over several terms (empty: one term)
    background: Sequence[int] = ()  # hours of each row over every term, whatever their number
    deadline: Sequence[int] = ()  # the last term each item may end in (0: none), e.g. general education
    marks: Sequence[Mark] = ()  # exams and credits of the items
    background_marks: Sequence[BackgroundMark] = ()  # of the rows through every term
    year_limits: tuple[int | None, int | None] = (None, None)  # exams, credits a study year (None: no limit)
    terms_per_year: int = 2
    # (item, members): the item falls in the term the last of its members ends (a course's consultations,
    # exam and course project close the course where its last competency ends); its only predecessors
    # are its members, each with a `not_after` pair to it
    closing: Sequence[tuple[int, tuple[int, ...]]] = ()
    sites: Sequence[SiteRule] = ()

    @property
    def size(self) -> int:
        return len(self.hours)

    def span(self, i: int) -> int:
        return len(self.shares[i]) if self.shares and self.shares[i] else 1

    def share(self, i: int, k: int) -> int:
        """Hours of item i in the k-th term of its span (from 0)."""
        return self.shares[i][k] if self.shares and self.shares[i] else self.hours[i]

    def capacity(self, term: int) -> int:
        """Capacity of term `term` (from 1)."""
        return self.term_capacity[(term - 1) % len(self.term_capacity)]

    def year(self, term: int) -> int:
        return (term - 1) // self.terms_per_year + 1

    @property
    def limited(self) -> bool:
        return bool(self.marks or self.background_marks) and any(x is not None for x in self.year_limits)

    def mark_term(self, mark: Mark, term: Sequence[int]) -> int:
        """The term a mark falls in under the items' start terms `term`."""
        if mark.offset is not None:
            return term[mark.items[0]] + mark.offset
        return max(term[i] + self.span(i) - 1 for i in mark.items)

    def background_marks_by_year(self, terms: int) -> dict[tuple[int, int], int]:
        out: dict[tuple[int, int], int] = {}
        for m in self.background_marks:
            for t in [terms] if m.last else range(1, terms):
                key = (self.year(t), m.kind)
                out[key] = out.get(key, 0) + 1
        return out

    @property
    def groups(self) -> dict[int, list[int]]:
        """Each complex exam: the indices of its marks."""
        out: dict[int, list[int]] = {}
        for k, m in enumerate(self.marks):
            if m.group is not None:
                out.setdefault(m.group, []).append(k)
        return out

    def group_terms(self, term: Sequence[int]) -> dict[int, list[int]]:
        """Each complex exam: the terms its marks fall in under the start terms `term`."""
        return {g: sorted({self.mark_term(self.marks[k], term) for k in ks}) for g, ks in self.groups.items()}

    def split_groups(self, term: Sequence[int]) -> list[int]:
        """The complex exams whose rows' marks fall in different terms under the start terms `term`."""
        return sorted(g for g, terms in self.group_terms(term).items() if len(terms) > 1)

    def mark_count(self, kind: int) -> int:
        """The marks of a kind the items have, a complex exam or credit once (its marks may share one term)."""
        groups = {m.group for m in self.marks if m.kind == kind and m.group is not None}
        return sum(1 for m in self.marks if m.kind == kind and m.group is None) + len(groups)

    def over_limits(self, counts: Mapping[tuple[int, int], int]) -> list[tuple[int, int, int, int]]:
        """(year, kind, count, limit) of every year over its limit."""
        out = []
        for (year, kind), count in sorted(counts.items()):
            limit = self.year_limits[kind]
            if limit is not None and count > limit:
                out.append((year, kind, count, limit))
        return out

    def site_share(self, hosted: int, i: int, k: int) -> int:
        """Hours a site hosting `hosted` hours of item i gets in the k-th term of its span (an item over
        several terms is hosted whole, so its share; a merged item is of one term)."""
        return self.share(i, k) * hosted // self.hours[i] if self.hours[i] else 0

    def site_loads(self, term: Sequence[int]) -> dict[tuple[int, int], int]:
        """(site, term) → the hours its items put on that term under the start terms `term`."""
        out: dict[tuple[int, int], int] = {}
        for s, site in enumerate(self.sites):
            for i, hosted in site.items:
                for k in range(self.span(i)):
                    key = (s, term[i] + k)
                    out[key] = out.get(key, 0) + self.site_share(hosted, i, k)
        return out

    def site_misfits(self) -> list[tuple[int, list[int]]]:
        """(site, items) no schedule can host: an item with more hours a term than its site holds, or
        the site's items fixed to the last term together."""
        out = []
        for s, site in enumerate(self.sites):
            over = [
                i for i, h in site.items if any(self.site_share(h, i, k) > site.capacity for k in range(self.span(i)))
            ]
            if not over and sum(h for i, h in site.items if i in self.fixed_last) > site.capacity:
                over = [i for i, _ in site.items if i in self.fixed_last]
            if over:
                out.append((s, over))
        return out

    def closing_misfit(self) -> tuple[list[int], int] | None:
        """A closing item that no term can hold with the member it closes with: (the item and the
        members it falls in the term of, hours) when even its smallest such pair passes every term.
        (A course's exam falls where its last competency ends, so they share a term.)"""
        largest = max(self.term_capacity)
        closing = dict(self.closing)
        least: dict[int, tuple[int, list[int]]] = {}

        def last(i: int) -> tuple[int, list[int]]:
            """The fewest hours item i shares its last term with, and the items that make them."""
            if i in least:
                return least[i]
            own = self.share(i, self.span(i) - 1)
            found = (own, [i])
            if i in closing:
                hours, chain = min((last(m) for m in closing[i]), key=lambda x: (x[0], x[1]))
                found = (own + hours, [i, *chain])
            least[i] = found
            return found

        for e in sorted(closing):
            hours, chain = last(e)
            if hours > largest:
                return sorted(chain), hours
        return None

    def sites_over(self, term: Sequence[int]) -> list[tuple[int, int, int]]:
        """(site, term, hours) of every site over its capacity in a term."""
        return sorted(
            (s, t, hours) for (s, t), hours in self.site_loads(term).items() if hours > self.sites[s].capacity
        )

    def capacities(self, terms: int) -> list[int]:
        """The capacity of each term of a schedule of `terms` terms."""
        return [self.capacity(t) for t in range(1, terms + 1)]

    def even_split(self, terms: int) -> list[list[int]]:
        """Each background row's even split over `terms` terms: its hours by the terms' capacities."""
        caps = self.capacities(terms)
        return [spread_hours(h, caps) for h in self.background]

    def background_bounds(self, terms: int) -> list[list[tuple[int, int]]]:
        """For each background row, the least and most hours each term of a schedule of `terms` terms
        may hold: from three quarters to five quarters of its even share (`BACKGROUND_RANGE`). Within them a
        schedule may shift a row's hours between terms, as plans vary a language's or physical
        culture's hours a week, so that every term is full."""
        low, high = BACKGROUND_RANGE
        return [
            [
                (share * low.numerator // low.denominator, -(-share * high.numerator // high.denominator))
                for share in even
            ]
            for even in self.even_split(terms)
        ]

    def background_by_term(self, terms: int) -> list[int]:
        """Hours the rows over every term put on each term of a schedule of `terms` terms, each row spread
        by the terms' capacities (the even split; a schedule may hold its own, `Schedule.background`)."""
        return [sum(column) for column in zip(*self.even_split(terms), strict=True)] if self.background else [0] * terms


def spread_hours(hours: int, weights: Sequence[int]) -> list[int]:
    """`hours` over terms in proportion to `weights` (the terms' capacities), whole hours that add up:
    the remainders go to the largest fractions, earlier terms first on ties."""
    total = sum(weights)
    if total <= 0:
        return [hours] + [0] * (len(weights) - 1) if weights else []
    exact = [hours * w for w in weights]
    out = [e // total for e in exact]
    left = hours - sum(out)
    order = sorted(range(len(weights)), key=lambda k: (-(exact[k] % total), k))
    for k in order[:left]:
        out[k] += 1
    return out


@dataclass
class Schedule:
    term: list[int]  # of each item, from 1
    terms: int
    notes: list[str] = field(default_factory=list)
    # hours of each background row in each term (empty: the even split, `Problem.background_by_term`)
    background: list[list[int]] = field(default_factory=list)

    def background_split(self, problem: Problem) -> list[list[int]]:
        """Each background row's hours in each term: the schedule's own, else the even split."""
        return self.background or problem.even_split(self.terms)

    def background_load(self, problem: Problem) -> list[int]:
        if self.background:
            return [sum(row[t] for row in self.background) for t in range(self.terms)]
        return problem.background_by_term(self.terms)

    def placed_load(self, problem: Problem) -> list[int]:
        """Each term's hours of everything but the background rows: the items and the final attestation."""
        out = [0] * self.terms
        for i, t in enumerate(self.term):
            for k in range(problem.span(i)):
                if t + k - 1 < self.terms:
                    out[t + k - 1] += problem.share(i, k)
        out[-1] += problem.final_hours
        return out

    def load(self, problem: Problem) -> list[int]:
        return [a + b for a, b in zip(self.placed_load(problem), self.background_load(problem), strict=True)]

    def end(self, problem: Problem, i: int) -> int:
        return self.term[i] + problem.span(i) - 1


def attestations_by_year(problem: Problem, term: Sequence[int], terms: int) -> dict[tuple[int, int], int]:
    """(study year, EXAM or CREDIT) → how many fall in that year: the one count of the yearly limits."""
    out = problem.background_marks_by_year(terms)
    seen: set[tuple[int, int]] = set()
    for m in problem.marks:
        where = problem.mark_term(m, term)
        if m.group is not None:
            if (m.group, where) in seen:
                continue
            seen.add((m.group, where))
        key = (problem.year(where), m.kind)
        out[key] = out.get(key, 0) + 1
    return out


class Infeasible(Exception):
    """No number of terms can hold the problem (an item larger than every term, or a cycle)."""

    def __init__(self, reason: str, items: Sequence[int] = ()) -> None:
        super().__init__(reason)
        self.reason = reason
        self.items = list(items)


def valid(problem: Problem, schedule: Schedule) -> list[str]:
    """What a schedule breaks (empty when it keeps every rule): for tests and as a last guard."""
    errors = []
    if any(not t >= 1 for t in schedule.term) or any(
        schedule.end(problem, i) > schedule.terms for i in range(problem.size)
    ):
        return ["a term out of range"]
    for a, b in problem.before:
        if not schedule.end(problem, a) < schedule.term[b]:
            errors.append(f"{a} must come before {b}")
    for a, b in problem.not_after:
        if not schedule.end(problem, a) <= schedule.end(problem, b):
            errors.append(f"{a} must not come after {b}")
    if schedule.background:
        errors += _background_errors(problem, schedule)
    for item, members in problem.closing:
        if schedule.end(problem, item) != max(schedule.end(problem, m) for m in members):
            errors.append(f"{item} must fall where the last of {list(members)} ends")
    for k, load in enumerate(schedule.load(problem), start=1):
        if load > problem.capacity(k):
            errors.append(f"term {k} holds {load} h over {problem.capacity(k)}")
    for site, t, hours in problem.sites_over(schedule.term):
        errors.append(f"site {site} hosts {hours} h in term {t} over {problem.sites[site].capacity}")
    for i in problem.fixed_last:
        if schedule.term[i] != schedule.terms:
            errors.append(f"{i} must be in the last term")
    for i, limit in enumerate(problem.deadline):
        if limit and schedule.end(problem, i) > limit:
            errors.append(f"{i} must end by term {limit}")
    for year, kind, count, limit in problem.over_limits(attestations_by_year(problem, schedule.term, schedule.terms)):
        errors.append(f"year {year} holds {count} {('exams', 'credits')[kind]} over {limit}")
    return errors


def _background_errors(problem: Problem, schedule: Schedule) -> list[str]:
    """A schedule's own split of the background rows: each row whole, each term within its bounds."""
    bounds = problem.background_bounds(schedule.terms)
    if len(schedule.background) != len(problem.background) or any(
        len(row) != schedule.terms for row in schedule.background
    ):
        return ["the background rows' split does not match the rows and terms"]
    errors = []
    for r, (row, hours) in enumerate(zip(schedule.background, problem.background, strict=True)):
        if sum(row) != hours:
            errors.append(f"background row {r} holds {sum(row)} h of {hours}")
        for t, (h, (lo, hi)) in enumerate(zip(row, bounds[r], strict=True), start=1):
            if not lo <= h <= hi:
                errors.append(f"background row {r} puts {h} h on term {t}, outside {lo}..{hi}")
    return errors


def merge_same_term(problem: Problem) -> tuple[Problem, list[int]]:
    """Items that must share a term (a circle of `not_after`, like two competencies taught together)
    become one item; returns the smaller problem and, for each item, the index of its merged item.
    Infeasible when such a circle contains a `before` (an item would precede itself)."""
    import networkx as nx

    g: nx.DiGraph[int] = nx.DiGraph()
    g.add_nodes_from(range(problem.size))
    g.add_edges_from(problem.before)
    g.add_edges_from(problem.not_after)
    group = list(range(problem.size))
    for comp in nx.strongly_connected_components(g):
        if len(comp) > 1:
            if any(a in comp and b in comp for a, b in problem.before):
                raise Infeasible("cycle", sorted(comp))
            if any(problem.span(i) > 1 for i in comp):  # items over several terms are never merged
                raise Infeasible("cycle", sorted(comp))
            rep = min(comp)
            for i in comp:
                group[i] = rep
    reps = sorted(set(group))
    new_index = {r: k for k, r in enumerate(reps)}
    mapping = [new_index[group[i]] for i in range(problem.size)]
    hours = [0] * len(reps)
    for i, h in enumerate(problem.hours):
        hours[mapping[i]] += h
    before = sorted({(mapping[a], mapping[b]) for a, b in problem.before})
    not_after = sorted({(mapping[a], mapping[b]) for a, b in problem.not_after if mapping[a] != mapping[b]})
    fixed = frozenset(mapping[i] for i in problem.fixed_last)
    deadline = [0] * len(reps)
    for i, limit in enumerate(problem.deadline):
        if limit:
            k = mapping[i]
            deadline[k] = min(deadline[k] or limit, limit)
    shares: list[Sequence[int]] = [()] * len(reps)
    if problem.shares:
        for i in range(problem.size):
            if problem.span(i) > 1:
                shares[mapping[i]] = problem.shares[i]
    marks = [Mark(m.kind, tuple(dict.fromkeys(mapping[i] for i in m.items)), m.offset, m.group) for m in problem.marks]
    sites = []
    for site in problem.sites:
        hosted: dict[int, int] = {}
        for i, h in site.items:
            hosted[mapping[i]] = hosted.get(mapping[i], 0) + h
        sites.append(SiteRule(site.capacity, tuple(sorted(hosted.items()))))
    merged = Problem(
        hours,
        before,
        not_after,
        problem.term_capacity,
        problem.final_hours,
        fixed,
        shares if problem.shares else (),
        problem.background,
        deadline if any(deadline) else (),
        marks,
        problem.background_marks,
        problem.year_limits,
        problem.terms_per_year,
        [
            (mapping[e], members)
            for e, ms in problem.closing
            if (members := tuple(k for k in dict.fromkeys(mapping[m] for m in ms) if k != mapping[e]))
        ],
        sites,
    )
    return merged, mapping


def expand(schedule: Schedule, mapping: list[int]) -> Schedule:
    return Schedule([schedule.term[m] for m in mapping], schedule.terms, schedule.notes, schedule.background)
