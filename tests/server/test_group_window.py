"""The window in a group (issue 12, desktop client): Join…, Share, background sync, and
the status-bar indicator, against the real server on loopback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from annotator.groupsync import config
from annotator.gui.main_window import MainWindow
from tests.gui.test_classroom_window import open_window
from tests.server.classroom import GROUP, Classroom, annotations, cli, edit_note, library

ANA_PHRASE = "Stakes have never been higher"
BEN_PHRASE = "the world’s largest carbon emitters"


def join_in_dialog(window: MainWindow, qtbot: QtBot, classroom: Classroom) -> None:
    """Join as Ana through Group ▸ Join…, after a wrong token is refused in the dialog."""
    token = classroom.add("Ana")
    commands = window.group_commands
    assert not commands.share.isEnabled()
    commands.join.trigger()
    dialog = commands.dialog
    assert dialog is not None and dialog.isVisible()
    dialog.url.setText("http://127.0.0.1:9/groups/civics")  # nothing listens there
    dialog.token.setText(token)
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: dialog.buttons.isEnabled(), timeout=15_000)
    assert dialog.error.text().startswith("Cannot reach a group server at http://127.0.0.1:9")
    dialog.url.setText(f"{classroom.url}/groups/{GROUP}")
    dialog.token.setText("not-a-token")
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: dialog.buttons.isEnabled(), timeout=15_000)
    assert "wrong or has expired" in dialog.error.text() and dialog.isVisible()
    assert "\n" not in dialog.error.text()
    dialog.token.setText(token)
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=15_000)
    qtbot.waitUntil(lambda: commands.indicator.isVisible(), timeout=15_000)
    assert commands.share.isEnabled()
    assert window.annotation_layer.session is not None
    assert window.annotation_layer.session.reader.id == classroom.members["Ana"]


@pytest.fixture
def ana(qtbot: QtBot, classroom: Classroom, monkeypatch: pytest.MonkeyPatch,
        annotator_home: Path) -> tuple[MainWindow, str]:
    """Ana's window, joined through the dialog and sharing the document on screen: the
    window and that document's content hash."""
    window = open_window(qtbot, monkeypatch, annotator_home, "Ana")
    join_in_dialog(window, qtbot, classroom)
    return window, share_on_screen(window, qtbot)


def share_on_screen(window: MainWindow, qtbot: QtBot) -> str:
    """Group ▸ Share Document to Group; the content hash of the document on screen."""
    doc_id = window.annotation_layer.document_id
    window.group_commands.share.trigger()
    qtbot.waitUntil(lambda: doc_id in config.load()[GROUP].documents.values(), timeout=15_000)
    settled(window, qtbot)
    return next(h for h, d in config.load()[GROUP].documents.items() if d == doc_id)


def settled(window: MainWindow, qtbot: QtBot) -> str:
    """Wait until no sync runs or is due; the indicator's text."""
    commands = window.group_commands
    qtbot.waitUntil(lambda: not commands.busy, timeout=30_000)
    return commands.indicator.text()


def note(window: MainWindow, phrase: str, text: str) -> None:
    assert window.reading is not None
    start = window.reading.document.text.index(phrase)
    made = window.annotation_layer.highlight("yellow", note=text,
                                             span=(start, start + len(phrase)))
    assert made is not None


def ben_writes(classroom: Classroom, content_hash: str, text: str) -> None:
    """Ben joins from his own home, notes the shared document and syncs (the CLI)."""
    ben = classroom.join("Ben")
    cli(ben, "sync")  # fetches the shared document
    with library(ben) as store, store.transaction(write=False) as repo:
        found = repo.document_by_hash(content_hash)
    assert found is not None
    cli(ben, "highlight", found[0], "--quote", BEN_PHRASE, "--note", text)
    assert cli(ben, "sync")["pushed"] == 1


def test_a_second_members_note_appears_after_a_sync(
    qtbot: QtBot, classroom: Classroom, ana: tuple[MainWindow, str],
) -> None:
    window, content_hash = ana
    note(window, ANA_PHRASE, "Ana's note")
    assert window.group_commands.sync_due  # a sync follows the pause
    window.group_commands.sync_now()
    assert settled(window, qtbot) == "Synced"

    layer = window.annotation_layer
    listed = window.annotations_panel.list.count()
    ben_writes(classroom, content_hash, "Ben's note")
    window.group_commands.indicator.click()  # or the server's event: whichever comes first
    qtbot.waitUntil(lambda: "Ben's note" in {a.note for a in layer.annotations.values()},
                    timeout=30_000)
    bens = next(a for a in layer.annotations.values() if a.note == "Ben's note")
    assert bens.author_id == classroom.members["Ben"]
    qtbot.waitUntil(lambda: window.annotations_panel.list.count() > listed, timeout=10_000)
    assert settled(window, qtbot) == "Synced"


