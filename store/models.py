"""The database schema: typed SQLAlchemy 2 models for sites, articles, raw responses and runs.

A schema change needs a migration: ``alembic revision --autogenerate -m "<what changed>"``.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from store.types import JsonType, UtcDateTime

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
"""Deterministic constraint names, so migrations agree on SQLite and PostgreSQL."""

URL_LENGTH = 2048


class Base(DeclarativeBase):
    """The declarative base of every table, carrying the naming convention."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class SiteRow(Base):
    """A crawled site: its registry key and what is known about it."""

    __tablename__ = "sites"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(255), unique=True)
    name: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(32), default="unknown")
    province: Mapped[str | None] = mapped_column(Text)
    province_historical: Mapped[str | None] = mapped_column(Text)
    family: Mapped[str] = mapped_column(String(64), default="generic")
    status: Mapped[str] = mapped_column(String(32), default="unverified")
    root_url: Mapped[str] = mapped_column(String(URL_LENGTH))


class ArticleRow(Base):
    """One article per canonical URL: the columns of ``crawler.items.Article`` plus bookkeeping."""

    __tablename__ = "articles"
    __table_args__ = (Index("ix_articles_published_at_id", "published_at", "id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    url: Mapped[str] = mapped_column(String(URL_LENGTH), unique=True)
    site_key: Mapped[str] = mapped_column(ForeignKey("sites.key"), index=True)
    title: Mapped[str] = mapped_column(Text)
    lead: Mapped[str] = mapped_column(Text, default="")
    body: Mapped[str] = mapped_column(Text)
    authors: Mapped[list[str]] = mapped_column(JsonType, default=list)
    published_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    published_at_raw: Mapped[str | None] = mapped_column(Text)
    published_precision: Mapped[str | None] = mapped_column(String(16))
    published_source: Mapped[str | None] = mapped_column(String(32))
    modified_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    modified_at_raw: Mapped[str | None] = mapped_column(Text)
    event_date: Mapped[date | None] = mapped_column(Date)
    event_date_raw: Mapped[str | None] = mapped_column(Text)
    part_of_day: Mapped[str | None] = mapped_column(String(16))
    language: Mapped[str] = mapped_column(String(16), default="vi")
    images: Mapped[list[dict[str, str]]] = mapped_column(JsonType, default=list)
    tags: Mapped[list[str]] = mapped_column(JsonType, default=list)
    section: Mapped[str | None] = mapped_column(Text)
    source_tag: Mapped[str | None] = mapped_column(Text)
    source: Mapped[str | None] = mapped_column(Text)
    warnings: Mapped[list[str]] = mapped_column(JsonType, default=list)
    content_hash: Mapped[str] = mapped_column(String(64), index=True)
    """SHA-256 (hex) of the normalized title, lead and body: a change bumps ``version``."""
    version: Mapped[int] = mapped_column(Integer, default=1)
    first_seen_at: Mapped[datetime] = mapped_column(UtcDateTime)
    last_seen_at: Mapped[datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)
    """When the content last changed (the first store counts as a change)."""
    near_dup_group: Mapped[int | None] = mapped_column(Integer, index=True)
    """The id of the first stored article of this one's near-duplicate group (``store.dedup``)."""
    dedup_sketch: Mapped[bytes | None] = mapped_column(LargeBinary)
    """The bottom-k sketch of the text's shingles (``normalize.dedup.shingle_sketch``), packed as
    big-endian unsigned 64-bit ranks: near-duplicate candidates are compared through it."""


class ArticleBandRow(Base):
    """One LSH band key of an article's MinHash signature: the near-duplicate candidate lookup."""

    __tablename__ = "article_bands"
    # The candidate lookup reads (key, article_id) pairs: the index alone answers it.
    __table_args__ = (Index("ix_article_bands_key_article_id", "key", "article_id"),)

    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    )
    band: Mapped[int] = mapped_column(SmallInteger, primary_key=True)
    key: Mapped[int] = mapped_column(BigInteger)


class ArticleRevisionRow(Base):
    """A replaced version of an article: its old title, lead and body, and when it was current."""

    __tablename__ = "article_revisions"
    __table_args__ = (UniqueConstraint("article_id", "version"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    version: Mapped[int] = mapped_column(Integer)
    """The version number this content had in ``articles`` before it was replaced."""
    title: Mapped[str] = mapped_column(Text)
    lead: Mapped[str] = mapped_column(Text)
    body: Mapped[str] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(String(64))
    seen_from: Mapped[datetime] = mapped_column(UtcDateTime)
    """When this version was first seen (the article's ``updated_at`` at the time)."""
    replaced_at: Mapped[datetime] = mapped_column(UtcDateTime)
    """When a changed version was seen and replaced this one."""


class RawResponseRow(Base):
    """The current raw response of an article, its body compressed with zlib."""

    __tablename__ = "raw_responses"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), unique=True
    )
    url: Mapped[str] = mapped_column(String(URL_LENGTH))
    """The URL that was fetched (it may differ from the article's canonical URL)."""
    status: Mapped[int] = mapped_column(Integer)
    headers: Mapped[dict[str, str]] = mapped_column(JsonType, default=dict)
    body: Mapped[bytes] = mapped_column(LargeBinary)
    etag: Mapped[str | None] = mapped_column(Text)
    last_modified: Mapped[str | None] = mapped_column(Text)
    fetched_at: Mapped[datetime] = mapped_column(UtcDateTime)


class CrawlRun(Base):
    """One run of a ``partynews`` command: what it was asked to do and what it did."""

    __tablename__ = "crawl_runs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    started_at: Mapped[datetime] = mapped_column(UtcDateTime)
    finished_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    command: Mapped[str] = mapped_column(String(64))
    args: Mapped[list[str]] = mapped_column(JsonType, default=list)
    sites: Mapped[list[str]] = mapped_column(JsonType, default=list)
    status: Mapped[str] = mapped_column(String(32), default="running")
    stats: Mapped[dict[str, Any]] = mapped_column(JsonType, default=dict)
