"""The group library's tables, as SQLAlchemy Core: the service runs set-based statements.

Row-level security (created by the first migration, `migrations/versions/`) guards
`documents`, `annotations` and `hides`: a member reads only their group's rows and writes
only their own. The member is set per transaction (`db.member_transaction`), so nothing
the service forgets to check lets one student change another's annotation.

Versions: `groups.version` is the group's counter. Every write transaction takes it with
`UPDATE ... SET version = version + 1 RETURNING version`, which row-locks the group until
commit, so versions become visible in the order they were given: a reader who has seen
version N has seen every row written at N or before. A PostgreSQL SEQUENCE would hand out
numbers that commit out of order, and a pull could step over a write still in flight.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    Table,
    Text,
    Uuid,
)
from sqlalchemy.dialects.postgresql import JSONB

VERSION_TABLE = "annotator_server_version"
metadata = MetaData()

group_table = Table(
    "groups", metadata,
    Column("id", BigInteger, primary_key=True, autoincrement=True),
    Column("name", Text, nullable=False, unique=True),
    Column("version", BigInteger, nullable=False, server_default="0"),
    Column("answers_hidden_until", DateTime(timezone=True)),
    Column("created", DateTime(timezone=True), nullable=False),
)

member_table = Table(
    "members", metadata,
    Column("id", Uuid, primary_key=True),
    Column("group_id", BigInteger, ForeignKey("groups.id"), nullable=False),
    Column("name", Text, nullable=False),
    Column("role", Text, nullable=False),
    Column("token_hash", LargeBinary, nullable=False, unique=True),
    Column("created", DateTime(timezone=True), nullable=False),
    Column("expires", DateTime(timezone=True)),
)

document_table = Table(
    "documents", metadata,
    Column("group_id", BigInteger, ForeignKey("groups.id"), primary_key=True),
    Column("content_hash", Text, primary_key=True),
    Column("title", Text, nullable=False),
    Column("bundle", LargeBinary, nullable=False),
    Column("shared_by", Uuid, ForeignKey("members.id"), nullable=False),
    Column("version", BigInteger, nullable=False),
)

annotation_table = Table(
    "annotations", metadata,
    Column("group_id", BigInteger, primary_key=True),
    Column("id", Uuid, primary_key=True),
    Column("document_hash", Text, nullable=False),
    Column("owner_id", Uuid, ForeignKey("members.id"), nullable=False),
    Column("motivation", Text, nullable=False),
    Column("body", JSONB, nullable=False),
    Column("revision", Integer, nullable=False),
    Column("modified", DateTime(timezone=True), nullable=False),
    Column("deleted", Boolean, nullable=False),
    Column("version", BigInteger, nullable=False),
    ForeignKeyConstraint(
        ["group_id", "document_hash"], ["documents.group_id", "documents.content_hash"]
    ),
    Index("annotations_by_version", "group_id", "version"),
)

hide_table = Table(
    "hides", metadata,
    Column("group_id", BigInteger, primary_key=True),
    Column("annotation_id", Uuid, primary_key=True),
    Column("hidden", Boolean, nullable=False),
    Column("moderator_id", Uuid, ForeignKey("members.id"), nullable=False),
    Column("modified", DateTime(timezone=True), nullable=False),
    Column("version", BigInteger, nullable=False),
    ForeignKeyConstraint(["group_id", "annotation_id"], ["annotations.group_id", "annotations.id"]),
    Index("hides_by_version", "group_id", "version"),
)