def test_with_the_server_stopped_the_indicator_counts_the_changes_waiting(
    qtbot: QtBot, classroom: Classroom, tmp_path: Path, ana: tuple[MainWindow, str],
) -> None:
    window, content_hash = ana
    assert settled(window, qtbot) == "Synced"
    assert classroom.server is not None
    classroom.server.stop()
    note(window, ANA_PHRASE, "written offline")
    note(window, BEN_PHRASE, "also offline")
    window.group_commands.sync_now()
    assert settled(window, qtbot) == "Offline — 2 change(s) waiting"
    indicator = window.group_commands.indicator
    assert "Cannot reach the group server" in indicator.toolTip()
    assert window.last_error is None  # a state, not an error dialog
    window.grab().save(str(tmp_path / "offline.png"))

    classroom.server.start()  # back: a click on the indicator catches up
    indicator.click()
    assert settled(window, qtbot) == "Synced"
    ben = classroom.join("Ben")
    cli(ben, "sync")
    assert {"written offline", "also offline"} <= {
        a.note for a in annotations(ben, content_hash)}

    note(window, "US-China", "sent after a pause")  # no click: the pause syncs it
    made = next(a for a in window.annotation_layer.annotations.values()
                if a.note == "sent after a pause")
    qtbot.waitUntil(lambda: made.id in config.load()[GROUP].synced, timeout=30_000)
    assert settled(window, qtbot) == "Synced"


def conflicting_edits(window: MainWindow, qtbot: QtBot, classroom: Classroom,
                      tmp_path: Path) -> tuple[str, Path]:
    """Ana's note edited in the window and on her laptop before either synced; the
    window's sync then says "Conflict". (the note's id, the laptop's home)"""
    note(window, ANA_PHRASE, "first words")
    made = next(a for a in window.annotation_layer.annotations.values()
                if a.note == "first words")
    window.group_commands.sync_now()
    assert settled(window, qtbot) == "Synced"

    laptop = classroom.join("Ana", home=tmp_path / "laptop")  # Ana's second device
    cli(laptop, "sync")
    edit_note(laptop, made.id, "written on the laptop")
    assert cli(laptop, "sync")["pushed"] == 1
    assert window.annotation_layer.save_note(made.id, "written in the window", ())
    window.group_commands.sync_now()
    assert settled(window, qtbot) == "Conflict"
    return made.id, laptop


def test_a_note_changed_on_two_devices_shows_a_conflict(
    qtbot: QtBot, classroom: Classroom, ana: tuple[MainWindow, str], tmp_path: Path,
) -> None:
    window, _hash = ana
    made, _laptop = conflicting_edits(window, qtbot, classroom, tmp_path)
    assert "two devices" in window.group_commands.indicator.toolTip()
    kept = window.annotation_layer.annotations[made]
    assert kept.note == "written in the window"
    [conflict] = config.load()[GROUP].conflicts
    assert "written on the laptop" in json.dumps(conflict["other"])  # kept too


def test_another_members_note_appears_without_anyone_pressing_sync(
    qtbot: QtBot, classroom: Classroom, ana: tuple[MainWindow, str],
) -> None:
    """The server's event after Ben's push makes Ana's window pull: no click, no timer."""
    window, content_hash = ana
    commands = window.group_commands
    assert commands.live is not None and commands.live.groups == {GROUP}
    ben_writes(classroom, content_hash, "Ben's live note")

    layer = window.annotation_layer
    qtbot.waitUntil(lambda: "Ben's live note" in {a.note for a in layer.annotations.values()},
                    timeout=30_000)
    assert settled(window, qtbot) == "Synced"
    streams = commands.live.streams
    window.close()  # the listening threads end with the window
    assert commands.live is None and not any(s.alive for s in streams)


def test_a_conflict_resolved_in_the_window_reaches_both_devices(
    qtbot: QtBot, classroom: Classroom, ana: tuple[MainWindow, str], tmp_path: Path,
) -> None:
    window, content_hash = ana
    made, laptop = conflicting_edits(window, qtbot, classroom, tmp_path)
    layer = window.annotation_layer
    commands = window.group_commands

    commands.indicator.click()  # "Conflict" opens the chooser
    dialog = commands.conflicts_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.list.count() == 1
    assert dialog.mine.toPlainText() == "written in the window"
    assert dialog.other.toPlainText() == "written on the laptop"
    assert "written on the laptop" in dialog.written.toPlainText()  # both, to combine
    dialog.grab().save(str(tmp_path / "conflicts.png"))
    undo = layer.undo.group
    steps = undo.activeStack().count()
    dialog.written.setPlainText("window and laptop, combined")
    dialog.keep_written.click()
    qtbot.waitUntil(lambda: dialog.empty.isVisible(), timeout=30_000)
    assert layer.annotations[made].note == "window and laptop, combined"
    assert undo.activeStack().count() == steps + 1
    assert undo.undoText() == "Resolve conflict"
    assert settled(window, qtbot) == "Synced"
    assert config.load()[GROUP].conflicts == []

    cli(laptop, "sync")  # the other device converges on the chosen text
    [on_laptop] = [a for a in annotations(laptop, content_hash) if a.id == made]
    assert on_laptop.note == "window and laptop, combined"
