"""Rules of the whole program: cycles, disciplines and elective groups, rows' hours by term and
attestation, the standard's structural numbers, the college, the calendar and signatures."""

from __future__ import annotations

from typing import Any

from lark import Token

from constructor.diagnostics import diagnostic
from constructor.i18n import Kw
from constructor.model import (
    AllOf,
    Attestation,
    AttestationForm,
    Base,
    College,
    CompetencyKind,
    Cycle,
    CycleRole,
    Discipline,
    DisciplineKind,
    Elective,
    Hours,
    ModuleExam,
    Profile,
    Quantity,
    Room,
    RoomKind,
    ShareLimit,
    ShareRule,
    Signatory,
    Source,
    SourceKind,
    Span,
    Spread,
    StandardStatus,
    StudyForm,
    TermPlan,
    Text,
    Topic,
    Variable,
)
from constructor.syntax import values
from constructor.syntax.transform_base import Field, ModelBase, Word

MAX_TERMS = 24  # terms of one program; real ones have at most 10


class RowRules(ModelBase):
    # ------------------------------------------------------------------ values

    def quantity(self, meta: Any, children: list[Token]) -> Quantity | None:
        tok = children[0]
        value = values.number(str(tok), self._tspan(tok), self.diags)
        if value is None:
            return None
        # the builder passes the weeks unit on (and drops the hours one): see builder._VALUE_TOKENS
        return Quantity(value=value, weeks=len(children) > 1)

    def _number_or_all(self, word: str, span: Span) -> tuple[bool, int | None]:
        """`all` → (True, None); a number → (False, n); anything else → a diagnostic and (False, None)."""
        if word.lower() in values.ALL:
            return True, None
        return False, values.number(word, span, self.diags)

    # ------------------------------------------------------------------ standard

    def status(self, meta: Any, children: list[Word]) -> Field:
        return Field("STATUS", self._choose(children[0], StandardStatus, "STATUS"), self._span(meta))

    def volume_item(self, meta: Any, children: list[Any]) -> tuple[Base | None, int | None, Span]:
        if len(children) == 2:
            base = self._choose(children[0], Base, "VOLUME")
            return base, children[1], self._span(meta)
        return None, children[0], self._span(meta)

    def variable_share(self, meta: Any, children: list[Any]) -> Field:
        rule = self._choose(children[0], ShareRule, "VARIABLE_SHARE")
        percent = children[1]
        tolerance = children[2] if len(children) > 2 else None
        span = self._span(meta)
        if rule is None or percent is None:
            return Field("VARIABLE_SHARE", None, span)
        return Field("VARIABLE_SHARE", ShareLimit(rule=rule, percent=percent, tolerance=tolerance, span=span), span)

    # ------------------------------------------------------------------ cycle

    def role(self, meta: Any, children: list[Word]) -> Field:
        return Field("ROLE", self._choose(children[0], CycleRole, "ROLE"), self._span(meta))

    def cycle(self, meta: Any, children: list[Any]) -> Cycle:
        ref, title, rest = self._head(meta, children)
        f, spans = self._collect(rest)
        volume = None
        for base, hours, span in f.get("VOLUME", ()):
            if base is not None:
                self.diags.append(diagnostic("C020", "cycle-volume-base", span))
            volume = hours
        return Cycle(
            **self._base(meta, ref, title, spans),
            role=f.get("ROLE"),
            min_hours=f.get("MIN_HOURS"),
            min_class_hours=f.get("MIN_CLASS_HOURS"),
            ends_by_year=f.get("ENDS_BY_YEAR"),
            volume=volume,
            base=f.get("BASE"),
        )

    # ------------------------------------------------------------------ rows

    def attestation_item(self, meta: Any, children: list[Word]) -> Attestation | None:
        form = self._choose(children[0], AttestationForm, "ATTESTATION")
        each = False
        if len(children) > 1:
            word = values.choose_word(children[1].text, values.EACH, Kw("ATTESTATION"), children[1].span, self.diags)
            each = word is not None
        if form is None:
            return None
        return Attestation(form=form, each=each, span=self._span(meta))

    def attestation(self, meta: Any, children: list[Attestation | None]) -> Field:
        return Field("ATTESTATION", tuple(children), self._span(meta))

    def module_exam(self, meta: Any, children: list[Any]) -> Field:
        ref, amount = children[0], children[1]
        span = self._span(meta)
        if amount is None:
            return Field("EXAM", None, span)
        return Field("EXAM", ModuleExam(code=ref.code, amount=amount, span=span), span)

    def variable(self, meta: Any, children: list[Token]) -> Field:
        tok = children[0]
        span = self._span(meta)
        every, hours = self._number_or_all(str(tok), self._tspan(tok))
        if not every and hours is None:
            return Field("VARIABLE", None, span)
        return Field("VARIABLE", Variable(hours=hours, span=span), span)

    def spread(self, meta: Any, children: list[Token]) -> Field:
        tok = children[0]
        span = self._span(meta)
        every, terms = self._number_or_all(str(tok), self._tspan(tok))
        if terms is not None and not 1 <= terms <= MAX_TERMS:
            self.diags.append(
                diagnostic("C020", "terms-out-of-range", self._tspan(tok), text=str(tok), limit=MAX_TERMS)
            )
            return Field("TERMS", None, span)
        if not every and terms is None:
            return Field("TERMS", None, span)
        return Field("TERMS", Spread(terms=terms, span=span), span)

    def term_block(self, meta: Any, children: list[Any]) -> Field:
        number, rest = children[0], children[1:]
        span = self._span(meta)
        f, _ = self._collect(rest)
        if number is None:
            return Field("TERM", None, span)
        if not 1 <= number <= MAX_TERMS:
            self.diags.append(diagnostic("C020", "terms-out-of-range", span, text=str(number), limit=MAX_TERMS))
            return Field("TERM", None, span)
        plan = TermPlan(
            term=number,
            hours=f.get("HOURS", Hours()),
            attestations=tuple(a for a in f.get("ATTESTATION", ()) if a is not None),
            span=span,
        )
        return Field("TERM", plan, span)

    def topic(self, meta: Any, children: list[Any]) -> Field:
        title: Text = children[0]
        f, _ = self._collect(children[1:])
        span = self._span(meta)
        return Field("TOPIC", Topic(title=title.value, hours=f.get("HOURS", Hours()), span=span), span)

    def literature(self, meta: Any, children: list[Any]) -> Field:
        span = self._span(meta)
        kind = SourceKind.MAIN
        if isinstance(children[0], Word):
            kind = self._choose(children[0], SourceKind, "LITERATURE") or kind
        text: Text = children[-1]
        if not self._said("LITERATURE", [text]):
            return Field("LITERATURE", None, span)
        return Field("LITERATURE", Source(kind=kind, text=text.value, span=span), span)

    def outside_limits(self, meta: Any, children: list[Any]) -> Field:
        return Field("OUTSIDE_LIMITS", True, self._span(meta))

    def _row(self, f: dict[str, Any]) -> dict[str, Any]:
        """The fields every row shares (RowFields), from its collected fields."""
        terms: list[TermPlan] = []
        seen: dict[int, Span] = {}
        for plan in f.get("TERM", []):
            if plan is None:
                continue
            if plan.term in seen:
                self.diags.append(self._duplicate(f"`{plan.term}`", plan.span, seen[plan.term]))
                continue
            seen[plan.term] = plan.span
            terms.append(plan)
        return {
            "attestations": tuple(a for a in f.get("ATTESTATION", ()) if a is not None),
            "total": f.get("TOTAL"),
            "practical_training": f.get("PRACTICAL_TRAINING"),
            "variable": f.get("VARIABLE"),
            "spread": f.get("TERMS"),
            "terms": tuple(sorted(terms, key=lambda t: t.term)),
            "topics": tuple(t for t in f.get("TOPIC", []) if t is not None),
            "rooms": f.get("ROOMS", ()),
            "literature": tuple(x for x in f.get("LITERATURE", []) if x is not None),
            "equipment": f.get("EQUIPMENT", ()),
        }

    # ------------------------------------------------------------------ disciplines

    def discipline(self, meta: Any, children: list[Any]) -> Discipline:
        ref, title, rest = self._head(meta, children)
        f, spans = self._collect(rest)
        kind = DisciplineKind.DISCIPLINE
        if "KIND" in f:
            kind = self._choose(f["KIND"], DisciplineKind, "KIND") or kind
        requires = f.get("REQUIRES", [])
        expr = self._requirement(requires, spans)
        hours = f.get("HOURS", Hours())
        terms = self._row(f)
        if hours == Hours() and terms["terms"]:
            hours = sum((t.hours for t in terms["terms"]), Hours())
        return Discipline(
            **self._base(meta, ref, title, spans),
            **terms,
            kind=CompetencyKind.FOUNDATION,
            discipline_kind=kind,
            cycle=f.get("CYCLE"),
            hours=hours,
            requires=expr,
            corequires=f.get("COREQUIRES", ()),
            covers=f.get("COVERS", ()),
            knows=f.get("KNOWS", ()),
            can=f.get("CAN", ()),
            experience=f.get("EXPERIENCE", ()),
            outside_limits=bool(f.get("OUTSIDE_LIMITS")),
            tags=tuple(f.get("TAG", [])),
        )

    def elective(self, meta: Any, children: list[Any]) -> Elective:
        ref, title, rest = self._head(meta, children)
        alternatives = [d for d in rest if isinstance(d, Discipline)]
        f, spans = self._collect([c for c in rest if not isinstance(c, Discipline)])
        if alternatives:
            spans["DISCIPLINE"] = alternatives[0].span
        cycle = f.get("CYCLE")
        return Elective(
            **self._base(meta, ref, title, spans),
            cycle=cycle,
            choose=f.get("CHOOSE"),
            alternatives=tuple(
                d.model_copy(update={"elective": ref.code, "cycle": d.cycle or cycle}) for d in alternatives
            ),
        )

    # ------------------------------------------------------------------ college and signatures

    def _signatory(self, name: str, meta: Any, children: list[Text]) -> Field:
        span = self._span(meta)
        who = Signatory(position=children[0].value, name=children[1].value, span=span)
        return Field(name, who, span)

    def approved_by(self, meta: Any, children: list[Text]) -> Field:
        return self._signatory("APPROVED_BY", meta, children)

    def agreed_by(self, meta: Any, children: list[Text]) -> Field:
        return self._signatory("AGREED_BY", meta, children)

    def room(self, meta: Any, children: list[Any]) -> Field:
        ref, kind_word, title = children
        span = self._span(meta)
        kind = self._choose(kind_word, RoomKind, "ROOM")
        room = Room(code=ref.code, code_span=ref.span, span=span, title=title, kind=kind)
        return Field("ROOM", room, span)

    def college(self, meta: Any, children: list[Any]) -> College:
        ref, title, rest = self._head(meta, children)
        f, spans = self._collect(rest)
        founder: Text | None = f.get("FOUNDER")
        return College(
            **self._base(meta, ref, title, spans),
            founder=founder.value if founder else None,
            approved_by=f.get("APPROVED_BY"),
            rooms=tuple(r.model_copy(update={"college": ref.code}) for r in f.get("ROOM", [])),
        )

    # ------------------------------------------------------------------ program calendar

    def form(self, meta: Any, children: list[Word]) -> Field:
        return Field("FORM", self._choose(children[0], StudyForm, "FORM"), self._span(meta))

    def profile(self, meta: Any, children: list[Word]) -> Field:
        return Field("PROFILE", self._choose(children[0], Profile, "PROFILE"), self._span(meta))

    def admission(self, meta: Any, children: list[Any]) -> Field:
        year = children[0]
        span = self._span(meta)
        if year is not None and not 1990 <= year <= 2100:
            self.diags.append(diagnostic("C020", "invalid-year", span, text=str(year)))
            year = None
        return Field("ADMISSION", year, span)

    def holiday_item(self, meta: Any, children: list[Any]) -> tuple[str, int, Span] | None:
        word, weeks = children
        season = values.choose_word(word.text, values.SEASONS, Kw("HOLIDAYS"), word.span, self.diags)
        return None if season is None or weeks is None else (season, weeks, word.span)

    def holidays(self, meta: Any, children: list[tuple[str, int, Span] | None]) -> Field:
        return Field("HOLIDAYS", tuple(self._keyed(children, str).items()), self._span(meta))

    def _requirement(self, requires: list[Any], spans: dict[str, Span]) -> Any:
        if len(requires) == 1:
            return requires[0]
        if requires:
            return AllOf(items=tuple(requires), span=spans["REQUIRES"])
        return None
