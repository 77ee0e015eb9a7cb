"""The VS Code TextMate grammar, tokenized as VS Code does (vscode-textmate + oniguruma via node)."""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from constructor.syntax.keywords import DECLARATIONS, all_spellings

ROOT = Path(__file__).parents[1]
VSCODE = ROOT / "editors" / "vscode"
GRAMMAR = VSCODE / "syntaxes" / "comp.tmLanguage.json"
TOKENIZE = VSCODE / "test" / "tokenize.js"
CATALOGS = sorted((ROOT / "catalogs").rglob("*.comp"))

pytestmark = pytest.mark.skipif(
    shutil.which("node") is None or not (VSCODE / "test" / "node_modules" / "vscode-textmate").is_dir(),
    reason="node and the grammar test's npm packages are needed (`make test` installs them with npm)",
)


def tokenize(*files: Path) -> dict[str, list[dict[str, object]]]:
    proc = subprocess.run(
        ["node", str(TOKENIZE), str(GRAMMAR), *map(str, files)], capture_output=True, text=True, timeout=120, check=True
    )
    return json.loads(proc.stdout)


def scope(token: dict[str, object]) -> str:
    scopes = token["scopes"]
    assert isinstance(scopes, list)
    return str(scopes[-1])


def test_shipped_catalogs_tokenize_with_every_token_scoped() -> None:
    result = tokenize(*CATALOGS)
    assert set(result) == {str(p) for p in CATALOGS}
    for tokens in result.values():
        for t in tokens:
            text = str(t["text"])
            if not text.strip():
                continue
            s = scope(t)
            assert s != "source.comp", f"unscoped token {text!r} on line {t['line']}"
            if text.startswith("#"):
                assert s.startswith("comment."), t


def test_kinds_of_tokens(tmp_path: Path) -> None:
    sample = tmp_path / "s.comp"
    sample.write_text(
        'competency ПК-1.1 "Текст \\"в кавычках\\"" {  # комментарий\n'
        "  hours theory 36, practice 72 h\n  requires ОК-01 and (ПК-1.2 or ПКс-1.4)\n}\n"
        'program П "п" { target 2г10м general ОК-01 .. ОК-09 }\n'
        'standard С "с" { practice_share_min 25% }\n',
        encoding="utf-8",
    )
    tokens = [t for t in tokenize(sample)[str(sample)] if str(t["text"]).strip()]
    kinds = {str(t["text"]): scope(t) for t in tokens}
    assert kinds["competency"] == "storage.type.declaration.comp"
    assert kinds["ПК-1.1"] == "variable.other.constant.code.comp"
    assert kinds["ПКс-1.4"] == "variable.other.constant.code.comp"
    assert kinds['\\"'] == "constant.character.escape.comp"
    assert kinds["# комментарий"] == "comment.line.number-sign.comp"
    assert kinds["hours"] == "keyword.other.field.comp"
    assert kinds["and"] == kinds["or"] == "keyword.operator.logical.comp"
    assert kinds["2г10м"] == "constant.numeric.duration.comp"
    assert kinds["36"] == "constant.numeric.comp"
    assert kinds["25%"] == "constant.numeric.percent.comp"
    assert kinds[".."] == "keyword.operator.range.comp"


def test_every_keyword_of_the_grammar_in_both_languages() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        sample = Path(tmp) / "k.comp"
        # `h` and `w` (`ч`, `нед`) are units only after a number
        words = sorted(s for s, name in all_spellings().items() if name not in ("UNIT", "WEEK"))
        sample.write_text("\n".join(f"{w} КОД" for w in words) + "\n", encoding="utf-8")
        tokens = tokenize(sample)[str(sample)]
    first = {int(str(t["line"])): t for t in reversed(tokens) if str(t["text"]).strip()}
    declarations = {s for s, name in all_spellings().items() if name in DECLARATIONS}
    for n, word in enumerate(words, start=1):
        token = first[n]
        assert token["text"] == word
        expected = "storage.type.declaration.comp" if word in declarations else None
        s = scope(token)
        if expected:
            assert s == expected, word
        else:
            assert s.startswith("keyword."), (word, s)


def test_the_grammar_file_is_generated_from_the_language_grammar() -> None:
    import importlib.util

    tool = VSCODE / "tools" / "generate_grammar.py"
    spec = importlib.util.spec_from_file_location("generate_grammar", tool)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert GRAMMAR.read_text(encoding="utf-8") == module.generate(), f"run `python {tool.relative_to(ROOT)}`"
