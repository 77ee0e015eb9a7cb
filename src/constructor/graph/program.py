"""Checks of a program against its standard: C301 missing-general-competency,
C302 uncovered-activity-competency, C303 activity-without-module, C304 hours-exceed-duration,
C305 practice-share-low, C307 bundle-request-in-core (C306, the variable share, is measured on the
whole program's rows: graph/variable.py).

Hours of a program: every competency it teaches (its own hours), every practice block of its core
modules, and the final attestation. Course (МДК) hours are a breakdown of the same content and are
not added again. The practice share is of every row of the whole program.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from constructor.diagnostics import Diagnostic, Label, diagnostic
from constructor.graph.graph import CompetencyGraph
from constructor.i18n import Count, Dur, Msg
from constructor.model import (
    AnyDeclaration,
    Bundle,
    Competency,
    CompetencyKind,
    Module,
    Program,
    Ref,
    Span,
    Standard,
    Track,
)
from constructor.model.codes import code_key

if TYPE_CHECKING:  # graph.whole imports this module
    from constructor.graph.whole import WholeProgram

MAX_LISTED = 8


@dataclass
class ProgramContent:
    """What a program teaches, gathered from its core modules, general competencies and bundles."""

    program: Program
    standard: Standard | None
    modules: list[Module] = field(default_factory=list)
    bundles: list[Bundle] = field(default_factory=list)
    competencies: dict[str, Competency] = field(default_factory=dict)  # code → competency, closed over prerequisites
    core: set[str] = field(default_factory=set)  # covered by core modules or listed as general

    @property
    def practice_codes(self) -> set[str]:
        return {p.code for m in self.modules for p in m.practices}

    @property
    def practice_blocks(self) -> int:
        load = self.standard.weekly_load if self.standard else None
        return sum(p.hours_at(load) for m in self.modules for p in m.practices)

    @property
    def final_hours(self) -> int:
        from constructor.graph.whole import final_hours

        return final_hours(self.program, self.standard)

    @property
    def total(self) -> int:
        return sum(c.hours.total for c in self.competencies.values()) + self.practice_blocks + self.final_hours

    @property
    def practice(self) -> int:
        return sum(c.hours.practice for c in self.competencies.values()) + self.practice_blocks


def gather(program: Program, table: Mapping[str, AnyDeclaration], graph: CompetencyGraph) -> ProgramContent:
    std = table.get(program.standard.code) if program.standard else None
    content = ProgramContent(program, std if isinstance(std, Standard) else None)
    wanted: list[str] = []
    enterprises = {c.code for ref in program.bundles if isinstance(b := table.get(ref.code), Bundle) for c in b.courses}
    for ref in program.core:
        mod = table.get(ref.code)
        if isinstance(mod, Module):
            content.modules.append(mod)
            # a bundle's МДK in the module (graph/bundle_courses.py) teaches the bundle's competencies,
            # not the core's: they stay what the enterprise asked for
            codes = [r.code for r in own_taught(mod, enterprises)]
            content.core.update(codes)
            wanted.extend(codes)
    content.core.update(r.code for r in program.general)
    wanted.extend(r.code for r in program.general)
    for ref in program.bundles:
        bundle = table.get(ref.code)
        if isinstance(bundle, Bundle):
            content.bundles.append(bundle)
            wanted.extend(r.code for r in bundle.requests)
            wanted.extend(c.code for c in bundle.competencies)
    for code in graph.closure(wanted):
        content.competencies[code] = graph.competencies[code]
    return content


def own_taught(mod: Module, enterprises: set[str]) -> list[Ref]:
    """What a module teaches for itself: its `covers` and its courses' — not the МДК an enterprise's
    bundle added to it (`enterprises`: their codes; graph/bundle_courses.py), whose competencies stay
    what the enterprise asked for."""
    return [*mod.covers, *(r for c in mod.courses if c.code not in enterprises for r in c.covers)]


def requests(program: Program, content: ProgramContent) -> dict[str, tuple[str, str]]:
    """What the program asks for itself: code → (why: module, general or bundle; which one)."""
    out: dict[str, tuple[str, str]] = {}
    enterprises = {c.code for b in content.bundles for c in b.courses}
    for mod in content.modules:
        for ref in own_taught(mod, enterprises):
            out.setdefault(ref.code, ("module", mod.code))
    for ref in program.general:
        out.setdefault(ref.code, ("general", program.code))
    for bundle in content.bundles:
        for code in (*(r.code for r in bundle.requests), *(c.code for c in bundle.competencies)):
            out.setdefault(code, ("bundle", bundle.code))
    return out


def _codes(codes: list[str]) -> str:
    shown = ", ".join(codes[:MAX_LISTED])
    return shown + (f" … (+{len(codes) - MAX_LISTED})" if len(codes) > MAX_LISTED else "")


def check_program(
    program: Program,
    table: Mapping[str, AnyDeclaration],
    graph: CompetencyGraph,
    content: ProgramContent,
    rows: WholeProgram,
) -> list[Diagnostic]:
    """The program-level rules; `content` is its `gather`, `rows` its whole program (`whole`)."""
    std = content.standard
    diags: list[Diagnostic] = []
    if std is not None:
        listed = {r.code for r in program.general}
        missing = [r.code for r in std.general if r.code not in listed]
        if missing:
            where = program.fields.get("GENERAL", program.code_span)
            diags.append(
                diagnostic(
                    "C301",
                    "missing-general-competency",
                    where,
                    codes=_codes(missing),
                    count=Count(len(missing), "general_missing"),
                    standard=std.code,
                    help="missing-general-competency.help",
                )
            )
        chosen = {m.activity.code for m in content.modules if m.activity is not None}
        for ref in std.activities:
            if ref.code not in chosen:
                diags.append(
                    diagnostic(
                        "C303",
                        "activity-without-module",
                        program.fields.get("CORE", program.code_span),
                        activity=ref.code,
                        standard=std.code,
                    )
                )
    for mod in content.modules:
        if mod.activity is None:
            continue
        covered = {r.code for r in mod.taught}
        missing = [
            c.code
            for c in graph.competencies.values()
            if c.activity is not None
            and c.activity.code == mod.activity.code
            and c.kind is CompetencyKind.PROFESSIONAL
            and c.code not in covered
        ]
        missing.sort(key=code_key)  # «ПК-1.1, ПК-1.2 …», not the order the files declare them in (a newcomer)
        if missing:
            ref = next(r for r in program.core if r.code == mod.code)
            diags.append(
                diagnostic(
                    "C302",
                    "uncovered-activity-competency",
                    ref.span,
                    labels=[Label(mod.code_span, Msg("module.declared-here"))],
                    module=mod.code,
                    activity=mod.activity.code,
                    codes=_codes(missing),
                    help="uncovered-activity-competency.help",
                )
            )
    for bundle in content.bundles:
        for ref in bundle.requests:
            if ref.code in content.core:
                diags.append(
                    diagnostic(
                        "C307",
                        "bundle-request-in-core",
                        ref.span,
                        code=ref.code,
                        bundle=bundle.code,
                        program=program.code,
                        help="bundle-request-in-core.help",
                    )
                )
    if std is not None:
        diags.extend(_hours(program, content, rows, std, table, graph))
    return diags


def practice_share_low(
    program: Program, std: Standard, practice: int, total: int, where: Span, message: str = "practice-share-low"
) -> Diagnostic | None:
    """C305: the share of practice (practical classes and practices) in `total` hours below the
    standard's minimum, or for Professionalitet below its target; the one rule `check` applies to
    the program as written and `compact` to the plan it makes."""
    if not total:
        return None
    share = round(100 * practice / total)
    targets = [(std.practice_share_min, "share.minimum")]
    if program.track is Track.PROFESSIONALITET:
        targets.append((std.practice_share_target, "share.target"))
    for limit, kind in targets:
        if limit is not None and share < limit:
            return diagnostic(
                "C305", message, where, share=share, limit=limit, which=Msg(kind), practice=practice, total=total
            )
    return None


def _hours(
    program: Program,
    content: ProgramContent,
    rows: WholeProgram,
    std: Standard,
    table: Mapping[str, AnyDeclaration],
    graph: CompetencyGraph,
) -> list[Diagnostic]:
    diags: list[Diagnostic] = []
    total = content.total
    if total == 0:
        return diags
    if program.target is not None:
        from constructor.compact.units import hours_over_target  # the rule `compact` applies (C310)

        over = hours_over_target(program, table, graph)
        if over is not None:
            hours, capacity, terms = over
            diags.append(
                diagnostic(
                    "C304",
                    "hours-exceed-duration",
                    program.fields.get("TARGET", program.code_span),
                    total=hours,
                    target=Dur(str(program.target)),
                    capacity=capacity,
                    notes=[Msg("hours-exceed-duration.note", {"terms": terms})],
                    help="hours-exceed-duration.help",
                )
            )
    where = program.code_span
    # the whole program's rows, as `compact` places them
    practice = sum(r.hours.total if r.kind == "practice" else r.hours.practice for r in rows.rows)
    low = practice_share_low(program, std, practice, rows.total, where)
    if low is not None:
        diags.append(low)
    return diags
