"""The compacted program: the `Plan` model, the only input the renderers need (docs/plan.md)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

from pydantic import BaseModel, ConfigDict

from constructor.model import Course, Module


class PlanModel(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class HoursByKind(PlanModel):
    theory: int = 0
    practice: int = 0
    lab: int = 0
    course_design: int = 0
    project: int = 0
    consultations: int = 0
    self_study: int = 0
    attestation: int = 0
    total: int = 0


class Why(PlanModel):
    """Why an item is in the program, and why it sits in its term."""

    reason: Literal["module", "general", "bundle", "prerequisite", "practice", "discipline"]
    via: str  # the module, program, bundle, or the first competency of the chain
    chain: list[str] = []  # for a prerequisite: the requested competency → … → this one
    term_reason: Literal["first", "prerequisite", "corequisite", "capacity", "balance", "module", "written"] = "first"
    binding: str | None = None  # the prerequisite (or co-requisite) that holds it back


class Elsewhere(PlanModel):
    """An outcome a row declares but does not teach again: `by` teaches it — an earlier row (a
    general-education subject, another competency) or the module's practice — and `hours` left the row."""

    outcome: str
    by: str
    hours: int


class Item(PlanModel):
    code: str
    title: str
    kind: Literal["general", "professional", "variable", "foundation", "practice", "discipline", "exam", "course"]
    module: str | None
    term: int  # the first term it runs in
    hours: int  # hours counted against the term's capacity: every kind of work, self-study included
    hours_by_kind: HoursByKind
    saved: int = 0  # hours not taught again: outcomes already taught by an earlier competency
    variable: int = 0  # hours in the variable part of the program (compact/variable.py)
    requires: list[str] = []
    coreq: list[str] = []
    why: Why
    cycle: str | None = None  # the cycle of the standard the item's row belongs to
    hours_by_term: dict[int, int] = {}  # term → hours (an item in one term has one entry)
    attestation: dict[int, str] = {}  # term → form of intermediate attestation (Э, Эк, З, ДЗ, КП, КР; «Э, КП»)
    taught_elsewhere: list[Elsewhere] = []  # of `saved`: each outcome not taught again, and where it is
    course: str | None = None  # the МДК whose row a competency (or a course's own hours) is taught in

    @property
    def last_term(self) -> int:
        """The last term it has hours in (`term` is its first)."""
        return max(self.hours_by_term, default=self.term)


class Term(PlanModel):
    number: int
    year: int
    weeks: int
    capacity_hours: int
    hours: int
    hours_by_kind: HoursByKind
    final_attestation_hours: int = 0
    items: list[str] = []


class FinalPart(PlanModel):
    """A part of the final attestation as the program writes it (`thesis 72 h`): a row of the plan."""

    kind: Literal["demo_exam", "demo_exam_preparation", "thesis", "thesis_preparation", "state_exam"]
    hours: int


class Credit(PlanModel):
    """Prior learning credited to the entrants who prove it: on which document (`reason`, as the program
    writes it) and what it credits (`codes`, the plan's `recognized` it accounts for)."""

    reason: str
    codes: list[str]


class FinalAttestation(PlanModel):
    term: int
    hours: int
    parts: list[FinalPart] = []  # as written (empty when the standard's volume is used)
    demo_exam: str | None = None  # level: basic | profile
    demo_exam_hours: int = 0
    thesis_hours: int = 0


class Savings(PlanModel):
    """Where the saved hours and terms came from. The hours add up: `full_hours` − recognition −
    integration − practice − shared outcomes = the plan's `total_hours`."""

    full_hours: int = 0  # the program's rows before any reduction, the final attestation included
    recognition_hours: int = 0  # not taught: prior learning recognised
    integration_hours: int = 0  # outcomes general education shares with the other cycles, taught once
    practice_hours: int = 0  # experience gained at the module's practice, not taught again in its courses
    shared_outcomes_hours: int = 0  # other outcomes taught once
    terms: int = 0  # baseline terms − compacted terms
    months: int = 0
    packing_terms: int = 0  # terms the schedule saves on the full content, before any reduction
    reduction_terms: int = 0  # terms the hour reductions save on top of it


