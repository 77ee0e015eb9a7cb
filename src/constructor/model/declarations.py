"""The declarations of a `.comp` file as frozen pydantic models: the contract between stages.

Every declaration and every reference keeps its span, so any later stage can point back at what
the methodologist wrote.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from constructor.model.parts import (
    Attestation,
    FinalPart,
    Quantity,
    ShareLimit,
    Signatory,
    Source,
    Spread,
    TermPlan,
    Topic,
    Variable,
)
from constructor.model.span import Span
from constructor.model.values import (
    AttestationForm,
    Base,
    CompetencyKind,
    DemoExamLevel,
    Duration,
    Frozen,
    Hours,
    OutcomeKind,
    PracticeKind,
    SiteKind,
    StandardStatus,
    StudyForm,
    Track,
)
from constructor.model.values import Profile as EducationProfile


class Ref(Frozen):
    """A code as it is referenced somewhere, with the place it was written."""

    code: str
    span: Span


class Text(Frozen):
    value: str
    span: Span


# ------------------------------------------------------------------ prerequisite expressions


class CodeExpr(Frozen):
    op: Literal["code"] = "code"
    ref: Ref


class AllOf(Frozen):
    op: Literal["all"] = "all"
    items: tuple[Expr, ...]
    span: Span


class AnyOf(Frozen):
    op: Literal["any"] = "any"
    items: tuple[Expr, ...]
    span: Span


Expr = Annotated[CodeExpr | AllOf | AnyOf, Field(discriminator="op")]


def expr_refs(expr: Expr) -> list[Ref]:
    """Every code an expression mentions, in source order (iterative: expressions may be deep)."""
    out: list[Ref] = []
    stack: list[Expr] = [expr]
    while stack:
        node = stack.pop()
        if isinstance(node, CodeExpr):
            out.append(node.ref)
        else:
            stack.extend(reversed(node.items))
    return out


def or_nodes(expr: Expr) -> list[AnyOf]:
    """The `or` nodes of an expression in a fixed order (numbered from 1 where choices are kept)."""
    out: list[AnyOf] = []
    stack: list[Expr] = [expr]
    while stack:
        node = stack.pop()
        if isinstance(node, AnyOf):
            out.append(node)
        if isinstance(node, AllOf | AnyOf):
            stack.extend(reversed(node.items))
    return out


def hard_codes(expr: Expr) -> list[str]:
    """The codes an expression needs whichever way its own `or`s are taken (not inside an `or`)."""
    out: list[str] = []
    stack: list[Expr] = [expr]
    while stack:
        node = stack.pop()
        if isinstance(node, CodeExpr):
            out.append(node.ref.code)
        elif isinstance(node, AllOf):
            stack.extend(reversed(node.items))
    return out


def needed_codes(expr: Expr, ors: list[AnyOf], pick: dict[int, int]) -> tuple[list[str], list[int]]:
    """Codes an expression needs under the choices made (`pick`: or number → alternative index), and
    the or numbers it meets that have no choice yet."""
    numbers = {id(node): k for k, node in enumerate(ors, start=1)}
    codes: list[str] = []
    open_ors: list[int] = []
    stack: list[Expr] = [expr]
    while stack:
        node = stack.pop()
        if isinstance(node, CodeExpr):
            codes.append(node.ref.code)
        elif isinstance(node, AllOf):
            stack.extend(reversed(node.items))
        else:
            k = numbers[id(node)]
            if k in pick:
                stack.append(node.items[pick[k]])
            else:
                open_ors.append(k)
    return codes, open_ors


# ------------------------------------------------------------------ declarations


class Declaration(Frozen):
    """What every declaration has: a code, an optional title and where each field was written."""

    code: str
    code_span: Span
    span: Span
    title: Text | None = None
    fields: dict[str, Span] = {}

    @property
    def thing(self) -> str:
        return type(self).__name__.lower()


class Use(Frozen):
    path: str
    span: Span


class Link(Frozen):
    """A professional-standard labour function: `06.001 A/01.3`."""

    standard: str
    function: str | None = None  # `A/01.3` (or the generalized function `A`)
    level: int | None = None
    span: Span


class Result(Frozen):
    """An item of knows/can/experience: a reference to a declared outcome, or a plain text."""

    code: str | None = None
    text: str | None = None
    span: Span


class Standard(Declaration):
    order: Text | None = None
    specialty: Ref | None = None
    specialty_title: Text | None = None
    weekly_load: int | None = None
    term_weeks: tuple[int, ...] = ()
    holiday_weeks: int | None = None
    practice_share_min: int | None = None  # percent
    practice_share_target: int | None = None
    variable_share_min: int | None = None
    final_attestation_hours: int | None = None  # in hours, or the weeks below at the weekly load
    final_attestation_weeks: int | None = None
    baseline: dict[Base, Duration] = {}
    general: tuple[Ref, ...] = ()
    activities: tuple[Ref, ...] = ()
    version: Text | None = None
    status: StandardStatus = StandardStatus.CURRENT
    superseded_by: Text | None = None
    cycles: tuple[Ref, ...] = ()
    volume: dict[Base, int] = {}  # hours of the whole program by entrant base
    variable_share: ShareLimit | None = None
    max_exams_per_year: int | None = None
    max_credits_per_year: int | None = None
    holiday_weeks_min: int | None = None
    holiday_weeks_max: int | None = None
    winter_holiday_weeks_min: int | None = None


class Activity(Declaration):
    number: int | None = None


class Outcome(Declaration):
    kind: OutcomeKind
    hours: int | None = None


class Competency(Declaration):
    kind: CompetencyKind
    activity: Ref | None = None
    hours: Hours = Hours()
    requires: Expr | None = None
    corequires: tuple[Ref, ...] = ()
    knows: tuple[Result, ...] = ()
    can: tuple[Result, ...] = ()
    experience: tuple[Result, ...] = ()
    links: tuple[Link, ...] = ()
    indicators: tuple[Text, ...] = ()  # how it is shown (показатели освоения), for the work programs
    credits: str | None = None  # as written (`4`, `3.5`): credit hours of an imported course
    tags: tuple[tuple[str, str], ...] = ()


def closing_forms(attestations: tuple[Attestation, ...]) -> list[AttestationForm]:
    """Every form a row takes in its last term: all written that are not `each` («exam, course_project»:
    an exam and a course project), else the last `each` one."""
    plain = [a.form for a in attestations if not a.each]
    return plain or ([attestations[-1].form] if attestations else [])


def last_form(attestations: tuple[Attestation, ...]) -> AttestationForm | None:
    """The form in a row's last term: the last one written that is not `each`, else an `each` one."""
    forms = closing_forms(attestations)
    return forms[-1] if forms else None


