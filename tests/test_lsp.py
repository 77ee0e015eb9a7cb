"""The language server driven over stdio as an editor drives it (pytest-lsp)."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path
from typing import IO, Any

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

WS = Path(__file__).parent / "data" / "lsp"
MAIN = WS / "main.comp"
LIB = WS / "lib.comp"


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[sys.executable, "-m", "constructor", "lsp"]))
async def client(lsp_client: LanguageClient):  # type: ignore[no-untyped-def]
    await lsp_client.initialize_session(
        types.InitializeParams(capabilities=types.ClientCapabilities(), root_uri=WS.as_uri(), locale="en")
    )
    yield
    await lsp_client.shutdown_session()


def _open(client: LanguageClient, path: Path, text: str | None = None) -> str:
    uri = path.as_uri()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(
                uri=uri,
                language_id="comp",
                version=1,
                text=text if text is not None else path.read_text(encoding="utf-8"),
            )
        )
    )
    return uri


async def _diagnostics(client: LanguageClient, uri: str) -> list[types.Diagnostic]:
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    return list(client.diagnostics.get(uri, []))


async def test_broken_document_gets_diagnostics_then_clears(client: LanguageClient) -> None:
    broken = MAIN.read_text(encoding="utf-8").replace("requires ПК-1.1", "requires ПК-1.9")
    uri = _open(client, MAIN, broken)
    diags = await _diagnostics(client, uri)
    assert [d.code for d in diags] == ["C101"]
    line = next(i for i, text in enumerate(broken.splitlines()) if "ПК-1.9" in text)
    assert diags[0].range.start.line == line and diags[0].range.start.character == broken.splitlines()[line].index(
        "ПК-1.9"
    )
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=MAIN.read_text(encoding="utf-8"))],
        )
    )
    assert await _diagnostics(client, uri) == []


async def test_hover_definition_references_completion_rename(client: LanguageClient) -> None:
    uri = _open(client, MAIN)
    await _diagnostics(client, uri)
    text = MAIN.read_text(encoding="utf-8").splitlines()
    line = next(i for i, t in enumerate(text) if "requires ПК-1.1" in t)
    at = types.Position(line=line, character=text[line].index("ПК-1.1") + 2)
    doc = types.TextDocumentIdentifier(uri=uri)

    hover = await client.text_document_hover_async(types.HoverParams(text_document=doc, position=at))
    assert hover is not None and "Применять методы сборки" in hover.contents.value  # type: ignore[union-attr]
    assert "complexity" in hover.contents.value  # type: ignore[union-attr]

    where = await client.text_document_definition_async(types.DefinitionParams(text_document=doc, position=at))
    assert isinstance(where, types.Location) and where.uri == LIB.as_uri() and where.range.start.line == 0

    refs = await client.text_document_references_async(
        types.ReferenceParams(text_document=doc, position=at, context=types.ReferenceContext(include_declaration=True))
    )
    assert {r.uri for r in refs} == {uri, LIB.as_uri(), (WS / "other.comp").as_uri()} and len(refs) == 4

    items = await client.text_document_completion_async(types.CompletionParams(text_document=doc, position=at))
    labels = {i.label for i in (items.items if isinstance(items, types.CompletionList) else items or [])}
    assert {"ПК-1.1", "ПК-1.2"} <= labels and "requires" not in labels  # a code is expected here

    edit = await client.text_document_rename_async(
        types.RenameParams(text_document=doc, position=at, new_name="ПК-1.10")
    )
    assert edit is not None and edit.changes is not None
    assert set(edit.changes) == {uri, LIB.as_uri(), (WS / "other.comp").as_uri()}
    assert all(e.new_text == "ПК-1.10" for edits in edit.changes.values() for e in edits)


async def test_symbols_and_formatting(client: LanguageClient) -> None:
    uri = _open(client, MAIN, MAIN.read_text(encoding="utf-8").replace("  requires", "      requires"))
    doc = types.TextDocumentIdentifier(uri=uri)
    symbols = await client.text_document_document_symbol_async(types.DocumentSymbolParams(text_document=doc))
    names = [s.name for s in symbols or []]  # type: ignore[union-attr]
    assert names == ["ПК-1.2", "М.01"]
    edits = await client.text_document_formatting_async(
        types.DocumentFormattingParams(
            text_document=doc, options=types.FormattingOptions(tab_size=2, insert_spaces=True)
        )
    )
    assert edits and edits[0].new_text == MAIN.read_text(encoding="utf-8")


async def test_an_edit_in_a_used_file_updates_its_dependents(client: LanguageClient) -> None:
    uri = _open(client, MAIN)
    assert await _diagnostics(client, uri) == []
    _open(client, LIB, LIB.read_text(encoding="utf-8").replace("ПК-1.1", "ПК-1.7"))
    for _ in range(4):
        await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        if client.diagnostics.get(uri):
            break
    assert [d.code for d in client.diagnostics.get(uri, [])] == ["C101", "C101"]  # requires and covers


WHOLE = """cycle ОП "Общепрофессиональный цикл" { role general_professional }
discipline ОП.01 "Инженерная графика" {
  hours theory 16, practice 96, self_study 8
  attestation graded_credit
  covers ОК-01
}
elective ОП.ДВ.01 "По выбору" {
  discipline ОП.ДВ.01.01 "Черчение" { hours theory 36 }
  discipline ОП.ДВ.01.02 "Компьютерная графика" { hours lab 36 }
}
college К "Колледж" { room КАБ-1 cabinet "Кабинет" }
competency ОК-01 "Выбирать способы решения задач" { requires ОП.01 }
"""


async def test_hover_and_symbols_of_a_whole_programs_declarations(client: LanguageClient, tmp_path: Path) -> None:
    path = tmp_path / "whole.comp"
    path.write_text(WHOLE, encoding="utf-8")
    uri = _open(client, path)
    await _diagnostics(client, uri)
    hover = await client.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=1, character=12)
        )
    )
    assert hover is not None and isinstance(hover.contents, types.MarkupContent)
    text = hover.contents.value
    assert "Инженерная графика" in text and "cycle: ОП" in text and "self study 8" in text and "ДЗ" in text
    symbols = await client.text_document_document_symbol_async(
        types.DocumentSymbolParams(text_document=types.TextDocumentIdentifier(uri=uri))
    )
    assert symbols is not None
    by_name = {s.name: s for s in symbols if isinstance(s, types.DocumentSymbol)}
    assert {"ОП", "ОП.01", "ОП.ДВ.01", "К", "ОК-01"} <= set(by_name)
    assert [c.name for c in by_name["ОП.ДВ.01"].children or []] == ["ОП.ДВ.01.01", "ОП.ДВ.01.02"]
    assert [c.name for c in by_name["К"].children or []] == ["КАБ-1"]


async def test_positions_are_utf16_and_rename_takes_only_codes(client: LanguageClient, tmp_path: Path) -> None:
    from pygls.exceptions import JsonRpcException

    path = tmp_path / "emoji.comp"
    text = 'competency ПК-1 "к"\ncompetency ПК-2 "🔧 инструмент" { requires ПК-1 }\n'
    path.write_text(text, encoding="utf-8")
    uri = _open(client, path)
    await _diagnostics(client, uri)
    line = text.splitlines()[1]
    code_points = line.index("requires ПК-1") + len("requires ")
    utf16 = len(line[:code_points].encode("utf-16-le")) // 2  # the emoji is two UTF-16 units
    assert utf16 == code_points + 1
    doc = types.TextDocumentIdentifier(uri=uri)
    edit = await client.text_document_rename_async(
        types.RenameParams(text_document=doc, position=types.Position(line=1, character=utf16 + 1), new_name="ПК-9")
    )
    assert edit is not None and edit.changes is not None
    ranges = {(e.range.start.line, e.range.start.character, e.range.end.character) for e in edit.changes[uri]}
    assert (1, utf16, utf16 + len("ПК-1")) in ranges  # the edit lands on `ПК-1`, not one column early
    for bad in ("", "a b", 'ПК-1\nuse "x"', "requires"):
        with pytest.raises(JsonRpcException):
            await client.text_document_rename_async(
                types.RenameParams(text_document=doc, position=types.Position(line=0, character=12), new_name=bad)
            )


def _frame(message: dict[str, object]) -> bytes:
    body = json.dumps(message).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def _read_message(stream: IO[bytes]) -> dict[str, Any]:
    length = 0
    while (line := stream.readline().strip()) != b"":
        if line.lower().startswith(b"content-length:"):
            length = int(line.split(b":")[1])
    message: dict[str, Any] = json.loads(stream.read(length))
    return message


def _raw_session(
    messages: list[dict[str, Any]],
) -> tuple[dict[int, dict[str, Any]], subprocess.CompletedProcess[bytes]]:
    """The server run over stdio on `messages` as a raw JSON-RPC client writes them: its answers by id."""
    server = subprocess.run(
        [sys.executable, "-m", "constructor", "lsp"],
        input=b"".join(_frame(m) for m in messages),
        capture_output=True,
        timeout=60,
    )
    stream = io.BytesIO(server.stdout)
    answers: dict[int, dict[str, Any]] = {}
    while stream.tell() < len(server.stdout):
        message = _read_message(stream)
        if "id" in message and "method" not in message:
            answers[message["id"]] = message
    return answers, server


def test_every_request_is_answered_even_with_invalid_params(tmp_path: Path) -> None:
    """An editor (or a broken plugin) may send params the protocol does not allow. Driven by a raw
    JSON-RPC client (a library client would refuse to send them): every request gets an answer — an
    error or an empty result — so the client never waits forever, and the server keeps working."""
    path = tmp_path / "a.comp"
    path.write_text('competency ПК-1 "к"\n', encoding="utf-8")
    uri = path.as_uri()
    far = {"line": 10**6, "character": 10**6}
    requests: list[tuple[str, object]] = [
        ("textDocument/hover", {}),
        ("textDocument/hover", {"textDocument": {"uri": uri}}),
        ("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": -1, "character": "x"}}),
        ("textDocument/hover", {"textDocument": {"uri": uri}, "position": far}),
        ("textDocument/hover", {"textDocument": {"uri": "file:///nowhere/b.comp"}, "position": far}),
        ("textDocument/definition", {"textDocument": {"uri": "not a uri"}, "position": far}),
        ("textDocument/references", {"textDocument": {"uri": uri}, "position": far}),
        ("textDocument/rename", {"textDocument": {"uri": uri}, "position": far, "newName": 5}),
        ("textDocument/completion", None),
        ("textDocument/completion", [1, 2, 3]),
        ("textDocument/documentSymbol", {"textDocument": {"uri": "file:///nowhere/b.comp"}}),
        ("textDocument/formatting", {"textDocument": {"uri": uri}}),
        ("workspace/symbol", {"query": ["not", "a", "string"]}),
        ("no/such/method", {}),
        ("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 12}}),
    ]
    init = {"processId": None, "rootUri": tmp_path.as_uri(), "capabilities": {}}
    opened = {"textDocument": {"uri": uri, "languageId": "comp", "version": 1, "text": path.read_text()}}
    messages = [
        {"jsonrpc": "2.0", "id": 0, "method": "initialize", "params": init},
        {"jsonrpc": "2.0", "method": "initialized", "params": {}},
        {"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": opened},
        *({"jsonrpc": "2.0", "id": i, "method": m, "params": p} for i, (m, p) in enumerate(requests, 1)),
        {"jsonrpc": "2.0", "id": 99, "method": "shutdown"},
        {"jsonrpc": "2.0", "method": "exit"},
    ]
    answers, server = _raw_session(messages)
    assert sorted(answers) == [0, *range(1, len(requests) + 1), 99], server.stderr.decode()[-2000:]
    assert answers[1]["error"]["code"] == -32602  # invalid params, said as JSON-RPC says it
    assert answers[14]["error"]["code"] == -32601  # no such method
    assert "ПК-1" in json.dumps(answers[len(requests)]["result"], ensure_ascii=False)  # still answers
    assert server.returncode == 0  # (pygls logs what it could not read to stderr, the editor's server log)


async def test_completion_offers_what_the_grammar_allows_and_hover_explains_keywords(
    client: LanguageClient, tmp_path: Path
) -> None:
    path = tmp_path / "ctx.comp"
    text = (
        'компетенция ПК-1.1 "к"\nмодуль ПМ.01 "м" {\n  формирует \n}\n'
        'компетенция ПК-1.2 "к2" {\n  \n}\nпрограмма П "п" {\n  ядро \n}\n'
    )
    path.write_text(text, encoding="utf-8")
    uri = _open(client, path)
    await _diagnostics(client, uri)
    doc = types.TextDocumentIdentifier(uri=uri)

    async def labels(line: int, character: int) -> set[str]:
        params = types.CompletionParams(text_document=doc, position=types.Position(line=line, character=character))
        found = await client.text_document_completion_async(params)
        return {i.label for i in (found.items if isinstance(found, types.CompletionList) else found or [])}

    after_covers = await labels(2, len("  формирует "))
    assert {"ПК-1.1", "ПК-1.2"} <= after_covers and "ПМ.01" not in after_covers and "программа" not in after_covers
    inside = await labels(5, 2)  # inside a competency: its fields, in the file's language; no declarations
    assert {"требует", "часы"} <= inside and "программа" not in inside and "requires" not in inside
    assert not inside & {"ПК-1.1", "ПМ.01"}
    after_core = await labels(8, len("  ядро "))
    assert "ПМ.01" in after_core and "ПК-1.1" not in after_core

    hover = await client.text_document_hover_async(
        types.HoverParams(text_document=doc, position=types.Position(line=2, character=4))
    )
    assert hover is not None and "`covers`" in hover.contents.value  # type: ignore[union-attr]


def test_the_editor_offers_the_codes_check_expects() -> None:
    """FIELD_TARGETS (what completion offers after a field) says what `references` checks."""
    from constructor.api import load
    from constructor.resolve.references import FIELD_TARGETS, references

    catalogs = Path(__file__).resolve().parents[1] / "catalogs"
    result = load([catalogs / "examples" / "welding", catalogs / "examples" / "programmer"], root=catalogs)
    seen = set()
    for source in result.catalog.files:
        for decl in source.all_declarations():
            for field, _, kinds in references(decl):
                seen.add(field)
                assert FIELD_TARGETS[field] == kinds, field
    assert len(seen) >= 15


def test_hover_speaks_the_editors_language(tmp_path: Path) -> None:
    """The client's locale (`ru`) gives Russian words in hovers, as the CLI's `--lang` does."""
    path = tmp_path / "a.comp"
    path.write_text('competency ПК-1.1 "к" { hours theory 36 }\ncompetency ПК-1.2 "м" { requires ПК-1.1 }\n', "utf-8")
    uri = path.as_uri()
    opened = {"textDocument": {"uri": uri, "languageId": "comp", "version": 1, "text": path.read_text("utf-8")}}
    at = {"textDocument": {"uri": uri}, "position": {"line": 1, "character": 35}}
    messages = [
        {
            "jsonrpc": "2.0",
            "id": 0,
            "method": "initialize",
            "params": {"processId": None, "capabilities": {}, "locale": "ru"},
        },
        {"jsonrpc": "2.0", "method": "initialized", "params": {}},
        {"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": opened},
        {"jsonrpc": "2.0", "id": 1, "method": "textDocument/hover", "params": at},
        {"jsonrpc": "2.0", "id": 99, "method": "shutdown"},
        {"jsonrpc": "2.0", "method": "exit"},
    ]
    answers, _ = _raw_session(messages)
    said = answers[1]["result"]["contents"]["value"]
    assert "часы: теория 36 (всего 36)" in said and "профессиональная" in said and "сложность" in said


def test_the_first_open_reads_files_on_disk_from_the_parse_cache_and_never_caches_an_edit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file on disk parses through the persistent cache `check` fills (a second editor session reads
    it back); the document being edited is parsed in memory only — no cache entry per keystroke."""
    from constructor.lsp.workspace import Workspace

    monkeypatch.setenv("CONSTRUCTOR_CACHE_DIR", str(tmp_path / "cache"))
    (tmp_path / "constructor.toml").write_text("")
    (tmp_path / "lib.comp").write_text('competency ПК-1.1 "Первая" { hours theory 36 }\n', encoding="utf-8")
    main = (tmp_path / "main.comp").resolve()
    for edit in range(3):
        ws = Workspace(tmp_path)
        ws.open[main] = f'use "lib.comp"\nmodule М "Модуль {edit}" {{ covers ПК-1.1 }}\n'
        assert [d.code for d in ws.scope(main).diagnostics] == []
        disk = ws._disk
        assert (disk.hits, disk.misses) == ((0, 1) if edit == 0 else (1, 0))  # type: ignore[attr-defined]
    entries = [p for p in (tmp_path / "cache" / "constructor" / "parse").glob("*/*") if p.is_file()]
    assert len(entries) == 1  # lib.comp only: the edited main.comp never went to disk
