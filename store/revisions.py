"""Article revisions: the content an edit replaced, archived under a lock on the article row."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Table, insert, select
from sqlalchemy.orm import Session

from store.in_clause import in_clause_chunks
from store.models import ArticleRevisionRow, ArticleRow

ARTICLES = cast("Table", ArticleRow.__table__)
REVISIONS = cast("Table", ArticleRevisionRow.__table__)



@dataclass(frozen=True, slots=True)
class Revision:
    """A replaced version of an article, as ``article_revisions`` keeps it."""

    version: int
    title: str
    lead: str
    body: str
    content_hash: str
    seen_from: datetime
    replaced_at: datetime


@dataclass(frozen=True, slots=True)
class StoredContent:
    """The current content of a stored article, read under a row lock."""

    id: int
    url: str
    version: int
    title: str
    lead: str
    body: str
    content_hash: str
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class StoredState:
    """What an upsert learnt about articles already stored: their ids and which ones changed."""

    ids: dict[str, int]
    changed: frozenset[str]


def lock_stored_articles(session: Session, urls: Sequence[str]) -> list[StoredContent]:
    """Read the stored content of ``urls``, locking the rows (``FOR UPDATE``) in URL order.

    On PostgreSQL a concurrent writer of the same article waits here until this transaction
    ends, then reads the content this one committed; SQLite writers are serialized already
    (the upsert's first INSERT holds the database's write lock).
    """
    columns = [ARTICLES.c[field.name] for field in fields(StoredContent)]
    ordered = sorted(set(urls))
    stored: list[StoredContent] = []
    for chunk in in_clause_chunks(ordered):
        query = (
            select(*columns)
            .where(ARTICLES.c.url.in_(chunk))
            .order_by(ARTICLES.c.url)
            .with_for_update()
        )
        stored.extend(StoredContent(*row) for row in session.execute(query))
    return stored


def archive_changed(
    session: Session, new_hashes: dict[str, str], *, replaced_at: datetime
) -> StoredState:
    """Lock the stored articles of ``new_hashes`` and archive those whose content hash differs.

    ``new_hashes`` maps each URL to the content hash of its incoming version. The caller must
    then write the new content (and ``version + 1``) in the same transaction.
    """
    stored = lock_stored_articles(session, list(new_hashes))
    replaced = [row for row in stored if row.content_hash != new_hashes[row.url]]
    if replaced:
        session.execute(insert(REVISIONS), [_revision_values(row, replaced_at) for row in replaced])
    return StoredState(
        ids={row.url: row.id for row in stored},
        changed=frozenset(row.url for row in replaced),
    )


def _revision_values(row: StoredContent, replaced_at: datetime) -> dict[str, Any]:
    """Return the ``article_revisions`` values that keep a stored row's current content."""
    return {
        "article_id": row.id,
        "version": row.version,
        "title": row.title,
        "lead": row.lead,
        "body": row.body,
        "content_hash": row.content_hash,
        "seen_from": row.updated_at,
        "replaced_at": replaced_at,
    }


def list_revisions(session: Session, url: str) -> list[Revision]:
    """Return the replaced versions of the article at canonical ``url``, oldest first."""
    query = (
        select(ArticleRevisionRow)
        .join(ArticleRow, ArticleRow.id == ArticleRevisionRow.article_id)
        .where(ArticleRow.url == url)
        .order_by(ArticleRevisionRow.version)
        .execution_options(populate_existing=True)
    )
    return [
        Revision(
            version=row.version,
            title=row.title,
            lead=row.lead,
            body=row.body,
            content_hash=row.content_hash,
            seen_from=row.seen_from,
            replaced_at=row.replaced_at,
        )
        for row in session.scalars(query)
    ]
