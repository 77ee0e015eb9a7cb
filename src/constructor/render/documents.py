"""The documents of a compacted program, in every format: HTML (print CSS), PDF (WeasyPrint), DOCX
(python-docx), XLSX (openpyxl) and Markdown. Deterministic: the same plan gives the same bytes.

Templates are the package's (`templates/`), or a user's folder (`--templates`) whose files override
them — rendered in jinja2's sandbox, and refused when a template would come from outside the folder
(`..`, an absolute name, a symbolic link out).
"""

from __future__ import annotations

import io
import os
import re
import zipfile
from collections.abc import Callable, Mapping
from concurrent.futures import Executor
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment

from constructor.compact.plan import Plan
from constructor.diagnostics import Diagnostic, diagnostic
from constructor.i18n import Lang, Words, translations
from constructor.model import AnyDeclaration
from constructor.render import views
from constructor.render.names import safe_file_name
from constructor.render.report import report_context
from constructor.render.syllabus import SyllabusDoc, syllabi
from constructor.render.writers import MODULES

FORMATS = MODULES  # a format is a module of render/writers
ZIP_DATE = (1980, 1, 1, 0, 0, 0)


class TemplateEscape(Exception):
    """A user template that would be read from outside its folder."""

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name


class _ConfinedLoader(jinja2.FileSystemLoader):
    """A user's template folder: a template must really live inside it (no `..`, no link out)."""

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str, Callable[[], bool]]:
        folder = Path(str(self.searchpath[0])).resolve()
        if Path(template).is_absolute() or ".." in Path(template).parts:
            raise TemplateEscape(template)
        candidate = folder / template
        if candidate.exists() and not candidate.resolve().is_relative_to(folder):
            raise TemplateEscape(template)
        return super().get_source(environment, template)


MAX_DOCUMENT_CHARS = 50_000_000  # far above the largest real document (a 1,000-competency plan: ~3 MB)
MAX_REPEAT = 1_000_000  # `"x" * n` in a user's template
_PLAIN = (str, bytes, int, float, bool, tuple, list, dict, set, frozenset, type(None))


class _DataSandbox(ImmutableSandboxedEnvironment):
    """User templates see data, not code: no method of a model or view (a pydantic model's `parse_file`
    would read any file), no change to a list or dict later documents are made from (immutable), no
    string or list of more than a million elements made with `*`."""

    intercepted_binops = frozenset({"*", "**"})

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        if not super().is_safe_attribute(obj, attr, value):
            return False
        ours = not isinstance(obj, _PLAIN) and not type(obj).__module__.startswith("jinja2")
        return not (callable(value) and ours)

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "*":
            for seq, times in ((left, right), (right, left)):
                sized = isinstance(seq, str | bytes | list | tuple) and isinstance(times, int)
                if sized and len(seq) * times > MAX_REPEAT:
                    raise jinja2.exceptions.SecurityError(f"a sequence of {len(seq) * times} elements")
        if operator == "**" and isinstance(right, int) and abs(right) > 1000:
            raise jinja2.exceptions.SecurityError(f"a power of {right}")
        return super().call_binop(context, operator, left, right)


def _render(template: jinja2.Template, **data: Any) -> str:
    """A document, refused as it grows past MAX_DOCUMENT_CHARS (a user template's loop cannot fill the disk)."""
    parts: list[str] = []
    size = 0
    for chunk in template.generate(**data):
        size += len(chunk)
        if size > MAX_DOCUMENT_CHARS:
            raise jinja2.TemplateError(f"the document passes {MAX_DOCUMENT_CHARS} characters")
        parts.append(chunk)
    return "".join(parts)


def _data_only() -> Any:
    """What WeasyPrint may load while making a PDF: inline `data:` URLs only. A template's
    `<link href="file:///etc/passwd">` or an `http://` image is refused (the PDF is made without it)."""
    import weasyprint.urls

    if hasattr(weasyprint.urls, "URLFetcher"):  # WeasyPrint 66+: a fetcher object with a protocol list
        return weasyprint.urls.URLFetcher(allowed_protocols=("data",))

    def fetch(url: str, timeout: int = 10, ssl_context: Any = None) -> Any:  # older WeasyPrint: a function
        if not url.startswith("data:"):
            raise ValueError(f"constructor does not load {url.split(':', 1)[0]}: URLs into documents")
        return weasyprint.default_url_fetcher(url, timeout=timeout, ssl_context=ssl_context)

    return fetch


def _duration(text: object, lang: Lang) -> str:
    """`2y10m` in words in the document's language: «2 года 10 месяцев»."""
    from constructor.words import duration

    return duration(str(text), lang) if text else "—"


def _codes(text: object) -> str:
    """Codes kept whole on a line: no break inside «МДК.01.02» or «ОК-01» (a word joiner after the
    dot or hyphen); the text reads and copies as it was."""
    return re.sub(r"(?<=[А-ЯЁA-Z0-9])([.\-])(?=[0-9А-ЯЁ])", "\\1\u2060", str(text))


