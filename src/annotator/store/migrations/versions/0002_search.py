"""Full-text search over document text and annotation notes and quotes.

Revision ID: 0002
Revises: 0001
Create Date: 2026-05-10

The one revision that differs by dialect. SQLite: FTS5 virtual tables kept in sync by
triggers (`annotator.store.sqlite.FTS_DDL`), filled from the rows already present, so a
library created at revision 0001 becomes searchable. PostgreSQL: GIN indexes over
`to_tsvector` expressions (`annotator.store.postgres.search`), which index existing rows
as they are built.
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def _statements(upgrade: bool) -> tuple[str, ...]:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        from annotator.store import sqlite

        return sqlite.FTS_DDL if upgrade else sqlite.FTS_DROP
    if dialect == "postgresql":
        from annotator.store.postgres import search

        return search.SEARCH_DDL if upgrade else search.SEARCH_DROP
    raise NotImplementedError(f"no full-text search for {dialect}")


def upgrade() -> None:
    for statement in _statements(upgrade=True):
        op.execute(statement)


def downgrade() -> None:
    for statement in _statements(upgrade=False):
        op.execute(statement)
