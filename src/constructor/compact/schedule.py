"""Placing items into terms: the problem, its lower bound, and critical-path list scheduling.

Domain-free on purpose: an item is an index with hours; `before` pairs must be in strictly earlier
terms, `not_after` pairs in the same or an earlier term; term t holds `capacity(t)` hours, and the
last term also holds the final attestation. The exact solver (`exact.py`) takes the same problem.

An item may run over several consecutive terms (`span`, with its hours per term in `shares`: a
discipline taught for two terms). Its term is the one it starts in; `before` (a, b) means a ends before
b starts, `not_after` (a, b) that a ends no later than b ends. Items of one term are the common case.

Rows that run through every term of the program (physical culture, a foreign language) are not items:
they are `background` hours, spread over however many terms the schedule has, in proportion to the
terms' capacities. A term's room for items therefore depends on the number of terms (`room`).

Exams and credits are `marks`, counted against their study year's limit (`year_limits`): the list
scheduler does not put an item where its marks would pass the limit, the exact solver has a row per
year, `valid` checks them, and `attestations_by_year` is the one count the plan reports.
"""

from __future__ import annotations

import heapq
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

EXAM, CREDIT = 0, 1  # the kinds of marks the yearly limits count


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
        """The marks of a kind the items have, a complex exam once (its marks may share one term)."""
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

    def background_by_term(self, terms: int) -> list[int]:
        """Hours the rows over every term put on each term of a schedule of `terms` terms."""
        out = [0] * terms
        if self.background:
            caps = [self.capacity(t) for t in range(1, terms + 1)]
            for h in self.background:
                for k, share in enumerate(spread_hours(h, caps)):
                    out[k] += share
        return out


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

    def load(self, problem: Problem) -> list[int]:
        out = problem.background_by_term(self.terms)
        for i, t in enumerate(self.term):
            for k in range(problem.span(i)):
                if t + k - 1 < self.terms:
                    out[t + k - 1] += problem.share(i, k)
        out[-1] += problem.final_hours
        return out

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


def _order(problem: Problem) -> list[int]:
    """A topological order of the items over both kinds of edges; Infeasible on a cycle."""
    n = problem.size
    succ: list[list[int]] = [[] for _ in range(n)]
    indeg = [0] * n
    for a, b in (*problem.before, *problem.not_after):
        succ[a].append(b)
        indeg[b] += 1
    ready = [i for i in range(n) if indeg[i] == 0]
    heapq.heapify(ready)
    order = []
    while ready:
        i = heapq.heappop(ready)
        order.append(i)
        for j in succ[i]:
            indeg[j] -= 1
            if indeg[j] == 0:
                heapq.heappush(ready, j)
    if len(order) != n:
        raise Infeasible("cycle", [i for i in range(n) if indeg[i] > 0])
    return order


def chain_lengths(problem: Problem) -> tuple[list[int], list[int]]:
    """For each item: the fewest terms up to and including its last term (`head`), and the fewest terms
    from its first term to the end (`tail`). A `before` edge adds the later item's terms; `not_after`
    only keeps the later item's end no earlier."""
    order = _order(problem)
    n = problem.size
    span = [problem.span(i) for i in range(n)]
    preds: list[list[tuple[int, bool]]] = [[] for _ in range(n)]
    succs: list[list[tuple[int, bool]]] = [[] for _ in range(n)]
    for a, b in problem.before:
        preds[b].append((a, True))
        succs[a].append((b, True))
    for a, b in problem.not_after:
        preds[b].append((a, False))
        succs[a].append((b, False))
    head = list(span)
    for i in order:
        for p, strict in preds[i]:
            head[i] = max(head[i], head[p] + span[i] if strict else head[p])
    tail = list(span)
    for i in reversed(order):
        for s, strict in succs[i]:
            tail[i] = max(tail[i], span[i] + tail[s] if strict else span[i] + tail[s] - span[s])
    return head, tail


