"""Every QAction of the window, in one place.

Menus, the toolbar and shortcuts are all built from this one table, so a command has one
text, one icon and one set of shortcuts wherever it appears, and its tooltip always
shows the shortcut. Later features (annotate, undo, search) add their actions here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QObject, QRectF, Qt
from PySide6.QtGui import QAction, QColor, QIcon, QKeySequence, QPainter, QPixmap
from PySide6.QtWidgets import QMenu

from annotator.core.annotation import COLOR_BY_KEY, READER_COLORS
from annotator.gui.i18n import QT_TRANSLATE_NOOP, translate
from annotator.gui.icons import themed_icon

# The reader colours' names and meanings are core data (Qt-free); they are listed here so
# pyside6-lupdate extracts them, and translated where the window shows them.
COLOR_TEXTS = (
    QT_TRANSLATE_NOOP("Colors", "Yellow"),
    QT_TRANSLATE_NOOP("Colors", "Green"),
    QT_TRANSLATE_NOOP("Colors", "Blue"),
    QT_TRANSLATE_NOOP("Colors", "Pink"),
    QT_TRANSLATE_NOOP("Colors", "Orange"),
    QT_TRANSLATE_NOOP("Colors", "Purple"),
    QT_TRANSLATE_NOOP("Colors", "Important"),
    QT_TRANSLATE_NOOP("Colors", "Agree / evidence"),
    QT_TRANSLATE_NOOP("Colors", "Definition / background"),
    QT_TRANSLATE_NOOP("Colors", "Question"),
    QT_TRANSLATE_NOOP("Colors", "Disagree / doubt"),
    QT_TRANSLATE_NOOP("Colors", "To follow up"),
)


def color_icon(hex_color: str, size: int = 32) -> QIcon:
    """A rounded colour chip: how a highlight colour appears in menus and the toolbar."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QColor(hex_color).darker(150))
    painter.setBrush(QColor(hex_color))
    painter.drawRoundedRect(QRectF(3, 3, size - 6, size - 6), 6, 6)
    painter.end()
    return QIcon(pixmap)


