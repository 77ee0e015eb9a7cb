"""The grammar, loaded once from the installed package."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from lark import Lark, Token

from constructor.syntax.builder import Builder, install_rules

# The grammar's WORD terminal (codes, numbers, values): whoever reads words out of a text reads them as
# the parser does (a test keeps this equal to comp.lark's).
WORD = re.compile(r"\w+(?:[.\-]\w+)*")


class _AlwaysWord:
    """Keeps WORD in every lexer state, so that a keyword is never lexed out of a longer word.

    Without it, where no code is expected the contextual lexer would read `h` (the unit of hours)
    out of `holidays`, and report a nonsense error; with it the whole word is read and a misspelt
    keyword can be named as such.
    """

    always_accept = ("WORD",)

    def process(self, stream: Iterator[Token]) -> Iterator[Token]:
        return stream


def _cache(kind: str) -> str | bool:
    """Where lark may keep the analysed grammar (0.3 s to build, 0.02 s to load): the user's cache
    folder, keyed by the grammar and library versions; no cache where that folder cannot be made.
    Lark checks the grammar's hash stored in the file and rebuilds on any mismatch or damage."""
    import hashlib

    import lark

    from constructor.shipped import user_cache

    folder = user_cache()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return False
    digest = hashlib.sha256(f"{grammar_text()}|{lark.__version__}|{kind}".encode()).hexdigest()[:16]
    return str(folder / f"comp-{kind}-{digest}.lark")


def grammar_text() -> str:
    from constructor.shipped import shipped

    return (shipped("grammars") / "comp.lark").read_text("utf-8")


@lru_cache(maxsize=1)
def parser() -> Lark:
    """The grammar alone, for tools that need its rules and terminals (and for generating text)."""
    # not cached: a parser loaded from the cache lacks the `.grammar` that hypothesis reads
    return Lark(grammar_text(), parser="lalr", lexer="contextual", strict=True, postlex=_AlwaysWord())


@lru_cache(maxsize=1)
def building_parser() -> tuple[Lark, Builder]:
    """The parser that builds models as it reduces; its `Builder` is given a fresh model per parse."""
    install_rules(sorted(set(re.findall(r"^([a-z]\w*):", grammar_text(), re.MULTILINE))))
    builder = Builder()
    lark = Lark(
        grammar_text(),
        parser="lalr",
        lexer="contextual",
        strict=True,
        keep_all_tokens=True,
        maybe_placeholders=False,
        postlex=_AlwaysWord(),
        transformer=builder,
        cache=_cache("build"),
    )
    return lark, builder
