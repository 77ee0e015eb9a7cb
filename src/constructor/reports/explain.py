"""`constructor explain` as text: why a competency is in the program and what depends on it."""

from __future__ import annotations

from constructor.graph.cycles import show_path
from constructor.graph.explain import HOUR_KINDS, Explanation
from constructor.i18n import Lang, Words

WORDS = Words("explain.")  # the words are in the catalog: locale/*/LC_MESSAGES/constructor.po


def _list(codes: list[str], limit: int = 12) -> str:
    shown = ", ".join(codes[:limit])
    return shown + (f" … (+{len(codes) - limit})" if len(codes) > limit else "")


def render_text(e: Explanation, lang: Lang) -> str:
    w = WORDS[lang]
    where = [w[f"kind.{e.kind}"]]
    where += [x for x in (e.activity, e.module, e.course) if x]
    kinds = [f"{w[kind]} {e.hours[kind]}" for kind in HOUR_KINDS if e.hours.get(kind)]  # every kind there is
    hours = f"{e.hours['total']} {w['hours']}" + (f" ({', '.join(kinds)})" if kinds else "")
    lines = [f"{e.code} «{e.title}»", f"  {', '.join(where)}; {hours}", ""]
    if e.program is None:
        lines.append(str(w["no-program"]))
    else:
        lines.append(str(w["why"]).format(program=e.program))
        if not e.reasons:
            lines.append(str(w["not-in"]))
        for r in e.reasons:
            lines.append(str(w[r.kind]).format(via=r.via, path=show_path(r.chain) if r.chain else ""))
    lines.append("")
    if e.requires:
        lines.append(str(w["requires"]).format(codes=_list(e.requires), count=e.requires_all))
    else:
        lines.append(str(w["requires-none"]))
    if e.dependents_all:
        lines.append(
            str(w["dependents"]).format(
                codes=_list(e.dependents), count=len(e.dependents_all), modules=", ".join(e.modules_affected) or "—"
            )
        )
        lines.append(str(w["lost"]).format(codes=_list(e.lost_without)) if e.lost_without else str(w["lost-none"]))
    else:
        lines.append(str(w["dependents-none"]))
    return "\n".join(lines)
