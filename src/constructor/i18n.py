"""Messages in Russian and English.

A message is built once, as a key and arguments, and put into words only when it is shown: the
same diagnostics can then be printed in either language (`--lang`) and kept in JSON.
"""

from __future__ import annotations

import gettext
import io
import os
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Literal

Lang = Literal["ru", "en"]
LANGS: tuple[Lang, ...] = ("ru", "en")
# The language a keyword is shown in while a diagnostic of a file is rendered: the file's own (a Russian
# file is told about `требует`, an English one about `requires`), whatever the messages' language.
KEYWORD_LANG: ContextVar[Lang | None] = ContextVar("keyword_lang", default=None)
# How a keyword is spelt in a language: the grammar knows (syntax/keywords.py sets this when it loads),
# so this base module depends on nothing above it. Before that, a keyword shows as its English name.
KEYWORD_SPELLING: Callable[[str, Lang], str] | None = None
KEYWORD_LANGUAGE: Callable[[str], Lang] | None = None  # the language a file's keywords are written in
# an English spelling of a keyword → its canonical name (set with KEYWORD_SPELLING by syntax/keywords.py):
# a message's own `covers` is shown as the file writes its keywords (`формирует`), as a `Kw` argument is
KEYWORD_NAME: Callable[[str], str | None] | None = None
_QUOTED = re.compile(r"`([^`]*)`")  # each quoted piece, paired left to right
_KEYWORDS_AND_NUMBERS = re.compile(r"[0-9a-z_ ]+")  # `covers`, `36 h`: what may be respelt


@dataclass(frozen=True)
class Kw:
    """A keyword, shown in the reader's language (`requires` or `требует`)."""

    name: str  # canonical terminal name, e.g. "REQUIRES"
    written: str | None = None  # as the file spells it (`мдк`), where the message points at that word


@dataclass(frozen=True)
class Msg:
    """A message key with its arguments; the words are the catalog's (`message`)."""

    key: str
    args: Mapping[str, Arg] = field(default_factory=dict)

    def text(self, lang: Lang) -> str:
        template = message(self.key, lang)
        if KEYWORD_NAME is not None and "`" in template:
            template = _QUOTED.sub(lambda m: _respelt(m, lang), template)
        return template.format(**{k: show(v, lang) for k, v in self.args.items()})


@dataclass(frozen=True)
class OneOf:
    """A list shown as "`a`, `b` or `c`" in the reader's language."""

    items: Sequence[Arg]
    conjunction: Literal["or", "and"] = "or"


@dataclass(frozen=True)
class Dur:
    """A duration (`2y10m`), shown in words in the reader's language: «2 года 10 месяцев»."""

    text: str


@dataclass(frozen=True)
class Count:
    """A number with its noun, agreeing in the reader's language: Count(4, "term") → «4 семестра»."""

    n: int
    noun: str


Arg = str | int | Msg | Kw | OneOf | Dur | Count


def _spelt(name: str, lang: Lang) -> str:
    """A keyword as the file being reported writes them (else in the reader's language)."""
    speller = KEYWORD_SPELLING or (lambda name, _: name.lower())
    return speller(name, KEYWORD_LANG.get() or lang)


def _respelt(m: re.Match[str], lang: Lang) -> str:
    if KEYWORD_NAME is None or not _KEYWORDS_AND_NUMBERS.fullmatch(m.group(1)):
        return m.group(0)
    words = m.group(1).split(" ")
    names = [KEYWORD_NAME(w) for w in words]
    if not any(names):
        return m.group(0)
    return "`" + " ".join(_spelt(n, lang) if n else w for w, n in zip(words, names, strict=True)) + "`"


