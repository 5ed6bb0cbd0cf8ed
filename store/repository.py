"""Repositories over a `Session`: sites, the one article upsert, runs. They never commit.

The incremental-crawl queries (`store.incremental`), revisions (`store.revisions`) and run
records (`store.runs`) live in their own modules and are re-exported here.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, cast
from urllib.parse import urlsplit

from sqlalchemy import Table, case, func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from crawler.items import Article, CrawledArticle, RawResponse
from store.dedup import assign_near_dup_groups
from store.incremental import KnownArticle, coverage, known_articles, mark_not_modified
from store.mapping import article_values, raw_values, row_to_article, row_to_raw_response
from store.models import ArticleRow, RawResponseRow, SiteRow
from store.revisions import Revision, archive_changed, list_revisions
from store.runs import SiteRunStats, finish_run, list_runs, site_yield_history, start_run

__all__ = [
    "KnownArticle",
    "Revision",
    "SiteRunStats",
    "UnsupportedDialectError",
    "UpsertCounts",
    "count_articles",
    "coverage",
    "ensure_site",
    "finish_run",
    "get_article",
    "get_raw_response",
    "known_articles",
    "list_revisions",
    "list_runs",
    "mark_not_modified",
    "site_yield_history",
    "start_run",
    "upsert_articles",
]

ARTICLES = cast("Table", ArticleRow.__table__)
RAW_RESPONSES = cast("Table", RawResponseRow.__table__)
SITES = cast("Table", SiteRow.__table__)

CONTENT_COLUMNS = tuple(
    column.name
    for column in ARTICLES.columns
    if column.name not in {"id", "url", "version", "first_seen_at", "last_seen_at", "updated_at"}
)
"""Columns replaced when an article's content changed; left alone when it did not."""


class UnsupportedDialectError(RuntimeError):
    """The upsert is written for SQLite and PostgreSQL only."""


@dataclass(frozen=True, slots=True)
class UpsertCounts:
    """What an upsert did, per distinct URL of the batch."""

    new: int = 0
    updated: int = 0
    unchanged: int = 0


def ensure_site(
    session: Session,
    key: str,
    *,
    name: str,
    root_url: str,
    kind: str = "unknown",
    province: str | None = None,
    province_historical: str | None = None,
    family: str = "generic",
    status: str = "unverified",
) -> SiteRow:
    """Create the site ``key`` or bring its description up to date; return its row.

    One upsert, so workers describing the same site at the same moment do not collide.
    """
    described = {
        "name": name,
        "root_url": root_url,
        "kind": kind,
        "province": province,
        "province_historical": province_historical,
        "family": family,
        "status": status,
    }
    statement = _insert(session, SITES).values(key=key, **described)
    session.execute(
        statement.on_conflict_do_update(index_elements=[SITES.c.key], set_=described)
    )
    query = select(SiteRow).where(SiteRow.key == key)
    return session.scalars(query.execution_options(populate_existing=True)).one()


def upsert_articles(
    session: Session, items: Sequence[CrawledArticle], *, now: datetime | None = None
) -> UpsertCounts:
    """Insert or update articles by canonical URL, with their raw responses, in one batch.

    Within a batch the last item of a URL wins. When the content hash (normalized title,
    lead and body) changed, the replaced content goes to ``article_revisions`` and
    ``version`` goes up; an unchanged article only gets ``last_seen_at``. Safe under
    concurrent writers: new URLs are inserted first (``ON CONFLICT DO NOTHING``), the rest
    are locked before their old content is read. Sites not yet known are created with
    their key as name. New and changed articles get their near-duplicate group
    (`store.dedup.assign_near_dup_groups`).
    """
    latest = {item.article.url: item for item in items}
    if not latest:
        return UpsertCounts()
    seen_at = now or datetime.now(UTC)
    urls = sorted(latest)  # one lock order for every writer
    rows = {url: article_values(latest[url].article, seen_at) for url in urls}
    _ensure_sites_exist(session, [item.article for item in latest.values()])
    ids = _insert_new_article_rows(session, list(rows.values()))
    stored = {url: row["content_hash"] for url, row in rows.items() if url not in ids}
    state = archive_changed(session, stored, replaced_at=seen_at)
    if stored:
        _update_article_rows(session, [rows[url] for url in stored])
    ids.update(state.ids)
    _upsert_raw_rows(session, [raw_values(ids[url], latest[url].raw) for url in urls])
    regroup = [ids[url] for url in urls if url not in stored or url in state.changed]
    assign_near_dup_groups(session, regroup)
    new = len(rows) - len(stored)
    updated = len(state.changed)
    return UpsertCounts(new=new, updated=updated, unchanged=len(stored) - updated)


