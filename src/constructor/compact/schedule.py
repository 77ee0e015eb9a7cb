"""Placing items into terms: the lower bound and critical-path list scheduling of a `Problem`
(`problem.py`), then evening out the terms' loads (`balance.py`)."""

from __future__ import annotations

import heapq
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from constructor.compact.background import fit_background
from constructor.compact.balance import balance
from constructor.compact.problem import (
    BACKGROUND_RANGE,
    CREDIT,
    EXAM,
    BackgroundMark,
    Infeasible,
    Mark,
    Problem,
    Schedule,
    SiteRule,
    attestations_by_year,
    expand,
    merge_same_term,
    spread_hours,
    valid,
)

__all__ = [
    "BACKGROUND_RANGE",
    "CREDIT",
    "EXAM",
    "MAX_EXTRA_TERMS",
    "BackgroundMark",
    "Infeasible",
    "Mark",
    "Problem",
    "Schedule",
    "SiteRule",
    "attestations_by_year",
    "balance",
    "chain_lengths",
    "expand",
    "latest_ends",
    "list_schedule",
    "lower_bound",
    "merge_same_term",
    "spread_hours",
    "try_list_schedule",
    "valid",
]


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
    for _, over in problem.site_misfits():  # before dividing by a site's capacity
        raise Infeasible("site", over)
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
    sites = max((site.least_terms for site in problem.sites), default=1)
    bounds = [(chain, "chain"), (terms, "hours"), (marks, "attestation"), (sites, "site")]
    return max(bounds, key=lambda b: b[0])


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
    misfit = problem.closing_misfit()
    if misfit is not None:
        raise Infeasible("item-too-large", misfit[0])
    _check_final(problem)
    for _, over in problem.site_misfits():
        raise Infeasible("site", over)


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
        found, reached = None, terms + 1
        # first with the even split of the rows through every term; when that needs more terms, with less
        # kept for them (down to the least each row may put on a term), their split then found for the
        # items' terms: as little uneven as the number of terms allows
        for level in RESERVE_LEVELS:
            try:
                schedule = _list(problem, terms, urgency, level)
            except Infeasible as e:
                if e.reason not in RETRY:
                    raise
                missed = e  # more terms leave more room in the early ones
                continue
            if schedule.terms != terms:
                reached = max(reached, schedule.terms)
                continue
            if level < 1:
                split = fit_background(problem, schedule.placed_load(problem))
                if split is None:
                    continue
                schedule = Schedule(schedule.term, terms, background=split)
            if not valid(problem, schedule):
                found = schedule
                break
        if found is not None:
            return balance(problem, found) if balanced else found
        terms = reached
    raise missed or Infeasible("no-progress")


MAX_EXTRA_TERMS = 200  # terms tried beyond the bound before background rows are said not to fit
# the share of their even split the list scheduler keeps for the rows through every term, pass by pass
# (never below their least, `Problem.background_bounds`)
RESERVE_LEVELS = (Fraction(1), Fraction(15, 16), Fraction(7, 8), Fraction(13, 16), Fraction(3, 4))
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


