"""The declarations of a `.comp` file as frozen pydantic models: the contract between stages.

Every declaration and every reference keeps its span, so any later stage can point back at what
the methodologist wrote.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

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
    Track,
)


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
    final_attestation_hours: int | None = None
    baseline: dict[Base, Duration] = {}
    general: tuple[Ref, ...] = ()
    activities: tuple[Ref, ...] = ()


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
    credits: str | None = None  # as written (`4`, `3.5`): credit hours of an imported course
    tags: tuple[tuple[str, str], ...] = ()


class Course(Declaration):
    """An interdisciplinary course (МДК) of a module."""

    module: str
    covers: tuple[Ref, ...] = ()
    hours: Hours = Hours()
    attestation: AttestationForm | None = None


class Practice(Declaration):
    """An educational (УП) or production (ПП) practice block of a module."""

    module: str
    kind: PracticeKind
    hours: int
    site: Ref | None = None
    covers: tuple[Ref, ...] = ()


class Module(Declaration):
    """A professional module (ПМ)."""

    activity: Ref | None = None
    covers: tuple[Ref, ...] = ()
    courses: tuple[Course, ...] = ()
    practices: tuple[Practice, ...] = ()
    attestation: AttestationForm | None = None


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
    demo_exam: DemoExam | None = None
    thesis: Thesis | None = None
    tags: tuple[tuple[str, str], ...] = ()


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
    hours_max: int | None = None
    deliveries: tuple[Delivery, ...] = ()
    seats: int | None = None


AnyDeclaration = (
    Standard | Activity | Outcome | Competency | Module | Course | Practice | Program | Site | Profession | Bundle
)
TopDeclaration = Standard | Activity | Outcome | Competency | Module | Program | Site | Profession | Bundle


class SourceFile(Frozen):
    """One parsed `.comp` file."""

    path: str
    uses: tuple[Use, ...] = ()
    declarations: tuple[TopDeclaration, ...] = ()

    def all_declarations(self) -> list[AnyDeclaration]:
        """Top-level declarations and the ones nested in them (courses, practices, bundle competencies)."""
        out: list[AnyDeclaration] = []
        for decl in self.declarations:
            out.append(decl)
            if isinstance(decl, Module):
                out.extend(decl.courses)
                out.extend(decl.practices)
            elif isinstance(decl, Bundle):
                out.extend(decl.competencies)
        return out


AllOf.model_rebuild()
AnyOf.model_rebuild()
