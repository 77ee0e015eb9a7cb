"""C027 conflicting-forms: a row's forms of attestation that cannot stand together — an exam and a
credit (or two kinds of credit) closing one term, or a module's exam on a discipline or an МДК. `check`
let `term 12 { attestation exam, credit, graded_credit, course_project, course_paper,
qualification_exam }` through, and the plan printed «Э, З, ДЗ, КП, КР, Эк» in one term (a tester's
find). A course project or paper beside one closing form is how plans write it («Э, КП»)."""

from __future__ import annotations

from collections.abc import Mapping

from constructor.diagnostics import Diagnostic, diagnostic
from constructor.model import AnyDeclaration, AttestationForm, Course, Discipline, Practice
from constructor.model.parts import Attestation

# the forms that close a term: one of them a term
CLOSING = (AttestationForm.EXAM, AttestationForm.CREDIT, AttestationForm.GRADED_CREDIT)


def check_forms(table: Mapping[str, AnyDeclaration]) -> list[Diagnostic]:
    diags: list[Diagnostic] = []
    for decl in table.values():
        if not isinstance(decl, Discipline | Course | Practice):
            continue
        groups = [[a for a in decl.attestations if not a.each], *(list(t.attestations) for t in decl.terms)]
        for group in groups:
            closing = list(dict.fromkeys(a.form for a in group if a.form in CLOSING))
            if len(closing) > 1:
                first = next(a for a in group if a.form in CLOSING)
                diags.append(_said("conflicting-forms", first, decl.code, closing))
        if isinstance(decl, Discipline | Course):
            every = [*decl.attestations, *(a for t in decl.terms for a in t.attestations)]
            module_exam = next((a for a in every if a.form is AttestationForm.QUALIFICATION_EXAM), None)
            if module_exam is not None:
                diags.append(_said("module-exam-on-row", module_exam, decl.code, []))
    return diags


def _said(key: str, at: Attestation, code: str, forms: list[AttestationForm]) -> Diagnostic:
    shown = ", ".join(f.value for f in forms)
    return diagnostic("C027", key, at.span, code=code, forms=shown, help=f"{key}.help")
