"""Row-level security, tested with hand-written SQL: what a bug in the service could send.

Each statement runs as the service's own role (`annotator_app`, no superuser, owns
nothing), with the member set per transaction exactly as the service sets it. However
wrong the statement, one student cannot change or remove another's annotation, hide
anything, or read another group's rows.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import psycopg
import pytest

from annotator.server import setup
from tests.postgres_cluster import OWNER, SERVICE
from tests.server.conftest import GroupDatabase

HASH = "a" * 64


@contextmanager
def acting_as(db: GroupDatabase, member: uuid.UUID | None, user: str = SERVICE
              ) -> Iterator[psycopg.Connection]:
    with db.cluster.connect(db.name, user) as conn, conn.transaction():
        if member is not None:
            conn.execute("SELECT set_config('annotator.member', %s, true)", (str(member),))
        yield conn


def _insert_annotation(conn: psycopg.Connection, group: int, owner: uuid.UUID) -> uuid.UUID:
    annotation = uuid.uuid4()
    conn.execute(
        "INSERT INTO annotations (group_id, id, document_hash, owner_id, motivation, body,"
        " revision, modified, deleted, version) VALUES (%s, %s, %s, %s, 'commenting', %s, 1,"
        " now(), false, 1)",
        (group, annotation, HASH, owner, json.dumps({"note": "mine"})),
    )
    return annotation


@pytest.fixture
def group(group_database: GroupDatabase) -> dict[str, object]:
    """civics: teacher, ana, ben (ana owns one annotation); other: carl."""
    setup.init(group_database.owner_url, SERVICE)
    people = {
        who: setup.add_member(group_database.owner_url, grp, who, role).id
        for who, grp, role in (("teacher", "civics", "teacher"), ("ana", "civics", "student"),
                               ("ben", "civics", "student"), ("carl", "other", "student"))
    }
    with acting_as(group_database, people["ana"]) as conn:
        civics = conn.execute("SELECT id FROM groups WHERE name = 'civics'").fetchone()[0]
        conn.execute(
            "INSERT INTO documents (group_id, content_hash, title, bundle, shared_by, version)"
            " VALUES (%s, %s, 'Text', '\\x00', %s, 1)", (civics, HASH, people["ana"]),
        )
        note = _insert_annotation(conn, civics, people["ana"])
    return {"db": group_database, "civics": civics, "note": note, **people}


def test_another_student_can_neither_update_nor_delete(group: dict[str, object]) -> None:
    db, note = group["db"], group["note"]
    assert isinstance(db, GroupDatabase)
    with acting_as(db, group["ben"]) as conn:  # type: ignore[arg-type]
        assert conn.execute("SELECT count(*) FROM annotations").fetchone() == (1,)
        edited = conn.execute(
            "UPDATE annotations SET body = '{\"note\": \"ben was here\"}' WHERE id = %s", (note,)
        )
        assert edited.rowcount == 0
    # Nothing is ever removed (deletions are tombstones): the service may not DELETE at all.
    with pytest.raises(psycopg.errors.InsufficientPrivilege), \
            acting_as(db, group["ben"]) as conn:  # type: ignore[arg-type]
        conn.execute("DELETE FROM annotations WHERE true")
    with acting_as(db, group["ana"]) as conn:  # type: ignore[arg-type]
        body = conn.execute("SELECT body FROM annotations WHERE id = %s", (note,)).fetchone()
        assert body == ({"note": "mine"},)


def test_a_student_cannot_write_rows_in_another_name(group: dict[str, object]) -> None:
    db = group["db"]
    assert isinstance(db, GroupDatabase)
    with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"), \
            acting_as(db, group["ben"]) as conn:  # type: ignore[arg-type]
        _insert_annotation(conn, group["civics"], group["ana"])  # type: ignore[arg-type]
    with acting_as(db, group["ben"]) as conn:  # type: ignore[arg-type]
        mine = _insert_annotation(conn, group["civics"], group["ben"])  # type: ignore[arg-type]
    with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"), \
            acting_as(db, group["ben"]) as conn:  # type: ignore[arg-type]
        conn.execute("UPDATE annotations SET owner_id = %s WHERE id = %s", (group["ana"], mine))


def test_only_the_teacher_hides(group: dict[str, object]) -> None:
    db, note = group["db"], group["note"]
    assert isinstance(db, GroupDatabase)
    hide = ("INSERT INTO hides (group_id, annotation_id, hidden, moderator_id, modified, version)"
            " VALUES (%s, %s, true, %s, now(), 2)")
    with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"), \
            acting_as(db, group["ben"]) as conn:  # type: ignore[arg-type]
        conn.execute(hide, (group["civics"], note, group["ben"]))
    with acting_as(db, group["teacher"]) as conn:  # type: ignore[arg-type]
        conn.execute(hide, (group["civics"], note, group["teacher"]))
        # A moderator hides; they still cannot edit the student's content.
        assert conn.execute("UPDATE annotations SET deleted = true").rowcount == 0
    with acting_as(db, group["ben"]) as conn:  # type: ignore[arg-type]
        assert conn.execute("UPDATE hides SET hidden = false").rowcount == 0


def test_other_groups_and_no_member_see_nothing(group: dict[str, object]) -> None:
    db = group["db"]
    assert isinstance(db, GroupDatabase)
    with acting_as(db, group["carl"]) as conn:  # type: ignore[arg-type]
        assert conn.execute("SELECT count(*) FROM annotations").fetchone() == (0,)
        assert conn.execute("SELECT count(*) FROM documents").fetchone() == (0,)
    with acting_as(db, None) as conn:
        assert conn.execute("SELECT count(*) FROM annotations").fetchone() == (0,)
    # FORCE: even the tables' owner is held by the policies.
    with acting_as(db, None, OWNER) as conn:
        assert conn.execute("SELECT count(*) FROM annotations").fetchone() == (0,)


def test_the_member_does_not_outlive_its_transaction(group: dict[str, object]) -> None:
    db = group["db"]
    assert isinstance(db, GroupDatabase)
    with db.cluster.connect(db.name, SERVICE) as conn:
        with conn.transaction():
            conn.execute("SELECT set_config('annotator.member', %s, true)", (str(group["ana"]),))
            assert conn.execute("SELECT count(*) FROM annotations").fetchone() == (1,)
        assert conn.execute("SELECT count(*) FROM annotations").fetchone() == (0,)


def test_the_service_role_cannot_switch_security_off(group: dict[str, object]) -> None:
    db = group["db"]
    assert isinstance(db, GroupDatabase)
    for statement in ("ALTER TABLE annotations DISABLE ROW LEVEL SECURITY",
                      "DROP POLICY annotations_edit ON annotations",
                      "DELETE FROM members"):
        with pytest.raises(psycopg.errors.InsufficientPrivilege), acting_as(db, None) as conn:
            conn.execute(statement)


def test_a_service_bug_that_skips_the_owner_check_still_changes_nothing(
    group: dict[str, object]
) -> None:
    """The service's own write path, called as a bug would: past its ownership check."""
    from annotator.core.annotation import Annotation
    from annotator.server.db import engine_for, member_transaction
    from annotator.server.library import GroupLibrary, _Rows, canonical
    from annotator.server.members import Member, Role

    db = group["db"]
    assert isinstance(db, GroupDatabase)
    ben = Member(group["ben"], "ben", Role.STUDENT, group["civics"], "civics")  # type: ignore[arg-type]
    forged = Annotation(HASH, 0, 4, "text", note="ben was here", author_id=str(group["ana"]),
                        id=str(group["note"]), revision=9)
    rows = _Rows()
    rows.add(forged, canonical(forged, HASH), new=False)
    engine = engine_for(db.service_url)
    try:
        with member_transaction(engine, ben.id) as conn:
            # The UPDATE names Ana's row by id; the policy lets Ben's update see none.
            _, written = GroupLibrary(engine)._write(conn, ben, rows)
        assert written == set()
    finally:
        engine.dispose()
    with acting_as(db, group["ana"]) as conn:  # type: ignore[arg-type]
        row = conn.execute("SELECT body, revision, owner_id FROM annotations WHERE id = %s",
                           (group["note"],)).fetchone()
    assert row == ({"note": "mine"}, 1, group["ana"])
