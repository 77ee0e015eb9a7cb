"""Keywords and their spellings, read from the grammar (the single source of them).

A terminal `_REQUIRES` is the English spelling, `_REQUIRES_RU` (and `_REQUIRES_RU2`) Russian ones.
"""

from __future__ import annotations

import re
from functools import lru_cache

from lark.lexer import PatternStr

from constructor import i18n
from constructor.i18n import Lang
from constructor.syntax.grammar import WORD, building_parser

_RU_SUFFIX = re.compile(r"_RU\d*$")

# Declarations that may start a top-level item; used to resume after a syntax error.
DECLARATIONS = (
    "USE",
    "STANDARD",
    "ACTIVITY",
    "OUTCOME",
    "COMPETENCY",
    "MODULE",
    "PROGRAM",
    "SITE",
    "PROFESSION",
    "BUNDLE",
)
# Every keyword that can start a top-level declaration: where reading resumes after a declaration that
# could not be repaired (at a line's first column). `cycle` and `practice` are fields inside blocks too.
TOP_LEVEL = (*DECLARATIONS, "CYCLE", "DISCIPLINE", "ELECTIVE", "COLLEGE", "PRACTICE")

# What follows a keyword, to say "expected a code" rather than "expected WORD".
_ARGUMENT = {
    "code": (
        *DECLARATIONS[1:],  # every declaration but `use` is followed by its code
        "SPECIALTY",
        "GENERAL",
        "ACTIVITIES",
        "REQUIRES",
        "COREQUIRES",
        "COVERS",
        "COURSE",
        "PRACTICE",
        "AT",
        "CORE",
        "BUNDLES",
        "ATTAINED_BY",
        "REQUESTS",
        "DELIVERS",
        "AND",
        "OR",
    ),
    "text": ("USE", "ORDER", "QUALIFICATION", "RECOGNIZE", "ENTERPRISE", "LINKS"),
    "number": (
        "WEEKLY_LOAD",
        "TERM_WEEKS",
        "HOLIDAY_WEEKS",
        "PRACTICE_SHARE_MIN",
        "PRACTICE_SHARE_TARGET",
        "VARIABLE_SHARE_MIN",
        "HOURS_PER_TERM",
        "HOURS_MAX",
        "SEATS",
    ),
    "value": ("KNOWS", "CAN", "EXPERIENCE"),
    "word": (
        "KIND",
        "ATTESTATION",
        "BASE",
        "TRACK",
        "TARGET",
        "HOURS",
        "BASELINE",
        "FINAL_ATTESTATION",
        "CREDITS",
        "TAG",
    ),
}
ARGUMENT = {kw: what for what, kws in _ARGUMENT.items() for kw in kws}


def canonical(terminal: str) -> str:
    """`_REQUIRES_RU` → `REQUIRES`."""
    return _RU_SUFFIX.sub("", terminal.lstrip("_"))


_KEYWORD_LINE = re.compile(r'^(_[A-Z][A-Z0-9_]*):\s*"([^"\\]+)"\s*$', re.MULTILINE)


def _keyword_terminals() -> list[tuple[str, str]]:
    """The grammar's keyword terminals (`_REQUIRES_RU: "требует"`), read from its text in its order:
    printing a diagnostic needs their spellings, and building the parser for them cost 0.2 s a run
    (a cached `check` printed nothing else). tests/test_syntax.py holds them equal to the parser's."""
    from constructor.syntax.grammar import grammar_text

    return [(name, value) for name, value in _KEYWORD_LINE.findall(grammar_text()) if value[0].isalpha()]


def _keyword_terminals_of_the_parser() -> list[tuple[str, str]]:
    """The same, as lark builds them (the test's reference)."""
    return [
        (t.name, t.pattern.value)
        for t in building_parser()[0].terminals
        if t.name.startswith("_") and isinstance(t.pattern, PatternStr) and t.pattern.value[:1].isalpha()
    ]


@lru_cache(maxsize=1)
def _table() -> tuple[dict[str, dict[str, list[str]]], dict[str, str], list[str]]:
    spellings: dict[str, dict[str, list[str]]] = {}
    by_spelling: dict[str, str] = {}
    order: list[str] = []
    for term_name, value in _keyword_terminals():
        name = canonical(term_name)
        lang = "ru" if _RU_SUFFIX.search(term_name) else "en"
        if name not in spellings:
            spellings[name] = {"en": [], "ru": []}
            order.append(name)
        spellings[name][lang].append(value)
        by_spelling[value] = name
    return spellings, by_spelling, order


@lru_cache(maxsize=1)
def terminals() -> dict[str, str]:
    """Every spelling of every keyword → the terminal the lexer makes of it (`требует` → `_REQUIRES_RU`)."""
    return {
        t.pattern.value: t.name
        for t in building_parser()[0].terminals
        if t.name.startswith("_") and isinstance(t.pattern, PatternStr) and t.pattern.value[:1].isalpha()
    }


def is_keyword_terminal(terminal: str) -> bool:
    return canonical(terminal) in _table()[0]


def spelling(name: str, lang: Lang) -> str:
    """How a keyword is written in a language (the first spelling of it)."""
    return _table()[0][name][lang][0]


def english_name(word: str) -> str | None:
    """The canonical name of a keyword spelt `word` in English (`covers` → `COVERS`), else None."""
    name = _table()[1].get(word)
    return name if name is not None and word in _table()[0][name]["en"] else None


i18n.KEYWORD_SPELLING = spelling  # messages name keywords as the grammar spells them
i18n.KEYWORD_NAME = english_name


def all_spellings() -> dict[str, str]:
    """Every spelling of every keyword, mapped to the keyword's canonical name."""
    return _table()[1]


def grammar_order(name: str) -> int:
    order = _table()[2]
    return order.index(name) if name in order else len(order)


def declaration_spellings() -> frozenset[str]:
    spellings = _table()[0]
    return frozenset(s for name in TOP_LEVEL for lang in ("en", "ru") for s in spellings[name][lang])


_WORDS = re.compile(r"[^\W\d_][\w]*")
_STRINGS_AND_COMMENTS = re.compile(r'"(?:[^"\\\n]|\\.)*"|#[^\n]*')


def words_used(text: str) -> dict[str, int]:
    """How often each whole word (as the lexer reads words: `ПКс-1.1` is one) is written in `text`
    outside strings and comments."""
    counts: dict[str, int] = {}
    for w in WORD.findall(_STRINGS_AND_COMMENTS.sub("", text)):
        counts[w] = counts.get(w, 0) + 1
    return counts


def spellings(name: str, lang: Lang) -> list[str]:
    """Every spelling of a keyword in a language (`course`: `курс`, `мдк`)."""
    return list(_table()[0][name][lang])


def keyword_language(text: str) -> Lang:
    """The language a file's keywords are mostly written in (`требует` or `requires`): hints and the
    formatter speak it."""
    spellings = all_spellings()
    words = _WORDS.findall(_STRINGS_AND_COMMENTS.sub("", text))
    ru = sum(1 for w in words if w in spellings and not w.isascii())
    en = sum(1 for w in words if w in spellings and w.isascii())
    return "ru" if ru > en else "en"


i18n.KEYWORD_LANGUAGE = keyword_language  # a diagnostic names keywords in its file's language
