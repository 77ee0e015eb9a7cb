"""Small values of the language: hours, durations, enumerations."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class CompetencyKind(StrEnum):
    GENERAL = "general"  # ОК
    PROFESSIONAL = "professional"  # ПК
    VARIABLE = "variable"  # ПКс: agreed with an employer
    FOUNDATION = "foundation"  # general-education and ОП outcomes


class OutcomeKind(StrEnum):
    KNOWLEDGE = "knowledge"  # знать
    SKILL = "skill"  # уметь
    EXPERIENCE = "experience"  # иметь практический опыт / навыки


class AttestationForm(StrEnum):
    EXAM = "Э"
    QUALIFICATION_EXAM = "Эк"
    CREDIT = "З"
    GRADED_CREDIT = "ДЗ"
    COURSE_PROJECT = "КП"
    COURSE_PAPER = "КР"


class PracticeKind(StrEnum):
    EDUCATIONAL = "educational"  # УП
    PRODUCTION = "production"  # ПП
    PRE_DIPLOMA = "pre_diploma"  # ПДП


class Base(StrEnum):
    GRADE_9 = "9"
    GRADE_11 = "11"


class Track(StrEnum):
    STANDARD = "standard"
    PROFESSIONALITET = "professionalitet"


class SiteKind(StrEnum):
    COLLEGE = "college"
    ENTERPRISE = "enterprise"
    RESOURCE_CENTRE = "resource_centre"


class DemoExamLevel(StrEnum):
    BASIC = "basic"
    PROFILE = "profile"


class HoursKind(StrEnum):
    """Kinds of work as a plan's columns split them (ИС «Планы»: Лек, Пр, Лаб, КРП, ИП, Конс, СР, ПАтт)."""

    THEORY = "theory"  # lessons and lectures
    PRACTICE = "practice"  # practical classes
    LAB = "lab"
    COURSE_DESIGN = "course_design"  # course project or paper (КП/КР)
    PROJECT = "project"  # the individual project of general education
    CONSULTATIONS = "consultations"
    SELF_STUDY = "self_study"
    ATTESTATION = "attestation"  # intermediate attestation (exams)


class Hours(Frozen):
    """Academic hours by kind of work."""

    theory: int = 0
    practice: int = 0
    lab: int = 0
    course_design: int = 0
    project: int = 0
    consultations: int = 0
    self_study: int = 0
    attestation: int = 0

    @property
    def total(self) -> int:
        return (
            self.theory
            + self.practice
            + self.lab
            + self.course_design
            + self.project
            + self.consultations
            + self.self_study
            + self.attestation
        )

    @property
    def with_teacher(self) -> int:
        """Hours with the teacher («во взаимодействии с преподавателем»): all but self-study."""
        return self.total - self.self_study

    @property
    def of_study(self) -> int:
        """Hours of study: not a МДК's own consultations, course design and attestation, which belong to
        the course and not to any competency it forms (C231 compares these)."""
        return self.total - self.consultations - self.course_design - self.attestation  # COURSE_ONLY_KINDS

    def __add__(self, other: Hours) -> Hours:
        return Hours(**{k: getattr(self, k) + getattr(other, k) for k in HOURS_KINDS})


HOURS_KINDS = tuple(k.value for k in HoursKind)
COURSE_ONLY_KINDS = ("consultations", "course_design", "attestation")  # a МДК's own, not a competency's


class DisciplineKind(StrEnum):
    """What a discipline is in its cycle (general education distinguishes them)."""

    BASIC = "basic"  # базовый предмет
    PROFILE = "profile"  # профильный предмет
    OFFERED = "offered"  # предлагаемый колледжем
    PROJECT = "project"  # индивидуальный проект
    DISCIPLINE = "discipline"  # a discipline of a professional-education cycle


class CycleRole(StrEnum):
    """What a cycle holds; the engine places rows by it (general education runs from year 1, …)."""

    GENERAL_EDUCATION = "general_education"  # ОО / СО: for 9-grade entrants
    HUMANITIES = "humanities"  # СГ (2022+) or ОГСЭ
    NATURAL = "natural"  # ЕН (older standards)
    GENERAL_PROFESSIONAL = "general_professional"  # ОП / ОПЦ
    PROFESSIONAL = "professional"  # ПЦ / П: the professional modules
    PRE_DIPLOMA = "pre_diploma"  # ПДП
    FINAL = "final"  # ГИА


class SourceKind(StrEnum):
    """A source of a work program's information support, as the typical layout lists them."""

    MAIN = "main"  # основные печатные издания
    EXTRA = "extra"  # дополнительные источники
    ONLINE = "online"  # электронные издания и ресурсы


class StandardStatus(StrEnum):
    CURRENT = "current"
    SUPERSEDED = "superseded"


class ShareRule(StrEnum):
    """How a standard words a share: "about 30%" is not "at least 30%"."""

    ABOUT = "about"
    MIN = "min"
    MAX = "max"


class StudyForm(StrEnum):
    FULL_TIME = "full_time"
    PART_TIME = "part_time"  # очно-заочная
    EXTRAMURAL = "extramural"  # заочная


class Profile(StrEnum):
    """The profile of general education for 9-grade entrants."""

    TECHNOLOGICAL = "technological"
    NATURAL_SCIENCE = "natural_science"
    HUMANITARIAN = "humanitarian"
    SOCIO_ECONOMIC = "socio_economic"
    UNIVERSAL = "universal"


class RoomKind(StrEnum):
    CABINET = "cabinet"
    LAB = "lab"
    WORKSHOP = "workshop"
    GROUND = "ground"  # полигон
    SPORTS = "sports"  # спортивный зал / комплекс
    HALL = "hall"  # актовый зал, библиотека, читальный зал


class FinalPartKind(StrEnum):
    """Parts of the state final attestation (ГИА)."""

    DEMO_EXAM = "demo_exam"
    DEMO_EXAM_PREPARATION = "demo_exam_preparation"
    THESIS = "thesis"  # defence of the graduation thesis (ВКР)
    THESIS_PREPARATION = "thesis_preparation"
    STATE_EXAM = "state_exam"


class Duration(Frozen):
    """A length of study in years and months, as standards write it (`3y10m`)."""

    years: int = 0
    months: int = 0

    @property
    def total_months(self) -> int:
        return self.years * 12 + self.months

    def __str__(self) -> str:
        if self.years and self.months:
            return f"{self.years}y{self.months}m"
        return f"{self.years}y" if self.years else f"{self.months}m"
