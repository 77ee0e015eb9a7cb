"""The formats `render` writes, one module each: `html`, `pdf`, `md`, `xlsx`, `docx`. A module defines a
`Writer` (its format and how it turns a `Job` into files); a new format is a new module added to
`MODULES`, not another branch in `render_all`."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from concurrent.futures import Executor
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import jinja2

from constructor.compact.plan import Plan
from constructor.i18n import Lang
from constructor.model import AnyDeclaration


@dataclass
class Job:
    """What every writer reads: the plan, the declarations, the language, the templates' environment;
    the HTML of the documents is made once and shared by the HTML and PDF writers."""

    plan: Plan
    table: Mapping[str, AnyDeclaration]
    lang: Lang
    env: jinja2.Environment
    bundles: Any = None
    progress: Callable[[int, int], None] | None = None
    pdf_workers: Executor | None = None  # WeasyPrint's, for `own_templates`: started early by the caller
    own_templates: bool = False  # `render --templates`: the user's HTML and CSS, printed by WeasyPrint

    @cached_property
    def context(self) -> Any:
        from constructor.render.documents import Context

        return Context(self.plan, self.table, self.lang, self.bundles)

    @cached_property
    def html(self) -> dict[str, str]:
        from constructor.render.documents import html_documents

        return html_documents(self.context, self.env)


@dataclass(frozen=True)
class Writer:
    format: str
    write: Callable[[Job], dict[str, bytes]]  # file name → bytes


MODULES = ("html", "pdf", "docx", "xlsx", "md")  # the order `--to` lists them in


def writers() -> dict[str, Writer]:
    """Format → its writer, from the modules of this package."""
    out = {}
    for name in MODULES:
        writer: Writer = importlib.import_module(f"{__name__}.{name}").WRITER
        out[writer.format] = writer
    return out
