"""The project folder as the portal sees it, read and written only through the library.

Programs, the catalog a composer picks from, a draft weighed against its program (the draft is given
to the loader as text, never written), an accepted proposal written as a bundle file with the program's
`use` and `bundles` updated, and the documents `render` makes. One lock a project serialises the
writes; each file is written through a temporary name, and a write whose program file changed since
the methodologist saw it is refused.
"""

from __future__ import annotations

import hashlib
import io
import threading
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from constructor.api import Workspace, load, workspace
from constructor.compact.plan import Plan
from constructor.diagnostics import Diagnostic, render_concise
from constructor.i18n import Lang
from constructor.model import Bundle, Competency, CompetencyKind, Module, Program, Site
from constructor.portal.program_map import ProgramMap
from constructor.portal.proposals import ProposalBody, bundle_text

IGNORED = (".constructor", "out", ".git", ".venv", "node_modules")
BUNDLE_PREFIX = "bundle-ПОРТАЛ-"  # the files of bundles the portal wrote (app.bundle_code: ПОРТАЛ-<proposal>)


class ProjectError(Exception):
    def __init__(self, key: str, detail: str = "") -> None:
        super().__init__(key)
        self.key = key
        self.detail = detail


@dataclass(frozen=True)
class ProgramInfo:
    code: str
    title: str
    file: Path
    standard: str | None


@dataclass
class Overview:
    """What a program page and the composer show."""

    program: ProgramInfo
    duration: str | None
    target: str | None
    meets_target: bool | None
    terms: list[dict[str, Any]]
    competencies: list[dict[str, Any]]  # the catalog in view: code, title, kind, hours, activity, in program
    activities: list[tuple[str, str]]
    deliveries: list[tuple[str, str, str]]  # (practice, site, the site's title) a bundle may ask for
    bundles: list[str]


