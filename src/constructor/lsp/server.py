"""`constructor lsp`: the Language Server Protocol over stdio (pygls).

Diagnostics on open and change (debounced, and for every open document that sees the edited file),
hover, go to definition, references, completion of codes and keywords, rename across the workspace,
document symbols and formatting.
"""

from __future__ import annotations

import asyncio
import os
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

from lsprotocol import types
from pygls.exceptions import JsonRpcException, JsonRpcInvalidParams
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol

from constructor import __version__
from constructor.diagnostics import Diagnostic, Severity
from constructor.i18n import Lang, default_lang
from constructor.lsp.complete import context_at, keyword_hover, spelled
from constructor.lsp.hover import HOVER, hover_text
from constructor.lsp.workspace import CODE, Scope, Workspace, occurrences, word_at
from constructor.model import (
    Bundle,
    College,
    Declaration,
    Elective,
    Module,
    Span,
)
from constructor.resolve.loader import display_path
from constructor.syntax.format import format_text
from constructor.syntax.keywords import all_spellings, keyword_language

DEBOUNCE = 0.25  # seconds of quiet after an edit before checking


def path_of(uri: str) -> Path:
    return Path(unquote(urlparse(uri).path)).resolve()


def uri_of(path: Path) -> str:
    return path.resolve().as_uri()


class _Answered:
    """A request already answered with an error while it was being read: nothing more to do."""

    jsonrpc = ""


ANSWERED = _Answered()


class AnsweringProtocol(LanguageServerProtocol):
    """pygls reads a request whose params do not fit the protocol (a position that is not numbers, a
    missing text document), logs it, and never answers: the editor waits forever. This protocol answers
    such a request with the JSON-RPC error (invalid params, -32602) and goes on."""

    def structure_message(self, data: dict[str, Any]) -> Any:
        try:
            return super().structure_message(data)
        except JsonRpcException as error:
            if "method" in data and isinstance(data.get("id"), int | str):
                self._send_response(data["id"], None, error.to_response_error())
            return ANSWERED

    def handle_message(self, message: Any) -> None:
        if message is not ANSWERED:
            super().handle_message(message)


class ConstructorServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("constructor", __version__, protocol_cls=AnsweringProtocol)
        self.space = Workspace()
        self.lang: Lang = default_lang()
        self.pending: asyncio.Task[None] | None = None
        self.published: dict[str, int] = {}

    def to_lsp(self, d: Diagnostic) -> types.Diagnostic:
        span = d.span or Span(file="", line=1, column=1, end_line=1, end_column=1)
        message = d.message.text(self.lang)
        extra = [n.text(self.lang) for n in d.notes] + ([d.help.text(self.lang)] if d.help else [])
        if d.label is not None:
            message += f" ({d.label.text(self.lang)})"
        if extra:
            message += "\n" + "\n".join(extra)
        related = []
        for label in d.labels:
            path = self.space_path(label.span.file)
            if path is not None:
                related.append(
                    types.DiagnosticRelatedInformation(
                        location=types.Location(uri=uri_of(path), range=self.range(label.span)),
                        message=label.message.text(self.lang) if label.message else "",
                    )
                )
        severity = types.DiagnosticSeverity.Error if d.severity is Severity.ERROR else types.DiagnosticSeverity.Warning
        return types.Diagnostic(
            range=self.range(span),
            message=message,
            severity=severity,
            code=d.code,
            source="constructor",
            related_information=related or None,
        )

    def range(self, span: Span) -> types.Range:
        """A span's range in the units the client counts (UTF-16 unless negotiated otherwise): a column
        after an emoji is not the same number in code points and in UTF-16 code units."""
        path = self.space_path(span.file)
        lines = self.space.text(path).split("\n") if path is not None else []
        codec = self.workspace.position_codec

        def units(line: int, column: int) -> int:
            if 1 <= line <= len(lines):
                return int(codec.client_num_units(lines[line - 1][: max(column - 1, 0)]))
            return max(column - 1, 0)

        return types.Range(
            start=types.Position(line=max(span.line - 1, 0), character=units(span.line, span.column)),
            end=types.Position(line=max(span.end_line - 1, 0), character=units(span.end_line, span.end_column)),
        )

    def space_path(self, shown: str) -> Path | None:
        p = Path(shown)
        return (p if p.is_absolute() else Path.cwd() / p).resolve() if shown else None

    def check_open(self) -> None:
        """Diagnostics for every open document (each sees its own scope; parsed files are reused)."""
        for path in list(self.space.open):
            scope = self.space.scope(path)
            shown = display_path(path)
            mine = [self.to_lsp(d) for d in scope.diagnostics if d.span is not None and d.span.file == shown]
            mine += [self.to_lsp(d) for d in scope.diagnostics if d.span is None]
            self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri_of(path), diagnostics=mine))

    def schedule(self) -> None:
        if self.pending is not None and not self.pending.done():
            self.pending.cancel()

        async def later() -> None:
            await asyncio.sleep(DEBOUNCE)
            self.check_open()

        self.pending = asyncio.ensure_future(later())

    def scope_at(self, uri: str) -> Scope:
        return self.space.scope(path_of(uri))


