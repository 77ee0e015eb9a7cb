"""Files → parsed `SourceFile`s: folders walked, `use` followed, bad files diagnosed.

Only this module (and the CLI and writers) touches the file system. A `use` path is relative to
the file that says it and may not leave the project root: the folder holding `constructor.toml`
above the file, or the `--root` given.
"""

from __future__ import annotations

import os
import stat
from collections import deque
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from constructor.diagnostics import Diagnostic, Label, diagnostic
from constructor.i18n import Msg
from constructor.model import SourceFile, Span
from constructor.syntax import parse_text

MAX_FILE_BYTES = 32 * 1024 * 1024
ROOT_MARKER = "constructor.toml"


@dataclass
class Loaded:
    files: list[SourceFile] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    sources: dict[str, str] = field(default_factory=dict)  # shown path → text, for snippets
    imports: dict[str, list[str]] = field(default_factory=dict)  # shown path → the files it uses


def display_path(path: Path) -> str:
    """The path as a user should see it: relative to the working folder when inside it."""
    try:
        rel = path.relative_to(Path.cwd().resolve())
        return rel.as_posix()
    except ValueError:
        return path.as_posix()


def find_root(path: Path) -> Path | None:
    """The nearest folder above `path` holding `constructor.toml`."""
    start = path if path.is_dir() else path.parent
    for folder in (start, *start.parents):
        if (folder / ROOT_MARKER).is_file():
            return folder
    return None


def _file_span(shown: str) -> Span:
    return Span(file=shown, line=1, column=1, end_line=1, end_column=1)


def read_bytes(path: Path, shown: str) -> tuple[bytes | None, list[Diagnostic]]:
    """A file's bytes, or None with the reason: missing, a folder, not a regular file, too large."""
    span = _file_span(shown)
    try:
        if path.is_dir():
            return None, [diagnostic("C005", "not-a-file", span, path=shown)]
        # only a regular file is read: a device (/dev/zero) would never end and a FIFO would block;
        # it is opened without blocking and checked on the open descriptor, so a swap cannot fool it
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
        with os.fdopen(fd, "rb") as f:
            if not stat.S_ISREG(os.fstat(f.fileno()).st_mode):
                return None, [diagnostic("C005", "not-a-regular-file", span, path=shown)]
            data = f.read(MAX_FILE_BYTES + 1)  # the limit holds while reading, whatever the size said
        if len(data) > MAX_FILE_BYTES:
            size = max(path.stat().st_size, len(data))
            too_large = diagnostic(
                "C004",
                "file-too-large",
                span,
                help="file-too-large.help",
                size=f"{size / 2**20:.1f}",
                limit=MAX_FILE_BYTES // 2**20,
            )
            return None, [too_large]
    except FileNotFoundError:
        return None, [diagnostic("C001", "file-not-found", None, path=shown)]
    except (OSError, ValueError) as e:
        reason = e.strerror if isinstance(e, OSError) and e.strerror else str(e)
        return None, [diagnostic("C001", "file-unreadable", None, path=shown, reason=reason)]
    return data, []


def read_source(path: Path, shown: str) -> tuple[str | None, list[Diagnostic], str | None]:
    """The text of a file, or None with the reason: missing, a folder, too large, binary, not UTF-8.

    The third value is what to show of a file that is not UTF-8 (its bytes decoded with
    replacement characters), so the diagnostic can point at the line with the bad byte.
    """
    span = _file_span(shown)
    data, problems = read_bytes(path, shown)
    if data is None:
        return None, problems, None
    if b"\x00" in data:
        return None, [diagnostic("C003", "binary-file", span, help="binary-file.help")], None
    try:
        return data.decode("utf-8-sig"), [], None
    except UnicodeDecodeError as e:
        line_start = data.rfind(b"\n", 0, e.start) + 1
        line = data.count(b"\n", 0, e.start) + 1
        column = len(data[line_start : e.start].decode("utf-8", "replace")) + 1
        bad = Span(file=shown, line=line, column=column, end_line=line, end_column=column + 1)
        return (
            None,
            [diagnostic("C002", "invalid-utf8", bad, help="invalid-utf8.help", byte=f"{data[e.start]:02X}")],
            data.decode("utf-8", "replace"),
        )


def _expand(
    paths: Iterable[str | Path], loaded: Loaded, overlay: Mapping[Path, str] | None = None
) -> list[tuple[Path, Path]]:
    """The files to check, each with the root to use when no `constructor.toml` is above it:
    the folder named on the command line, or the file's own folder."""
    files: list[tuple[Path, Path]] = []
    for raw in paths:
        path = Path(raw)
        if overlay and resolved(path) in overlay:
            files.append((path, resolved(path).parent))
        elif not path.exists():
            loaded.diagnostics.append(diagnostic("C001", "file-not-found", None, path=str(raw)))
        elif path.is_dir():
            folder = resolved(path)
            found = []
            for p in sorted(path.rglob("*.comp")):
                # a link in the folder to a file outside it is not read: a shared folder could otherwise
                # show any file of the machine in a diagnostic
                if not _inside(p, folder):
                    loaded.diagnostics.append(
                        diagnostic("C105", "link-escapes-folder", None, path=display_path(p), folder=str(raw))
                    )
                elif p.is_file():
                    found.append(p)
            if not found:
                loaded.diagnostics.append(diagnostic("C006", "no-comp-files", None, path=str(raw)))
            files.extend((p, folder) for p in found)
        else:
            files.append((path, resolved(path).parent))
    return files


