"""The working programs (рабочие программы) of every module and discipline of a plan, in the typical
layout colleges use: a title page; 1. the passport (place in the program, results: competencies with
experience, skills and knowledge); 2. structure and content (hours by kind, the parts of a module, the
topic plan when topics are declared); 3. conditions (rooms, equipment, partner sites, the sources of
information); 4. control and assessment (each result with its indicators and the forms of attestation
that assess it).

Hours, terms and forms come from the plan (the same rows as the plan table); titles, outcomes,
topics, rooms, equipment, sources and indicators from the declarations. Nothing is invented: a section
with nothing declared says where the information lives instead.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from constructor.compact.plan import Item, Plan
from constructor.graph.bundle_courses import as_planned
from constructor.i18n import Lang, Words
from constructor.model import (
    AnyDeclaration,
    College,
    Competency,
    Course,
    Cycle,
    CycleRole,
    Discipline,
    Module,
    Outcome,
    Program,
    Result,
    Room,
    SourceKind,
)
from constructor.render import taught, views
from constructor.render.codes import shown_code
from constructor.render.plan_table import HOUR_COLUMNS, Row, forms_phrase, item_row, joint_groups, with_years
from constructor.render.title import TitlePage, back_page, title_page

WORDS = Words("syllabus.")  # the words are in the catalog: locale/*/LC_MESSAGES/constructor.po

# the lines of the volume table: (row field, word); zero lines are left out, the total always shown
VOLUME_LINES = (
    ("total", "line.total"),
    ("teacher", "line.teacher"),
    ("theory", "line.theory"),
    ("practice", "line.practice"),
    ("lab", "line.lab"),
    ("course", "line.course"),
    ("training", "line.training"),
    ("consultations", "line.consultations"),
    ("self_study", "line.self_study"),
    ("attestation", "line.attestation"),
    ("prep", "line.prep"),
    ("variable", "line.variable"),
)
_NESTED = {"theory", "practice", "lab", "course", "training", "consultations"}  # under «с преподавателем»


@dataclass
class ResultLine:
    """A competency the row forms, with what the learner gains, and how it is assessed."""

    code: str
    title: str
    experience: list[str] = field(default_factory=list)
    skills: list[str] = field(default_factory=list)
    knowledge: list[str] = field(default_factory=list)
    methods: str = ""
    indicators: list[str] = field(default_factory=list)  # as declared (`indicators`)
    plain: dict[str, str] = field(default_factory=dict)  # a result with where it is taught → the result alone
    credited: bool = False  # credited for prior learning: not assessed again, no criteria


@dataclass
class TopicLine:
    title: str
    theory: int
    practice: int
    lab: int
    self_study: int
    total: int
    level: int = 1  # 0 a course's heading, 1 a topic, 2 hours outside the topics, 3 the total


@dataclass
class SyllabusDoc:
    code: str
    title: str
    kind: str  # module | discipline | general
    name: str  # «Рабочая программа учебной дисциплины»: the document's name in a sentence
    title_page: TitlePage
    place: list[tuple[str, str]]  # (label, value) lines of the passport
    results: list[ResultLine]
    skills: list[str]  # a discipline's own outcomes (a module's are its competencies')
    knowledge: list[str]
    volume: list[tuple[str, int, int]]  # (word, hours, depth): the volume table
    forms: str  # the forms of intermediate attestation with their terms, in words
    parts: list[Row]  # a module's МДК, practices and exam; a discipline's own row
    topics: list[TopicLine]
    topics_note: str
    rooms: list[str]
    sites: list[str]
    words: dict[str, str]
    terms: list[int] = field(default_factory=list)
    control: list[tuple[str, str, str]] = field(default_factory=list)  # result, indicators or codes, methods
    equipment: list[str] = field(default_factory=list)
    literature: list[tuple[str, list[str]]] = field(default_factory=list)  # (kind's heading, sources)
    part_columns: list[tuple[str, str]] = field(default_factory=list)  # (Row field, heading) with any hours
    back: list[str] = field(default_factory=list)  # the back of the title page: basis, developer, approval
    headings: dict[str, str] = field(default_factory=dict)  # a section's key → «1.2. Планируемые результаты»
    plain: dict[str, str] = field(default_factory=dict)  # its own results another row teaches, as shown → alone
    credited: str = ""  # a module's practices the plan credits, said under its parts table (the review)

    @property
    def forms_legend(self) -> str:
        """The forms the parts table shows, in words: «Э — экзамен; Эк — экзамен по модулю» (the review
        could not tell what «Эк» stood for)."""
        codes = sorted((k[5:] for k in self.words if k.startswith("form.")), key=len, reverse=True)
        if not codes:
            return ""
        found = re.findall("|".join(map(re.escape, codes)), " ".join(p.form for p in self.parts))
        said = [f"{c} — {self.words[f'form.{c}']}" for c in dict.fromkeys(found)]
        if any("*" in p.form for p in self.parts):
            said.append(self.words["form-joint"])
        return "; ".join(said)


# the hour columns of a module's parts table: the plan table's kinds of work (not its derived sums);
# a column with no hours in any part is left out
PART_COLUMNS = tuple((f, h) for f, h in HOUR_COLUMNS if f not in ("teacher", "prep", "obligatory", "variable"))


def _with_tail(topics: list[TopicLine], row: Row, w: Mapping[str, str]) -> list[TopicLine]:
    """The declared topics, then the hours they do not divide (consultations, self-study beyond the
    topics', intermediate attestation) and a total of the lines shown."""
    if not topics:
        return []
    out = list(topics)
    self_left = row.self_study - sum(t.self_study for t in topics if t.level)
    for key, hours in (
        ("consultations", row.consultations),
        ("self_study", self_left),
        ("attestation", row.attestation),
    ):
        if hours > 0:
            out.append(TopicLine(w[f"topics.{key}"], 0, 0, 0, hours if key == "self_study" else 0, hours, 2))
    shown = [t for t in out if t.level]
    out.append(
        TopicLine(
            w["topics.total"],
            sum(t.theory for t in shown),
            sum(t.practice for t in shown),
            sum(t.lab for t in shown),
            sum(t.self_study for t in shown),
            sum(t.total for t in shown),
            3,
        )
    )
    return out


def without_criteria(docs: list[SyllabusDoc]) -> list[tuple[str, str]]:
    """(module, competency) whose «Критерии оценки» cell is left for the college (nothing declared
    shows it: an ОК has no outcomes of its own); a credited competency's cell is empty on purpose."""
    return [
        (doc.code, r.code)
        for doc in docs
        if doc.kind == "module"
        for r, (_, criteria, _) in zip(doc.results, doc.control, strict=False)
        if not r.credited and not criteria
    ]


def _control(doc: SyllabusDoc) -> SyllabusDoc:
    """The control table. A module: each competency, what shows it is formed (experience and skills,
    else knowledge) and the forms that assess it. A discipline: each of its own skills and knowledge,
    the competencies the discipline forms, and its forms of attestation."""
    w = doc.words
    if doc.kind == "module":
        # every competency the module forms has its row, ОК included (assessed by the module's forms);
        # where nothing declared shows it — an ОК has no outcomes of its own — the criteria cell is left
        # for the college to fill in, not invented
        doc.control = [
            (f"{r.code} {r.title}", "" if r.credited else _shown_by(r, w), r.methods or doc.forms) for r in doc.results
        ]
        return doc
    codes = ", ".join(r.code for r in doc.results)
    # a result taught in another row is assessed there (the review: ОП.10's credit assessed two results
    # its §1.2 says ООД.06 teaches)
    own = [f"{w['skills']}: {t}" for t in doc.skills if t not in doc.plain]
    own += [f"{w['knowledge']}: {t}" for t in doc.knowledge if t not in doc.plain]
    doc.control = [(text, codes, doc.forms) for text in own] or [(w["own"], codes, doc.forms)]
    return doc


def syllabi(plan: Plan, table: Mapping[str, AnyDeclaration], lang: Lang) -> list[SyllabusDoc]:
    """A working program for every module and discipline the plan teaches, in the order of the plan:
    general education, the other cycles' disciplines by code, then the modules."""
    table = as_planned(plan.program, table)  # its bundles' МДК in their modules (graph/bundle_courses.py)
    items = {i.code: i for i in plan.items}
    n = len(plan.terms)
    years = [t.year for t in plan.terms]
    out = []
    rooms = _room_titles(table)
    program = table.get(plan.program)
    forms = {r.code: r.forms for r in views.plan_doc(plan, table, lang).rows}  # the plan table's, term by term
    joint = complex_phrases(program if isinstance(program, Program) else None, forms, WORDS[lang])
    for decl in views.disciplines_in_order(plan, table):
        row = with_years(item_row(items[decl.code], n, table, decl.title.value if decl.title else None), years)
        out.append(_discipline(plan, table, lang, decl, items[decl.code], row, rooms, joint))
    for module in table.values():
        if isinstance(module, Module) and any(i.module == module.code for i in plan.items):
            out.append(_module(plan, table, lang, module, n, years, rooms, joint))
    for doc in out:
        doc.back = back_page(plan, table, lang, doc.name, f"{doc.code} «{doc.title}»", doc.kind == "general")
        doc.headings = _numbered(doc)
    return out


def _numbered(doc: SyllabusDoc) -> dict[str, str]:
    """The subsections numbered within their sections, as the typical layout has them (1.1, 1.2; 2.1 …;
    a module's structure table makes the topic plan 2.3; 3.1 the rooms and equipment, 3.2 the sources)."""
    sections = (
        ("place", "results"),
        ("volume", *(("parts",) if doc.kind == "module" else ()), "topics"),
        ("materials", "literature"),
    )
    return {key: f"{n}.{k}. {doc.words[key]}" for n, keys in enumerate(sections, 1) for k, key in enumerate(keys, 1)}


def _page(plan: Plan, table: Mapping[str, AnyDeclaration], lang: Lang, heading: str, agreed: bool = False) -> TitlePage:
    """The plan's title page, cut to what a working program's carries: the college, УТВЕРЖДАЮ (and the
    employer's СОГЛАСОВАНО when `agreed`: a module's), the document and the row, the specialty, the year."""
    page = title_page(plan, table, lang)
    page.heading = heading
    page.agreed = page.agreed if agreed else []
    page.kind = ""
    keep = {page.words.get("qualification"), page.words.get("form"), page.words.get("admission")}
    page.lines = [(label, value) for label, value in page.lines if label in keep]
    program = table.get(plan.program)
    page.footer = str(program.admission) if isinstance(program, Program) and program.admission else ""
    return page


def _shown_by(r: ResultLine, w: Mapping[str, str]) -> str:
    """What shows a competency is formed: its declared indicators, else what the learner demonstrates —
    its experience and skills (else its knowledge), as criteria are worded: «демонстрирует умение читать
    чертежи…» (the passport's lists are written to follow «Иметь практический опыт», «Уметь», «Знать»:
    the genitive after «опыт», the infinitive after «умение», the accusative after «знает»)."""
    if r.indicators:
        return "; ".join(r.indicators)
    lists = [("experience", r.experience), ("skills", r.skills)]
    if not r.experience and not r.skills:
        lists = [("knowledge", r.knowledge)]
    # one result follows its word («демонстрирует умение читать чертежи»); several are listed after a
    # colon («демонстрирует умения: читать …; пользоваться …»), so none is left without its verb
    # criteria name the result alone: where it is taught belongs to the passport, not to what is shown
    return "; ".join(
        w[f"shows.{key}" if len(texts) == 1 else f"shows.{key}-list"].format(
            list="; ".join(r.plain.get(t, t) for t in texts)
        )
        for key, texts in lists
        if texts
    )


def _support(
    decls: list[Discipline | Course | Module], w: Mapping[str, str]
) -> tuple[list[str], list[tuple[str, list[str]]]]:
    """The equipment and the sources of the work program (each once, in the order written), the sources
    grouped by kind as the typical layout lists them: main, online, extra."""
    equipment = list(dict.fromkeys(t.value for d in decls for t in d.equipment))
    sources: dict[SourceKind, list[str]] = {}
    for d in decls:
        for source in d.literature:
            if source.text not in sources.setdefault(source.kind, []):
                sources[source.kind].append(source.text)
    order = (SourceKind.MAIN, SourceKind.ONLINE, SourceKind.EXTRA)
    return equipment, [(w[f"literature.{k.value}"], sources[k]) for k in order if sources.get(k)]


def _discipline(
    plan: Plan,
    table: Mapping[str, AnyDeclaration],
    lang: Lang,
    decl: Discipline,
    item: Item,
    row: Row,
    rooms: Mapping[str, str],
    joint: Joint,
) -> SyllabusDoc:
    w = WORDS[lang]
    cycle = table.get(decl.cycle.code if decl.cycle else item.cycle or "")
    general = isinstance(cycle, Cycle) and cycle.role is CycleRole.GENERAL_EDUCATION
    kind = "general" if general else "discipline"
    title = decl.title.value if decl.title else decl.code
    place = [*_cycle_line(cycle, w), (w["part"], _part(row, w))]
    terms = sorted(item.hours_by_term) or [item.term]
    place.append((w["terms"], ", ".join(map(str, terms))))
    methods = "; ".join(_phrases(row, w, joint, named=False))
    results = [_result(code, table, methods) for code in dict.fromkeys(r.code for r in decl.covers)]
    topics = [
        TopicLine(t.title, t.hours.theory, t.hours.practice, t.hours.lab, t.hours.self_study, t.hours.total)
        for t in decl.topics
    ]
    note = _topics_note(topics, row, w)
    topics = _with_tail(topics, row, w)
    equipment, literature = _support([decl], w)
    where = taught.places(item, {i.code: i for i in plan.items}, table, w)
    plain: dict[str, str] = {}
    return _control(
        SyllabusDoc(
            decl.code,
            title,
            kind,
            w[f"short.{kind}"],
            _page(plan, table, lang, w[f"heading.{kind}"]),
            place,
            [r for r in results if r is not None],
            _texts(decl.can, table, where, plain),
            _texts(decl.knows, table, where, plain),
            _volume(row, w),
            methods,
            [row],
            topics,
            note,
            [rooms.get(r.code, r.code) for r in decl.rooms],
            [],
            w,
            terms,
            equipment=equipment,
            literature=literature,
            plain=plain,
        )
    )


def _module(
    plan: Plan,
    table: Mapping[str, AnyDeclaration],
    lang: Lang,
    module: Module,
    n: int,
    years: list[int],
    rooms: Mapping[str, str],
    joint: Joint,
) -> SyllabusDoc:
    w = WORDS[lang]
    # (as the plan table: a competency with no hours of its own, ОК formed across the plan, is no row)
    members = [i for i in plan.items if i.module == module.code and (i.hours_by_kind.total or i.kind == "practice")]
    section, _ = views.module_rows(members, table, lang, n, views.DOC_WORDS[lang])
    total, parts = section[0], section[1:]
    for r in section:
        with_years(r, years)
    for part in parts:  # «ДЗ (4*)»: taken with other rows, as the plan table marks it (the review)
        part.joint = {(f, t) for c, f, t in joint if c == part.code}
        part.form = forms_phrase(part.forms, part.joint)
    title = module.title.value if module.title else module.code
    cycle_code = module.cycle.code if module.cycle else next((i.cycle for i in members if i.cycle), None)
    place = [*_cycle_line(table.get(cycle_code or ""), w), (w["part"], _part(total, w))]
    activity = table.get(module.activity.code) if module.activity else None
    if module.activity is not None:
        shown = activity.title.value if activity is not None and activity.title else ""
        activity_code = shown_code(module.activity.code)
        place.append((w["activity"], f"{activity_code} «{shown}»" if shown else activity_code))
    terms = sorted({t for i in members for t in (i.hours_by_term or {i.term: 0})})
    place.append((w["terms"], ", ".join(map(str, terms))))
    # how each competency is assessed: the forms of the МДК that form it, the practices that cover it,
    # and the module's exam, which assesses them all
    assessed: dict[str, list[str]] = {}
    for part in parts:
        phrases = _phrases(part, w, joint, named="Эк" not in part.forms)
        if not phrases:
            continue
        decl = table.get(part.code)
        covers = getattr(decl, "covers", None)
        if "Эк" in part.forms or covers is None:
            codes = [r.code for r in module.taught]
        else:
            codes = [r.code for r in covers] or [r.code for r in module.taught]
        for code in dict.fromkeys(codes):
            assessed.setdefault(code, []).extend(phrases)
    codes = list(dict.fromkeys(r.code for r in module.taught))
    codes.sort(key=lambda c: not c.startswith("ОК"))  # general competencies first, as the typical layout lists them
    items = {i.code: i for i in plan.items}
    results = [
        _result(
            code,
            table,
            # a credited result is not assessed again (the review: ПКс 5.1 «at the ДЗ of МДК.05.01»)
            w["recognized-mark"] if code in plan.recognized else "; ".join(dict.fromkeys(assessed.get(code, []))),
            taught.places(items.get(code), items, table, w),
        )
        for code in codes
    ]
    for line, code in zip(results, codes, strict=True):  # a result the plan credits says so (the review)
        if line is not None and code in plan.recognized:
            line.title += f" ({w['recognized-mark']})"
            line.credited = True
    topics, note = _module_topics(module, parts, total, w)
    sites = sorted(
        {s.title for s in plan.sites for t in s.terms if any(c in {i.code for i in members} for c in t.items)}
    )
    named = dict.fromkeys(r.code for r in (*module.rooms, *(r for c in module.courses for r in c.rooms)))
    equipment, literature = _support([module, *module.courses], w)
    return _control(
        SyllabusDoc(
            module.code,
            title,
            "module",
            w["short.module"],
            _page(plan, table, lang, w["heading.module"], agreed=True),
            place,
            [r for r in results if r is not None],
            [],
            [],
            _volume(total, w),
            "; ".join(dict.fromkeys(x for p in parts for x in _phrases(p, w, joint, named="Эк" not in p.forms))),
            parts,
            topics,
            note,
            [rooms.get(code, code) for code in named],
            sites,
            w,
            terms,
            part_columns=[
                (f, views.DOC_WORDS[lang][word]) for f, word in PART_COLUMNS if any(getattr(p, f) for p in parts)
            ],
            equipment=equipment,
            literature=literature,
            credited=_credited(plan, table, module, lang),
        )
    )


def _credited(plan: Plan, table: Mapping[str, AnyDeclaration], module: Module, lang: Lang) -> str:
    """A module's practices the plan credits (they are not in its parts table), with their hours and
    the reason the program gives: «Зачтено …: УП.05 «Учебная практика», 288 ч — «Свидетельство …»»."""
    reasons = {code: credit.reason for credit in plan.credits for code in credit.codes}
    w = WORDS[lang]
    listed = [
        w["credited-practice"].format(
            code=p.code,
            title=views.PRACTICE_TITLES[lang][p.kind.value],
            hours=p.hours_at(plan.weekly_load),
            reason=reasons[p.code],
        )
        for p in module.practices
        if p.code in plan.recognized and p.code in reasons
    ]
    return w["credited-practices"].format(list="; ".join(listed)) if listed else ""


def _module_topics(module: Module, parts: list[Row], total: Row, w: Mapping[str, str]) -> tuple[list[TopicLine], str]:
    """The module's topic plan, as typical programs lay it out: each МДК with its hours and, under it,
    its declared topics (and the hours they do not divide), then the practices and the module's exam,
    and the module's total — the volume table's. No topics declared anywhere: the structure table (2.2)
    says it all, and the section says the topics are the teacher's."""
    courses = {c.code: c for c in module.courses}
    if not any(c.topics for c in courses.values()):
        return [], w["topics.none"]
    lines: list[TopicLine] = []
    notes: list[str] = []
    for part in parts:
        course = courses.get(part.code)
        title = f"{part.code} «{part.title}»" if course is not None else f"{part.code} {part.title}"
        lines.append(TopicLine(title, part.theory, part.practice, part.lab, part.self_study, part.total, 0))
        if course is None or not course.topics:
            continue
        own = [
            TopicLine(t.title, t.hours.theory, t.hours.practice, t.hours.lab, t.hours.self_study, t.hours.total)
            for t in course.topics
        ]
        lines += own
        left = [
            part.theory - sum(t.theory for t in own),
            part.practice - sum(t.practice for t in own),
            part.lab - sum(t.lab for t in own),
            part.self_study - sum(t.self_study for t in own),
            part.total - sum(t.total for t in own),
        ]
        if any(x < 0 for x in left):  # topics of the full program over a compacted МДК: said, not subtracted
            declared = sum(t.theory + t.practice + t.lab for t in own)
            planned = part.theory + part.practice + part.lab
            notes.append(f"{part.code}: " + w["topics.declared"].format(declared=declared, planned=planned))
        elif any(left):  # consultations, the МДК's attestation, self-study: what the topics do not divide
            theory, practice, lab, self_study, hours = left
            lines.append(TopicLine(w["topics.outside"], theory, practice, lab, self_study, hours, 2))
    lines.append(
        TopicLine(w["topics.module-total"], total.theory, total.practice, total.lab, total.self_study, total.total, 3)
    )
    return lines, " ".join(notes)


def _cycle_line(cycle: object, w: Mapping[str, str]) -> list[tuple[str, str]]:
    """The passport's line of the cycle, «ОП «Общепрофессиональный цикл»» (none without a cycle)."""
    if not isinstance(cycle, Cycle):
        return []
    return [(w["cycle"], f"{cycle.code} «{cycle.title.value}»" if cycle.title else cycle.code)]


def _part(row: Row, w: Mapping[str, str]) -> str:
    if not row.variable:
        return w["part.obligatory"]
    if row.variable >= row.total:
        return w["part.variable"]
    return w["part.both"].format(obligatory=row.obligatory, variable=row.variable)


def _volume(row: Row, w: Mapping[str, str]) -> list[tuple[str, int, int]]:
    lines = []
    for name, word in VOLUME_LINES:
        hours = getattr(row, name)
        if hours or name == "total":
            lines.append((w[word], hours, 2 if name in _NESTED else (0 if name == "total" else 1)))
    return lines


def when(terms: list[int], w: Mapping[str, str]) -> str:
    """«во 2-м семестре», «в 1–5-м семестрах», «в 1, 3 и 5-м семестрах» (in terms as English says it)."""
    terms = sorted(terms)
    prep = w["in.2"] if terms[0] == 2 else w["in"]
    if len(terms) == 1:
        return w["when.one"].format(prep=prep, n=terms[0])
    if terms == list(range(terms[0], terms[-1] + 1)) and len(terms) > 2:
        return w["when.range"].format(prep=prep, first=terms[0], last=terms[-1])
    return w["when.list"].format(prep=prep, list=", ".join(map(str, terms[:-1])), last=terms[-1])


# (row, form, term) → the words of the complex exam or credit the row takes there with other rows
Joint = Mapping[tuple[str, str, int], str]


def complex_phrases(
    program: Program | None, forms: Mapping[str, Mapping[str, list[int]]], w: Mapping[str, str]
) -> Joint:
    """«комплексный дифференцированный зачёт по УП.01 и ПП.01 в 4-м семестре» for each row, form and term
    of a program's complex exam or credit where two or more of its rows take it in one term (as the plan
    table puts their forms; rows apart take their own, as the note and C319 say)."""
    out: dict[tuple[str, str, int], str] = {}
    for term, form, members in joint_groups(program, forms):
        codes = [c for c, _ in members]
        phrase = w["assessed.complex"].format(
            form=w.get(f"form.{form}", form), first=", ".join(codes[:-1]), last=codes[-1], when=when([term], w)
        )
        out.update({(code, f, term): phrase for code, f in members})
    return out


def _phrases(row: Row, w: Mapping[str, str], joint: Joint, *, named: bool) -> list[str]:
    """Every form of a row with its terms in words: «экзамен во 2-м семестре», «зачёт в 1–5-м семестрах»;
    `named`, with the row's code: «экзамен по МДК.01.01 во 2-м семестре» (a module's exam is named by its
    form alone); a complex one in its own words, once for all its rows."""
    out: list[str] = []
    for form, terms in row.forms.items():
        own = [t for t in terms if (row.code, form, t) not in joint]
        said = [(t, joint[row.code, form, t]) for t in terms if (row.code, form, t) in joint]
        if own:
            shown = w.get(f"form.{form}", form)
            said.append(
                (
                    own[0],
                    w["assessed"].format(form=shown, code=row.code, when=when(own, w))
                    if named
                    else w["form-when"].format(form=shown, when=when(own, w)),
                )
            )
        out += [phrase for _, phrase in sorted(said, key=lambda x: x[0])]
    return list(dict.fromkeys(out))


def _result(
    code: str, table: Mapping[str, AnyDeclaration], methods: str, where: Mapping[str, str] | None = None
) -> ResultLine | None:
    comp = table.get(code)
    if not isinstance(comp, Competency) or isinstance(comp, Discipline):
        return None
    plain: dict[str, str] = {}
    return ResultLine(
        shown_code(code),
        comp.title.value if comp.title else code,
        _texts(comp.experience, table, where, plain),
        _texts(comp.can, table, where, plain),
        _texts(comp.knows, table, where, plain),
        methods,
        [t.value for t in comp.indicators],
        plain,
    )


def _texts(
    results: tuple[Result, ...],
    table: Mapping[str, AnyDeclaration],
    where: Mapping[str, str] | None = None,
    plain: dict[str, str] | None = None,
) -> list[str]:
    """The results' words; `where` (render/taught.py): an outcome taught in another row says where, and
    `plain` receives each such text → the result alone."""
    out = []
    for r in results:
        if r.text is not None:
            out.append(r.text)
        elif r.code is not None:
            decl = table.get(r.code)
            text = decl.title.value if isinstance(decl, Outcome) and decl.title else r.code
            if where and r.code in where:
                shown = f"{text} ({where[r.code]})"
                if plain is not None:
                    plain[shown] = text
                text = shown
            out.append(text)
    return out


def _topics_note(topics: list[TopicLine], row: Row, w: Mapping[str, str]) -> str:
    """Whether the declared topics add up to the plan's classes (a compacted row may have fewer hours)."""
    if not topics:
        return w["topics.none"]
    declared = sum(t.theory + t.practice + t.lab for t in topics)
    planned = row.theory + row.practice + row.lab
    return "" if declared == planned else w["topics.declared"].format(declared=declared, planned=planned)


def _room_titles(table: Mapping[str, AnyDeclaration]) -> dict[str, str]:
    """Room code → title, from the colleges (rooms are declared inside a college) and loose rooms."""
    known: dict[str, Room] = {}
    for decl in table.values():
        if isinstance(decl, College):
            known.update({r.code: r for r in decl.rooms})
        elif isinstance(decl, Room):
            known[decl.code] = decl
    return {code: room.title.value if room.title else code for code, room in known.items()}
