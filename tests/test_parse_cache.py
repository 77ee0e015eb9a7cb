"""The persistent parse cache: a file unchanged since the last run is not parsed again, and nothing
about the cache can make a check wrong (a changed file, a moved file, a damaged entry, a full folder)."""

from __future__ import annotations

import pickle
from pathlib import Path

from constructor.api import check
from constructor.resolve.cache import ParseCache
from constructor.syntax import parse_text

TEXT = 'competency ПК-1.1 "Первая" { hours theory 36 }\ncompetency ПК-1.2 "Вторая" { requires ПК-1.1 }\n'


def test_a_second_parse_of_the_same_text_is_read_from_the_cache(tmp_path: Path) -> None:
    cache = ParseCache(parse_text, tmp_path)
    first = cache(TEXT, "a.comp")
    second = ParseCache(parse_text, tmp_path)(TEXT, "a.comp")  # another run
    assert second == first and cache.misses == 1
    again = ParseCache(parse_text, tmp_path)
    again(TEXT, "a.comp")
    assert (again.hits, again.misses) == (1, 0)


def test_an_edit_or_a_move_misses(tmp_path: Path) -> None:
    cache = ParseCache(parse_text, tmp_path)
    cache(TEXT, "a.comp")
    edited = cache(TEXT.replace("36", "40"), "a.comp")
    moved = cache(TEXT, "b.comp")
    assert cache.misses == 3
    assert edited[0].declarations[0].hours.theory == 40  # type: ignore[union-attr]
    assert moved[0].path == "b.comp" and moved[0].declarations[0].span.file == "b.comp"


def test_a_damaged_entry_is_parsed_again_and_replaced(tmp_path: Path) -> None:
    cache = ParseCache(parse_text, tmp_path)
    good = cache(TEXT, "a.comp")
    (entry,) = [p for p in tmp_path.glob("*/*") if p.is_file()]
    for damage in (b"garbage", pickle.dumps(("not", "an entry")), b""):
        entry.write_bytes(damage)
        fresh = ParseCache(parse_text, tmp_path)
        assert fresh(TEXT, "a.comp") == good and fresh.misses == 1


def test_a_folder_that_cannot_be_written_is_no_cache(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    cache = ParseCache(parse_text, blocked / "parse")
    assert cache(TEXT, "a.comp") == parse_text(TEXT, "a.comp")


def test_the_folder_is_kept_under_its_limit_by_removing_the_least_recently_used(tmp_path: Path) -> None:
    cache = ParseCache(parse_text, tmp_path)
    for i in range(6):
        cache(TEXT.replace("36", str(i + 1)), "a.comp")
    sizes = {p: p.stat().st_size for p in tmp_path.glob("*/*")}
    cache.evict(limit=sum(sizes.values()) // 2)
    assert 0 < len(list(tmp_path.glob("*/*"))) < 6


def test_check_gives_the_same_result_from_the_cache(tmp_path: Path, monkeypatch: object) -> None:
    example = Path(__file__).resolve().parents[1] / "catalogs" / "examples" / "welding"
    first = check([example], cache=True)
    second = check([example], cache=True)
    plain = check([example])
    assert (
        [d.code for d in first.diagnostics]
        == [d.code for d in second.diagnostics]
        == [d.code for d in plain.diagnostics]
    )
    assert second.catalog == plain.catalog
