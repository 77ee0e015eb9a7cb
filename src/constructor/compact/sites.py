"""Which partner site hosts each part of the program: a practice at its `site`, and what a bundle
`delivers … at` a site (a module: every row of it; a course: the competencies it covers; else the
part itself). One mapping, so the schedule's site capacities (`Problem.sites`) and the plan's site
loads (`network.py`) are the same hours."""

from __future__ import annotations

from collections.abc import Mapping

from constructor.graph.program import ProgramContent
from constructor.model import AnyDeclaration, Course, Module, Site


def hosted(
    content: ProgramContent, table: Mapping[str, AnyDeclaration], module_of: Mapping[str, str | None]
) -> dict[str, str]:
    """Item code → the code of the site that hosts it, for the items in `module_of` (code → its module)."""
    at: dict[str, str] = {}
    for mod in content.modules:
        for practice in mod.practices:
            if practice.site is not None:
                at[practice.code] = practice.site.code
    for bundle in content.bundles:
        for delivery in bundle.deliveries:
            for part in delivery.parts:
                decl = table.get(part.code)
                if isinstance(decl, Module):
                    members = [code for code, module in module_of.items() if module == decl.code]
                elif isinstance(decl, Course):
                    members = [r.code for r in decl.covers]
                else:
                    members = [part.code]
                for code in members:
                    at[code] = delivery.site.code
    return {code: site for code, site in at.items() if code in module_of}


def capacity_of(table: Mapping[str, AnyDeclaration], code: str) -> int | None:
    """The hours a term the site hosts at most (`hours_per_term`), None when it does not say."""
    site = table.get(code)
    return site.hours_per_term if isinstance(site, Site) else None
