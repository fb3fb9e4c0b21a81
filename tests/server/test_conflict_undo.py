"""Edit ▸ Undo after Group ▸ Resolve Conflicts… puts the conflict back, so the reader can
choose again; Redo takes it off again (groupsync/conflicts.py `ConflictEntries`)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from annotator.groupsync import config
from annotator.groupsync.config import GroupLink
from annotator.groupsync.conflicts import ConflictEntries
from annotator.gui.conflicts_dialog import ConflictsDialog
from annotator.gui.main_window import MainWindow
from tests.gui.test_classroom_window import open_window
from tests.server.classroom import GROUP, Classroom
from tests.server.test_group_window import (
    conflicting_edits,
    join_in_dialog,
    settled,
    share_on_screen,
)

WINDOW = "written in the window"
LAPTOP = "written on the laptop"


def chooser(window: MainWindow) -> ConflictsDialog:
    window.group_commands.indicator.click()  # "Conflict" opens the chooser
    dialog = window.group_commands.conflicts_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def listed_again(dialog: ConflictsDialog, qtbot: QtBot) -> None:
    """The chooser shows the conflict with both texts, as before it was resolved."""
    qtbot.waitUntil(lambda: dialog.list.count() == 1, timeout=10_000)
    assert dialog.mine.toPlainText() == WINDOW
    assert dialog.other.toPlainText() == LAPTOP
    assert len(config.load()[GROUP].conflicts) == 1


def test_undo_of_a_resolution_lists_the_conflict_again_and_redo_resolves_it_again(
    qtbot: QtBot, classroom: Classroom, monkeypatch: pytest.MonkeyPatch, annotator_home: Path,
    tmp_path: Path,
) -> None:
    window = open_window(qtbot, monkeypatch, annotator_home, "Ana")
    join_in_dialog(window, qtbot, classroom)
    share_on_screen(window, qtbot)
    made, _laptop = conflicting_edits(window, qtbot, classroom, tmp_path)
    layer = window.annotation_layer
    history = layer.undo.group
    dialog = chooser(window)
    listed_again(dialog, qtbot)

    dialog.keep_other.click()
    qtbot.waitUntil(lambda: dialog.empty.isVisible(), timeout=30_000)
    assert layer.annotations[made].note == LAPTOP
    settled(window, qtbot)
    assert config.load()[GROUP].conflicts == []

    history.undo()
    assert layer.annotations[made].note == WINDOW
    listed_again(dialog, qtbot)
    assert dialog.list.isVisible() and not dialog.empty.isVisible()

    history.redo()
    assert layer.annotations[made].note == LAPTOP
    qtbot.waitUntil(lambda: dialog.empty.isVisible(), timeout=10_000)
    assert config.load()[GROUP].conflicts == []
    settled(window, qtbot)

    # Keeping this device's text changes no note, and is still one step to undo.
    history.undo()
    listed_again(dialog, qtbot)
    commands = window.group_commands
    qtbot.waitUntil(lambda: not commands.sync_due, timeout=10_000)  # the undo syncs
    assert settled(window, qtbot) == "Conflict"  # and the status bar says so again
    steps = history.activeStack().count()
    dialog.keep_mine.click()
    qtbot.waitUntil(lambda: dialog.empty.isVisible(), timeout=30_000)
    assert layer.annotations[made].note == WINDOW
    assert history.activeStack().count() == steps  # the undone step was replaced
    assert history.undoText() == "Resolve conflict"
    history.undo()
    listed_again(dialog, qtbot)
    assert layer.annotations[made].note == WINDOW


def test_a_sync_saving_after_a_resolution_keeps_it_resolved(annotator_home: Path) -> None:
    """A sync loads groups.json when it starts and saves when it ends; an entry resolved
    meanwhile stays resolved, and the entry the sync filed is kept."""
    old = {"id": "a", "other": {"bodyValue": "old"}}
    config.save({GROUP: GroupLink("http://127.0.0.1:1", GROUP, "t", "m", "Ana", "student",
                                  conflicts=[old])})
    links = config.load()  # what the sync holds
    new = {"id": "b", "other": {"bodyValue": "new"}}
    links[GROUP].conflicts.append(new)
    links[GROUP].version = 7

    def resolved(now: dict[str, GroupLink]) -> None:
        now[GROUP].conflicts = []

    config.update(resolved)  # the reader resolves "a" while the sync runs
    config.save_after_sync(links, {GROUP: [new]})
    saved = config.load()[GROUP]
    assert saved.conflicts == [new]
    assert saved.version == 7


def test_an_undone_resolution_goes_back_before_a_conflict_filed_since(
    annotator_home: Path,
) -> None:
    """The chooser shows the newest other copy of a note: one filed after the resolution
    stays the newest when the resolution is undone."""
    older = {"id": "a", "detected": "2026-12-04T10:00:00Z", "other": {"n": 1}}
    config.save({GROUP: GroupLink("http://127.0.0.1:1", GROUP, "t", "m", "Ana", "student",
                                  conflicts=[older])})
    taken = ConflictEntries(GROUP, (older,), listed=False)
    taken.apply()
    assert config.load()[GROUP].conflicts == []
    newer = {"id": "a", "detected": "2026-12-04T11:00:00Z", "other": {"n": 2}}

    def filed(now: dict[str, GroupLink]) -> None:
        now[GROUP].conflicts.append(newer)

    config.update(filed)
    taken.inverse().apply()
    assert config.load()[GROUP].conflicts == [older, newer]
    taken.apply()  # redo: only what the reader resolved leaves the list
    assert config.load()[GROUP].conflicts == [newer]
