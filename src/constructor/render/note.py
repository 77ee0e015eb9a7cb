"""The explanatory note (пояснительная записка) and the list of rooms that end a plan, as real plans end.

Every sentence is made of the plan's own numbers and the declarations: the standard and its order,
the calendar, the limits of exams and credits and the counts the schedule kept, general education run
alongside the professional content, the employers' bundles, the partner sites, practical training,
where the shortening came from (the savings table of `compact`), the final attestation's parts.
Nothing is said that the plan does not show; a section without data is left out.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from constructor.compact.plan import Item, Plan
from constructor.compact.variable import share_items, variable_share
from constructor.graph.variable import rule_broken
from constructor.i18n import Lang, Words, show
from constructor.model import AnyDeclaration, Bundle, College, Cycle, CycleRole, Module, Program, Standard
from constructor.model.codes import code_key
from constructor.model.values import RoomKind, Track
from constructor.render.codes import credited_codes, shown_code
from constructor.render.plan_table import Row
from constructor.render.schedule import attestation_weeks_of
from constructor.reports.plan_text import WORDS as COMPACT_WORDS
from constructor.reports.plan_text import savings_rows
from constructor.words import count, duration, noun

WORDS = Words("note.")  # the words are in the catalog: locale/*/LC_MESSAGES/constructor.po


@dataclass
class NoteDoc:
    title: str = ""
    rooms_title: str = ""
    sections: list[tuple[str, list[str]]] = field(default_factory=list)
    rooms: list[tuple[str, list[str]]] = field(default_factory=list)  # kind → titles


def note(
    plan: Plan,
    table: Mapping[str, AnyDeclaration],
    lang: Lang,
    totals: Row,
    rows: Sequence[Row],
    part_titles: Mapping[str, str],
) -> NoteDoc:
    """The note of `plan`; `totals` and `rows` are the plan table's (its totals and its rows),
    `part_titles` the final attestation's parts as the table names them."""
    w = WORDS[lang]
    program = table.get(plan.program)
    std = table.get(plan.standard or "")
    doc = NoteDoc(w["note"], w["rooms"])
    if not isinstance(program, Program):
        return doc
    std = std if isinstance(std, Standard) else None
    specialty = order = ""
    if std is not None and std.specialty is not None:
        title = f" «{std.specialty_title.value}»" if std.specialty_title else ""
        specialty = WORDS[lang]["specialty"] + std.specialty.code + title
    if std is not None and std.order is not None:
        order = f" ({std.order.value})"
    basis = w["basis"].format(program=plan.program, title=plan.program_title, specialty=specialty, order=order)
    if plan.track == "professionalitet":
        basis += w["track"]
    doc.sections.append((w["s.basis"], [basis]))
    doc.sections.append((w["s.process"], _process(plan, program, table, lang)))
    doc.sections.append((w["s.attestation"], _attestation(plan, program, lang, rows)))
    general = _general(plan, table, lang)
    if general:
        doc.sections.append((w["s.general"], general))
    variable = _variable(plan, program, std, table, lang)
    if variable:
        doc.sections.append((w["s.variable"], variable))
    doc.sections.append((w["s.network" if plan.sites else "s.practice"], _network(plan, program, std, lang, totals)))
    shortening = _shortening(plan, lang) + _recognized(plan, table, lang)
    if shortening:  # a plan in its normative term is not «shortened»: the section says the term
        doc.sections.append((w["s.shortening" if plan.shortened else "s.term"], shortening))
    doc.sections.append((w["s.final"], [_final(plan, lang, part_titles)]))
    kept = [(h, [p for p in ps if p]) for h, ps in doc.sections if any(ps)]
    doc.sections = [(f"{n}. {h}", ps) for n, (h, ps) in enumerate(kept, 1)]  # numbered as they stand
    doc.rooms = _rooms(program, table, lang)
    return doc


