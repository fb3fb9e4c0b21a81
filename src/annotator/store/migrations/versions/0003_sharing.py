"""Sharing: an annotation's W3C motivation, the annotation it replies to, its revision.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-04

Plain `ADD COLUMN`s with server defaults, never a batch table copy: copying `annotations`
would drop the FTS triggers of revision 0002. Existing annotations become highlights at
revision 1, which is what they were.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "annotations",
        sa.Column("motivation", sa.String(16), nullable=False, server_default="highlighting"),
    )
    op.add_column("annotations", sa.Column("reply_to", sa.String(36), nullable=True))
    op.add_column(
        "annotations", sa.Column("revision", sa.Integer(), nullable=False, server_default="1")
    )
    op.create_index("ix_annotations_reply_to", "annotations", ["reply_to"])


def downgrade() -> None:
    op.drop_index("ix_annotations_reply_to", table_name="annotations")
    for column in ("revision", "reply_to", "motivation"):
        op.drop_column("annotations", column)
