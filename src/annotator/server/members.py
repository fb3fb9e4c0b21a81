"""Members and their bearer tokens: only a token's SHA-256 is ever stored.

A token is 32 random bytes (URL-safe base64): a hash is enough to look it up, and no
slow password hash is needed because nobody chooses it. A leaked database then yields no
token anyone can use.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from uuid import UUID

from sqlalchemy import Connection, select

from annotator.core.annotation import utc_now
from annotator.server.schema import group_table, member_table

MAX_TOKEN = 200


class Role(StrEnum):
    TEACHER = "teacher"  # owner and moderator of the group
    STUDENT = "student"


@dataclass(frozen=True, slots=True)
class Member:
    id: UUID
    name: str
    role: Role
    group_id: int
    group: str

    @property
    def moderates(self) -> bool:
        return self.role is Role.TEACHER


def new_token() -> str:
    """32 random bytes behind a prefix: never starts with a dash (a shell option), and
    secret scanners can recognise it."""
    return "annot_" + secrets.token_urlsafe(32)


def token_hash(token: str) -> bytes:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).digest()


def authenticate(conn: Connection, token: str, now: datetime | None = None) -> Member | None:
    """The member holding `token`, or None (unknown, malformed or expired)."""
    if not token or len(token) > MAX_TOKEN:
        return None
    row = conn.execute(
        select(member_table.c.id, member_table.c.name, member_table.c.role, member_table.c.group_id,
               group_table.c.name, member_table.c.expires)
        .join(group_table, group_table.c.id == member_table.c.group_id)
        .where(member_table.c.token_hash == token_hash(token))
    ).first()
    if row is None or (row.expires is not None and row.expires <= (now or utc_now())):
        return None
    return Member(row.id, row.name, Role(row.role), row.group_id, row[4])