def unique_sequences(shortcuts: list[QKeySequence]) -> list[QKeySequence]:
    """`shortcuts` in order, each sequence once.

    A literal key next to a `StandardKey` that resolves to the same sequence (Ctrl+Shift+Z
    beside Redo, Ctrl+- beside ZoomOut) registers that key twice on one action, and Qt then
    refuses it as an "Ambiguous shortcut overload": the key does nothing (issue 7, item 1).
    """
    seen: set[str] = set()
    unique: list[QKeySequence] = []
    for sequence in shortcuts:
        text = sequence.toString(QKeySequence.SequenceFormat.PortableText)
        if text and text not in seen:
            seen.add(text)
            unique.append(sequence)
    return unique


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
        action.setShortcuts(unique_sequences(shortcuts))
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
            parent, translate("Actions", "&Open…"), [keys(keys.StandardKey.Open)],
            ("document-open", "document-open"), icon_color,
        )
        self.open_sample = _action(parent, translate("Actions", "Open the &Sample Article"))
        self.export = _action(
            parent, translate("Actions", "&Export…"), [keys("Ctrl+Shift+E")],
            ("document-export", "document-export"), icon_color,
        )
        self.clear_recent = _action(parent, translate("Actions", "&Clear Recent Files"))
        self.quit = _action(parent, translate("Actions", "&Quit"), [keys("Ctrl+Q")])
        self.zoom_in = _action(
            parent, translate("Actions", "Zoom &In"),
            [keys("Ctrl+="), keys("Ctrl++"), keys(keys.StandardKey.ZoomIn)],
            ("zoom-in", "zoom-in"), icon_color,
        )
        self.zoom_out = _action(
            parent, translate("Actions", "Zoom &Out"),
            [keys("Ctrl+-"), keys(keys.StandardKey.ZoomOut)], ("zoom-out", "zoom-out"),
            icon_color,
        )
        self.zoom_reset = _action(parent, translate("Actions", "&Actual Size"), [keys("Ctrl+0")])
        self.full_screen = _action(
            parent, translate("Actions", "&Full Screen"), [keys("F11")],
            ("view-fullscreen", "view-fullscreen"), icon_color, checkable=True,
        )
        self.toggle_sidebar = _action(
            parent, translate("Actions", "&Sidebar"), [keys("F9")], ("sidebar-show", "sidebar"),
            icon_color, checkable=True,
        )
        self.next_passage = _action(
            parent, translate("Actions", "&Next Passage of the Selected Area"), [keys("Alt+N")],
            ("go-down", "next-passage"), icon_color,
        )
        self.about = _action(parent, translate("Actions", "&About Annotator"))
        self.shortcuts_help = _action(parent, translate("Actions", "&Keyboard Shortcuts"),
                                      [keys(keys.StandardKey.HelpContents)])
        self.where_data = _action(parent, translate("Actions", "&Where Data Lives"))
        self.reader_settings = _action(
            parent, translate("Actions", "&Reader Settings…"),
            [keys(keys.StandardKey.Preferences), keys("Ctrl+,")])
        self.print = _action(parent, translate("Actions", "&Print…"),
                             [keys(keys.StandardKey.Print)], ("document-print", "print"),
                             icon_color)
        self.print_preview = _action(parent, translate("Actions", "Print Pre&view…"),
                                     [keys("Ctrl+Shift+P")])
        self._annotation_actions(parent, icon_color)

    def _annotation_actions(self, parent: QObject, icon_color: QColor) -> None:
        """Highlight, note, undo, library and search commands (issue 3)."""
        keys = QKeySequence
        # Keys 1-6 pick the six named colours in READER_COLORS order; each action's data
        # is the colour key the annotating service expects.
        self.highlight_colors: list[QAction] = []
        for number, color in enumerate(READER_COLORS, start=1):
            label = translate("Colors", color.label)
            action = _action(parent, translate("Actions", "Highlight {color}").format(color=label),
                             [keys(str(number))])
            action.setData(color.key)
            action.setIcon(color_icon(color.hex))
            meaning = translate("Colors", color.meaning)
            action.setToolTip(f"{action.toolTip()} — {meaning}")
            self.highlight_colors.append(action)
        self.custom_color = _action(parent, translate("Actions", "Custom &Colour…"))
        self.add_note = _action(parent, translate("Actions", "Add or Edit &Note…"),
                                [keys("Ctrl+Shift+M")], ("document-edit", "note"), icon_color)
        self.edit_tags = _action(parent, translate("Actions", "Edit &Tags…"),
                                 [keys("Ctrl+Shift+T")])
        self.delete_annotation = _action(parent, translate("Actions", "&Delete Highlight"),
                                         [keys("Ctrl+Shift+Backspace")])
        self.undo = _action(parent, translate("Actions", "&Undo"), [keys(keys.StandardKey.Undo)],
                            ("edit-undo", "undo"), icon_color)
        self.redo = _action(parent, translate("Actions", "&Redo"),
                            [keys("Ctrl+Shift+Z"), keys("Ctrl+Y")],
                            ("edit-redo", "redo"), icon_color)
        self.accept_area = _action(
            parent, translate("Actions", "&Accept All Suggestions of the Selected Area"))
        self.identity = _action(parent, translate("Actions", "&Identity…"))
        self.toggle_library = _action(parent, translate("Actions", "&Library"), [keys("F8")],
                                      ("view-list-details", "library"), icon_color,
                                      checkable=True)
        self.find = _action(parent, translate("Actions", "&Search Library…"),
                            [keys("Ctrl+Shift+F")], ("edit-find", "search"), icon_color)
        self._find_actions(parent)

    def _find_actions(self, parent: QObject) -> None:
        """Find in page (issue 7, item 7): Ctrl+F opens the bar, F3/Shift+F3 step, Esc."""
        keys = QKeySequence
        self.find_in_page = _action(parent, translate("Actions", "&Find in Page…"),
                                    [keys(keys.StandardKey.Find)])
        self.find_next = _action(parent, translate("Actions", "Find Ne&xt"),
                                 [keys("F3"), keys("Ctrl+G")])
        self.find_previous = _action(parent, translate("Actions", "Find Pre&vious"),
                                     [keys("Shift+F3"), keys("Ctrl+Shift+G")])
        self.close_find = _action(parent, translate("Actions", "Close the Find Bar"), [keys("Esc")])
        self.close_find.setEnabled(False)

    def add_highlight_menu(self, menu: QMenu, title: str) -> None:
        """The colour submenu plus the note command, as the Edit and context menus show them."""
        colors = menu.addMenu(title)
        for action in self.highlight_colors:
            colors.addAction(action)
        colors.addAction(self.custom_color)
        menu.addAction(self.add_note)

    # -- commands on one thing under the mouse (the reader's context menu) ---------------

    def add_selection_menu(self, menu: QMenu, areas: Iterable[tuple[str, str]],
                           assign: Callable[[str], object]) -> None:
        """Highlight the selection, or assign it a policy area: (id, label) of each area;
        `assign(area_id)`."""
        self.add_highlight_menu(menu, translate("Actions", "&Highlight"))
        submenu = menu.addMenu(translate("Actions", "Assign Policy &Area"))
        for area_id, label in areas:
            submenu.addAction(label.replace("&", "&&")).triggered.connect(
                lambda _c=False, a=area_id: assign(a))

    def add_annotation_menu(
        self, menu: QMenu, *, edit_note: Callable[[], None], edit_tags: Callable[[], None],
        recolor: Callable[[str], None], delete: Callable[[], None],
    ) -> None:
        """What can be done to one of the reader's annotations."""
        menu.addAction(translate("Actions", "Edit &Note…")).triggered.connect(
            lambda _c=False: edit_note())
        menu.addAction(translate("Actions", "Edit &Tags…")).triggered.connect(
            lambda _c=False: edit_tags())
        colors = menu.addMenu(translate("Actions", "C&olour"))
        for color in COLOR_BY_KEY.values():
            colors.addAction(color.label).triggered.connect(
                lambda _c=False, k=color.key: recolor(k))
        menu.addAction(translate("Actions", "&Delete Highlight")).triggered.connect(
            lambda _c=False: delete())

    def add_suggestion_menu(self, menu: QMenu, area_label: str, *,
                            accept: Callable[[], None], reject: Callable[[], None]) -> None:
        """Accept or reject one machine suggestion of the area `area_label`."""
        label = area_label.replace("&", "&&")  # a literal &, not a mnemonic
        menu.addSection(translate("Actions", "Suggested: {area}").format(area=area_label))
        menu.addAction(translate("Actions", "&Accept “{area}”").format(area=label)).triggered\
            .connect(lambda _c=False: accept())
        menu.addAction(translate("Actions", "&Reject “{area}”").format(area=label)).triggered\
            .connect(lambda _c=False: reject())
