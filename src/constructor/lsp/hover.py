"""What hovering a code shows, in the reader's language: the declaration's title, kind, hours by kind,
what it requires, the modules that form it, its complexity; for a row of the plan its cycle, forms and
terms. The words are the message catalog's (`hover.*`); values are spelt as the language spells them."""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum

from constructor.graph.graph import CompetencyGraph
from constructor.graph.metrics import CyclicCurriculum, competency_metrics
from constructor.i18n import Lang, Words
from constructor.model import (
    HOURS_KINDS,
    AnyDeclaration,
    College,
    Competency,
    Course,
    Cycle,
    Discipline,
    Elective,
    HoursKind,
    Module,
    Practice,
    expr_refs,
)
from constructor.model.values import Hours
from constructor.resolve.references import thing
from constructor.syntax.values import spelt

HOVER = Words("hover.")


def _word(value: Enum, lang: Lang) -> str:
    """A value as the language spells it in `lang` (`профессиональная`, `экзамен`), read as words."""
    return spelt(value, lang).replace("_", " ")


def _thing(cls: type[AnyDeclaration], lang: Lang) -> str:
    """What a declaration is, as a label (`вид деятельности`, `activity`: the diagnostics' noun, no article)."""
    text = thing(cls).text(lang)
    return text.removeprefix("an ").removeprefix("a ")


def hover_text(decl: AnyDeclaration, table: Mapping[str, AnyDeclaration], graph: CompetencyGraph, lang: Lang) -> str:
    w = HOVER[lang]
    lines = [f"**{decl.code}** {decl.title.value if decl.title else ''}".rstrip(), ""]
    if isinstance(decl, Competency):
        kind = _word(decl.kind, lang) if not isinstance(decl, Discipline) else _thing(Discipline, lang)
        lines.append(f"*{kind}*" + (f" · {decl.activity.code}" if decl.activity else ""))
        lines.append(hours_line(decl.hours, lang))
        if isinstance(decl, Discipline):
            lines.extend(row_lines(decl, table, lang))
        if decl.requires is not None:
            lines.append(w["requires"].format(codes=", ".join(r.code for r in expr_refs(decl.requires))))
        if decl.corequires:
            lines.append(w["corequires"].format(codes=", ".join(r.code for r in decl.corequires)))
        modules = sorted(
            {
                m.code
                for m in table.values()
                if isinstance(m, Module)
                and any(r.code == decl.code for r in (*m.covers, *(x for c in m.courses for x in c.covers)))
            }
        )
        if modules:
            lines.append(w["modules"].format(codes=", ".join(modules)))
        try:
            metrics, _ = competency_metrics(graph)
            row = metrics.row(metrics.ids.index(decl.code))
            lines.append(
                w["complexity"].format(**{k: row[k] for k in ("complexity", "blocking", "delay", "centrality")})
            )
        except (CyclicCurriculum, ValueError):
            pass
    else:
        lines.append(f"*{_thing(type(decl), lang)}*")
        lines.extend(other_lines(decl, lang))
    return "\n\n".join(lines)


def hours_line(h: Hours, lang: Lang) -> str:
    w = HOVER[lang]
    kinds = ", ".join(f"{_word(HoursKind(k), lang)} {getattr(h, k)}" for k in HOURS_KINDS if getattr(h, k))
    return w["hours"].format(kinds=kinds or w["none"], total=h.total)


def row_lines(row: Discipline | Course, table: Mapping[str, AnyDeclaration], lang: Lang) -> list[str]:
    """What a row of the plan adds to its hover: cycle, attestation, terms, what it forms."""
    w = HOVER[lang]
    out = []
    if isinstance(row, Discipline):
        cycle = row.cycle.code if row.cycle else row.code.split(".", 1)[0]
        found = table.get(cycle)
        if isinstance(found, Cycle):
            out.append(w["cycle"].format(code=cycle, title=found.title.value if found.title else "").rstrip())
        if row.elective:
            out.append(w["alternative"].format(group=row.elective))
    if row.attestations:
        # the letters plans print (Э, ДЗ), in either language
        forms = ", ".join(a.form.value + (f" {w['each-term']}" if a.each else "") for a in row.attestations)
        out.append(w["attestation"].format(forms=forms))
    if row.terms:
        out.append(w["terms"].format(terms="; ".join(f"{t.term}: {t.hours.total} {w['h']}" for t in row.terms)))
    elif row.spread is not None:
        out.append(w["runs-over"].format(terms=row.spread.terms or w["every"]))
    if row.covers:
        out.append(w["forms"].format(codes=", ".join(r.code for r in row.covers)))
    return out


def other_lines(decl: AnyDeclaration, lang: Lang) -> list[str]:
    w = HOVER[lang]
    if isinstance(decl, Course):
        return [hours_line(decl.hours, lang), *row_lines(decl, {}, lang)]
    if isinstance(decl, Practice):
        amount = w["weeks"].format(n=decl.weeks) if decl.weeks is not None else f"{decl.hours} {w['h']}"
        module = w["of-module"].format(code=decl.module) if decl.module else ""
        return [f"{_word(decl.kind, lang)}, {amount}{module}"]
    if isinstance(decl, Cycle):
        parts = [_word(decl.role, lang) if decl.role else _thing(Cycle, lang)]
        if decl.min_hours is not None:
            parts.append(w["at-least"].format(hours=decl.min_hours))
        if decl.min_class_hours is not None:
            parts.append(w["at-least-classes"].format(hours=decl.min_class_hours))
        if decl.volume is not None:
            parts.append(f"{decl.volume} {w['h']}")
        return [", ".join(parts)]
    if isinstance(decl, Elective):
        chosen = decl.chosen
        return [
            w["one-of"].format(codes=", ".join(d.code for d in decl.alternatives)),
            w["counted"].format(code=chosen.code if chosen else "—"),
        ]
    if isinstance(decl, College):
        return [x for x in (decl.founder, w["rooms"].format(n=len(decl.rooms))) if x]
    return []