class Attested(Frozen):
    """A row with forms of attestation: `attestation` is the one in its last term."""

    attestations: tuple[Attestation, ...] = ()

    @property
    def attestation(self) -> AttestationForm | None:
        return last_form(self.attestations)


class RowFields(Attested):
    """What every row of a plan may say about its hours, terms and attestation."""

    total: int | None = None  # the total as written; checked against the hours by kind (C230)
    practical_training: int | None = None  # hours of «практическая подготовка» among them
    variable: Variable | None = None
    spread: Spread | None = None
    terms: tuple[TermPlan, ...] = ()  # hours and attestation by term, as a plan writes them
    topics: tuple[Topic, ...] = ()
    rooms: tuple[Ref, ...] = ()
    literature: tuple[Source, ...] = ()  # the work program's information support
    equipment: tuple[Text, ...] = ()  # and its equipment (оборудование, технические средства)


def written_forms(row: RowFields) -> list[AttestationForm]:
    """The forms that close a row (`closing_forms`), else those its last term block with a form writes
    (an imported МДК writes its forms by term only)."""
    if row.attestations:
        return closing_forms(row.attestations)
    return next((fs for t in reversed(row.terms) if (fs := closing_forms(t.attestations))), [])


class Course(RowFields, Declaration):
    """An interdisciplinary course (МДК) of a module. Its `requires` and `corequires` hold for every
    competency it covers: the course comes after (or no earlier than) the rows it names — МДК.01.02
    «Источники питания сварочной дуги» no earlier than ОП.04 «Электротехника»."""

    module: str
    covers: tuple[Ref, ...] = ()
    hours: Hours = Hours()
    requires: Expr | None = None
    corequires: tuple[Ref, ...] = ()


