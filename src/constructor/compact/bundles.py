"""Enterprise bundles evaluated against a program: what each asks for, what it pulls in, what it
costs in hours and in duration, and how the alternatives compare (`constructor bundle`)."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass, field

from constructor.compact.build import compact
from constructor.compact.plan import Plan
from constructor.diagnostics import Diagnostic, diagnostic
from constructor.graph import CompetencyGraph
from constructor.i18n import Lang
from constructor.model import AnyDeclaration, Bundle, Competency, CompetencyKind, Program, Ref, Standard

MAX_SUBSETS = 4  # bundles up to which every combination is compared; beyond, each alone and all together
_SPECIALTY = re.compile(r"\d{2}\.(\d{2})\.\d{2}")
# Levels of professional-standard functions a qualification may rest on. Workers' programs (XX.01.YY)
# about 2–4; specialists' (XX.02.YY) 4–5, and down to 2 because they include a worker profession (ВД).
LEVELS = {"01": (2, 4), "02": (2, 5)}


@dataclass
class Request:
    code: str
    title: str
    kind: str  # standard | variable | unknown
    in_core: bool
    links: list[str] = field(default_factory=list)


@dataclass
class Evaluation:
    bundle: str
    title: str
    enterprise: str | None
    taken: bool  # the program lists it in `bundles`
    requests: list[Request]
    pulls_in: list[tuple[str, str]]  # (code, title) of what it brings beyond its requests
    hours_added: int
    hours_max: int | None
    duration_without: str
    duration_with: str
    terms_without: int
    terms_with: int
    meets_target: bool | None
    reason: str | None  # when it breaks the target: the chain, or the hours
    seats: int | None
    graduation_year: int | None
    sites: list[str]


@dataclass
class Alternative:
    bundles: list[str]
    hours: int
    duration: str
    terms: int
    meets_target: bool | None


@dataclass
class Report:
    program: str
    target: str | None
    evaluations: list[Evaluation]
    alternatives: list[Alternative]

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


def _variant(program: Program, bundles: list[Ref]) -> Program:
    return program.model_copy(update={"bundles": tuple(bundles)})


def _plan(
    program: Program, table: Mapping[str, AnyDeclaration], graph: CompetencyGraph, bundles: list[Ref], lang: Lang
) -> tuple[Plan | None, list[Diagnostic]]:
    return compact(_variant(program, bundles), table, graph)


def _reason(diags: list[Diagnostic], lang: Lang) -> str | None:
    for d in diags:
        if d.code == "C310" and d.notes:
            return d.notes[0].text(lang)
    return None


def _levels(program: Program, table: Mapping[str, AnyDeclaration], bundle: Bundle) -> list[Diagnostic]:
    std = table.get(program.standard.code) if program.standard else None
    specialty = std.specialty.code if isinstance(std, Standard) and std.specialty else (std.code if std else "")
    m = _SPECIALTY.search(specialty or "")
    if m is None or m.group(1) not in LEVELS:
        return []
    low, high = LEVELS[m.group(1)]
    out = []
    for comp in bundle.competencies:
        for link in comp.links:
            if link.level is not None and not low <= link.level <= high:
                out.append(
                    diagnostic(
                        "C323",
                        "labour-function-level",
                        link.span,
                        code=comp.code,
                        link=f"{link.standard} {link.function}",
                        level=link.level,
                        low=low,
                        high=high,
                    )
                )
    return out


def evaluate(
    program: Program, table: Mapping[str, AnyDeclaration], graph: CompetencyGraph, lang: Lang = "ru"
) -> tuple[Report, list[Diagnostic]]:
    """Every bundle the program takes, and every other bundle in view, weighed against the program."""
    diags: list[Diagnostic] = []
    taken = [r for r in program.bundles if isinstance(table.get(r.code), Bundle)]
    candidates = [d for d in table.values() if isinstance(d, Bundle)]
    std_code = program.standard.code if program.standard else None
    # one compaction a set of bundles: the core, each weighing's «without» and «with» and the
    # combinations name the same sets again (five compactions were two for a program with one bundle)
    made: dict[tuple[str, ...], tuple[Plan | None, list[Diagnostic]]] = {}

    def plan_of(bundles: list[Ref]) -> tuple[Plan | None, list[Diagnostic]]:
        key = tuple(r.code for r in bundles)
        if key not in made:
            made[key] = _plan(program, table, graph, bundles, lang)
        return made[key]

    core_plan, _ = plan_of([])
    core_codes = {i.code for i in core_plan.items} if core_plan else set()
    evaluations = []
    for bundle in candidates:
        if bundle.standard is not None and std_code is not None and bundle.standard.code != std_code:
            diags.append(
                diagnostic(
                    "C321",
                    "bundle-other-standard",
                    bundle.standard.span,
                    bundle=bundle.code,
                    standard=bundle.standard.code,
                    program=program.code,
                    program_standard=std_code,
                )
            )
            continue
        found, found_diags = weigh(program, table, graph, bundle, lang, taken, core_codes, plan_of=plan_of)
        diags += found_diags
        if found is not None:
            evaluations.append(found)
    alternatives = []
    codes = [e.bundle for e in evaluations]
    subsets: list[tuple[str, ...]] = []
    if len(codes) <= MAX_SUBSETS:
        subsets = [c for k in range(len(codes) + 1) for c in itertools.combinations(codes, k)]
    else:
        subsets = [(), *((c,) for c in codes), tuple(codes)]
    for subset in subsets:
        plan, _ = plan_of([Ref(code=c, span=program.code_span) for c in subset])
        if plan is not None:
            alternatives.append(
                Alternative(list(subset), plan.total_hours, plan.duration, len(plan.terms), plan.meets_target)
            )
    return Report(program.code, str(program.target) if program.target else None, evaluations, alternatives), diags


@dataclass
class ClusterRow:
    enterprise: str
    year: int
    qualification: str | None
    program: str
    seats: int


def cluster(programs: Sequence[tuple[Program, Mapping[str, AnyDeclaration], CompetencyGraph]]) -> list[ClusterRow]:
    """Targeted graduates across a cluster's programs, per enterprise and study year of graduation."""
    rows = []
    for program, table, graph in programs:
        plan, _ = compact(program, table, graph)
        if plan is None:
            continue
        for g in plan.graduates:
            rows.append(ClusterRow(g.enterprise or g.bundle, g.year, g.qualification, program.code, g.seats))
    return sorted(rows, key=lambda r: (r.enterprise, r.year, r.program))


