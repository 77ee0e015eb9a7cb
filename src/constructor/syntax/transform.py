"""Grammar rules → frozen models, built while the parser reduces (no parse tree is ever made).

Each rule's method gets `meta` (the rule's first and last position, taken from its tokens) and its
children without punctuation and keywords. Problems found while building the models (a bad number,
a field given twice, an unknown word) are collected as diagnostics; the declaration is still built
from what could be read. Lark objects never leave this package.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

from lark import Token

from constructor.diagnostics import Diagnostic, Label, diagnostic
from constructor.i18n import Kw, Msg
from constructor.model import (
    Activity,
    AllOf,
    AnyOf,
    AttestationForm,
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
    Hours,
    Link,
    Module,
    Outcome,
    OutcomeKind,
    Practice,
    PracticeKind,
    Profession,
    Program,
    Recognition,
    Ref,
    Result,
    Site,
    SiteKind,
    Span,
    Standard,
    Text,
    Thesis,
    Track,
    Use,
)
from constructor.model.values import HoursKind
from constructor.syntax import values

MAX_RANGE = 1000
MAX_DEPTH = 100  # of `and`/`or`/parentheses in one expression; real ones are under 5
_TRAILING_NUMBER = re.compile(r"^(.*?)(\d+)$")
_LINK = re.compile(r"(\d{2}\.\d{3})(?:\s+([A-ZА-Я])(?:/(\d{2})\.(\d))?)?")
_ESCAPE = re.compile(r"\\(.)")
_ESCAPES = {'"': '"', "\\": "\\", "n": "\n", "t": "\t"}


class Field(NamedTuple):
    name: str  # canonical keyword, e.g. "REQUIRES"
    value: Any
    span: Span


class Word(NamedTuple):
    text: str
    span: Span


# Fields that may be written several times; their values are joined (lists) or collected.
_LISTS = {
    "GENERAL",
    "ACTIVITIES",
    "COVERS",
    "COREQUIRES",
    "KNOWS",
    "CAN",
    "EXPERIENCE",
    "LINKS",
    "CORE",
    "BUNDLES",
    "REQUESTS",
    "ATTAINED_BY",
    "TERM_WEEKS",
    "BASELINE",
}
_REPEATED = {"COURSE", "PRACTICE", "RECOGNIZE", "COMPETENCY", "DELIVERS", "REQUIRES", "TAG"}
_CREDITS = re.compile(r"\d+(?:\.\d+)?")


def implied_kind(code: str) -> CompetencyKind:
    """The kind a competency's code announces: `ОК-01` general, `ПКс-1.1` variable, `ПК-1.1` professional."""
    upper = code.upper()
    if upper.startswith("ОК"):
        return CompetencyKind.GENERAL
    if code.startswith("ПКс") or upper.startswith("ПКС"):
        return CompetencyKind.VARIABLE
    if upper.startswith("ПК"):
        return CompetencyKind.PROFESSIONAL
    return CompetencyKind.FOUNDATION


