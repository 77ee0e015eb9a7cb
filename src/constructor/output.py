"""Writing files: whole or not at all, with the mode a user expects, never over someone else's change.

- A file is written through a temporary name beside it and renamed into place: never half-written.
- A new file gets the mode the umask gives (`0666 & ~umask`), an existing file keeps its mode.
- A symbolic link is written through: its target changes, the link stays a link.
- A file with other hard links is rewritten in place, so every name still shows the same file.
- `expect` (the bytes read before) refuses to overwrite a file that changed since: an editor's save wins.
- A set of documents goes into a folder under a lock (a second render into the same folder is refused)
  and appears only when every one of them has been written.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterator, Mapping
from pathlib import Path

LOCK_NAME = ".constructor.lock"


class OutputError(Exception):
    """A file could not be written; `reason` says why in the user's words (the CLI exits with 2)."""

    def __init__(self, path: str, reason: str, kind: str = "io") -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason
        self.kind = kind  # io | changed | busy | exists | special (not a regular file)


def _umask_mode() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def _temporary(target: Path, data: bytes, mode: int) -> str:
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.chmod(tmp, mode)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return tmp


def write_file(path: str | Path, data: bytes, expect: bytes | None = None) -> None:
    """Write `data` to `path` (see the module's docstring); OutputError when it cannot."""
    shown = str(path)
    try:
        target = Path(path)
        if target.is_symlink():
            target = target.resolve()
        existing = target.stat() if target.exists() else None
        if existing is not None and not stat.S_ISREG(existing.st_mode):
            # a device, a pipe or a socket: replacing it by a file would destroy it (`-o /dev/full` did)
            raise OutputError(shown, "not a regular file", "special")
        if existing is not None and expect is not None and target.read_bytes() != expect:
            raise OutputError(shown, "changed since it was read", "changed")
        if existing is not None and existing.st_nlink > 1:
            with open(target, "r+b") as f:  # keep the hard links: the same file under every name
                f.write(data)
                f.truncate()
            return
        mode = existing.st_mode & 0o7777 if existing is not None else _umask_mode()
        tmp = _temporary(target, data, mode)
        try:
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OutputError:
        raise
    except OSError as e:
        raise OutputError(shown, e.strerror or str(e)) from e


@contextlib.contextmanager
def _locked(folder: Path) -> Iterator[None]:
    import fcntl

    with open(folder / LOCK_NAME, "a+b") as lock:
        try:
            fcntl.flock(lock.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as e:
            raise OutputError(str(folder), "another render is writing into this folder", "busy") from e
        try:
            yield
        finally:
            with contextlib.suppress(OSError):  # removed while still held: no one can take a stale one
                (folder / LOCK_NAME).unlink()
            fcntl.flock(lock.fileno(), fcntl.LOCK_UN)


def write_set(folder: str | Path, files: Mapping[str, bytes]) -> None:
    """Every file into `folder`, or none of them: all are written under temporary names first, then
    renamed; a failure (a full disk) removes what was written and leaves the folder as it was."""
    out = Path(folder)
    try:
        out.mkdir(parents=True, exist_ok=True)
        with _locked(out):
            mode = _umask_mode()
            written: dict[str, str] = {}
            try:
                for name, data in files.items():
                    target = out / name
                    keep = target.stat().st_mode & 0o7777 if target.exists() else mode
                    written[name] = _temporary(target, data, keep)
                for name, tmp in written.items():
                    os.replace(tmp, out / name)
                written.clear()
            finally:
                for tmp in written.values():
                    Path(tmp).unlink(missing_ok=True)
    except OutputError:
        raise
    except OSError as e:
        raise OutputError(str(folder), e.strerror or str(e)) from e
