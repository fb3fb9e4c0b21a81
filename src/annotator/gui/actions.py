"""Every QAction of the window, in one place.

Menus, the toolbar and shortcuts are all built from this one table, so a command has one
text, one icon and one set of shortcuts wherever it appears, and its tooltip always
shows the shortcut. Later features (annotate, undo, search) add their actions here.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QColor, QKeySequence

from annotator.gui.icons import themed_icon


def _tr(text: str) -> str:
    return QCoreApplication.translate("Actions", text)


def _action(
    parent: QObject,
    text: str,
    shortcuts: list[QKeySequence] | None = None,
    icon: tuple[str, str] | None = None,
    color: QColor | None = None,
    checkable: bool = False,
) -> QAction:
    action = QAction(text, parent)
    if shortcuts:
        action.setShortcuts(shortcuts)
    if icon is not None and color is not None:
        action.setIcon(themed_icon(icon[0], icon[1], color))
    action.setCheckable(checkable)
    plain = text.replace("&", "").removesuffix("…")
    keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    tip = f"{plain} ({keys})" if keys else plain
    action.setToolTip(tip)
    action.setStatusTip(tip)
    return action


class Actions:
    """The window's commands; `icon_color` tints bundled icons to the palette."""

    def __init__(self, parent: QObject, icon_color: QColor) -> None:
        keys = QKeySequence
        self.open = _action(
            parent, _tr("&Open…"), [keys(keys.StandardKey.Open)],
            ("document-open", "document-open"), icon_color,
        )
        self.open_sample = _action(parent, _tr("Open the &Sample Article"))
        self.clear_recent = _action(parent, _tr("&Clear Recent Files"))
        self.quit = _action(parent, _tr("&Quit"), [keys("Ctrl+Q")])
        self.zoom_in = _action(
            parent, _tr("Zoom &In"),
            [keys("Ctrl+="), keys("Ctrl++"), keys(keys.StandardKey.ZoomIn)],
            ("zoom-in", "zoom-in"), icon_color,
        )
        self.zoom_out = _action(
            parent, _tr("Zoom &Out"), [keys("Ctrl+-"), keys(keys.StandardKey.ZoomOut)],
            ("zoom-out", "zoom-out"), icon_color,
        )
        self.zoom_reset = _action(parent, _tr("&Actual Size"), [keys("Ctrl+0")])
        self.full_screen = _action(
            parent, _tr("&Full Screen"), [keys("F11")],
            ("view-fullscreen", "view-fullscreen"), icon_color, checkable=True,
        )
        self.toggle_sidebar = _action(
            parent, _tr("&Sidebar"), [keys("F9")], ("sidebar-show", "sidebar"), icon_color,
            checkable=True,
        )
        self.next_passage = _action(
            parent, _tr("&Next Passage of the Selected Area"), [keys("F3")],
            ("go-down", "next-passage"), icon_color,
        )
        self.about = _action(parent, _tr("&About Annotator"))
