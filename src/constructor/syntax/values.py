"""Parsing the values written as words: numbers, percentages, durations, enumerated words.

Each function returns the value, or None after appending a diagnostic: a bad value is reported
where it was written and the rest of the file is still read.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from enum import Enum
from typing import TypeVar

from constructor.diagnostics import Diagnostic, diagnostic
from constructor.i18n import Kw, Lang, Msg, OneOf
from constructor.model import (
    AttestationForm,
    Base,
    CompetencyKind,
    CycleRole,
    DemoExamLevel,
    DisciplineKind,
    Duration,
    HoursKind,
    OutcomeKind,
    PracticeKind,
    Profile,
    RoomKind,
    ShareRule,
    SiteKind,
    SourceKind,
    Span,
    StandardStatus,
    StudyForm,
    Track,
)

MAX_NUMBER = 1_000_000
# Numbers are ASCII digits, at most nine of them: `²` or `٣` are not numbers here, and Python refuses to
# convert 4,300 digits or more (a crash, not a diagnostic); no real hour count needs ten digits.
_NUMBER = re.compile(r"([0-9]{1,9})\s*(?:h|ч)?")
_PERCENT = re.compile(r"[0-9]{1,9}")
_DURATION = re.compile(r"(?:([0-9]{1,9})[yг])?(?:([0-9]{1,9})[mм])?")

E = TypeVar("E", bound=Enum)

# Each value with its spellings: English first, then Russian and the abbreviations in use.
WORDS: dict[type[Enum], dict[Enum, tuple[str, ...]]] = {
    CompetencyKind: {
        CompetencyKind.GENERAL: ("general", "общая", "ОК"),
        CompetencyKind.PROFESSIONAL: ("professional", "профессиональная", "ПК"),
        CompetencyKind.VARIABLE: ("variable", "вариативная", "ПКс"),
        CompetencyKind.FOUNDATION: ("foundation", "базовая"),
    },
    OutcomeKind: {
        OutcomeKind.KNOWLEDGE: ("knowledge", "знание"),
        OutcomeKind.SKILL: ("skill", "умение"),
        OutcomeKind.EXPERIENCE: ("experience", "опыт", "навык"),
    },
    AttestationForm: {
        AttestationForm.EXAM: ("exam", "экзамен", "Э"),
        AttestationForm.QUALIFICATION_EXAM: ("qualification_exam", "квалификационный_экзамен", "Эк"),
        AttestationForm.CREDIT: ("credit", "зачёт", "зачет", "З"),
        AttestationForm.GRADED_CREDIT: ("graded_credit", "дифзачёт", "дифзачет", "ДЗ"),
        AttestationForm.COURSE_PROJECT: ("course_project", "курсовой_проект", "КП"),
        AttestationForm.COURSE_PAPER: ("course_paper", "курсовая_работа", "КР"),
    },
    PracticeKind: {
        PracticeKind.EDUCATIONAL: ("educational", "учебная", "УП"),
        PracticeKind.PRODUCTION: ("production", "производственная", "ПП"),
        PracticeKind.PRE_DIPLOMA: ("pre_diploma", "преддипломная", "ПДП"),
    },
    Base: {
        Base.GRADE_9: ("9-grades", "9-классов", "9"),
        Base.GRADE_11: ("11-grades", "11-классов", "11"),
    },
    Track: {
        Track.STANDARD: ("standard", "стандартный"),
        Track.PROFESSIONALITET: ("professionalitet", "профессионалитет"),
    },
    SiteKind: {
        SiteKind.COLLEGE: ("college", "колледж"),
        SiteKind.ENTERPRISE: ("enterprise", "предприятие"),
        SiteKind.RESOURCE_CENTRE: ("resource_centre", "ресурсный_центр"),
    },
    DemoExamLevel: {
        DemoExamLevel.BASIC: ("basic", "базовый"),
        DemoExamLevel.PROFILE: ("profile", "профильный"),
    },
    HoursKind: {
        HoursKind.THEORY: ("theory", "теория", "lessons", "уроки", "лекции"),
        HoursKind.PRACTICE: ("practice", "практика", "практические"),
        HoursKind.LAB: ("lab", "лабораторные"),
        HoursKind.COURSE_DESIGN: ("course_design", "курсовое_проектирование", "КРП"),
        HoursKind.PROJECT: ("project", "проект", "ИП"),
        HoursKind.CONSULTATIONS: ("consultations", "консультации"),
        HoursKind.SELF_STUDY: ("self_study", "самостоятельная", "срс"),
        HoursKind.ATTESTATION: ("attestation", "аттестация", "ПА"),
    },
    DisciplineKind: {
        DisciplineKind.BASIC: ("basic", "базовый"),
        DisciplineKind.PROFILE: ("profile", "профильный"),
        DisciplineKind.OFFERED: ("offered", "предлагаемый"),
        DisciplineKind.PROJECT: ("project", "индивидуальный_проект"),
        DisciplineKind.DISCIPLINE: ("discipline", "дисциплина"),
    },
    CycleRole: {
        CycleRole.GENERAL_EDUCATION: ("general_education", "общеобразовательный"),
        CycleRole.HUMANITIES: ("humanities", "гуманитарный"),
        CycleRole.NATURAL: ("natural", "естественнонаучный"),
        CycleRole.GENERAL_PROFESSIONAL: ("general_professional", "общепрофессиональный"),
        CycleRole.PROFESSIONAL: ("professional", "профессиональный"),
        CycleRole.PRE_DIPLOMA: ("pre_diploma", "преддипломная"),
        CycleRole.FINAL: ("final", "итоговая"),
    },
    SourceKind: {
        SourceKind.MAIN: ("main", "основная"),
        SourceKind.EXTRA: ("extra", "дополнительная"),
        SourceKind.ONLINE: ("online", "электронная"),
    },
    StandardStatus: {
        StandardStatus.CURRENT: ("current", "действует"),
        StandardStatus.SUPERSEDED: ("superseded", "заменён", "заменен"),
    },
    ShareRule: {
        ShareRule.ABOUT: ("about", "около"),
        ShareRule.MIN: ("min", "не_менее"),
        ShareRule.MAX: ("max", "не_более"),
    },
    StudyForm: {
        StudyForm.FULL_TIME: ("full_time", "очная"),
        StudyForm.PART_TIME: ("part_time", "очно-заочная"),
        StudyForm.EXTRAMURAL: ("extramural", "заочная"),
    },
    Profile: {
        Profile.TECHNOLOGICAL: ("technological", "технологический"),
        Profile.NATURAL_SCIENCE: ("natural_science", "естественнонаучный"),
        Profile.HUMANITARIAN: ("humanitarian", "гуманитарный"),
        Profile.SOCIO_ECONOMIC: ("socio_economic", "социально-экономический"),
        Profile.UNIVERSAL: ("universal", "универсальный"),
    },
    RoomKind: {
        RoomKind.CABINET: ("cabinet", "кабинет"),
        RoomKind.LAB: ("lab", "лаборатория"),
        RoomKind.WORKSHOP: ("workshop", "мастерская"),
        RoomKind.GROUND: ("ground", "полигон"),
        RoomKind.SPORTS: ("sports", "спортзал"),
        RoomKind.HALL: ("hall", "зал"),
    },
}

# The parts of the final attestation; the first two keep the spellings they had before parts existed.
FINAL_PARTS = {
    "demo_exam": ("demo_exam", "демэкзамен", "ДЭ"),
    "thesis": ("thesis", "вкр", "диплом"),
    "demo_exam_preparation": ("demo_exam_preparation", "подготовка_дэ"),
    "thesis_preparation": ("thesis_preparation", "подготовка_вкр"),
    "state_exam": ("state_exam", "госэкзамен"),
}
SEASONS: dict[str, tuple[str, ...]] = {"winter": ("winter", "зимние"), "summer": ("summer", "летние")}
ALL = ("all", "все", "всё")
EACH: dict[str, tuple[str, ...]] = {"each": ("each", "каждый")}


def number(text: str, span: Span, diags: list[Diagnostic]) -> int | None:
    m = _NUMBER.fullmatch(text)
    if m is None or int(m.group(1)) > MAX_NUMBER:
        diags.append(diagnostic("C020", "invalid-number", span, help="invalid-number.help", text=text))
        return None
    return int(m.group(1))


def percent(text: str, span: Span, diags: list[Diagnostic]) -> int | None:
    if _PERCENT.fullmatch(text) is None or int(text) > 100:
        diags.append(diagnostic("C020", "invalid-percent", span, text=text))
        return None
    return int(text)


def duration(text: str, span: Span, diags: list[Diagnostic]) -> Duration | None:
    m = _DURATION.fullmatch(text)
    if m is not None and int(m.group(2) or 0) > 11:  # `2г12м`: say what it is, in the letters written
        total = int(m.group(1) or 0) * 12 + int(m.group(2))
        years, months = divmod(total, 12)
        y, mo = ("г", "м") if re.search("[а-яё]", text, re.IGNORECASE) else ("y", "m")
        fixed = (f"{years}{y}" if years else "") + (f"{months}{mo}" if months else "")
        diags.append(
            diagnostic("C020", "invalid-duration", span, help="invalid-duration.months", text=text, fixed=fixed)
        )
        return None
    if m is None or (m.group(1) is None and m.group(2) is None) or int(m.group(1) or 0) + int(m.group(2) or 0) == 0:
        diags.append(diagnostic("C020", "invalid-duration", span, help="invalid-duration.help", text=text))
        return None
    return Duration(years=int(m.group(1) or 0), months=int(m.group(2) or 0))


def spelt(value: Enum, lang: Lang) -> str:
    """A value as the language writes it in `lang`: the Russian spelling (`профессиональная`) or the
    English one (`professional`). The formatter and the editor's hover both write values this way."""
    spellings = WORDS[type(value)][value]
    return spellings[1] if lang == "ru" and len(spellings) > 1 else spellings[0]


