"""Codes → declarations: duplicates, unknown codes (with the nearest one), codes of the wrong kind."""

from __future__ import annotations

import dataclasses
import difflib
import posixpath
import re
from collections.abc import Iterator

from constructor.diagnostics import Diagnostic, Label, diagnostic
from constructor.i18n import Kw, Msg, OneOf
from constructor.model import (
    Activity,
    AnyDeclaration,
    Bundle,
    Catalog,
    College,
    Competency,
    Course,
    Cycle,
    Discipline,
    Elective,
    Module,
    Outcome,
    OutcomeKind,
    Practice,
    Profession,
    Program,
    Ref,
    Room,
    Site,
    SourceFile,
    Span,
    Standard,
    expr_refs,
)

MAX_SUGGESTIONS = 100  # unknown codes that get a "similar code" help; finding one scans every code

# Latin letters that look like Cyrillic ones: `OK-01` typed with a Latin O and K.
_LATIN_TO_CYRILLIC = str.maketrans("ABCEHKMOPTXaceopxy", "АВСЕНКМОРТХасеорху")

Expected = tuple[type[AnyDeclaration], ...]
COMPETENCY: Expected = (Competency,)
MODULE_PART: Expected = (Module, Course, Practice)
PROGRAM_ROW: Expected = (Cycle, Discipline, Elective, Practice)

# What the codes after a field's keyword must name, as `references` checks them (a test keeps the two
# equal); the editor offers codes of these kinds there.
FIELD_TARGETS: dict[str, Expected] = {
    "GENERAL": COMPETENCY,
    "ACTIVITIES": (Activity,),
    "CYCLES": (Cycle,),
    "CYCLE": (Cycle,),
    "REQUIRES": COMPETENCY,
    "COREQUIRES": COMPETENCY,
    "COVERS": COMPETENCY,
    "ROOMS": (Room,),
    "KNOWS": (Outcome,),
    "CAN": (Outcome,),
    "EXPERIENCE": (Outcome,),
    "CHOOSE": (Discipline,),
    "ACTIVITY": (Activity,),
    "AT": (Site,),
    "STANDARD": (Standard,),
    "CORE": (Module,),
    "BUNDLES": (Bundle,),
    "RECOGNIZE": (*COMPETENCY, Practice),
    "DISCIPLINES": PROGRAM_ROW,
    "COLLEGE": (College,),
    "COMPLEX_EXAM": (Course, Discipline),
    "COMPLEX_CREDIT": (Course, Discipline, Practice),
    "ATTAINED_BY": COMPETENCY,
    "REQUESTS": COMPETENCY,
    "DELIVERS": MODULE_PART,
}


