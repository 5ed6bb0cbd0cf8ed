"""Initial schema: sites, articles, their raw responses and crawl runs.

Revision ID: d6e7b2827aa3
Revises:
Created: 2026-11-22 14:42:44+00:00
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "d6e7b2827aa3"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

URL_LENGTH = 2048


def _json() -> sa.types.TypeEngine[Any]:
    """Return JSON, stored as JSONB on PostgreSQL."""
    return sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def _timestamp() -> sa.DateTime:
    """Return a timestamp with time zone (UTC on SQLite, which has none)."""
    return sa.DateTime(timezone=True)


def upgrade() -> None:
    """Create the four tables."""
    op.create_table(
        "sites",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=255), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("province", sa.Text(), nullable=True),
        sa.Column("province_historical", sa.Text(), nullable=True),
        sa.Column("family", sa.String(length=64), nullable=False),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("root_url", sa.String(length=URL_LENGTH), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sites")),
        sa.UniqueConstraint("key", name=op.f("uq_sites_key")),
    )
    _create_articles()
    _create_raw_responses()
    op.create_table(
        "crawl_runs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("started_at", _timestamp(), nullable=False),
        sa.Column("finished_at", _timestamp(), nullable=True),
        sa.Column("command", sa.String(length=64), nullable=False),
        sa.Column("args", _json(), nullable=False),
        sa.Column("sites", _json(), nullable=False),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("stats", _json(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_crawl_runs")),
    )


def _create_articles() -> None:
    """Create ``articles``: one row per canonical URL, and its indexes."""
    op.create_table(
        "articles",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("url", sa.String(length=URL_LENGTH), nullable=False),
        sa.Column("site_key", sa.String(length=255), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("lead", sa.Text(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("authors", _json(), nullable=False),
        sa.Column("published_at", _timestamp(), nullable=True),
        sa.Column("published_at_raw", sa.Text(), nullable=True),
        sa.Column("published_precision", sa.String(length=16), nullable=True),
        sa.Column("published_source", sa.String(length=32), nullable=True),
        sa.Column("modified_at", _timestamp(), nullable=True),
        sa.Column("modified_at_raw", sa.Text(), nullable=True),
        sa.Column("event_date", sa.Date(), nullable=True),
        sa.Column("event_date_raw", sa.Text(), nullable=True),
        sa.Column("part_of_day", sa.String(length=16), nullable=True),
        sa.Column("language", sa.String(length=16), nullable=False),
        sa.Column("images", _json(), nullable=False),
        sa.Column("tags", _json(), nullable=False),
        sa.Column("section", sa.Text(), nullable=True),
        sa.Column("source_tag", sa.Text(), nullable=True),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("warnings", _json(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("first_seen_at", _timestamp(), nullable=False),
        sa.Column("last_seen_at", _timestamp(), nullable=False),
        sa.Column("updated_at", _timestamp(), nullable=False),
        sa.ForeignKeyConstraint(
            ["site_key"], ["sites.key"], name=op.f("fk_articles_site_key_sites")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_articles")),
        sa.UniqueConstraint("url", name=op.f("uq_articles_url")),
    )
    with op.batch_alter_table("articles") as batch_op:
        batch_op.create_index("ix_articles_published_at_id", ["published_at", "id"])
        batch_op.create_index(batch_op.f("ix_articles_site_key"), ["site_key"])


def _create_raw_responses() -> None:
    """Create ``raw_responses``: the current raw response of each article."""
    op.create_table(
        "raw_responses",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("url", sa.String(length=URL_LENGTH), nullable=False),
        sa.Column("status", sa.Integer(), nullable=False),
        sa.Column("headers", _json(), nullable=False),
        sa.Column("body", sa.LargeBinary(), nullable=False),
        sa.Column("etag", sa.Text(), nullable=True),
        sa.Column("last_modified", sa.Text(), nullable=True),
        sa.Column("fetched_at", _timestamp(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_raw_responses_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_raw_responses")),
        sa.UniqueConstraint("article_id", name=op.f("uq_raw_responses_article_id")),
    )


def downgrade() -> None:
    """Drop the four tables."""
    op.drop_table("raw_responses")
    with op.batch_alter_table("articles") as batch_op:
        batch_op.drop_index(batch_op.f("ix_articles_site_key"))
        batch_op.drop_index("ix_articles_published_at_id")
    op.drop_table("articles")
    op.drop_table("sites")
    op.drop_table("crawl_runs")
