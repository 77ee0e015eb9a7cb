"""What a program must place, and the scheduling problem it makes: each competency of the chosen
closure (recognised ones left out, each declared outcome taught once) and each practice block of the
core modules, with the requisites between them. One closure gives one problem; `compact` weighs the
problems of the closures its `or` choices allow."""

from __future__ import annotations

from collections.abc import Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field

from constructor.compact.closure import Closure
from constructor.compact.marks import limits_of, marks
from constructor.compact.plan import Why
from constructor.compact.rows import shares_of, split_by_term, term_weights
from constructor.compact.schedule import Problem, SiteRule
from constructor.compact.sites import capacity_of, hosted
from constructor.graph import CompetencyGraph, gather
from constructor.graph.program import ProgramContent, requests
from constructor.graph.whole import (
    TERMS_PER_YEAR,
    WholeProgram,
    calendar_of,
    class_hours,
    final_hours,
    load_hours,
    per_year,
    whole,
)
from constructor.model import (
    COURSE_ONLY_KINDS,
    AnyDeclaration,
    Course,
    CycleRole,
    Discipline,
    Hours,
    Module,
    Outcome,
    OutcomeKind,
    Practice,
    PracticeKind,
    Program,
    Standard,
)


@dataclass
class Unit:
    """One thing to place: a competency or discipline (hours after outcomes taught once), a practice
    block, a module exam; over several terms (`shares`) or through every term (`every_term`)."""

    code: str
    title: str
    kind: str
    module: str | None
    hours: Hours
    saved: int
    requires: list[str]
    coreq: list[str]
    why: Why
    cycle: str | None = None
    shares: list[int] = field(default_factory=list)  # hours in each term of its span (empty: one term)
    every_term: bool = False  # a background row: spread over every term of the plan
    integrated: int = 0  # of `saved`: outcomes shared between general education and the rest
    counted: int = 0  # of `saved`: experience gained at the module's practice, not taught again
    elsewhere: list[tuple[str, str, int]] = field(default_factory=list)  # (outcome, taught by, hours cut)

    @property
    def load(self) -> int:
        """What it puts on its terms: every kind of work (the one capacity rule, `load_hours`)."""
        return load_hours(self.hours)

    def by_term(self, start: int, split: list[int] | None = None) -> dict[int, Hours]:
        """Its hours by kind in each term it runs in; `split`: a background row's hours in each term of
        the plan, as the schedule holds them (`Schedule.background_split`)."""
        if self.every_term:
            if split is None:
                raise ValueError("a row through every term needs its split")
            return {t: h for t, h in enumerate(split_by_term(self.hours, split), start=1) if h.total}
        if self.shares:
            return dict(enumerate(split_by_term(self.hours, self.shares), start=start))
        return {start: self.hours}


@dataclass(frozen=True)
class Context:
    """What the problems of every closure share, read once per program: what it teaches (`gather`),
    its rows by cycle (`whole`) and what it asks for itself."""

    content: ProgramContent
    rows: WholeProgram
    asked: dict[str, tuple[str, str]]  # code → (why: module, general, bundle or discipline; which one)


def context_of(program: Program, table: Mapping[str, AnyDeclaration], graph: CompetencyGraph) -> Context:
    """The program's context: its modules', general and bundles' competencies are asked for, then the
    disciplines its `disciplines` name (the chosen alternative of an elective group)."""
    content = gather(program, table, graph)
    rows = whole(program, table, graph, content)
    asked = requests(program, content)
    cycle_of = {r.code: r.cycle for r in rows.rows}  # a discipline's cycle, by its code when not written
    for d in rows.disciplines:
        if d.code in graph.competencies:
            asked.setdefault(d.code, ("discipline", d.cycle.code if d.cycle else cycle_of.get(d.code) or program.code))
    return Context(content, rows, asked)