def choose_word(
    text: str, choices: dict[str, tuple[str, ...]], field: Kw, span: Span, diags: list[Diagnostic]
) -> str | None:
    """The key of `choices` that `text` spells, or None with a diagnostic naming the nearest one."""
    for key, spellings in choices.items():
        if text in spellings or text.lower() in (s.lower() for s in spellings):
            return key
    every = [s for spellings in choices.values() for s in spellings]
    close = difflib.get_close_matches(text.lower(), [s.lower() for s in every], n=1, cutoff=0.6)
    notes: Sequence[Msg] = ()
    if close:
        nearest = next(s for s in every if s.lower() == close[0])
        notes = (Msg("did-you-mean", {"choice": f"`{nearest}`"}),)
    listed = OneOf(["/".join(f"`{s}`" for s in spellings) for spellings in choices.values()])
    diags.append(
        diagnostic(
            "C021",
            "unknown-word",
            span,
            notes=notes,
            help="unknown-word.help",
            text=text,
            field=field,
            choices=listed,
        )
    )
    return None


def choose(text: str, enum: type[E], field: Kw, span: Span, diags: list[Diagnostic]) -> E | None:
    table = {member.value: spellings for member, spellings in WORDS[enum].items()}
    key = choose_word(text, table, field, span, diags)
    return None if key is None else enum(key)


def link_help(text: str) -> Msg:
    """What is wrong with a link to a professional standard (`40.002 A/03.2`), in the part that is."""
    std, _, function = text.partition(" ")
    function = function.strip()
    if not re.search(r"\d", std):  # not a link at all (a profession's name): say what a link is
        return Msg("invalid-link.help")
    if not re.fullmatch(r"\d{2}\.\d{3}", std):
        return Msg("invalid-link.standard", {"standard": std})
    m = re.fullmatch(r"(\w)/(\d+)\.(\d+)", function) or re.fullmatch(r"(\w)()()", function)
    if m is not None:
        letter, number, level = m.groups()
        if not re.fullmatch("[A-ZА-Я]", letter):
            return Msg("invalid-link.letter", {"letter": letter})
        if number and len(number) != 2:
            return Msg("invalid-link.number", {"fixed": f"{letter}/{int(number):02d}.{level}"})
    return Msg("invalid-link.help")