def _terms(plan: Plan, attestation: Mapping[int, int], lang: Lang) -> str:
    """The terms' weeks and their weeks of intermediate attestation, as the calendar draws them: a
    term's hours are its weeks × the weekly load, attestation hours among them; the ПА weeks come on
    top, as the budget of time counts them (the review read them as counted twice)."""
    w = WORDS[lang]
    weeks = {t.number: count(t.weeks, "week", lang) for t in plan.terms}
    same = {attestation.get(t.number, 0) for t in plan.terms}
    if len(same) == 1:  # one clause for all: «в каждом семестре — 1 неделя промежуточной аттестации»
        listed = "; ".join(w["term"].format(n=n, weeks=v) for n, v in weeks.items())
        each = same.pop()
        return w["terms"].format(list=listed) + (
            " " + w["terms-attestation"].format(weeks=count(each, "week", lang)) if each else ""
        )
    listed = "; ".join(
        w["term-attestation"].format(n=n, weeks=v, attestation=count(attestation[n], "week", lang))
        if attestation.get(n)
        else w["term"].format(n=n, weeks=v)
        for n, v in weeks.items()
    )
    return w["terms"].format(list=listed)


def _process(plan: Plan, program: Program, table: Mapping[str, AnyDeclaration], lang: Lang) -> list[str]:
    w = WORDS[lang]
    out = [w["as-written"]] if plan.status == "as_written" else []  # said first: nothing was planned
    out += [
        w["volume"].format(
            hours=plan.total_hours, duration=duration(plan.duration, lang), terms=noun(len(plan.terms), "term", lang)
        ),
        w["load"].format(load=plan.weekly_load),
        _terms(plan, attestation_weeks_of(plan, table), lang),
    ]
    if program.holidays:
        total = sum(program.holidays.values())
        winter = program.holidays.get("winter", 0)
        out.append(w["holidays"].format(weeks=count(total, "week", lang), winter=count(winter, "week", lang)))
        # the calendar gives the final year its winter holidays only (render/schedule.py): said, so the
        # yearly figure is not read as the final year's
        last_year = [t for t in plan.terms if t.year == plan.terms[-1].year] if plan.terms else []
        last = winter if len(last_year) > 1 else 0
        if plan.terms and last != total:
            # «каникулы — 0 недель» read oddly (a newcomer): a last year of one term has none
            said = w["holidays-last"].format(weeks=count(last, "week", lang)) if last else w["holidays-last-none"]
            out[-1] += " " + said
    for prof in plan.professions:  # the worker profession a student can be qualified in during the program
        if prof.term is not None:
            out.append(w["profession"].format(code=prof.code, title=prof.title, term=prof.term))
            if prof.credited:  # «всё, что для неё нужно» holds with what the entrants bring
                codes = ", ".join(map(shown_code, prof.credited))
                out[-1] += " " + w["profession-credited"].format(codes=codes, section=w["s.shortening"])
    return out


def _attestation(plan: Plan, program: Program, lang: Lang, rows: Sequence[Row]) -> list[str]:
    w = WORDS[lang]
    out = []
    first = plan.attestations[0] if plan.attestations else None
    if first is not None and first.max_exams is not None and first.max_credits is not None:
        out.append(w["limits"].format(exams=first.max_exams, credits=first.max_credits))
    if plan.attestations:
        keys = {(True, True): "year", (False, True): "year-no-exams", (True, False): "year-no-credits"}
        years = [  # «экзаменов нет», not «0 экзаменов»
            w[keys.get((y.exams > 0, y.credits > 0), "year-none")].format(
                n=y.year, exams=noun(y.exams, "exam", lang), credits=noun(y.credits, "credit", lang)
            )
            for y in plan.attestations
        ]
        out.append(w["by-year"].format(list="; ".join(years)))
    if any(i.kind == "exam" for i in plan.items):
        out.append(w["module-exam"])
    apart: list[str] = []
    by_code = {r.code: r for r in rows}
    # a complex form only where the plan puts its rows' forms together
    for groups, forms, key in (
        (program.complex_exams, ("Э", "Эк"), "complex"),
        (program.complex_credits, ("З", "ДЗ"), "complex-credit"),
    ):
        together: list[tuple[int, str]] = []
        for group in groups:
            codes = " + ".join(r.code for r in group)
            terms = sorted({t for r in group if r.code in by_code for t in _form_terms(by_code[r.code], forms)})
            if len(terms) == 1:
                together.append((terms[0], w["complex-term"].format(list=codes, term=terms[0])))
            else:
                apart.append(w[f"{key}-apart"].format(list=codes, terms=", ".join(map(str, terms))))
        if together:  # term by term, as the plan reads (the groups in the order written within a term)
            out.append(w[key].format(list="; ".join(text for _, text in sorted(together, key=lambda g: g[0]))))
    return out + apart