server = ConstructorServer()


@server.feature(types.INITIALIZE)
def initialize(ls: ConstructorServer, params: types.InitializeParams) -> None:
    if params.root_uri:
        root = path_of(params.root_uri)
        ls.space.root = root if (root / "constructor.toml").is_file() else None
        ls.space.folders.append(root)
    for folder in params.workspace_folders or []:
        ls.space.folders.append(path_of(folder.uri))
    locale = params.locale or os.environ.get("LANG", "")
    ls.lang = "en" if locale.lower().startswith("en") else default_lang()


@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
def did_open(ls: ConstructorServer, params: types.DidOpenTextDocumentParams) -> None:
    ls.space.open[path_of(params.text_document.uri)] = params.text_document.text
    ls.check_open()


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
def did_change(ls: ConstructorServer, params: types.DidChangeTextDocumentParams) -> None:
    doc = ls.workspace.get_text_document(params.text_document.uri)
    ls.space.open[path_of(params.text_document.uri)] = doc.source
    ls.schedule()


@server.feature(types.TEXT_DOCUMENT_DID_SAVE)
def did_save(ls: ConstructorServer, params: types.DidSaveTextDocumentParams) -> None:
    ls.schedule()


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: ConstructorServer, params: types.DidCloseTextDocumentParams) -> None:
    ls.space.open.pop(path_of(params.text_document.uri), None)
    ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=params.text_document.uri, diagnostics=[]))


def _keyword_hover(ls: ConstructorServer, params: types.HoverParams) -> types.Hover | None:
    """A keyword under the cursor: its spellings and where it may be written."""
    text = ls.space.text(path_of(params.text_document.uri))
    lines = text.split("\n")
    if not 0 <= params.position.line < len(lines):
        return None
    here = ls.workspace.position_codec.position_from_client_units(lines, params.position)
    found = word_at(text, here.line, here.character)
    said = keyword_hover(found[0], ls.lang) if found is not None else None
    if said is None:
        return None
    return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=said))


def _code_at(ls: ConstructorServer, uri: str, position: types.Position) -> tuple[str, Scope] | None:
    path = path_of(uri)
    text = ls.space.text(path)
    lines = text.split("\n")
    line, character = position.line, position.character
    if 0 <= line < len(lines):  # the client counts UTF-16 units; the text is code points
        here = ls.workspace.position_codec.position_from_client_units(lines, position)
        line, character = here.line, here.character
    found = word_at(text, line, character)
    if found is None:
        return None
    scope = ls.space.scope(path)
    return (found[0], scope) if found[0] in scope.table else None


@server.feature(types.TEXT_DOCUMENT_HOVER)
def hover(ls: ConstructorServer, params: types.HoverParams) -> types.Hover | None:
    found = _code_at(ls, params.text_document.uri, params.position)
    if found is None:
        return _keyword_hover(ls, params)
    code, scope = found
    text = hover_text(scope.table[code], scope.table, scope.graph, ls.lang)
    return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=text))


@server.feature(types.TEXT_DOCUMENT_DEFINITION)
def definition(ls: ConstructorServer, params: types.DefinitionParams) -> types.Location | None:
    found = _code_at(ls, params.text_document.uri, params.position)
    if found is None:
        return None
    code, scope = found
    span = scope.table[code].code_span
    path = ls.space_path(span.file)
    return types.Location(uri=uri_of(path), range=ls.range(span)) if path else None


@server.feature(types.TEXT_DOCUMENT_REFERENCES)
def find_references(ls: ConstructorServer, params: types.ReferenceParams) -> list[types.Location]:
    found = _code_at(ls, params.text_document.uri, params.position)
    if found is None:
        return []
    code, scope = found
    out = []
    declared = scope.table[code].code_span.file
    for span in occurrences(ls.space.everywhere(path_of(params.text_document.uri)), code, declared):
        path = ls.space_path(span.file)
        if path is not None:
            out.append(types.Location(uri=uri_of(path), range=ls.range(span)))
    return out


@server.feature(types.TEXT_DOCUMENT_RENAME)
def rename(ls: ConstructorServer, params: types.RenameParams) -> types.WorkspaceEdit | None:
    found = _code_at(ls, params.text_document.uri, params.position)
    if found is None:
        return None
    code, scope = found
    if not _is_code(params.new_name):
        raise JsonRpcInvalidParams(HOVER[ls.lang]["not-a-code"].format(name=params.new_name[:80]))
    changes: dict[str, list[types.TextEdit]] = {}
    declared = scope.table[code].code_span.file
    for span in occurrences(ls.space.everywhere(path_of(params.text_document.uri)), code, declared):
        path = ls.space_path(span.file)
        if path is not None:
            changes.setdefault(uri_of(path), []).append(types.TextEdit(range=ls.range(span), new_text=params.new_name))
    return types.WorkspaceEdit(changes=changes)


