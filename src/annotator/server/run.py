"""`annotator server run`: check the database and the role, then serve with uvicorn.

The service refuses to start as a superuser or a role with BYPASSRLS: row-level security
would not apply to it, and it is the second line of defence. It also refuses a database
whose schema is missing or older than this code (`annotator server init` first).
"""

from __future__ import annotations

import uvicorn
from alembic.script import ScriptDirectory
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError, ProgrammingError

from annotator.server.app import create_app
from annotator.server.db import ServerError, engine_for, unreachable
from annotator.server.setup import migration_config


def check_database(url: str) -> None:
    head = ScriptDirectory.from_config(migration_config(None)).get_current_head()
    engine = engine_for(url, pool_size=1)
    try:
        with engine.connect() as conn:
            role = conn.execute(text(
                "SELECT rolname, rolsuper OR rolbypassrls FROM pg_roles "
                "WHERE rolname = current_user")).one()
            if role[1]:
                raise ServerError(
                    f"The service must not log in as {role[0]}, a superuser or BYPASSRLS "
                    "role: row-level security would not apply. Use the service role that "
                    "`annotator server init --service-role` granted."
                )
            try:
                current = conn.scalar(text("SELECT version_num FROM annotator_server_version"))
            except ProgrammingError:
                current = None
    except DBAPIError as exc:
        raise unreachable(url, exc) from None
    finally:
        engine.dispose()
    if current != head:
        raise ServerError(
            f"The group database's schema is {current or 'missing'}, this server needs "
            f"{head}: run `annotator server init --database URL` as its owner first."
        )


def serve(url: str, host: str, port: int) -> None:
    check_database(url)
    uvicorn.run(create_app(url), host=host, port=port, log_level="warning",
                timeout_graceful_shutdown=5)