def _form_terms(row: Row, forms: tuple[str, ...]) -> list[int]:
    """The terms of a row's forms (exams or credits) as the plan table shows them (a course's form where
    its last competency ends); a row without one, its last term with hours."""
    found = sorted({t for form in forms for t in row.forms.get(form, [])})
    return found or [k + 1 for k, hours in enumerate(row.by_term) if hours][-1:]


def _general(plan: Plan, table: Mapping[str, AnyDeclaration], lang: Lang) -> list[str]:
    if plan.base != "9":
        return []
    cycles = {c.id for c in plan.cycles if _role(table, c.id) is CycleRole.GENERAL_EDUCATION}
    items = [i for i in plan.items if i.cycle in cycles]
    if not items:
        return []
    last = max(i.last_term for i in items)
    year = next(t.year for t in plan.terms if t.number == last)
    hours = sum(i.hours_by_kind.total for i in items)
    return [WORDS[lang]["general"].format(hours=hours, year=year)]


def _role(table: Mapping[str, AnyDeclaration], code: str) -> CycleRole | None:
    decl = table.get(code)
    return decl.role if isinstance(decl, Cycle) else None


def _variable(
    plan: Plan,
    program: Program,
    std: Standard | None,
    table: Mapping[str, AnyDeclaration],
    lang: Lang,
) -> list[str]:
    w = WORDS[lang]
    out = []
    variable, base = variable_share(plan, std, table) if std is not None else (0, 0)
    if variable and base:  # the plan table's «Вар. часть» of the same cycles: the items add up to it
        out.append(w["variable"].format(hours=variable, share=round(100 * variable / base)))
        broken = rule_broken(std, 100 * variable / base)
        if broken is not None:  # the plan says so itself, as `compact` does (C306, C332)
            out[-1] += " " + w["variable-off"].format(rule=show(broken[1], lang))
        spent = _variable_spent(share_items(plan, std, table) if std is not None else [], table, lang)
        if spent:
            out.append(spent)
    for ref in program.bundles:
        bundle = table.get(ref.code)
        if not isinstance(bundle, Bundle):
            continue
        items = [i for i in plan.items if i.why.reason == "bundle" and i.why.via == bundle.code]
        if not items:
            continue
        title = bundle.title.value if bundle.title else bundle.code
        codes = ", ".join(shown_code(i.code) for i in items)
        hours = sum(i.hours_by_kind.total for i in items)
        if bundle.enterprise:
            line = w["bundle"].format(title=title, enterprise=bundle.enterprise.value, codes=codes, hours=hours)
        else:
            line = w["bundle-plain"].format(title=title, codes=codes, hours=hours)
        out.append(line)
    return out


def _variable_spent(items: Sequence[Item], table: Mapping[str, AnyDeclaration], lang: Lang) -> str:
    """How the variable part is spent, the parts adding up to it: modules of the variable part whole,
    practices extended, disciplines and МДК extended, employers' competencies (the review: the note
    explained 170 of 703 h)."""
    w = WORDS[lang]
    groups: dict[str, dict[str, int]] = {}
    for item in items:
        if not item.variable:
            continue
        module = table.get(item.module or "")
        if isinstance(module, Module) and module.variable is not None and module.variable.hours is None:
            key, code = "module", module.code
        elif item.why.reason == "bundle":
            key, code = "bundle", item.code
        elif item.kind == "practice":
            key, code = "practice", item.code
        elif item.kind == "discipline":
            key, code = "discipline", item.code
        else:
            key, code = "course", item.course or item.code
        at = groups.setdefault(key, {})
        at[code] = at.get(code, 0) + item.variable
    parts = [
        w[f"variable.{key}"].format(
            codes=", ".join(shown_code(c) for c in sorted(groups[key], key=code_key)), hours=sum(groups[key].values())
        )
        for key in ("module", "practice", "discipline", "course", "bundle")
        if key in groups
    ]
    return w["variable-spent"].format(list="; ".join(parts)) if parts else ""


