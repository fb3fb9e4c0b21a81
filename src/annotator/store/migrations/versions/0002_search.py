"""Full-text search over document text and annotation notes and quotes.

Revision ID: 0002
Revises: 0001
Create Date: 2026-05-10

SQLite only (FTS5 virtual tables kept in sync by triggers, see `annotator.store.sqlite`);
a PostgreSQL library would add tsvector indexes here instead. The tables are filled from
the rows already present, so a library created at revision 0001 becomes searchable.
"""

from __future__ import annotations

from alembic import op

from annotator.store import sqlite

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for statement in sqlite.FTS_DDL:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for statement in sqlite.FTS_DROP:
        op.execute(statement)
