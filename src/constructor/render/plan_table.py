"""The rows of the plan table in the layout methodologists know from ИС «Планы»: forms of control by
kind with their terms, hours by plan = with the teacher (theory, practical classes, labs, course design
and individual project, practices, consultations) + self-study + intermediate attestation, hours of
practical training, the obligatory and variable parts, then hours by year and term.

Every number comes from the plan (`Item.hours_by_kind`, `hours_by_term`, `attestation`) except what
only the declarations say: a row's declared practical training and variable hours (at most its hours
in the plan) and a course's form, which falls in the course's last term.
"""

from __future__ import annotations

from collections.abc import Mapping, Set
from dataclasses import dataclass, field

from constructor.compact.plan import Item
from constructor.compact.rows import item_term_hours
from constructor.model import AnyDeclaration, Course, Discipline, Hours, Program

# the forms of control by column: exams (with the module's qualification exam), credits, graded
# credits, course projects and papers
FORM_COLUMNS: dict[str, tuple[str, ...]] = {
    "exam": ("Э", "Эк"),
    "credit": ("З",),
    "graded": ("ДЗ",),
    "project": ("КП", "КР"),
}
# the hour columns in the table's order, with their header's word (`teacher` and `obligatory` are
# derived: the sum of the six kinds after `teacher`, and the total less the variable part)
HOUR_COLUMNS = (
    ("total", "all"),
    ("teacher", "short.teacher"),
    ("theory", "short.theory"),
    ("practice", "short.practice"),
    ("lab", "short.lab"),
    ("course", "short.course"),
    ("training", "short.training"),
    ("consultations", "short.consultations"),
    ("self_study", "short.self"),
    ("attestation", "short.attestation"),
    ("prep", "short.prep"),
    ("obligatory", "short.obligatory"),
    ("variable", "short.variable"),
)
# the numbers a row stores, which a sum of rows adds up
_STORED = (
    "total",
    "theory",
    "practice",
    "self_study",
    "lab",
    "course",
    "training",
    "consultations",
    "attestation",
    "final",
    "prep",
    "variable",
)


@dataclass
class Row:
    code: str
    title: str
    form: str  # the forms with their terms in one phrase, «З (1, 2), ДЗ (3)» (the syllabi's tables)
    total: int
    theory: int
    practice: int  # practical classes (a practice row's hours are `training`)
    self_study: int
    by_term: list[int]
    level: int = 1  # 0 group heading, 1 item, 2 a course (a breakdown, not in the totals)
    by_year: list[int] = field(default_factory=list)
    lab: int = 0
    course: int = 0  # course design and the individual project
    training: int = 0  # educational, production and pre-diploma practice
    consultations: int = 0
    attestation: int = 0  # intermediate attestation
    final: int = 0  # state final attestation
    prep: int = 0  # «практическая подготовка»
    variable: int = 0
    forms: dict[str, list[int]] = field(default_factory=dict)  # form (Э, ДЗ, …) → its terms
    joint: set[tuple[str, int]] = field(default_factory=set)  # (form, term) taken with other rows: «4*»
    term_hours: list[Hours] = field(default_factory=list)  # each term's hours by kind (practices: none)

    @property
    def teacher(self) -> int:
        return self.theory + self.practice + self.lab + self.course + self.training + self.consultations

    @property
    def obligatory(self) -> int:
        return self.total - self.variable

    @property
    def form_cols(self) -> dict[str, str]:
        """The terms of each form column as ИС «Планы» writes them: «34567», with commas past term 9
        (a property, not a method: templates only read values)."""
        return {column: self.terms_of(forms) for column, forms in FORM_COLUMNS.items()}

    def terms_of(self, forms: tuple[str, ...]) -> str:
        """«34567»; a term whose form the row takes with other rows (a complex exam or credit) is «4*»."""
        terms = sorted({t for form in forms for t in self.forms.get(form, [])})
        shown = [f"{t}*" if any((f, t) in self.joint for f in forms) else str(t) for t in terms]
        return ("" if all(t < 10 for t in terms) else ", ").join(shown)


# (term, form, [(row, its form)]) of a complex exam or credit that two or more rows take in one term
JointGroup = tuple[int, str, list[tuple[str, str]]]


