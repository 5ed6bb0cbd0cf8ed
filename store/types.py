"""Column types that behave the same on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, DateTime, Dialect
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.types import TypeDecorator, TypeEngine

JsonType: TypeEngine[Any] = JSON().with_variant(JSONB(), "postgresql")
"""JSON on every dialect, JSONB on PostgreSQL."""


class NaiveDatetimeError(ValueError):
    """A naive datetime reached the database layer: its time zone would be guessed."""


class UtcDateTime(TypeDecorator[datetime]):
    """A timestamp that takes aware datetimes and always returns aware UTC datetimes.

    SQLite has no time zone support: values are stored as UTC and UTC is re-attached on read.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        """Reject naive datetimes and convert aware ones to UTC."""
        if value is None:
            return None
        if value.tzinfo is None or value.utcoffset() is None:
            msg = f"naive datetime {value.isoformat()} given to a UtcDateTime column"
            raise NaiveDatetimeError(msg)
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        """Return the stored moment as an aware UTC datetime."""
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)
