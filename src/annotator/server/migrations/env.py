"""Alembic environment of the group server, configured in code by `annotator.server.setup`.

Its own history and version table (`annotator_server_version`), apart from the desktop
library's (`store/migrations`): the server's schema is PostgreSQL-only (row-level
security, JSONB) and upgrades on a school's schedule, not on a reader's, and a database
may one day hold both without either history seeing the other's revisions.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from annotator.server.schema import VERSION_TABLE, metadata

connection = context.config.attributes.get("connection")
if not isinstance(connection, Connection):
    raise RuntimeError("group server migrations run only through annotator.server.setup")

context.configure(
    connection=connection,
    target_metadata=metadata,
    version_table=VERSION_TABLE,
    transactional_ddl=True,
)
with context.begin_transaction():
    context.run_migrations()
