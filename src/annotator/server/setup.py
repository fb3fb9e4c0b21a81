"""`annotator server init` and `add-member`: schema, grants and members, as the owner role.

These run with the database owner's URL. The service itself should log in as another
role (`--service-role` names it here): one that owns nothing and gets only the rights
the service needs, so row-level security applies to it like to anyone, and a bug cannot
drop a policy. The tables are `FORCE`d as well, for a school that runs everything as one
role.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from importlib import resources

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, insert, select, text
from sqlalchemy.exc import DBAPIError

from annotator.core.annotation import utc_now
from annotator.server.db import ServerError, engine_for, unreachable
from annotator.server.members import Role, new_token, token_hash
from annotator.server.schema import group_table, member_table

GROUP_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")
ROLE_NAME = re.compile(r"[a-z_][a-z0-9_]{0,62}")
MAX_MEMBER_NAME = 200

GRANTS = """
GRANT USAGE ON SCHEMA public TO {role};
GRANT SELECT ON groups, members, annotator_server_version TO {role};
GRANT UPDATE (version, answers_hidden_until) ON groups TO {role};
GRANT SELECT, INSERT, UPDATE ON documents, annotations, hides TO {role};
"""


def migration_config(conn: Connection | None) -> Config:
    config = Config()
    location = resources.files("annotator.server") / "migrations"
    config.set_main_option("script_location", str(location))
    config.attributes["connection"] = conn
    return config


def check_group_name(name: str) -> str:
    if not GROUP_NAME.fullmatch(name):
        raise ServerError(
            f"{name[:80]!r} cannot name a group: use 1-64 letters, digits, '.', '_' or '-', "
            "starting with a letter or digit (it appears in URLs)."
        )
    return name


def init(url: str, service_role: str | None = None) -> str:
    """Create or upgrade the schema; grant `service_role` what the service needs. The head."""
    if service_role is not None and not ROLE_NAME.fullmatch(service_role):
        raise ServerError(f"{service_role[:80]!r} is not a plain PostgreSQL role name.")
    engine = engine_for(url, pool_size=1)
    try:
        with engine.begin() as conn:
            command.upgrade(migration_config(conn), "head")
            if service_role is not None:
                conn.execute(text(GRANTS.format(role=service_role)))
            head = conn.scalar(text("SELECT version_num FROM annotator_server_version"))
    except DBAPIError as exc:
        raise unreachable(url, exc) from None
    finally:
        engine.dispose()
    return str(head)


@dataclass(frozen=True, slots=True)
class NewMember:
    id: uuid.UUID
    group: str
    name: str
    role: Role
    token: str
    expires: datetime | None


def add_member(
    url: str, group: str, name: str, role: str, *, expires_in: timedelta | None = None
) -> NewMember:
    """A member of `group` (created if new) with a fresh token, shown only this once."""
    check_group_name(group)
    name = " ".join(name.split())
    if not name or len(name) > MAX_MEMBER_NAME:
        raise ServerError(f"A member's name is 1 to {MAX_MEMBER_NAME} characters.")
    try:
        chosen = Role(role)
    except ValueError:
        raise ServerError(f"{role[:40]!r} is not a role: use teacher or student.") from None
    token, member_id, now = new_token(), uuid.uuid4(), utc_now()
    expires = now + expires_in if expires_in is not None else None
    engine = engine_for(url, pool_size=1)
    try:
        with engine.begin() as conn:
            conn.execute(
                text("INSERT INTO groups (name, created) VALUES (:n, :t) "
                     "ON CONFLICT (name) DO NOTHING"), {"n": group, "t": now},
            )
            group_id = conn.scalar(select(group_table.c.id).where(group_table.c.name == group))
            conn.execute(insert(member_table).values(
                id=member_id, group_id=group_id, name=name, role=chosen.value,
                token_hash=token_hash(token), created=now, expires=expires,
            ))
    except DBAPIError as exc:
        raise unreachable(url, exc) from None
    finally:
        engine.dispose()
    return NewMember(member_id, group, name, chosen, token, expires)