def _list(problem: Problem, min_terms: int, urgency: _Urgency, level: Fraction = Fraction(1)) -> Schedule:
    """One pass of the list scheduler; terms up to `min_terms` leave room for the background rows of a
    schedule of exactly that many terms (0: there are none): `level` of their even split, never less
    than the least each row may put on a term."""
    n = problem.size
    background = problem.background_by_term(min_terms)
    if level < 1:
        bounds = problem.background_bounds(min_terms)
        evens = problem.even_split(min_terms)
        background = [
            sum(
                max(b[t][0], even[t] * level.numerator // level.denominator)
                for b, even in zip(bounds, evens, strict=True)
            )
            for t in range(min_terms)
        ]
    if n == 0:
        term: list[int] = []
        return Schedule(term, _final_term(problem, max(1, min_terms), term, background))
    head, latest, ends_by = urgency.head, urgency.latest, urgency.ends_by
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
    # the partner sites' hours a term: each item's sites with the hours they host of it
    sites_of: list[list[tuple[int, int]]] = [[] for _ in range(n)]
    for s, site in enumerate(problem.sites):
        for i, hosted in site.items:
            sites_of[i].append((s, hosted))
    site_used: dict[tuple[int, int], int] = {}

    def site_need(i: int, t: int) -> dict[tuple[int, int], int]:
        """(site, term) → the hours item i started in term t puts on its sites."""
        out: dict[tuple[int, int], int] = {}
        for s, hosted in sites_of[i]:
            for k in range(span[i]):
                out[s, t + k] = out.get((s, t + k), 0) + problem.site_share(hosted, i, k)
        return out

    def sites_fit(need: dict[tuple[int, int], int]) -> bool:
        return all(site_used.get(slot, 0) + h <= problem.sites[slot[0]].capacity for slot, h in need.items())

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

    def within_limits(add: dict[tuple[int, int], int]) -> bool:
        """Whether these marks, by (year, kind), added to those placed keep every year's limit."""
        return not any(
            (limit := problem.year_limits[kind]) is not None and counts.get((year, kind), 0) + c > limit
            for (year, kind), c in add.items()
        )

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
        return (add, groups) if within_limits(add) else None

    # with yearly limits an item may wait a year or more; past this, nothing will ever fit
    give_up = min_terms + (n + 2) * (problem.terms_per_year + max(span, default=1))

    # closing items: each goes where the last of its members ends, placed with that member (its room is
    # made sure of before the member is placed)
    closing_of: list[list[int]] = [[] for _ in range(n)]
    closing_left: dict[int, int] = {}
    closing_end: dict[int, int] = {}
    for c, group in problem.closing:
        closing_left[c], closing_end[c] = len(set(group)), 0
        for g in set(group):
            closing_of[g].append(c)

    def completed(i: int, end: int) -> list[tuple[int, int]]:
        """The closing items that placing item i to end in `end` completes, each with its term: those
        it is the last member of, then those they are the last member of (a course's hours, then its
        module's exam)."""
        out: list[tuple[int, int]] = []
        # counted as if placed: a closing item whose members are item i *and* an item i completes (a
        # module's exam closing on a course and on that course's hours) is completed too, and needs room
        # (hypothesis found a term 1 h over its capacity when only direct completions were counted)
        left_now: dict[int, int] = {}
        end_now: dict[int, int] = {}
        frontier = [(i, end)]
        while frontier:
            x, x_end = frontier.pop()
            for e in closing_of[x]:
                left_now[e] = left_now.get(e, closing_left[e]) - 1
                end_now[e] = max(end_now.get(e, closing_end[e]), x_end)
                if left_now[e] == 0:
                    out.append((e, end_now[e]))
                    frontier.append((e, end_now[e]))
        return out

    def closes_fit(i: int, t: int, added: dict[tuple[int, int], int]) -> bool:
        """Whether the closing items that item i completes in start term t have room where they fall,
        and their marks (`added`: item i's own) keep the yearly limits."""
        end = t + span[i] - 1
        need: dict[int, int] = {}
        at_sites = site_need(i, t) if sites_of[i] else {}
        marks = dict(added)
        for e, where in completed(i, end):
            need[where] = need.get(where, 0) + problem.hours[e]
            for slot, h in site_need(e, where).items() if sites_of[e] else ():
                at_sites[slot] = at_sites.get(slot, 0) + h
            for k in marks_of[e]:
                key = (problem.year(where), problem.marks[k].kind)
                marks[key] = marks.get(key, 0) + 1
        if any(room(w) - (problem.share(i, w - t) if t <= w <= end else 0) < h for w, h in need.items()):
            return False
        if at_sites and not sites_fit(at_sites):
            return False
        return not limited or within_limits(marks)

    term = [0] * n
    remaining = n - len(last_items)
    placed = 0
    t = 0
    ready: list[tuple[int, int, int, int]] = []

    def put(i: int, at: int, added: tuple[dict[tuple[int, int], int], set[tuple[int, int]]]) -> None:
        """Place item i in start term `at` and release what waited for it (its closing items at once)."""
        nonlocal placed
        term[i] = at
        for k in range(span[i]):
            used[at + k] = used.get(at + k, 0) + problem.share(i, k)
        for slot, h in site_need(i, at).items() if sites_of[i] else ():
            site_used[slot] = site_used.get(slot, 0) + h
        placed += 1
        end = at + span[i] - 1
        for year_kind, c in added[0].items():
            counts[year_kind] = counts.get(year_kind, 0) + c
        group_terms.update(added[1])
        for k in marks_of[i]:
            pending[k] -= 1
            mark_end[k] = max(mark_end[k], end)
        for e in closing_of[i]:
            closing_left[e] -= 1
            closing_end[e] = max(closing_end[e], end)
        for j, strict in [*((j, True) for j in strict_s[i]), *((j, False) for j in loose_s[i])]:
            earliest[j] = max(earliest[j], end + 1 if strict else end - span[j] + 1)
            left[j] -= 1
            if left[j] == 0 and j in closing_left:  # its room and marks were made sure of (closes_fit)
                put(j, closing_end[j], marks_added(j, closing_end[j]) or ({}, set()))
            elif left[j] == 0 and j not in last_items:
                if earliest[j] <= t:
                    heapq.heappush(ready, key(j))  # may still start in this term (not after)
                else:
                    heapq.heappush(waiting, (earliest[j], key(j)))

    while placed < remaining:
        t += 1
        while waiting and waiting[0][0] <= t:
            heapq.heappush(ready, heapq.heappop(waiting)[1])
        skipped = []
        while ready:
            item = heapq.heappop(ready)
            i = item[3]
            if any(problem.share(i, k) > room(t + k) for k in range(span[i])) or (
                sites_of[i] and not sites_fit(site_need(i, t))
            ):
                skipped.append(item)
                continue
            added = marks_added(i, t)
            if added is None or not closes_fit(i, t, added[0]):
                skipped.append(item)
                continue
            put(i, t, added)
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
    terms = _final_term(problem, terms, term, background)
    if limited and problem.over_limits(attestations_by_year(problem, term, terms)):
        raise Infeasible("attestation-limit")  # the last term's marks (pre-diploma practice) or its year's
    return Schedule(term, terms)


def _final_term(problem: Problem, terms: int, term: list[int], background: Sequence[int]) -> int:
    """The last term must hold its items, the final attestation and the background hours kept for it:
    else the final attestation (with the items fixed to the last term) moves on to the next term that
    holds them (terms differ in length)."""

    def last_load() -> int:
        kept = [[*background[:terms], *[0] * (terms - len(background))]]
        return Schedule(term, terms, background=kept).load(problem)[-1]

    def sites_over() -> bool:  # the items fixed to the last term alone fit their sites (_check_sizes)
        return bool(problem.fixed_last) and any(t == terms for _, t, _ in problem.sites_over(term))

    while last_load() > problem.capacity(terms) or sites_over():
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
