"""Where each part of the plan is taught: the partner sites and their load a term (within their
capacity: the schedule keeps it, `Problem.sites`), when each profession of the standard becomes
attainable, and who graduates for whom."""

from __future__ import annotations

from collections.abc import Mapping
from collections.abc import Set as AbstractSet

from constructor.compact.plan import Graduates, Plan, ProfessionTerm, SiteLoad, SiteTerm
from constructor.compact.sites import capacity_of, hosted
from constructor.graph.program import ProgramContent
from constructor.model import AnyDeclaration, Module, Profession, Program, Site


def network(
    plan: Plan,
    program: Program,
    table: Mapping[str, AnyDeclaration],
    content: ProgramContent,
    recognized: AbstractSet[str],
) -> Plan:
    """Where each part is taught (partner sites), when professions become attainable, who graduates."""
    items = {i.code: i for i in plan.items}
    at = hosted(content, table, {i.code: i.module for i in plan.items})
    sites = []
    for code in sorted(set(at.values())):
        capacity = capacity_of(table, code)
        terms = []
        for t in plan.terms:
            here = [c for c, s in at.items() if s == code and items[c].hours_by_term.get(t.number)]
            if here:
                hours = sum(items[c].hours_by_term[t.number] for c in here)
                if capacity is not None and hours > capacity:  # the schedule keeps every site's capacity
                    raise RuntimeError(f"site {code}: {hours} h in term {t.number} over {capacity}")
                terms.append(SiteTerm(term=t.number, hours=hours, items=here))
        site = table.get(code)
        title = site.title.value if isinstance(site, Site) and site.title else code
        sites.append(SiteLoad(code=code, title=title, capacity_hours=capacity, terms=terms))
    professions = []
    for decl in table.values():
        if isinstance(decl, Profession):
            needed = [r.code for r in decl.attained_by]
            missing = [c for c in needed if c not in items and c not in recognized]
            # attained when the modules that teach it end — their practice and qualification exam
            # (where the profession is awarded), not when its last competency's classes do
            modules = {items[c].module for c in needed if c in items and items[c].module}
            terms_of = [items[c].last_term for c in needed if c in items]
            terms_of += [i.last_term for i in plan.items if i.module is not None and i.module in modules]
            practices = [
                p.code
                for m in table.values()
                if isinstance(m, Module) and any(r.code in needed for r in m.taught)
                for p in m.practices
            ]
            professions.append(
                ProfessionTerm(
                    code=decl.code,
                    title=decl.title.value if decl.title else decl.code,
                    term=None if missing else max(terms_of, default=1),
                    missing=missing,
                    credited=[c for c in (*needed, *practices) if c in recognized],
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
    return plan.model_copy(update={"sites": sites, "professions": professions, "graduates": graduates})