class ToModel:
    def __init__(self, path: str) -> None:
        self.path = path
        self.diags: list[Diagnostic] = []
        self.depth: dict[int, int] = {}  # id(expression) → nesting depth, to refuse absurd nesting
        self.too_deep = False

    # ------------------------------------------------------------------ positions and values

    def _span(self, meta: Any) -> Span:
        return Span(
            file=self.path, line=meta.line, column=meta.column, end_line=meta.end_line, end_column=meta.end_column
        )

    def _tspan(self, tok: Token) -> Span:
        return Span(
            file=self.path,
            line=tok.line or 0,
            column=tok.column or 0,
            end_line=tok.end_line or 0,
            end_column=tok.end_column or 0,
        )

    def code(self, meta: Any, children: list[Token]) -> Ref:
        return Ref(code=str(children[0]), span=self._tspan(children[0]))

    def word(self, meta: Any, children: list[Token]) -> Word:
        return Word(str(children[0]), self._tspan(children[0]))

    def text(self, meta: Any, children: list[Token]) -> Text:
        tok = children[0]
        raw = str(tok)[1:-1]

        def unescape(m: re.Match[str]) -> str:
            if m.group(1) in _ESCAPES:
                return _ESCAPES[m.group(1)]
            col = (tok.column or 0) + 1 + m.start()
            span = Span(file=self.path, line=tok.line or 0, column=col, end_line=tok.line or 0, end_column=col + 2)
            self.diags.append(diagnostic("C023", "invalid-escape", span, help="invalid-escape.help", seq=m.group(0)))
            return m.group(0)

        return Text(value=_ESCAPE.sub(unescape, raw), span=self._tspan(tok))

    def amount(self, meta: Any, children: list[Token]) -> int | None:
        return values.number(str(children[0]), self._tspan(children[0]), self.diags)

    def percent(self, meta: Any, children: list[Token]) -> int | None:
        return values.percent(str(children[0]), self._tspan(children[0]), self.diags)

    def codes(self, meta: Any, children: list[Ref | list[Ref]]) -> tuple[Ref, ...]:
        out: list[Ref] = []
        for child in children:
            out.extend(child if isinstance(child, list) else [child])
        return tuple(out)

    def range(self, meta: Any, children: list[Ref]) -> list[Ref]:
        start, end = children
        span = self._span(meta)
        a, b = _TRAILING_NUMBER.match(start.code), _TRAILING_NUMBER.match(end.code)
        if a is None or b is None or a.group(1) != b.group(1) or int(a.group(2)) > int(b.group(2)):
            self.diags.append(
                diagnostic("C025", "bad-range", span, help="bad-range.help", start=start.code, end=end.code)
            )
            return [start, end]
        first, last = int(a.group(2)), int(b.group(2))
        if last - first + 1 > MAX_RANGE:
            self.diags.append(
                diagnostic(
                    "C025",
                    "range-too-long",
                    span,
                    start=start.code,
                    end=end.code,
                    count=last - first + 1,
                    limit=MAX_RANGE,
                )
            )
            return [start, end]
        width = len(a.group(2)) if a.group(2).startswith("0") or len(a.group(2)) == len(b.group(2)) else 1
        return [Ref(code=f"{a.group(1)}{n:0{width}d}", span=span) for n in range(first, last + 1)]

    def _choose(self, word: Word, enum: Any, field: str) -> Any:
        return values.choose(word.text, enum, Kw(field), word.span, self.diags)

    def _duration(self, word: Word) -> Duration | None:
        return values.duration(word.text, word.span, self.diags)

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
    covers = _field("COVERS")
    attestation = _field("ATTESTATION", lambda self, w: self._choose(w, AttestationForm, "ATTESTATION"))
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
    del _field

    def baseline_item(self, meta: Any, children: list[Word]) -> tuple[Base, Duration, Span] | None:
        base, length = self._choose(children[0], Base, "BASELINE"), self._duration(children[1])
        return None if base is None or length is None else (base, length, children[0].span)

    def _baseline(self, items: Sequence[tuple[Base, Duration, Span] | None]) -> dict[Base, Duration]:
        out: dict[Base, Duration] = {}
        first: dict[Base, Span] = {}
        for item in items:
            if item is None:
                continue
            base, length, span = item
            if base in out:
                self.diags.append(self._duplicate(f"`{base.value}`", span, first[base]))
                continue
            out[base], first[base] = length, span
        return out

    def credits(self, meta: Any, children: list[Word]) -> Field:
        word = children[0]
        if _CREDITS.fullmatch(word.text) is None:
            self.diags.append(diagnostic("C020", "invalid-credits", word.span, text=word.text))
            return Field("CREDITS", None, self._span(meta))
        return Field("CREDITS", word.text, self._span(meta))

    def tag(self, meta: Any, children: list[Any]) -> Field:
        return Field("TAG", (children[0].text, children[1].value), self._span(meta))

    def hours(self, meta: Any, children: list[tuple[Word, int | None]]) -> Field:
        span = self._span(meta)
        seen: dict[HoursKind, Span] = {}
        amounts: dict[str, int] = {}
        for word, amount in children:
            kind = self._choose(word, HoursKind, "HOURS")
            if kind is None:
                continue
            if kind in seen:
                self.diags.append(self._duplicate(f"`{word.text}`", word.span, seen[kind]))
                continue
            seen[kind] = word.span
            if amount is not None:
                amounts[kind.value] = amount
        return Field("HOURS", Hours(**amounts), span)

    def hours_item(self, meta: Any, children: list[Any]) -> tuple[Word, int | None]:
        return children[0], children[1]

    def results(self, meta: Any, children: list[Ref | Text]) -> tuple[Result, ...]:
        return tuple(
            Result(code=c.code, span=c.span) if isinstance(c, Ref) else Result(text=c.value, span=c.span)
            for c in children
        )

    def _link(self, text: Text) -> Link | None:
        m = _LINK.fullmatch(text.value.strip())
        if m is None:
            self.diags.append(diagnostic("C022", "invalid-link", text.span, help="invalid-link.help", text=text.value))
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

    # ------------------------------------------------------------------ declarations

    def _duplicate(self, what: str, span: Span, first: Span) -> Diagnostic:
        return diagnostic(
            "C024",
            "duplicate-field",
            span,
            labels=[Label(first, Msg("duplicate-field.label"))],
            help="duplicate-field.help",
            field=what,
        )

    def _collect(self, fields: Sequence[Any]) -> tuple[dict[str, Any], dict[str, Span]]:
        """Fields by name; lists joined, repeatable ones gathered, a scalar given twice diagnosed."""
        out: dict[str, Any] = {}
        spans: dict[str, Span] = {}
        for f in fields:
            if not isinstance(f, Field):
                continue
            if f.name in _REPEATED:
                out.setdefault(f.name, []).append(f.value)
            elif f.name in _LISTS:
                out[f.name] = (*out.get(f.name, ()), *(v for v in f.value if v is not None))
            elif f.name in spans:
                self.diags.append(
                    diagnostic(
                        "C024",
                        "duplicate-field",
                        f.span,
                        labels=[Label(spans[f.name], Msg("duplicate-field.label"))],
                        help="duplicate-field.help",
                        field=Kw(f.name),
                    )
                )
                continue
            else:
                out[f.name] = f.value
            spans.setdefault(f.name, f.span)
        return out, spans

    def _head(self, meta: Any, children: list[Any]) -> tuple[Ref, Text | None, list[Any]]:
        ref = children[0]
        title = children[1] if len(children) > 1 and isinstance(children[1], Text) else None
        rest = children[2:] if title is not None else children[1:]
        return ref, title, rest

    def _base(self, meta: Any, ref: Ref, title: Text | None, spans: dict[str, Span]) -> dict[str, Any]:
        return {"code": ref.code, "code_span": ref.span, "span": self._span(meta), "title": title, "fields": spans}

    def use(self, meta: Any, children: list[Token]) -> Use:
        return Use(path=self.text(meta, children).value, span=self._tspan(children[0]))

    def standard(self, meta: Any, children: list[Any]) -> Standard:
        ref, title, rest = self._head(meta, children)
        f, spans = self._collect(rest)
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
            final_attestation_hours=f.get("FINAL_ATTESTATION"),
            baseline=self._baseline(f.get("BASELINE", ())),
            general=f.get("GENERAL", ()),
            activities=f.get("ACTIVITIES", ()),
        )

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
        requires = f.get("REQUIRES", [])
        expr: Expr | None = None
        if len(requires) == 1:
            expr = requires[0]
        elif requires:
            expr = AllOf(items=tuple(requires), span=spans["REQUIRES"])
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
            credits=f.get("CREDITS"),
            tags=tuple(f.get("TAG", [])),
        )

    def course(self, meta: Any, children: list[Any]) -> Field:
        ref, title, rest = self._head(meta, children)
        f, spans = self._collect(rest)
        kwargs = dict(
            **self._base(meta, ref, title, spans),
            covers=f.get("COVERS", ()),
            hours=f.get("HOURS", Hours()),
            attestation=f.get("ATTESTATION"),
        )
        return Field("COURSE", kwargs, self._span(meta))

    def practice(self, meta: Any, children: list[Any]) -> Field:
        ref, kind_word, hours = children[0], children[1], children[2]
        rest = children[3:]
        site = rest.pop(0).value if rest and isinstance(rest[0], Field) and rest[0].name == "AT" else None
        f, spans = self._collect(rest)
        kind = self._choose(kind_word, PracticeKind, "PRACTICE")
        kwargs = dict(
            **self._base(meta, ref, None, spans), kind=kind, hours=hours or 0, site=site, covers=f.get("COVERS", ())
        )
        return Field("PRACTICE", kwargs if kind is not None else None, self._span(meta))

    def module(self, meta: Any, children: list[Any]) -> Module:
        ref, title, rest = self._head(meta, children)
        f, spans = self._collect(rest)
        courses = tuple(Course(**kw, module=ref.code) for kw in f.get("COURSE", []))
        practices = tuple(Practice(**kw, module=ref.code) for kw in f.get("PRACTICE", []) if kw is not None)
        return Module(
            **self._base(meta, ref, title, spans),
            activity=f.get("ACTIVITY"),
            covers=f.get("COVERS", ()),
            courses=courses,
            practices=practices,
            attestation=f.get("ATTESTATION"),
        )

    def recognize(self, meta: Any, children: list[Any]) -> Field:
        return Field(
            "RECOGNIZE", Recognition(reason=children[0], covers=children[1], span=self._span(meta)), self._span(meta)
        )

    def final_item(self, meta: Any, children: list[Any]) -> DemoExam | Thesis | None:
        span = self._span(meta)
        what = values.choose_word(
            children[0].text, dict(values.FINAL_PARTS.items()), Kw("FINAL_ATTESTATION"), children[0].span, self.diags
        )
        hours = children[-1] or 0
        if what == "demo_exam":
            level = DemoExamLevel.BASIC
            if len(children) == 3:
                level = self._choose(children[1], DemoExamLevel, "FINAL_ATTESTATION") or level
            return DemoExam(level=level, hours=hours, span=span)
        if what == "thesis":
            if len(children) == 3:
                self.diags.append(diagnostic("C020", "thesis-level", children[1].span, text=children[1].text))
            return Thesis(hours=hours, span=span)
        return None

    def program_final(self, meta: Any, children: list[Any]) -> Field:
        span = self._span(meta)
        parts: dict[str, Any] = {}
        for item in children:
            if item is None:
                continue
            key = "demo_exam" if isinstance(item, DemoExam) else "thesis"
            if key in parts:
                self.diags.append(self._duplicate(f"`{key}`", item.span, parts[key].span))
                continue
            parts[key] = item
        return Field("FINAL_ATTESTATION", parts, span)

    def program(self, meta: Any, children: list[Any]) -> Program:
        ref, title, rest = self._head(meta, children)
        f, spans = self._collect(rest)
        final = f.get("FINAL_ATTESTATION", {})
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
            demo_exam=final.get("demo_exam"),
            thesis=final.get("thesis"),
            tags=tuple(f.get("TAG", [])),
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
            hours_max=f.get("HOURS_MAX"),
            deliveries=tuple(f.get("DELIVERS", [])),
            seats=f.get("SEATS"),
        )


def _kind_msg(kind: CompetencyKind) -> Msg:
    return Msg(f"kind.{kind.value}")
