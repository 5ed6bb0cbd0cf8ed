"""Near-duplicate sketches: ``articles.dedup_sketch``, to compare candidates without their text.

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
    """Add the sketch column.

    Articles stored before this revision keep a NULL sketch; as candidates they are compared
    through a sketch computed from their stored text (``store.dedup``), so nothing is re-crawled.
    """
    with op.batch_alter_table("articles") as batch_op:
        batch_op.add_column(sa.Column("dedup_sketch", sa.LargeBinary(), nullable=True))


def downgrade() -> None:
    """Drop the sketch column."""
    with op.batch_alter_table("articles") as batch_op:
        batch_op.drop_column("dedup_sketch")
