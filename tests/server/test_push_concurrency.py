"""Pushes that overlap: the group's lock is taken last (`server/library.py`), and these
guarantees still hold while another writer holds it.

A hand-held transaction on the real database holds the group's row lock (as a writer in
the middle of its commit would), a push over HTTP runs in a thread and queues behind it,
and `pg_stat_activity` says when it is waiting, so nothing depends on timing.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from typing import Any

import httpx
import psycopg

from tests.server.conftest import LiveGroup
from tests.server.test_protocol import _push, w3c_note

WAIT_SECONDS = 30


def _waiting(g: LiveGroup, count: int = 1) -> None:
    """Until `count` of the service's backends wait on a lock, whichever."""
    deadline = time.monotonic() + WAIT_SECONDS
    with g.database.cluster.connect(g.database.name) as conn:
        while time.monotonic() < deadline:
            found = conn.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                "AND wait_event_type = 'Lock'").fetchone()
            if found is not None and found[0] >= count:
                return
            time.sleep(0.02)
    raise AssertionError(f"{count} pushes did not come to wait on a lock")


@contextmanager
def _group_locked(g: LiveGroup) -> Iterator[tuple[psycopg.Connection, int]]:
    """A transaction holding the group's version row (as a write in flight does), with
    the version it took; committed when the block ends."""
    with g.database.cluster.connect(g.database.name) as conn, conn.transaction():
        row = conn.execute("UPDATE groups SET version = version + 1 WHERE name = 'civics' "
                           "RETURNING version").fetchone()
        assert row is not None
        yield conn, int(row[0])


def _pushed(g: LiveGroup, who: str, text: str) -> tuple[dict[str, Any], int]:
    """A note `who` has pushed, with its own id, and the group's version after it."""
    note = w3c_note(g.document, text, id=f"urn:uuid:{uuid.uuid4()}")
    return note, int(_push(g, who, 1, [note]).json()["version"])


def _texts(answer: dict[str, Any]) -> dict[str, str]:
    return {c["id"]: c["annotation"]["body"]["value"] for c in answer["changes"]
            if c["annotation"] is not None}


def test_two_devices_of_one_member_pushing_at_once_the_later_gets_412(
    live_group: LiveGroup,
) -> None:
    g = live_group
    note, version = _pushed(g, "Ana", "first")
    laptop = {**note, "annotator:revision": 2, "body": {"type": "TextualBody", "value": "laptop"}}
    phone = {**note, "annotator:revision": 2, "body": {"type": "TextualBody", "value": "phone"}}
    with ThreadPoolExecutor(2) as pool:
        with _group_locked(g):
            first = pool.submit(lambda: _push(g, "Ana", version, [laptop]))
            _waiting(g)
            second = pool.submit(lambda: _push(g, "Ana", version, [phone]))
            _waiting(g, 2)
        assert first.result().status_code == 200, first.result().text
        assert second.result().status_code == 412, "the phone's push saw the laptop's write"
    seen = httpx.get(f"{g.url}/groups/civics/changes", params={"since": version},
                     headers=g.headers("Ben")).json()
    assert _texts(seen) == {note["id"][9:]: "laptop"}


def test_a_pull_never_steps_over_a_write_still_in_flight(live_group: LiveGroup) -> None:
    g = live_group
    _, before = _pushed(g, "Ana", "before")
    with ThreadPoolExecutor(1) as pool:
        with _group_locked(g) as (_, in_flight):
            later = pool.submit(lambda: _push(g, "Ben", before, [
                w3c_note(g.document, "after")]))
            _waiting(g)
            during = httpx.get(f"{g.url}/groups/civics/changes", params={"since": before},
                               headers=g.headers("Cai")).json()
            # Neither the version in flight nor Ben's, queued after it, is shown yet.
            assert (during["version"], during["changes"]) == (before, [])
        assert later.result().json()["version"] == in_flight + 1
    after = httpx.get(f"{g.url}/groups/civics/changes", params={"since": during["version"]},
                      headers=g.headers("Cai")).json()
    assert set(_texts(after).values()) == {"after"} and after["version"] == in_flight + 1


def test_a_new_id_another_member_took_meanwhile_is_refused_not_overwritten(
    live_group: LiveGroup,
) -> None:
    g = live_group
    template, since = _pushed(g, "Ben", "Ben's")
    taken = uuid.uuid4()
    with ThreadPoolExecutor(1) as pool:
        with _group_locked(g) as (conn, version):
            # Ben's copy under the new id, written in the transaction holding the lock.
            conn.execute(
                "INSERT INTO annotations (group_id, id, document_hash, owner_id, motivation,"
                " body, revision, modified, deleted, version) SELECT group_id, %s,"
                " document_hash, owner_id, motivation,"
                " jsonb_set(body, '{id}', to_jsonb('urn:uuid:' || %s)), revision, modified,"
                " deleted, %s FROM annotations WHERE id = %s",
                (taken, str(taken), version, uuid.UUID(template["id"][9:])))
            ana = pool.submit(lambda: _push(g, "Ana", since, [
                w3c_note(g.document, "Ana's", id=f"urn:uuid:{taken}")]))
            _waiting(g)  # it saw no such id, and queued for the version
        answer = ana.result().json()
    assert answer["successful"] == [] and answer["failed"][str(taken)]["code"] == 403
    kept = httpx.get(f"{g.url}/groups/civics/annotations/{taken}", headers=g.headers("Cai"))
    assert kept.json()["body"]["value"] == "Ben's" and kept.json()["creator"]["name"] == "Ben"
