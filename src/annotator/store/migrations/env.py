"""Alembic environment, configured in code by `annotator.store.migrate`.

No alembic.ini: the store (either adapter) passes an open connection in
`config.attributes["connection"]`, already inside the transaction it will commit, so
every pending revision is applied as one unit. PostgreSQL's DDL is transactional; SQLite's
is once the engine emits BEGIN itself, so Alembic's SQLite default
`transactional_ddl = False` is overridden here.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from annotator.store.models import Base

connection = context.config.attributes.get("connection")
if not isinstance(connection, Connection):
    raise RuntimeError("annotator migrations run only through annotator.store.migrate")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    transactional_ddl=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
