"""One diagnostic type, a registry of codes, and renderers (full, concise, JSON).

Codes go by stage: C0xx files and syntax, C1xx references, C2xx graph, C3xx programs and
compaction, C4xx rendering. Every code is documented in docs/diagnostics.md (a test checks it).
"""

from __future__ import annotations

import dataclasses
import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from functools import lru_cache
from typing import Literal

from constructor.i18n import Lang, Msg
from constructor.model.span import Span


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class CodeInfo:
    name: str
    severity: Severity
    exit_code: int = 1  # what `check` exits with when this is the worst problem


E, W = Severity.ERROR, Severity.WARNING
REGISTRY: dict[str, CodeInfo] = {
    "C001": CodeInfo("file-not-found", E, exit_code=2),
    "C002": CodeInfo("invalid-utf8", E),
    "C003": CodeInfo("binary-file", E),
    "C004": CodeInfo("file-too-large", E),
    "C005": CodeInfo("not-a-file", E),
    "C006": CodeInfo("no-comp-files", E, exit_code=2),
    "C007": CodeInfo("empty-file", W),
    "C010": CodeInfo("syntax-error", E),
    "C011": CodeInfo("unexpected-character", E),
    "C012": CodeInfo("unterminated-string", E),
    "C013": CodeInfo("nesting-too-deep", E),
    "C020": CodeInfo("invalid-value", E),
    "C021": CodeInfo("unknown-word", E),
    "C022": CodeInfo("invalid-link", E),
    "C023": CodeInfo("invalid-escape", E),
    "C024": CodeInfo("duplicate-field", E),
    "C025": CodeInfo("bad-range", E),
    "C026": CodeInfo("empty-text", W),
    "C027": CodeInfo("conflicting-forms", W),
    "C030": CodeInfo("csv-structure", E),
    "C031": CodeInfo("csv-unknown-column", W),
    "C032": CodeInfo("csv-unknown-course", E),
    "C033": CodeInfo("csv-bad-value", E),
    "C034": CodeInfo("csv-duplicate-id", E),
    "C035": CodeInfo("csv-cycle", E),
    "C036": CodeInfo("case-malformed", E),
    "C037": CodeInfo("csv-unknown-system", W),
    "C038": CodeInfo("export-loss", W),
    "C039": CodeInfo("plx-malformed", E),
    "C040": CodeInfo("plx-unmapped", W),
    "C101": CodeInfo("unknown-code", E),
    "C102": CodeInfo("duplicate-definition", E),
    "C103": CodeInfo("wrong-kind", E),
    "C104": CodeInfo("use-not-found", E),
    "C105": CodeInfo("use-escapes-root", E),
    "C106": CodeInfo("duplicate-use", W),
    "C107": CodeInfo("outcome-kind-mismatch", W),
    "C108": CodeInfo("code-kind-mismatch", W),
    "C109": CodeInfo("mixed-script-code", W),
    "C110": CodeInfo("discipline-without-cycle", W),
    "C201": CodeInfo("prerequisite-cycle", E),
    "C202": CodeInfo("unattainable-competency", E),
    "C203": CodeInfo("cycle-through-alternative", W),
    "C204": CodeInfo("corequisite-contradiction", E),
    "C210": CodeInfo("activity-mismatch", E),
    "C211": CodeInfo("module-activity-mismatch", E),
    "C212": CodeInfo("incomplete-module", E),
    "C220": CodeInfo("redundant-prerequisite", W),
    "C221": CodeInfo("unused-competency", W),
    "C222": CodeInfo("repeated-outcome-text", W),
    "C230": CodeInfo("hours-mismatch", E),
    "C231": CodeInfo("course-hours-disagree", W),
    "C232": CodeInfo("elective-group", E),
    "C301": CodeInfo("missing-general-competency", E),
    "C302": CodeInfo("uncovered-activity-competency", E),
    "C303": CodeInfo("activity-without-module", W),
    "C304": CodeInfo("hours-exceed-duration", E),
    "C305": CodeInfo("practice-share-low", W),
    "C306": CodeInfo("variable-share-low", W),
    "C307": CodeInfo("bundle-request-in-core", W),
    "C310": CodeInfo("target-not-met", E),
    "C311": CodeInfo("item-exceeds-term", E),
    "C312": CodeInfo("compaction-cycle", E),
    "C313": CodeInfo("missing-calendar", E),
    "C314": CodeInfo("solver-fallback", W),
    "C315": CodeInfo("site-over-capacity", E),
    "C317": CodeInfo("cycle-past-its-year", E),
    "C318": CodeInfo("attestation-limits-unkeepable", E),
    "C319": CodeInfo("complex-form-split", W),
    "C324": CodeInfo("solver-no-schedule", E),
    "C325": CodeInfo("bundle-course-apart", E),
    "C320": CodeInfo("bundle-conflict", E),
    "C321": CodeInfo("bundle-other-standard", E),
    "C322": CodeInfo("bundle-over-cap", W),
    "C323": CodeInfo("labour-function-level", W),
    "C330": CodeInfo("volume-off-standard", W),
    "C331": CodeInfo("cycle-volume", W),
    "C332": CodeInfo("variable-share-off", W),
    "C333": CodeInfo("attestation-limit", W),
    "C334": CodeInfo("holidays-out-of-range", W),
    "C335": CodeInfo("superseded-standard", W),
    "C336": CodeInfo("missing-general-education", W),
    "C337": CodeInfo("calendar-weeks", W),
    "C338": CodeInfo("starter-placeholder", W),
    "C340": CodeInfo("as-written-no-terms", E),
    "C341": CodeInfo("as-written-over-capacity", W),
    "C342": CodeInfo("as-written-past-calendar", E),
    "C343": CodeInfo("as-written-recognize", W),
    "C401": CodeInfo("template-escapes", E),
    "C402": CodeInfo("template-error", E),
}


