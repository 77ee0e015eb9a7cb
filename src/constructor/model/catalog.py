"""A resolved set of files: what `load` returns and the graph stage reads."""

from __future__ import annotations

from functools import cached_property

from constructor.model.source import AnyDeclaration, SourceFile
from constructor.model.values import Frozen


class Catalog(Frozen):
    """Every file reached from the paths given (through `use`), in a deterministic order."""

    files: tuple[SourceFile, ...] = ()
    imports: dict[str, tuple[str, ...]] = {}  # file → the files its `use` lines name
    unreadable: tuple[str, ...] = ()  # files not read, or with a `use` that failed

    def complete(self, scope: tuple[str, ...]) -> bool:
        """Every declaration of the scope was read: no file of it is unreadable, has a failed `use`,
        or a declaration a syntax error kept from being read. Checks of what a scope lacks need this."""
        by_path = self.by_path
        return not any(p in self.unreadable or (p in by_path and by_path[p].unread) for p in scope)

    @cached_property
    def by_path(self) -> dict[str, SourceFile]:
        return {f.path: f for f in self.files}

    def visible(self, path: str) -> tuple[str, ...]:
        """A file and every file it reaches through `use`: the declarations it can refer to."""
        seen = {path}
        stack = [path]
        while stack:
            for nxt in self.imports.get(stack.pop(), ()):
                if nxt not in seen:
                    seen.add(nxt)
                    stack.append(nxt)
        return tuple(sorted(seen))

    def scopes(self) -> list[tuple[str, ...]]:
        """The largest sets of files that see each other: each file's scope that no other contains.

        Checks that need the whole picture (the graph, a program) run once per such scope."""
        all_scopes = sorted({self.visible(f.path) for f in self.files}, key=lambda s: (-len(s), s))
        kept: list[tuple[str, ...]] = []
        for scope in all_scopes:
            members = set(scope)
            if not any(members <= set(k) for k in kept):
                kept.append(scope)
        return sorted(kept)

    def table(self, scope: tuple[str, ...]) -> dict[str, AnyDeclaration]:
        """The declarations a scope sees, by code (the first of duplicates: those are diagnosed apart)."""
        paths = set(scope)
        out: dict[str, AnyDeclaration] = {}
        for source in self.files:
            if source.path in paths:
                for decl in source.all_declarations():
                    out.setdefault(decl.code, decl)
        return out

    @cached_property
    def by_code(self) -> dict[str, AnyDeclaration]:
        """Each code's first declaration (duplicates are diagnosed by the resolver)."""
        table: dict[str, AnyDeclaration] = {}
        for source in self.files:
            for decl in source.all_declarations():
                table.setdefault(decl.code, decl)
        return table

    def get(self, code: str) -> AnyDeclaration | None:
        return self.by_code.get(code)

    def of_type(self, cls: type[AnyDeclaration]) -> list[AnyDeclaration]:
        return [d for d in self.by_code.values() if isinstance(d, cls)]

    def counts(self) -> dict[str, int]:
        """How many declarations of each kind, for the summary line."""
        out: dict[str, int] = {}
        for decl in self.by_code.values():
            out[decl.thing] = out.get(decl.thing, 0) + 1
        return out
