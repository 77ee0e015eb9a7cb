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
    THEORY = "theory"
    PRACTICE = "practice"
    SELF_STUDY = "self_study"


class Hours(Frozen):
    """Academic hours by kind of work."""

    theory: int = 0
    practice: int = 0
    self_study: int = 0

    @property
    def total(self) -> int:
        return self.theory + self.practice + self.self_study


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