def latest_ends(problem: Problem) -> list[int | None]:
    """The last term each item may end in: its own deadline, or earlier when something after it has
    one (a `before` successor must start after it ends). None: no deadline reaches it."""
    n = problem.size
    out: list[int | None] = [(problem.deadline[i] or None) if problem.deadline else None for i in range(n)]
    if not problem.deadline or not any(problem.deadline):
        return out
    succs: list[list[tuple[int, bool]]] = [[] for _ in range(n)]
    for a, b in problem.before:
        succs[a].append((b, True))
    for a, b in problem.not_after:
        succs[a].append((b, False))
    for i in reversed(_order(problem)):
        for j, strict in succs[i]:
            end_j = out[j]
            if end_j is not None:
                limit = end_j - problem.span(j) if strict else end_j
                current = out[i]
                out[i] = limit if current is None else min(current, limit)
    return out


def lower_bound(problem: Problem) -> tuple[int, str]:
    """max(the longest chain in terms, the fewest terms whose capacity holds every hour)."""
    _check_final(problem)
    if problem.size == 0 and not problem.background:
        terms = 1
        while problem.final_hours > problem.capacity(terms):
            terms += 1
        return terms, "hours"
    head, _ = chain_lengths(problem) if problem.size else ([1], [1])
    chain = max(head)
    need = sum(problem.hours) + problem.final_hours + sum(problem.background)
    terms, room = 0, 0
    while room < need:
        terms += 1
        room += problem.capacity(terms)
    # the final attestation shares the last term: the last term must also hold it
    while problem.final_hours > problem.capacity(terms):
        terms += 1
    marks = _marks_bound(problem)
    return max((chain, "chain"), (terms, "hours"), (marks, "attestation"), key=lambda b: b[0])


