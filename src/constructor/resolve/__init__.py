"""Files and codes: follow `use`, build the catalog, resolve every reference."""

from constructor.resolve.loader import Loaded, load_files
from constructor.resolve.references import resolve

__all__ = ["Loaded", "load_files", "resolve"]
