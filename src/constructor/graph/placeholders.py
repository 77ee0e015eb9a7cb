"""C338 starter-placeholder: the words `constructor init` leaves for a college to fill in — its name,
founder, the director and the employer's signatory — still in a program's title page. A newcomer's
printed plan carried «Полное наименование колледжа» and «И. О. Фамилия» without a word from `check`."""

from __future__ import annotations

from collections.abc import Mapping

from constructor.diagnostics import Diagnostic, diagnostic
from constructor.model import AnyDeclaration, Program
from constructor.model.curriculum import College
from constructor.model.span import Span

# the starter's blanks (`starter.py` writes each of them; a test holds the two in step); «Директор», the
# position it writes, is what a real director signs as, so no blank
PLACEHOLDERS = ("Полное наименование колледжа", "Учредитель колледжа", "И. О. Фамилия", "Должность, предприятие")
_BLANKS = frozenset(PLACEHOLDERS)


def check_placeholders(program: Program, table: Mapping[str, AnyDeclaration]) -> list[Diagnostic]:
    """One warning a declaration that still holds blanks, naming them all (one mistake: the starter
    not filled in), at the first."""
    out: list[Diagnostic] = []
    college = table.get(program.college.code) if program.college else None
    if isinstance(college, College):
        found: list[tuple[str, Span]] = []
        if college.title and college.title.value in _BLANKS:
            found.append((college.title.value, college.title.span))
        if college.founder in _BLANKS:
            found.append((college.founder, college.fields.get("FOUNDER", college.code_span)))
        if college.approved_by is not None and college.approved_by.name in _BLANKS:
            found.append((college.approved_by.name, college.approved_by.span))
        out += _said(college.code, found)
    signers = [(text, s.span) for s in program.agreed_by for text in (s.position, s.name) if text in _BLANKS]
    out += _said(program.code, signers)
    return out


def _said(code: str, found: list[tuple[str, Span]]) -> list[Diagnostic]:
    if not found:
        return []
    texts = ", ".join(f"«{text}»" for text, _ in found)
    return [
        diagnostic(
            "C338",
            "starter-placeholder",
            found[0][1],
            label="starter-placeholder.label",
            help="starter-placeholder.help",
            code=code,
            texts=texts,
        )
    ]
