"""The declarations of a whole program beyond the competencies: cycles, disciplines (general
education, СГ/ОГСЭ, ЕН, ОП), elective groups, the college with its rooms."""

from __future__ import annotations

from constructor.model.declarations import Competency, Declaration, Ref, RowFields
from constructor.model.parts import Signatory
from constructor.model.values import Base, CycleRole, DisciplineKind, RoomKind


class Cycle(Declaration):
    """A cycle of the standard (ОО, СГ or ОГСЭ, ЕН, ОП, ПЦ, ПДП, ГИА) and the numbers it sets."""

    role: CycleRole | None = None
    min_hours: int | None = None
    # the 2014 standards' minimum of «обязательные учебные занятия»: the obligatory part's hours with
    # the teacher, without self-study and without the variable part (graph/whole.class_hours)
    min_class_hours: int | None = None
    volume: int | None = None  # exactly these hours (general education: 1,476 h)
    base: Base | None = None  # only for entrants of this base
    ends_by_year: int | None = None  # its rows end by the end of this study year (general education)


class Discipline(RowFields, Competency):
    """A discipline outside the modules. It is a node of the prerequisite graph like a competency
    (a discipline may require a competency and the other way round); its `covers` are the ОК/ПК
    it forms."""

    cycle: Ref | None = None
    discipline_kind: DisciplineKind = DisciplineKind.DISCIPLINE
    covers: tuple[Ref, ...] = ()
    outside_limits: bool = False  # its attestation is not counted in the yearly limits
    elective: str | None = None  # the elective group it is an alternative of


class Elective(Declaration):
    """A group of alternatives (`ОГСЭ.ДВ.05` with `.01`, `.02`): exactly one is counted."""

    cycle: Ref | None = None
    choose: Ref | None = None  # the counted one; the first when not said
    alternatives: tuple[Discipline, ...] = ()

    @property
    def chosen(self) -> Discipline | None:
        if self.choose is not None:
            return next((d for d in self.alternatives if d.code == self.choose.code), None)
        return self.alternatives[0] if self.alternatives else None


class Room(Declaration):
    """A room, laboratory or workshop of the college."""

    kind: RoomKind | None = None
    college: str = ""


class College(Declaration):
    """The institution: founder, the director who approves, the rooms. Shared by its programs."""

    founder: str | None = None
    approved_by: Signatory | None = None
    rooms: tuple[Room, ...] = ()