def _network(plan: Plan, program: Program, std: Standard | None, lang: Lang, totals: Row) -> list[str]:
    w = WORDS[lang]
    out = []
    for site in plan.sites:
        terms = "; ".join(
            w["site-term"].format(items=", ".join(t.items), term=t.term, hours=t.hours) for t in site.terms
        )
        out.append(w["site"].format(title=site.title, list=terms))
    if totals.prep and plan.total_hours:
        share = round(100 * totals.prep / plan.total_hours)
        out.append(w["prep"].format(hours=totals.prep, share=share, practice=totals.training))
    if plan.practice_hours and plan.total_hours:  # the share C305 measures: a second measure, named as such
        share = round(100 * plan.practice_hours / plan.total_hours)
        target = std.practice_share_target if std is not None and program.track is Track.PROFESSIONALITET else None
        limit = target if target is not None else std.practice_share_min if std is not None else None
        said = w["practice-share"].format(hours=plan.practice_hours, share=share)
        if limit is not None:
            key = "practice-share-target" if target is not None else "practice-share-minimum"
            said += " " + w[key].format(limit=limit)
            if share < limit:  # as `compact` says it (C305): the note does not hide a rule the plan breaks
                said += " " + w["practice-share-short"]
        out.append(said)
    return out


def _shortening(plan: Plan, lang: Lang) -> list[str]:
    w = WORDS[lang]
    if not plan.baseline:
        return []
    s = plan.savings
    if not s.terms and plan.baseline == plan.duration:
        out = [w["normative"].format(duration=duration(plan.duration, lang))]
    else:
        out = [
            w["shortening"].format(
                baseline=duration(plan.baseline, lang),
                duration=duration(plan.duration, lang),
                before=noun(len(plan.terms) + s.terms, "term", lang),
                after=noun(len(plan.terms), "term", lang),
            )
        ]
    rows = savings_rows(plan, COMPACT_WORDS[lang])
    if rows:  # the first row is the full program, the last the plan; between them the reductions
        unit = WORDS[lang]["hours-unit"]
        cuts = "; ".join(f"{label.lstrip('−= ')} — {hours} {unit}" for label, hours in rows[1:-1])
        out.append(w["savings"].format(full=rows[0][1], list=cuts, total=rows[-1][1]))
    if plan.status == "optimal":
        out.append(w["optimal"])
    elif plan.status == "feasible":  # (an as-written plan says what it is under the process: `_process`)
        out.append(w["feasible"].format(gap=noun(plan.gap or 0, "term", lang)))
    return out


def _recognized(plan: Plan, table: Mapping[str, AnyDeclaration], lang: Lang) -> list[str]:
    """For whom the plan credits prior learning: the entrants who have it, each reason with what it
    covers. A plan is made for a group, so the note says the group is of such entrants."""
    w = WORDS[lang]
    reasons = [  # what the plan credits, by reason (plan.credits: the report and `compact` say the same)
        w["recognized-reason"].format(reason=c.reason, codes=credited_codes(c.codes, table, plan.weekly_load, lang))
        for c in plan.credits
    ]
    return [w["recognized"].format(list="; ".join(reasons))] if reasons else []


def _final(plan: Plan, lang: Lang, part_titles: Mapping[str, str]) -> str:
    w = WORDS[lang]
    fa = plan.final_attestation
    # the demonstration exam's level, as the program declares it (a review: «базовый или профильный?»)
    level = " " + w[f"demo-level.{fa.demo_exam}"] if fa.demo_exam in ("basic", "profile") else ""
    if not fa.parts:
        return w["final-plain"].format(hours=fa.hours) + level
    parts = "; ".join(w["part"].format(title=part_titles.get(p.kind, p.kind).lower(), hours=p.hours) for p in fa.parts)
    return w["final"].format(hours=fa.hours, list=parts) + level


def _rooms(program: Program, table: Mapping[str, AnyDeclaration], lang: Lang) -> list[tuple[str, list[str]]]:
    """The college's rooms (the program's `rooms` when it names them), grouped by kind."""
    college = table.get(program.college.code) if program.college else None
    rooms = list(college.rooms) if isinstance(college, College) else []
    if program.rooms:
        named = {r.code for r in program.rooms}
        rooms = [r for r in rooms if r.code in named]
    groups: dict[str, list[str]] = {}
    for room in rooms:
        kind = room.kind.value if room.kind is not None else "other"
        groups.setdefault(kind, []).append(room.title.value if room.title else room.code)
    order = [k.value for k in RoomKind] + ["other"]
    return [(WORDS[lang][f"kind.{k}"], groups[k]) for k in order if k in groups]
