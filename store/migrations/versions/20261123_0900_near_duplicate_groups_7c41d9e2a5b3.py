"""Near-duplicate groups: ``articles.near_dup_group``, the LSH band keys, lookup indexes.

Revision ID: 7c41d9e2a5b3
Revises: 1e06f026fa10
Created: 2026-11-23 09:00:00+00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "7c41d9e2a5b3"
down_revision: str | None = "1e06f026fa10"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Add the group column and its index, the content-hash index and ``article_bands``.

    Articles stored before this revision keep a NULL group until
    ``store.dedup.assign_missing_groups`` gives them one.
    """
    with op.batch_alter_table("articles") as batch_op:
        batch_op.add_column(sa.Column("near_dup_group", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_articles_near_dup_group"), ["near_dup_group"])
        batch_op.create_index(batch_op.f("ix_articles_content_hash"), ["content_hash"])
    op.create_table(
        "article_bands",
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("band", sa.SmallInteger(), nullable=False),
        sa.Column("key", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_article_bands_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("article_id", "band", name=op.f("pk_article_bands")),
    )
    op.create_index(op.f("ix_article_bands_key"), "article_bands", ["key"])


def downgrade() -> None:
    """Drop ``article_bands``, the indexes and the group column."""
    op.drop_index(op.f("ix_article_bands_key"), table_name="article_bands")
    op.drop_table("article_bands")
    with op.batch_alter_table("articles") as batch_op:
        batch_op.drop_index(batch_op.f("ix_articles_content_hash"))
        batch_op.drop_index(batch_op.f("ix_articles_near_dup_group"))
        batch_op.drop_column("near_dup_group")
