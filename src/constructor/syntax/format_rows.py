"""The canonical layout of the declarations and fields of whole programs: cycles, disciplines,
elective groups, colleges, practices, rows' terms and topics, the standard's structural numbers and
the program's calendar and signatures (see format.py for the rest)."""

from __future__ import annotations

from collections.abc import Mapping

from constructor.model import (
    College,
    Course,
    Cycle,
    DemoExamLevel,
    Discipline,
    Elective,
    Module,
    Practice,
    Program,
    RowFields,
    SourceKind,
    Span,
    Standard,
    TermPlan,
    TopDeclaration,
)
from constructor.syntax.format import _Printer, quote
from constructor.syntax.values import ALL, FINAL_PARTS, SEASONS


class Printer(_Printer):
    def _all(self) -> str:
        return ALL[1 if self.lang == "ru" else 0]

    def weeks(self, n: int) -> str:
        return f"{n} {'нед' if self.lang == 'ru' else 'w'}"

    def has_block(self, decl: TopDeclaration) -> bool:
        if isinstance(decl, Elective):
            return True
        if isinstance(decl, Cycle | College | Practice):
            return bool(decl.fields)
        if isinstance(decl, Discipline):
            return bool(decl.fields)
        return super().has_block(decl)

    def declaration(self, depth: int, decl: TopDeclaration) -> None:
        if isinstance(decl, Discipline):
            self.discipline(depth, decl)
        elif isinstance(decl, Cycle):
            self.cycle(depth, decl)
        elif isinstance(decl, Elective):
            self.elective(depth, decl)
        elif isinstance(decl, College):
            self.college(depth, decl)
        elif isinstance(decl, Practice):
            self.practice(depth, decl)
        else:
            super().declaration(depth, decl)

    # ------------------------------------------------------------------ new declarations

    def cycle(self, depth: int, c: Cycle) -> None:
        block = bool(c.fields)
        self.header(depth, "CYCLE", c.code, self.title(c), c.span.line, block)
        if not block:
            return
        d = depth + 1
        if c.role is not None:
            self.emit(d, f"{self.kw('ROLE')} {self.word(c.role)}", self.line_of(c, "ROLE"))
        if c.min_hours is not None:
            self.emit(d, f"{self.kw('MIN_HOURS')} {self.unit(c.min_hours)}", self.line_of(c, "MIN_HOURS"))
        if c.min_class_hours is not None:
            line = self.line_of(c, "MIN_CLASS_HOURS")
            self.emit(d, f"{self.kw('MIN_CLASS_HOURS')} {self.unit(c.min_class_hours)}", line)
        if c.volume is not None:
            self.emit(d, f"{self.kw('VOLUME')} {self.unit(c.volume)}", self.line_of(c, "VOLUME"))
        if c.base is not None:
            self.emit(d, f"{self.kw('BASE')} {self.word(c.base)}", self.line_of(c, "BASE"))
        if c.ends_by_year is not None:
            self.emit(d, f"{self.kw('ENDS_BY_YEAR')} {c.ends_by_year}", self.line_of(c, "ENDS_BY_YEAR"))
        self.close(depth, c.span.end_line, c.span.line)

    def discipline(self, depth: int, c: Discipline) -> None:
        block = bool(c.fields)
        self.header(depth, "DISCIPLINE", c.code, self.title(c), c.span.line, block)
        if not block:
            return
        d = depth + 1
        if c.cycle is not None and "CYCLE" in c.fields:
            self.emit(d, f"{self.kw('CYCLE')} {c.cycle.code}", self.line_of(c, "CYCLE"))
        if "KIND" in c.fields:
            self.emit(d, f"{self.kw('KIND')} {self.word(c.discipline_kind)}", self.line_of(c, "KIND"))
        if self.hours(c.hours) and "HOURS" in c.fields:
            self.items(d, self.kw("HOURS"), self.hours(c.hours), self.line_of(c, "HOURS"))
        if c.attestations:
            self.items(d, self.kw("ATTESTATION"), self.attestations(c.attestations), self.line_of(c, "ATTESTATION"))
        self.row(d, c)
        if c.covers:
            self.items(d, self.kw("COVERS"), self.codes(c.covers), self.line_of(c, "COVERS"))
        self.requisites_and_results(d, c)
        if c.outside_limits:
            self.emit(d, self.kw("OUTSIDE_LIMITS"), self.line_of(c, "OUTSIDE_LIMITS"))
        for k, (key, value) in enumerate(c.tags):
            self.emit(d, f"{self.kw('TAG')} {key} {quote(value)}", self.line_of(c, "TAG") if k == 0 else None)
        self.close(depth, c.span.end_line, c.span.line)

    def elective(self, depth: int, e: Elective) -> None:
        self.header(depth, "ELECTIVE", e.code, self.title(e), e.span.line, True)
        d = depth + 1
        if e.cycle is not None:
            self.emit(d, f"{self.kw('CYCLE')} {e.cycle.code}", self.line_of(e, "CYCLE"))
        if e.choose is not None:
            self.emit(d, f"{self.kw('CHOOSE')} {e.choose.code}", self.line_of(e, "CHOOSE"))
        for alt in e.alternatives:
            # the group's cycle was copied onto its alternatives: print only what they wrote
            self.discipline(d, alt)
        self.close(depth, e.span.end_line, e.span.line)

    def college(self, depth: int, c: College) -> None:
        block = bool(c.fields)
        self.header(depth, "COLLEGE", c.code, self.title(c), c.span.line, block)
        if not block:
            return
        d = depth + 1
        if c.founder is not None:
            self.emit(d, f"{self.kw('FOUNDER')} {quote(c.founder)}", self.line_of(c, "FOUNDER"))
        if c.approved_by is not None:
            who = c.approved_by
            self.emit(d, f"{self.kw('APPROVED_BY')} {quote(who.position)} {quote(who.name)}", who.span.line)
        for room in c.rooms:
            kind = f" {self.word(room.kind)}" if room.kind is not None else ""
            self.emit(d, f"{self.kw('ROOM')} {room.code}{kind} {quote(self.title(room))}", room.span.line)
        self.close(depth, c.span.end_line, c.span.line)

    def practice(self, depth: int, p: Practice) -> None:
        amount = self.weeks(p.weeks) if p.weeks is not None else self.unit(p.hours)
        text = f"{self.kw('PRACTICE')} {p.code} {self.word(p.kind)} {amount}"
        if p.site:
            text += f" {self.kw('AT')} {p.site.code}"
        if not p.fields:
            self.emit(depth, text, p.span.line)
            return
        d = depth + 1
        self.emit(depth, text + " {", p.span.line)
        if p.covers:
            self.items(d, self.kw("COVERS"), self.codes(p.covers), self.line_of(p, "COVERS"))
        if p.attestations:
            self.items(d, self.kw("ATTESTATION"), self.attestations(p.attestations), self.line_of(p, "ATTESTATION"))
        if p.cycle is not None:
            self.emit(d, f"{self.kw('CYCLE')} {p.cycle.code}", self.line_of(p, "CYCLE"))
        if p.spread is not None:
            self.spread(d, p.spread.terms, self.line_of(p, "TERMS"))
        if p.variable is not None:
            self.variable(d, p.variable.hours, self.line_of(p, "VARIABLE"))
        if p.requires is not None:
            self.emit(d, f"{self.kw('REQUIRES')} {self.expr(p.requires)}", self.line_of(p, "REQUIRES"))
        self.term_blocks(d, p.terms)
        self.close(depth, p.span.end_line, p.span.line)

    # ------------------------------------------------------------------ row fields

    def spread(self, depth: int, terms: int | None, line: int | None) -> None:
        self.emit(depth, f"{self.kw('TERMS')} {terms if terms is not None else self._all()}", line)

    def variable(self, depth: int, hours: int | None, line: int | None) -> None:
        self.emit(depth, f"{self.kw('VARIABLE')} {self.unit(hours) if hours is not None else self._all()}", line)

    def term_blocks(self, d: int, terms: tuple[TermPlan, ...]) -> None:
        for t in terms:
            parts = []
            if self.hours(t.hours):
                parts.append(f"{self.kw('HOURS')} " + ", ".join(self.hours(t.hours)))
            if t.attestations:
                parts.append(f"{self.kw('ATTESTATION')} " + ", ".join(self.attestations(t.attestations)))
            self.emit(d, f"{self.kw('TERM')} {t.term} {{ {'  '.join(parts)} }}".replace("{  }", "{ }"), t.span.line)

    def row(self, d: int, r: RowFields) -> None:
        """The fields every row shares, in the grammar's order."""
        fields = getattr(r, "fields", {})
        if r.total is not None:
            self.emit(d, f"{self.kw('TOTAL')} {self.unit(r.total)}", fields.get("TOTAL") and fields["TOTAL"].line)
        if r.practical_training is not None:
            line = fields["PRACTICAL_TRAINING"].line if "PRACTICAL_TRAINING" in fields else None
            self.emit(d, f"{self.kw('PRACTICAL_TRAINING')} {self.unit(r.practical_training)}", line)
        if r.variable is not None:
            self.variable(d, r.variable.hours, r.variable.span.line)
        if r.spread is not None:
            self.spread(d, r.spread.terms, r.spread.span.line)
        self.term_blocks(d, r.terms)
        for topic in r.topics:
            hours = self.hours(topic.hours)
            body = f" {{ {self.kw('HOURS')} {', '.join(hours)} }}" if hours else ""
            self.emit(d, f"{self.kw('TOPIC')} {quote(topic.title)}{body}", topic.span.line)
        if r.rooms:
            self.items(d, self.kw("ROOMS"), self.codes(r.rooms), fields["ROOMS"].line if "ROOMS" in fields else None)
        self.support(d, r, fields)

    def support(self, d: int, r: RowFields | Module, fields: Mapping[str, Span]) -> None:
        """A work program's sources and equipment (`literature`, `equipment`); a main source is written
        without its kind."""
        for source in r.literature:
            kind = "" if source.kind is SourceKind.MAIN else f" {self.word(source.kind)}"
            self.emit(d, f"{self.kw('LITERATURE')}{kind} {quote(source.text)}", source.span.line)
        if r.equipment:
            line = fields["EQUIPMENT"].line if "EQUIPMENT" in fields else None
            self.items(d, self.kw("EQUIPMENT"), [quote(t.value) for t in r.equipment], line)

    def course_more(self, depth: int, c: Course) -> None:
        self.row(depth, c)

    def module_more(self, depth: int, m: Module) -> None:
        if m.exam is not None:
            amount = self.weeks(m.exam.amount.value) if m.exam.amount.weeks else self.unit(m.exam.amount.value)
            self.emit(depth, f"{self.kw('EXAM')} {m.exam.code} {amount}", m.exam.span.line)
        if m.cycle is not None:
            self.emit(depth, f"{self.kw('CYCLE')} {m.cycle.code}", self.line_of(m, "CYCLE"))
        if m.rooms:
            self.items(depth, self.kw("ROOMS"), self.codes(m.rooms), self.line_of(m, "ROOMS"))
        if m.variable is not None:
            self.variable(depth, m.variable.hours, self.line_of(m, "VARIABLE"))
        self.support(depth, m, m.fields)

    def standard_more(self, d: int, s: Standard) -> None:
        if s.version is not None:
            self.emit(d, f"{self.kw('VERSION')} {quote(s.version.value)}", self.line_of(s, "VERSION"))
        if "STATUS" in s.fields:
            self.emit(d, f"{self.kw('STATUS')} {self.word(s.status)}", self.line_of(s, "STATUS"))
        if s.superseded_by is not None:
            self.emit(d, f"{self.kw('SUPERSEDED_BY')} {quote(s.superseded_by.value)}", self.line_of(s, "SUPERSEDED_BY"))
        if s.cycles:
            self.items(d, self.kw("CYCLES"), [r.code for r in s.cycles], self.line_of(s, "CYCLES"))
        if s.volume:
            parts = [f"{self.word(base)} {self.unit(hours)}" for base, hours in s.volume.items()]
            self.items(d, self.kw("VOLUME"), parts, self.line_of(s, "VOLUME"))
        if s.variable_share is not None:
            v = s.variable_share
            tolerance = f" ± {v.tolerance}%" if v.tolerance is not None else ""
            self.emit(d, f"{self.kw('VARIABLE_SHARE')} {self.word(v.rule)} {v.percent}%{tolerance}", v.span.line)
        for name, value in (
            ("MAX_EXAMS", s.max_exams_per_year),
            ("MAX_CREDITS", s.max_credits_per_year),
            ("HOLIDAY_WEEKS_MIN", s.holiday_weeks_min),
            ("HOLIDAY_WEEKS_MAX", s.holiday_weeks_max),
            ("WINTER_HOLIDAY_WEEKS_MIN", s.winter_holiday_weeks_min),
        ):
            if value is not None:
                self.emit(d, f"{self.kw(name)} {value}", self.line_of(s, name))

    def final_parts(self, p: Program) -> list[str]:
        out = []
        for part in p.final_parts:
            spellings = FINAL_PARTS[part.kind.value]
            word = spellings[2 if part.kind.value == "demo_exam" else 1] if self.lang == "ru" else spellings[0]
            level = ""
            if part.level is not None and part.kind.value == "demo_exam":
                level = f" {self.word(DemoExamLevel(part.level))}"
            amount = self.weeks(part.amount.value) if part.amount.weeks else self.unit(part.amount.value)
            out.append(f"{word}{level} {amount}")
        return out

    def program_more(self, d: int, p: Program) -> None:
        if p.disciplines:
            self.items(d, self.kw("DISCIPLINES"), [r.code for r in p.disciplines], self.line_of(p, "DISCIPLINES"))
        if p.college is not None:
            self.emit(d, f"{self.kw('COLLEGE')} {p.college.code}", self.line_of(p, "COLLEGE"))
        if p.form is not None:
            self.emit(d, f"{self.kw('FORM')} {self.word(p.form)}", self.line_of(p, "FORM"))
        if p.profile is not None:
            self.emit(d, f"{self.kw('PROFILE')} {self.word(p.profile)}", self.line_of(p, "PROFILE"))
        if p.admission is not None:
            self.emit(d, f"{self.kw('ADMISSION')} {p.admission}", self.line_of(p, "ADMISSION"))
        if p.term_weeks:
            self.items(d, self.kw("TERM_WEEKS"), [str(w) for w in p.term_weeks], self.line_of(p, "TERM_WEEKS"))
        if p.attestation_weeks:
            weeks = [str(w) for w in p.attestation_weeks]
            self.items(d, self.kw("ATTESTATION_WEEKS"), weeks, self.line_of(p, "ATTESTATION_WEEKS"))
        if p.holidays:
            k = 1 if self.lang == "ru" else 0
            parts = [f"{SEASONS[season][k]} {weeks}" for season, weeks in p.holidays.items()]
            self.items(d, self.kw("HOLIDAYS"), parts, self.line_of(p, "HOLIDAYS"))
        for who in p.agreed_by:
            self.emit(d, f"{self.kw('AGREED_BY')} {quote(who.position)} {quote(who.name)}", who.span.line)
        if p.approved_by is not None:
            who = p.approved_by
            self.emit(d, f"{self.kw('APPROVED_BY')} {quote(who.position)} {quote(who.name)}", who.span.line)
        for group in p.complex_exams:
            self.items(d, self.kw("COMPLEX_EXAM"), [r.code for r in group], group[0].span.line if group else None)
        for group in p.complex_credits:
            self.items(d, self.kw("COMPLEX_CREDIT"), [r.code for r in group], group[0].span.line if group else None)
        if p.rooms:
            self.items(d, self.kw("ROOMS"), [r.code for r in p.rooms], self.line_of(p, "ROOMS"))