class Practice(Attested, Declaration):
    """A practice: educational (УП) or production (ПП) of a module, or pre-graduation (ПДП)."""

    module: str | None = None
    kind: PracticeKind
    hours: int  # as written in hours; 0 when written in weeks
    weeks: int | None = None
    site: Ref | None = None
    covers: tuple[Ref, ...] = ()
    cycle: Ref | None = None
    spread: Spread | None = None
    variable: Variable | None = None
    requires: Expr | None = None
    terms: tuple[TermPlan, ...] = ()  # its hours by term, as a plan writes them (`term 4 { hours practice 72 }`)

    def hours_at(self, weekly_load: int | None) -> int:
        """Its hours; weeks count at the weekly load."""
        return self.weeks * (weekly_load or 0) if self.weeks is not None else self.hours


class ModuleExam(Frozen):
    """The module's exam as a row of its own (`exam ПМ.01.ЭК 18 h`): in the term the last course or practice ends."""

    code: str
    amount: Quantity
    span: Span


class Module(Attested, Declaration):
    """A professional module (ПМ)."""

    activity: Ref | None = None
    covers: tuple[Ref, ...] = ()
    courses: tuple[Course, ...] = ()
    practices: tuple[Practice, ...] = ()
    exam: ModuleExam | None = None
    cycle: Ref | None = None
    rooms: tuple[Ref, ...] = ()
    variable: Variable | None = None
    literature: tuple[Source, ...] = ()
    equipment: tuple[Text, ...] = ()

    @property
    def taught(self) -> tuple[Ref, ...]:
        """The competencies the module teaches: its own `covers`, then its courses'."""
        return (*self.covers, *(r for course in self.courses for r in course.covers))


class Recognition(Frozen):
    """Prior learning recognised for the entrants (зачёт результатов)."""

    reason: Text
    covers: tuple[Ref, ...]
    span: Span


class DemoExam(Frozen):
    level: DemoExamLevel
    hours: int
    span: Span


class Thesis(Frozen):
    hours: int
    span: Span


class Program(Declaration):
    standard: Ref | None = None
    qualification: Text | None = None
    base: Base | None = None
    track: Track = Track.STANDARD
    target: Duration | None = None
    core: tuple[Ref, ...] = ()
    general: tuple[Ref, ...] = ()
    bundles: tuple[Ref, ...] = ()
    recognitions: tuple[Recognition, ...] = ()
    demo_exam: DemoExam | None = None  # the parts written in hours, as before parts existed
    thesis: Thesis | None = None
    final_parts: tuple[FinalPart, ...] = ()  # every part of the final attestation as written
    tags: tuple[tuple[str, str], ...] = ()
    disciplines: tuple[Ref, ...] = ()  # cycles, disciplines, elective groups and practices taught
    college: Ref | None = None
    form: StudyForm | None = None
    profile: EducationProfile | None = None
    admission: int | None = None  # the year admission starts
    term_weeks: tuple[int, ...] = ()  # study weeks of each term of this plan (else the standard's)
    attestation_weeks: tuple[int, ...] = ()  # intermediate-attestation weeks of each term (or per year)
    holidays: dict[str, int] = {}  # weeks a year: winter, summer
    agreed_by: tuple[Signatory, ...] = ()
    approved_by: Signatory | None = None
    complex_exams: tuple[tuple[Ref, ...], ...] = ()
    complex_credits: tuple[tuple[Ref, ...], ...] = ()  # rows whose credits in one term are one credit
    rooms: tuple[Ref, ...] = ()  # the rooms, labs and workshops the program needs (else the college's)

    @property
    def recognized(self) -> frozenset[str]:
        """Codes the entrants already have (`recognize … covers`): competencies and module practices."""
        return frozenset(r.code for rec in self.recognitions for r in rec.covers)


class Site(Declaration):
    kind: SiteKind | None = None
    hours_per_term: int | None = None


class Profession(Declaration):
    attained_by: tuple[Ref, ...] = ()


class Delivery(Frozen):
    """Modules (or their courses and practices) taught at a partner site."""

    parts: tuple[Ref, ...]
    site: Ref
    span: Span


class Bundle(Declaration):
    """An enterprise's proposal of competencies for a program."""

    enterprise: Text | None = None
    standard: Ref | None = None
    requests: tuple[Ref, ...] = ()
    competencies: tuple[Competency, ...] = ()
    # the enterprise's МДК: in a program that takes the bundle, each joins the core module of its
    # competencies' activity (`module` is empty until then: compact/bundle_courses.py)
    courses: tuple[Course, ...] = ()
    hours_max: int | None = None
    deliveries: tuple[Delivery, ...] = ()
    seats: int | None = None


AllOf.model_rebuild()
AnyOf.model_rebuild()
