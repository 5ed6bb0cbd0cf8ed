"""The streaming export: stored articles as corpus records, filtered, in a stable order."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from sqlalchemy import ColumnElement, Select, Table, and_, func, or_, select
from sqlalchemy.orm import Session

from store.export_cursor import Cursor
from store.export_formats import write_jsonl
from store.export_record import RECORD_FIELDS, record_from_row
from store.models import ArticleRow, RawResponseRow, SiteRow

__all__ = [
    "DEFAULT_BATCH_SIZE",
    "RECORD_FIELDS",
    "ExportFilters",
    "export_query",
    "iter_articles",
    "iter_export_rows",
    "record_from_row",
    "write_jsonl",
]

DEFAULT_BATCH_SIZE = 500
ARTICLES = cast("Table", ArticleRow.__table__)

_ARTICLE_COLUMNS = (
    "id", "url", "site_key", "title", "lead", "body", "authors", "published_at",
    "published_at_raw", "published_precision", "published_source", "modified_at",
    "modified_at_raw", "event_date", "event_date_raw", "part_of_day", "section", "tags",
    "images", "source", "source_tag", "language", "version", "content_hash", "warnings",
    "first_seen_at", "updated_at",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class ExportFilters:
    """Which articles to export; an empty tuple or None leaves that filter out.

    ``since`` is inclusive, ``until`` exclusive (both aware, on ``published_at``; either one
    leaves out undated articles). ``changed_after`` keeps articles created or revised after
    a cursor; ``min_chars`` is a minimum body length in characters.
    """

    sites: tuple[str, ...] = ()
    provinces: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    since: datetime | None = None
    until: datetime | None = None
    changed_after: Cursor | None = None
    min_chars: int | None = None


def _near_dup_column() -> ColumnElement[Any] | None:
    """DEDUP's ``articles.near_dup_group`` column, or None on a schema that predates it."""
    return ARTICLES.c.get("near_dup_group")


def export_query(filters: ExportFilters | None = None) -> Select[Any]:
    """Return the export query: articles by publication time (undated last), then id."""
    filters = filters or ExportFilters()
    columns: list[ColumnElement[Any]] = [ARTICLES.c[name] for name in _ARTICLE_COLUMNS]
    near_dup = _near_dup_column()
    if near_dup is not None:
        columns.append(near_dup)
    query = (
        select(
            *columns,
            RawResponseRow.fetched_at,
            SiteRow.province,
            SiteRow.province_historical,
            SiteRow.kind,
        )
        .join(SiteRow, SiteRow.key == ArticleRow.site_key)
        .outerjoin(RawResponseRow, RawResponseRow.article_id == ArticleRow.id)
        .order_by(ArticleRow.published_at.asc().nulls_last(), ArticleRow.id.asc())
    )
    return query.where(*_conditions(filters))


def _conditions(filters: ExportFilters) -> list[ColumnElement[bool]]:
    """Return the WHERE clauses of ``filters``."""
    conditions: list[ColumnElement[bool]] = []
    if filters.sites:
        conditions.append(ArticleRow.site_key.in_(filters.sites))
    if filters.provinces:
        conditions.append(
            or_(
                SiteRow.province.in_(filters.provinces),
                SiteRow.province_historical.in_(filters.provinces),
            )
        )
    if filters.kinds:
        conditions.append(SiteRow.kind.in_(filters.kinds))
    if filters.since is not None:
        conditions.append(ArticleRow.published_at >= filters.since)
    if filters.until is not None:
        conditions.append(ArticleRow.published_at < filters.until)
    if filters.min_chars is not None:
        conditions.append(func.length(ArticleRow.body) >= filters.min_chars)
    if filters.changed_after is not None:
        conditions.append(_after(filters.changed_after))
    return conditions


def _after(cursor: Cursor) -> ColumnElement[bool]:
    """Articles created or revised after ``cursor``: (updated_at, id) beyond it."""
    later = ArticleRow.updated_at > cursor.updated_at
    if cursor.article_id is None:
        return later
    same_time = and_(ArticleRow.updated_at == cursor.updated_at, ArticleRow.id > cursor.article_id)
    return or_(later, same_time)


def iter_export_rows(
    session: Session,
    filters: ExportFilters | None = None,
    *,
    site: str | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
) -> Iterator[dict[str, Any]]:
    """Stream corpus records (`RECORD_FIELDS`), ``batch_size`` rows at a time.

    ``site``, ``since`` and ``until`` narrow ``filters``. On PostgreSQL the rows come from a
    server-side cursor, so memory stays flat whatever the number of rows.
    """
    filters = _narrowed(filters or ExportFilters(), site=site, since=since, until=until)
    query = export_query(filters).execution_options(yield_per=batch_size)
    for row in session.execute(query):
        yield record_from_row(row._mapping)


def _narrowed(
    filters: ExportFilters, *, site: str | None, since: datetime | None, until: datetime | None
) -> ExportFilters:
    """Return ``filters`` with the single-value keyword filters applied."""
    changes: dict[str, Any] = {}
    if site is not None:
        changes["sites"] = (site,)
    if since is not None:
        changes["since"] = since
    if until is not None:
        changes["until"] = until
    return dataclasses.replace(filters, **changes) if changes else filters


iter_articles = iter_export_rows
"""The name docs/architecture.md gives the export iterator."""