@dataclass
class Built:
    units: dict[str, Unit]
    names: list[str]  # the units the problem places, in its order
    problem: Problem
    shared_saving: int
    context: Context
    closure: Closure
    background: list[str] = field(default_factory=list)  # the units through every term

    @property
    def content(self) -> ProgramContent:
        return self.context.content

    @property
    def integrated_saving(self) -> int:
        return sum(u.integrated for u in self.units.values())

    @property
    def practice_saving(self) -> int:
        return sum(u.counted for u in self.units.values())


def why_of(graph: CompetencyGraph, asked: Mapping[str, tuple[str, str]], codes: list[str]) -> dict[str, Why]:
    """For each code: the program's own reason if it asks for it, else the shortest chain from a request."""
    chains = graph.chains_from((c for c in asked if c in set(codes)), within=set(codes))
    out: dict[str, Why] = {}
    for code in codes:
        if code in asked:
            out[code] = Why(reason=asked[code][0], via=asked[code][1])
        elif code in chains:
            out[code] = Why(reason="prerequisite", via=asked[chains[code][0]][1], chain=chains[code])
    return out


def build(
    program: Program,
    table: Mapping[str, AnyDeclaration],
    graph: CompetencyGraph,
    std: Standard,
    chosen: Closure,
    capacity: list[int],
    context: Context,
) -> Built:
    """The units and the problem of one closure."""
    load = std.weekly_load
    codes = chosen.codes
    code_set = set(codes)
    why = why_of(graph, context.asked, codes)
    rows, content = context.rows, context.content
    general_cycle = rows.role_cycle(CycleRole.GENERAL_EDUCATION)
    cycle_by_code = {r.code: r.cycle for r in rows.rows}
    general = {code for code, cycle in cycle_by_code.items() if cycle is not None and cycle == general_cycle}

    # teach each outcome once: the first competency in teaching order teaches it, the later ones don't
    # general education first, then the other general cycles, then the professional content: an outcome
    # they share is taught where the plan meets it first, and not again
    rank = {code: _cycle_rank(rows, cycle) for code, cycle in cycle_by_code.items()}
    order_index = {c: i for i, c in enumerate(graph.teaching_order("any")) if c in code_set}
    in_order = sorted(
        codes, key=lambda c: (rank.get(c, len(GENERAL_FIRST)), order_index.get(c, len(order_index)), codes.index(c))
    )
    # an outcome is taught once in the program; experience is gained once in each module, since each
    # module's practice and exam stand for its own experience (ПКс 1.3 of ПМ.01 is not gained at ПП.05)
    taught_by: dict[tuple[str, str | None], str] = {}
    units: dict[str, Unit] = {}
    shared_saving = 0
    extra_not_after: list[tuple[str, str]] = []
    recognized = program.recognized
    at_practice = _practice_of(content.modules, code_set, graph, recognized)
    # a practice holds no more experience than its hours: what does not fit goes to the module's next
    # practice (the educational one after the production one), else is taught in the course again
    room = {p.code: p.hours_at(load) for m in content.modules for p in m.practices}
    held: dict[tuple[str, str | None], int] = {}  # the hours of an experience its module's practice holds
    floors = _Floors(rows)
    for code in in_order:
        comp = graph.competencies[code]
        theory, practice = comp.hours.theory, comp.hours.practice
        integrated = counted = 0
        elsewhere: list[tuple[str, str, int]] = []  # what it does not teach again: `saved` is their sum
        for results, is_theory in ((comp.knows, True), (comp.can, False), (comp.experience, False)):
            for res in results:
                outcome = table.get(res.code) if res.code else None
                if not isinstance(outcome, Outcome) or not outcome.hours:
                    continue
                # experience is gained at the module's practice when it covers the competency
                is_experience = results is comp.experience
                key = (outcome.code, graph.module_of.get(code) if is_experience else None)
                if key not in taught_by:  # experience at the module's practice, the rest where first met
                    practices = at_practice.get(code, []) if is_experience else []
                    taught_by[key] = _gained_at(practices, outcome.hours, room, held, key) or code
                teacher = taught_by[key]
                if teacher == code:
                    continue
                cycle = cycle_by_code.get(code)
                cut = min(outcome.hours, theory if is_theory else practice, held.get(key, outcome.hours))
                cut = floors.take(code, cycle, cut)
                if not cut:
                    continue  # taught again: not teaching it would take its cycle below the standard's rule
                if outcome.kind is OutcomeKind.KNOWLEDGE or is_theory:
                    theory -= cut
                else:
                    practice -= cut
                elsewhere.append((outcome.code, teacher, cut))
                if teacher in at_practice.get(code, []):
                    counted += cut
                elif (teacher in general) != (code in general):
                    integrated += cut
                    extra_not_after.append((teacher, code))
                else:
                    extra_not_after.append((teacher, code))
        saved = sum(cut for _, _, cut in elsewhere)
        shared_saving += saved - integrated - counted
        hours = comp.hours.model_copy(update={"theory": theory, "practice": practice})
        shares: list[int] = []
        every_term = False
        kind = comp.kind.value
        if isinstance(comp, Discipline):
            weights, every_term = term_weights(comp)
            shares = shares_of(hours.total, weights)
            kind = "discipline"
        units[code] = Unit(
            code=code,
            title=graph.title(code),
            kind=kind,
            module=graph.module_of.get(code),
            hours=hours,
            saved=saved,
            requires=[p for p in chosen.needs.get(code, []) if p in code_set],
            coreq=[p for p in graph.corequisites(code) if p in code_set],
            why=why.get(code, Why(reason="prerequisite", via=program.code)),
            cycle=cycle_by_code.get(code),
            shares=shares,
            every_term=every_term,
            integrated=integrated,
            counted=counted,
            elsewhere=elsewhere,
        )

    blocks = [(p, m) for m in content.modules for p in m.practices if p.code not in recognized]
    for block, mod in blocks:
        units[block.code] = _practice_unit(block, mod.code, load, Why(reason="practice", via=mod.code))
    # practices outside the modules (ПДП) and each module's exam
    outside = [r for r in rows.rows if r.kind == "practice" and r.module is None and r.code not in units]
    last_practices: list[str] = []
    for row in outside:
        decl = table.get(row.code)
        if isinstance(decl, Practice):
            units[row.code] = _practice_unit(decl, None, load, Why(reason="practice", via=program.code))
            units[row.code].cycle = row.cycle
            if decl.kind is PracticeKind.PRE_DIPLOMA:
                last_practices.append(row.code)
    exams = [(m, m.exam) for m in content.modules if m.exam is not None]
    for mod, exam in exams:
        units[exam.code] = Unit(
            code=exam.code,
            title=mod.title.value if mod.title else mod.code,
            kind="exam",
            module=mod.code,
            hours=Hours(attestation=exam.amount.hours(load)),
            saved=0,
            requires=[],
            coreq=[],
            why=Why(reason="module", via=mod.code),
        )

    # each course's own hours (consultations, its exam, its course project): where its last competency ends
    closing: dict[str, list[str]] = {}
    for mod in content.modules:
        for course, own in _courses_own_hours(mod, graph):
            members = [r.code for r in course.covers if r.code in units and not units[r.code].every_term]
            if own.total and members:
                closing[course.code] = members
                units[course.code] = Unit(
                    code=course.code,
                    title=course.title.value if course.title else course.code,
                    kind="course",
                    module=mod.code,
                    hours=own,
                    saved=0,
                    requires=members,
                    coreq=[],
                    why=Why(reason="module", via=mod.code),
                )

    background = [c for c, u in units.items() if u.every_term]
    names = [c for c in units if not units[c].every_term]
    index = {c: i for i, c in enumerate(names)}
    before: set[tuple[int, int]] = set()
    not_after: set[tuple[int, int]] = set()
    for code in codes:
        if code not in index:
            continue  # a row through every term: it runs alongside whatever it requires
        for p in chosen.needs.get(code, []):
            if p in index:
                before.add((index[p], index[code]))
        for p in graph.corequisites(code):
            if p in index:
                not_after.add((index[p], index[code]))
    for closes, formed in closing.items():
        not_after.update((index[c], index[closes]) for c in formed)
    for teacher, learner in extra_not_after:
        if teacher in index and learner in index:
            not_after.add((index[teacher], index[learner]))
    fixed_last: set[int] = set()
    for block, mod in blocks:
        i = index[block.code]
        covered = [r.code for r in block.covers if r.code in index and units[r.code].load] or _members(
            mod, index, units
        )
        binding = covered  # what really holds it back, as the plan will say
        if block.kind is PracticeKind.PRE_DIPLOMA:
            fixed_last.add(i)
        elif block.kind is PracticeKind.EDUCATIONAL:
            first = min(covered, key=lambda c: in_order.index(c) if c in in_order else 0, default=None)
            binding = [first] if first is not None else []
            if first is not None:
                not_after.add((index[first], i))
        else:
            not_after.update((index[c], i) for c in covered)
        units[block.code].requires = list(dict.fromkeys(binding))
    for mod in content.modules:  # educational practice of a module no later than its production practice
        for edu in (p for p in mod.practices if p.kind is PracticeKind.EDUCATIONAL):
            for prod in (p for p in mod.practices if p.kind is PracticeKind.PRODUCTION):
                if edu.code in index and prod.code in index:
                    not_after.add((index[edu.code], index[prod.code]))
    fixed_last.update(index[c] for c in last_practices)  # ПДП: the last term, with the final attestation
    for mod, exam in exams:  # the module's exam in the term the last of its courses and practices ends
        members = [
            *_members(mod, index, units),
            *(c.code for c in mod.courses if c.code in index),
            *(p.code for p in mod.practices if p.code in index),
        ]
        not_after.update((index[c], index[exam.code]) for c in members)
        units[exam.code].requires = members
        if members:  # in the term the module ends, as plans hold it
            closing[exam.code] = members
    not_after -= before
    deadline = _deadlines(program, std, rows, [units[c].cycle for c in names])
    spans = {c: len(units[c].shares) or 1 for c in names}
    modules_of = {c: units[c].module for c in names}
    item_marks, background_marks = marks(program, table, content.modules, index, spans, modules_of, background)
    problem = Problem(
        hours=[units[c].load for c in names],
        before=sorted(before),
        not_after=sorted(not_after),
        term_capacity=capacity,
        final_hours=final_hours(program, std),
        fixed_last=frozenset(fixed_last),
        shares=[units[c].shares for c in names] if any(units[c].shares for c in names) else (),
        background=[units[c].load for c in background],
        deadline=deadline,
        marks=item_marks,
        background_marks=background_marks,
        year_limits=limits_of(std),
        terms_per_year=_terms_per_year(program, std),
        closing=[(index[c], tuple(index[m] for m in members)) for c, members in closing.items()],
        sites=_sites(content, table, units, [c for c in names if c not in closing], index),
    )
    return Built(units, names, problem, shared_saving, context, chosen, background)


