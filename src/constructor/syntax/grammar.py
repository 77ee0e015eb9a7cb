"""The grammar, loaded once from the installed package."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from importlib import resources

from lark import Lark, Token

from constructor.syntax.builder import Builder, install_rules


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
    """The grammar alone, for tools that need its rules and terminals (and for generating text)."""
    return Lark(grammar_text(), parser="lalr", lexer="contextual", strict=True, postlex=_AlwaysWord())


@lru_cache(maxsize=1)
def building_parser() -> tuple[Lark, Builder]:
    """The parser that builds models as it reduces; its `Builder` is given a fresh model per parse."""
    rules = sorted({str(r.origin.name) for r in parser().rules})
    install_rules(rules)
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
    )
    return lark, builder
