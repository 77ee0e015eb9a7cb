"""The title page of a plan as colleges sign it: the college and its founder, СОГЛАСОВАНО with the
employer and УТВЕРЖДАЮ with the director, the specialty, qualification, form of study, base and
profile, the terms in words, the year admission starts, the standard's order, «Профессионалитет»."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from constructor.compact.plan import Plan
from constructor.i18n import Lang, Words
from constructor.model import AnyDeclaration, College, Program, Standard
from constructor.words import duration

WORDS = Words("title.")  # the words are in the catalog: locale/*/LC_MESSAGES/constructor.po


@dataclass
class TitlePage:
    heading: str
    college: str | None = None
    founder: str | None = None
    agreed: list[tuple[str, str]] = field(default_factory=list)  # (position, name) of each who agrees
    approved: tuple[str, str] | None = None
    kind: str = ""
    specialty: str | None = None
    lines: list[tuple[str, str]] = field(default_factory=list)  # (label, value), in the order they print
    professionalitet: str | None = None
    date: str = ""
    words: dict[str, str] = field(default_factory=dict)
    footer: str = ""  # the year at the foot of a working program's title page

    def signatures(self) -> tuple[list[tuple[str, bool]], list[tuple[str, bool]]]:
        """The signature blocks side by side, as (line, bold) lists: on the left each СОГЛАСОВАНО, on
        the right УТВЕРЖДАЮ — a heading, the position, the line to sign on and the date (the position
        as written: «Директор ГБПОУ …»)."""
        w = self.words
        left = [
            part
            for position, name in self.agreed
            for part in ((w["agreed"], True), (position, False), (f"____________ {name}", False), (self.date, False))
        ]
        right: list[tuple[str, bool]] = []
        if self.approved:
            position, name = self.approved
            right = [(w["approved"], True), (position, False), (f"____________ {name}", False), (self.date, False)]
        return left, right


def title_page(plan: Plan, table: Mapping[str, AnyDeclaration], lang: Lang) -> TitlePage:
    w = WORDS[lang]
    program = table.get(plan.program)
    std = table.get(plan.standard) if plan.standard else None
    page = TitlePage(heading=w["plan"], date=w["date"], words=w)
    if not isinstance(program, Program):
        return page
    college = table.get(program.college.code) if program.college else None
    if isinstance(college, College):
        page.college = college.title.value if college.title else college.code
        page.founder = college.founder
        if college.approved_by is not None:
            page.approved = (college.approved_by.position, college.approved_by.name)
    else:  # a plan with no college (an imported file may name none): a line to fill in, not a gap
        page.college = w["college.blank"]
    if program.approved_by is not None:
        page.approved = (program.approved_by.position, program.approved_by.name)
    page.agreed = [(s.position, s.name) for s in program.agreed_by]
    if isinstance(std, Standard) and std.specialty is not None:
        code = std.specialty.code
        workers = re.fullmatch(r"\d\d\.01\.\d\d", code) is not None
        page.kind = w["kind.01" if workers else "kind.02"]
        title = f" «{std.specialty_title.value}»" if std.specialty_title else ""
        page.specialty = f"{w['profession' if workers else 'specialty']} {code}{title}"
    if plan.qualification:
        page.lines.append((w["qualification"], plan.qualification))
    if program.form is not None:
        page.lines.append((w["form"], w[f"form.{program.form.value}"]))
    if program.base is not None:
        page.lines.append((w["base"], w[f"base.{program.base.value}"]))
    if program.profile is not None:
        page.lines.append((w["profile"], w[f"profile.{program.profile.value}"]))
    if plan.baseline:
        page.lines.append((w["normative"], duration(plan.baseline, lang)))
    page.lines.append((w["term"], duration(plan.duration, lang)))
    if program.admission is not None:
        page.lines.append((w["admission"], str(program.admission)))
    if isinstance(std, Standard) and std.order is not None:
        page.lines.append((w["standard"], std.order.value))
    if plan.track == "professionalitet":
        page.professionalitet = w["professionalitet"]
    return page


def back_page(
    plan: Plan, table: Mapping[str, AnyDeclaration], lang: Lang, name: str, row: str, general: bool = False
) -> list[str]:
    """The back of a working program's title page, as colleges print it: what the program is made on
    (the standard, its order), the organisation that made it, and the lines the college fills in by
    hand — the developers and the commission that approved it, with the protocol's number and date.
    `name`: «Рабочая программа учебной дисциплины»; `row`: «ОП.01 «Инженерная графика»»; `general`: a
    general-education subject, made on the school standard and the federal program of secondary general
    education, with the specialty as its vocational orientation."""
    w = WORDS[lang]
    program = table.get(plan.program)
    std = table.get(plan.standard) if plan.standard else None
    basis = w["back.basis"].format(name=name, row=row)
    if isinstance(std, Standard) and std.specialty is not None:
        code = std.specialty.code
        workers = re.fullmatch(r"\d\d\.01\.\d\d", code) is not None
        title = f" «{std.specialty_title.value}»" if std.specialty_title else ""
        basis += " " + w["back.general" if general else "back.standard"].format(
            of=w["back.profession" if workers else "back.specialty"], code=code + title
        )
        if std.order is not None:
            basis += f" ({std.order.value})"
    lines = [basis + "."]
    college = table.get(program.college.code) if isinstance(program, Program) and program.college else None
    if isinstance(college, College):
        lines.append(w["back.developer"].format(college=college.title.value if college.title else college.code))
    lines += [w["back.authors"], w["back.commission"], w["back.protocol"], w["back.chair"]]
    return lines
