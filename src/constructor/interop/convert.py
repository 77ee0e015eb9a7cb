"""CurricularAnalytics curricula ↔ `.comp`, losslessly: what the language has no field for is kept in
`tag`s (`prefix`, `number`, `institution`, `canonical`, `term`, `section`, `strict_corequisites`, and
`id` when a course ID cannot be a code)."""

from __future__ import annotations

import re
from collections.abc import Mapping

from constructor.diagnostics import Diagnostic, diagnostic
from constructor.i18n import Msg
from constructor.interop.ca import Course, Curriculum
from constructor.model import AllOf, AnyDeclaration, AnyOf, CodeExpr, Competency, Expr, Program, expr_refs
from constructor.syntax.format import quote
from constructor.syntax.grammar import WORD
from constructor.syntax.keywords import all_spellings

PROGRAM_CODE = "curriculum"
_HEADER_TAGS = {
    "Institution": "institution",
    "Degree Type": "degree_type",
    "System Type": "system_type",
    "CIP": "cip",
    "Degree Plan": "degree_plan",
}
_COURSE_TAGS = ("prefix", "number", "institution", "canonical", "term")


def _codes(courses: list[Course]) -> dict[str, str]:
    """A code for every course ID: the ID itself where it can be one."""
    keywords = all_spellings()
    out: dict[str, str] = {}
    used: set[str] = set()
    for c in courses:
        code = c.id
        if not WORD.fullmatch(code) or code in keywords:
            base = "C-" + (re.sub(r"\W+", "_", code).strip("_") or "course")
            code, k = base, 1
            while code in used:
                k += 1
                code = f"{base}-{k}"
        used.add(code)
        out[c.id] = code
    return out


def to_comp(cur: Curriculum, source: str) -> str:
    codes = _codes(cur.courses)
    lines = [f"# Imported from {source} (CurricularAnalytics CSV) by `constructor import ca`.", ""]
    title = cur.headers.get("Curriculum", "")
    lines.append(f"program {PROGRAM_CODE} {quote(title)} {{")
    for header, tag in _HEADER_TAGS.items():
        if header in cur.headers:
            lines.append(f"  tag {tag} {quote(cur.headers[header])}")
    lines.append("}")
    for c in cur.courses:
        lines.append("")
        lines.append(f"competency {codes[c.id]} {quote(c.name)} {{")
        lines.append("  kind foundation")
        if c.credits:
            lines.append(f"  credits {c.credits}")
        if c.prerequisites:
            lines.append("  requires " + ", ".join(codes.get(r, r) for r in c.prerequisites))
        co = [*c.corequisites, *(s for s in c.strict if s not in c.corequisites)]
        if co:
            lines.append("  corequires " + ", ".join(codes.get(r, r) for r in co))
        if c.strict:
            lines.append(f"  tag strict_corequisites {quote(';'.join(c.strict))}")
        if codes[c.id] != c.id:
            lines.append(f"  tag id {quote(c.id)}")
        for tag in _COURSE_TAGS:
            value = getattr(c, tag)
            if value:
                lines.append(f"  tag {tag} {quote(value)}")
        if c.additional:
            lines.append('  tag section "additional"')
        lines.append("}")
    return canonical("\n".join(lines) + "\n")


def canonical(text: str) -> str:
    """Generated `.comp` text in the formatter's layout, so `constructor fmt` leaves it as it is."""
    from constructor.syntax.format import format_text

    out, _ = format_text(text)
    return out if out is not None else text


def from_table(table: Mapping[str, AnyDeclaration], terms: Mapping[str, int] | None = None) -> Curriculum:
    """The curriculum of the competencies a file sees (and their terms, for a degree plan)."""
    comps = [d for d in table.values() if isinstance(d, Competency)]
    program = next((d for d in table.values() if isinstance(d, Program)), None)
    ids = {c.code: dict(c.tags).get("id", c.code) for c in comps}
    cur = Curriculum()
    cur.headers["Curriculum"] = program.title.value if program and program.title else ""
    if program is not None:
        tags = dict(program.tags)
        for header, tag in _HEADER_TAGS.items():
            if tag in tags:
                cur.headers[header] = tags[tag]
    if terms is not None:
        cur.headers.setdefault("Degree Plan", cur.headers.get("Curriculum", ""))
    for comp in comps:
        tags = dict(comp.tags)
        strict = [s for s in tags.get("strict_corequisites", "").split(";") if s]
        co = [ids.get(r.code, r.code) for r in comp.corequires]
        cur.courses.append(
            Course(
                id=ids[comp.code],
                name=comp.title.value if comp.title else "",
                prefix=tags.get("prefix", ""),
                number=tags.get("number", ""),
                prerequisites=[ids.get(r.code, r.code) for r in expr_refs(comp.requires)] if comp.requires else [],
                corequisites=[c for c in co if c not in strict],
                strict=strict,
                credits=comp.credits or "",
                institution=tags.get("institution", ""),
                canonical=tags.get("canonical", ""),
                term=str(terms[comp.code]) if terms and comp.code in terms else tags.get("term", ""),
                additional=tags.get("section") == "additional",
            )
        )
    return cur


def _has_choice(expr: Expr | None) -> bool:
    if expr is None or isinstance(expr, CodeExpr):
        return False
    return isinstance(expr, AnyOf) or (isinstance(expr, AllOf) and any(_has_choice(i) for i in expr.items))


def export_losses(table: Mapping[str, AnyDeclaration]) -> list[Diagnostic]:
    """What a CurricularAnalytics CSV cannot carry, one warning a kind: a choice (`or`) becomes "all of"
    (the CSV lists prerequisites only), competency kinds are not kept, empty credit hours stay empty."""
    comps = [d for d in table.values() if isinstance(d, Competency)]
    losses = (
        ("export-ca.or", [c for c in comps if _has_choice(c.requires)]),
        ("export-ca.kinds", comps),
        ("export-ca.credits", [c for c in comps if not c.credits]),
    )
    out = []
    for key, which in losses:
        if which:
            codes = ", ".join(f"`{c.code}`" for c in which[:5]) + (", …" if len(which) > 5 else "")
            what = Msg(key, {"count": len(which), "codes": codes})
            out.append(diagnostic("C038", "export-loss", which[0].code_span, what=what))
    return out