class SiteTerm(PlanModel):
    term: int
    hours: int
    items: list[str]


class SiteLoad(PlanModel):
    """What a partner site of the cluster hosts (network form), term by term."""

    code: str
    title: str
    capacity_hours: int | None  # per term, as the site declares
    terms: list[SiteTerm]


class ProfessionTerm(PlanModel):
    """When a worker profession becomes attainable: the last term of its competencies and of the
    modules that teach them (their practices and qualification exam)."""

    code: str
    title: str
    term: int | None  # None when the program does not teach all of it
    missing: list[str] = []
    credited: list[str] = []  # what of it the plan credits (recognised competencies, their modules' practices)


class Graduates(PlanModel):
    """Targeted training: the graduates an enterprise will receive, and when."""

    bundle: str
    enterprise: str | None
    seats: int
    year: int  # the study year in which they graduate
    qualification: str | None


class CycleHours(PlanModel):
    """A cycle of the standard: the hours the program declares in it, and those this plan schedules."""

    id: str
    title: str
    hours: int
    scheduled_hours: int


class YearAttestation(PlanModel):
    """Exams and credits of a study year, counted as the yearly limits count them (physical culture and
    other `outside_limits` rows not counted, a complex exam or a complex credit once), with the standard's limits."""

    year: int
    exams: int
    credits: int
    max_exams: int | None = None
    max_credits: int | None = None


PLAN_VERSION = 1  # grows when a field changes meaning or goes away (docs/plan.md); added fields keep it


class Plan(PlanModel):
    format: Literal["constructor/plan"] = "constructor/plan"
    version: int = PLAN_VERSION
    program: str
    program_title: str
    standard: str | None
    qualification: str | None
    base: str | None
    track: str
    status: Literal["optimal", "feasible", "as_written"]  # as_written: the rows where the program writes them
    lower_bound: int | None  # None in an as-written plan: nothing was scheduled, nothing is claimed
    lower_bound_reason: Literal["chain", "hours", "attestation", "site", "solver"] | None
    gap: int | None  # terms − lower_bound
    method: Literal["exact", "heuristic", "as_written"]
    solver_seconds: float | None
    heuristic_choices: bool  # True when some `or` alternatives were chosen greedily
    baseline: str | None
    target: str | None
    duration: str
    meets_target: bool | None
    weekly_load: int
    terms: list[Term]
    items: list[Item]
    recognized: list[str]
    credits: list[Credit] = []  # `recognized` by the document that credits it («зачтено» says for whom)
    final_attestation: FinalAttestation
    savings: Savings
    total_hours: int
    sites: list[SiteLoad] = []
    professions: list[ProfessionTerm] = []
    graduates: list[Graduates] = []
    cycles: list[CycleHours] = []
    attestations: list[YearAttestation] = []
    notes: list[str] = []

    @property
    def shortened(self) -> bool:
        """Fewer terms than the normative term: the note, the report and `render` say «сокращение» then."""
        return self.savings.terms > 0

    @property
    def practice_hours(self) -> int:
        """Practical classes and practices: what the standard's practice share (C305) and the
        explanatory note measure."""
        return sum(i.hours if i.kind == "practice" else i.hours_by_kind.practice for i in self.items)


def course_parts(module: Module, codes: Iterable[str]) -> tuple[list[tuple[Course, list[str]]], list[str]]:
    """A module's item codes by МДК, as the plan's rows are made: each course's competencies (in its
    `covers` order, each in the first course that forms it) then the item of its own hours; and the codes
    no course takes (practices, the exam, competencies outside the courses), in their order. The plan
    table, the variable part and the `.plx` export group a module's items by this one rule."""
    present = list(dict.fromkeys(codes))
    have = set(present)
    used: set[str] = set()
    groups: list[tuple[Course, list[str]]] = []
    for course in module.courses:
        parts = [r.code for r in course.covers if r.code in have and r.code not in used]
        if course.code in have:  # its own consultations, course project and exam
            parts.append(course.code)
        used.update(parts)
        if parts:
            groups.append((course, parts))
    return groups, [c for c in present if c not in used]
