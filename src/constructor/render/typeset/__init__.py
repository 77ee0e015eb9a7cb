"""PDF by Typst from the documents' HTML: the shipped templates' pages, set in a tenth of the time
WeasyPrint took (issue 18; docs/performance.md).

`source(html)` is the Typst markup (markup.py), `pdf(html)` one PDF, `pdfs(documents)` all of them on
every core (Typst works outside Python's lock, so threads serve). Typst reads no file: the markup
has no `read`, no `image` of a path, no `import` (the report's pictures go in as bytes), and its root
is an empty folder of its own. It reads fonts: DejaVu Sans's, and the system's for a document with
characters DejaVu Sans has not. A user's own templates (`render --templates`) keep their CSS: their
PDFs are WeasyPrint's (render/documents.py).
"""

from __future__ import annotations

import functools
import os
import tempfile
from collections.abc import Callable, Mapping
from typing import Any

from constructor.render.typeset import fonts
from constructor.render.typeset.markup import source

# Typst's clock for the PDF, fixed: the document itself says `date: none`, and the same input gives
# the same bytes (2000-01-01, as the SOURCE_DATE_EPOCH WeasyPrint is given).
_TIMESTAMP = 946684800


@functools.cache
def _fonts(everything: bool) -> Any:
    """The fonts Typst may use, found once (a quarter of a working program's time when found at each):
    DejaVu Sans's folder and Typst's own; with `everything`, the system's too — for a document with
    characters DejaVu Sans has not (中, emoji: a blank box without them, and lost from the PDF's text).
    Finding the system's fonts takes 0.4 s: only such documents wait for it."""
    import typst

    folder = fonts.folder()
    found = [str(folder)] if folder is not None else []
    return typst.Fonts(include_system_fonts=everything or folder is None, include_embedded_fonts=True, font_paths=found)


def pdf(html: str) -> bytes:
    import typst

    compile_: Any = typst.compile  # (its stub ties `font_paths` to the input's type)
    text = source(html)
    found = _fonts(not fonts.covers(text))
    with tempfile.TemporaryDirectory(prefix="constructor-typst-") as root:
        try:
            data = compile_(text.encode("utf-8"), root=root, font_paths=found, timestamp=_TIMESTAMP, pdf_tags=False)
        except BaseException as e:  # a panic inside Typst is not an Exception (pyo3's PanicException)
            if type(e).__name__ != "PanicException":
                raise
            # text Typst's shaping cannot set (inline.py bounds what is known: an Indic syllable of 256
            # letters panicked): WeasyPrint sets this document from the same HTML, rather than none
            from constructor.render.documents import pdf as css_pdf

            return css_pdf(html)
    return bytes(data)


def pdfs(documents: Mapping[str, str], progress: Callable[[int, int], None] | None = None) -> dict[str, bytes]:
    """Document name → PDF, in the documents' order; the longest first on the workers (it bounds the
    wall time). `progress(done, total)` after each."""
    from concurrent.futures import ThreadPoolExecutor

    from constructor.render.pdf_workers import longest_first

    if not documents:
        return {}
    with ThreadPoolExecutor(max_workers=min(len(documents), os.cpu_count() or 1)) as pool:
        done = longest_first(pool, pdf, documents, progress)
    return {n: done[n] for n in documents}


__all__ = ["pdf", "pdfs", "source"]