@server.feature(types.TEXT_DOCUMENT_COMPLETION, types.CompletionOptions(trigger_characters=[" ", ","]))
def completion(ls: ConstructorServer, params: types.CompletionParams) -> types.CompletionList:
    """What the grammar allows at the cursor: its keywords in the file's language, and codes of the kind
    the field names (competencies after `requires`, modules after `core`); everything where the text
    before the cursor does not parse."""
    path = path_of(params.text_document.uri)
    scope = ls.scope_at(params.text_document.uri)
    text = ls.space.text(path)
    context = context_at(text, _offset(ls, text, params.position))
    codes = [
        (code, decl)
        for code, decl in scope.table.items()
        if context is None or (context.codes is not None and isinstance(decl, context.codes))
    ]
    items = [
        types.CompletionItem(
            label=code, kind=types.CompletionItemKind.Reference, detail=decl.title.value if decl.title else decl.thing
        )
        for code, decl in codes
    ]
    words = sorted(all_spellings()) if context is None else spelled(context.keywords, keyword_language(text))
    items += [types.CompletionItem(label=word, kind=types.CompletionItemKind.Keyword) for word in words]
    return types.CompletionList(is_incomplete=False, items=items)


def _offset(ls: ConstructorServer, text: str, position: types.Position) -> int:
    """The character offset of a client's position (UTF-16 units by default) in `text`."""
    lines = text.split("\n")
    if not 0 <= position.line < len(lines):
        return len(text)
    here = ls.workspace.position_codec.position_from_client_units(lines, position)
    return sum(len(line) + 1 for line in lines[: here.line]) + min(here.character, len(lines[here.line]))


def _is_code(text: str) -> bool:
    """What a rename may write: one code as the language reads it, not a keyword, nothing else."""
    return CODE.fullmatch(text) is not None and text not in all_spellings()


def _symbol(
    ls: ConstructorServer, decl: Declaration, kind: types.SymbolKind, children: list[types.DocumentSymbol] | None = None
) -> types.DocumentSymbol:
    return types.DocumentSymbol(
        name=decl.code,
        kind=kind,
        range=ls.range(decl.span),
        selection_range=ls.range(decl.code_span),
        detail=decl.title.value if decl.title else None,
        children=children or None,
    )


@server.feature(types.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
def symbols(ls: ConstructorServer, params: types.DocumentSymbolParams) -> list[types.DocumentSymbol]:
    path = path_of(params.text_document.uri)
    source, _ = ls.space.parse(ls.space.text(path), display_path(path))
    out = []
    kinds = {
        "competency": types.SymbolKind.Function,
        "module": types.SymbolKind.Module,
        "program": types.SymbolKind.Package,
        "bundle": types.SymbolKind.Object,
        "discipline": types.SymbolKind.Method,
        "elective": types.SymbolKind.Enum,
        "cycle": types.SymbolKind.Namespace,
        "college": types.SymbolKind.Struct,
        "practice": types.SymbolKind.Event,
    }
    for decl in source.declarations:
        children: list[types.DocumentSymbol] = []
        if isinstance(decl, Module):
            parts: list[Declaration] = [*decl.courses, *decl.practices]
            children = [_symbol(ls, c, types.SymbolKind.Field) for c in parts]
        elif isinstance(decl, Bundle):
            children = [_symbol(ls, c, types.SymbolKind.Function) for c in decl.competencies]
            children += [_symbol(ls, c, types.SymbolKind.Field) for c in decl.courses]  # its МДК, as a module's
        elif isinstance(decl, Elective):
            children = [_symbol(ls, c, types.SymbolKind.Method) for c in decl.alternatives]
        elif isinstance(decl, College):
            children = [_symbol(ls, c, types.SymbolKind.Field) for c in decl.rooms]
        out.append(_symbol(ls, decl, kinds.get(decl.thing, types.SymbolKind.Class), children))
    return out


@server.feature(types.TEXT_DOCUMENT_FORMATTING)
def formatting(ls: ConstructorServer, params: types.DocumentFormattingParams) -> list[types.TextEdit]:
    path = path_of(params.text_document.uri)
    text = ls.space.text(path)
    out, _ = format_text(text, display_path(path))
    if out is None or out == text:
        return []
    end = types.Position(line=len(text.splitlines()) + 1, character=0)
    return [types.TextEdit(range=types.Range(start=types.Position(line=0, character=0), end=end), new_text=out)]


def main() -> None:
    server.start_io()
