"""The compacted plan as a short text: the verdict in one line, then term by term."""

from __future__ import annotations

from collections.abc import Mapping

from constructor import words
from constructor.compact.plan import Item, Plan
from constructor.i18n import Lang, Words
from constructor.model.codes import code_key

WORDS = Words("text.")  # the words are in the catalog: locale/*/LC_MESSAGES/constructor.po


def _or_dash(value: int | None) -> str:
    return "—" if value is None else str(value)


def render_text(plan: Plan, lang: Lang) -> str:
    w = WORDS[lang]
    status = w[f"status.{plan.status}"]
    if plan.status == "feasible" and plan.gap is not None:
        status += ", " + str(w["gap"]).format(gap=words.noun(plan.gap, "term", lang), bound=plan.lower_bound)
    key = "head" if plan.baseline else "head-nobase"
    lines = [
        str(w[key]).format(
            program=plan.program,
            baseline=words.duration(plan.baseline or "", lang),
            duration=words.duration(plan.duration, lang),
            terms=len(plan.terms),
            status=status,
        )
    ]
    if plan.lower_bound is None:  # as written: nothing scheduled, nothing claimed
        lines.append("  " + str(w["proof.as_written"]))
    else:
        lines.append(
            "  "
            + str(w["proof"]).format(
                bound=plan.lower_bound, why=w[f"bound.{plan.lower_bound_reason}"], method=w[f"method.{plan.method}"]
            )
        )
    s = plan.savings
    if plan.baseline and plan.status != "as_written":
        lines.append(
            "  "
            # the split only when it says something true: the full content in no more terms than the baseline
            + str(w["saved" if s.packing_terms >= 0 and s.reduction_terms >= 0 else "saved-plain"]).format(
                base=len(plan.terms) + s.terms,
                terms=len(plan.terms),
                packing=s.packing_terms,
                reduction=s.reduction_terms,
            )
        )
    if plan.target:
        target = words.duration(plan.target, lang)
        lines.append("  " + str(w["target-ok" if plan.meets_target else "target-no"]).format(target=target))
    if plan.attestations and any(y.max_exams is not None or y.max_credits is not None for y in plan.attestations):
        years = ", ".join(str(w["attestations-year"]).format(**y.model_dump()) for y in plan.attestations)
        first = plan.attestations[0]
        limits = str(w["attestations-pair"]).format(
            exams=_or_dash(first.max_exams), credits=_or_dash(first.max_credits)
        )
        lines.append("  " + str(w["attestations"]).format(years=years, limits=limits))
    for credit in plan.credits:  # for whom: a bare «зачтено: ПКс-5.1» left a newcomer asking why
        lines.append("  " + str(w["credited"]).format(reason=credit.reason, codes=", ".join(credit.codes)))
    if plan.recognized and not plan.credits:  # a plan JSON from before credits had their reasons
        lines.append("  " + str(w["recognized"]).format(codes=", ".join(plan.recognized)))
    if plan.heuristic_choices:
        lines.append("  " + str(w["or"]))
    for site in plan.sites:
        terms = "; ".join(
            str(w["site-term"]).format(term=t.term, hours=t.hours, items=", ".join(t.items)) for t in site.terms
        )
        lines.append("  " + str(w["site"]).format(code=site.code, title=site.title, terms=terms))
    for prof in plan.professions:
        key = "profession" if prof.term is not None else "profession-missing"
        lines.append("  " + str(w[key]).format(title=prof.title, term=prof.term, missing=", ".join(prof.missing)))
    for g in plan.graduates:
        lines.append("  " + str(w["graduates"]).format(enterprise=g.enterprise or g.bundle, seats=g.seats, year=g.year))
    savings = _savings(plan, w)
    if savings:
        lines += ["", *savings]
    if plan.cycles:
        cycles: list[list[object]] = [
            [c.id, c.hours, c.scheduled_hours, c.title]
            for c in plan.cycles
            if c.hours or c.scheduled_hours  # a cycle of another base (ОО for 11-grade entrants) is left out
        ]
        lines += ["", *_aligned(str(w["cycles"]), cycles)]
    term_rows: list[list[object]] = []
    order = {c.id: k for k, c in enumerate(plan.cycles)}
    for term in plan.terms:
        taught = _rows_of([i for i in plan.items if term.number in i.hours_by_term and i.hours > 0], order)
        if term.final_attestation_hours:
            taught.append(str(w["final"]).format(hours=term.final_attestation_hours))
        free = term.capacity_hours - term.hours
        term_rows.append([term.number, term.year, term.weeks, term.capacity_hours, term.hours, free, ", ".join(taught)])
    lines += ["", *_aligned(str(w["table"]), term_rows)]
    return "\n".join(lines)