@dataclass(frozen=True)
class Label:
    """A span with a short message; the primary label carries the diagnostic's own span."""

    span: Span
    message: Msg | None = None


@dataclass(frozen=True)
class Diagnostic:
    code: str
    message: Msg
    span: Span | None = None
    label: Msg | None = None  # the words under the primary caret
    labels: tuple[Label, ...] = ()  # secondary places: "first declared here"
    notes: tuple[Msg, ...] = ()
    help: Msg | None = None

    @property
    def info(self) -> CodeInfo:
        return REGISTRY[self.code]

    @property
    def severity(self) -> Severity:
        return self.info.severity

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def sort_key(self) -> tuple[str, int, int, str]:
        if self.span is None:
            return ("", 0, 0, self.code)
        return (self.span.file, self.span.line, self.span.column, self.code)


def diagnostic(
    code: str,
    message: str,
    span: Span | None = None,
    /,
    *,
    label: str | Msg | None = None,
    labels: Sequence[Label] = (),
    notes: Sequence[Msg] = (),
    help: str | Msg | None = None,
    **args: object,
) -> Diagnostic:
    """Build a diagnostic from message keys: `diagnostic("C101", "unknown-code", span, code=…)`."""
    if code not in REGISTRY:
        raise KeyError(f"unregistered diagnostic code {code}")
    margs = {k: v for k, v in args.items()}
    return Diagnostic(
        code=code,
        message=Msg(message, margs),  # type: ignore[arg-type]
        span=span,
        label=Msg(label, margs) if isinstance(label, str) else label,  # type: ignore[arg-type]
        labels=tuple(labels),
        notes=tuple(notes),
        help=Msg(help, margs) if isinstance(help, str) else help,  # type: ignore[arg-type]
    )


