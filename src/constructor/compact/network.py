"""Where each part of the plan is taught: the partner sites and their load a term (C315 past a site's
capacity), when each profession of the standard becomes attainable, and who graduates for whom."""

from __future__ import annotations

from collections.abc import Mapping
from collections.abc import Set as AbstractSet

from constructor.compact.plan import Graduates, Plan, ProfessionTerm, SiteLoad, SiteTerm
from constructor.diagnostics import Diagnostic, diagnostic
from constructor.graph.program import ProgramContent
from constructor.model import AnyDeclaration, Course, Module, Profession, Program, Site


def network(
    plan: Plan,
    program: Program,
    table: Mapping[str, AnyDeclaration],
    content: ProgramContent,
    recognized: AbstractSet[str],
) -> tuple[Plan, list[Diagnostic]]:
    """Where each part is taught (partner sites), when professions become attainable, who graduates."""
    items = {i.code: i for i in plan.items}
    at: dict[str, str] = {}  # item → site
    for mod in content.modules:
        for practice in mod.practices:
            if practice.site is not None:
                at[practice.code] = practice.site.code
    for bundle in content.bundles:
        for delivery in bundle.deliveries:
            for part in delivery.parts:
                decl = table.get(part.code)
                if isinstance(decl, Module):
                    members = [i.code for i in plan.items if i.module == decl.code]
                elif isinstance(decl, Course):
                    members = [r.code for r in decl.covers]
                else:
                    members = [part.code]
                for code in members:
                    if code in items:
                        at[code] = delivery.site.code
    sites = []
    diags: list[Diagnostic] = []
    for code in sorted(set(at.values())):
        site = table.get(code)
        capacity = site.hours_per_term if isinstance(site, Site) else None
        terms = []
        for t in plan.terms:
            hosted = [c for c, s in at.items() if s == code and items[c].term == t.number and items[c].hours]
            if hosted:
                hours = sum(items[c].hours for c in hosted)
                terms.append(SiteTerm(term=t.number, hours=hours, items=hosted))
                if capacity is not None and hours > capacity and isinstance(site, Site):
                    diags.append(
                        diagnostic(
                            "C315",
                            "site-over-capacity",
                            site.code_span,
                            site=code,
                            term=t.number,
                            hours=hours,
                            capacity=capacity,
                            help="site-over-capacity.help",
                        )
                    )
        title = site.title.value if isinstance(site, Site) and site.title else code
        sites.append(SiteLoad(code=code, title=title, capacity_hours=capacity, terms=terms))
    professions = []
    for decl in table.values():
        if isinstance(decl, Profession):
            needed = [r.code for r in decl.attained_by]
            missing = [c for c in needed if c not in items and c not in recognized]
            terms_of = [items[c].term for c in needed if c in items]
            professions.append(
                ProfessionTerm(
                    code=decl.code,
                    title=decl.title.value if decl.title else decl.code,
                    term=None if missing else max(terms_of, default=1),
                    missing=missing,
                )
            )
    year = plan.terms[-1].year if plan.terms else 1
    graduates = [
        Graduates(
            bundle=b.code,
            enterprise=b.enterprise.value if b.enterprise else None,
            seats=b.seats,
            year=year,
            qualification=program.qualification.value if program.qualification else None,
        )
        for b in content.bundles
        if b.seats
    ]
    return plan.model_copy(update={"sites": sites, "professions": professions, "graduates": graduates}), diags