def joint_groups(program: Program | None, forms: Mapping[str, Mapping[str, list[int]]]) -> list[JointGroup]:
    """A program's complex exams and credits where the plan table puts two or more of their rows' forms
    in one term (rows apart take their own: the note and C319 say so)."""
    out: list[JointGroup] = []
    if program is None:
        return out
    for kinds, groups in ((("Э",), program.complex_exams), (("З", "ДЗ"), program.complex_credits)):
        for group in groups:
            by_term: dict[int, list[tuple[str, str]]] = {}
            for code in dict.fromkeys(r.code for r in group):
                for form in kinds:
                    for term in forms.get(code, {}).get(form, []):
                        by_term.setdefault(term, []).append((code, form))
            for term, members in by_term.items():
                if len(members) >= 2:
                    out.append((term, "ДЗ" if any(f == "ДЗ" for _, f in members) else members[0][1], members))
    return out


def forms_phrase(forms: Mapping[str, list[int]], joint: Set[tuple[str, int]] = frozenset()) -> str:
    """«З (1, 2), ДЗ (3)»; a term whose form the row takes with other rows is «4*», as the plan table."""
    return ", ".join(
        f"{form} ({', '.join(f'{t}*' if (form, t) in joint else str(t) for t in sorted(ts))})"
        for form, ts in forms.items()
    )


def item_row(item: Item, terms: int, table: Mapping[str, AnyDeclaration], title: str | None = None) -> Row:
    by_term = [item.hours_by_term.get(t, 0) for t in range(1, terms + 1)]
    if not item.hours_by_term:  # a plan from before rows had their terms
        by_term = [item.hours_by_kind.total if item.term == t else 0 for t in range(1, terms + 1)]
    k = item.hours_by_kind
    forms: dict[str, list[int]] = {}
    for term, written in sorted(item.attestation.items()):
        for form in written.split(", "):  # an as-written term may hold two forms: «Э, КП»
            forms.setdefault(form, []).append(term)
    row = Row(
        item.code,
        title or item.title,
        forms_phrase(forms),
        k.total,
        k.theory,
        k.practice,
        k.self_study,
        by_term,
        lab=k.lab,
        course=k.course_design + k.project,
        consultations=k.consultations,
        attestation=k.attestation,
        forms=forms,
    )
    row.term_hours = [Hours() for _ in range(terms)]
    if item.kind != "practice":  # a practice's hours are weeks of practice: its total only
        for t, h in item_term_hours(item).items():
            if 1 <= t <= terms:
                row.term_hours[t - 1] = h
    decl = table.get(item.code)
    if item.kind == "practice":  # a practice is practical training, all of it
        row.training, row.practice = row.practice, 0
        row.prep = row.training
    elif isinstance(decl, Discipline) and decl.practical_training:
        row.prep = min(decl.practical_training, row.practice + row.lab + row.course)  # not lectures
    row.variable = item.variable  # compact/variable.py: the plan JSON's, as the note and `compact` count it
    return row


def sum_rows(code: str, title: str, rows: list[Row], terms: int, level: int = 0, form: str = "") -> Row:
    out = Row(code, title, form, 0, 0, 0, 0, [sum(r.by_term[k] for r in rows) for k in range(terms)], level)
    for name in _STORED:
        setattr(out, name, sum(getattr(r, name) for r in rows))
    out.term_hours = [sum((r.term_hours[k] for r in rows if r.term_hours), Hours()) for k in range(terms)]
    return out


def course_row(course: Course, parts: list[Row], terms: int) -> Row:
    """A course (МДК): the hours of the competencies it forms, its form in its last term, its declared
    practical training; its variable hours are its items' (compact/variable.py lays the course's or
    module's declared hours over them)."""
    row = sum_rows(course.code, course.title.value if course.title else course.code, parts, terms, level=1)
    last = max((k + 1 for k, h in enumerate(row.by_term) if h), default=0)
    forms = [a.form.value for a in course.attestations if not a.each]
    row.forms = {f: [last] for f in dict.fromkeys(forms)} if last else {}
    if not forms:  # forms by term (`term 5 { attestation exam, course_project }`, an as-written plan): its
        # items' — every form of the term, not the last one written
        for part in parts:
            for f, terms_of in part.forms.items():
                row.forms[f] = sorted({*row.forms.get(f, []), *terms_of})
    row.form = forms_phrase(row.forms)
    if course.practical_training:
        row.prep = min(course.practical_training, row.practice + row.lab + row.course + row.training)
    return row


def final_row(code: str, title: str, hours: int, terms: int) -> Row:
    by_term = [hours if t == terms else 0 for t in range(1, terms + 1)]
    return Row(code, title, "", hours, 0, 0, 0, by_term, final=hours, term_hours=[Hours() for _ in range(terms)])


def with_years(row: Row, years: list[int]) -> Row:
    """Hours by study year beside hours by term; `years[k]` is the year of term k + 1."""
    totals = [0] * (max(years) if years else 0)
    for k, hours in enumerate(row.by_term):
        totals[years[k] - 1] += hours
    row.by_year = totals
    return row
