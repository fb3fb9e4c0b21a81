"""Property: any interleaving of offline edits and syncs converges on every client.

Three clients of one group (two devices of Ana, one of Ben) write notes, edit and delete
their own, and sync in any order hypothesis picks; then everyone syncs for a few rounds.
Every client must then hold the same annotations with the same notes and tombstones. The
service is the real one on loopback; the clients run in this process, each with its own
ANNOTATOR_HOME, so an example costs a fraction of a second rather than a process each.
"""

from __future__ import annotations

import itertools
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.groupsync.sync import GroupSync
from annotator.importers import import_path
from annotator.server.setup import add_member
from annotator.services.annotating import Annotating
from annotator.services.identity import Identity
from annotator.services.library import Library
from annotator.store import Store
from tests.server.conftest import LiveGroup

CLIENTS = ("Ana", "Ana", "Ben")  # two devices of Ana
STEPS = st.lists(
    st.tuples(st.sampled_from(("note", "edit", "delete", "sync")), st.integers(0, 2),
              st.integers(0, 7)),
    max_size=8,
)
_groups = itertools.count()


class Client:
    """One device: its library stays open for the example, its settings are its home's."""

    def __init__(self, home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        self.home = home
        self._monkeypatch = monkeypatch
        monkeypatch.setenv("ANNOTATOR_HOME", str(home))
        self.store = Store.open(home / "data" / "annotator.db")

    def run(self, action: str, *args: Any) -> Any:
        self._monkeypatch.setenv("ANNOTATOR_HOME", str(self.home))
        store = self.store
        reader = Identity(store).reader()
        if action in ("join", "share", "sync"):
            return getattr(GroupSync(store, reader), action)(*args)
        return getattr(self, action)(store, reader, *args)

    def add(self, store: Store, reader: Any, path: Path) -> str:
        return Library(store).add(import_path(path))

    def view(self, store: Store, reader: Any, content_hash: str) -> dict[str, Any]:
        with store.transaction(write=False) as repo:
            found = repo.document_by_hash(content_hash)
            assert found is not None
            every = repo.annotations(found[0]) + repo.tombstones(found[0])
        return {a.id: (a.note, a.deleted, a.author_id) for a in every}

    def write(self, store: Store, reader: Any, content_hash: str, kind: str, pick: int) -> None:
        with store.transaction(write=False) as repo:
            found = repo.document_by_hash(content_hash)
            assert found is not None
            mine = sorted(a.id for a in repo.annotations(found[0]) if a.author_id == reader.id)
        annotating = Annotating(store, reader)
        if kind == "note" or not mine:
            doc = Library(store).document(found[0])
            start = 10 + 20 * pick
            annotating.highlight(doc, start, start + 8, note=f"{reader.name} {pick}")
        elif kind == "edit":
            annotating.edit([mine[pick % len(mine)]], note=f"edited {pick}")
        else:
            annotating.delete([mine[pick % len(mine)]])


@pytest.mark.timeout(300)
@settings(max_examples=8, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(steps=STEPS)
def test_offline_edits_and_syncs_converge(
    live_group: LiveGroup, sample_path: Path, monkeypatch: pytest.MonkeyPatch,
    steps: list[tuple[str, int, int]],
) -> None:
    group = f"p{next(_groups)}"
    owner = live_group.database.owner_url
    tokens = {name: add_member(owner, group, name, "student").token for name in set(CLIENTS)}
    root = Path(tempfile.mkdtemp(prefix="annotator-prop-"))
    clients = [Client(root / str(i), monkeypatch) for i in range(len(CLIENTS))]
    try:
        _converge(clients, live_group.url, group, tokens, sample_path, steps)
    finally:
        for client in clients:
            client.store.close()


def _converge(clients: list[Client], url: str, group: str, tokens: dict[str, str],
              sample_path: Path, steps: list[tuple[str, int, int]]) -> None:
    for client, name in zip(clients, CLIENTS, strict=True):
        client.run("join", f"{url}/groups/{group}", tokens[name])
    doc = clients[0].run("add", sample_path)
    _, content_hash, _, _ = clients[0].run("share", doc)
    for client in clients:
        client.run("sync")

    for kind, who, pick in steps:
        if kind == "sync":
            clients[who].run("sync")
        else:
            clients[who].run("write", content_hash, kind, pick)
    for _ in range(2):  # a conflict's resolution needs one more round to reach everyone
        for client in clients:
            client.run("sync")

    views = [client.run("view", content_hash) for client in clients]
    assert views[0] == views[1] == views[2]
    written = sum(1 for kind, _, _ in steps if kind != "sync")
    assert bool(views[0]) == bool(written), "every note reached the group"
