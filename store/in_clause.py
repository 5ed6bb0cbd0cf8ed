"""Long ``IN (...)`` lists cut into pieces every database accepts."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TypeVar

IN_CLAUSE_SIZE = 500
"""Values per ``IN (...)`` list: far below SQLite's limit on bound parameters."""

_Value = TypeVar("_Value")


def in_clause_chunks(values: Sequence[_Value]) -> Iterator[Sequence[_Value]]:
    """Yield ``values`` in order, at most ``IN_CLAUSE_SIZE`` at a time."""
    for start in range(0, len(values), IN_CLAUSE_SIZE):
        yield values[start : start + IN_CLAUSE_SIZE]