class _Floors:
    """What outcomes taught once may take from each cycle (the rules `check` says as C331): the hours
    of a cycle with a minimum or a fixed volume, down to it (general education keeps its 1,476 h); the
    obligatory classes of a cycle with `min_class_hours`, down to it (ОГСЭ keeps 432 h). A cut is of
    lessons or practical classes and leaves the row's variable hours as declared while it can
    (compact/variable.py): it takes the row's obligatory classes hour for hour until they are gone,
    so a row of the variable part loses none of them."""

    def __init__(self, rows: WholeProgram) -> None:
        declared, classes = rows.hours_by_cycle(), rows.class_hours_by_cycle()
        self.hours: dict[str | None, int] = {}
        self.classes: dict[str | None, int] = {}
        for code, cycle in rows.cycles.items():
            floors = [h for h in (cycle.min_hours, cycle.volume) if h is not None]
            if floors:
                self.hours[code] = max(0, declared.get(code, 0) - max(floors))
            if cycle.min_class_hours is not None:
                self.classes[code] = max(0, classes.get(code, 0) - cycle.min_class_hours)
        self.row_classes = {r.code: class_hours(r.hours, r.variable) for r in rows.rows if r.cycle in self.classes}

    def take(self, code: str, cycle: str | None, cut: int) -> int:
        """As much of `cut` as the floors of the row's cycle allow, taken from them."""
        if cycle in self.hours:
            cut = min(cut, self.hours[cycle])
        left = self.row_classes.get(code, cut)  # a row's obligatory classes; a competency's cut counts whole
        if cycle in self.classes and left > self.classes[cycle]:
            cut = min(cut, self.classes[cycle])
        if cycle in self.hours:
            self.hours[cycle] -= cut
        if cycle in self.classes:
            taken = min(cut, left)
            self.classes[cycle] -= taken
            if code in self.row_classes:
                self.row_classes[code] -= taken
        return cut


