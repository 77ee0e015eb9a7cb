"""The processes that make the PDFs of a user's own templates (WeasyPrint, for their CSS), started
before the PDFs are wanted. (The shipped templates' PDFs are Typst's, on threads: render/typeset.)

`render --templates` starts them as soon as the program's plan is made: each worker imports WeasyPrint (most of a
second and a half) while the main process still evaluates the bundles and renders the HTML, on a core
that would otherwise wait. A document's bytes do not depend on the worker or on what it rendered before
(`tests/test_syllabus.py` renders one alone, after the plan and after another).
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Mapping
from concurrent.futures import Executor, ProcessPoolExecutor


def _warm() -> None:
    """A worker's start: the PDF engine imported before the first document arrives."""
    from constructor.render.documents import SOURCE_DATE_EPOCH

    os.environ["SOURCE_DATE_EPOCH"] = SOURCE_DATE_EPOCH
    import weasyprint  # noqa: F401  (imported for its cost, now rather than at the first document)


def _ready() -> None:
    """Nothing: submitted once a worker, so that every worker starts (they start when work comes)."""


def start(count: int | None = None) -> ProcessPoolExecutor:
    """`count` workers (every core by default), starting now; the caller shuts them down."""
    workers = count or os.cpu_count() or 1
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"), initializer=_warm)
    for _ in range(workers):
        pool.submit(_ready)
    return pool


def longest_first(
    pool: Executor,
    make: Callable[[str], bytes],
    documents: Mapping[str, str],
    progress: Callable[[int, int], None] | None = None,
) -> dict[str, bytes]:
    """`make` of every document on `pool`, the longest first (it bounds the wall time); name → bytes,
    in the order they finished (callers put them in theirs); `progress(done, total)` after each."""
    from concurrent.futures import as_completed

    names = sorted(documents, key=lambda n: (-len(documents[n]), n))
    futures = {pool.submit(make, documents[n]): n for n in names}
    done: dict[str, bytes] = {}
    for future in as_completed(futures):
        done[futures[future]] = future.result()
        if progress is not None:
            progress(len(done), len(names))
    return done
