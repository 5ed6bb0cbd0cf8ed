"""The streaming export: stored articles as JSON Lines, in a stable order."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import Any, BinaryIO

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from store.mapping import row_to_article
from store.models import ArticleRow, RawResponseRow, SiteRow

DEFAULT_BATCH_SIZE = 500


def export_query(
    *, site: str | None = None, since: datetime | None = None, until: datetime | None = None
) -> Select[ArticleRow, datetime, str | None, str | None, str]:
    """Return the export query: articles by publication time (undated last), then id.

    ``since`` is inclusive, ``until`` exclusive; either one leaves out undated articles.
    """
    query = (
        select(
            ArticleRow,
            RawResponseRow.fetched_at,
            SiteRow.province,
            SiteRow.province_historical,
            SiteRow.kind,
        )
        .join(SiteRow, SiteRow.key == ArticleRow.site_key)
        .outerjoin(RawResponseRow, RawResponseRow.article_id == ArticleRow.id)
        .order_by(ArticleRow.published_at.asc().nulls_last(), ArticleRow.id.asc())
    )
    if site is not None:
        query = query.where(ArticleRow.site_key == site)
    if since is not None:
        query = query.where(ArticleRow.published_at >= since)
    if until is not None:
        query = query.where(ArticleRow.published_at < until)
    return query


def iter_export_rows(
    session: Session,
    *,
    site: str | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
) -> Iterator[dict[str, Any]]:
    """Stream rows: ``Article.to_dict()`` plus store and site fields, ``batch_size`` at a time.

    On PostgreSQL the rows come from a server-side cursor, so memory stays flat.
    """
    query = export_query(site=site, since=since, until=until).execution_options(
        yield_per=batch_size
    )
    for article, fetched_at, province, province_historical, kind in session.execute(query):
        row = row_to_article(article).to_dict()
        row.update(
            id=article.id,
            version=article.version,
            content_hash=article.content_hash,
            fetched_at=fetched_at.isoformat() if fetched_at is not None else None,
            province=province,
            province_historical=province_historical,
            kind=kind,
        )
        yield row


iter_articles = iter_export_rows
"""The name docs/architecture.md gives the export iterator."""


def write_jsonl(rows: Iterable[dict[str, Any]], stream: BinaryIO) -> int:
    """Write one UTF-8 JSON object per line to ``stream``; return how many were written."""
    count = 0
    for row in rows:
        stream.write(json.dumps(row, ensure_ascii=False).encode("utf-8"))
        stream.write(b"\n")
        count += 1
    return count
