"""One parsed file, and the unions of every kind of declaration."""

from __future__ import annotations

from functools import cached_property

from constructor.model.curriculum import College, Cycle, Discipline, Elective, Room
from constructor.model.declarations import (
    Activity,
    Bundle,
    Competency,
    Course,
    Module,
    Outcome,
    Practice,
    Profession,
    Program,
    Site,
    Standard,
    Use,
)
from constructor.model.span import Span
from constructor.model.values import Frozen

AnyDeclaration = (
    Standard
    | Activity
    | Outcome
    | Discipline
    | Competency
    | Module
    | Course
    | Practice
    | Program
    | Site
    | Profession
    | Bundle
    | Cycle
    | Elective
    | College
    | Room
)
TopDeclaration = (
    Standard
    | Activity
    | Outcome
    | Discipline
    | Competency
    | Module
    | Program
    | Site
    | Profession
    | Bundle
    | Cycle
    | Elective
    | College
    | Practice
)


class Unread(Frozen):
    """A declaration a syntax error kept from being read: its code is known to exist, so a reference
    to it is not "unknown", and checks that need it wait until the error is fixed."""

    code: str
    span: Span


class SourceFile(Frozen):
    """One parsed `.comp` file."""

    path: str
    uses: tuple[Use, ...] = ()
    declarations: tuple[TopDeclaration, ...] = ()
    unread: tuple[Unread, ...] = ()

    def all_declarations(self) -> tuple[AnyDeclaration, ...]:
        """Top-level declarations and the ones nested in them (courses, practices, bundle competencies and courses,
        the alternatives of an elective group, a college's rooms)."""
        return self._all_declarations

    # made once a file: the language server re-reads the unchanged files' declarations after every edit
    @cached_property
    def _all_declarations(self) -> tuple[AnyDeclaration, ...]:
        out: list[AnyDeclaration] = []
        for decl in self.declarations:
            out.append(decl)
            if isinstance(decl, Module):
                out.extend(decl.courses)
                out.extend(decl.practices)
            elif isinstance(decl, Bundle):
                out.extend(decl.competencies)
                out.extend(decl.courses)
            elif isinstance(decl, Elective):
                out.extend(decl.alternatives)
            elif isinstance(decl, College):
                out.extend(decl.rooms)
        return tuple(out)
