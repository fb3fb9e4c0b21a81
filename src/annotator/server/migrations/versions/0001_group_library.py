"""Group library: groups, members, shared documents, annotations, hides; row-level security.

Revision ID: s0001
Revises:
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "s0001"
down_revision = None
branch_labels = None
depends_on = None

TZ = sa.DateTime(timezone=True)

# Who the transaction acts for: set by the service with set_config(..., true), the
# function form of SET LOCAL. Unset (or reset to '') it is NULL, and no policy passes.
FUNCTIONS = """
CREATE FUNCTION annotator_member() RETURNS uuid LANGUAGE sql STABLE AS
  $$ SELECT NULLIF(current_setting('annotator.member', true), '')::uuid $$;
CREATE FUNCTION annotator_member_group() RETURNS bigint LANGUAGE sql STABLE AS
  $$ SELECT group_id FROM members WHERE id = annotator_member() $$;
CREATE FUNCTION annotator_is_teacher() RETURNS boolean LANGUAGE sql STABLE AS
  $$ SELECT coalesce((SELECT role = 'teacher' FROM members WHERE id = annotator_member()),
                     false) $$;
"""

POLICIES = """
ALTER TABLE documents ENABLE ROW LEVEL SECURITY;
ALTER TABLE documents FORCE ROW LEVEL SECURITY;
CREATE POLICY documents_read ON documents FOR SELECT
  USING (group_id = annotator_member_group());
CREATE POLICY documents_share ON documents FOR INSERT
  WITH CHECK (group_id = annotator_member_group() AND shared_by = annotator_member());
CREATE POLICY documents_reshare ON documents FOR UPDATE
  USING (group_id = annotator_member_group())
  WITH CHECK (group_id = annotator_member_group() AND shared_by = annotator_member());

ALTER TABLE annotations ENABLE ROW LEVEL SECURITY;
ALTER TABLE annotations FORCE ROW LEVEL SECURITY;
CREATE POLICY annotations_read ON annotations FOR SELECT
  USING (group_id = annotator_member_group());
CREATE POLICY annotations_create ON annotations FOR INSERT
  WITH CHECK (group_id = annotator_member_group() AND owner_id = annotator_member());
CREATE POLICY annotations_edit ON annotations FOR UPDATE
  USING (group_id = annotator_member_group() AND owner_id = annotator_member())
  WITH CHECK (group_id = annotator_member_group() AND owner_id = annotator_member());
CREATE POLICY annotations_remove ON annotations FOR DELETE
  USING (group_id = annotator_member_group() AND owner_id = annotator_member());

ALTER TABLE hides ENABLE ROW LEVEL SECURITY;
ALTER TABLE hides FORCE ROW LEVEL SECURITY;
CREATE POLICY hides_read ON hides FOR SELECT
  USING (group_id = annotator_member_group());
CREATE POLICY hides_moderate ON hides FOR INSERT
  WITH CHECK (group_id = annotator_member_group() AND annotator_is_teacher()
              AND moderator_id = annotator_member());
CREATE POLICY hides_change ON hides FOR UPDATE
  USING (group_id = annotator_member_group() AND annotator_is_teacher())
  WITH CHECK (group_id = annotator_member_group() AND annotator_is_teacher()
              AND moderator_id = annotator_member());
"""


def upgrade() -> None:
    op.create_table(
        "groups",
        sa.Column("id", sa.BigInteger, primary_key=True, autoincrement=True),
        sa.Column("name", sa.Text, nullable=False, unique=True),
        sa.Column("version", sa.BigInteger, nullable=False, server_default="0"),
        sa.Column("answers_hidden_until", TZ),
        sa.Column("created", TZ, nullable=False),
    )
    op.create_table(
        "members",
        sa.Column("id", sa.Uuid, primary_key=True),
        sa.Column("group_id", sa.BigInteger, sa.ForeignKey("groups.id"), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("role", sa.Text, nullable=False),
        sa.Column("token_hash", sa.LargeBinary, nullable=False, unique=True),
        sa.Column("created", TZ, nullable=False),
        sa.Column("expires", TZ),
        sa.CheckConstraint("role IN ('teacher', 'student')", name="members_role"),
        sa.CheckConstraint("length(token_hash) = 32", name="members_token_is_sha256"),
    )
    op.create_table(
        "documents",
        sa.Column("group_id", sa.BigInteger, sa.ForeignKey("groups.id"), primary_key=True),
        sa.Column("content_hash", sa.Text, primary_key=True),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("bundle", sa.LargeBinary, nullable=False),
        sa.Column("shared_by", sa.Uuid, sa.ForeignKey("members.id"), nullable=False),
        sa.Column("version", sa.BigInteger, nullable=False),
    )
    op.create_table(
        "annotations",
        sa.Column("group_id", sa.BigInteger, primary_key=True),
        sa.Column("id", sa.Uuid, primary_key=True),
        sa.Column("document_hash", sa.Text, nullable=False),
        sa.Column("owner_id", sa.Uuid, sa.ForeignKey("members.id"), nullable=False),
        sa.Column("motivation", sa.Text, nullable=False),
        sa.Column("body", JSONB, nullable=False),
        sa.Column("revision", sa.Integer, nullable=False),
        sa.Column("modified", TZ, nullable=False),
        sa.Column("deleted", sa.Boolean, nullable=False),
        sa.Column("version", sa.BigInteger, nullable=False),
        sa.ForeignKeyConstraint(
            ["group_id", "document_hash"], ["documents.group_id", "documents.content_hash"]
        ),
    )
    op.create_index("annotations_by_version", "annotations", ["group_id", "version"])
    op.create_table(
        "hides",
        sa.Column("group_id", sa.BigInteger, primary_key=True),
        sa.Column("annotation_id", sa.Uuid, primary_key=True),
        sa.Column("hidden", sa.Boolean, nullable=False),
        sa.Column("moderator_id", sa.Uuid, sa.ForeignKey("members.id"), nullable=False),
        sa.Column("modified", TZ, nullable=False),
        sa.Column("version", sa.BigInteger, nullable=False),
        sa.ForeignKeyConstraint(
            ["group_id", "annotation_id"], ["annotations.group_id", "annotations.id"]
        ),
    )
    op.create_index("hides_by_version", "hides", ["group_id", "version"])
    op.execute(FUNCTIONS)
    op.execute(POLICIES)


def downgrade() -> None:
    for table in ("hides", "annotations", "documents", "members", "groups"):
        op.drop_table(table)
    op.execute("DROP FUNCTION annotator_is_teacher(); DROP FUNCTION annotator_member_group();"
               " DROP FUNCTION annotator_member();")