ParseFn = Callable[[str, str], tuple[SourceFile, list[Diagnostic]]]


def load_files(
    paths: Iterable[str | Path],
    root: str | Path | None = None,
    *,
    overlay: Mapping[Path, str] | None = None,
    parse: ParseFn = parse_text,
) -> Loaded:
    """Parse the files named (folders: every `.comp` under them) and every file they `use`.

    `overlay` gives the text of files being edited (by resolved path) instead of what is on disk;
    `parse` may be a caching parser (the language server keeps parsed files by content)."""
    loaded = Loaded()
    queue: deque[tuple[Path, Path]] = deque()
    for path, fallback in _expand(paths, loaded, overlay):
        full = resolved(path)
        queue.append((full, resolved(Path(root)) if root else find_root(full) or fallback))
    seen: set[Path] = set()
    while queue:
        path, project_root = queue.popleft()
        if path in seen:
            continue
        seen.add(path)
        shown = display_path(path)
        text: str | None
        problems: list[Diagnostic]
        shown_text: str | None
        if overlay is not None and path in overlay:
            text, problems, shown_text = overlay[path], [], None
        else:
            text, problems, shown_text = read_source(path, shown)
        loaded.diagnostics.extend(problems)
        if text is None:
            if shown_text is not None:
                loaded.sources[shown] = shown_text
            continue
        loaded.sources[shown] = text
        source, diags = parse(text, shown)
        loaded.diagnostics.extend(diags)
        loaded.files.append(source)
        imports = loaded.imports.setdefault(shown, [])
        used: dict[Path, Span] = {}
        for use in source.uses:
            try:
                target = (path.parent / use.path).resolve()
            except (OSError, ValueError):  # a name the file system refuses (too long, a NUL): not found
                target = path.parent / "\u2400missing"
            except RuntimeError:  # a link loop: the file cannot be read (C003 when it is read)
                target = Path(os.path.abspath(path.parent / use.path))
            if target in used:
                loaded.diagnostics.append(
                    diagnostic(
                        "C106",
                        "duplicate-use",
                        use.span,
                        labels=[Label(used[target], Msg("duplicate-use.label"))],
                        path=use.path,
                    )
                )
                continue
            used[target] = use.span
            if not target.is_relative_to(project_root):
                loaded.diagnostics.append(
                    diagnostic(
                        "C105",
                        "use-escapes-root",
                        use.span,
                        help="use-escapes-root.help",
                        path=use.path,
                        root=display_path(project_root),
                    )
                )
            elif not _exists(target) and not (overlay and target in overlay):
                similar = _similar_use(path.parent, use.path, project_root)
                loaded.diagnostics.append(
                    diagnostic(
                        "C104",
                        "use-not-found",
                        use.span,
                        help="use-not-found.similar" if similar else "use-not-found.help",
                        path=use.path,
                        folder=display_path(path.parent),
                        similar=similar or "",
                    )
                )
            elif target.is_dir():
                loaded.diagnostics.append(diagnostic("C005", "not-a-file", use.span, path=use.path))
            else:
                imports.append(display_path(target))
                queue.append((target, project_root))
    loaded.files.sort(key=lambda f: f.path)
    return loaded


MAX_SIMILAR_SCAN = 5000


def _similar_use(folder: Path, written: str, project_root: Path) -> str | None:
    """The `use` path of an existing `.comp` file of the project most like the one written (a typo in
    the name, one `../` too many or too few), relative to the folder of the file that uses it."""
    import difflib
    import itertools
    import os

    try:
        files = [
            p for p in itertools.islice(project_root.rglob("*.comp"), MAX_SIMILAR_SCAN) if _inside(p, project_root)
        ]
    except OSError:
        return None
    written_name = Path(written).name
    by_path = {Path(os.path.relpath(p, folder)).as_posix(): p for p in files}
    close = difflib.get_close_matches(written, list(by_path), n=1, cutoff=0.75)
    if not close:  # the right name in another folder: `../09.02.07/whole.comp` for `../../09.02.07/whole.comp`
        named = sorted(k for k, p in by_path.items() if p.name == written_name)
        close = difflib.get_close_matches(written, named, n=1, cutoff=0.0)
    return close[0] if close else None


def resolved(path: Path) -> Path:
    """`Path.resolve()`, or the absolute path where the links cannot be followed: a link loop raises
    RuntimeError in Python 3.11 (a hostile `use "loop.comp"` was an internal error), and reading that
    path then fails as any unreadable file does (C003)."""
    try:
        return path.resolve()
    except (OSError, RuntimeError, ValueError):
        return Path(os.path.abspath(path))


def _exists(path: Path) -> bool:
    """`Path.exists`, with a name the file system refuses (too long, a NUL byte) as not existing."""
    try:
        return path.exists()
    except (OSError, ValueError):
        return False


def _inside(path: Path, folder: Path) -> bool:
    try:
        return path.resolve().is_relative_to(folder)
    except (OSError, RuntimeError):  # a link loop
        return False
