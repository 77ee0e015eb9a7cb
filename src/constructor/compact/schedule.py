"""Placing items into terms: the problem, its lower bound, and critical-path list scheduling.

Domain-free on purpose: an item is an index with hours; `before` pairs must be in strictly earlier
terms, `not_after` pairs in the same or an earlier term; term t holds `capacity(t)` hours, and the
last term also holds the final attestation. The exact solver (`exact.py`) takes the same problem.
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Problem:
    hours: Sequence[int]  # of each item, counted against capacity
    before: Sequence[tuple[int, int]]  # (a, b): a in a strictly earlier term than b
    not_after: Sequence[tuple[int, int]]  # (a, b): a in the same term as b or earlier
    term_capacity: Sequence[int]  # of a year's terms, repeating: (612, 828) for 17 and 23 weeks × 36 h
    final_hours: int = 0  # in the last term
    fixed_last: frozenset[int] = frozenset()  # items that must be in the last term (pre-diploma practice)

    @property
    def size(self) -> int:
        return len(self.hours)

    def capacity(self, term: int) -> int:
        """Capacity of term `term` (from 1)."""
        return self.term_capacity[(term - 1) % len(self.term_capacity)]


@dataclass
class Schedule:
    term: list[int]  # of each item, from 1
    terms: int
    notes: list[str] = field(default_factory=list)

    def load(self, problem: Problem) -> list[int]:
        out = [0] * self.terms
        for i, t in enumerate(self.term):
            out[t - 1] += problem.hours[i]
        out[-1] += problem.final_hours
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
    """For each item: the fewest terms up to and including it (`head`), and the fewest terms from it to
    the end (`tail`). A `before` edge adds a term, a `not_after` edge does not."""
    order = _order(problem)
    n = problem.size
    preds: list[list[tuple[int, int]]] = [[] for _ in range(n)]
    succs: list[list[tuple[int, int]]] = [[] for _ in range(n)]
    for a, b in problem.before:
        preds[b].append((a, 1))
        succs[a].append((b, 1))
    for a, b in problem.not_after:
        preds[b].append((a, 0))
        succs[a].append((b, 0))
    head = [1] * n
    for i in order:
        for p, gap in preds[i]:
            head[i] = max(head[i], head[p] + gap)
    tail = [1] * n
    for i in reversed(order):
        for s, gap in succs[i]:
            tail[i] = max(tail[i], tail[s] + gap)
    return head, tail


def lower_bound(problem: Problem) -> tuple[int, str]:
    """max(the longest chain in terms, the fewest terms whose capacity holds every hour)."""
    _check_final(problem)
    if problem.size == 0:
        terms = 1
        while problem.final_hours > problem.capacity(terms):
            terms += 1
        return terms, "hours"
    head, _ = chain_lengths(problem)
    chain = max(head)
    need = sum(problem.hours) + problem.final_hours
    terms, room = 0, 0
    while room < need:
        terms += 1
        room += problem.capacity(terms)
    # the final attestation shares the last term: the last term must also hold it
    while problem.final_hours > problem.capacity(terms):
        terms += 1
    return (chain, "chain") if chain >= terms else (terms, "hours")


def _check_final(problem: Problem) -> None:
    """The last term holds the final attestation and the items fixed to it: some term must hold them all
    (without this the search for such a term would never end)."""
    last = problem.final_hours + sum(problem.hours[i] for i in problem.fixed_last)
    if last > max(problem.term_capacity):
        raise Infeasible("final-too-large")


def _check_sizes(problem: Problem) -> None:
    largest = max(problem.term_capacity)
    too_big = [i for i, h in enumerate(problem.hours) if h > largest]
    if too_big:
        raise Infeasible("item-too-large", too_big)
    _check_final(problem)


def list_schedule(problem: Problem, *, balanced: bool = True) -> Schedule:
    """Critical-path list scheduling: fill term after term, most urgent first.

    Urgency is the tail (terms still needed after the item), then hours. An item is ready in term t
    when everything `before` it is in an earlier term and everything `not_after` it is placed. Items
    fixed to the last term go there; the final attestation takes the last term, or a term of its own
    when it does not fit. O((items + requisites) · log items) before balancing.
    """
    _check_sizes(problem)
    n = problem.size
    if n == 0:
        return Schedule([], 1)
    head, tail = chain_lengths(problem)
    strict_s: list[list[int]] = [[] for _ in range(n)]
    loose_s: list[list[int]] = [[] for _ in range(n)]
    strict_left = [0] * n
    loose_left = [0] * n
    for a, b in problem.before:
        strict_s[a].append(b)
        strict_left[b] += 1
    for a, b in problem.not_after:
        loose_s[a].append(b)
        loose_left[b] += 1
    last_items = problem.fixed_last

    def key(i: int) -> tuple[int, int, int, int]:
        return (-tail[i], -problem.hours[i], head[i], i)

    heap = [key(i) for i in range(n) if strict_left[i] == 0 and loose_left[i] == 0 and i not in last_items]
    heapq.heapify(heap)
    term = [0] * n
    remaining = n - len(last_items)
    placed = 0
    t = 0
    while placed < remaining:
        t += 1
        room = problem.capacity(t)
        skipped = []
        done_now = []
        while heap:
            item = heapq.heappop(heap)
            i = item[3]
            if problem.hours[i] > room:
                skipped.append(item)
                continue
            term[i] = t
            room -= problem.hours[i]
            placed += 1
            done_now.append(i)
            for j in loose_s[i]:
                loose_left[j] -= 1
                if loose_left[j] == 0 and strict_left[j] == 0 and j not in last_items:
                    heapq.heappush(heap, key(j))
        for item in skipped:
            heapq.heappush(heap, item)
        for i in done_now:  # what they hold back may start next term
            for j in strict_s[i]:
                strict_left[j] -= 1
                if strict_left[j] == 0 and loose_left[j] == 0 and j not in last_items:
                    heapq.heappush(heap, key(j))
        if not done_now and not heap:
            raise Infeasible("no-progress")  # guarded against by _check_sizes and _order
    terms = max(t, 1)
    if last_items:
        terms = _place_last(problem, term, terms, sorted(last_items))
    while Schedule(term, terms).load(problem)[-1] > problem.capacity(terms):
        # the final attestation does not fit beside the last term's items: it goes on, with the items
        # fixed to the last term, to the next term that holds them (terms differ in length)
        terms += 1
        for i in last_items:
            term[i] = terms
    schedule = Schedule(term, terms)
    return balance(problem, schedule) if balanced else schedule


def _place_last(problem: Problem, term: list[int], terms: int, last_items: list[int]) -> int:
    """Items fixed to the last term go after everything they follow, in the last term."""
    strict_preds = {i: [a for a, b in problem.before if b == i] for i in last_items}
    need = max((term[a] + 1 for i in last_items for a in strict_preds[i] if term[a]), default=1)
    terms = max(terms, need)
    for i in last_items:
        term[i] = terms
    return terms


def balance(problem: Problem, schedule: Schedule, rounds: int = 200) -> Schedule:
    """Even out the terms' loads without adding a term: move an item from the heaviest term to the
    lightest term its requisites allow, while that lowers the heavier of the two."""
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
    for _ in range(rounds):
        load = Schedule(term, schedule.terms).load(problem)
        heavy = max(range(schedule.terms), key=lambda k: (load[k] / problem.capacity(k + 1), -k)) + 1
        moved = False
        candidates = sorted(
            (i for i in range(n) if term[i] == heavy and i not in problem.fixed_last),
            key=lambda i: (-problem.hours[i], i),
        )
        for i in candidates:
            lo = max([term[p] + 1 for p in strict_p[i]] + [term[p] for p in loose_p[i]] + [1])
            hi = min([term[s] - 1 for s in strict_s[i]] + [term[s] for s in loose_s[i]] + [schedule.terms])
            best = None
            for t in range(lo, hi + 1):
                if t == heavy:
                    continue
                extra = problem.final_hours if t == schedule.terms else 0
                after = load[t - 1] - extra + problem.hours[i] + extra
                if after > problem.capacity(t):
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
    for a, b in problem.before:
        if not schedule.term[a] < schedule.term[b]:
            errors.append(f"{a} must come before {b}")
    for a, b in problem.not_after:
        if not schedule.term[a] <= schedule.term[b]:
            errors.append(f"{a} must not come after {b}")
    for k, load in enumerate(schedule.load(problem), start=1):
        if load > problem.capacity(k):
            errors.append(f"term {k} holds {load} h over {problem.capacity(k)}")
    for i in problem.fixed_last:
        if schedule.term[i] != schedule.terms:
            errors.append(f"{i} must be in the last term")
    if any(not 1 <= t <= schedule.terms for t in schedule.term):
        errors.append("a term out of range")
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
    return Problem(hours, before, not_after, problem.term_capacity, problem.final_hours, fixed), mapping


def expand(schedule: Schedule, mapping: list[int]) -> Schedule:
    return Schedule([schedule.term[m] for m in mapping], schedule.terms, schedule.notes)