def _marks_bound(problem: Problem) -> int:
    """The fewest terms whose study years hold every mark within the yearly limits (a year's last
    term may be the plan's last: the bound counts its first term)."""
    out = 1
    for kind, limit in enumerate(problem.year_limits):
        count = problem.mark_count(kind)
        if limit is None or not count:
            continue
        if limit <= 0:
            raise Infeasible("attestation-limit")
        years = -(-count // limit)
        out = max(out, (years - 1) * problem.terms_per_year + 1)
    return out


def _check_final(problem: Problem) -> None:
    """The last term holds the final attestation and the items fixed to it: some term must hold them all
    (without this the search for such a term would never end)."""
    last = problem.final_hours + sum(problem.hours[i] for i in problem.fixed_last)
    if last > max(problem.term_capacity):
        raise Infeasible("final-too-large")


def _fits_somewhere(problem: Problem, i: int) -> bool:
    """Whether some start term holds every term's share of item i (terms differ in length)."""
    cycle = len(problem.term_capacity)
    return any(
        all(problem.share(i, k) <= problem.capacity(start + k) for k in range(problem.span(i)))
        for start in range(1, cycle + 1)
    )


def _check_sizes(problem: Problem) -> None:
    too_big = [i for i in range(problem.size) if not _fits_somewhere(problem, i)]
    if too_big:
        raise Infeasible("item-too-large", too_big)
    _check_final(problem)


def try_list_schedule(problem: Problem) -> tuple[Schedule | None, str]:
    """The list schedule, or None with what it missed (a deadline or a yearly limit: the exact solver
    may still find a schedule); any other Infeasible is raised."""
    try:
        return list_schedule(problem), ""
    except Infeasible as e:
        if e.reason not in RETRY:
            raise
        return None, e.reason


def list_schedule(problem: Problem, *, balanced: bool = True) -> Schedule:
    """Critical-path list scheduling: fill term after term, most urgent first.

    Urgency is the tail (terms still needed from the item on), then hours. An item may start in term t
    when everything `before` it has ended by t − 1 and everything `not_after` it ends by its own end; it
    is placed where every term of its span has room. Items fixed to the last term go there; the final
    attestation takes the last term, or a later one of its own when it does not fit.
    O((items + requisites) · log items) before balancing.

    With background rows the room of a term depends on the number of terms: the schedule is made for
    the lower bound's number of terms, and again for more while it does not keep to that number.
    """
    _check_sizes(problem)
    urgency = _urgency(problem)
    if not problem.background:
        schedule = _list(problem, 0, urgency)
        return balance(problem, schedule) if balanced else schedule
    terms = lower_bound(problem)[0]
    limit = terms + problem.size + MAX_EXTRA_TERMS
    missed: Infeasible | None = None
    while terms <= limit:
        try:
            schedule = _list(problem, terms, urgency)
        except Infeasible as e:
            if e.reason not in RETRY:
                raise
            missed, terms = e, terms + 1  # more terms leave more room in the early ones
            continue
        if schedule.terms == terms and not valid(problem, schedule):
            return balance(problem, schedule) if balanced else schedule
        terms = max(terms + 1, schedule.terms)
    raise missed or Infeasible("no-progress")


MAX_EXTRA_TERMS = 200  # terms tried beyond the bound before background rows are said not to fit
# what the list scheduler may miss where the exact solver (or more terms) may still succeed
RETRY = ("deadline", "attestation-limit")


@dataclass(frozen=True)
class _Urgency:
    """What the list scheduler orders items by, the same in every pass: the fewest terms up to each
    item (`head`), the latest start the chains allow in the fewest terms or its deadline (`latest`), and
    the last term each may end in (`ends_by`)."""

    head: list[int]
    latest: list[int]
    ends_by: list[int | None]


def _urgency(problem: Problem) -> _Urgency:
    n = problem.size
    if n == 0:
        return _Urgency([], [], [])
    head, tail = chain_lengths(problem)
    bound = lower_bound(problem)[0]
    ends_by = latest_ends(problem)
    latest = [min(bound - tail[i], (ends_by[i] or bound + n + 1) - problem.span(i)) for i in range(n)]
    return _Urgency(head, latest, ends_by)


def _list(problem: Problem, min_terms: int, urgency: _Urgency) -> Schedule:
    """One pass of the list scheduler; terms up to `min_terms` leave room for the background rows of a
    schedule of exactly that many terms (0: there are none)."""
    n = problem.size
    if n == 0:
        term: list[int] = []
        return Schedule(term, _final_term(problem, max(1, min_terms), term))
    head, latest, ends_by = urgency.head, urgency.latest, urgency.ends_by
    background = problem.background_by_term(min_terms)
    span = [problem.span(i) for i in range(n)]
    strict_s: list[list[int]] = [[] for _ in range(n)]
    loose_s: list[list[int]] = [[] for _ in range(n)]
    left = [0] * n
    for a, b in problem.before:
        strict_s[a].append(b)
        left[b] += 1
    for a, b in problem.not_after:
        loose_s[a].append(b)
        left[b] += 1
    last_items = problem.fixed_last
    earliest = [1] * n

    def key(i: int) -> tuple[int, int, int, int]:
        return (latest[i], -problem.hours[i], head[i], i)

    waiting: list[tuple[int, tuple[int, int, int, int]]] = []  # (earliest start, key) of released items
    for i in range(n):
        if left[i] == 0 and i not in last_items:
            heapq.heappush(waiting, (1, key(i)))
    used: dict[int, int] = {}

    def room(t: int) -> int:
        free = problem.capacity(t) - (background[t - 1] if t <= min_terms else 0)
        return free - used.get(t, 0)

    # marks: each waits for its last item; then it falls in a year, which must keep to its limit
    limited = problem.limited
    marks_of: list[list[int]] = [[] for _ in range(n)]
    pending = [len(set(m.items)) for m in problem.marks]
    mark_end = [0] * len(problem.marks)
    for k, m in enumerate(problem.marks):
        for i in set(m.items):
            marks_of[i].append(k)
    counts = problem.background_marks_by_year(min_terms) if min_terms else {}
    if limited and problem.over_limits(counts):
        raise Infeasible("attestation-limit")  # the rows through every term alone: more terms may help
    group_terms: set[tuple[int, int]] = set()  # complex exams already counted in a term

    def marks_added(i: int, t: int) -> tuple[dict[tuple[int, int], int], set[tuple[int, int]]] | None:
        """The marks placing item i in term t settles, by (year, kind), and the complex exams' terms
        it takes; None when a year would pass its limit."""
        add: dict[tuple[int, int], int] = {}
        groups: set[tuple[int, int]] = set()
        if not limited:
            return add, groups
        end = t + span[i] - 1
        for k in marks_of[i]:
            m = problem.marks[k]
            if pending[k] > 1:
                continue
            where = t + m.offset if m.offset is not None else max(mark_end[k], end)
            if m.group is not None:
                if (m.group, where) in group_terms or (m.group, where) in groups:
                    continue
                groups.add((m.group, where))
            key = (problem.year(where), m.kind)
            add[key] = add.get(key, 0) + 1
        for key, c in add.items():
            limit = problem.year_limits[key[1]]
            if limit is not None and counts.get(key, 0) + c > limit:
                return None
        return add, groups

    # with yearly limits an item may wait a year or more; past this, nothing will ever fit
    give_up = min_terms + (n + 2) * (problem.terms_per_year + max(span, default=1))

    term = [0] * n
    remaining = n - len(last_items)
    placed = 0
    t = 0
    ready: list[tuple[int, int, int, int]] = []
    while placed < remaining:
        t += 1
        while waiting and waiting[0][0] <= t:
            heapq.heappush(ready, heapq.heappop(waiting)[1])
        skipped = []
        while ready:
            item = heapq.heappop(ready)
            i = item[3]
            if any(problem.share(i, k) > room(t + k) for k in range(span[i])):
                skipped.append(item)
                continue
            added = marks_added(i, t)
            if added is None:
                skipped.append(item)
                continue
            term[i] = t
            for k in range(span[i]):
                used[t + k] = used.get(t + k, 0) + problem.share(i, k)
            placed += 1
            end = t + span[i] - 1
            for year_kind, c in added[0].items():
                counts[year_kind] = counts.get(year_kind, 0) + c
            group_terms.update(added[1])
            for k in marks_of[i]:
                pending[k] -= 1
                mark_end[k] = max(mark_end[k], end)
            for j, strict in [*((j, True) for j in strict_s[i]), *((j, False) for j in loose_s[i])]:
                earliest[j] = max(earliest[j], end + 1 if strict else end - span[j] + 1)
                left[j] -= 1
                if left[j] == 0 and j not in last_items:
                    if earliest[j] <= t:
                        heapq.heappush(ready, key(j))  # may still start in this term (not after)
                    else:
                        heapq.heappush(waiting, (earliest[j], key(j)))
        for item in skipped:
            heapq.heappush(ready, item)
        if not ready and not waiting and placed < remaining:
            raise Infeasible("no-progress")  # guarded against by _check_sizes and _order
        if t > give_up:
            raise Infeasible("attestation-limit" if limited else "no-progress")
    late = [i for i in range(n) if (limit := ends_by[i]) is not None and term[i] + span[i] - 1 > limit]
    if late:
        raise Infeasible("deadline", late)  # the exact solver may still find a way (exact.py)
    ends = [term[i] + span[i] - 1 for i in range(n) if term[i]]
    terms = max([1, min_terms, *ends])
    if last_items:
        terms = _place_last(problem, term, terms, sorted(last_items))
    terms = _final_term(problem, terms, term)
    if limited and problem.over_limits(attestations_by_year(problem, term, terms)):
        raise Infeasible("attestation-limit")  # the last term's marks (pre-diploma practice) or its year's
    return Schedule(term, terms)


def _final_term(problem: Problem, terms: int, term: list[int]) -> int:
    """The last term must hold its items and the final attestation: else the final attestation (with the
    items fixed to the last term) moves on to the next term that holds them (terms differ in length)."""
    while Schedule(term, terms).load(problem)[-1] > problem.capacity(terms):
        terms += 1
        for i in problem.fixed_last:
            term[i] = terms
    return terms


def _place_last(problem: Problem, term: list[int], terms: int, last_items: list[int]) -> int:
    """Items fixed to the last term go after everything they follow, in the last term."""
    strict_preds = {i: [a for a, b in problem.before if b == i] for i in last_items}
    need = max(
        (term[a] + problem.span(a) for i in last_items for a in strict_preds[i] if term[a]),
        default=1,
    )
    terms = max(terms, need)
    for i in last_items:
        term[i] = terms
    return terms


def balance(problem: Problem, schedule: Schedule, rounds: int = 200) -> Schedule:
    """Even out the terms' loads without adding a term: move an item of one term from the heaviest term
    to the lightest term its requisites allow, while that lowers the heavier of the two (items over
    several terms stay where they are)."""
    if schedule.terms <= 1 or problem.size == 0:
        return schedule
    term = list(schedule.term)
    n = problem.size
    strict_p: list[list[int]] = [[] for _ in range(n)]
    strict_s: list[list[int]] = [[] for _ in range(n)]
    loose_p: list[list[int]] = [[] for _ in range(n)]
    loose_s: list[list[int]] = [[] for _ in range(n)]
    for a, b in problem.before:
        strict_p[b].append(a)
        strict_s[a].append(b)
    for a, b in problem.not_after:
        loose_p[b].append(a)
        loose_s[a].append(b)

    def end(i: int) -> int:
        return term[i] + problem.span(i) - 1

    for _ in range(rounds):
        load = Schedule(term, schedule.terms).load(problem)
        heavy = max(range(schedule.terms), key=lambda k: (load[k] / problem.capacity(k + 1), -k)) + 1
        moved = False
        candidates = sorted(
            (i for i in range(n) if term[i] == heavy and i not in problem.fixed_last and problem.span(i) == 1),
            key=lambda i: (-problem.hours[i], i),
        )
        for i in candidates:
            lo = max([end(p) + 1 for p in strict_p[i]] + [end(p) for p in loose_p[i]] + [1])
            hi = min([term[s] - 1 for s in strict_s[i]] + [end(s) for s in loose_s[i]] + [schedule.terms])
            if problem.deadline and problem.deadline[i]:
                hi = min(hi, problem.deadline[i])
            best = None
            for t in range(lo, hi + 1):
                if t == heavy:
                    continue
                after = load[t - 1] + problem.hours[i]
                if after > problem.capacity(t):
                    continue
                if problem.limited and problem.over_limits(
                    attestations_by_year(problem, [t if k == i else x for k, x in enumerate(term)], schedule.terms)
                ):
                    continue
                old_peak = max(load[heavy - 1] / problem.capacity(heavy), load[t - 1] / problem.capacity(t))
                new_peak = max(
                    (load[heavy - 1] - problem.hours[i]) / problem.capacity(heavy), after / problem.capacity(t)
                )
                if new_peak < old_peak - 1e-9 and (best is None or after / problem.capacity(t) < best[0]):
                    best = (after / problem.capacity(t), t)
            if best is not None:
                term[i] = best[1]
                moved = True
                break
        if not moved:
            break
    return Schedule(term, schedule.terms, schedule.notes)


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
    for k, load in enumerate(schedule.load(problem), start=1):
        if load > problem.capacity(k):
            errors.append(f"term {k} holds {load} h over {problem.capacity(k)}")
    for i in problem.fixed_last:
        if schedule.term[i] != schedule.terms:
            errors.append(f"{i} must be in the last term")
    for i, limit in enumerate(problem.deadline):
        if limit and schedule.end(problem, i) > limit:
            errors.append(f"{i} must end by term {limit}")
    for year, kind, count, limit in problem.over_limits(attestations_by_year(problem, schedule.term, schedule.terms)):
        errors.append(f"year {year} holds {count} {('exams', 'credits')[kind]} over {limit}")
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
    )
    return merged, mapping


def expand(schedule: Schedule, mapping: list[int]) -> Schedule:
    return Schedule([schedule.term[m] for m in mapping], schedule.terms, schedule.notes)
