"""Why a competency is in a program, and what depends on it: `constructor explain`."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field

from constructor.graph.cycles import attainable
from constructor.graph.graph import CompetencyGraph
from constructor.graph.program import gather, requests
from constructor.graph.whole import whole
from constructor.model import AnyDeclaration, Discipline, Program

# every kind of hours a competency may declare, in the order `explain` prints them (all add up to the total)
HOUR_KINDS = ("theory", "practice", "lab", "course_design", "project", "consultations", "self_study", "attestation")


@dataclass
class Reason:
    kind: str  # module | general | bundle | recognized | prerequisite | discipline
    via: str  # the module, program, bundle, or the competency whose chain pulls it in
    chain: list[str] = field(default_factory=list)  # for prerequisites: root → … → the competency


@dataclass
class Explanation:
    code: str
    title: str
    kind: str
    activity: str | None
    module: str | None
    course: str | None
    hours: dict[str, int]
    program: str | None
    reasons: list[Reason]
    requires: list[str]
    requires_all: int
    dependents: list[str]
    dependents_all: list[str]
    modules_affected: list[str]
    lost_without: list[str]

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


def explain(
    code: str, table: Mapping[str, AnyDeclaration], graph: CompetencyGraph, program: Program | None
) -> Explanation:
    comp = graph.competencies[code]
    reasons: list[Reason] = []
    if program is not None:
        content = gather(program, table, graph)
        asked = requests(program, content)
        row = next((r for r in whole(program, table, graph, content).rows if r.code == code), None)
        if isinstance(comp, Discipline) and row is not None:
            # a discipline of a cycle the program takes (`disciplines ОГСЭ, …`): a newcomer read «её нет в
            # программе» beside a discipline the plan had
            reasons.append(Reason("discipline", row.cycle or program.code))
        elif code in asked:
            reasons.append(Reason(*asked[code]))
        else:
            chain = graph.chains_from(asked).get(code)
            if chain:
                reasons.append(Reason("prerequisite", asked[chain[0]][1], chain))
        for rec in program.recognitions:
            if any(r.code == code for r in rec.covers):
                reasons.append(Reason("recognized", rec.reason.value))
    below = graph.closure([code])
    above = graph.closure([code], upward=True)
    dependents_all = [c for c in graph.competencies if c in above and c != code]
    lost = attainable(graph) - attainable(graph, frozenset([code])) - {code}
    course = graph.course_of(code)
    return Explanation(
        code=code,
        title=graph.title(code),
        kind="discipline" if isinstance(comp, Discipline) else comp.kind.value,
        activity=comp.activity.code if comp.activity else None,
        module=graph.module_of.get(code),
        course=course.code if course else None,
        hours={kind: getattr(comp.hours, kind) for kind in HOUR_KINDS} | {"total": comp.hours.total},
        program=program.code if program else None,
        reasons=reasons,
        requires=graph.prerequisites(code) + graph.corequisites(code),
        requires_all=len(below) - 1,
        dependents=graph.dependents(code),
        dependents_all=dependents_all,
        modules_affected=sorted({m for c in dependents_all if (m := graph.module_of.get(c))}),
        lost_without=[c for c in graph.competencies if c in lost],
    )
