"""argparse's own words in Russian («использование:», «параметры», «показать эту справку и выйти») and
its errors. argparse looks its messages up through gettext's `_` and `ngettext` at call time, and Python
ships no Russian catalog for its domain; the translations are the message catalog's (`argparse.` keys),
switched on for `--lang ru`."""

from __future__ import annotations

import argparse
import gettext

from constructor import i18n


def _ru(message: str) -> str:
    key = f"argparse.{message}"
    return i18n.message(key, "ru") if i18n.known(key, "ru") else message


def _ru_plural(singular: str, plural: str, n: int) -> str:
    key = f"argparse.{singular}"
    if i18n.known(key, "ru"):
        return i18n.plural(key, n, "ru")
    return singular if n == 1 else plural


def use(lang: str) -> None:
    """argparse speaks `lang` from now on (Russian, or its own English)."""
    ru = lang == "ru"
    argparse._ = _ru if ru else gettext.gettext  # type: ignore[attr-defined]
    argparse.ngettext = _ru_plural if ru else gettext.ngettext  # type: ignore[attr-defined]
