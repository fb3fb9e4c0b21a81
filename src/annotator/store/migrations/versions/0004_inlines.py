"""Documents keep their inline styles (bold, italic, code, links) and their language.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-04

Imported Markdown, HTML and EPUB carry emphasis and links as ranges over the text
(`core/document.py: Inline`); without a column for them a document reopened from the
library lost them. Plain `ADD COLUMN`s with server defaults, as in 0003: a batch copy of
`documents` would drop the FTS triggers of 0002. Existing documents have none.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "documents", sa.Column("inlines", sa.JSON(), nullable=False, server_default="[]"))
    op.add_column(
        "documents", sa.Column("language", sa.String(35), nullable=False, server_default=""))


def downgrade() -> None:
    for column in ("language", "inlines"):
        op.drop_column("documents", column)