def weigh(
    program: Program,
    table: Mapping[str, AnyDeclaration],
    graph: CompetencyGraph,
    bundle: Bundle,
    lang: Lang,
    taken: list[Ref] | None = None,
    core_codes: set[str] | None = None,
    without: Plan | None = None,
    plan_of: Callable[[list[Ref]], tuple[Plan | None, list[Diagnostic]]] | None = None,
) -> tuple[Evaluation | None, list[Diagnostic]]:
    """One bundle weighed against the program with the other bundles it takes: what it adds, against its
    cap, and the duration without and with it (None when either plan cannot be made: the diagnostics say
    why). The portal's composer weighs a draft this way, with `without`: the plan of the program with
    the other bundles, which it keeps while the project's files stay the same."""
    diags: list[Diagnostic] = []

    def made(bundles: list[Ref]) -> tuple[Plan | None, list[Diagnostic]]:
        return plan_of(bundles) if plan_of is not None else _plan(program, table, graph, bundles, lang)

    if taken is None:
        taken = [r for r in program.bundles if isinstance(table.get(r.code), Bundle)]
    if core_codes is None:
        core_plan, _ = made([])
        core_codes = {i.code for i in core_plan.items} if core_plan else set()
    taken_codes = {r.code for r in taken}
    ref = Ref(code=bundle.code, span=bundle.code_span)
    others = [r for r in taken if r.code != bundle.code]
    if without is None:  # (the portal passes the plan it keeps for the program as it is)
        without, _ = made(others)
    with_plan, with_diags = made([*others, ref])
    if without is None or with_plan is None:
        diags += with_diags
        return None, diags
    before = {i.code for i in without.items}
    added = [i for i in with_plan.items if i.code not in before]
    asked = {r.code for r in bundle.requests} | {c.code for c in bundle.competencies}
    requests = []
    for code in [
        *(r.code for r in bundle.requests),
        *(c.code for c in bundle.competencies if c.code not in {r.code for r in bundle.requests}),
    ]:
        decl = table.get(code)
        comp = decl if isinstance(decl, Competency) else None
        kind = "unknown" if comp is None else ("variable" if comp.kind is CompetencyKind.VARIABLE else "standard")
        links = [f"{x.standard} {x.function}" if x.function else x.standard for x in (comp.links if comp else ())]
        requests.append(
            Request(code, comp.title.value if comp and comp.title else code, kind, code in core_codes, links)
        )
    hours_added = sum(i.hours_by_kind.total for i in added)
    if bundle.hours_max is not None and hours_added > bundle.hours_max:
        diags.append(
            diagnostic(
                "C322",
                "bundle-over-cap",
                bundle.fields.get("HOURS_MAX", bundle.code_span),
                bundle=bundle.code,
                hours=hours_added,
                cap=bundle.hours_max,
            )
        )
    diags += _levels(program, table, bundle)
    breaks = with_plan.meets_target is False and without.meets_target is not False
    return (
        Evaluation(
            bundle=bundle.code,
            title=bundle.title.value if bundle.title else bundle.code,
            enterprise=bundle.enterprise.value if bundle.enterprise else None,
            taken=bundle.code in taken_codes,
            requests=requests,
            pulls_in=[(i.code, i.title) for i in added if i.code not in asked],
            hours_added=hours_added,
            hours_max=bundle.hours_max,
            duration_without=without.duration,
            duration_with=with_plan.duration,
            terms_without=len(without.terms),
            terms_with=len(with_plan.terms),
            meets_target=with_plan.meets_target,
            reason=_reason(with_diags, lang) if breaks else None,
            seats=bundle.seats,
            graduation_year=with_plan.terms[-1].year if bundle.seats and with_plan.terms else None,
            sites=sorted({d.site.code for d in bundle.deliveries}),
        ),
        diags,
    )