def references(decl: AnyDeclaration) -> Iterator[tuple[str, Ref, Expected]]:
    """Every reference a declaration makes: (field keyword, reference, what it must name: FIELD_TARGETS,
    which the editor's completion offers too)."""
    if isinstance(decl, Standard):
        yield from (("GENERAL", r, FIELD_TARGETS["GENERAL"]) for r in decl.general)
        yield from (("ACTIVITIES", r, FIELD_TARGETS["ACTIVITIES"]) for r in decl.activities)
        yield from (("CYCLES", r, FIELD_TARGETS["CYCLES"]) for r in decl.cycles)
    elif isinstance(decl, Discipline):
        if decl.cycle:
            yield "CYCLE", decl.cycle, FIELD_TARGETS["CYCLE"]
        if decl.requires is not None:
            yield from (("REQUIRES", r, FIELD_TARGETS["REQUIRES"]) for r in expr_refs(decl.requires))
        yield from (("COREQUIRES", r, FIELD_TARGETS["COREQUIRES"]) for r in decl.corequires)
        yield from (("COVERS", r, FIELD_TARGETS["COVERS"]) for r in decl.covers)
        yield from (("ROOMS", r, FIELD_TARGETS["ROOMS"]) for r in decl.rooms)
        for name, results in (("KNOWS", decl.knows), ("CAN", decl.can), ("EXPERIENCE", decl.experience)):
            for res in results:
                if res.code is not None:
                    yield name, Ref(code=res.code, span=res.span), FIELD_TARGETS[name]
    elif isinstance(decl, Elective):
        if decl.cycle:
            yield "CYCLE", decl.cycle, FIELD_TARGETS["CYCLE"]
        if decl.choose:
            yield "CHOOSE", decl.choose, FIELD_TARGETS["CHOOSE"]
    elif isinstance(decl, Competency):
        if decl.activity:
            yield "ACTIVITY", decl.activity, FIELD_TARGETS["ACTIVITY"]
        if decl.requires is not None:
            yield from (("REQUIRES", r, FIELD_TARGETS["REQUIRES"]) for r in expr_refs(decl.requires))
        yield from (("COREQUIRES", r, FIELD_TARGETS["COREQUIRES"]) for r in decl.corequires)
        for name, results in (("KNOWS", decl.knows), ("CAN", decl.can), ("EXPERIENCE", decl.experience)):
            for res in results:
                if res.code is not None:
                    yield name, Ref(code=res.code, span=res.span), FIELD_TARGETS[name]
    elif isinstance(decl, Module):
        if decl.activity:
            yield "ACTIVITY", decl.activity, FIELD_TARGETS["ACTIVITY"]
        yield from (("COVERS", r, FIELD_TARGETS["COVERS"]) for r in decl.covers)
        if decl.cycle:
            yield "CYCLE", decl.cycle, FIELD_TARGETS["CYCLE"]
        yield from (("ROOMS", r, FIELD_TARGETS["ROOMS"]) for r in decl.rooms)
    elif isinstance(decl, Course):
        yield from (("COVERS", r, FIELD_TARGETS["COVERS"]) for r in decl.covers)
        if decl.requires is not None:
            yield from (("REQUIRES", r, FIELD_TARGETS["REQUIRES"]) for r in expr_refs(decl.requires))
        yield from (("COREQUIRES", r, FIELD_TARGETS["COREQUIRES"]) for r in decl.corequires)
        yield from (("ROOMS", r, FIELD_TARGETS["ROOMS"]) for r in decl.rooms)
    elif isinstance(decl, Practice):
        if decl.site:
            yield "AT", decl.site, FIELD_TARGETS["AT"]
        yield from (("COVERS", r, FIELD_TARGETS["COVERS"]) for r in decl.covers)
        if decl.cycle:
            yield "CYCLE", decl.cycle, FIELD_TARGETS["CYCLE"]
        if decl.requires is not None:
            yield from (("REQUIRES", r, FIELD_TARGETS["REQUIRES"]) for r in expr_refs(decl.requires))
    elif isinstance(decl, Program):
        if decl.standard:
            yield "STANDARD", decl.standard, FIELD_TARGETS["STANDARD"]
        yield from (("CORE", r, FIELD_TARGETS["CORE"]) for r in decl.core)
        yield from (("GENERAL", r, FIELD_TARGETS["GENERAL"]) for r in decl.general)
        yield from (("BUNDLES", r, FIELD_TARGETS["BUNDLES"]) for r in decl.bundles)
        for rec in decl.recognitions:
            yield from (("RECOGNIZE", r, FIELD_TARGETS["RECOGNIZE"]) for r in rec.covers)
        yield from (("DISCIPLINES", r, FIELD_TARGETS["DISCIPLINES"]) for r in decl.disciplines)
        if decl.college:
            yield "COLLEGE", decl.college, FIELD_TARGETS["COLLEGE"]
        yield from (("ROOMS", r, FIELD_TARGETS["ROOMS"]) for r in decl.rooms)
        for group in decl.complex_exams:
            yield from (("COMPLEX_EXAM", r, FIELD_TARGETS["COMPLEX_EXAM"]) for r in group)
        for group in decl.complex_credits:
            yield from (("COMPLEX_CREDIT", r, FIELD_TARGETS["COMPLEX_CREDIT"]) for r in group)
    elif isinstance(decl, Profession):
        yield from (("ATTAINED_BY", r, FIELD_TARGETS["ATTAINED_BY"]) for r in decl.attained_by)
    elif isinstance(decl, Bundle):
        if decl.standard:
            yield "STANDARD", decl.standard, FIELD_TARGETS["STANDARD"]
        yield from (("REQUESTS", r, FIELD_TARGETS["REQUESTS"]) for r in decl.requests)
        for delivery in decl.deliveries:
            yield from (("DELIVERS", r, FIELD_TARGETS["DELIVERS"]) for r in delivery.parts)
            yield "AT", delivery.site, FIELD_TARGETS["AT"]


def thing(cls: type[AnyDeclaration]) -> Msg:
    return Msg(f"thing.{cls.__name__.lower()}")


def _expected(kinds: Expected, field: str = "") -> Msg | OneOf:
    if kinds == MODULE_PART:
        return Msg("thing.module-part")
    if field in ("REQUIRES", "COREQUIRES"):  # a discipline is a node of the graph too (`requires ОП.04`)
        return OneOf([thing(Competency), thing(Discipline)])
    return OneOf([thing(k) for k in kinds])


