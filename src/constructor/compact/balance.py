"""Evening out a schedule's terms without adding one: the list scheduler's last step (the exact solver
minimises the fullest term's share in its model instead, `exact.py`)."""

from __future__ import annotations

from constructor.compact.problem import Problem, Schedule, attestations_by_year


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

    closing = dict(problem.closing)
    closing_of: dict[int, list[int]] = {}
    for e, members in problem.closing:
        for m in members:
            closing_of.setdefault(m, []).append(e)

    def keeps_closing(i: int, t: int) -> bool:
        """Moving item i to term t leaves every closing item where the last of its members ends."""
        return all(max(t if m == i else end(m) for m in closing[e]) == term[e] for e in closing_of.get(i, []))

    for _ in range(rounds):
        load = Schedule(term, schedule.terms, background=schedule.background).load(problem)
        heavy = max(range(schedule.terms), key=lambda k: (load[k] / problem.capacity(k + 1), -k)) + 1
        moved = False
        candidates = sorted(
            (
                i
                for i in range(n)
                if term[i] == heavy and i not in problem.fixed_last and problem.span(i) == 1 and i not in closing
            ),
            key=lambda i: (-problem.hours[i], i),
        )
        for i in candidates:
            lo = max([end(p) + 1 for p in strict_p[i]] + [end(p) for p in loose_p[i]] + [1])
            hi = min([term[s] - 1 for s in strict_s[i]] + [end(s) for s in loose_s[i]] + [schedule.terms])
            if problem.deadline and problem.deadline[i]:
                hi = min(hi, problem.deadline[i])
            best = None
            for t in range(lo, hi + 1):
                if t == heavy or not keeps_closing(i, t):
                    continue
                after = load[t - 1] + problem.hours[i]
                if after > problem.capacity(t):
                    continue
                moved_term = [t if k == i else x for k, x in enumerate(term)]
                if problem.limited and problem.over_limits(attestations_by_year(problem, moved_term, schedule.terms)):
                    continue
                if problem.sites and problem.sites_over(moved_term):
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
    return Schedule(term, schedule.terms, schedule.notes, schedule.background)
