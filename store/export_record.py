"""The exported record: its fields, their kinds, and how a database row becomes one."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy.engine import RowMapping

from crawler.items import VIETNAM

RECORD_FIELDS = (
    "id", "url", "site", "province", "province_historical", "kind",
    "title", "lead", "body", "authors",
    "published_at", "published_at_raw", "published_local", "published_precision",
    "published_source", "modified_at", "modified_at_raw", "event_date", "event_date_raw",
    "part_of_day", "section", "tags", "images", "source", "source_tag", "language",
    "version", "content_hash", "near_dup_group", "warnings",
    "fetched_at", "first_seen_at", "updated_at",
)  # fmt: skip
"""The fields of an exported record, in order (docs/corpus-schema.md documents each one)."""

TIMESTAMP_FIELDS = ("published_at", "modified_at", "fetched_at", "first_seen_at", "updated_at")
"""UTC instants, ISO 8601 with ``+00:00`` in JSON and CSV (Parquet: timestamp[us, UTC])."""
INTEGER_FIELDS = ("id", "version", "near_dup_group")
LIST_FIELDS = ("authors", "tags", "warnings")
"""Lists of strings."""
JSON_FIELDS = frozenset({*LIST_FIELDS, "images"})
"""Fields a CSV cell holds as a JSON string (lists, and the images' objects)."""


def record_from_row(row: RowMapping) -> dict[str, Any]:
    """Return the JSON-ready record of one row of `export_query`, fields in record order."""
    values: dict[str, Any] = dict(row)
    values["site"] = values.pop("site_key")
    values.setdefault("near_dup_group", None)
    for name in TIMESTAMP_FIELDS:
        values[name] = _iso(values[name])
    published = row["published_at"]
    values["published_local"] = published.astimezone(VIETNAM).isoformat() if published else None
    values["event_date"] = _iso(values["event_date"])
    values["authors"] = list(values["authors"])
    values["tags"] = list(values["tags"])
    values["warnings"] = list(values["warnings"])
    values["images"] = [
        {"url": image["url"], "caption": image.get("caption", "")} for image in values["images"]
    ]
    return {name: values[name] for name in RECORD_FIELDS}


def _iso(value: datetime | date | None) -> str | None:
    return value.isoformat() if value is not None else None
