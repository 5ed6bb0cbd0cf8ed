"""The incremental export's cursor: the (updated_at, id) pair of the last change an export covered.

An article's ``updated_at`` is set when it is first stored and whenever its content changes, so
"created or revised after the cursor" is ``(updated_at, id) > cursor``: the id orders articles
stored with the same timestamp. A writer picks its timestamp before it commits, so a transaction
still open while an export reads can later commit rows *older* than what the export saw. The
cursor an export prints therefore never goes past the settle horizon: the export's start (on
PostgreSQL: the start of the oldest writing transaction, if earlier) minus `SETTLE`. Changes
newer than the horizon are exported again by the next run (same id and version) rather than
risk missing one.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from crawler.items import VIETNAM

SETTLE = timedelta(seconds=60)
"""How long a write may take between picking its timestamp and committing."""
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_OLDEST_WRITER = text(
    "SELECT min(xact_start) FROM pg_stat_activity "
    "WHERE datname = current_database() AND pid <> pg_backend_pid() "
    "AND backend_xid IS NOT NULL"
)


class CursorError(ValueError):
    """A ``--changed-since`` value that is neither a timestamp nor a printed cursor."""


@dataclass(frozen=True, slots=True)
class Cursor:
    """A point in the stream of changes: after ``updated_at`` (UTC), or after (updated_at, id).

    ``article_id`` None means "every change strictly after ``updated_at``".
    """

    updated_at: datetime
    article_id: int | None = None

    def key(self) -> tuple[datetime, float]:
        """Return the pair cursors compare by; no id sorts after every id of its timestamp."""
        return (self.updated_at, math.inf if self.article_id is None else self.article_id)

    def __str__(self) -> str:
        """Return the printed form: ``TIMESTAMP/ID``, or ``TIMESTAMP`` alone."""
        stamp = self.updated_at.astimezone(UTC).isoformat(timespec="microseconds")
        return stamp if self.article_id is None else f"{stamp}/{self.article_id}"


def parse_cursor(value: str) -> Cursor:
    """Read a printed cursor (``TIMESTAMP/ID``) or a timestamp; naive times are Vietnam time."""
    stamp, slash, article_id = value.strip().partition("/")
    try:
        moment = datetime.fromisoformat(stamp)
        number = int(article_id) if slash else None
    except ValueError:
        msg = f"not a timestamp or export cursor: {value!r} (e.g. 2026-11-22T15:40:00+07:00)"
        raise CursorError(msg) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=VIETNAM)
    return Cursor(moment.astimezone(UTC), number)


def settle_horizon(session: Session, now: datetime) -> datetime:
    """Return the latest point the next cursor may reach: changes after it may still be landing."""
    horizon = now - SETTLE
    if session.get_bind().dialect.name == "postgresql":
        oldest = session.scalar(_OLDEST_WRITER)
        if oldest is not None:
            horizon = min(horizon, oldest - SETTLE)
    return horizon


class CursorTracker:
    """Watches the rows of an export and works out the cursor the next export starts from."""

    def __init__(self, start: Cursor | None, horizon: datetime) -> None:
        """Start from the cursor the export was given (None: a full export)."""
        self.start = start
        self.horizon = horizon
        self.latest: tuple[datetime, int] | None = None

    def watch(self, rows: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
        """Yield ``rows`` unchanged, remembering the latest (updated_at, id) among them."""
        for row in rows:
            pair = (datetime.fromisoformat(row["updated_at"]), int(row["id"]))
            if self.latest is None or pair > self.latest:
                self.latest = pair
            yield row

    def next_cursor(self) -> Cursor:
        """Return the cursor covering what was exported, never past the settle horizon."""
        candidates = [Cursor(EPOCH, 0)]
        if self.start is not None:
            candidates.append(self.start)
        if self.latest is not None:
            candidates.append(Cursor(*self.latest))
        reached = max(candidates, key=Cursor.key)
        ceiling = Cursor(self.horizon.astimezone(UTC), 0)
        return min(reached, ceiling, key=Cursor.key)
