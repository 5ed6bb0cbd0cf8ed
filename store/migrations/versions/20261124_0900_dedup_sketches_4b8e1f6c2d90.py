"""Near-duplicate sketches (``articles.dedup_sketch``) and a covering index for the band lookup.

Revision ID: 4b8e1f6c2d90
Revises: 7c41d9e2a5b3
Created: 2026-11-24 09:00:00+00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "4b8e1f6c2d90"
down_revision: str | None = "7c41d9e2a5b3"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Add the sketch column; index band keys with their article ids.

    Articles stored before this revision keep a NULL sketch; as candidates they are compared
    through a sketch computed from their stored text (``store.dedup``), so nothing is re-crawled.
    The candidate lookup reads (key, article_id) pairs, which the new index answers alone.
    """
    with op.batch_alter_table("articles") as batch_op:
        batch_op.add_column(sa.Column("dedup_sketch", sa.LargeBinary(), nullable=True))
    op.create_index("ix_article_bands_key_article_id", "article_bands", ["key", "article_id"])
    op.drop_index(op.f("ix_article_bands_key"), table_name="article_bands")


def downgrade() -> None:
    """Restore the key index; drop the sketch column."""
    op.create_index(op.f("ix_article_bands_key"), "article_bands", ["key"])
    op.drop_index("ix_article_bands_key_article_id", table_name="article_bands")
    with op.batch_alter_table("articles") as batch_op:
        batch_op.drop_column("dedup_sketch")