_OUTCOME_FIELD = {"KNOWS": OutcomeKind.KNOWLEDGE, "CAN": OutcomeKind.SKILL, "EXPERIENCE": OutcomeKind.EXPERIENCE}


def _mixed_script(code: str) -> bool:
    latin = any("a" <= c.lower() <= "z" for c in code)
    cyrillic = any("а" <= c.lower() <= "я" or c in "ёЁ" for c in code)
    return latin and cyrillic


_CYRILLIC_TO_LATIN = str.maketrans("АВСЕНКМОРТХасеорху", "ABCEHKMOPTXaceopxy")


def _mixed_script_diagnostic(decl: AnyDeclaration) -> Diagnostic:
    """C109 with a spelling in one script when the look-alike letters allow one (Cyrillic first, as codes
    of the standards are); otherwise the Latin letters are named (`I` in `IТ-КУБ` has no Cyrillic twin)."""
    code = decl.code
    for suggestion in (code.translate(_LATIN_TO_CYRILLIC), code.translate(_CYRILLIC_TO_LATIN)):
        if not _mixed_script(suggestion):
            return diagnostic(
                "C109",
                "mixed-script-code",
                decl.code_span,
                help="mixed-script-code.help",
                code=code,
                suggestion=suggestion,
            )
    latin = OneOf([f"`{c}`" for c in dict.fromkeys(c for c in code if "a" <= c.lower() <= "z")], "and")
    return diagnostic(
        "C109", "mixed-script-code", decl.code_span, help="mixed-script-code.letters", code=code, letters=latin
    )


class _Suggester:
    """Finds the declared code nearest to an unknown one, among the declarations of the right kind."""

    def __init__(self, table: dict[str, AnyDeclaration]) -> None:
        self.table = table
        self.by_kind: dict[Expected, list[str]] = {}
        self.budget = MAX_SUGGESTIONS

    def help(self, code: str, kinds: Expected) -> Msg | None:
        latin = code.translate(_LATIN_TO_CYRILLIC)
        if latin != code and isinstance(self.table.get(latin), kinds):
            return Msg("unknown-code.latin", {"code": latin})
        if kinds not in self.by_kind:
            self.by_kind[kinds] = [c for c, d in self.table.items() if isinstance(d, kinds)]
        # `ПМ.1` for `ПМ.01`: the same code but for leading zeros is the likeliest meaning
        padded = [c for c in self.by_kind[kinds] if _unpadded(c) == _unpadded(code)]
        if padded:
            return _similar(self.table[padded[0]])
        if self.budget <= 0:
            return None
        self.budget -= 1
        close = difflib.get_close_matches(code, self.by_kind[kinds], n=1, cutoff=0.6)
        if not close:
            return None
        return _similar(self.table[close[0]])


def _similar(found: AnyDeclaration) -> Msg:
    """«есть практика с похожим кодом: `УП.05` «Учебная практика»», without the quotes when it has no title."""
    kind = thing(type(found))
    if not found.title:
        return Msg("unknown-code.similar-untitled", {"kind": kind, "code": found.code})
    return Msg("unknown-code.similar", {"kind": kind, "code": found.code, "title": found.title.value})


_LEADING_ZEROS = re.compile(r"(?<![0-9])0+(?=[0-9])")


def _unpadded(code: str) -> str:
    return _LEADING_ZEROS.sub("", code)


def _use_hint(path: str, decl: AnyDeclaration) -> Msg:
    rel = posixpath.relpath(decl.code_span.file, posixpath.dirname(path) or ".")
    return Msg("unknown-code.use", {"code": decl.code, "file": decl.code_span.file, "path": rel})


def _proposed(files: list[SourceFile]) -> dict[int, str]:
    """Competencies declared inside a bundle: id → the bundle's code."""
    return {
        id(c): d.code for source in files for d in source.declarations if isinstance(d, Bundle) for c in d.competencies
    }


def _same_proposal(a: Competency, b: Competency) -> bool:
    """Two enterprises proposing the same competency agree when hours and prerequisites agree."""
    pre_a = sorted(r.code for r in expr_refs(a.requires)) if a.requires else []
    pre_b = sorted(r.code for r in expr_refs(b.requires)) if b.requires else []
    return a.hours == b.hours and pre_a == pre_b


