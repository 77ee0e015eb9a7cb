"""The compaction report: the verdict in plain words (how long the plan is, and why it cannot be
shorter), where the hours went, the terms as bars and the rows by term with their reasons; the
solver's own words (bound, method) in a technical appendix at the end (issue 13: a methodologist reads
«оптимально, нижняя граница, метод: точный расчёт» as jargon)."""

from __future__ import annotations

from collections.abc import Mapping
from html import escape

from constructor import words
from constructor.compact.plan import Plan
from constructor.i18n import Lang, Words
from constructor.model import AnyDeclaration
from constructor.render import views
from constructor.render.codes import credited_codes, shown_code
from constructor.reports.plan_text import WORDS as TEXT_WORDS
from constructor.reports.plan_text import render_text, savings_rows

REPORT = Words("report.")


def report_context(plan: Plan, table: Mapping[str, AnyDeclaration], lang: Lang) -> dict[str, object]:
    """What report.html.j2 prints."""
    text = TEXT_WORDS[lang]
    words = views.DOC_WORDS[lang]
    heading = "report-as-written" if plan.status == "as_written" else "report" if plan.shortened else "report-built"
    return {
        "plan": plan,
        "heading": words[heading],
        "verdict": verdict(plan, lang),
        "technical": [line.strip() for line in render_text(plan, lang).splitlines()[:2]],
        "rows": _report_rows(plan, table, lang),
        "picture": _term_picture(plan),
        "savings": savings_rows(plan, text),
        "savings_title": text["savings"],
        # «выпуск для предприятия «…»: 25 чел. в 3-м учебном году», as `compact` says it
        "graduates": [
            text["graduates"].format(enterprise=g.enterprise or g.bundle, seats=g.seats, year=g.year)
            for g in plan.graduates
        ],
        "graph": _graph_picture(plan, words["term"]),
        # under «− зачёт результатов обучения»: for whom, and what (the review: «356 h of credit, of what?»)
        "credit_row": text["rec"],
        "credits": [
            text["credited"].format(reason=c.reason, codes=credited_codes(c.codes, table, plan.weekly_load, lang))
            for c in plan.credits
        ],
    }


def verdict(plan: Plan, lang: Lang) -> list[str]:
    """The plan's term and whether it could be shorter, as a methodologist says it: «Срок обучения по
    плану — 2 года 10 месяцев (6 семестров) вместо 3 лет 10 месяцев. Короче нельзя: …»."""
    w = REPORT[lang]
    terms = words.noun(len(plan.terms), "term", lang)
    if plan.baseline:
        baseline = words.duration(plan.baseline, lang)
        said = [w["verdict"].format(duration=words.duration(plan.duration, lang), terms=terms, baseline=baseline)]
    else:
        said = [w["verdict-nobase"].format(duration=words.duration(plan.duration, lang), terms=terms)]
    if plan.status == "optimal" and plan.lower_bound_reason is not None:
        said.append(w[f"shortest.{plan.lower_bound_reason}"].format(load=plan.weekly_load, bound=terms))
    elif plan.status == "feasible" and plan.gap:
        said.append(w["maybe-shorter"].format(gap=words.noun(plan.gap, "term", lang)))
    return said


def _term_picture(plan: Plan) -> str:
    """A bar per term (hours against capacity) as inline SVG: the term plan at a glance."""
    width, height, bar = 560, 150, 40
    gap = (width - 40) // max(len(plan.terms), 1)
    top = max((t.capacity_hours for t in plan.terms), default=1)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height + 30}" '
        f'viewBox="0 0 {width} {height + 30}" font-family="DejaVu Sans" font-size="9">'
    ]
    for k, term in enumerate(plan.terms):
        x = 30 + k * gap
        cap = round(height * term.capacity_hours / top)
        used = round(height * term.hours / top)
        parts.append(f'<rect x="{x}" y="{height - cap}" width="{bar}" height="{cap}" fill="#e8eef7" stroke="#9aa0a6"/>')
        parts.append(f'<rect x="{x}" y="{height - used}" width="{bar}" height="{used}" fill="#4a7bd0"/>')
        parts.append(f'<text x="{x + bar // 2}" y="{height + 12}" text-anchor="middle">{term.number}</text>')
        parts.append(f'<text x="{x + bar // 2}" y="{height + 24}" text-anchor="middle">{term.hours}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _graph_picture(plan: Plan, term_word: str) -> str:
    """The prerequisite graph as inline SVG, laid out by term: a column a term under its heading
    («Семестр 3»: a newcomer could not tell the columns' terms), a box a competency, a line from each
    prerequisite to what needs it. Drawn here, so it needs no Graphviz."""
    items = [i for i in plan.items if i.kind != "practice" and i.hours > 0]
    columns: dict[int, list[str]] = {}
    for item in items:
        columns.setdefault(item.term, []).append(item.code)
    box_w, box_h, gap_x, gap_y = 70, 16, 40, 6
    where: dict[str, tuple[int, int]] = {}
    for term, codes in sorted(columns.items()):
        for row, code in enumerate(codes):
            where[code] = (10 + (term - 1) * (box_w + gap_x), 24 + row * (box_h + gap_y))
    width = 20 + max((x for x, _ in where.values()), default=0) + box_w
    height = 20 + max((y for _, y in where.values()), default=0) + box_h
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="DejaVu Sans" font-size="7">'
    ]
    for item in items:
        x2, y2 = where[item.code]
        for req in (*item.requires, *item.coreq):
            if req in where:
                x1, y1 = where[req]
                dash = ' stroke-dasharray="3,2"' if req in item.coreq else ""
                parts.append(
                    f'<line x1="{x1 + box_w}" y1="{y1 + box_h // 2}" x2="{x2}" y2="{y2 + box_h // 2}" '
                    f'stroke="#9aa0a6"{dash}/>'
                )
    for term in sorted(columns):
        x = 10 + (term - 1) * (box_w + gap_x) + box_w // 2
        parts.append(f'<text x="{x}" y="14" text-anchor="middle" font-weight="bold">{escape(term_word)} {term}</text>')
    for code, (x, y) in where.items():
        parts.append(f'<rect x="{x}" y="{y}" width="{box_w}" height="{box_h}" rx="3" fill="#dcefdc" stroke="#5f6368"/>')
        parts.append(f'<text x="{x + box_w // 2}" y="{y + 11}" text-anchor="middle">{escape(shown_code(code))}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _report_rows(plan: Plan, table: Mapping[str, AnyDeclaration], lang: Lang) -> list[dict[str, object]]:
    w = REPORT[lang]
    rows = []
    for item in plan.items:
        if item.hours == 0 and item.kind != "practice":
            continue
        chain = " → ".join(shown_code(c) for c in item.why.chain)
        why = w[f"why.{item.why.reason}"].format(via=shown_code(item.why.via), chain=chain)
        when = w[f"when.{item.why.term_reason}"].format(binding=shown_code(item.why.binding or ""))
        title = views.title_of(item, table, lang)
        rows.append({"code": shown_code(item.code), "title": title, "term": item.term, "why": why, "when": when})
    return rows
