"""`constructor bundle` and `constructor cluster` as text: each bundle's evaluation, the comparison of
combinations, and the cluster's graduates by enterprise and year."""

from __future__ import annotations

from constructor import words
from constructor.compact.bundles import ClusterRow, Report
from constructor.i18n import Lang, Words

WORDS = Words("bundles.")  # the words are in the catalog: locale/*/LC_MESSAGES/constructor.po


def render_text(report: Report, lang: Lang) -> str:
    w = WORDS[lang]
    lines: list[str] = []
    for e in report.evaluations:
        head = w["bundle"].format(code=e.bundle, title=e.title)
        if e.enterprise:
            head += w["by"].format(enterprise=e.enterprise)
        lines.append(head + (w["taken"] if e.taken else w["candidate"]))
        lines.append(w["asks"])
        for r in e.requests:
            extra = f" ({', '.join(r.links)})" if r.links else ""
            lines.append(f"    {r.code} «{r.title}» — {w[r.kind]}{extra}{w['core'] if r.in_core else ''}")
        if e.pulls_in:
            lines.append(w["pulls"].format(codes=", ".join(f"{c} «{t}»" for c, t in e.pulls_in)))
        cap = w["cap"].format(cap=e.hours_max) if e.hours_max is not None else ""
        lines.append(w["hours"].format(hours=e.hours_added, cap=cap))
        key = "plain" if e.meets_target is None else ("stays" if e.meets_target else "pushes")
        lines.append(
            w[key].format(
                without=words.duration(e.duration_without, lang),
                with_=words.duration(e.duration_with, lang),
                target=words.duration(report.target, lang) if report.target else "",
                reason=e.reason or "",
            )
        )
        if e.seats:
            lines.append(w["seats"].format(seats=e.seats, year=e.graduation_year))
        if e.sites:
            lines.append(w["sites"].format(sites=", ".join(e.sites)))
        lines.append("")
    if report.alternatives:
        lines.append(w["compare"].format(target=words.duration(report.target, lang) if report.target else "—"))
        lines.append(w["head"])
        for a in report.alternatives:
            fit = "—" if a.meets_target is None else (w["fits"] if a.meets_target else w["no-fit"])
            lines.append(
                f"  {', '.join(a.bundles) or w['none']} | {a.hours} | {words.duration(a.duration, lang)} | {fit}"
            )
    return "\n".join(lines).rstrip()


def render_cluster(rows: list[ClusterRow], lang: Lang) -> str:
    lines = [WORDS[lang]["cluster-head"]]
    lines += [f"{r.enterprise} | {r.year} | {r.qualification or '—'} | {r.program} | {r.seats}" for r in rows]
    total = sum(r.seats for r in rows)
    lines.append(WORDS[lang]["total"] + f" | | | | {total}")
    return "\n".join(lines)
