"""Each device pushes under a name, so Group ▸ Resolve Conflicts… can say where the other
text came from ("From ana-laptop, …"); pushes of older versions name no device, and the
chooser then says "Your other device" as before."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
from pytestqt.qtbot import QtBot

from annotator.core.annotation import Annotation
from annotator.exchange import layers
from annotator.groupsync import config
from annotator.groupsync.client import GroupClient
from annotator.groupsync.conflicts import DeviceConflict, DeviceConflicts
from annotator.groupsync.sync import GroupSync
from annotator.gui.conflicts_dialog import ConflictsDialog
from annotator.services.annotating import Annotating
from annotator.services.library import Library
from annotator.store import Store
from tests.server.classroom import GROUP, Classroom, library, reader_of
from tests.server.conftest import LiveGroup
from tests.server.test_protocol import _push, w3c_note

PHRASE = "Stakes have never been higher"


@contextmanager
def device(home: Path) -> Iterator[tuple[Store, Annotating, GroupSync]]:
    """Ana's device at `home`: its library, her edits there, and its sync."""
    with library(home) as store:
        reader = reader_of(home, store)
        yield store, Annotating(store, reader), GroupSync(store, reader)


def join(classroom: Classroom, home: Path, name: str) -> None:
    (home / "config").mkdir(parents=True, exist_ok=True)  # a new device
    with device(home) as (_store, _edits, groups):
        groups.join(f"{classroom.url}/groups/{GROUP}", classroom.tokens["Ana"], name)
        groups.sync()


def edit(home: Path, annotation_id: str, note: str) -> None:
    with device(home) as (_store, edits, groups):
        edits.edit([annotation_id], note=note)
        groups.sync()


def conflicts(home: Path) -> list[DeviceConflict]:
    with device(home) as (store, _edits, groups):
        groups.sync()
        return DeviceConflicts(store, reader_of(home, store)).listed()


def test_the_other_devices_name_travels_to_the_conflict_and_older_pushes_have_none(
    qtbot: QtBot, classroom: Classroom, sample_path: Path, tmp_path: Path,
) -> None:
    _teacher, _doc, content_hash = classroom.shared_sample(sample_path)
    classroom.add("Ana")
    desk, laptop = tmp_path / "desk", tmp_path / "laptop"
    join(classroom, desk, "  desk-pc  ")
    with device(desk) as (store, edits, groups):
        with store.transaction(write=False) as repo:
            found = repo.document_by_hash(content_hash)
        assert found is not None
        made = edits.highlight_quote(Library(store).document(found[0]), PHRASE,
                                     note="first words").after[0]
        groups.sync()
    join(classroom, laptop, "ana-laptop")
    edit(laptop, made.id, "written on the laptop")
    edit(desk, made.id, "written at the desk")
    [named] = conflicts(desk)
    assert (named.device, named.other_device) == ("desk-pc", "ana-laptop")
    assert named.conflict.other.note == "written on the laptop"

    # An older version on the laptop pushes its next edit without a device name.
    with device(laptop) as (store, _edits, groups):
        groups.sync()
        with store.transaction(write=False) as repo:
            mine = repo.annotations_by_id([made.id])[made.id]
        link = config.load()[GROUP]
        older = _item(mine.edited(note="from an older version", revision=mine.revision + 5),
                      content_hash)
        with GroupClient(link.url, link.group, link.token) as client:
            assert client.push(link.version, [older])["successful"] == [made.id]
    edit(desk, made.id, "at the desk again")
    unnamed = conflicts(desk)[-1]
    assert unnamed.other_device is None
    assert unnamed.conflict.other.note == "from an older version"

    dialog = ConflictsDialog()
    qtbot.addWidget(dialog)
    dialog.show_conflicts([named, unnamed])
    assert "<b>From ana-laptop</b>, " in dialog.other_label.text()
    assert "(desk-pc)" in dialog.mine_label.text()
    dialog.resize(800, 600)
    dialog.grab().save(str(tmp_path / "named.png"))
    dialog.list.setCurrentRow(1)
    assert dialog.other_label.text().startswith("<b>Your other device</b> — changed ")


def _item(annotation: Annotation, content_hash: str) -> dict[str, object]:
    return {"@context": layers.CONTEXT,
            **layers.item(annotation, f"urn:annotator:sha256:{content_hash}", {})}


def test_the_host_name_is_the_default_and_a_name_is_one_short_line(
    classroom: Classroom, tmp_path: Path,
) -> None:
    assert config.device_name() == config.device_name("   ") == socket.gethostname()[:64]
    assert config.device_name(" lab\npc\t3 ") == "lab pc 3"
    assert len(config.device_name("x" * 300)) == layers.MAX_DEVICE
    classroom.add("Ana")
    home = tmp_path / "desk"
    join(classroom, home, socket.gethostname())  # the name offered: kept as the default
    with library(home):
        assert config.load()[GROUP].device == ""
    join(classroom, home, "lab-pc-3")  # joining again renames the device
    with library(home):
        assert config.load()[GROUP].device_name == "lab-pc-3"


def test_the_server_keeps_a_pushed_device_name_and_refuses_a_bad_one(
    live_group: LiveGroup,
) -> None:
    g = live_group
    named = w3c_note(g.document, "named", id="urn:uuid:0d3f8b7e-5b1c-4a55-9f00-1b2c3d4e5f61",
                     **{layers.X_DEVICE: "lab-pc-3"})
    unnamed = w3c_note(g.document, "unnamed", id="urn:uuid:0d3f8b7e-5b1c-4a55-9f00-1b2c3d4e5f62")
    assert _push(g, "Ana", 1, [named, unnamed]).status_code == 200
    changes = httpx.get(f"{g.url}/groups/civics/changes", params={"since": 0},
                        headers=g.headers("Ana")).json()["changes"]
    by_note = {c["annotation"]["body"]["value"]: c["annotation"] for c in changes}
    assert by_note["named"][layers.X_DEVICE] == "lab-pc-3"
    assert layers.X_DEVICE not in by_note["unnamed"]
    seen_by_ben = httpx.get(f"{g.url}/groups/civics/changes", params={"since": 0},
                            headers=g.headers("Ben")).json()["changes"]
    assert seen_by_ben and all(layers.X_DEVICE not in c["annotation"] for c in seen_by_ben)
    # The same state offered again from another device (a restored server) is unchanged.
    again = _push(g, "Ana", 2, [{**named, layers.X_DEVICE: "ana-laptop"}]).json()
    assert again["unchanged"] == [named["id"][9:]] and not again["failed"]
    for bad in ("x" * 65, "lab\npc", 3):
        refused = _push(g, "Ana", 2, [{**named, layers.X_DEVICE: bad}])
        assert refused.status_code == 400, bad
        assert "device name" in refused.json()["error"]
