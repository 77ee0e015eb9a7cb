"""constructor: a competency-constructor curriculum engine for Professionalitet programs.

The pipeline, one stage a package: text → syntax → resolve → graph → compact → render.
The public functions are imported on first use, so `constructor --help` stays fast.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from constructor.api import CheckResult, check, load, parse

try:
    __version__ = version("constructor")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0.0.0"

__all__ = ["CheckResult", "__version__", "check", "load", "parse"]


def __getattr__(name: str) -> Any:
    if name in ("CheckResult", "check", "load", "parse"):
        from constructor import api

        return getattr(api, name)
    raise AttributeError(f"module 'constructor' has no attribute {name!r}")