def _sites(
    content: ProgramContent,
    table: Mapping[str, AnyDeclaration],
    units: Mapping[str, Unit],
    names: list[str],
    index: Mapping[str, int],
) -> list[SiteRule]:
    """The capacity of every partner site that says how many hours a term it hosts, over the items it
    hosts of `names`: competencies and practices (a course's consultations and exam and a module's exam
    close their rows where the last one ends and are not counted against a site)."""
    at = hosted(content, table, {c: units[c].module for c in names})
    out = []
    for code in sorted(set(at.values())):
        capacity = capacity_of(table, code)
        if capacity is not None:
            items = tuple(sorted((index[c], units[c].load) for c, s in at.items() if s == code and units[c].load))
            out.append(SiteRule(capacity, items, code))
    return out


def _terms_per_year(program: Program, std: Standard) -> int:
    cal = calendar_of(program, std)
    return per_year(program, cal[0]) if cal is not None else TERMS_PER_YEAR


def _deadlines(program: Program, std: Standard, rows: WholeProgram, cycles: list[str | None]) -> list[int]:
    """The last term each item may end in: the end of the study year its cycle says (`ends_by_year`),
    in terms of the program's calendar; empty when no cycle says it."""
    years = _terms_per_year(program, std)
    by_cycle = {code: c.ends_by_year * years for code, c in rows.cycles.items() if c.ends_by_year}
    out = [by_cycle.get(c or "", 0) for c in cycles]
    return out if any(out) else []


