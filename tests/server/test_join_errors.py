"""Joining fails for a reason the reader can fix, and says which (issue 12): a wrong
token, another group, nothing listening, no such host, no TLS, not an Annotator server.
In the window a translated sentence in Group ▸ Join…; on the command line one line on
stderr and exit 2. Against the real service and a closed loopback port."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from annotator.gui.main_window import MainWindow
from tests.gui.test_classroom_window import open_window
from tests.server.classroom import GROUP, Classroom, cli_refused

pytestmark = pytest.mark.timeout(300)

CLOSED = "http://127.0.0.1:9"  # the discard port: nothing listens on loopback


def attempts(classroom: Classroom) -> list[tuple[str, str, str]]:
    """(address, token, words the refusal must contain)."""
    token = classroom.add("Ana")
    https = classroom.url.replace("http://", "https://")  # TLS to a plain HTTP port
    return [
        (f"{classroom.url}/groups/{GROUP}", "annot_wrong", "wrong or has expired"),
        (f"{classroom.url}/groups/history", token, "the address your teacher gave"),
        (f"{CLOSED}/groups/{GROUP}", token, "Cannot reach a group server"),
        (f"http://no-such-host.invalid/groups/{GROUP}", token, "cannot be found"),
        (f"{https}/groups/{GROUP}", token, "secure connection"),
        (f"{classroom.url}/elsewhere/groups/{GROUP}", token, "not an Annotator group server"),
    ]


def test_the_join_dialog_says_why_joining_failed(
    qtbot: QtBot, classroom: Classroom, monkeypatch: pytest.MonkeyPatch, annotator_home: Path,
    tmp_path: Path,
) -> None:
    window: MainWindow = open_window(qtbot, monkeypatch, annotator_home, "Ana")
    commands = window.group_commands
    commands.join.trigger()
    dialog = commands.dialog
    assert dialog is not None
    for address, token, words in attempts(classroom):
        dialog.url.setText(address)
        dialog.token.setText(token)
        dialog.buttons.accepted.emit()
        qtbot.waitUntil(lambda: dialog.buttons.isEnabled(), timeout=20_000)
        shown = dialog.error.text()
        assert words in shown, (address, shown)
        assert "\n" not in shown and "(401)" not in shown and dialog.isVisible()
    dialog.grab().save(str(tmp_path / "join-error.png"))
    assert not commands.indicator.isVisible()  # nothing was joined


def test_group_join_on_the_command_line_says_why_in_one_line(
    classroom: Classroom, tmp_path: Path,
) -> None:
    for address, token, words in attempts(classroom):
        done = cli_refused(tmp_path / "ana", "group", "join", address, "--token", token)
        assert words in done.stderr, (address, done.stderr)
