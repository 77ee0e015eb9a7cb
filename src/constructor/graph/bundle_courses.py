"""An enterprise's МДК: a bundle may group its competencies into courses (`course МДК.01.03 "…" { covers
ПКс-1.1, ПКс-1.3  attestation graded_credit }`), as real plans add the variable part — a МДК of the
module whose activity those competencies serve, with its own form of control and working program —
rather than rows named by competencies.

A bundle is written for a standard, not for a program, so its course joins a module only in a program
that takes the bundle: the core module of that program whose activity is the activity of every
competency the course covers. `program_view` gives the declarations as that program sees them (the
module with the course among its own); `compact`, `--as-written`, the documents, the `.plx` export and
the program checks all read the program through it, so they agree. A course that cannot join a module
(its competencies serve different activities, or no core module or several have that activity) stays
apart and is said once (C325); its competencies are then rows of their own, as without a course.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from constructor.diagnostics import Diagnostic, diagnostic
from constructor.model import AnyDeclaration, Bundle, Competency, Course, Module, Program


@dataclass(frozen=True)
class Unattached:
    bundle: Bundle
    course: Course
    reason: str  # activities | no-module | modules
    detail: str


def _attach(program: Program, table: Mapping[str, AnyDeclaration]) -> tuple[dict[str, list[Course]], list[Unattached]]:
    """The courses each core module gains from the program's bundles, and those that join none."""
    core = [m for ref in program.core if isinstance(m := table.get(ref.code), Module)]
    joined: dict[str, list[Course]] = {}
    apart: list[Unattached] = []
    for ref in program.bundles:
        bundle = table.get(ref.code)
        if not isinstance(bundle, Bundle):
            continue
        for course in bundle.courses:
            comps = [c for r in course.covers if isinstance(c := table.get(r.code), Competency)]
            activities = sorted({c.activity.code for c in comps if c.activity is not None})
            if len(activities) != 1 or any(c.activity is None for c in comps):
                apart.append(Unattached(bundle, course, "activities", ", ".join(activities) or "—"))
                continue
            modules = [m for m in core if m.activity is not None and m.activity.code == activities[0]]
            if len(modules) != 1:
                found = ", ".join(m.code for m in modules)
                apart.append(Unattached(bundle, course, "modules" if modules else "no-module", found or activities[0]))
                continue
            if course.code not in {c.code for c in modules[0].courses}:  # a view of a view adds nothing
                joined.setdefault(modules[0].code, []).append(course.model_copy(update={"module": modules[0].code}))
    return joined, apart


def program_view(program: Program, table: Mapping[str, AnyDeclaration]) -> Mapping[str, AnyDeclaration]:
    """The declarations as `program` sees them: each core module with the МДК its bundles add (the
    same table when they add none)."""
    return view_and_apart(program, table)[0]


def view_and_apart(
    program: Program, table: Mapping[str, AnyDeclaration]
) -> tuple[Mapping[str, AnyDeclaration], list[Diagnostic]]:
    """The program's view (`program_view`) and a C325 for each bundle course it takes that joins no
    module — one attachment for both."""
    joined, apart = _attach(program, table)
    view = table
    if joined:
        view = dict(table)
        for code, courses in joined.items():
            module = table[code]
            assert isinstance(module, Module)
            view[code] = module.model_copy(update={"courses": (*module.courses, *courses)})
            view.update((c.code, c) for c in courses)
    diags = [
        diagnostic(
            "C325",
            f"bundle-course-apart.{a.reason}",
            a.course.code_span,
            course=a.course.code,
            bundle=a.bundle.code,
            program=program.code,
            detail=a.detail,
            help="bundle-course-apart.help",
        )
        for a in apart
    ]
    return view, diags


def as_planned(program_code: str, table: Mapping[str, AnyDeclaration]) -> Mapping[str, AnyDeclaration]:
    """The view of the program a plan was made for (documents read the plan through it; idempotent)."""
    program = table.get(program_code)
    return program_view(program, table) if isinstance(program, Program) else table
