"""Export-time deduplication: one row per near-duplicate group (``partynews export --dedupe``).

The groups themselves are assigned when articles are stored (``store.dedup``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from typing import Any

UNDATED = datetime.max.replace(tzinfo=UTC)
"""Where undated rows sort in the export order: after every dated one."""


def _row_group(row: dict[str, Any]) -> int:
    """Return the group of an export row; an ungrouped row is a group of its own."""
    group = row.get("near_dup_group")
    return int(group if group is not None else row["id"])


def _published_key(value: str | datetime | None) -> datetime:
    """Sort key of the export order: dated rows by time, undated rows last."""
    if value is None:
        return UNDATED
    return value if isinstance(value, datetime) else datetime.fromisoformat(value)


def _better(candidate: dict[str, Any], current: dict[str, Any]) -> bool:
    """Among rows published at the same time, a central source beats any other."""
    return candidate.get("kind") == "central" and current.get("kind") != "central"


def dedupe_rows(rows: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """Keep one row per ``near_dup_group``: the earliest published, a central source on ties.

    ``rows`` must come in the export order (``published_at`` ascending, undated last, then
    id); a row out of that order raises ValueError. Only the ids of groups already written and
    the rows sharing one ``published_at`` are held, so memory follows the number of groups.
    Remaining ties go to the row that came first (the lowest id). The output keeps the input
    order.
    """
    written: set[int] = set()
    block: dict[int, tuple[int, dict[str, Any]]] = {}
    block_key: datetime | None = None
    for position, row in enumerate(rows):
        key = _published_key(row.get("published_at"))
        if block_key is not None and key != block_key:
            if key < block_key:
                msg = "dedupe_rows needs rows ordered by published_at (undated last), then id"
                raise ValueError(msg)
            yield from _flush(block, written)
        block_key = key
        group = _row_group(row)
        if group in written:
            continue
        kept = block.get(group)
        if kept is None or _better(row, kept[1]):
            block[group] = (position, row)
    yield from _flush(block, written)


def _flush(
    block: dict[int, tuple[int, dict[str, Any]]], written: set[int]
) -> Iterator[dict[str, Any]]:
    """Write the kept row of each group of a finished tie block, in input order."""
    for group, (_, row) in sorted(block.items(), key=lambda item: item[1][0]):
        written.add(group)
        yield row
    block.clear()
