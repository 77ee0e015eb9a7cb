"""Safe, bounded file names for documents: a module's code is the user's text, and a file name is not."""

from __future__ import annotations

import hashlib
import re

MAX_STEM = 80  # characters; file systems allow 255 bytes, and Cyrillic takes two bytes a letter
_UNSAFE = re.compile(r"[^\w.\-]+")


def safe_file_name(name: str) -> str:
    """`syllabus-ПМ.01.html` stays as it is; anything else a file system could refuse or misread (a
    slash, a control character, a leading dot, 200 characters) becomes a short name with a hash of the
    original, so two documents never share a name."""
    stem, dot, ext = name.rpartition(".")
    if not dot:
        stem, ext = name, ""
    clean = _UNSAFE.sub("_", stem).lstrip(".")
    if clean == stem and len(stem) <= MAX_STEM:
        return name
    digest = hashlib.sha256(stem.encode("utf-8")).hexdigest()[:10]
    return f"{clean[:MAX_STEM]}-{digest}" + (f".{ext}" if ext else "")