def _table(files: list[SourceFile], diags: list[Diagnostic]) -> dict[str, AnyDeclaration]:
    table: dict[str, AnyDeclaration] = {}
    proposed = _proposed(files)
    for source in files:
        for decl in source.all_declarations():
            first = table.get(decl.code)
            if first is None:
                table[decl.code] = decl
            elif (
                id(first) in proposed
                and id(decl) in proposed
                and isinstance(first, Competency)
                and isinstance(decl, Competency)
                and proposed[id(first)] != proposed[id(decl)]
            ):
                # two enterprises propose the same competency: merged when they agree, else a conflict
                if not _same_proposal(first, decl):
                    diags.append(
                        diagnostic(
                            "C320",
                            "bundle-conflict",
                            decl.code_span,
                            labels=[
                                Label(first.code_span, Msg("bundle-conflict.label", {"bundle": proposed[id(first)]}))
                            ],
                            help="bundle-conflict.help",
                            code=decl.code,
                            bundle=proposed[id(decl)],
                            other=proposed[id(first)],
                        )
                    )
            else:
                diags.append(
                    diagnostic(
                        "C102",
                        "duplicate-definition",
                        decl.code_span,
                        labels=[Label(first.code_span, Msg("duplicate-definition.label"))],
                        help="duplicate-definition.help",
                        code=decl.code,
                    )
                )
    return table


def resolve(catalog: Catalog, only: set[str] | None = None) -> list[Diagnostic]:
    """Check every reference of every file against what that file can see: itself and what it `use`s.

    Files that do not `use` each other may declare the same codes (every standard has a `ПК-1.1`).
    `only` limits the checks to some files (the language server needs those of the edited file).
    """
    diags: list[Diagnostic] = []
    by_path = {f.path: f for f in catalog.files}
    tables: dict[tuple[str, ...], tuple[dict[str, AnyDeclaration], _Suggester]] = {}
    everywhere = catalog.by_code
    for source in catalog.files:
        if only is not None and source.path not in only:
            continue
        for decl in source.all_declarations():
            if _mixed_script(decl.code):
                diags.append(_mixed_script_diagnostic(decl))
    for source in catalog.files:
        if only is not None and source.path not in only:
            continue
        scope = catalog.visible(source.path)
        if scope not in tables:
            table = _table([by_path[p] for p in scope if p in by_path], diags)
            tables[scope] = (table, _Suggester(table))
        table, suggest = tables[scope]
        # declarations a syntax error kept from being read exist: the error says so, once
        unread = {u.code for p in scope if p in by_path for u in by_path[p].unread}
        for decl in source.all_declarations():
            # a range's codes share its span: one diagnostic (its place in `diags`, the range's first code)
            unknown_at: dict[Span, tuple[int, str]] = {}
            for field, ref, kinds in references(decl):
                target = table.get(ref.code)
                if target is None and ref.code in unread:
                    continue
                if target is None and ref.span in unknown_at:
                    index, first = unknown_at[ref.span]
                    diags[index] = dataclasses.replace(
                        diags[index],
                        message=Msg("unknown-codes", {"code": f"{first} .. {ref.code}"}),
                        label=Msg("unknown-codes.label"),
                    )
                    continue
                if target is None:
                    elsewhere = everywhere.get(ref.code)
                    hint = (
                        _use_hint(source.path, elsewhere)
                        if elsewhere is not None and isinstance(elsewhere, kinds)
                        else suggest.help(ref.code, kinds)
                    )
                    unknown = diagnostic(
                        "C101", "unknown-code", ref.span, label="unknown-code.label", help=hint, code=ref.code
                    )
                    diags.append(unknown)
                    if ref.span is not None:
                        unknown_at[ref.span] = (len(diags) - 1, ref.code)
                elif not isinstance(target, kinds):
                    diags.append(
                        diagnostic(
                            "C103",
                            "wrong-kind",
                            ref.span,
                            labels=[Label(target.code_span, Msg("wrong-kind.label"))],
                            code=ref.code,
                            actual=thing(type(target)),
                            field=Kw(field),
                            expected=_expected(kinds, field),
                        )
                    )
                elif isinstance(target, Outcome) and target.kind != _OUTCOME_FIELD[field]:
                    diags.append(
                        diagnostic(
                            "C107",
                            "outcome-kind-mismatch",
                            ref.span,
                            code=ref.code,
                            actual=Msg(f"outcome.{target.kind.value}"),
                            field=Kw(field),
                            expected=Msg(f"outcome.{_OUTCOME_FIELD[field].value}"),
                        )
                    )
    return diags