@dataclass
class Weighed:
    """A draft weighed against its program: the bundle evaluation, or what stops it."""

    ok: bool
    hours_added: int = 0
    hours_max: int | None = None
    duration_without: str = ""
    duration_with: str = ""
    meets_target: bool | None = None
    reason: str | None = None
    pulls_in: list[tuple[str, str]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def texts_digest(sources: Mapping[str, str], skip: Sequence[Path] = ()) -> str:
    """One digest of the texts a load read (but the `skip` files: drafts): what the portal's kept plans
    and documents are keyed by, and how the live diagnostics see that files changed."""
    texts = sorted((p, t) for p, t in sources.items() if not skip or Path(p).resolve() not in skip)
    return digest("\0".join(f"{p}\0{t}" for p, t in texts).encode("utf-8"))


def _said(diags: Sequence[Diagnostic], lang: Lang, files: set[str] | None = None) -> list[str]:
    return [
        f"{d.code}: {d.message.text(lang)}"
        for d in diags
        if d.is_error and (files is None or (d.span is not None and d.span.file in files))
    ]


class Project:
    def __init__(self, root: Path) -> None:
        self.root = root.resolve()
        self.lock = threading.Lock()  # writes to the project, one at a time
        self._kept_lock = threading.Lock()  # the kept results below (taken inside `lock` too: not the same)
        self._plans: dict[str, Plan | None] = {}  # `_without`: a program's plan by the texts it read
        self._documents: dict[str, bytes] = {}  # `documents`: zips by program, format and texts read
        self._programs: tuple[tuple[tuple[str, int, int], ...], list[ProgramInfo]] | None = None

    def files(self) -> list[Path]:
        return sorted(
            p
            for p in self.root.rglob("*.comp")
            if p.is_file() and not any(part in IGNORED for part in p.relative_to(self.root).parts)
        )

    def programs(self) -> list[ProgramInfo]:
        """The project's programs, read again only when a file was added, removed or changed (every
        request asks which programs there are)."""
        files = self.files()
        stamp = tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in files)
        with self._kept_lock:
            if self._programs is not None and self._programs[0] == stamp:
                return self._programs[1]
        result = load(files, self.root)
        out = []
        for f in result.catalog.files:
            for d in f.declarations:
                if isinstance(d, Program):
                    out.append(
                        ProgramInfo(
                            d.code,
                            d.title.value if d.title else d.code,
                            Path(f.path).resolve(),
                            d.standard.code if d.standard else None,
                        )
                    )
        found = sorted(out, key=lambda p: p.code)
        with self._kept_lock:
            self._programs = (stamp, found)
        return found

    def program(self, code: str) -> ProgramInfo:
        found = next((p for p in self.programs() if p.code == code), None)
        if found is None:
            raise ProjectError("no-program", code)
        return found

    def workspace(self, code: str, *drafts: str) -> tuple[Workspace, Program, list[Path]]:
        """The program's workspace; with `drafts`, the texts of bundle files beside the program's, seen
        as if written (they never are)."""
        info = self.program(code)
        virtual = [(info.file.parent / f".portal-draft-{k}.comp").resolve() for k in range(len(drafts))]
        overlay = dict(zip(virtual, drafts, strict=True))
        ws = workspace(info.file, self.root, extra=virtual, overlay=overlay or None)
        program = next((p for p in ws.programs() if p.code == code), None)
        if program is None:
            raise ProjectError("no-program", code)
        return ws, program, virtual

    def overview(self, code: str, lang: Lang) -> Overview:
        ws, program, _ = self.workspace(code)
        info = self.program(code)
        plan = self._without(code, ws, program, [])
        in_plan = {i.code for i in plan.items} if plan else set()
        comps = [
            {
                "code": d.code,
                "title": d.title.value if d.title else d.code,
                "kind": d.kind.value,
                "hours": d.hours.total,
                "activity": d.activity.code if d.activity else "",
                "in_plan": d.code in in_plan,
            }
            for d in ws.table.values()
            if isinstance(d, Competency) and d.kind in (CompetencyKind.PROFESSIONAL, CompetencyKind.VARIABLE)
        ]
        activities = sorted(
            {
                (m.activity.code, getattr(ws.table.get(m.activity.code), "title", None))
                for r in program.core
                if isinstance(m := ws.table.get(r.code), Module) and m.activity
            },
            key=lambda a: a[0],
        )
        sites = [d for d in ws.table.values() if isinstance(d, Site)]
        practices = [p.code for r in program.core if isinstance(m := ws.table.get(r.code), Module) for p in m.practices]
        return Overview(
            info,
            plan.duration if plan else None,
            str(program.target) if program.target else None,
            plan.meets_target if plan else None,
            [t.model_dump() for t in plan.terms] if plan else [],
            sorted(comps, key=lambda c: c["code"]),
            [(code, t.value if t else code) for code, t in activities],
            [(p, s.code, s.title.value if s.title else s.code) for p in practices for s in sites],
            [r.code for r in program.bundles],
        )

    def program_map(self, code: str) -> ProgramMap | None:
        """The map of the program's plan (None when it cannot be planned)."""
        from constructor.portal.program_map import program_map

        ws, program, _ = self.workspace(code)
        plan = self._without(code, ws, program, [])
        return program_map(plan) if plan else None

    def explain(self, code: str, item: str, lang: Lang) -> str | None:
        """What `constructor explain` says of a competency in the program (None: not a competency)."""
        from constructor.graph.explain import explain
        from constructor.reports.explain import render_text

        ws, program, _ = self.workspace(code)
        if item not in ws.graph:
            return None
        return render_text(explain(item, ws.table, ws.graph, program), lang)

    def uses_of(self, info: ProgramInfo) -> list[str]:
        """The `use` lines of the program's file (a bundle beside it needs what the program sees), but
        the bundle files the portal wrote: bundles do not build on each other, and a bundle's file
        stays the same after its program takes it (an accept is found done by comparing it)."""
        from constructor.api import parse

        source, _ = parse(info.file.read_text(encoding="utf-8"), str(info.file))  # the file alone, not its uses
        return [u.path for u in source.uses if not Path(u.path).name.startswith(BUNDLE_PREFIX)]

    def draft_text(self, code: str, body: ProposalBody, bundle: str, enterprise: str) -> str:
        """The proposal as a bundle file, after making sure it is just that: the program's `use` lines and
        one bundle of this code (whatever a form held, the loader reads nothing else because of it)."""
        from constructor.api import parse

        info = self.program(code)
        uses = self.uses_of(info)
        text = bundle_text(bundle, body, enterprise, info.standard, uses)
        source, _ = parse(text, "draft.comp")
        shape = [(type(d).__name__, d.code) for d in source.declarations]
        if [u.path for u in source.uses] != uses or shape != [("Bundle", bundle)]:
            raise ProjectError("bad-draft", bundle)
        return text

    def weigh(self, code: str, body: ProposalBody, bundle: str, enterprise: str, lang: Lang) -> Weighed:
        """The draft as the bundle report weighs it (`compact/bundles.weigh`): hours against the cap, the
        duration without and with it; errors of the draft itself say what to fix."""
        from constructor.compact.bundles import weigh
        from constructor.graph import check_scope

        text = self.draft_text(code, body, bundle, enterprise)
        ws, program, virtual = self.workspace(code, text)
        shown = {f.path for f in ws.result.catalog.files if Path(f.path).resolve() in virtual}
        problems = _said([*ws.result.diagnostics, *check_scope(ws.table, ws.graph)], lang, shown)
        decl = ws.table.get(bundle)
        if problems or not isinstance(decl, Bundle):
            return Weighed(False, problems=problems or [bundle])
        # (which requests the core already has is not shown here: no third plan for it)
        without = self._without(code, ws, program, virtual)
        evaluation, diags = weigh(program, ws.table, ws.graph, decl, lang, core_codes=set(), without=without)
        if evaluation is None:
            return Weighed(False, problems=_said(diags, lang) or [bundle])
        return Weighed(
            True,
            evaluation.hours_added,
            evaluation.hours_max,
            evaluation.duration_without,
            evaluation.duration_with,
            evaluation.meets_target,
            evaluation.reason,
            evaluation.pulls_in,
            [f"{d.code}: {d.message.text(lang)}" for d in diags],
        )

    def compare(self, code: str, drafts: list[tuple[str, ProposalBody, str]], lang: Lang) -> tuple[Any, list[str]]:
        """Every combination of the bundles in view — those the program takes, those beside it, and the
        proposals `drafts` (bundle code, body, enterprise) — weighed as `constructor bundle` weighs them
        (`compact/bundles.evaluate`: each bundle, then the combinations side by side)."""
        from constructor.compact.bundles import evaluate

        texts = [self.draft_text(code, body, bundle, enterprise) for bundle, body, enterprise in drafts]
        ws, program, virtual = self.workspace(code, *texts)
        shown = {f.path for f in ws.result.catalog.files if Path(f.path).resolve() in virtual}
        problems = _said(ws.result.diagnostics, lang, shown)
        report, diags = evaluate(program, ws.table, ws.graph, lang)
        return report, problems + [f"{d.code}: {d.message.text(lang)}" for d in diags]

    def diagnostics(self, code: str, lang: Lang) -> tuple[str, list[tuple[str, bool]]]:
        """What `check` says of the program's file and what it uses, as lines (and whether each is an
        error), and a digest of the
        texts it read (the page asks again and redraws only when the files changed on disk)."""
        from constructor.api import check

        result = check([self.program(code).file], self.root)
        seen = texts_digest(result.sources)
        lines = [(render_concise(d, lang), d.is_error) for d in result.diagnostics]
        return seen, lines

    def _without(self, code: str, ws: Workspace, program: Program, drafts: list[Path]) -> Plan | None:
        """The program's plan with the bundles it takes, kept while the files it reads stay the same: a
        draft beside it changes nothing in it (its competencies enter only when a bundle is taken), so
        weighing a draft as it is typed compacts the program once, not twice."""
        from constructor.compact import compact

        key = code + "\0" + texts_digest(ws.result.sources, drafts)
        with self._kept_lock:
            if key in self._plans:
                return self._plans[key]
        taken = tuple(r for r in program.bundles if isinstance(ws.table.get(r.code), Bundle))
        plan, _ = compact(program.model_copy(update={"bundles": taken}), ws.table, ws.graph)
        with self._kept_lock:
            self._plans[key] = plan
            while len(self._plans) > 16:  # a few programs' recent states
                self._plans.pop(next(iter(self._plans)))
        return plan

    def program_digest(self, code: str) -> str:
        return digest(self.program(code).file.read_bytes())

    def accept(self, code: str, body: ProposalBody, bundle: str, enterprise: str, seen: str, lang: Lang) -> Path:
        """Write the bundle file beside the program's and add it to the program (`use`, `bundles`), or
        nothing: refused when the program's file is not the one the methodologist saw (`seen`: its
        digest), when the bundle's file exists, or when `check` of the program would then fail. Written
        already (the same bundle file, the program taking it): the file, nothing written again."""
        from constructor.api import check
        from constructor.output import write_file

        with self.lock:
            info = self.program(code)
            target = info.file.parent / f"bundle-{bundle}.comp"
            text = self.draft_text(code, body, bundle, enterprise)
            _, program, _ = self.workspace(code)
            if (
                target.is_file()
                and target.read_bytes() == text.encode("utf-8")
                and bundle in {r.code for r in program.bundles}
            ):
                return target  # written by an accept the server did not live to record: the new state
            old = info.file.read_bytes()
            if digest(old) != seen:
                raise ProjectError("program-changed", info.file.name)
            if target.exists():
                raise ProjectError("bundle-exists", target.name)
            new_program = _with_bundle(old.decode("utf-8"), program, bundle, target.name)
            write_file(target, text.encode("utf-8"))  # a new file, not yet used: harmless on its own
            try:
                write_file(info.file, new_program.encode("utf-8"), expect=old)
            except BaseException:
                target.unlink(missing_ok=True)
                raise
            errors = [d for d in check([info.file], self.root).diagnostics if d.is_error]
            if errors:  # back to the old state: the program as it was, no bundle file
                write_file(info.file, old)
                target.unlink(missing_ok=True)
                raise ProjectError("check-fails", "; ".join(_said(errors[:5], lang)))
            return target

    def documents(self, code: str, fmt: str, lang: Lang) -> bytes:
        """A zip of the program's documents in one format, as `render` makes them."""
        from constructor.compact import compact
        from constructor.compact.bundles import evaluate
        from constructor.render.documents import FORMATS, render_documents

        if fmt not in FORMATS:
            raise ProjectError("bad-format", fmt)
        ws, program, _ = self.workspace(code)
        key = f"{code}\0{fmt}\0{lang}\0" + texts_digest(ws.result.sources)
        with self._kept_lock:
            if key in self._documents:
                return self._documents[key]  # the same files, the same documents (rendering is deterministic)
        plan, diags = compact(program, ws.table, ws.graph)
        if plan is None:
            raise ProjectError("no-plan", "; ".join(_said(diags, lang)))
        bundles = evaluate(program, ws.table, ws.graph, lang)[0] if program.bundles else None
        files, problems = render_documents(plan, ws.table, lang, (fmt,), None, bundles)
        if problems:
            raise ProjectError("no-plan", "; ".join(_said(problems, lang)))
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
            for name, data in sorted(files.items()):
                info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))  # the same input, the same bytes
                info.compress_type = zipfile.ZIP_DEFLATED
                z.writestr(info, data)
        with self._kept_lock:
            self._documents[key] = out.getvalue()
            while len(self._documents) > 8:
                self._documents.pop(next(iter(self._documents)))
        return out.getvalue()


def _with_bundle(text: str, program: Program, bundle: str, file_name: str) -> str:
    """The program's file with `use "<file>"` after its last `use` line and the bundle added to the
    program's `bundles` (after its last code, found by its span; a new `bundles` line after the program's
    first line when it has none). Columns of spans count characters, as Python's strings do."""
    lines = text.splitlines(keepends=True)
    newline = "\r\n" if lines and lines[0].endswith("\r\n") else "\n"
    if program.bundles:
        last = program.bundles[-1].span
        line = lines[last.end_line - 1]
        lines[last.end_line - 1] = line[: last.end_column - 1] + f", {bundle}" + line[last.end_column - 1 :]
    else:
        head = program.code_span.line - 1
        brace = next((k for k in range(head, len(lines)) if "{" in lines[k]), None)
        if brace is None or lines[brace].rstrip().endswith("{") is False:
            raise ProjectError("program-layout", file_name)
        lines.insert(brace + 1, f"  bundles {bundle}{newline}")
    uses = [k + 1 for k, line in enumerate(lines) if line.lstrip().startswith(("use ", "использовать "))]
    lines.insert(max(uses, default=0), f'use "{file_name}"{newline}')
    return "".join(lines)
