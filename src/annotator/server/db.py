"""Engines on the group database, and transactions that act for one member.

The member is set with `set_config('annotator.member', id, true)`, the function form of
`SET LOCAL` (which takes no bind parameters): it ends with the transaction, so a pooled
connection never carries one member's identity into another request.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from uuid import UUID

from sqlalchemy import Connection, Engine, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError

from annotator.errors import AnnotatorError


class ServerError(AnnotatorError):
    """The group database cannot be used (bad URL, unreachable, wrong role, no schema)."""


def engine_for(url: str, *, pool_size: int = 10) -> Engine:
    """An engine on `url` (postgresql://user@host:port/db), through psycopg 3."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise ServerError(f"{url!r} is not a database URL (postgresql://user@host/db).") from None
    if parsed.get_backend_name() not in ("postgresql", "postgres"):
        raise ServerError(f"The group library needs PostgreSQL, not {parsed.drivername}.")
    parsed = parsed.set(drivername="postgresql+psycopg")
    return create_engine(parsed, pool_size=pool_size, max_overflow=pool_size,
                         pool_pre_ping=True)


def unreachable(url: str, exc: DBAPIError) -> ServerError:
    reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
    shown = make_url(url).render_as_string(hide_password=True)
    return ServerError(f"Cannot use the database {shown}: {reason}")


@contextmanager
def member_transaction(engine: Engine, member: UUID) -> Iterator[Connection]:
    """One transaction in which row-level security sees `member` as the current member."""
    with engine.begin() as conn:
        conn.execute(text("SELECT set_config('annotator.member', :m, true)"), {"m": str(member)})
        yield conn