GENERAL_FIRST: tuple[tuple[CycleRole, ...], ...] = (
    (CycleRole.GENERAL_EDUCATION,),
    (CycleRole.HUMANITIES, CycleRole.NATURAL, CycleRole.GENERAL_PROFESSIONAL),
)


def _cycle_rank(rows: WholeProgram, cycle: str | None) -> int:
    """0 for general education, 1 for the other general cycles, 2 for the rest."""
    role = rows.cycles[cycle].role if cycle is not None and cycle in rows.cycles else None
    return next((k for k, roles in enumerate(GENERAL_FIRST) if role in roles), len(GENERAL_FIRST))


def _gained_at(
    practices: list[str],
    hours: int,
    room: dict[str, int],
    held: dict[tuple[str, str | None], int],
    key: tuple[str, str | None],
) -> str | None:
    """The practice an experience is gained at — the first of the competency's (production, then
    educational) with room for all of it, else the first with room for some — and how much of it that
    practice holds (taken from its room)."""
    fits = [c for c in practices if room.get(c, 0) >= hours] or [c for c in practices if room.get(c, 0) > 0]
    if not fits:
        return None
    held[key] = min(hours, room[fits[0]])
    room[fits[0]] -= held[key]
    return fits[0]


def _practice_of(
    modules: list[Module], codes: set[str], graph: CompetencyGraph, recognized: AbstractSet[str]
) -> dict[str, list[str]]:
    """The practices each competency's experience may be gained at, in order: the module's production
    practice that covers it, then its educational practice. A practice without `covers` covers its
    module's competencies and the others of the module's activity (an enterprise's, taught at its
    practice)."""
    out: dict[str, list[str]] = {}
    for mod in modules:
        members = [r.code for r in mod.taught]
        if mod.activity is not None:
            activity = mod.activity.code
            members += sorted(
                c
                for c in codes
                if c not in members
                and (comp := graph.competencies.get(c)) is not None
                and comp.activity is not None
                and comp.activity.code == activity
            )
        order = sorted(mod.practices, key=lambda p: p.kind is not PracticeKind.PRODUCTION)
        for block in order:
            if block.kind is PracticeKind.PRE_DIPLOMA or block.code in recognized:
                continue
            for code in [r.code for r in block.covers] or members:
                if code in codes and block.code not in out.setdefault(code, []):
                    out[code].append(block.code)
    return out


