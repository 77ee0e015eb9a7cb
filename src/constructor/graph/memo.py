"""Values computed once per object, by identity.

The language server rebuilds the graph and re-runs the checks after every edit from mostly the same
declaration objects (the unchanged files keep their parse), so what is derived from one declaration
alone — its requisites, its normalised texts — is kept with the object. Keyed by `id`, with the object
held in its entry so that the id cannot be reused while the entry lives; frozen models never change,
so an entry is never stale. Bounded: cleared when full.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

K = TypeVar("K")
V = TypeVar("V")


class ByObject(Generic[K, V]):
    def __init__(self, make: Callable[[K], V], limit: int = 1 << 18) -> None:
        self._make = make
        self._limit = limit
        self._entries: dict[int, tuple[K, V]] = {}
        _ALL.append(self)

    def __call__(self, obj: K) -> V:
        entry = self._entries.get(id(obj))
        if entry is not None and entry[0] is obj:
            return entry[1]
        if len(self._entries) >= self._limit:
            self._entries.clear()
        value = self._make(obj)
        self._entries[id(obj)] = (obj, value)
        return value


_ALL: list[ByObject] = []  # type: ignore[type-arg]


def forget() -> None:
    """Every kept value dropped (a benchmark times the cold case this way)."""
    for memo in _ALL:
        memo._entries.clear()
