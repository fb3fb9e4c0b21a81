"""Live updates without Qt (issue 12): the listener hears the real service's events after
a push, finds the service again after a restart, and stops at once when asked."""

from __future__ import annotations

import queue
import threading
from pathlib import Path

import pytest

from annotator.groupsync import config
from annotator.groupsync.live import GroupEvents, Heard, versions
from tests.server.classroom import GROUP, Classroom, cli, library

pytestmark = pytest.mark.timeout(300)

WAIT_S = 30.0


def next_heard(heard: queue.Queue[Heard], above: int) -> Heard:
    """The first event announcing a version above `above` (older ones are skipped)."""
    while True:
        event = heard.get(timeout=WAIT_S)
        if event.version > above:
            return event


def push_a_note(home: Path, content_hash: str, note: str) -> int:
    """`home` annotates the shared document and syncs; the group's version after it."""
    with library(home) as store, store.transaction(write=False) as repo:
        found = repo.document_by_hash(content_hash)
    assert found is not None
    cli(home, "highlight", found[0], "--quote", "cooperation", "--note", note)
    report = cli(home, "sync")
    assert report["pushed"] == 1
    return int(report["version"])


def test_the_listener_hears_a_push_and_finds_the_service_again_after_a_restart(
    classroom: Classroom, sample_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    teacher, _doc, content_hash = classroom.shared_sample(sample_path)
    ana = classroom.join("Ana")
    cli(ana, "sync")
    monkeypatch.setenv("ANNOTATOR_HOME", str(ana))
    link = config.load()[GROUP]

    heard: queue.Queue[Heard] = queue.Queue()
    events = GroupEvents(link, heard.put, first_retry=0.2, last_retry=1.0).start()
    try:
        first = heard.get(timeout=WAIT_S)  # the version when the stream opened
        assert (first.group, first.back) == (GROUP, False)
        assert first.version == link.version

        version = push_a_note(teacher, content_hash, "heard live")
        assert version > first.version
        announced = next_heard(heard, first.version)
        assert announced.version == version and not announced.back

        assert classroom.server is not None
        classroom.server.stop()  # the listener loses the stream and keeps trying quietly
        classroom.server.start()
        again = heard.get(timeout=WAIT_S)
        assert again.back and again.version == version  # reachable again, nothing new

        after = push_a_note(teacher, content_hash, "heard after the restart")
        assert next_heard(heard, version).version == after
    finally:
        assert events.stop()  # the blocked read is woken: no thread left behind
    assert not events.alive


def test_stopping_while_the_server_is_unreachable_ends_the_thread(tmp_path: Path) -> None:
    link = config.GroupLink("http://127.0.0.1:9", GROUP, "annot_x", "m", "Ana", "student")
    heard: list[Heard] = []
    events = GroupEvents(link, heard.append, first_retry=0.05, last_retry=0.1).start()
    threading.Event().wait(0.5)  # several refused connections meanwhile
    assert events.stop(timeout=10)
    assert heard == []


def test_only_version_events_count() -> None:
    lines = [": keepalive", "", "event: version", "data: 7", "", "event: other", "data: 9",
             "", "data: 11", "", "event: version", "data:12", "", "event: version",
             "data: x", ""]
    assert list(versions(lines)) == [7, 12]
