"""The documents' font, DejaVu Sans, and how wide a text is in it.

Typst is given the font's folder alone, so a PDF has the same bytes wherever DejaVu Sans is installed
the same; a document with a character DejaVu Sans has not (中, emoji) gets the system's fonts too,
which set only those characters. Table columns are laid out here (`tables.py`) from the font's own
advance widths, as a browser does from the content's widths.
"""

from __future__ import annotations

import functools
from pathlib import Path

FAMILY = "DejaVu Sans"
_FILES = {
    (False, False): "DejaVuSans.ttf",
    (True, False): "DejaVuSans-Bold.ttf",
    (False, True): "DejaVuSans-Oblique.ttf",
    (True, True): "DejaVuSans-BoldOblique.ttf",
}
_PLACES = (
    Path("/usr/share/fonts/truetype/dejavu"),
    Path("/usr/share/fonts/dejavu"),
    Path("/usr/share/fonts/TTF"),
    Path("/usr/local/share/fonts"),
    Path("/usr/share/fonts"),
)
_FALLBACK = 0.6  # an em's share a character takes when the font is not there (DejaVu Sans's mean)
_NO_WIDTH = {0x200B: 0.0, 0x200C: 0.0, 0x200D: 0.0, 0x2060: 0.0, 0xFEFF: 0.0}  # joiners: not set (inline.py)


@functools.cache
def folder() -> Path | None:
    """The folder holding DejaVuSans.ttf, or None (Typst then uses the fonts it has)."""
    for place in _PLACES:
        if (place / _FILES[False, False]).is_file():
            return place
    for place in _PLACES[-2:]:
        if place.is_dir():
            for found in sorted(place.rglob(_FILES[False, False])):
                return found.parent
    return None


@functools.cache
def _advances(bold: bool, italic: bool) -> dict[int, float]:
    """Character → advance width in ems."""
    place = folder()
    path = place / _FILES[bold, italic] if place is not None else None
    if path is None or not path.is_file():
        return dict(_NO_WIDTH)
    from fontTools.ttLib import TTFont

    font = TTFont(str(path), lazy=True)
    units = font["head"].unitsPerEm
    metrics = font["hmtx"].metrics
    return {char: metrics[glyph][0] / units for char, glyph in font.getBestCmap().items()} | _NO_WIDTH


def covers(text: str) -> bool:
    """Whether DejaVu Sans has every character of `text` (when it is not found: whether it is ASCII)."""
    advances = _advances(False, False)
    return all(ord(c) in advances for c in set(text)) if len(advances) > len(_NO_WIDTH) else text.isascii()


def width(text: str, size: float, bold: bool = False, italic: bool = False) -> float:
    """The text's width in points at `size` points."""
    advances = _advances(bold, italic)
    total = 0.0
    for char in text:
        advance = advances.get(ord(char))
        total += advance if advance is not None else _missing(char)
    return size * total


def _missing(char: str) -> float:
    """A character DejaVu Sans has not (another font sets it): an em when wide (中), else the mean."""
    import unicodedata

    return 1.0 if unicodedata.east_asian_width(char) in ("W", "F") else _FALLBACK
