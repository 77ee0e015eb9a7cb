"""What may be written at the cursor, as the grammar says: the keywords the parser accepts there, and
whether a code of some kind is expected (after `requires` a competency, after `core` a module).

The text before the cursor (up to the word being typed) is fed to lark's interactive parser; what it
accepts next is the answer. Where that text does not parse, nothing is known and the caller offers
everything, as before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from lark import Token
from lark.exceptions import LarkError

from constructor.i18n import Lang
from constructor.resolve.references import FIELD_TARGETS, Expected
from constructor.syntax import keywords
from constructor.syntax.grammar import grammar_text, parser
from constructor.syntax.parse import declaration_starts

_TYPED = re.compile(r"[\w.\-]*$")  # the part of a code or keyword already typed


@dataclass(frozen=True)
class Context:
    keywords: tuple[str, ...]  # canonical names of the keywords that may come next
    codes: Expected | None  # the kinds of declaration a code here must name, None when no code fits


def context_at(text: str, offset: int) -> Context | None:
    """What may be written at `offset` of `text`, or None when the text before it does not parse."""
    before = text[:offset]
    typed = _TYPED.search(before)
    start = typed.start() if typed else offset
    # from the declaration the cursor is in (one started at a line's first column): a mistake in an
    # earlier declaration (one being written) does not hide what this one allows
    heads = declaration_starts(text, start)
    state = parser().parse_interactive(text[heads[-1] if heads else 0 : start])
    try:
        state.exhaust_lexer()
        accepted: set[str] = state.accepts()  # type: ignore[no-untyped-call]
    except LarkError:
        return None
    names = sorted(
        {keywords.canonical(t) for t in accepted if keywords.is_keyword_terminal(t)}, key=keywords.grammar_order
    )
    codes: Expected | None = None
    if "WORD" in accepted:
        field = _governing_keyword(state.parser_state.value_stack)
        codes = FIELD_TARGETS.get(field) if field is not None else None
    return Context(tuple(names), codes)


def _governing_keyword(stack: list[object]) -> str | None:
    """The field whose value is being written: the last keyword still on the parser's stack."""
    for item in reversed(stack):
        if isinstance(item, Token) and keywords.is_keyword_terminal(item.type):
            name = keywords.canonical(item.type)
            if name not in ("AND", "OR"):
                return name
    return None


def spelled(names: tuple[str, ...], lang: Lang) -> list[str]:
    """The keywords in the file's language (every spelling it has: `курс` and `мдк`)."""
    return [s for name in names for s in keywords.spellings(name, lang)]


@cache
def _where() -> dict[str, tuple[str, ...]]:
    """Keyword → the declarations it may be written in, read from the grammar's `_<decl>_field` rules."""
    text = grammar_text()
    rule_keyword = {
        m.group(1): m.group(2)
        for m in re.finditer(r"^(\w+): \(_(\w+?) \|", text, re.MULTILINE)
        if not m.group(2).endswith("_RU")
    }
    out: dict[str, list[str]] = {}
    for m in re.finditer(r"^_(\w+)_field: ((?:.|\n\s+\|)*)", text, re.MULTILINE):
        owner = m.group(1).upper()
        for rule in re.findall(r"\w+", m.group(2)):
            kw = rule_keyword.get(rule)
            if kw is not None and owner not in out.setdefault(kw, []):
                out[kw].append(owner)
    return {k: tuple(v) for k, v in out.items()}


def keyword_hover(word: str, lang: Lang) -> str | None:
    """What a keyword is: its spellings in both languages and the declarations it may be written in."""
    name = keywords.all_spellings().get(word)
    if name is None:
        return None
    both = " / ".join(f"`{s}`" for lg in ("ru", "en") for s in keywords.spellings(name, lg))
    where = _where().get(name, ())
    owners = ", ".join(f"`{keywords.spelling(o, lang)}`" for o in where if o in keywords.all_spellings().values())
    label = {"ru": "ключевое слово", "en": "keyword"}[lang]
    inside = {"ru": "пишется в", "en": "written in"}[lang]
    return f"{label} {both}" + (f"\n\n{inside}: {owners}" if owners else "")
