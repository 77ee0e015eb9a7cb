"""C338 starter-placeholder: the words `constructor init` leaves for a college to fill in — its name,
founder, the director and the employer's signatory — or nothing at all, still on a program's title page. A newcomer's
printed plan carried «Полное наименование колледжа» and «И. О. Фамилия» without a word from `check`."""

from __future__ import annotations

import re
from collections.abc import Mapping

from constructor.diagnostics import Diagnostic, diagnostic
from constructor.model import AnyDeclaration, Program
from constructor.model.curriculum import College
from constructor.model.parts import Signatory
from constructor.model.span import Span

# the starter's blanks (`starter.py` writes each of them; a test holds the two in step); «Директор», the
# position it writes, is what a real director signs as, so no blank
PLACEHOLDERS = ("Полное наименование колледжа", "Учредитель колледжа", "И. О. Фамилия", "Должность, предприятие")


def _key(text: str) -> str:
    """A blank as written or nearly: «И.О. Фамилия», «и. о. фамилия» are the starter's too."""
    return re.sub(r"\s+", "", text).casefold()


_BLANKS = frozenset(map(_key, PLACEHOLDERS))


def _blank(text: str | None) -> bool:
    """The starter's words, or nothing at all (`колледж ""` printed a bare «УТВЕРЖДАЮ: »)."""
    return text is not None and (not text.strip() or _key(text) in _BLANKS)


def check_placeholders(program: Program, table: Mapping[str, AnyDeclaration]) -> list[Diagnostic]:
    """One warning a declaration that still holds blanks or empty title-page fields, naming them all
    (one mistake: the starter not filled in), at the first."""
    out: list[Diagnostic] = []
    college = table.get(program.college.code) if program.college else None
    if isinstance(college, College):
        found: list[tuple[str, Span]] = []
        if college.title and _blank(college.title.value):
            found.append((college.title.value, college.title.span))
        if _blank(college.founder):
            found.append((college.founder or "", college.fields.get("FOUNDER", college.code_span)))
        found += _signers([college.approved_by] if college.approved_by else [])
        out += _said(college.code, found)
    signers = [*program.agreed_by, *([program.approved_by] if program.approved_by else [])]
    out += _said(program.code, _signers(signers))
    return out


def _signers(signers: list[Signatory]) -> list[tuple[str, Span]]:
    return [(text, s.span) for s in signers for text in (s.position, s.name) if _blank(text)]


def _said(code: str, found: list[tuple[str, Span]]) -> list[Diagnostic]:
    if not found:
        return []
    texts = ", ".join(f"«{text.strip()}»" for text, _ in found)  # «» for a field left empty
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
