"""Writes syntaxes/comp.tmLanguage.json's keyword lists from the language's grammar (the single source of
its keywords): `python editors/vscode/tools/generate_grammar.py`. A test checks the file is current."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from constructor.syntax.keywords import DECLARATIONS, all_spellings

GRAMMAR = Path(__file__).parents[1] / "syntaxes" / "comp.tmLanguage.json"
LOGICAL = ("AND", "OR")
BOUNDED = r"(?<![\w.\-])(?:{})(?![\w.\-])"


def _alternatives(words: list[str]) -> str:
    # longest first, so that `term_weeks` is not read as `term`
    return BOUNDED.format("|".join(sorted(words, key=lambda w: (-len(w), w))))


def generate() -> str:
    data = json.loads(GRAMMAR.read_text(encoding="utf-8"))
    spellings = all_spellings()
    repo = data["repository"]
    repo["declaration"]["match"] = _alternatives([s for s, n in spellings.items() if n in DECLARATIONS])
    repo["operator"]["match"] = _alternatives([s for s, n in spellings.items() if n in LOGICAL])
    units = ("UNIT", "WEEK")
    fields = [s for s, n in spellings.items() if n not in DECLARATIONS and n not in LOGICAL and n not in units]
    repo["field"]["match"] = _alternatives(fields)
    unit_words = "|".join(sorted((s for s, n in spellings.items() if n in units), key=lambda w: (-len(w), w)))
    repo["number"]["match"] = r"(?<![\w.\-])\d+(?:\.\d+)?(?:\s*(?:" + unit_words + r")(?![\w.\-]))?(?![\w.\-])"
    repo["tolerance"] = {"name": "keyword.operator.tolerance.comp", "match": "±"}
    if {"include": "#tolerance"} not in data["patterns"]:
        data["patterns"].insert(data["patterns"].index({"include": "#punctuation"}), {"include": "#tolerance"})
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


if __name__ == "__main__":
    text = generate()
    if "--check" in sys.argv:
        sys.exit(0 if GRAMMAR.read_text(encoding="utf-8") == text else 1)
    GRAMMAR.write_text(text, encoding="utf-8")
