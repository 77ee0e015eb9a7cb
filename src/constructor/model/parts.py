"""Small parts of a whole program's rows: hours or weeks, attestation by term, term blocks, topics,
parts of the final attestation, signatures. Values, not declarations: they have no code of their own."""

from __future__ import annotations

from constructor.model.span import Span
from constructor.model.values import AttestationForm, FinalPartKind, Frozen, Hours, ShareRule, SourceKind


class Quantity(Frozen):
    """An amount written in hours (`216 h`) or in weeks (`6 w`, `6 нед`)."""

    value: int
    weeks: bool = False

    def hours(self, weekly_load: int | None) -> int:
        """In academic hours; weeks count at the standard's weekly load (0 when it has none)."""
        return self.value * (weekly_load or 0) if self.weeks else self.value


class Attestation(Frozen):
    """A form of intermediate attestation: in the row's last term, or in each of its terms (`each`).

    In a `term N { … }` block the form belongs to that term."""

    form: AttestationForm
    each: bool = False
    span: Span


class TermPlan(Frozen):
    """A row's hours and attestation in one term, as a plan writes them (`term 3 { … }`)."""

    term: int
    hours: Hours = Hours()
    attestations: tuple[Attestation, ...] = ()
    span: Span


class Topic(Frozen):
    """A topic of the thematic plan of a discipline or course (тематический план)."""

    title: str
    hours: Hours = Hours()
    span: Span


class Source(Frozen):
    """A source of a work program's information support (a textbook, a standard, a web resource),
    as the program lists it: main, extra or online."""

    kind: SourceKind = SourceKind.MAIN
    text: str
    span: Span


class Spread(Frozen):
    """Over how many terms a row runs: a number, or every term of the program (`all`)."""

    terms: int | None = None  # None: every term
    span: Span


class Variable(Frozen):
    """Hours of a row that come from the variable part: a number, or all of them."""

    hours: int | None = None  # None: all of the row's hours
    span: Span


class FinalPart(Frozen):
    """A part of the state final attestation (ГИА) with its hours or weeks."""

    kind: FinalPartKind
    level: str | None = None  # of a demonstration exam: basic | profile
    amount: Quantity
    span: Span


class Signatory(Frozen):
    """Who signs: a position and a name (УТВЕРЖДАЮ, СОГЛАСОВАНО)."""

    position: str
    name: str
    span: Span


class ShareLimit(Frozen):
    """A share as the standard words it: about 30% (± 5), at least 30%, at most 40%."""

    rule: ShareRule
    percent: int
    tolerance: int | None = None  # points, for `about`
    span: Span

    def holds(self, share: float) -> bool:
        if self.rule is ShareRule.MIN:
            return share >= self.percent
        if self.rule is ShareRule.MAX:
            return share <= self.percent
        return abs(share - self.percent) <= (self.tolerance or 0)
