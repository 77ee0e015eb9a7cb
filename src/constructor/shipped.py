"""Where the data shipped with the constructor is: the grammar, the catalogs, the templates and the docs.

An installed wheel carries them inside the package (`constructor/grammars`, …: hatch's force-include);
a source tree (`pip install -e .`, or `PYTHONPATH=src`) keeps them at the repository's top, next to
`src/`. Both are found the same way, so nothing needs copying or linking to run from a checkout.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path
from typing import Literal

Shipped = Literal["grammars", "catalogs", "templates", "docs"]


@cache
def shipped(name: Shipped) -> Path:
    """The folder of shipped data `name`."""
    inside = Path(str(resources.files("constructor").joinpath(name)))
    if inside.is_dir():
        return inside
    checkout = Path(__file__).resolve().parents[2] / name  # src/constructor/shipped.py → the repository
    if checkout.is_dir():
        return checkout
    return inside  # neither: the caller's reading fails with the path it looked for


def user_cache() -> Path:
    """The constructor's folder in the user's cache (`$CONSTRUCTOR_CACHE_DIR`, else `$XDG_CACHE_HOME`, else
    `~/.cache`, then `constructor/`): the analysed grammar and the parse cache live there."""
    import os

    base = os.environ.get("CONSTRUCTOR_CACHE_DIR") or os.environ.get("XDG_CACHE_HOME") or "~/.cache"
    return Path(base).expanduser() / "constructor"
