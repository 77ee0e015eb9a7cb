"""The rows of a whole program as things to place, besides competencies and module practices: the
program's disciplines (general education, СГ/ОГСЭ, ЕН, ОП, the chosen electives) with the terms they
run over, each module's exam, and the practices outside modules (ПДП).

A discipline written over several terms (`terms 3`, or `term N { … }` blocks) is one item over that
many consecutive terms, its hours per term as written (or even); one that runs through every term
(`terms all`) is a background row over every term of the plan (from three quarters to five quarters of its
even share by the terms' capacities in each: `Problem.background_bounds`). Hours by kind are
split by term so that every term's kinds add up to its hours (`split_by_term`).
"""

from __future__ import annotations

from collections.abc import Sequence

from constructor.compact.plan import Item
from constructor.compact.schedule import spread_hours
from constructor.model import Discipline, Hours, HoursKind

KINDS = [k.value for k in HoursKind]


def term_weights(discipline: Discipline) -> tuple[list[int], bool]:
    """How a discipline's hours fall over its terms: weights of each term of its span (empty: one
    term), and whether it runs through every term instead."""
    if discipline.spread is not None and discipline.spread.terms is None:
        return [], True
    blocks = sorted(discipline.terms, key=lambda b: b.term)
    if len(blocks) > 1:
        written = [b.hours.total for b in blocks]
        return (written if all(written) else [1] * len(blocks)), False
    if discipline.spread is not None and discipline.spread.terms and discipline.spread.terms > 1:
        return [1] * discipline.spread.terms, False
    return [], False


def shares_of(total: int, weights: Sequence[int]) -> list[int]:
    """Hours in each term of a row over several terms (empty for a row of one term)."""
    if len(weights) <= 1:
        return []
    return spread_hours(total, weights)


# Held before and at a row's exam, at its end: a row over terms 1–2 with its exam in term 2 has its
# consultations and its attestation hours in term 2 (split in proportion, term 1 had some of both).
END_KINDS = ("consultations", "attestation")


def split_by_term(hours: Hours, totals: Sequence[int]) -> list[Hours]:
    """A row's hours by kind, term by term, so that term k holds exactly `totals[k]` hours and every
    kind adds up to the row's: consultations and attestation in the last terms (`END_KINDS`), each other
    kind following the cumulative share of the terms (rounded), the largest kind taking what rounding
    leaves; kinds one after another when that would go negative."""
    amounts = {k: getattr(hours, k) for k in KINDS}
    if sum(totals) != sum(amounts.values()):
        raise ValueError("term totals must add up to the row's hours")
    if len(totals) <= 1:
        return [hours] if totals else []
    room = list(totals)
    end = [dict.fromkeys(KINDS, 0) for _ in totals]
    for k in END_KINDS:
        left, amounts[k] = amounts[k], 0
        for t in reversed(range(len(room))):
            take = min(left, room[t])
            end[t][k], room[t], left = take, room[t] - take, left - take
    rest = _proportional(amounts, room)
    return [Hours(**{k: a[k] + b[k] for k in KINDS}) for a, b in zip(rest, end, strict=True)]


def _proportional(amounts: dict[str, int], totals: Sequence[int]) -> list[dict[str, int]]:
    total = sum(amounts.values())
    largest = max(KINDS, key=lambda k: (amounts[k], -KINDS.index(k)))
    out: list[dict[str, int]] = [dict.fromkeys(KINDS, 0) for _ in totals]
    done = 0
    previous = dict.fromkeys(KINDS, 0)
    for t, size in enumerate(totals):
        done += size
        placed = 0
        for k in KINDS:
            if k == largest:
                continue
            upto = (amounts[k] * done + total // 2) // total if total else 0
            out[t][k] = upto - previous[k]
            previous[k] = upto
            placed += out[t][k]
        out[t][largest] = size - placed
        previous[largest] += out[t][largest]
    if any(v < 0 for term in out for v in term.values()):
        return _in_sequence(amounts, totals)
    return out


def _in_sequence(amounts: dict[str, int], totals: Sequence[int]) -> list[dict[str, int]]:
    """Kinds laid one after another and cut at the terms' totals (the fallback that never goes negative)."""
    left = dict(amounts)
    out = []
    for size in totals:
        term = dict.fromkeys(KINDS, 0)
        need = size
        for k in KINDS:
            take = min(need, left[k])
            term[k] += take
            left[k] -= take
            need -= take
        out.append(term)
    return out


def item_term_hours(item: Item) -> dict[int, Hours]:
    """A placed item's hours by kind in each of its terms, split as compaction splits a row's (the plan
    JSON keeps its hours by kind and its hours by term, not both at once)."""
    k = item.hours_by_kind
    hours = Hours(**{name: getattr(k, name) for name in Hours.model_fields})
    terms = sorted(item.hours_by_term)
    return dict(zip(terms, split_by_term(hours, [item.hours_by_term[t] for t in terms]), strict=True))