def show(arg: Arg, lang: Lang) -> str:
    if isinstance(arg, Msg):
        return arg.text(lang)
    if isinstance(arg, Kw):
        return f"`{arg.written or _spelt(arg.name, lang)}`"
    if isinstance(arg, Count):
        from constructor.words import noun

        return noun(arg.n, arg.noun, lang)
    if isinstance(arg, Dur):
        from constructor.words import duration

        return duration(arg.text, lang)
    if isinstance(arg, OneOf):
        parts = [show(item, lang) for item in arg.items]
        if len(parts) <= 1:
            return "".join(parts)
        word = {("ru", "or"): "или", ("ru", "and"): "и"}.get((lang, arg.conjunction), arg.conjunction)
        return ", ".join(parts[:-1]) + f" {word} " + parts[-1]
    text = str(arg)
    # a value echoed from the file is shown in part when huge (a 5,000-digit "number" is not read aloud)
    return text if len(text) <= MAX_SHOWN_ARG else text[: MAX_SHOWN_ARG // 2] + "…" + text[-20:]


MAX_SHOWN_ARG = 200


def default_lang(environ: Mapping[str, str] | None = None) -> Lang:
    """The language of the user's locale: English when it says so, Russian otherwise."""
    env = os.environ if environ is None else environ
    for name in ("CONSTRUCTOR_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = env.get(name, "")
        if value:
            return "en" if value.lower().startswith("en") else "ru"
    return "ru"


# Every word the constructor shows — diagnostics, help, reports, documents — is in one gettext catalog
# per language, `locale/<lang>/LC_MESSAGES/constructor.po`, with the message's key as its msgid and
# plural forms for nouns that agree with numbers. Messages are lowercase, short, with no trailing period.
LOCALE = Path(__file__).parent / "locale"
DOMAIN = "constructor"


def compile_po(po: Path, lang: str) -> bytes:
    """A `.po` catalog compiled to `.mo` bytes with Babel (at build time by hatch_build.py, or in memory
    when running from a source tree, which keeps no compiled files)."""
    from datetime import datetime

    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po.open("rb") as f:
        catalog = read_po(f, locale=lang, domain=DOMAIN)
    catalog.creation_date = catalog.revision_date = datetime(2000, 1, 1)  # not the time of compiling: the same bytes
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    return compiled.getvalue()


@cache
def _catalog(lang: Lang) -> tuple[gettext.GNUTranslations, dict[str, None]]:
    """The language's catalog: the `.mo` an installed package carries (read by the standard library, no
    Babel on the start-up path), else the `.po` compiled in memory."""
    folder = LOCALE / lang / "LC_MESSAGES"
    mo = folder / f"{DOMAIN}.mo"
    data = mo.read_bytes() if mo.is_file() else compile_po(folder / f"{DOMAIN}.po", lang)
    found = gettext.GNUTranslations(io.BytesIO(data))
    # gettext keeps the messages in `_catalog` (msgid → text, (msgid, n) → a plural form); its keys are
    # the catalog's keys, sorted as the `.mo` sorts them whichever way it was made
    keys = dict.fromkeys(k if isinstance(k, str) else k[0] for k in found._catalog if k)  # type: ignore[attr-defined]
    return found, keys


def translations(lang: Lang) -> gettext.GNUTranslations:
    """The catalog as gettext translations (for jinja2's i18n extension)."""
    return _catalog(lang)[0]


def keys(lang: Lang) -> list[str]:
    """Every key of the catalog, sorted."""
    return list(_catalog(lang)[1])


def known(key: str, lang: Lang) -> bool:
    return key in _catalog(lang)[1]


def message(key: str, lang: Lang) -> str:
    """The words of `key` in `lang`; a key missing from the catalog is a bug (KeyError), never shown."""
    found, known = _catalog(lang)
    if key not in known:
        raise KeyError(key)
    return found.gettext(key)


def plural(key: str, n: int, lang: Lang) -> str:
    """The form of `key` that agrees with `n` (the catalog's plural rule): «семестр», «семестра», …"""
    found, known = _catalog(lang)
    if key not in known:
        raise KeyError(key)
    return found.ngettext(key, f"{key}.plural", n)


class Words(Mapping[str, dict[str, str]]):
    """A table of words under one prefix of the catalog: `Words("doc.")["ru"]["plan"]` is the message
    `doc.plan` in Russian. The code keeps its `WORDS[lang][name]` lookups; the words live in the catalog."""

    def __init__(self, prefix: str) -> None:
        self.prefix = prefix
        self._tables: dict[str, dict[str, str]] = {}

    def __getitem__(self, lang: str) -> dict[str, str]:
        if lang not in LANGS:
            raise KeyError(lang)
        if lang not in self._tables:
            n = len(self.prefix)
            found = {k[n:]: message(k, lang) for k in keys(lang) if k.startswith(self.prefix)}
            self._tables[lang] = found
        return self._tables[lang]

    def __iter__(self) -> Iterator[str]:
        return iter(LANGS)

    def __len__(self) -> int:
        return len(LANGS)
