"""argparse's own words in Russian («использование:», «параметры», «показать эту справку и выйти») and
its errors. argparse looks its messages up through gettext's `_` and `ngettext` at call time, and Python
ships no Russian catalog for its domain; these are the translations, switched on for `--lang ru`."""

from __future__ import annotations

import argparse
import gettext

RU = {
    "usage: ": "использование: ",
    "options": "параметры",
    "positional arguments": "аргументы",
    "show this help message and exit": "показать эту справку и выйти",
    "show program's version number and exit": "показать версию и выйти",
    "%(prog)s: error: %(message)s\n": "%(prog)s: ошибка: %(message)s\n",
    "the following arguments are required: %s": "не хватает аргументов: %s",
    "unrecognized arguments: %s": "неизвестные аргументы: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "недопустимое значение: %(value)r (можно: %(choices)s)",
    "argument %(argument_name)s: %(message)s": "аргумент %(argument_name)s: %(message)s",
    "invalid %(type)s value: %(value)r": "недопустимое значение %(type)s: %(value)r",
    "expected one argument": "нужен один аргумент",
    "expected at least one argument": "нужен хотя бы один аргумент",
    "expected at most one argument": "нужно не больше одного аргумента",
    "ambiguous option: %(option)s could match %(matches)s": "неоднозначный параметр: %(option)s — это %(matches)s?",
    "not allowed with argument %s": "нельзя вместе с аргументом %s",
    "one of the arguments %s is required": "нужен один из аргументов %s",
    "ignored explicit argument %r": "лишнее значение %r",
    "can't open '%(filename)s': %(error)s": "не удаётся открыть '%(filename)s': %(error)s",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "неизвестная команда %(parser_name)r (есть: %(choices)s)",
}
RU_PLURAL = {
    "expected %s argument": ("нужен %s аргумент", "нужно %s аргумента", "нужно %s аргументов"),
}


def _ru(message: str) -> str:
    return RU.get(message, message)


def _ru_plural(singular: str, plural: str, n: int) -> str:
    forms = RU_PLURAL.get(singular)
    if forms is None:
        return singular if n == 1 else plural
    from babel import Locale

    category = Locale.parse("ru").plural_form(n)
    return {"one": forms[0], "few": forms[1]}.get(category, forms[2])


def use(lang: str) -> None:
    """argparse speaks `lang` from now on (Russian, or its own English)."""
    ru = lang == "ru"
    argparse._ = _ru if ru else gettext.gettext  # type: ignore[attr-defined]
    argparse.ngettext = _ru_plural if ru else gettext.ngettext  # type: ignore[attr-defined]
