"""The canonical layout of a `.comp` file (`constructor fmt`), printed from the parsed model.

Declarations keep their order (`use` lines first); fields come in the grammar's order, one per line,
indented by two spaces a level; long lists wrap; runs of consecutive codes become ranges
(`ОК-01 .. ОК-09`); texts are re-quoted. Keywords and enumerated words are written in the language
the file mostly uses. Every comment stays with what it was written beside: a comment on its own line
goes before the declaration or field that follows it, a comment at the end of a line stays at the
end of that line. The output parses to the same model as the input (spans aside), and formatting it
again changes nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from enum import Enum
from typing import Any

from constructor.diagnostics import Diagnostic
from constructor.i18n import Lang
from constructor.model import (
    Activity,
    AllOf,
    AnyOf,
    Attestation,
    Bundle,
    CodeExpr,
    Competency,
    Course,
    Duration,
    Expr,
    Hours,
    HoursKind,
    Module,
    Outcome,
    Practice,
    Profession,
    Program,
    Ref,
    Result,
    Site,
    SourceFile,
    Standard,
    TopDeclaration,
)
from constructor.syntax.comments import Comments, attach, scan
from constructor.syntax.keywords import keyword_language, spelling, spellings, words_used
from constructor.syntax.parse import parse_text
from constructor.syntax.transform_base import MAX_RANGE, implied_kind
from constructor.syntax.values import EACH, FINAL_PARTS, WORDS, spelt

WIDTH = 100
INDENT = "  "
_TRAILING = re.compile(r"^(.*?)([0-9]{1,9})$")  # as the parser reads a range (values.py)


def _lang(text: str) -> Lang:
    return keyword_language(text)


def quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t") + '"'


def compress(codes: Sequence[str]) -> list[str]:
    """Runs of three or more consecutive codes as ranges, where the range expands to exactly them."""
    out: list[str] = []
    i = 0
    while i < len(codes):
        j = i
        while j + 1 < len(codes) and _next(codes[j]) == codes[j + 1]:
            j += 1
        run = codes[i : j + 1]
        if len(run) >= 3 and len(run) <= MAX_RANGE and _expand(run[0], run[-1]) == list(run):
            out.append(f"{run[0]} .. {run[-1]}")
        else:
            out.extend(run)
        i = j + 1
    return out


def _next(code: str) -> str | None:
    m = _TRAILING.match(code)
    if m is None:
        return None
    digits = m.group(2)
    return f"{m.group(1)}{int(digits) + 1:0{len(digits)}d}"


def _expand(first: str, last: str) -> list[str]:
    """As the parser expands `first .. last` (see ToModel.range)."""
    a, b = _TRAILING.match(first), _TRAILING.match(last)
    if a is None or b is None or a.group(1) != b.group(1):
        return []
    width = len(a.group(2)) if a.group(2).startswith("0") or len(a.group(2)) == len(b.group(2)) else 1
    return [f"{a.group(1)}{n:0{width}d}" for n in range(int(a.group(2)), int(b.group(2)) + 1)]


class _Printer:
    def __init__(
        self,
        lang: Lang,
        comments: Comments,
        used: Mapping[str, int] | None = None,
        written: Mapping[Enum, Mapping[str, int]] | None = None,
    ) -> None:
        self.lang = lang
        self.comments = comments
        # of several spellings the one the file writes is kept: keywords as whole words of the file,
        # enumerated values as the parser read them (`ПДП` may be a cycle's code and a practice's kind)
        self.used = used or {}
        self.written = written or {}
        self.lines: list[str] = []

    # ------------------------------------------------------------------ helpers

    @staticmethod
    def _as_written(choices: Sequence[str], counts: Mapping[str, int], default: str) -> str:
        """The spelling of `choices` the file writes most (`мдк` stays `мдк`), else `default`."""
        best = max(choices, key=lambda s: counts.get(s, 0))
        return best if counts.get(best, 0) else default

    def kw(self, name: str) -> str:
        return self._as_written(spellings(name, self.lang), self.used, spelling(name, self.lang))

    def word(self, value: Enum) -> str:
        return self._as_written(WORDS[type(value)][value], self.written.get(value, {}), spelt(value, self.lang))

    def duration(self, d: Duration) -> str:
        text = str(d)
        return text.replace("y", "г").replace("m", "м") if self.lang == "ru" else text

    def unit(self, n: int) -> str:
        return f"{n} {'ч' if self.lang == 'ru' else 'h'}"

    def emit(self, depth: int, text: str, source_line: int | None = None) -> None:
        if source_line is not None:
            for comment in self.comments.leading.pop(source_line, []):
                self.lines.append(INDENT * depth + comment.text)
                if comment.gap_after and depth == 0:
                    self.lines.append("")
            trailing = self.comments.trailing.pop(source_line, None)
            if trailing is not None:
                text = f"{text}  {trailing}"
        self.lines.append(INDENT * depth + text)

    def items(self, depth: int, head: str, parts: Sequence[str], source_line: int | None, tail: str = "") -> None:
        """`head a, b, c tail`, wrapped after a comma where it would pass WIDTH."""
        line = head
        first = True
        out: list[str] = []
        for k, part in enumerate(parts):
            piece = part + ("," if k < len(parts) - 1 else "")
            candidate = f"{line} {piece}"
            if not first and len(INDENT * depth + candidate) > WIDTH:
                out.append(line)
                line = INDENT * 2 + piece
            else:
                line = candidate
            first = False
        if tail:
            line = f"{line} {tail}"
        out.append(line)
        self.emit(depth, out[0], source_line)
        for rest in out[1:]:
            self.lines.append(INDENT * depth + rest)

    def codes(self, refs: Iterable[Ref]) -> list[str]:
        return compress([r.code for r in refs])

    def header(self, depth: int, keyword: str, code: str, title: str | None, line: int, block: bool) -> None:
        text = (
            f"{self.kw(keyword)} {code}" + (f" {quote(title)}" if title is not None else "") + (" {" if block else "")
        )
        self.emit(depth, text, line)

    def close(self, depth: int, end_line: int, start_line: int = 0) -> None:
        """`}` — after any comment of the block not printed yet (by a field that printed nothing,
        or at the end of a wrapped line), so that no comment is ever lost."""
        pending = [
            c
            for line in sorted(self.comments.leading)
            if start_line < line <= end_line
            for c in self.comments.leading.pop(line)
        ]
        texts = [c.text for c in pending]
        texts += [
            self.comments.trailing.pop(line) for line in sorted(self.comments.trailing) if start_line < line < end_line
        ]
        texts += [c.text for c in self.comments.closing.pop(end_line, [])]
        for comment in texts:
            self.lines.append(INDENT * (depth + 1) + comment)
        trailing = self.comments.trailing.pop(end_line, None)
        self.lines.append(INDENT * depth + "}" + (f"  {trailing}" if trailing else ""))

    def line_of(self, decl: object, name: str) -> int | None:
        spans = getattr(decl, "fields", {})
        return spans[name].line if name in spans else None

    # ------------------------------------------------------------------ expressions

    def expr(self, node: Expr, where: str = "top") -> str:
        """An expression whose parentheses parse back to the same tree: `,` is the loosest (only at the
        top), then `or`, then `and`; an `or` among commas is bracketed too, for the reader."""
        if isinstance(node, CodeExpr):
            return node.ref.code
        if isinstance(node, AnyOf):
            text = f" {self.kw('OR')} ".join(self.expr(i, "or") for i in node.items)
            return f"({text})" if where in ("or", "and", "list") else text
        assert isinstance(node, AllOf)
        if where == "top":
            return ", ".join(self.expr(i, "list") for i in node.items)
        text = f" {self.kw('AND')} ".join(self.expr(i, "and") for i in node.items)
        return f"({text})" if where == "and" else text

    def results(self, results: Sequence[Result]) -> list[str]:
        return [r.code if r.code is not None else quote(r.text or "") for r in results]

    def hours(self, h: Hours) -> list[str]:
        return [f"{self.word(kind)} {getattr(h, kind.value)}" for kind in HoursKind if getattr(h, kind.value)]

    def attestations(self, atts: Sequence[Attestation]) -> list[str]:
        each = EACH["each"][1 if self.lang == "ru" else 0]
        return [self.word(a.form) + (f" {each}" if a.each else "") for a in atts]

    # hooks for the fields of whole programs (format_rows.Printer)
    def standard_more(self, depth: int, s: Standard) -> None:
        pass

    def module_more(self, depth: int, m: Module) -> None:
        pass

    def course_more(self, depth: int, c: Course) -> None:
        pass

    def program_more(self, depth: int, p: Program) -> None:
        pass

    def practice(self, depth: int, p: Practice) -> None:
        pass

    def final_parts(self, p: Program) -> list[str]:
        return []

    # ------------------------------------------------------------------ declarations

    def file(self, source: SourceFile) -> str:
        for use in source.uses:
            self.emit(0, f"{self.kw('USE')} {quote(use.path)}", use.span.line)
        previous_block = False
        for k, decl in enumerate(source.declarations):
            block = self.has_block(decl)
            one_liner_run = not block and not previous_block and k > 0 and decl.span.line not in self.comments.leading
            if self.lines and not one_liner_run:
                self.lines.append("")
            self.declaration(0, decl)
            previous_block = block
        leftovers = [c.text for line in sorted(self.comments.leading) for c in self.comments.leading[line]]
        leftovers += [self.comments.trailing[line] for line in sorted(self.comments.trailing)]
        if self.comments.tail or leftovers:
            if self.lines:
                self.lines.append("")
            self.lines.extend([*leftovers, *(c.text for c in self.comments.tail)])
        return "\n".join(self.lines) + "\n" if self.lines else ""

    def has_block(self, decl: TopDeclaration) -> bool:
        if isinstance(decl, Activity | Outcome):
            return False
        if isinstance(decl, Competency | Site | Profession):
            return bool(decl.fields)
        return True

    def declaration(self, depth: int, decl: TopDeclaration) -> None:
        if isinstance(decl, Activity):
            self.header(depth, "ACTIVITY", decl.code, decl.title.value if decl.title else "", decl.span.line, False)
        elif isinstance(decl, Outcome):
            hours = f" {self.unit(decl.hours)}" if decl.hours is not None else ""
            title = quote(decl.title.value if decl.title else "")
            text = f"{self.kw('OUTCOME')} {decl.code} {self.word(decl.kind)} {title}"
            self.emit(depth, text + hours, decl.span.line)
        elif isinstance(decl, Competency):
            self.competency(depth, decl)
        elif isinstance(decl, Standard):
            self.standard(depth, decl)
        elif isinstance(decl, Module):
            self.module(depth, decl)
        elif isinstance(decl, Program):
            self.program(depth, decl)
        elif isinstance(decl, Site):
            self.simple(depth, decl, "SITE")
        elif isinstance(decl, Profession):
            self.simple(depth, decl, "PROFESSION")
        elif isinstance(decl, Bundle):
            self.bundle(depth, decl)

    def title(self, decl: object) -> str:
        title = getattr(decl, "title", None)
        return title.value if title is not None else ""

    def competency(self, depth: int, c: Competency) -> None:
        block = bool(c.fields)
        self.header(depth, "COMPETENCY", c.code, self.title(c), c.span.line, block)
        if not block:
            return
        d = depth + 1
        if "KIND" in c.fields or c.kind != implied_kind(c.code):
            self.emit(d, f"{self.kw('KIND')} {self.word(c.kind)}", self.line_of(c, "KIND"))
        if c.activity:
            self.emit(d, f"{self.kw('ACTIVITY')} {c.activity.code}", self.line_of(c, "ACTIVITY"))
        if self.hours(c.hours):
            self.items(d, self.kw("HOURS"), self.hours(c.hours), self.line_of(c, "HOURS"))
        self.requisites_and_results(d, c)
        if c.links:
            links = [quote(f"{x.standard} {x.function}" if x.function else x.standard) for x in c.links]
            self.items(d, self.kw("LINKS"), links, self.line_of(c, "LINKS"))
        if c.indicators:
            self.items(d, self.kw("INDICATORS"), [quote(t.value) for t in c.indicators], self.line_of(c, "INDICATORS"))
        if c.credits:
            self.emit(d, f"{self.kw('CREDITS')} {c.credits}", self.line_of(c, "CREDITS"))
        for k, (key, value) in enumerate(c.tags):
            self.emit(d, f"{self.kw('TAG')} {key} {quote(value)}", self.line_of(c, "TAG") if k == 0 else None)
        self.close(depth, c.span.end_line, c.span.line)

    def requisites_and_results(self, d: int, c: Competency) -> None:
        """`requires`, `corequires`, `knows`, `can`, `experience`: a competency's and a discipline's alike."""
        if c.requires is not None:
            self.emit(d, f"{self.kw('REQUIRES')} {self.expr(c.requires)}", self.line_of(c, "REQUIRES"))
        if c.corequires:
            self.items(d, self.kw("COREQUIRES"), self.codes(c.corequires), self.line_of(c, "COREQUIRES"))
        for name, results in (("KNOWS", c.knows), ("CAN", c.can), ("EXPERIENCE", c.experience)):
            if results:
                self.items(d, self.kw(name), self.results(results), self.line_of(c, name))

    def standard(self, depth: int, s: Standard) -> None:
        self.header(depth, "STANDARD", s.code, self.title(s) if s.title else None, s.span.line, True)
        d = depth + 1
        if s.order:
            self.emit(d, f"{self.kw('ORDER')} {quote(s.order.value)}", self.line_of(s, "ORDER"))
        if s.specialty:
            title = f" {quote(s.specialty_title.value)}" if s.specialty_title else ""
            self.emit(d, f"{self.kw('SPECIALTY')} {s.specialty.code}{title}", self.line_of(s, "SPECIALTY"))
        if s.weekly_load is not None:
            self.emit(d, f"{self.kw('WEEKLY_LOAD')} {self.unit(s.weekly_load)}", self.line_of(s, "WEEKLY_LOAD"))
        if s.term_weeks:
            self.items(d, self.kw("TERM_WEEKS"), [str(w) for w in s.term_weeks], self.line_of(s, "TERM_WEEKS"))
        for name, value in (("HOLIDAY_WEEKS", s.holiday_weeks),):
            if value is not None:
                self.emit(d, f"{self.kw(name)} {value}", self.line_of(s, name))
        for name, value in (
            ("PRACTICE_SHARE_MIN", s.practice_share_min),
            ("PRACTICE_SHARE_TARGET", s.practice_share_target),
            ("VARIABLE_SHARE_MIN", s.variable_share_min),
        ):
            if value is not None:
                self.emit(d, f"{self.kw(name)} {value}%", self.line_of(s, name))
        if s.final_attestation_weeks is not None:
            weeks = f"{s.final_attestation_weeks} {'нед' if self.lang == 'ru' else 'w'}"
            self.emit(d, f"{self.kw('FINAL_ATTESTATION')} {weeks}", self.line_of(s, "FINAL_ATTESTATION"))
        elif s.final_attestation_hours is not None:
            self.emit(
                d,
                f"{self.kw('FINAL_ATTESTATION')} {self.unit(s.final_attestation_hours)}",
                self.line_of(s, "FINAL_ATTESTATION"),
            )
        if s.baseline:
            parts = [f"{self.word(base)} {self.duration(length)}" for base, length in s.baseline.items()]
            self.items(d, self.kw("BASELINE"), parts, self.line_of(s, "BASELINE"))
        if s.general:
            self.items(d, self.kw("GENERAL"), self.codes(s.general), self.line_of(s, "GENERAL"))
        if s.activities:
            self.items(d, self.kw("ACTIVITIES"), self.codes(s.activities), self.line_of(s, "ACTIVITIES"))
        self.standard_more(d, s)
        self.close(depth, s.span.end_line, s.span.line)

    def module(self, depth: int, m: Module) -> None:
        self.header(depth, "MODULE", m.code, self.title(m), m.span.line, True)
        d = depth + 1
        if m.activity:
            self.emit(d, f"{self.kw('ACTIVITY')} {m.activity.code}", self.line_of(m, "ACTIVITY"))
        if m.covers:
            self.items(d, self.kw("COVERS"), self.codes(m.covers), self.line_of(m, "COVERS"))
        for course in m.courses:
            self.course(d, course)
        for p in m.practices:
            self.practice(d, p)
        if m.attestations:
            self.items(d, self.kw("ATTESTATION"), self.attestations(m.attestations), self.line_of(m, "ATTESTATION"))
        self.module_more(d, m)
        self.close(depth, m.span.end_line, m.span.line)

    def program(self, depth: int, p: Program) -> None:
        self.header(depth, "PROGRAM", p.code, self.title(p), p.span.line, True)
        d = depth + 1
        if p.standard:
            self.emit(d, f"{self.kw('STANDARD')} {p.standard.code}", self.line_of(p, "STANDARD"))
        if p.qualification:
            self.emit(d, f"{self.kw('QUALIFICATION')} {quote(p.qualification.value)}", self.line_of(p, "QUALIFICATION"))
        if p.base is not None:
            self.emit(d, f"{self.kw('BASE')} {self.word(p.base)}", self.line_of(p, "BASE"))
        if "TRACK" in p.fields:
            self.emit(d, f"{self.kw('TRACK')} {self.word(p.track)}", self.line_of(p, "TRACK"))
        if p.target is not None:
            self.emit(d, f"{self.kw('TARGET')} {self.duration(p.target)}", self.line_of(p, "TARGET"))
        for name, refs in (("CORE", p.core), ("GENERAL", p.general), ("BUNDLES", p.bundles)):
            if refs:
                self.items(d, self.kw(name), self.codes(refs), self.line_of(p, name))
        for rec in p.recognitions:
            self.items(
                d,
                f"{self.kw('RECOGNIZE')} {quote(rec.reason.value)} {self.kw('COVERS')}",
                self.codes(rec.covers),
                rec.span.line,
            )
        parts = []
        if p.demo_exam is not None:
            demo = FINAL_PARTS["demo_exam"][2 if self.lang == "ru" else 0]
            parts.append(f"{demo} {self.word(p.demo_exam.level)} {self.unit(p.demo_exam.hours)}")
        if p.thesis is not None:
            parts.append(f"{FINAL_PARTS['thesis'][1 if self.lang == 'ru' else 0]} {self.unit(p.thesis.hours)}")
        parts = self.final_parts(p) or parts
        if parts:
            self.items(d, self.kw("FINAL_ATTESTATION"), parts, self.line_of(p, "FINAL_ATTESTATION"))
        for k, (key, value) in enumerate(p.tags):
            self.emit(d, f"{self.kw('TAG')} {key} {quote(value)}", self.line_of(p, "TAG") if k == 0 else None)
        self.program_more(d, p)
        self.close(depth, p.span.end_line, p.span.line)

    def simple(self, depth: int, decl: Site | Profession, keyword: str) -> None:
        block = bool(decl.fields)
        self.header(depth, keyword, decl.code, self.title(decl), decl.span.line, block)
        if not block:
            return
        d = depth + 1
        if isinstance(decl, Site):
            if decl.kind is not None:
                self.emit(d, f"{self.kw('KIND')} {self.word(decl.kind)}", self.line_of(decl, "KIND"))
            if decl.hours_per_term is not None:
                self.emit(
                    d,
                    f"{self.kw('HOURS_PER_TERM')} {self.unit(decl.hours_per_term)}",
                    self.line_of(decl, "HOURS_PER_TERM"),
                )
        elif decl.attained_by:
            self.items(d, self.kw("ATTAINED_BY"), self.codes(decl.attained_by), self.line_of(decl, "ATTAINED_BY"))
        self.close(depth, decl.span.end_line, decl.span.line)

    def course(self, d: int, course: Course) -> None:
        block = bool(course.fields)
        self.header(d, "COURSE", course.code, self.title(course), course.span.line, block)
        if block:
            if course.covers:
                self.items(d + 1, self.kw("COVERS"), self.codes(course.covers), self.line_of(course, "COVERS"))
            if self.hours(course.hours) and not (course.terms and "HOURS" not in course.fields):
                self.items(d + 1, self.kw("HOURS"), self.hours(course.hours), self.line_of(course, "HOURS"))
            if course.attestations:
                atts = self.attestations(course.attestations)
                self.items(d + 1, self.kw("ATTESTATION"), atts, self.line_of(course, "ATTESTATION"))
            if course.requires is not None:
                self.emit(
                    d + 1, f"{self.kw('REQUIRES')} {self.expr(course.requires)}", self.line_of(course, "REQUIRES")
                )
            if course.corequires:
                codes = self.codes(course.corequires)
                self.items(d + 1, self.kw("COREQUIRES"), codes, self.line_of(course, "COREQUIRES"))
            self.course_more(d + 1, course)
            self.close(d, course.span.end_line, course.span.line)

    def bundle(self, depth: int, b: Bundle) -> None:
        self.header(depth, "BUNDLE", b.code, self.title(b), b.span.line, True)
        d = depth + 1
        if b.enterprise:
            self.emit(d, f"{self.kw('ENTERPRISE')} {quote(b.enterprise.value)}", self.line_of(b, "ENTERPRISE"))
        if b.standard:
            self.emit(d, f"{self.kw('STANDARD')} {b.standard.code}", self.line_of(b, "STANDARD"))
        if b.requests:
            self.items(d, self.kw("REQUESTS"), self.codes(b.requests), self.line_of(b, "REQUESTS"))
        for comp in b.competencies:
            self.competency(d, comp)
        for course in b.courses:
            self.course(d, course)
        if b.hours_max is not None:
            self.emit(d, f"{self.kw('HOURS_MAX')} {self.unit(b.hours_max)}", self.line_of(b, "HOURS_MAX"))
        for delivery in b.deliveries:
            self.items(
                d,
                self.kw("DELIVERS"),
                self.codes(delivery.parts),
                delivery.span.line,
                tail=f"{self.kw('AT')} {delivery.site.code}",
            )
        if b.seats is not None:
            self.emit(d, f"{self.kw('SEATS')} {b.seats}", self.line_of(b, "SEATS"))
        self.close(depth, b.span.end_line, b.span.line)


def format_text(text: str, path: str = "<text>", lang: Lang | None = None) -> tuple[str | None, list[Diagnostic]]:
    """The canonical layout of `text`, or None (with the diagnostics) when it has errors of its own.
    `lang` writes the keywords and values in that language (an importer writes Russian files);
    by default the file's own."""
    written: dict[Any, dict[str, int]] = {}
    source, diags = parse_text(text, path, written)
    if any(d.is_error for d in diags):
        return None, diags
    from constructor.syntax.format_rows import Printer

    if lang is not None:
        printer = Printer(lang, attach(source, scan(text)))
        return printer.file(source), diags
    printer = Printer(_lang(text), attach(source, scan(text)), words_used(text), written)
    return printer.file(source), diags
