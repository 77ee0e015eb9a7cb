"""Grammar rules → frozen models, built while the parser reduces (no parse tree is ever made).

Each rule's method gets `meta` (the rule's first and last position, taken from its tokens) and its
children without punctuation and keywords. Problems found while building the models (a bad number,
a field given twice, an unknown word) are collected as diagnostics; the declaration is still built
from what could be read. Lark objects never leave this package.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Sequence
from typing import Any

from lark import Token

from constructor.diagnostics import diagnostic
from constructor.i18n import Kw, Msg
from constructor.model import (
    Activity,
    AllOf,
    AnyOf,
    Base,
    Bundle,
    CodeExpr,
    Competency,
    CompetencyKind,
    Course,
    Delivery,
    DemoExam,
    DemoExamLevel,
    Duration,
    Expr,
    FinalPart,
    FinalPartKind,
    Hours,
    Link,
    Module,
    Outcome,
    OutcomeKind,
    Practice,
    PracticeKind,
    Profession,
    Program,
    Quantity,
    Recognition,
    Ref,
    Result,
    Site,
    SiteKind,
    Span,
    Standard,
    StandardStatus,
    Text,
    Thesis,
    Track,
    Use,
)
from constructor.syntax import values
from constructor.syntax.transform_base import MAX_DEPTH, Field, Word, implied_kind
from constructor.syntax.transform_rows import RowRules

_TRAILING_NUMBER = re.compile(r"^(.*?)([0-9]{1,9})$")  # ASCII digits, nine at most: see values.py
_LINK = re.compile(r"(\d{2}\.\d{3})(?:\s+([A-ZА-Я])(?:/(\d{2})\.(\d))?)?")
_CREDITS = re.compile(r"\d+(?:\.\d+)?")


class ToModel(RowRules):
    # ------------------------------------------------------------------ fields

    def _field(name: str, convert: Callable[..., Any] | None = None) -> Callable[..., Field]:  # type: ignore[misc]
        def method(self: ToModel, meta: Any, children: list[Any]) -> Field:
            value = convert(self, *children) if convert else (children[0] if children else None)
            return Field(name, value, self._span(meta))

        return method

    order = _field("ORDER")
    specialty = _field("SPECIALTY", lambda self, ref, title=None: (ref, title))
    weekly_load = _field("WEEKLY_LOAD")
    term_weeks = _field("TERM_WEEKS", lambda self, *xs: tuple(xs))
    holiday_weeks = _field("HOLIDAY_WEEKS")
    practice_share_min = _field("PRACTICE_SHARE_MIN")
    practice_share_target = _field("PRACTICE_SHARE_TARGET")
    variable_share_min = _field("VARIABLE_SHARE_MIN")
    standard_final = _field("FINAL_ATTESTATION")
    baseline = _field("BASELINE", lambda self, *xs: tuple(xs))
    general = _field("GENERAL")
    activities = _field("ACTIVITIES")
    kind = _field("KIND", lambda self, w: w)
    activity_ref = _field("ACTIVITY")
    requires = _field("REQUIRES")
    corequires = _field("COREQUIRES")
    knows = _field("KNOWS")
    can = _field("CAN")
    experience = _field("EXPERIENCE")
    links = _field("LINKS", lambda self, *xs: tuple(self._link(x) for x in xs))
    indicators = _field("INDICATORS", lambda self, *xs: self._said("INDICATORS", xs))
    equipment = _field("EQUIPMENT", lambda self, *xs: self._said("EQUIPMENT", xs))
    covers = _field("COVERS")
    standard_ref = _field("STANDARD")
    qualification = _field("QUALIFICATION")
    base = _field("BASE", lambda self, w: self._choose(w, Base, "BASE"))
    track = _field("TRACK", lambda self, w: self._choose(w, Track, "TRACK"))
    target = _field("TARGET", lambda self, w: self._duration(w))
    core = _field("CORE")
    bundles = _field("BUNDLES")
    hours_per_term = _field("HOURS_PER_TERM")
    attained_by = _field("ATTAINED_BY")
    enterprise = _field("ENTERPRISE")
    requests = _field("REQUESTS")
    hours_max = _field("HOURS_MAX")
    seats = _field("SEATS")
    site_ref = _field("AT")
    version = _field("VERSION")
    superseded_by = _field("SUPERSEDED_BY")
    cycles = _field("CYCLES")
    volume = _field("VOLUME", lambda self, *xs: tuple(xs))
    max_exams = _field("MAX_EXAMS")
    max_credits = _field("MAX_CREDITS")
    holiday_weeks_min = _field("HOLIDAY_WEEKS_MIN")
    holiday_weeks_max = _field("HOLIDAY_WEEKS_MAX")
    winter_holiday_weeks_min = _field("WINTER_HOLIDAY_WEEKS_MIN")
    min_hours = _field("MIN_HOURS")
    min_class_hours = _field("MIN_CLASS_HOURS")
    ends_by_year = _field("ENDS_BY_YEAR")
    total = _field("TOTAL")
    practical_training = _field("PRACTICAL_TRAINING")
    rooms = _field("ROOMS")
    cycle_ref = _field("CYCLE")
    choose = _field("CHOOSE")
    founder = _field("FOUNDER")
    disciplines = _field("DISCIPLINES")
    college_ref = _field("COLLEGE")
    attestation_weeks = _field("ATTESTATION_WEEKS", lambda self, *xs: tuple(xs))
    complex_exam = _field("COMPLEX_EXAM")
    complex_credit = _field("COMPLEX_CREDIT")
    del _field

    def baseline_item(self, meta: Any, children: list[Word]) -> tuple[Base, Duration, Span] | None:
        base, length = self._choose(children[0], Base, "BASELINE"), self._duration(children[1])
        return None if base is None or length is None else (base, length, children[0].span)

    def _baseline(self, items: Sequence[tuple[Base, Duration, Span] | None]) -> dict[Base, Duration]:
        return self._keyed(items, lambda base: base.value)

    def credits(self, meta: Any, children: list[Word]) -> Field:
        word = children[0]
        if _CREDITS.fullmatch(word.text) is None:
            self.diags.append(diagnostic("C020", "invalid-credits", word.span, text=word.text))
            return Field("CREDITS", None, self._span(meta))
        return Field("CREDITS", word.text, self._span(meta))

    def tag(self, meta: Any, children: list[Any]) -> Field:
        return Field("TAG", (children[0].text, children[1].value), self._span(meta))

    def results(self, meta: Any, children: list[Ref | Text]) -> tuple[Result, ...]:
        return tuple(
            Result(code=c.code, span=c.span) if isinstance(c, Ref) else Result(text=c.value, span=c.span)
            for c in children
        )

    def _link(self, text: Text) -> Link | None:
        m = _LINK.fullmatch(text.value.strip())
        if m is None:
            help_msg = values.link_help(text.value.strip())
            self.diags.append(diagnostic("C022", "invalid-link", text.span, help=help_msg, text=text.value))
            return None
        std, letter, number, level = m.groups()
        function = f"{letter}/{number}.{level}" if number else letter
        return Link(standard=std, function=function, level=int(level) if level else None, span=text.span)

    # ------------------------------------------------------------------ prerequisite expressions

    @staticmethod
    def _expr(item: Ref | Expr) -> Expr:
        return CodeExpr(ref=item) if isinstance(item, Ref) else item

    def _nested(self, cls: type[AllOf] | type[AnyOf], meta: Any, children: list[Any]) -> Expr:
        items = tuple(self._expr(c) for c in children)
        depth = 1 + max(self.depth.get(id(i), 0) for i in items)
        span = self._span(meta)
        if depth > MAX_DEPTH:
            if not self.too_deep:
                self.too_deep = True
                self.diags.append(
                    diagnostic("C013", "nesting-too-deep", span, help="nesting-too-deep.help", limit=MAX_DEPTH)
                )
            return AllOf(items=(), span=span)
        expr = cls(items=items, span=span)
        self.depth[id(expr)] = depth
        return expr

    def req_all(self, meta: Any, children: list[Any]) -> Expr:
        if len(children) == 1:
            return self._expr(children[0])
        return self._nested(AllOf, meta, children)

    def req_each(self, meta: Any, children: list[Any]) -> Expr:
        return self._nested(AllOf, meta, children)

    def req_any(self, meta: Any, children: list[Any]) -> Expr:
        return self._nested(AnyOf, meta, children)

    def use(self, meta: Any, children: list[Token]) -> Use:
        return Use(path=self.text(meta, children).value, span=self._tspan(children[0]))

    def standard(self, meta: Any, children: list[Any]) -> Standard:
        ref, title, rest = self._head(meta, children)
        f, spans = self._collect(rest)
        final: Quantity | None = f.get("FINAL_ATTESTATION")
        return Standard(
            **self._base(meta, ref, title, spans),
            order=f.get("ORDER"),
            specialty=f["SPECIALTY"][0] if "SPECIALTY" in f else None,
            specialty_title=f["SPECIALTY"][1] if "SPECIALTY" in f else None,
            weekly_load=f.get("WEEKLY_LOAD"),
            term_weeks=tuple(w for w in f.get("TERM_WEEKS", ()) if w is not None),
            holiday_weeks=f.get("HOLIDAY_WEEKS"),
            practice_share_min=f.get("PRACTICE_SHARE_MIN"),
            practice_share_target=f.get("PRACTICE_SHARE_TARGET"),
            variable_share_min=f.get("VARIABLE_SHARE_MIN"),
            final_attestation_hours=final.hours(f.get("WEEKLY_LOAD")) if final is not None else None,
            final_attestation_weeks=final.value if final is not None and final.weeks else None,
            baseline=self._baseline(f.get("BASELINE", ())),
            general=f.get("GENERAL", ()),
            activities=f.get("ACTIVITIES", ()),
            version=f.get("VERSION"),
            status=f.get("STATUS") or StandardStatus.CURRENT,
            superseded_by=f.get("SUPERSEDED_BY"),
            cycles=f.get("CYCLES", ()),
            volume=self._volume(f.get("VOLUME", ())),
            variable_share=f.get("VARIABLE_SHARE"),
            max_exams_per_year=f.get("MAX_EXAMS"),
            max_credits_per_year=f.get("MAX_CREDITS"),
            holiday_weeks_min=f.get("HOLIDAY_WEEKS_MIN"),
            holiday_weeks_max=f.get("HOLIDAY_WEEKS_MAX"),
            winter_holiday_weeks_min=f.get("WINTER_HOLIDAY_WEEKS_MIN"),
        )

    def _volume(self, items: Sequence[tuple[Base | None, int | None, Span]]) -> dict[Base, int]:
        for base, hours, span in items:
            if base is None and hours is not None:
                self.diags.append(diagnostic("C020", "volume-needs-base", span))
        kept = [(b, h, span) for b, h, span in items if b is not None and h is not None]
        return self._keyed(kept, lambda base: base.value)

    def activity(self, meta: Any, children: list[Any]) -> Activity:
        ref, title, _ = self._head(meta, children)
        m = _TRAILING_NUMBER.match(ref.code)
        if m is None:
            self.diags.append(diagnostic("C020", "activity-number", ref.span))
        return Activity(**self._base(meta, ref, title, {}), number=int(m.group(2)) if m else None)

    def outcome(self, meta: Any, children: list[Any]) -> Outcome | None:
        tok, kind_word, title = children[0], children[1], children[2]
        ref = Ref(code=str(tok), span=self._tspan(tok))
        hours = children[3] if len(children) > 3 else None
        kind = self._choose(kind_word, OutcomeKind, "OUTCOME")
        if kind is None:
            return None
        return Outcome(**self._base(meta, ref, title, {}), kind=kind, hours=hours)

    def competency(self, meta: Any, children: list[Any]) -> Competency:
        ref, title, rest = self._head(meta, children)
        f, spans = self._collect(rest)
        implied = implied_kind(ref.code)
        kind = implied
        if "KIND" in f:
            word: Word = f["KIND"]
            chosen = self._choose(word, CompetencyKind, "KIND")
            if chosen is not None:
                kind = chosen
                if chosen != implied and implied != CompetencyKind.FOUNDATION:
                    self.diags.append(
                        diagnostic(
                            "C108",
                            "code-kind-mismatch",
                            word.span,
                            code=ref.code,
                            implied=_kind_msg(implied),
                            declared=_kind_msg(chosen),
                        )
                    )
        expr: Expr | None = self._requirement(f.get("REQUIRES", []), spans)
        return Competency(
            **self._base(meta, ref, title, spans),
            kind=kind,
            activity=f.get("ACTIVITY"),
            hours=f.get("HOURS", Hours()),
            requires=expr,
            corequires=f.get("COREQUIRES", ()),
            knows=f.get("KNOWS", ()),
            can=f.get("CAN", ()),
            experience=f.get("EXPERIENCE", ()),
            links=tuple(x for x in f.get("LINKS", ()) if x is not None),
            indicators=f.get("INDICATORS", ()),
            credits=f.get("CREDITS"),
            tags=tuple(f.get("TAG", [])),
        )

    def course(self, meta: Any, children: list[Any]) -> Field:
        ref, title, rest = self._head(meta, children)
        f, spans = self._collect(rest)
        row = self._row(f)
        hours = f.get("HOURS", Hours())
        if hours == Hours() and row["terms"]:
            hours = sum((t.hours for t in row["terms"]), Hours())
        kwargs = dict(
            **self._base(meta, ref, title, spans),
            **row,
            covers=f.get("COVERS", ()),
            hours=hours,
            requires=self._requirement(f.get("REQUIRES", []), spans),
            corequires=f.get("COREQUIRES", ()),
        )
        return Field("COURSE", kwargs, self._span(meta))

    def practice(self, meta: Any, children: list[Any]) -> Field:
        """A practice: its value is a `Practice` with no module; a module makes it its own."""
        ref, kind_word, amount = children[0], children[1], children[2]
        rest = children[3:]
        site = rest.pop(0).value if rest and isinstance(rest[0], Field) and rest[0].name == "AT" else None
        f, spans = self._collect(rest)
        if amount is None and kind_word.text.isdigit():
            # `practice УП.01 108 ч`: the kind is missing, so the hours were read as the kind and the
            # unit as the hours; that is one mistake, said once (the unit's "not a number" is dropped)
            last = self.diags[-1] if self.diags else None
            where = (kind_word.span.line, kind_word.span.column)
            after = last is not None and last.span is not None and (last.span.line, last.span.column) > where
            if last is not None and last.code == "C020" and after:
                self.diags.pop()
            self._choose(kind_word, PracticeKind, "PRACTICE")
            self.diags[-1] = dataclasses.replace(self.diags[-1], notes=(Msg("practice-kind-first"),))
            return Field("PRACTICE", None, self._span(meta))
        kind = self._choose(kind_word, PracticeKind, "PRACTICE")
        if kind is None:
            return Field("PRACTICE", None, self._span(meta))
        weeks = amount.value if amount is not None and amount.weeks else None
        practice = Practice(
            **self._base(meta, ref, None, spans),
            kind=kind,
            hours=amount.value if amount is not None and not amount.weeks else 0,
            weeks=weeks,
            site=site,
            covers=f.get("COVERS", ()),
            attestations=tuple(a for a in f.get("ATTESTATION", ()) if a is not None),
            cycle=f.get("CYCLE"),
            spread=f.get("TERMS"),
            variable=f.get("VARIABLE"),
            requires=self._requirement(f.get("REQUIRES", []), spans),
            terms=self._row(f)["terms"],
        )
        return Field("PRACTICE", practice, self._span(meta))

    def module(self, meta: Any, children: list[Any]) -> Module:
        ref, title, rest = self._head(meta, children)
        f, spans = self._collect(rest)
        courses = tuple(Course(**kw, module=ref.code) for kw in f.get("COURSE", []))
        practices = tuple(p.model_copy(update={"module": ref.code}) for p in f.get("PRACTICE", []) if p is not None)
        return Module(
            **self._base(meta, ref, title, spans),
            activity=f.get("ACTIVITY"),
            covers=f.get("COVERS", ()),
            courses=courses,
            practices=practices,
            attestations=tuple(a for a in f.get("ATTESTATION", ()) if a is not None),
            exam=f.get("EXAM"),
            cycle=f.get("CYCLE"),
            rooms=f.get("ROOMS", ()),
            variable=f.get("VARIABLE"),
            literature=tuple(x for x in f.get("LITERATURE", []) if x is not None),
            equipment=f.get("EQUIPMENT", ()),
        )

    def recognize(self, meta: Any, children: list[Any]) -> Field:
        return Field(
            "RECOGNIZE", Recognition(reason=children[0], covers=children[1], span=self._span(meta)), self._span(meta)
        )

    def final_item(self, meta: Any, children: list[Any]) -> FinalPart | None:
        span = self._span(meta)
        what = values.choose_word(
            children[0].text, dict(values.FINAL_PARTS.items()), Kw("FINAL_ATTESTATION"), children[0].span, self.diags
        )
        amount: Quantity = children[-1] or Quantity(value=0)
        level: str | None = None
        if len(children) == 3:
            if what == "demo_exam":
                chosen = self._choose(children[1], DemoExamLevel, "FINAL_ATTESTATION")
                level = chosen.value if chosen is not None else None
            else:
                self.diags.append(diagnostic("C020", "thesis-level", children[1].span, text=children[1].text))
        elif what == "demo_exam":
            level = DemoExamLevel.BASIC.value
        if what is None:
            return None
        return FinalPart(kind=FinalPartKind(what), level=level, amount=amount, span=span)

    def program_final(self, meta: Any, children: list[Any]) -> Field:
        span = self._span(meta)
        parts: dict[str, FinalPart] = {}
        for item in children:
            if item is None:
                continue
            key = item.kind.value
            if key in parts:
                self.diags.append(self._duplicate(f"`{key}`", item.span, parts[key].span))
                continue
            parts[key] = item
        return Field("FINAL_ATTESTATION", tuple(parts.values()), span)

    def program(self, meta: Any, children: list[Any]) -> Program:
        ref, title, rest = self._head(meta, children)
        f, spans = self._collect(rest)
        final: tuple[FinalPart, ...] = f.get("FINAL_ATTESTATION", ())
        demo = next((p for p in final if p.kind is FinalPartKind.DEMO_EXAM and not p.amount.weeks), None)
        thesis = next((p for p in final if p.kind is FinalPartKind.THESIS and not p.amount.weeks), None)
        return Program(
            **self._base(meta, ref, title, spans),
            standard=f.get("STANDARD"),
            qualification=f.get("QUALIFICATION"),
            base=f.get("BASE"),
            track=f.get("TRACK") or Track.STANDARD,
            target=f.get("TARGET"),
            core=f.get("CORE", ()),
            general=f.get("GENERAL", ()),
            bundles=f.get("BUNDLES", ()),
            recognitions=tuple(f.get("RECOGNIZE", [])),
            demo_exam=DemoExam(level=DemoExamLevel(demo.level), hours=demo.amount.value, span=demo.span)
            if demo is not None and demo.level is not None
            else None,
            thesis=Thesis(hours=thesis.amount.value, span=thesis.span) if thesis is not None else None,
            final_parts=final,
            tags=tuple(f.get("TAG", [])),
            disciplines=f.get("DISCIPLINES", ()),
            college=f.get("COLLEGE"),
            form=f.get("FORM"),
            profile=f.get("PROFILE"),
            admission=f.get("ADMISSION"),
            term_weeks=tuple(w for w in f.get("TERM_WEEKS", ()) if w is not None),
            attestation_weeks=tuple(w for w in f.get("ATTESTATION_WEEKS", ()) if w is not None),
            holidays=dict(f.get("HOLIDAYS", ())),
            agreed_by=tuple(f.get("AGREED_BY", [])),
            approved_by=f.get("APPROVED_BY"),
            complex_exams=tuple(f.get("COMPLEX_EXAM", [])),
            complex_credits=tuple(f.get("COMPLEX_CREDIT", [])),
            rooms=f.get("ROOMS", ()),
        )

    def site(self, meta: Any, children: list[Any]) -> Site:
        ref, title, rest = self._head(meta, children)
        f, spans = self._collect(rest)
        kind = self._choose(f["KIND"], SiteKind, "KIND") if "KIND" in f else None
        return Site(**self._base(meta, ref, title, spans), kind=kind, hours_per_term=f.get("HOURS_PER_TERM"))

    def profession(self, meta: Any, children: list[Any]) -> Profession:
        ref, title, rest = self._head(meta, children)
        f, spans = self._collect(rest)
        return Profession(**self._base(meta, ref, title, spans), attained_by=f.get("ATTAINED_BY", ()))

    def delivers(self, meta: Any, children: list[Any]) -> Field:
        span = self._span(meta)
        return Field("DELIVERS", Delivery(parts=children[0], site=children[1].value, span=span), span)

    def bundle(self, meta: Any, children: list[Any]) -> Bundle:
        ref, title, rest = self._head(meta, children)
        competencies = [c for c in rest if isinstance(c, Competency)]
        f, spans = self._collect([c for c in rest if not isinstance(c, Competency)])
        if competencies:
            spans["COMPETENCY"] = competencies[0].span
        return Bundle(
            **self._base(meta, ref, title, spans),
            enterprise=f.get("ENTERPRISE"),
            standard=f.get("STANDARD"),
            requests=f.get("REQUESTS", ()),
            competencies=tuple(competencies),
            courses=tuple(Course(**kw, module="") for kw in f.get("COURSE", [])),
            hours_max=f.get("HOURS_MAX"),
            deliveries=tuple(f.get("DELIVERS", [])),
            seats=f.get("SEATS"),
        )


def _kind_msg(kind: CompetencyKind) -> Msg:
    return Msg(f"kind.{kind.value}")
