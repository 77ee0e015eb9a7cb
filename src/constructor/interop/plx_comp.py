"""A plan read from ИС «Планы» (plx.py) written as a `.comp` project: `standard.comp` (the standard, its
cycles, activities and competencies) and `program.comp` (every row with its hours by kind and term and
its forms by term, modules with their МДК, practices and exam, elective groups, ПДП, the ГИА parts and
the program). What the language cannot say is counted for one report (`unmapped_diagnostics`).

A `.plx` file has no prerequisites: the importer infers none (docs/interop.md says what to add).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from constructor.diagnostics import Diagnostic, diagnostic
from constructor.i18n import Msg
from constructor.interop.plx import CONTROL, DISCIPLINE, ELECTIVE, FINAL, MODULE, PRACTICE, Losses, PlxPlan, Row
from constructor.model import COURSE_ONLY_KINDS, HOURS_KINDS
from constructor.syntax.format import format_text, quote

# cycle identifiers as ИС «Планы» writes them → the role the language gives a cycle
ROLES = {
    "ОО": "general_education",
    "ОУД": "general_education",
    "СО": "general_education",
    "ОП.ОО": "general_education",
    "ОГСЭ": "humanities",
    "СГ": "humanities",
    "ЕН": "natural",
    "ОП": "general_professional",
    "ОПЦ": "general_professional",
    "П": "professional",
    "ПЦ": "professional",
    "ПМ": "professional",
    "ПДП": "pre_diploma",
    "ГИА": "final",
}
# words in a ГИА row's title → the part of the final attestation
FINAL_PARTS = (
    (("подготовк", "демонстрац"), "demo_exam_preparation"),
    (("демонстрац",), "demo_exam"),
    (("подготовк",), "thesis_preparation"),
    (("защит",), "thesis"),
    (("государствен", "экзамен"), "state_exam"),
)


# the weeks of a term (КодВидаДеятельности): theory, educational and production practice, and the ГИА's
# (ВКР, exams): the final attestation's hours are the last term's, as the plan's calendar places them
STUDY_WEEKS = (1, 4, 5, 7, 11)
ATTESTATION_WEEK, HOLIDAY_WEEK = 3, 12
MODULE_CYCLES = ("ПМ", "П", "ПЦ")  # the professional cycle: its rows are the modules'


def standard_code(plan: PlxPlan) -> str:
    return f"ФГОС-{plan.specialty or 'ПЛАН'}"


def program_code(plan: PlxPlan) -> str:
    return f"{plan.specialty or 'ПЛАН'}-{plan.admission or 'ПЛАН'}"


def _hours(by_kind: dict[str, int]) -> str:
    return ", ".join(f"{k} {by_kind[k]}" for k in HOURS_KINDS if by_kind.get(k))


def _forms(forms: Iterable[str]) -> str:
    return ", ".join(dict.fromkeys(forms))


def _row_body(row: Row, lost: Losses) -> list[str]:
    """A discipline's or МДК's hours and forms by term, with its total when the kinds add up to it."""
    lines = []
    if row.planned and row.planned == row.total():
        lines.append(f"total {row.planned} h")
    elif row.planned != row.total():
        lost.add("hours-not-by-kind", f"ПланыСтроки {row.code}")  # hours of kinds the language cannot name
    for term in row.terms:
        parts = []
        if row.hours.get(term):
            parts.append(f"hours {_hours(row.hours[term])}")
        if row.forms.get(term):
            parts.append(f"attestation {_forms(row.forms[term])}")
        if parts:
            lines.append(f"term {term} {{ {'  '.join(parts)} }}")
    return lines


def _practice_hours(row: Row) -> int:
    return row.planned or sum(row.totals.values())


def _practice_terms(row: Row) -> list[str]:
    """A practice's hours by term (`term 4 { hours practice 72 }`): where the file puts it, when its
    terms add up to its hours (its form stays the practice's, in its last term)."""
    by_term = {t: row.totals.get(t) or sum(row.hours.get(t, {}).values()) for t in row.terms}
    if sum(by_term.values()) != _practice_hours(row):
        return []
    return [f"term {t} {{ hours practice {h} }}" for t, h in by_term.items() if h]


def _final_part(row: Row) -> str | None:
    title = row.title.lower()
    for words, part in FINAL_PARTS:
        if all(w in title for w in words):
            return part
    return None


class _Writer:
    def __init__(self, plan: PlxPlan) -> None:
        self.plan = plan
        self.lost = plan.unmapped
        self.children: dict[str, list[Row]] = {}
        for r in plan.rows:
            if r.parent is not None:
                self.children.setdefault(r.parent, []).append(r)
        cycles = {c.id for c in plan.cycles}
        self.codes: dict[str, str] = {}  # row key → its code in the project, unique and not a cycle's
        taken: set[str] = set(cycles)
        for r in plan.rows:
            code = r.code
            if code in taken:
                self.lost.add("code-renamed", f"ПланыСтроки {code}")
                n = 1
                while f"{code}.{n:02d}" in taken:
                    n += 1
                code = f"{code}.{n:02d}"
            taken.add(code)
            self.codes[r.key] = code
        self.activity_code = {k: f"ВД-{i}" for i, k in enumerate(sorted(plan.activities, key=_key_order), 1)}
        self.comp_hours = self._competency_hours()
        self.order: dict[str, list[str]] = {}  # ПК → the ПК it requires (`import plx --keep-order`)
        self.comp_activity = {c.code: self.activity_code.get(c.activity or "") for c in plan.competencies}

    def kept_order(self) -> dict[str, list[str]]:
        """The order a file's terms give a module's ПК, as prerequisites (the file has none): a ПК whose
        МДК all start after another ПК's МДК all end requires it — the latest such ones only (the rest
        follow through them). Within a module; ПК whose МДК overlap in a term stay free."""
        modules = {r.key for r in self.plan.rows if r.object_type == MODULE}
        span: dict[str, tuple[int, int]] = {}
        module_of: dict[str, str] = {}
        for row in self.plan.rows:
            if row.object_type != DISCIPLINE or row.parent not in modules or not row.terms:
                continue
            for code in self.plan.matrix.get(row.key, []):
                if code.startswith("ПК"):
                    first, last = span.get(code, (row.terms[0], row.terms[-1]))
                    span[code] = (min(first, row.terms[0]), max(last, row.terms[-1]))
                    module_of[code] = row.parent or ""
        out: dict[str, list[str]] = {}
        for code, (start, _) in span.items():
            earlier = [b for b, (_, end) in span.items() if module_of[b] == module_of[code] and end < start]
            latest = max((span[b][1] for b in earlier), default=None)
            if latest is not None:
                out[code] = sorted(b for b in earlier if span[b][1] == latest)
        return out

    def _competency_hours(self) -> dict[str, dict[str, int]]:
        """Each МДК's hours of study split evenly among the ПК the matrix gives it (the remainder to the
        first): compaction places competencies, so a МДК's hours reach the plan through them. The split
        is an inference (docs/interop.md): the file says which ПК a МДК forms, not how many hours each
        takes. Consultations, course design and attestation stay the course's (as C231 counts)."""
        out: dict[str, dict[str, int]] = {}
        modules = {r.key for r in self.plan.rows if r.object_type == MODULE}
        for row in self.plan.rows:
            if row.object_type != DISCIPLINE or row.parent not in modules:
                continue
            pks = [c for c in self.plan.matrix.get(row.key, []) if c.startswith("ПК")]
            if not pks:
                self.lost.add("course-without-competencies", f"ПланыСтроки {row.code}")
                continue
            by_kind: dict[str, int] = {}
            for term_hours in row.hours.values():
                for kind, h in term_hours.items():
                    if kind not in COURSE_ONLY_KINDS:
                        by_kind[kind] = by_kind.get(kind, 0) + h
            for kind, h in by_kind.items():
                share, rest = divmod(h, len(pks))
                for i, code in enumerate(pks):
                    mine = out.setdefault(code, {})
                    mine[kind] = mine.get(kind, 0) + share + (1 if i < rest else 0)
        return out

    def covers(self, row: Row) -> str | None:
        codes = self.plan.matrix.get(row.key, [])
        return "covers " + ", ".join(codes) if codes else None

    def discipline(self, row: Row, depth: str = "") -> list[str]:
        body = [f"cycle {row.cycle}"] if row.cycle and not depth else []
        body += _row_body(row, self.lost)
        if cover := self.covers(row):
            body.append(cover)
        return [
            f"{depth}discipline {self.codes[row.key]} {quote(row.title)} {{",
            *(f"{depth}  {b}" for b in body),
            f"{depth}}}",
        ]

    def elective(self, row: Row) -> list[str]:
        alternatives = [r for r in self.children.get(row.key, []) if r.object_type == DISCIPLINE]
        lines = [f"elective {self.codes[row.key]} {quote(row.title)} {{"]
        if row.cycle:
            lines.append(f"  cycle {row.cycle}")
        chosen = next((r for r in alternatives if r.counted), None)
        if chosen is not None:
            lines.append(f"  choose {self.codes[chosen.key]}")
        for alt in alternatives:
            lines += self.discipline(alt, "  ")
        return [*lines, "}"]

    def module(self, row: Row) -> list[str]:
        parts = self.children.get(row.key, [])
        covered = list(dict.fromkeys(c for r in [row, *parts] for c in self.plan.matrix.get(r.key, [])))
        activities = Counter(a for c in covered if (a := self.comp_activity.get(c)))
        lines = [f"module {self.codes[row.key]} {quote(row.title)} {{"]
        if activities:
            lines.append(f"  activity {activities.most_common(1)[0][0]}")
        if row.cycle:
            lines.append(f"  cycle {row.cycle}")
        if covered:
            lines.append("  covers " + ", ".join(covered))
        for part in parts:
            code = self.codes[part.key]
            if part.object_type == DISCIPLINE:
                body = _row_body(part, self.lost) + ([c] if (c := self.covers(part)) else [])
                lines += [f"  course {code} {quote(part.title)} {{", *(f"    {b}" for b in body), "  }"]
            elif part.object_type == PRACTICE and part.practice in ("educational", "production"):
                terms = _practice_terms(part)
                forms = _forms(f for fs in part.forms.values() for f in fs)
                body = [f"attestation {forms}"] if forms else []
                if c := self.covers(part):
                    body.append(c)
                body += terms
                head = f"  practice {code} {part.practice} {_practice_hours(part)} h"
                lines += [f"{head} {{", *(f"    {b}" for b in body), "  }"] if body else [head]
            elif part.object_type == CONTROL:
                lines.append(f"  exam {code} {_practice_hours(part)} h")
            else:
                self.lost.add("module-part", f"ПланыСтроки {part.code}")
        return [*lines, "}"]

    def program(self) -> tuple[str, str]:
        plan = self.plan
        out: list[str] = []
        if plan.note:
            out += [
                "# Пояснительная записка из файла ИС «Планы»:",
                *(f"# {line}".rstrip() for line in plan.note.splitlines()),
                "",
            ]
        out += ['use "standard.comp"', ""]
        modules, final, rows_of_program = [], [], []
        for row in plan.rows:
            if row.parent is not None:
                continue
            if row.object_type == MODULE:
                if any(c.object_type == DISCIPLINE for c in self.children.get(row.key, [])):
                    modules.append(self.codes[row.key])
                    out += self.module(row)
                else:
                    self.lost.add("module-without-courses", f"ПланыСтроки {row.code}")
            elif row.object_type == ELECTIVE:
                out += self.elective(row)
            elif row.object_type == DISCIPLINE:
                out += self.discipline(row)
                if row.cycle in MODULE_CYCLES:  # a row of the professional cycle outside any module
                    rows_of_program.append(self.codes[row.key])
            elif row.object_type == PRACTICE and row.practice == "pre_diploma":
                terms = _practice_terms(row)
                forms = _forms(f for fs in row.forms.values() for f in fs)
                body = [f"cycle {row.cycle}"] if row.cycle else []
                body += [f"attestation {forms}"] if forms else []
                body += terms
                out += [
                    f"practice {self.codes[row.key]} pre_diploma {_practice_hours(row)} h {{",
                    *(f"  {b}" for b in body),
                    "}",
                ]
                rows_of_program.append(self.codes[row.key])
            elif row.object_type == FINAL:
                part = _final_part(row)
                if part is None:
                    self.lost.add("final-part", f"ПланыСтроки {row.code}")
                else:
                    final.append(f"{part} {_practice_hours(row)} h")
                continue
            else:
                self.lost.add("row-kind", f"ПланыСтроки {row.code}")
                continue
            out.append("")
        cycles = [c.id for c in plan.cycles if c.id in {r.cycle for r in plan.rows if r.object_type != MODULE}]
        general = [c.code for c in plan.competencies if c.code.startswith("ОК")]
        head = [
            f"program {program_code(plan)} {quote(plan.title or plan.specialty)} {{",
            f"  standard {standard_code(plan)}",
        ]
        if plan.qualification:
            head.append(f"  qualification {quote(plan.qualification)}")
        if plan.base in (1, 2) or plan.years is not None:
            head.append(f"  base {self.base()}")
        if plan.form in (1, 2, 3):
            head.append(f"  form {({1: 'full_time', 2: 'extramural', 3: 'part_time'})[plan.form]}")
        if plan.admission:
            head.append(f"  admission {plan.admission}")
        head += self.calendar()
        if modules:
            head.append("  core " + ", ".join(modules))
        if general:
            head.append("  general " + ", ".join(general))
        disciplines = [c for c in cycles if c not in (*MODULE_CYCLES, "ГИА", "ПДП")] + rows_of_program
        if disciplines:
            head.append("  disciplines " + ", ".join(disciplines))
        if final:
            head.append("  final_attestation " + ", ".join(final))
        for group in plan.complex_exams:  # rows the project has (a group's row may have been left out)
            codes = [self.codes[k] for k in group if (r := plan.row(k)) is not None and r.object_type == DISCIPLINE]
            if len(codes) > 1:
                head.append("  complex_exam " + ", ".join(codes))
        for group in plan.complex_credits:  # a complex credit: disciplines, МДК and practices
            codes = [
                self.codes[k]
                for k in group
                if (r := plan.row(k)) is not None and r.object_type in (DISCIPLINE, PRACTICE) and k in self.codes
            ]
            if len(codes) > 1:
                head.append("  complex_credit " + ", ".join(codes))
        out += [*head, "}"]
        return "program.comp", "\n".join(out) + "\n"

    def base(self) -> str:
        """КодБазы (1 — 9 classes, 2 — 11 classes, as far as files show), else by the term: 3y10m and
        longer is for 9-grade entrants."""
        plan = self.plan
        if plan.base in (1, 2):
            return "9-grades" if plan.base == 1 else "11-grades"
        return "9-grades" if (plan.years or 0, plan.months or 0) >= (3, 10) else "11-grades"

    def calendar(self) -> list[str]:
        """The program's weeks by term: from the file's calendar (study weeks: theory and practices;
        attestation weeks; holidays), else each term's hours over 36 a week, rounded up."""
        plan = self.plan
        last = max((t for r in plan.rows for t in r.terms), default=0)
        cal = plan.calendar
        terms = range(1, max(last, len(cal)) + 1)
        per = plan.terms_per_year

        def at(term: int) -> Counter[int]:
            return cal.get(((term - 1) // per + 1, (term - 1) % per + 1), Counter())

        if cal:
            study = [sum(at(t)[k] for k in STUDY_WEEKS) for t in terms]
            exams = [at(t)[ATTESTATION_WEEK] for t in terms]
            lines = ["  term_weeks " + ", ".join(map(str, study))] if all(study) else []
            if any(exams):
                lines.append("  attestation_weeks " + ", ".join(map(str, exams)))
            winter, summer = cal.get((1, 1), Counter())[HOLIDAY_WEEK], cal.get((1, per), Counter())[HOLIDAY_WEEK]
            if winter or summer:
                lines.append(f"  holidays winter {winter}, summer {summer}")
            if lines and all(study):
                return lines
            self.lost["calendar-incomplete"] += 1
        hours = [0] * len(terms)
        for r in plan.rows:
            if r.object_type in (MODULE, ELECTIVE) or (r.alternative and not r.counted):  # (ГИА: the last term's)
                continue
            for t in r.terms:
                hours[t - 1] += sum(r.hours.get(t, {}).values()) or r.totals.get(t, 0)
        return ["  term_weeks " + ", ".join(str(max(1, -(-h // 36))) for h in hours)] if hours else []

    def standard(self) -> tuple[str, str]:
        plan = self.plan
        used = {r.cycle for r in plan.rows if r.cycle}
        cycles = [c for c in plan.cycles if c.id in used]
        lines = [f"# Стандарт и компетенции из файла ИС «Планы» ({plan.specialty} {plan.title}).", ""]
        lines.append(f"standard {standard_code(plan)} {quote(plan.title or plan.specialty)} {{")
        if plan.order:
            lines.append(f"  order {quote('Приказ ' + plan.order)}")
        if plan.specialty:
            lines.append(f"  specialty {plan.specialty} {quote(plan.title)}")
        if plan.years:  # the plan's term (СрокОбучения): the normative term for its base
            lines.append(f"  baseline {self.base()} {plan.years}y{plan.months or 0}m".replace("y0m", "y"))
        lines.append("  weekly_load 36 h")
        general = [c.code for c in plan.competencies if c.code.startswith("ОК")]
        if general:
            lines.append("  general " + ", ".join(general))
        if self.activity_code:
            lines.append("  activities " + ", ".join(self.activity_code.values()))
        if cycles:
            lines.append("  cycles " + ", ".join(c.id for c in cycles))
        lines += ["}", ""]
        for c in cycles:
            role = ROLES.get(c.id)
            if role is None:
                self.lost.add("cycle-role", f"ПланыЦиклы {c.id}")
            lines.append(f"cycle {c.id} {quote(c.title or c.id)}" + (f" {{ role {role} }}" if role else ""))
        lines.append("")
        for key in sorted(plan.activities, key=_key_order):
            lines.append(f"activity {self.activity_code[key]} {quote(plan.activities[key] or key)}")
        lines.append("")
        for comp in plan.competencies:
            fields = [f"activity {a}"] if (a := self.comp_activity.get(comp.code)) else []
            if hours := self.comp_hours.get(comp.code):
                fields.append(f"hours {_hours(hours)}")
            if before := self.order.get(comp.code):
                fields.append("requires " + ", ".join(before))
            lines.append(
                f"competency {comp.code} {quote(comp.title)}" + (f" {{ {'  '.join(fields)} }}" if fields else "")
            )
        return "standard.comp", "\n".join(lines) + "\n"


def _key_order(key: str) -> tuple[int, str]:
    try:
        return abs(int(key)), key
    except ValueError:
        return 0, key


def to_project(plan: PlxPlan, source: str, keep_order: bool = False) -> tuple[dict[str, str], list[Diagnostic]]:
    """The project's files (name → text, in Russian, laid out by the formatter) and the report of what
    could not be carried (one diagnostic a kind, with its count). `keep_order`: a module's ПК keep the
    order of the terms their МДК run in (`requires`, see `_Writer.kept_order`)."""
    writer = _Writer(plan)
    if keep_order:
        writer.order = writer.kept_order()
    files: dict[str, str] = {}
    for name, text in (writer.standard(), writer.program()):
        formatted, problems = format_text(text, name, lang="ru")
        if formatted is None:  # a bug of this writer: say so rather than write a broken file
            raise RuntimeError(f"{name}: {[d.message for d in problems][:3]}")
        files[name] = formatted
    files["constructor.toml"] = f"# Проект импортирован из {source} (constructor import plx).\n"
    return files, unmapped_diagnostics(writer.lost, source)


def unmapped_diagnostics(lost: Losses, source: str) -> list[Diagnostic]:
    """One warning a kind of what was not carried, with how many and where (the first few: a table and a
    row's code): nothing is dropped silently."""
    out = []
    for kind, n in sorted(lost.items()):
        if not n:
            continue
        what = Msg("plx-unmapped.work", {"n": kind[5:]}) if kind.startswith("work-") else Msg(f"plx-unmapped.{kind}")
        places = lost.where.get(kind, [])
        shown = "; ".join(places) + (" …" if n > len(places) else "")
        notes = [Msg("plx-unmapped.where", {"where": shown})] if places else []
        out.append(diagnostic("C040", "plx-unmapped", None, path=source, what=what, count=n, notes=notes))
    return out
