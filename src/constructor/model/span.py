"""Where something was written: the contract every stage uses to point back at the source."""

from __future__ import annotations

import dataclasses


# A slotted dataclass, not a pydantic model: a catalog holds a dozen spans a competency, and a model
# instance costs about 1 KiB where this costs about 110 bytes. Pydantic models still take it as a field
# type (validated, dumped, in JSON schemas), and the parse cache pickles it smaller.
@dataclasses.dataclass(frozen=True, slots=True)
class Span:
    """A range of source text: 1-based lines and columns, the end column exclusive."""

    file: str
    line: int
    column: int
    end_line: int
    end_column: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"

    def __reduce__(self) -> tuple[type[Span], tuple[str, int, int, int, int]]:
        # rebuilt by its constructor: a frozen slotted dataclass's default unpickling looks its fields up
        # and sets them one by one, 3.5 µs a span, half of reading a large catalog from the parse cache
        return Span, (self.file, self.line, self.column, self.end_line, self.end_column)
