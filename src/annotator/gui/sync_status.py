"""The status-bar indicator of group sync: "Synced", "Offline — 12 changes waiting"...

It only draws a `GroupState` (groupsync/background.py) and says when it is clicked;
`GroupCommands` (group_menu.py) decides when to sync. Hidden until a group is joined.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolButton, QWidget

if TYPE_CHECKING:
    from annotator.groupsync.background import GroupState


class SyncIndicator(QToolButton):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sync-status")
        self.setAutoRaise(True)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.setAccessibleName(self.tr("Group sync"))
        self.hide()

    def syncing(self) -> None:
        if self.isVisible():
            self.setText(self.tr("Syncing…"))

    def show_state(self, state: GroupState) -> None:
        self.setVisible(state.joined)
        if not state.joined:
            return
        if state.offline:
            self.setText(self.tr("Offline — %n change(s) waiting", "", state.waiting))
            self.setToolTip(self.tr("{reason}\nClick to try again now.").format(
                reason=state.offline))
        elif state.conflicts:
            self.setText(self.tr("Conflict"))
            self.setToolTip(self.tr(
                "%n note(s) were changed on two devices; this device's text was kept and "
                "the other is saved.\nClick to choose the text to keep.", "",
                state.conflicts))
        elif state.waiting:
            self.setText(self.tr("%n change(s) waiting", "", state.waiting))
            self.setToolTip(self.tr("Click to sync now."))
        else:
            self.setText(self.tr("Synced"))
            self.setToolTip(self.tr("Everything is on the group server.\nClick to sync now."))

    def show_failure(self, message: str) -> None:
        self.setText(self.tr("Sync failed"))
        self.setToolTip(self.tr("{reason}\nClick to try again now.").format(reason=message))