def sorted_diagnostics(diags: Iterable[Diagnostic]) -> list[Diagnostic]:
    """Deterministic order: by file, line, column and code; exact duplicates dropped."""
    seen: set[tuple[object, ...]] = set()
    out = []
    for d in sorted(diags, key=lambda d: (*d.sort_key(), d.message.key)):
        key = (d.code, d.span, d.message.key, tuple(sorted((k, repr(v)) for k, v in d.message.args.items())))
        if key not in seen:
            seen.add(key)
            out.append(d)
    return out


class Tally:
    """Errors, warnings and the exit code of a result's `diagnostics` (a check's, fresh or cached)."""

    diagnostics: Sequence[Diagnostic]

    @property
    def errors(self) -> int:
        return sum(d.is_error for d in self.diagnostics)

    @property
    def warnings(self) -> int:
        return sum(not d.is_error for d in self.diagnostics)

    @property
    def exit_code(self) -> int:
        return exit_code(self.diagnostics)


def exit_code(diags: Iterable[Diagnostic]) -> int:
    """0 with no errors (warnings allowed); 2 for usage or I/O problems; 1 for other errors."""
    codes = [d.info.exit_code for d in diags if d.is_error]
    return max(codes, default=0)


# ---------------------------------------------------------------------------- rendering

Format = Literal["full", "concise", "json"]
SEVERITY_WORDS = {"ru": {E: "ошибка", W: "предупреждение"}, "en": {E: "error", W: "warning"}}
NOTE_WORDS = {"ru": ("примечание", "подсказка"), "en": ("note", "help")}


def _width(text: str) -> int:
    """Columns a terminal gives `text`: wide characters take two, combining marks none."""
    total = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        total += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return total


@lru_cache(maxsize=16)
def _lines(text: str) -> list[str]:
    """A file's lines as the parser counts them: only "\n" ends a line (splitlines() would also split
    at \x0b, \x1c …). Split once per file, not once per diagnostic (a 3 MB file with 300 warnings
    took 9 s to print)."""
    lines = [line.removesuffix("\r") for line in text.split("\n")] if text else []
    if text.endswith("\n"):
        lines.pop()
    return lines


def _snippet(
    span: Span,
    message: str | None,
    sources: Mapping[str, str],
    gutter: int,
    mark: str,
) -> list[str]:
    text = sources.get(span.file)
    if text is None:
        return []
    lines = _lines(text)
    if not 1 <= span.line <= len(lines):
        # an end-of-file position sits after the last line: show the last line instead
        if not lines or span.line != len(lines) + 1:
            return []
        shown = ""
    else:
        shown = lines[span.line - 1]
    raw = shown.expandtabs(4)
    prefix = shown[: max(span.column - 1, 0)].expandtabs(4)
    if span.end_line == span.line:
        body = shown[span.column - 1 : max(span.end_column - 1, span.column)]
    else:
        body = shown[span.column - 1 :]
    start = _width(prefix)
    width = max(_width(body.expandtabs(4)), 1)
    pad = " " * gutter
    underline = " " * start + mark * width + (f" {message}" if message else "")
    return [f"{str(span.line).rjust(gutter)} | {visible(raw)}".rstrip(), f"{pad} | {underline}".rstrip()]


CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff]")  # every control character but tab and
# newline, and the two noncharacters XML cannot hold (a DOCX or XLSX could not be written)


def visible(text: str) -> str:
    """Control characters as their visible pictures (ESC → ␛), one column each: whatever a file holds,
    printing it never moves the cursor or retitles the terminal."""
    return CONTROL_CHARACTERS.sub(lambda m: chr(0x2400 + ord(m.group())) if ord(m.group()) < 0x20 else "␡", text)