def _aligned(header: str, rows: list[list[object]]) -> list[str]:
    """A table as text: each column as wide as its heading or its widest value, in any language (the
    English headings are longer than the Russian ones the widths were once fixed to); numbers to the
    right, text to the left, the last column as it is."""
    heads = header.split(" | ")
    numeric = [all(isinstance(r[k], int) for r in rows) for k in range(len(heads))]
    widths = [max([len(h), *(len(str(r[k])) for r in rows)]) for k, h in enumerate(heads)]

    def line(cells: list[str], head: bool) -> str:
        out = [
            c.rjust(widths[k]) if numeric[k] and not head else c.ljust(widths[k]) if k < len(cells) - 1 else c
            for k, c in enumerate(cells)
        ]
        return " | ".join(out).rstrip()

    return [line(heads, True), *(line([str(c) for c in r], False) for r in rows)]


def _rows_of(items: list[Item], cycle_order: Mapping[str, int]) -> list[str]:
    """What a term teaches as the plan table's rows: a МДК with the competencies it teaches there
    («МДК.01.01 (ПК-1.1, ПК-1.2)»; a newcomer looked for the МДК and found competencies), the rest
    by their codes; in the plan table's order — by cycle, then by code (a newcomer found the
    schedule's order no order at all)."""
    groups: dict[str, list[str]] = {}
    rank: dict[str, tuple[int, int]] = {}  # its cycle, then МДК and disciplines, practices, module exams
    for item in items:
        key = item.course or item.code
        kind = 2 if item.kind == "exam" else 1 if item.kind == "practice" and item.module else 0
        rank.setdefault(key, (cycle_order.get(item.cycle or "", len(cycle_order)), kind))
        members = groups.setdefault(key, [])
        if item.code != key:
            members.append(item.code)
    keys = sorted(groups, key=lambda k: (*rank[k], not k.startswith("УП"), code_key(k)))
    return [f"{k} ({', '.join(sorted(groups[k], key=code_key))})" if groups[k] else k for k in keys]


def _savings(plan: Plan, w: Mapping[str, object]) -> list[str]:
    """The savings table as text lines under its heading."""
    shown = savings_rows(plan, w)
    if not shown:
        return []
    width = max(len(label) for label, _ in shown)
    return [str(w["savings"]), *(f"  {label:<{width}} {hours:>6}" for label, hours in shown)]


def savings_rows(plan: Plan, w: Mapping[str, object]) -> list[tuple[str, int]]:
    """The hours from the full program to the plan, a row per reduction; they add up. Empty when
    nothing was reduced (the full program is the plan). The text and the report both print these."""
    s = plan.savings
    rows = [
        ("full", s.full_hours),
        ("rec", s.recognition_hours),
        ("integration", s.integration_hours),
        ("practice", s.practice_hours),
        ("shared", s.shared_outcomes_hours),
        ("planned", plan.total_hours),
    ]
    if all(hours == 0 for key, hours in rows[1:-1]):
        return []  # nothing was reduced: the full program is the plan
    return [(str(w[key]), hours) for key, hours in rows if hours or key in ("full", "planned")]
