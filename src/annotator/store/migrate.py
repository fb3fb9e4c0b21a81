"""The one Alembic history, run the same way on every database.

`store/migrations` holds revisions that run on SQLite and on PostgreSQL alike; only
full-text search differs by dialect (revision 0002). The adapters decide when to migrate
(the SQLite store backs the file up first); this module knows the history and applies it
on a connection the caller has inside its transaction, so all pending revisions commit
or none does.
"""

from __future__ import annotations

from importlib import resources

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection


def alembic_config() -> Config:
    config = Config()
    location = resources.files("annotator.store") / "migrations"
    config.set_main_option("script_location", str(location))
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    return {rev.revision for rev in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def current_revision(conn: Connection) -> str | None:
    return MigrationContext.configure(conn).get_current_revision()


def upgrade(conn: Connection, target: str = "head") -> None:
    """Apply the revisions up to `target` on `conn`, inside the caller's transaction."""
    config = alembic_config()
    config.attributes["connection"] = conn
    command.upgrade(config, target)
