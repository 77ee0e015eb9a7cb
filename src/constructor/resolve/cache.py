"""A persistent parse cache, as linters keep one: a file whose text has not changed is not parsed again.

Entries live in the user's cache folder (`$CONSTRUCTOR_CACHE_DIR`, else `$XDG_CACHE_HOME`, else
`~/.cache`), under `constructor/parse/`. An entry is the parse of one text under one shown path by
one build of the parser: its name is a digest of the text, the path (spans name it) and the source of
the packages that make the models (`syntax/`, `model/`, the grammar), so an edited file, a moved file or
a changed parser simply misses. Entries are written under a temporary name and renamed, so two runs at
once never read half an entry; one that cannot be read is removed and the file parsed again; the folder
is kept under `MAX_BYTES` by removing the entries used longest ago. A folder that cannot be made or
written is no cache, never an error.

The entries are pickles of the parser's own models, read back only from the user's own cache folder: a
cache is as trusted as the user's home (docs/security.md).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable
from functools import cache
from pathlib import Path

from constructor.diagnostics import Diagnostic
from constructor.model import SourceFile

MAX_BYTES = 512 * 2**20
ParseFn = Callable[[str, str], tuple[SourceFile, list[Diagnostic]]]


def cache_folder() -> Path:
    """Beside the grammar's cache (syntax/grammar.py): one folder for the constructor's caches."""
    from constructor.shipped import user_cache

    return user_cache() / "parse"


@cache
def _parser_digest() -> bytes:
    """What the models depend on: the grammar and the code that builds and defines them."""
    import constructor
    from constructor.syntax.grammar import grammar_text

    root = Path(constructor.__file__).parent
    h = hashlib.sha256(grammar_text().encode("utf-8"))
    h.update(constructor.__version__.encode())
    for folder in ("syntax", "model"):
        for path in sorted((root / folder).glob("*.py")):
            h.update(path.name.encode())
            h.update(path.read_bytes())
    return h.digest()


class ParseCache:
    """`parse(text, shown)` through the cache in `folder`."""

    def __init__(self, parse: ParseFn, folder: Path | None = None) -> None:
        self._parse = parse
        self.folder = folder or cache_folder()
        self.hits = self.misses = 0
        self._checked_size = False

    def _key(self, text: str, shown: str) -> Path:
        h = hashlib.sha256(_parser_digest())
        h.update(shown.encode("utf-8", "surrogatepass"))
        h.update(b"\0")
        h.update(text.encode("utf-8", "surrogatepass"))
        digest = h.hexdigest()
        return self.folder / digest[:2] / digest[2:]

    def __call__(self, text: str, shown: str) -> tuple[SourceFile, list[Diagnostic]]:
        path = self._key(text, shown)
        found = self._read(path)
        if found is not None:
            self.hits += 1
            return found
        self.misses += 1
        result = self._parse(text, shown)
        self._write(path, result)
        return result

    def _read(self, path: Path) -> tuple[SourceFile, list[Diagnostic]] | None:
        import gc

        data = read_entry(path, MAX_BYTES)
        if data is None:
            return None
        was = gc.isenabled()
        gc.disable()  # a large entry is millions of small objects: the collector would rescan them all
        try:
            source, diags = pickle.loads(data)
            if not isinstance(source, SourceFile) or not isinstance(diags, list):
                raise TypeError("not an entry")
        except Exception:  # a damaged or foreign entry: removed, and the file parsed again
            path.unlink(missing_ok=True)
            return None
        finally:
            if was:
                gc.enable()
        with contextlib.suppress(OSError):
            os.utime(path)  # used now: the last to be evicted
        return source, diags

    def _write(self, path: Path, result: tuple[SourceFile, list[Diagnostic]]) -> None:
        if not write_entry(path, result):
            return  # no cache then, not an error
        if not self._checked_size:
            self._checked_size = True
            self.evict()

    def evict(self, limit: int = MAX_BYTES) -> None:
        evict(self.folder, limit)


def read_entry(path: Path, limit: int) -> bytes | None:
    """An entry's bytes, if it is a regular file of at most `limit` bytes: a FIFO or a link to a device
    planted in the cache folder is not waited on or read without end (opened without blocking, checked
    on the open descriptor, read no further than the limit)."""
    import stat

    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError:
        return None
    with os.fdopen(fd, "rb") as f:
        try:
            if not stat.S_ISREG(os.fstat(f.fileno()).st_mode):
                return None
            data = f.read(limit + 1)
        except OSError:
            return None
    return data if len(data) <= limit else None


def write_entry(path: Path, value: object) -> bool:
    """`value` pickled to `path` through a temporary name (a concurrent reader never sees half an
    entry; a failed write leaves nothing behind); False when it could not be written."""
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        with os.fdopen(fd, "wb") as f:
            pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        tmp = None
        return True
    except (OSError, pickle.PicklingError, RecursionError):
        return False
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def evict(folder: Path, limit: int) -> None:
    """Remove the entries used longest ago until `folder` holds at most three quarters of `limit`."""
    try:
        entries = [(p.stat().st_mtime, p.stat().st_size, p) for p in folder.glob("*/*") if p.is_file()]
    except OSError:
        return
    total = sum(size for _, size, _ in entries)
    if total <= limit:
        return
    for _, size, p in sorted(entries):
        p.unlink(missing_ok=True)
        total -= size
        if total <= limit * 3 // 4:
            break