def render_full(d: Diagnostic, sources: Mapping[str, str], lang: Lang) -> str:
    info = d.info
    head = f"{SEVERITY_WORDS[lang][info.severity]}[{d.code} {info.name}]: {visible(d.message.text(lang))}"
    spans = [d.span] if d.span else []
    spans += [label.span for label in d.labels]
    gutter = max((len(str(s.line)) for s in spans), default=1)
    pad = " " * gutter
    out = [head]
    if d.span is not None:
        out.append(f"{pad}--> {visible(str(d.span))}")
        snippet = _snippet(d.span, d.label.text(lang) if d.label else None, sources, gutter, "^")
        if snippet:
            out += [f"{pad} |", *snippet]
    for label in d.labels:
        text = label.message.text(lang) if label.message else None
        snippet = _snippet(label.span, text, sources, gutter, "-")
        if d.span is None or label.span.file != d.span.file:
            out.append(f"{pad}--> {visible(str(label.span))}")
        if snippet:
            out += [f"{pad} |", *snippet]
    if d.notes or d.help or spans:
        out.append(f"{pad} |" if spans else "")
    note_word, help_word = NOTE_WORDS[lang]
    for note in d.notes:
        out.append(f"{pad} = {note_word}: {visible(note.text(lang))}")
    if d.help is not None:
        out.append(f"{pad} = {help_word}: {visible(d.help.text(lang))}")
    while out and out[-1].strip() in ("", "|"):
        out.pop()
    return "\n".join(out)


def render_concise(d: Diagnostic, lang: Lang) -> str:
    where = f"{d.span}: " if d.span else ""
    return visible(f"{where}{SEVERITY_WORDS[lang][d.severity]}[{d.code}] {d.message.text(lang)}")


def _span_json(span: Span | None) -> dict[str, object] | None:
    return None if span is None else dataclasses.asdict(span)


def to_json(d: Diagnostic, lang: Lang) -> dict[str, object]:
    return {
        "code": d.code,
        "name": d.info.name,
        "severity": d.severity.value,
        "message": d.message.text(lang),
        "span": _span_json(d.span),
        "label": d.label.text(lang) if d.label else None,
        "labels": [
            {"span": _span_json(lb.span), "message": lb.message.text(lang) if lb.message else None} for lb in d.labels
        ],
        "notes": [n.text(lang) for n in d.notes],
        "help": d.help.text(lang) if d.help else None,
    }


@dataclass
class Report:
    """Rendered diagnostics, capped at `limit` with "… and N more"."""

    diagnostics: Sequence[Diagnostic]
    sources: Mapping[str, str] = field(default_factory=dict)
    limit: int = 50
    _langs: dict[str, Lang] = field(default_factory=dict)  # each file's keyword language, found once

    def _in_file_language(self, d: Diagnostic, show: Callable[[Diagnostic], str]) -> str:
        """`show(d)` with keywords spelt as the diagnostic's file spells them."""
        from constructor import i18n
        from constructor.i18n import KEYWORD_LANG

        text = self.sources.get(d.span.file) if d.span is not None else None
        if not text or i18n.KEYWORD_LANGUAGE is None:
            return show(d)
        if d.span is not None and d.span.file not in self._langs:
            self._langs[d.span.file] = i18n.KEYWORD_LANGUAGE(text)
        token = KEYWORD_LANG.set(self._langs[d.span.file] if d.span is not None else None)
        try:
            return show(d)
        finally:
            KEYWORD_LANG.reset(token)

    def render(self, fmt: Format, lang: Lang, summary: Mapping[str, object] | None = None) -> str:
        diags = sorted_diagnostics(self.diagnostics)
        shown, rest = diags[: self.limit], len(diags) - min(len(diags), self.limit)
        if fmt == "json":
            from constructor.jsonout import stamped

            payload: dict[str, object] = stamped("diagnostics", {"diagnostics": [to_json(d, lang) for d in diags]})
            if summary is not None:
                payload["summary"] = dict(summary)
            return json.dumps(payload, ensure_ascii=False, indent=2)
        if fmt == "concise":
            lines = [self._in_file_language(d, lambda d: render_concise(d, lang)) for d in shown]
        else:
            lines = [self._in_file_language(d, lambda d: render_full(d, self.sources, lang) + "\n") for d in shown]
        if rest:
            lines.append(Msg("and-more", {"count": rest}).text(lang))
        return "\n".join(lines)