def _courses_own_hours(mod: Module, graph: CompetencyGraph) -> list[tuple[Course, Hours]]:
    """Each course of a module with its own hours (`COURSE_ONLY_KINDS`: consultations, course design,
    the exam), beyond what the competencies it forms declare of those kinds; a competency counts for the
    first course that covers it. Its other kinds are its competencies' (C231 compares them)."""
    claimed: set[str] = set()
    out = []
    for course in mod.courses:
        formed = Hours()
        for ref in course.covers:
            comp = graph.competencies.get(ref.code)
            if comp is not None and ref.code not in claimed:
                claimed.add(ref.code)
                formed = formed + comp.hours
        own = {k: max(0, getattr(course.hours, k) - getattr(formed, k)) for k in COURSE_ONLY_KINDS}
        out.append((course, Hours(**own)))
    return out


def _members(mod: Module, index: Mapping[str, int], units: Mapping[str, Unit]) -> list[str]:
    """The competencies a module teaches (through its courses or directly) that the problem places, with
    hours of their own: a general competency the module lists (ОК, formed across the plan) holds no
    practice and no exam back."""
    return [c for c in dict.fromkeys(r.code for r in mod.taught) if c in index and units[c].load]


def _practice_unit(block: Practice, module: str | None, load: int | None, why: Why) -> Unit:
    return Unit(
        code=block.code,
        title=block.title.value if block.title else block.code,
        kind="practice",
        module=module,
        hours=Hours(practice=block.hours_at(load)),
        saved=0,
        requires=[],
        coreq=[],
        why=why,
    )


def hours_over_target(
    program: Program, table: Mapping[str, AnyDeclaration], graph: CompetencyGraph
) -> tuple[int, int, int] | None:
    """(hours, capacity, terms) when what the program must teach cannot fit the terms its target allows,
    counted as `compact` counts them (recognition and outcomes taught once applied, every kind of work,
    the final attestation): the one capacity rule `check` (C304) and `compact` (C310) share. None when
    it fits, or when there is no target or calendar to measure against."""
    from constructor.compact.closure import close
    from constructor.graph import attainable
    from constructor.graph.whole import calendar_of, target_terms

    std = table.get(program.standard.code) if program.standard else None
    std = std if isinstance(std, Standard) else None
    cal = calendar_of(program, std)
    allowed = target_terms(program, std)
    if std is None or cal is None or allowed is None:
        return None
    weeks, load = cal
    context = context_of(program, table, graph)
    recognized = program.recognized
    cheapest = close(graph, list(context.asked), recognized, attainable(graph))
    problem = build(program, table, graph, std, cheapest, [w * load for w in weeks], context).problem
    hours = sum(problem.hours) + problem.final_hours + sum(problem.background)
    capacity = sum(problem.capacity(t) for t in range(1, allowed + 1))
    return (hours, capacity, allowed) if hours > capacity else None
