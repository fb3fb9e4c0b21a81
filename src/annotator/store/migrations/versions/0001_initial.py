"""The first schema: library, authors, annotations with tags, rejected suggestions.

Revision ID: 0001
Revises:
Create Date: 2026-05-10

Written out by hand rather than from the models, so this revision stays what it was when
the models change later.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from annotator.store.models import UTCDateTime

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "settings",
        sa.Column("key", sa.String(64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_settings")),
    )
    op.create_table(
        "authors",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("created", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_authors")),
    )
    op.create_table(
        "documents",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("author", sa.Text(), nullable=False),
        sa.Column("date", sa.String(10), nullable=True),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("byline", sa.Text(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("blocks", sa.JSON(), nullable=False),
        sa.Column("source_path", sa.Text(), nullable=True),
        sa.Column("added", UTCDateTime(), nullable=False),
        sa.Column("last_opened", UTCDateTime(), nullable=True),
        sa.Column("reading_position", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_documents")),
        sa.UniqueConstraint("id", name=op.f("uq_documents_id")),
        sa.UniqueConstraint("content_hash", name=op.f("uq_documents_content_hash")),
    )
    op.create_table(
        "annotations",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("document_id", sa.String(36), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("exact", sa.Text(), nullable=False),
        sa.Column("prefix", sa.Text(), nullable=False),
        sa.Column("suffix", sa.Text(), nullable=False),
        sa.Column("color", sa.String(32), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("area", sa.String(100), nullable=True),
        sa.Column("author_id", sa.String(36), nullable=False),
        sa.Column("author_name", sa.String(200), nullable=False),
        sa.Column("origin", sa.String(16), nullable=False),
        sa.Column("placement", sa.String(16), nullable=False),
        sa.Column("created", UTCDateTime(), nullable=False),
        sa.Column("modified", UTCDateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_annotations_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_annotations")),
        sa.UniqueConstraint("id", name=op.f("uq_annotations_id")),
    )
    op.create_index(
        "ix_annotations_document", "annotations", ["document_id", "deleted", "start", "end"]
    )
    op.create_index("ix_annotations_area", "annotations", ["area"])
    op.create_index("ix_annotations_author", "annotations", ["author_id"])
    op.create_table(
        "annotation_tags",
        sa.Column("annotation_id", sa.String(36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("tag", sa.String(200), nullable=False),
        sa.ForeignKeyConstraint(
            ["annotation_id"],
            ["annotations.id"],
            name=op.f("fk_annotation_tags_annotation_id_annotations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("annotation_id", "position", name=op.f("pk_annotation_tags")),
    )
    op.create_index("ix_annotation_tags_tag", "annotation_tags", ["tag"])
    op.create_table(
        "rejected_suggestions",
        sa.Column("document_id", sa.String(36), nullable=False),
        sa.Column("area", sa.String(100), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("rejected", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_rejected_suggestions_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "document_id", "area", "start", "end", name=op.f("pk_rejected_suggestions")
        ),
    )


def downgrade() -> None:
    op.drop_table("rejected_suggestions")
    op.drop_index("ix_annotation_tags_tag", table_name="annotation_tags")
    op.drop_table("annotation_tags")
    op.drop_index("ix_annotations_author", table_name="annotations")
    op.drop_index("ix_annotations_area", table_name="annotations")
    op.drop_index("ix_annotations_document", table_name="annotations")
    op.drop_table("annotations")
    op.drop_table("documents")
    op.drop_table("authors")
    op.drop_table("settings")