def _insert(session: Session, table: Table) -> sqlite.Insert | postgresql.Insert:
    """Return the INSERT of the session's dialect, the one that knows ON CONFLICT."""
    dialect = session.get_bind().dialect.name
    if dialect == "sqlite":
        return sqlite.insert(table)
    if dialect == "postgresql":
        return postgresql.insert(table)
    msg = f"no upsert for the {dialect} dialect"
    raise UnsupportedDialectError(msg)


def _ensure_sites_exist(session: Session, articles: Iterable[Article]) -> None:
    """Insert a placeholder row for each site key not in ``sites`` yet."""
    placeholders: dict[str, dict[str, Any]] = {}
    for article in articles:
        parts = urlsplit(article.url)
        root_url = f"{parts.scheme}://{parts.netloc}/"
        placeholders.setdefault(
            article.site, {"key": article.site, "name": article.site, "root_url": root_url}
        )
    statement = _insert(session, SITES).on_conflict_do_nothing(index_elements=[SITES.c.key])
    session.execute(statement, [placeholders[key] for key in sorted(placeholders)])


def _insert_new_article_rows(session: Session, rows: list[dict[str, Any]]) -> dict[str, int]:
    """Insert the rows whose URL is not stored yet; return the ids of those inserted, by URL.

    A row another transaction is inserting at the same time makes this one wait for it, then
    counts as stored.
    """
    statement = _insert(session, ARTICLES).on_conflict_do_nothing(index_elements=[ARTICLES.c.url])
    result = session.execute(statement.returning(ARTICLES.c.url, ARTICLES.c.id), rows)
    return {str(url): int(article_id) for url, article_id in result}


def _update_article_rows(session: Session, rows: list[dict[str, Any]]) -> None:
    """Write stored (and locked) articles: their new content and version only when it changed."""
    statement = _insert(session, ARTICLES)
    excluded = statement.excluded
    changed = ARTICLES.c.content_hash != excluded.content_hash
    assignments: dict[str, Any] = {
        name: case((changed, excluded[name]), else_=ARTICLES.c[name]) for name in CONTENT_COLUMNS
    }
    assignments["version"] = case((changed, ARTICLES.c.version + 1), else_=ARTICLES.c.version)
    assignments["updated_at"] = case((changed, excluded.updated_at), else_=ARTICLES.c.updated_at)
    assignments["last_seen_at"] = excluded.last_seen_at
    upsert = statement.on_conflict_do_update(index_elements=[ARTICLES.c.url], set_=assignments)
    session.execute(upsert, rows)


def _upsert_raw_rows(session: Session, rows: list[dict[str, Any]]) -> None:
    """Keep the newest raw response of each article (an older fetch never replaces it)."""
    statement = _insert(session, RAW_RESPONSES)
    excluded = statement.excluded
    names = ("url", "status", "headers", "body", "etag", "last_modified", "fetched_at")
    upsert = statement.on_conflict_do_update(
        index_elements=[RAW_RESPONSES.c.article_id],
        set_={name: excluded[name] for name in names},
        where=RAW_RESPONSES.c.fetched_at <= excluded.fetched_at,
    )
    session.execute(upsert, rows)


def get_article(session: Session, url: str) -> Article | None:
    """Return the stored article of canonical ``url``, or None."""
    query = select(ArticleRow).where(ArticleRow.url == url)
    row = session.scalar(query.execution_options(populate_existing=True))
    return row_to_article(row) if row is not None else None


def get_raw_response(session: Session, url: str) -> RawResponse | None:
    """Return the current raw response of the article at canonical ``url``, or None."""
    query = select(RawResponseRow).join(ArticleRow).where(ArticleRow.url == url)
    row = session.scalar(query.execution_options(populate_existing=True))
    return row_to_raw_response(row) if row is not None else None


def count_articles(session: Session, site: str | None = None) -> int:
    """Count stored articles, of one site or of all."""
    query = select(func.count()).select_from(ArticleRow)
    if site is not None:
        query = query.where(ArticleRow.site_key == site)
    return session.scalar(query) or 0
