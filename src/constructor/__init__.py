"""constructor: a competency-constructor curriculum engine for Professionalitet programs.

The pipeline, one stage a package: text → syntax → resolve → graph → compact → render.
"""

from importlib.metadata import PackageNotFoundError, version

from constructor.api import CheckResult, check, load, parse

try:
    __version__ = version("constructor")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0.0.0"

__all__ = ["CheckResult", "__version__", "check", "load", "parse"]
