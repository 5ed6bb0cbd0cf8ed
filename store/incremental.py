"""What incremental crawls and backfills ask the store: known articles, 304s and coverage."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from sqlalchemy import ColumnElement, CursorResult, Table, case, func, select, update
from sqlalchemy.orm import Session

from store.in_clause import in_clause_chunks
from store.models import ArticleRow, RawResponseRow

ARTICLES = cast("Table", ArticleRow.__table__)
RAW_RESPONSES = cast("Table", RawResponseRow.__table__)


VIETNAM_ZONE = "Asia/Ho_Chi_Minh"
SQLITE_VIETNAM_OFFSET = "+7 hours"
"""SQLite knows no zone names; Vietnam has kept UTC+7 without DST since 1975."""


@dataclass(frozen=True, slots=True)
class KnownArticle:
    """A stored article as an incremental crawl needs it: its date and validators."""

    url: str
    published_at: datetime | None
    etag: str | None
    last_modified: str | None
    fetched_at: datetime
    """When the stored response was fetched (``last_seen_at`` if no response is stored)."""


def known_articles(session: Session, site_key: str) -> dict[str, KnownArticle]:
    """Return every stored article of ``site_key`` by canonical URL, with its validators."""
    query = (
        select(
            ARTICLES.c.url,
            ARTICLES.c.published_at,
            RAW_RESPONSES.c.etag,
            RAW_RESPONSES.c.last_modified,
            func.coalesce(RAW_RESPONSES.c.fetched_at, ARTICLES.c.last_seen_at),
        )
        .select_from(ARTICLES.outerjoin(RAW_RESPONSES, RAW_RESPONSES.c.article_id == ARTICLES.c.id))
        .where(ARTICLES.c.site_key == site_key)
    )
    known: dict[str, KnownArticle] = {}
    for url, published_at, etag, last_modified, fetched_at in session.execute(query):
        known[url] = KnownArticle(url, published_at, etag, last_modified, fetched_at)
    return known


def mark_not_modified(session: Session, urls: Sequence[str], *, seen_at: datetime) -> int:
    """Record a 304 revalidation: ``last_seen_at`` moves to ``seen_at``, nothing else changes.

    ``last_seen_at`` never moves back. Returns how many of ``urls`` are stored articles.
    """
    distinct = sorted(set(urls))
    later = case(
        (ARTICLES.c.last_seen_at < seen_at, seen_at),
        else_=ARTICLES.c.last_seen_at,
    )
    marked = 0
    for chunk in in_clause_chunks(distinct):
        statement = update(ARTICLES).where(ARTICLES.c.url.in_(chunk)).values(last_seen_at=later)
        result = cast("CursorResult[Any]", session.execute(statement))
        marked += result.rowcount
    return marked


def coverage(
    session: Session,
    site_keys: Sequence[str],
    *,
    since: datetime | None = None,
    until: datetime | None = None,
) -> list[tuple[str, str, int]]:
    """Count stored articles per site and month of publication in Vietnam time.

    Returns ``(site_key, 'YYYY-MM', count)`` ordered by site then month, for the months that
    have articles. ``since`` is inclusive, ``until`` exclusive (both timezone-aware); undated
    articles are not counted.
    """
    if not site_keys:
        return []
    month = _vietnam_month(session)
    query = (
        select(ARTICLES.c.site_key, month, func.count())
        .where(ARTICLES.c.site_key.in_(sorted(set(site_keys))))
        .where(ARTICLES.c.published_at.is_not(None))
        .group_by(ARTICLES.c.site_key, month)
        .order_by(ARTICLES.c.site_key, month)
    )
    if since is not None:
        query = query.where(ARTICLES.c.published_at >= since)
    if until is not None:
        query = query.where(ARTICLES.c.published_at < until)
    rows = session.execute(query)
    return [(site, str(month_text), int(count)) for site, month_text, count in rows]


def _vietnam_month(session: Session) -> ColumnElement[str]:
    """Return the SQL expression of an article's publication month ('YYYY-MM') in Vietnam."""
    published = ARTICLES.c.published_at
    if session.get_bind().dialect.name == "postgresql":
        local = func.timezone(VIETNAM_ZONE, published)
        return func.to_char(local, "YYYY-MM").label("month")
    return func.strftime("%Y-%m", published, SQLITE_VIETNAM_OFFSET).label("month")
