"""The message catalog: every word the constructor shows, in both languages, with the same
placeholders; every key the code names exists; no template or module chooses words by language."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from constructor.i18n import LANGS, LOCALE, Words, keys, message, plural
from constructor.words import noun

ROOT = Path(__file__).resolve().parents[1]


def _catalog(lang: str) -> dict[object, object]:
    with (LOCALE / lang / "LC_MESSAGES" / "constructor.po").open("rb") as f:
        return {m.id: m.string for m in read_po(f, locale=lang) if m.id}


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_message_is_in_both_languages_with_the_same_placeholders() -> None:
    ru, en = _catalog("ru"), _catalog("en")
    assert ru.keys() == en.keys()
    assert len(ru) > 600
    for key in ru:
        for lang, table in (("ru", ru), ("en", en)):
            value = table[key]
            forms = value if isinstance(value, tuple) else (value,)
            assert all(isinstance(f, str) and f for f in forms), (lang, key)
        if isinstance(key, str):
            assert _fields(str(ru[key])) == _fields(str(en[key])), key


def test_plural_forms_agree_with_numbers() -> None:
    assert [noun(n, "term", "ru") for n in (1, 2, 5, 11, 21, 22, 25)] == [
        "1 семестр",
        "2 семестра",
        "5 семестров",
        "11 семестров",
        "21 семестр",
        "22 семестра",
        "25 семестров",
    ]
    assert [noun(n, "exam", "en") for n in (1, 2)] == ["1 exam", "2 exams"]
    assert plural("noun.credit", 3, "ru") == "зачёта"


def test_every_key_the_code_names_exists() -> None:
    """`Msg("…")` keys and the prefixes of word tables, read from the source: a typo is a failing test,
    not a KeyError in front of a user."""
    known = set(keys("ru"))
    named: set[str] = set()
    for path in (ROOT / "src" / "constructor").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        named |= set(re.findall(r'\bMsg\(\s*"([^"{}]+)"', text))
        for prefix in re.findall(r'\bWords\("([^"]+)"\)', text):
            assert any(k.startswith(prefix) for k in known), (path.name, prefix)
    missing = sorted(k for k in named if k not in known)
    assert missing == []
    with pytest.raises(KeyError):
        message("no-such-key", "ru")


def test_word_tables_have_the_same_words_in_both_languages() -> None:
    for prefix in ("doc.", "syllabus.", "note.", "title.", "text.", "cli.", "report.", "calendar.legend."):
        table = Words(prefix)
        assert table["ru"].keys() == table["en"].keys(), prefix
        assert list(table) == list(LANGS)


def test_no_template_or_module_chooses_words_by_language() -> None:
    """Words come from the catalog; `if lang == "ru"` is how they used to be written. The formatter's
    keyword spellings and the language's spellings of values (`values.spelt`: the .comp language itself,
    not messages) are the only choice left by language."""
    allowed = {"format.py", "format_rows.py", "values.py", "views.py", "argparse_ru.py", "i18n.py"}
    offenders = []
    for path in [*(ROOT / "templates").glob("*.j2"), *(ROOT / "src" / "constructor").rglob("*.py")]:
        if path.name in allowed or "templates" in path.parts[len(ROOT.parts) + 1 :]:
            continue
        text = path.read_text(encoding="utf-8")
        if re.search(r'lang == "(ru|en)"|if ru else', text):
            offenders.append(path.name)
    assert offenders == []


def test_the_compiled_catalog_is_the_po_files_own() -> None:
    """An installed package reads the `.mo` its build compiled (hatch_build.py); it says what the `.po`
    beside it says (from a source tree both sides are the `.po`)."""
    import gettext
    import io

    from constructor.i18n import DOMAIN, compile_po, translations

    for lang in LANGS:
        po = LOCALE / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
        fresh = gettext.GNUTranslations(io.BytesIO(compile_po(po, lang)))
        assert fresh._catalog == translations(lang)._catalog  # type: ignore[attr-defined]


def test_a_keyword_a_message_quotes_is_spelt_as_the_file_writes_keywords() -> None:
    """A hint's own `covers` or `36 h` is respelt in the file's keyword language (a newcomer's Russian
    file was told to add a competency to `covers` and to write `36 h`); codes, numbers alone and values
    stay as they are, and each quoted piece is paired left to right (`36` or `36 h` kept its «or»)."""
    import constructor.syntax.keywords  # noqa: F401  (sets the spellings, as any run that parses does)
    from constructor.i18n import KEYWORD_LANG, Msg

    for lang in ("ru", "en"):
        token = KEYWORD_LANG.set("ru")
        try:
            hint = Msg("unused-competency.help").text(lang)  # type: ignore[arg-type]
            number = Msg("invalid-number.help").text(lang)  # type: ignore[arg-type]
        finally:
            KEYWORD_LANG.reset(token)
        assert "`формирует`" in hint and "`covers`" not in hint
        assert "`36 ч`" in number and "`36`" in number and ("или" in number) == (lang == "ru")
        token = KEYWORD_LANG.set("en")
        try:
            assert "`covers`" in Msg("unused-competency.help").text(lang)  # type: ignore[arg-type]
            assert "`36 h`" in Msg("invalid-number.help").text(lang)  # type: ignore[arg-type]
        finally:
            KEYWORD_LANG.reset(token)
