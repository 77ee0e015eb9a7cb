"""Every JSON the commands print says what it is and its version, and keeps its published schema
(docs/schemas/, docs/json.md)."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from constructor.cli import main
from constructor.jsonout import VERSIONS

ROOT = Path(__file__).resolve().parents[1]
WELDING = str(ROOT / "catalogs" / "examples" / "welding" / "program.comp")
PROGRAMMER = str(ROOT / "catalogs" / "examples" / "programmer" / "program.comp")
SCHEMAS = ROOT / "docs" / "schemas"

RUNS = {
    "diagnostics": ["check", "--format", "json", WELDING],
    "graph": ["graph", "--format", "json", WELDING],
    "explain": ["explain", "--format", "json", "ПК-1.1", WELDING],
    "metrics": ["metrics", "--format", "json", WELDING],
    "metrics-diff": ["metrics", "--format", "json", "--diff", WELDING, PROGRAMMER],
    "plan-metrics": ["metrics", "--plan", "--format", "json", WELDING],
    "bundles": ["bundle", "--format", "json", WELDING],
    "cluster": ["cluster", "--format", "json", str(ROOT / "catalogs" / "examples")],
}


def test_every_output_has_a_run_and_a_schema() -> None:
    assert set(RUNS) == set(VERSIONS) == {p.name.removesuffix(".schema.json") for p in SCHEMAS.glob("*.json")}


@pytest.mark.parametrize("kind", sorted(RUNS))
def test_json_output_says_what_it_is_and_keeps_its_schema(kind: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(RUNS[kind]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["format"], data["version"]) == (f"constructor/{kind}", VERSIONS[kind])
    schema = json.loads((SCHEMAS / f"{kind}.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)


def test_the_plan_says_what_it_is(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compact", "--format", "json", WELDING]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["format"], data["version"]) == ("constructor/plan", 1)


def test_check_json_words_follow_lang_not_the_machines_locale(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "x.comp").write_text('competency ПК-1.1 "т" { requires ПК-9.9 }\n', encoding="utf-8")
    said = {}
    for locale in ("en_US.UTF-8", "ru_RU.UTF-8"):
        monkeypatch.setenv("LANG", locale)
        monkeypatch.setenv("LC_ALL", locale)
        main(["check", "--format", "json", str(tmp_path / "x.comp")])
        said[locale] = json.loads(capsys.readouterr().out)["diagnostics"][0]["message"]
    assert said["en_US.UTF-8"] == said["ru_RU.UTF-8"] and "неизвестный код" in said["en_US.UTF-8"]
    main(["check", "--format", "json", "--lang", "en", str(tmp_path / "x.comp")])
    assert "unknown code" in json.loads(capsys.readouterr().out)["diagnostics"][0]["message"]
