"""The compacted plan as a short text: the verdict in one line, then term by term."""

from __future__ import annotations

from constructor import words
from constructor.compact.plan import Plan
from constructor.i18n import Lang

WORDS = {
    "ru": {
        "status": {"optimal": "оптимально", "feasible": "допустимо"},
        "partial": "для размещённых строк",
        "gap": "не больше чем на {gap} сем. от оптимума (нижняя граница {bound})",
        "bound": {
            "chain": "самая длинная цепочка пререквизитов",
            "hours": "часы при недельной нагрузке",
            "solver": "доказано решателем",
        },
        "head": "{program}: {baseline} → {duration} ({terms} сем.), {status}",
        "head-nobase": "{program}: {duration} ({terms} сем.), {status}",
        "proof": "нижняя граница {bound} сем. — {why}; метод: {method}",
        "method": {"exact": "точный расчёт", "heuristic": "приближённый расчёт (без доказательства)"},
        "saved": "сэкономлено: зачёт результатов {rec} ч, результаты один раз {shared} ч; "
        "семестров: {terms} (интенсивный график {packing}, сокращение часов {reduction})",
        "target-ok": "целевой срок {target} выполнен",
        "target-no": "целевой срок {target} НЕ выполнен",
        "recognized": "зачтено: {codes}",
        "table": "сем. | год | недель | ёмкость, ч | часы | что изучается",
        "final": "ГИА {hours} ч",
        "or": "варианты `or` выбраны эвристически (слишком много сочетаний для полного перебора)",
        "site": "площадка {code}: {terms}",
        "site-term": "сем. {term} — {hours} ч ({items})",
        "profession": "профессия «{title}»: достижима с семестра {term}",
        "profession-missing": "профессия «{title}»: программа не даёт {missing}",
        "graduates": "выпуск для предприятия «{enterprise}»: {seats} чел. в {year}-м учебном году",
    },
    "en": {
        "status": {"optimal": "optimal", "feasible": "feasible"},
        "partial": "for the rows placed",
        "gap": "at most {gap} terms from optimal (lower bound {bound})",
        "bound": {
            "chain": "the longest prerequisite chain",
            "hours": "the hours under the weekly limit",
            "solver": "proven by the solver",
        },
        "head": "{program}: {baseline} → {duration} ({terms} terms), {status}",
        "head-nobase": "{program}: {duration} ({terms} terms), {status}",
        "proof": "lower bound {bound} terms — {why}; method: {method}",
        "method": {"exact": "exact computation", "heuristic": "approximate computation (no proof)"},
        "saved": "saved: recognition {rec} h, outcomes taught once {shared} h; "
        "terms: {terms} (intensive schedule {packing}, fewer hours {reduction})",
        "target-ok": "target {target} met",
        "target-no": "target {target} NOT met",
        "recognized": "recognised: {codes}",
        "table": "term | year | weeks | capacity, h | hours | taught",
        "final": "final attestation {hours} h",
        "or": "`or` alternatives were chosen greedily (too many combinations to try them all)",
        "site": "site {code}: {terms}",
        "site-term": "term {term} — {hours} h ({items})",
        "profession": "profession «{title}»: attainable from term {term}",
        "profession-missing": "profession «{title}»: the program does not teach {missing}",
        "graduates": "graduates for {enterprise}: {seats} in study year {year}",
    },
}


def render_text(plan: Plan, lang: Lang) -> str:
    w = WORDS[lang]
    status_words: dict[str, str] = w["status"]  # type: ignore[assignment]
    status = status_words[plan.status]
    if plan.unscheduled:  # the verdict is of what is placed, and says so (C316 lists the rest)
        status += " " + str(w["partial"])
    if plan.status == "feasible":
        status += ", " + str(w["gap"]).format(gap=plan.gap, bound=plan.lower_bound)
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
    bound_words: dict[str, str] = w["bound"]  # type: ignore[assignment]
    method_words: dict[str, str] = w["method"]  # type: ignore[assignment]
    lines.append(
        "  "
        + str(w["proof"]).format(
            bound=plan.lower_bound, why=bound_words[plan.lower_bound_reason], method=method_words[plan.method]
        )
    )
    s = plan.savings
    lines.append(
        "  "
        + str(w["saved"]).format(
            rec=s.recognition_hours,
            shared=s.shared_outcomes_hours,
            terms=s.terms,
            packing=s.packing_terms,
            reduction=s.reduction_terms,
        )
    )
    if plan.target:
        target = words.duration(plan.target, lang)
        lines.append("  " + str(w["target-ok" if plan.meets_target else "target-no"]).format(target=target))
    if plan.recognized:
        lines.append("  " + str(w["recognized"]).format(codes=", ".join(plan.recognized)))
    if plan.heuristic_choices:
        lines.append("  " + str(w["or"]))
    for site in plan.sites:
        terms = "; ".join(
            str(w["site-term"]).format(term=t.term, hours=t.hours, items=", ".join(t.items)) for t in site.terms
        )
        lines.append("  " + str(w["site"]).format(code=site.code, terms=terms))
    for prof in plan.professions:
        key = "profession" if prof.term is not None else "profession-missing"
        lines.append("  " + str(w[key]).format(title=prof.title, term=prof.term, missing=", ".join(prof.missing)))
    for g in plan.graduates:
        lines.append("  " + str(w["graduates"]).format(enterprise=g.enterprise or g.bundle, seats=g.seats, year=g.year))
    lines.append("")
    lines.append(str(w["table"]))
    for term in plan.terms:
        taught = [i.code for i in plan.items if i.term == term.number and i.hours > 0]
        if term.final_attestation_hours:
            taught.append(str(w["final"]).format(hours=term.final_attestation_hours))
        lines.append(
            f"{term.number:>4} | {term.year:>3} | {term.weeks:>6} | {term.capacity_hours:>10} | "
            f"{term.hours:>5} | {', '.join(taught)}"
        )
    return "\n".join(lines)
