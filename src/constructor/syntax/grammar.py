"""The grammar, loaded once from the installed package."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from importlib import resources

from lark import Lark, Token


class _AlwaysWord:
    """Keeps WORD in every lexer state, so that a keyword is never lexed out of a longer word.

    Without it, where no code is expected the contextual lexer would read `h` (the unit of hours)
    out of `holidays`, and report a nonsense error; with it the whole word is read and a misspelt
    keyword can be named as such.
    """

    always_accept = ("WORD",)

    def process(self, stream: Iterator[Token]) -> Iterator[Token]:
        return stream


def grammar_text() -> str:
    return resources.files("constructor").joinpath("grammars", "comp.lark").read_text("utf-8")


@lru_cache(maxsize=1)
def parser() -> Lark:
    return Lark(
        grammar_text(),
        parser="lalr",
        lexer="contextual",
        strict=True,
        propagate_positions=True,
        maybe_placeholders=False,
        postlex=_AlwaysWord(),
    )