def _md(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def environment(user: Path | None = None, lang: Lang = "ru") -> jinja2.Environment:
    """The templates' environment: jinja2's i18n extension over the message catalog, so a template
    says `{{ _("report.graph") }}` (or `ngettext`) and gets the words of the document's language."""
    from constructor.shipped import shipped as shipped_folder

    shipped = jinja2.FileSystemLoader(str(shipped_folder("templates")))
    loader: jinja2.BaseLoader = shipped if user is None else jinja2.ChoiceLoader([_ConfinedLoader(str(user)), shipped])
    cls = jinja2.Environment if user is None else _DataSandbox
    env = cls(
        loader=loader,
        autoescape=jinja2.select_autoescape(["html", "html.j2"]),
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
        extensions=["jinja2.ext.i18n"],
    )
    env.install_gettext_translations(translations(lang), newstyle=False)  # type: ignore[attr-defined]
    env.filters["md"] = _md
    env.filters["codes"] = _codes
    env.filters["duration"] = _duration
    return env


@dataclass
class Context:
    plan: Plan
    table: Mapping[str, AnyDeclaration]
    lang: Lang
    bundles: Any = None  # compact.bundles.Report of the program's bundles, for the bundle report

    def words(self) -> dict[str, str]:
        return views.DOC_WORDS[self.lang]

    @cached_property
    def syllabi(self) -> list[SyllabusDoc]:
        """The working programs, made once for the HTML, the Markdown and the DOCX (only read there)."""
        return syllabi(self.plan, self.table, self.lang)


def html_documents(ctx: Context, env: jinja2.Environment) -> dict[str, str]:
    """Document name (without extension) → HTML."""
    base = {"lang": ctx.lang, "w": ctx.words()}
    matrix = views.matrix(ctx.plan, ctx.table, ctx.lang)  # in the plan too, as real plans have it
    plan_doc = views.plan_doc(ctx.plan, ctx.table, ctx.lang)
    out = {"plan": _render(env.get_template("plan.html.j2"), doc=plan_doc, matrix=matrix, **base)}
    for doc in ctx.syllabi:
        out[f"syllabus-{doc.code}"] = _render(env.get_template("syllabus.html.j2"), doc=doc, **base)
    out["matrix"] = _render(env.get_template("matrix.html.j2"), doc=matrix, program=ctx.plan.program, **base)
    out["report"] = _render(env.get_template("report.html.j2"), **report_context(ctx.plan, ctx.table, ctx.lang), **base)
    if ctx.plan.sites:
        out["sites"] = _render(env.get_template("sites.html.j2"), plan=ctx.plan, **base)
    if ctx.bundles is not None and ctx.bundles.evaluations:
        b = Words("bundledoc.")[ctx.lang]
        kinds = {kind: b[f"kind.{kind}"] for kind in ("standard", "variable", "unknown")}
        in_core = b["in-core"]
        out["bundles"] = _render(
            env.get_template("bundles.html.j2"), report=ctx.bundles, kinds=kinds, in_core=in_core, **base
        )
    return out


def _md_value(value: object) -> object:
    """Every value a Markdown template prints is text, not markup: a title «<script>» shows as
    written (`&lt;` reads as `<` in every Markdown viewer), the template's own lines stay as they are."""
    if not isinstance(value, str):
        return value
    # no tag starts without «<», no link without «[» (`[x](javascript:…)` stays text)
    return value.replace("<", "&lt;").replace("[", "\\[")


def md_documents(ctx: Context, env: jinja2.Environment) -> dict[str, str]:
    env = env.overlay(finalize=_md_value)
    base = {"lang": ctx.lang, "w": ctx.words()}
    out = {"plan": _render(env.get_template("plan.md.j2"), doc=views.plan_doc(ctx.plan, ctx.table, ctx.lang), **base)}
    for doc in ctx.syllabi:
        out[f"syllabus-{doc.code}"] = _render(env.get_template("syllabus.md.j2"), doc=doc, **base)
    return out


# Fonts embedded in a PDF are subset by fontTools, which stamps the time of subsetting into each
# font's `head` table unless SOURCE_DATE_EPOCH says otherwise (measured: two renders a second apart
# differed only there). A fixed epoch makes the PDFs byte-identical.
SOURCE_DATE_EPOCH = "946684800"  # 2000-01-01


def pdf(html: str) -> bytes:
    os.environ["SOURCE_DATE_EPOCH"] = SOURCE_DATE_EPOCH
    import weasyprint  # imported here: it costs most of a second

    return bytes(weasyprint.HTML(string=html, url_fetcher=_data_only()).write_pdf() or b"")


def pdfs(
    documents: Mapping[str, str],
    progress: Callable[[int, int], None] | None = None,
    workers: Executor | None = None,
) -> dict[str, bytes]:
    """The PDFs of a user's own templates (`render --templates`: their CSS) by WeasyPrint, on every
    core: on `workers` when given (render/pdf_workers.py, started early), else on workers started
    here. A worker renders many documents (starting a process and importing WeasyPrint costs more
    than a working program's PDF); a document's bytes do not depend on what its worker
    rendered before (the byte-identical re-render test renders them in another order)."""
    from constructor.render import pdf_workers

    names = sorted(documents, key=lambda n: (-len(documents[n]), n))
    if not names:
        return {}
    os.environ["SOURCE_DATE_EPOCH"] = SOURCE_DATE_EPOCH
    pool = workers or pdf_workers.start(min(len(names), os.cpu_count() or 1))
    try:
        done = pdf_workers.longest_first(pool, pdf, documents, progress)
        return {n: done[n] for n in names}  # in a fixed order, whichever finished first
    finally:
        if workers is None:
            pool.shutdown()


def _fixed_zip(data: bytes) -> bytes:
    """The same archive with every entry dated 1980-01-01: DOCX and XLSX files byte-identical."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in sorted(src.infolist(), key=lambda i: i.filename):
            fixed = zipfile.ZipInfo(info.filename, ZIP_DATE)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o600 << 16
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":  # the libraries stamp the time of saving
                data = re.sub(rb"(<dcterms:(created|modified)[^>]*>)[^<]*", rb"\g<1>2000-01-01T00:00:00Z", data)
            dst.writestr(fixed, data)
    return out.getvalue()


def xlsx(ctx: Context) -> bytes:
    """The plan as a workbook (render/xlsx.py)."""
    from constructor.render.xlsx import workbook

    return _fixed_zip(workbook(ctx.plan, ctx.table, ctx.lang))


def docx(ctx: Context, doc: Any) -> bytes:
    """A working program as a Word document (render/word.py)."""
    from constructor.render.word import syllabus

    return _fixed_zip(syllabus(doc, ctx.words(), ctx.lang))


def note_docx(ctx: Context) -> bytes:
    """The explanatory note and the list of rooms as a Word document (render/word.py)."""
    from constructor.render.word import note

    doc = views.plan_doc(ctx.plan, ctx.table, ctx.lang)
    assert doc.note is not None and doc.title_page is not None  # plan_doc always makes both
    return _fixed_zip(note(doc.note, doc.title_page, f"{doc.program} «{doc.title}»", ctx.lang))


def render_all(
    plan: Plan,
    table: Mapping[str, AnyDeclaration],
    lang: Lang,
    formats: tuple[str, ...],
    templates: Path | None = None,
    bundles: Any = None,
    progress: Callable[[int, int], None] | None = None,
    pdf_workers: Executor | None = None,
) -> dict[str, bytes]:
    """File name → content, for every document in every format asked for (each format a writer of
    render/writers). The PDFs are made on other threads while this one writes the other formats."""
    from concurrent.futures import ThreadPoolExecutor

    from constructor.graph.bundle_courses import as_planned
    from constructor.render.writers import Job, writers

    table = as_planned(plan.program, table)  # the program's bundles' МДК in their modules, as planned

    job = Job(plan, table, lang, environment(templates, lang), bundles, progress, pdf_workers, templates is not None)
    found = writers()
    files: dict[str, bytes] = {}
    if "pdf" not in formats or len(formats) == 1:
        for fmt in formats:
            files.update(found[fmt].write(job))
    else:
        job.html, job.context  # noqa: B018  (made here, once, before two threads read the job)
        with ThreadPoolExecutor(max_workers=1) as waiting:  # the thread only hands out and collects PDFs
            pdf_files = waiting.submit(found["pdf"].write, job)
            for fmt in formats:
                if fmt != "pdf":
                    files.update(found[fmt].write(job))
            files.update(pdf_files.result())
    return {safe_file_name(name): data for name, data in sorted(files.items())}


def render_documents(
    plan: Plan,
    table: Mapping[str, AnyDeclaration],
    lang: Lang,
    formats: tuple[str, ...],
    templates: Path | None = None,
    bundles: Any = None,
    progress: Callable[[int, int], None] | None = None,
    pdf_workers: Executor | None = None,
) -> tuple[dict[str, bytes], list[Diagnostic]]:
    """Every document (`render_all`), or none and the diagnostic of the template that failed: one that
    reaches out of its folder (C401) or does not render (C402). Never raises for a user's template."""
    try:
        return render_all(plan, table, lang, formats, templates, bundles, progress, pdf_workers), []
    except TemplateEscape as e:
        return {}, [diagnostic("C401", "template-escapes", None, name=e.name, help="template-escapes.help")]
    except jinja2.TemplateError as e:
        name = getattr(e, "name", None) or "?"
        line = getattr(e, "lineno", None)  # a syntax error knows its line: `base.html.j2:12`
        return {}, [diagnostic("C402", "template-error", None, name=f"{name}:{line}" if line else name, reason=str(e))]
