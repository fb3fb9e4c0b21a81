"""The main window: the article in the centre, a tabbed sidebar on the right.

The window wires views to services and remembers state; it decides nothing about text.
The sidebar is a dock holding a QTabWidget (`self.sidebar`), so later features add tabs
(Annotations, Search) with `sidebar.addTab`, and a Library dock can take the left
dock area. Errors from the services arrive as `AnnotatorError` and are shown in a
window-modal dialog while the current document stays on screen.

Phases keep the first paint fast (benchmarks/README.md, "Start-up"). A returning
reader's window opens on the picture its last launch kept (`gui/last_frame.py`): the
constructor only sets that picture, the title and the geometry, and this module imports
the page's modules where they are used, so nothing more is loaded before it is painted.
`_rise` then builds the live window behind the picture and `_reveal` shows it once the
library is open. Without a picture, the constructor builds what the first frame shows:
the reader with its highlights and the docks with their tabs, so the article's column is
where it stays. Menus, toolbar, status bar, the panels inside the docks, the note editor
and the annotation layer are built by `complete()` right after the reader's first paint,
one event-loop turn later. Anything that touches a part earlier builds it on the spot
(`__getattr__`), so no caller has to care.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

from annotator import __version__
from annotator.errors import AnnotatorError

if TYPE_CHECKING:
    from PySide6.QtGui import (
        QAction,
        QCloseEvent,
        QDragEnterEvent,
        QDropEvent,
        QResizeEvent,
        QShowEvent,
    )
    from PySide6.QtWidgets import QDockWidget, QLabel, QMenu, QMessageBox, QToolBar

    from annotator.core.document import Document
    from annotator.core.taxonomy import Taxonomy
    from annotator.gui.actions import Actions
    from annotator.gui.annotation_controller import AnnotationController, OpenLibrary
    from annotator.gui.annotations_panel import AnnotationsPanel
    from annotator.gui.areas_panel import AreasPanel
    from annotator.gui.chapters_panel import ChaptersPanel
    from annotator.gui.find_bar import FindBar
    from annotator.gui.group_menu import GroupCommands
    from annotator.gui.import_progress import BackgroundImport
    from annotator.gui.last_frame import Picture
    from annotator.gui.learning_commands import LearningCommands
    from annotator.gui.library_panel import LibraryPanel
    from annotator.gui.note_editor import NoteEditor
    from annotator.gui.printing import Printing
    from annotator.gui.search_panel import SearchPanel
    from annotator.gui.settings import Settings
    from annotator.gui.sharing_commands import SharingCommands
    from annotator.gui.theme import ThemeManager
    from annotator.services.learning import Learning
    from annotator.services.locations import DataLocations
    from annotator.services.reader_session import ReaderSession
    from annotator.services.reading import Reading

# How often the window asks the store whether another process changed it (ms).
WATCH_MS = 1000
# Room a window manager's border and title bar take, before the window is shown.
FRAME_ALLOWANCE = (16, 40)
# Built by `MainWindow.complete()`, after the first paint.
FALLBACK_COMPLETE_MS = 800
# Built by `MainWindow._build_page`, behind the picture of the last launch.
_PAGE = frozenset({
    "document", "reader", "sidebar", "library_dock", "sidebar_dock", "taxonomy",
    "_placeholders",
})
_DEFERRED = frozenset({
    "areas_panel", "note_editor", "annotations_panel", "search_panel", "library_panel",
    "annotation_layer",
    # `_build_chrome`, which `complete()` runs first
    "commands", "find_bar", "chapters_panel", "recent_menu", "sharing_commands", "themes",
    "group_commands", "learning_commands", "toolbar", "title_label", "step_label",
    "words_label", "areas_label", "background_import", "_watch",
})


def _open_default_library() -> ReaderSession:
    """The default library's services (a window built without `app.py`, as in tests)."""
    from annotator.services.reader_session import ReaderSession

    return ReaderSession.open()


def _default_locations() -> DataLocations:
    """Where the configured library lives (a window built without `app.py`)."""
    from annotator.services.locations import data_locations

    return data_locations()


class MainWindow(QMainWindow):
    """One reader window over one document at a time."""

    areas_panel: AreasPanel
    note_editor: NoteEditor
    annotations_panel: AnnotationsPanel
    search_panel: SearchPanel
    library_panel: LibraryPanel
    # The annotation controller (the name other modules and tests have long used).
    annotation_layer: AnnotationController
    # Built by `_build_chrome`, right after the first paint (or when first asked for).
    commands: Actions
    find_bar: FindBar
    chapters_panel: ChaptersPanel
    recent_menu: QMenu
    sharing_commands: SharingCommands
    themes: ThemeManager
    group_commands: GroupCommands
    learning_commands: LearningCommands
    toolbar: QToolBar
    title_label: QLabel
    step_label: QLabel
    words_label: QLabel
    areas_label: QLabel
    background_import: BackgroundImport
    _watch: QTimer

    def __init__(self, settings: Settings, parent: QWidget | None = None, *,
                 open_library: OpenLibrary | None = None,
                 locations: Callable[[], DataLocations] | None = None,
                 picture: Picture | None = None,
                 prepare: Callable[[], None] | None = None) -> None:
        """`picture`: the window as the reader left it (`gui/last_frame.py`), painted
        first; the live window is built behind it, after `prepare()` (the translator and
        the theme), opening the last document as `open_initial(None)` does."""
        super().__init__(parent)
        # The library's services, built by `app.py` once the first paint is done.
        self._open_library = open_library or _open_default_library
        # Where that library and the rest live, for Help (`app.py` knows the database).
        self._locations = locations or _default_locations
        self.completed = False
        self._completing = False
        self._chrome = False  # menus, toolbar, docks and status bar built (`_build_chrome`)
        self.settings = settings
        self.reading: Reading | None = None
        self._word_count: int | None = None  # of `reading`, counted once
        self.last_error: QMessageBox | None = None
        # A long last document whose beginning is shown: its path and the reader's place.
        self._rest: tuple[Path, int] | None = None
        # Set when the reader chose to restart (`offer_restart`); `app.run_gui` reads it.
        self.restart_requested = False
        self.restart_offer: QMessageBox | None = None
        self._step: tuple[str, int] | None = None
        self._step_span: tuple[int, int] | None = None  # what "passage N of M" speaks of
        self._matches: list[tuple[int, int]] = []
        self._match: int | None = None
        self._painted = False
        # How far the docks have given way to the article (see `_fit_docks`).
        self._give_way = 0
        self._collapsed: list[QDockWidget] = []
        self.identity_dialog: QWidget | None = None
        self.identity_bar: QWidget | None = None
        self.help_dialog: QWidget | None = None
        # The picture on screen until the live window is revealed, and what waits for
        # the first frame; `closeEvent` takes the picture the next launch paints.
        self._picture = picture
        self._prepare = prepare
        self._first_frame_waiters: list[Callable[[], None]] = []
        self._place: tuple[Path, int] | None = None
        self.last_frame: Picture | None = None
        self.setObjectName("main-window")
        self.setAcceptDrops(True)
        self.resize(1180, 820)
        if not self.settings.geometry.isEmpty():
            self.restoreGeometry(self.settings.geometry)
        self._risen = picture is None
        if picture is None:
            self._build_page()
            self._restore_docks()
        else:
            from annotator.gui.last_frame import PictureView

            self.setCentralWidget(PictureView(picture, self._picture_painted, self))
            self.setWindowTitle(picture.title)
        self._fit_screen()

    def _build_page(self) -> None:
        """The reader with the reader's look, the docks and the taxonomy: the live
        window's first frame."""
        from annotator.gui.reader_view import ReaderView
        from annotator.services.document_session import DocumentSession

        # What the document on screen is and what of it is visible: the window draws it.
        self.document = DocumentSession()
        self.reader = ReaderView(self)
        self.setCentralWidget(self.reader)
        self.reader.call_after_paint(self._first_painted)
        self._build_docks()
        self.taxonomy = self._load_taxonomy()
        self.reader.set_look(self.settings.reader_look)
        self.reader.set_zoom(self.settings.zoom)

    def _restore_docks(self) -> None:
        """The docks as the reader arranged them. In a window already shown, only once
        its layout has taken the new docks in (a turn after `_build_page`): Qt sizes
        docks restored into a shown window's fresh layout wrongly."""
        if not self.settings.window_state.isEmpty():
            self.restoreState(self.settings.window_state)

    @property
    def showing_picture(self) -> bool:
        """The last launch's picture is on screen: the live window is not shown yet."""
        return self._picture is not None

    def call_after_first_frame(self, callback: Callable[[], None]) -> None:
        """Call `callback` once, right after the window's first frame is painted: the
        picture of the last launch, else the reader's page."""
        if self._risen:
            self.reader.call_after_paint(callback)
        else:
            self._first_frame_waiters.append(callback)

    def _picture_painted(self) -> None:
        waiters, self._first_frame_waiters = self._first_frame_waiters, []
        for callback in waiters:
            callback()
        QTimer.singleShot(0, self._rise)

    def _rise(self) -> None:
        """Build the live window behind the picture, as it was left: not painted (updates
        are off, so the picture stays on screen) until the library is open and the
        reader's marks are drawn; then `_reveal` shows it."""
        if self._risen:
            return
        self._risen = True
        self.setUpdatesEnabled(False)
        if self._prepare is not None:
            from PySide6.QtCore import QEvent

            self._prepare()
            # Qt posts the theme's palette to the window that already exists; take it
            # now, so what is built behind the picture is drawn in it from the start.
            QApplication.sendPostedEvents(None, QEvent.Type.ApplicationPaletteChange)
        self._build_page()
        self.open_initial(None)
        # The reader's place in the last document, set again once the docks have their
        # widths (`_show_live`), unless another document is open by then.
        last = self.reading.path if self.reading is not None else None
        self._place = (last, self.settings.last_position) if last is not None else None
        self._painted = True  # the picture is the reader's first paint
        self.complete()
        if self.isVisible():
            self.annotation_layer.open_store()
        QTimer.singleShot(0, self._reveal)

    def _reveal(self) -> None:
        """The live window takes the picture's place: its docks arranged as the reader
        left them, then, a turn later when the layout has taken that in, painted."""
        if self._picture is None:
            return
        self._restore_docks()
        self._fit_docks()
        QTimer.singleShot(0, self._show_live)

    def _show_live(self) -> None:
        if self._place is not None and self.reading is not None:
            path, position = self._place
            if self.reading.path == path:  # the page reflowed as the docks took widths
                self.reader.scroll_to_offset(position)
        self._picture = None
        self.setUpdatesEnabled(True)
        if QApplication.focusWidget() is None:
            self.reader.setFocus()

    # -- construction ---------------------------------------------------------------

    def _build_docks(self) -> None:
        """The sidebar's tabs and the Library, docked, with placeholders for their panels.

        They exist from the first frame, so the article's column is where it stays; their
        panels come with `complete()` and take the placeholders' places.
        """
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QDockWidget, QTabWidget

        self.sidebar = QTabWidget(self)
        self.sidebar.setObjectName("sidebar-tabs")
        self.sidebar.setDocumentMode(True)
        self._placeholders = [QWidget(self.sidebar) for _ in range(3)]
        for placeholder, label in zip(
            self._placeholders, (self.tr("Areas"), self.tr("Annotations"), self.tr("Search")),
            strict=True,
        ):
            self.sidebar.addTab(placeholder, label)
        self.library_dock = QDockWidget(self.tr("Library"), self)
        self.library_dock.setObjectName("library-dock")
        self._placeholders.append(QWidget(self.library_dock))
        self.library_dock.setWidget(self._placeholders[-1])
        self.library_dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetClosable)
        self.library_dock.setMinimumWidth(200)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.library_dock)
        self.resizeDocks([self.library_dock], [250], Qt.Orientation.Horizontal)
        self.sidebar_dock = QDockWidget(self.tr("Sidebar"), self)
        self.sidebar_dock.setObjectName("sidebar-dock")
        self.sidebar_dock.setWidget(self.sidebar)
        self.sidebar_dock.setTitleBarWidget(QWidget(self.sidebar_dock))
        self.sidebar_dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetClosable)
        self.sidebar_dock.setMinimumWidth(240)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.sidebar_dock)
        self.resizeDocks([self.sidebar_dock], [290], Qt.Orientation.Horizontal)

    def _build_chrome(self) -> None:
        """Menus, toolbar, status bar, find bar: right after the first paint.

        Their modules and Qt types (actions, menus, tool bars, dialogs) cost more to
        import and build than the article itself (benchmarks/README.md, "Start-up").
        """
        from PySide6.QtGui import QPalette

        from annotator.gui.actions import Actions
        from annotator.gui.chapters_panel import ChaptersPanel
        from annotator.gui.find_bar import FindBar
        from annotator.gui.icons import app_icon
        from annotator.gui.import_progress import BackgroundImport

        self._chrome = True
        # The app's icon too (dialogs inherit it): `app.py` leaves it to this moment.
        icon = app_icon()
        QApplication.setWindowIcon(icon)
        self.setWindowIcon(icon)
        icon_color = self.palette().color(QPalette.ColorRole.WindowText)
        self.commands = Actions(self, icon_color)
        self.find_bar = FindBar(self.reader)
        self.reader.add_bar(self.find_bar)
        self.chapters_panel = ChaptersPanel(self.sidebar)
        self.sidebar.addTab(self.chapters_panel, self.tr("Chapters"))
        self.chapters_panel.chapter_chosen.connect(self.reader.scroll_to_offset)
        self._watch = QTimer(self)
        self._watch.timeout.connect(self._poll_changes)
        self._build_menus()
        self._build_toolbar()
        self._build_status_bar()
        self.background_import = BackgroundImport(self._opened, self._cannot_open, self)
        self.statusBar().addPermanentWidget(self.background_import)
        self.statusBar().addPermanentWidget(self.group_commands.indicator)
        self._connect()
        a = self.commands
        a.undo.setEnabled(False)
        a.redo.setEnabled(False)
        a.toggle_library.toggled.connect(self.library_dock.setVisible)
        self.library_dock.visibilityChanged.connect(
            lambda _v: a.toggle_library.setChecked(not self.library_dock.isHidden()))
        self.commands.toggle_sidebar.setChecked(not self.sidebar_dock.isHidden())
        a.toggle_library.setChecked(not self.library_dock.isHidden())
        if self.reading is not None:
            self._show_reading_in_chrome(self.reading)

    def _build_menus(self) -> None:
        from PySide6.QtWidgets import QMenu

        from annotator.gui.group_menu import GroupCommands, GroupWindow
        from annotator.gui.language_menu import language_menu
        from annotator.gui.sharing_commands import SharingCommands, WindowHost
        from annotator.gui.theme import theme_manager
        from annotator.gui.theme_menu import theme_menu

        a = self.commands
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.addAction(a.open)
        self.recent_menu = QMenu(self.tr("Open &Recent"), self)
        self.recent_menu.setObjectName("recent-menu")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addMenu(self.recent_menu)
        file_menu.addAction(a.open_sample)
        file_menu.addSeparator()
        file_menu.addAction(a.export)
        file_menu.addAction(a.print_preview)
        file_menu.addAction(a.print)
        self.sharing_commands = SharingCommands(WindowHost(self), self)
        self.sharing_commands.add_to(file_menu)
        file_menu.addSeparator()
        file_menu.addAction(a.quit)
        view_menu = self.menuBar().addMenu(self.tr("&View"))
        for action in (a.zoom_in, a.zoom_out, a.zoom_reset):
            view_menu.addAction(action)
        view_menu.addSeparator()
        view_menu.addAction(a.toggle_sidebar)
        view_menu.addAction(a.toggle_library)
        view_menu.addAction(a.full_screen)
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        self.themes = theme_manager(app, self.settings.theme)
        view_menu.addMenu(theme_menu(self, self.settings, self.themes))
        view_menu.addMenu(language_menu(self, self.settings, self.offer_restart))
        view_menu.addMenu(self.sharing_commands.members)
        view_menu.addAction(a.reader_settings)
        view_menu.addSeparator()
        view_menu.addAction(a.next_passage)
        self._build_edit_menu()
        self._build_areas_menu()
        self.group_commands = GroupCommands(GroupWindow(self), self)
        self.menuBar().addMenu(self.group_commands.menu)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(a.shortcuts_help)
        help_menu.addAction(a.where_data)
        help_menu.addSeparator()
        help_menu.addAction(a.about)

    def _build_toolbar(self) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QToolBar

        toolbar = QToolBar(self.tr("Toolbar"), self)
        toolbar.setObjectName("main-toolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        a = self.commands
        for action in (a.open, a.export, None, a.zoom_out, a.zoom_in, None, a.next_passage,
                       a.toggle_sidebar, a.full_screen):
            if action is None:
                toolbar.addSeparator()
            else:
                toolbar.addAction(action)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)
        self.toolbar = toolbar
        self._extend_toolbar()

    def _build_status_bar(self) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QLabel

        bar = self.statusBar()
        self.title_label = QLabel(bar)
        self.title_label.setObjectName("status-title")
        self.step_label = QLabel(bar)
        self.step_label.setObjectName("status-step")
        self.words_label = QLabel(bar)
        self.words_label.setObjectName("status-words")
        self.areas_label = QLabel(bar)
        self.areas_label.setObjectName("status-areas")
        self.areas_label.setTextFormat(Qt.TextFormat.RichText)
        for label in (self.title_label, self.step_label, self.words_label, self.areas_label):
            label.setContentsMargins(6, 0, 6, 0)
        bar.addWidget(self.title_label, 1)
        bar.addPermanentWidget(self.step_label)
        bar.addPermanentWidget(self.words_label)
        bar.addPermanentWidget(self.areas_label)

    def _connect(self) -> None:
        a = self.commands
        a.open.triggered.connect(self.choose_file)
        a.open_sample.triggered.connect(self.show_sample)
        a.export.triggered.connect(self.open_export_dialog)
        a.clear_recent.triggered.connect(self.settings.clear_recent)
        a.quit.triggered.connect(self.close)
        a.zoom_in.triggered.connect(lambda: self._zoom(self.reader.zoom_in))
        a.zoom_out.triggered.connect(lambda: self._zoom(self.reader.zoom_out))
        a.zoom_reset.triggered.connect(lambda: self._zoom(lambda: self.reader.set_zoom(1.0)))
        a.full_screen.toggled.connect(self._set_full_screen)
        a.toggle_sidebar.toggled.connect(self.sidebar_dock.setVisible)
        self.sidebar_dock.visibilityChanged.connect(self._sync_sidebar_action)
        a.next_passage.triggered.connect(self.next_passage)
        a.about.triggered.connect(self.show_about)
        a.shortcuts_help.triggered.connect(self.show_shortcuts)
        a.where_data.triggered.connect(self.show_locations)
        a.reader_settings.triggered.connect(self.open_reader_settings)
        a.print.triggered.connect(lambda: self.printing.print_document())
        a.print_preview.triggered.connect(lambda: self.printing.preview())
        a.find_in_page.triggered.connect(self.open_find)
        a.find_next.triggered.connect(lambda: self.step_find(1))
        a.find_previous.triggered.connect(lambda: self.step_find(-1))
        a.close_find.triggered.connect(self.close_find)
        self.find_bar.query_changed.connect(self._find)
        self.find_bar.step_requested.connect(self.step_find)
        self.find_bar.close_requested.connect(self.close_find)
        self.reader.selection_changed.connect(self._show_word_count)

    def _load_taxonomy(self) -> Taxonomy:
        """The reader's taxonomy, its bundled areas named in the window's language."""
        from annotator.gui.i18n import running_language
        from annotator.services.reading import active_taxonomy, bundled_taxonomy, named_in

        try:
            taxonomy = active_taxonomy()
        except AnnotatorError as exc:
            from annotator.gui.dialogs import show_error

            self.last_error = show_error(
                self, self.tr("Your policy areas file has a problem"), str(exc),
                self.tr("The bundled policy areas are used until the file is fixed."),
            )
            taxonomy = bundled_taxonomy()
        app = QApplication.instance()
        return named_in(taxonomy, running_language(app)) if app is not None else taxonomy

    def _fit_screen(self) -> None:
        """Never open larger than the screen's available area (200 % scaling shrinks it)."""
        screen = self.screen()
        if screen is None:
            return
        available = screen.availableGeometry()
        frame = self.frameGeometry().size() - self.geometry().size()
        if frame.isEmpty():  # not shown yet: leave room for a typical title bar and border
            frame = QSize(FRAME_ALLOWANCE[0], FRAME_ALLOWANCE[1])
        width = min(self.width(), available.width() - frame.width())
        height = min(self.height(), available.height() - frame.height())
        if (width, height) != (self.width(), self.height()):
            self.resize(width, height)
        if not available.contains(self.frameGeometry()):
            self.move(available.topLeft())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_docks()

    def _fit_docks(self) -> None:
        """Side panels give way before the article goes below MIN_MEASURE a line.

        Stage 1 moves the Library into a tab beside the sidebar; stage 2 hides both
        docks. A stage is entered or left only when the width crosses its threshold, so
        a dock the reader shows again by hand (F8, F9) stays until the next crossing.
        """
        if "library_dock" not in self.__dict__:
            return  # resized while being built
        need = self.reader.minimum_width()
        library = self.library_dock.minimumWidth()
        sidebar = self.sidebar_dock.minimumWidth()
        width = self.width()
        self._give_way_to(
            0 if width >= need + library + sidebar else 1 if width >= need + sidebar else 2)

    def _give_way_to(self, stage: int) -> None:
        from PySide6.QtCore import Qt

        if stage == self._give_way:
            return
        if stage >= 1 > self._give_way:
            self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.library_dock)
            self.tabifyDockWidget(self.library_dock, self.sidebar_dock)
        if stage == 2:
            self._collapsed = [d for d in (self.library_dock, self.sidebar_dock)
                               if not d.isHidden()]
            for dock in self._collapsed:
                dock.hide()
        elif self._give_way == 2:
            for dock in self._collapsed:
                dock.show()
            self._collapsed = []
        if stage == 0:
            self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.library_dock)
            self.resizeDocks([self.library_dock], [250], Qt.Orientation.Horizontal)
        self._give_way = stage

    # -- documents ------------------------------------------------------------------

    def open_initial(self, path: Path | None) -> None:
        """The given file, else the last document at its last position, else the sample."""
        from annotator.services.reading import open_first_screen, open_path

        if path is not None:
            if self.open_file(path):
                return
        else:
            last = self.settings.last_document
            if last is not None and last.is_file():
                position = self.settings.last_position
                try:
                    # A long text paints its beginning first; `complete()` reads the rest.
                    first = open_first_screen(last, self.taxonomy)
                    self.show_reading(first or open_path(last, self.taxonomy))
                except AnnotatorError:
                    pass
                else:
                    if first is not None:
                        self._rest = (last, position)
                    else:
                        QTimer.singleShot(0, lambda: self.reader.scroll_to_offset(position))
                    return
        self.show_sample()

    def _show_rest(self, path: Path, position: int) -> None:
        """The whole of the long document whose beginning the first paint showed: read
        before the panels, the library and the reader's commands see the beginning."""
        from annotator.services.reading import open_path

        self._rest = None
        try:
            reading = open_path(path, self.taxonomy)
        except AnnotatorError as exc:  # changed or gone since its beginning was read
            self._cannot_open(str(exc))
            self.show_sample()
            return
        self.show_reading(reading)
        QTimer.singleShot(0, lambda: self.reader.scroll_to_offset(position))

    def receive_file(self, path: object) -> None:
        """A later `annotator FILE` handed FILE over (`handoff.py`): open it, come forward."""
        if self.isMinimized():
            self.showNormal()
        self.raise_()
        self.activateWindow()
        if isinstance(path, Path):
            self.open_file(path)

    def open_file(self, path: Path) -> bool:
        """Open `path`; on failure explain why and keep the current document. A big file
        is imported off the GUI thread and shown when ready (gui/import_progress.py).
        A `.annot` is merged into the library (off the GUI thread too) and then shown."""
        from annotator.gui.sharing_commands import is_bundle_path
        from annotator.importers import slow_to_import
        from annotator.services.reading import open_path

        if is_bundle_path(path):
            self.sharing_commands.import_bundle(path)
            return True
        if slow_to_import(path):
            self.background_import.start(path, self.taxonomy)
            return True
        try:
            reading = open_path(path, self.taxonomy)
        except AnnotatorError as exc:
            self._cannot_open(str(exc))
            return False
        self._opened(reading)
        return True

    def _opened(self, reading: Reading) -> None:
        if reading.path is not None:
            self.settings.add_recent(reading.path)
        self.show_reading(reading)

    def _cannot_open(self, message: str) -> None:
        from annotator.gui.dialogs import show_error

        self.last_error = show_error(
            self, self.tr("Cannot open this file"), message,
            self.tr("The current document stays open. Choose another file with "
                    "File ▸ Open (text, Markdown, web page or EPUB)."),
        )

    def show_sample(self) -> None:
        from annotator.services.reading import open_sample

        self.show_reading(open_sample(self.taxonomy))

    def choose_file(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        from annotator.gui.sharing_commands import BUNDLE_SUFFIX
        from annotator.importers import supported_suffixes

        patterns = " ".join(f"*{suffix}" for suffix in (*supported_suffixes(), BUNDLE_SUFFIX))
        start = str(self.reading.path.parent) if self.reading and self.reading.path else ""
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open an Article"), start,
            self.tr("Articles ({patterns});;All files (*)").format(patterns=patterns),
        )
        if name:
            self.open_file(Path(name))

    def show_reading(self, reading: Reading) -> None:
        if self.reading is not None and self.completed:
            self.note_editor.flush()
            self.annotation_layer.save_position()
        self.reading = reading
        self.document.show(reading)
        self._word_count = None
        self._step = None
        self._step_span = None
        # The marks come once the library has had its say (`draw_marks`, below).
        self.reader.show_reading(reading, [])
        for area_id in self.hidden_areas:
            self.reader.set_area_visible(area_id, False)
        document = reading.document
        title = document.metadata.title or (reading.path.stem if reading.path else "")
        self.setWindowTitle(self.tr("{title} — Annotator").format(title=title)
                            if title else "Annotator")
        self.setWindowFilePath(str(reading.path) if reading.path else "")
        if self._chrome:
            self._show_reading_in_chrome(reading)
        self.settings.last_document = reading.path.resolve() if reading.path else None
        if self.completed:
            self._show_reading_in_panels(reading)
        self.draw_marks()  # once: the controller's draw for the same marks is skipped

    def _show_reading_in_chrome(self, reading: Reading) -> None:
        """The chapters, the status bar and find in page follow the shown document."""
        from annotator.gui.reader_view import RICH_LIMIT

        self.chapters_panel.show_document(reading.document)
        # An article without headings has nothing to jump through: its tab would only
        # crowd the sidebar (three tabs already fill it at 800x600).
        self.sidebar.setTabVisible(self.sidebar.indexOf(self.chapters_panel),
                                   self.chapters_panel.list.count() > 0)
        document = reading.document
        title = document.metadata.title or (reading.path.stem if reading.path else "")
        self.title_label.setText(title)
        self.title_label.setToolTip(str(reading.path) if reading.path else self.tr("Sample"))
        if len(document.text) > RICH_LIMIT:
            # Counting a long text's words (~50 ms for 5 MB) need not delay its first paint.
            self.words_label.clear()
            self.reader.call_after_paint(lambda: QTimer.singleShot(0, self._show_word_count))
        else:
            self._show_word_count()
        self._update_area_summary()
        self.step_label.clear()
        if self.find_bar.isVisible():
            self._find(self.find_bar.box.text())

    def draw_marks(self) -> None:
        """Draw what the document session says is visible (only what changed is merged)."""
        from annotator.services.document_session import MarkWording

        wording = MarkWording(self.tr("by {who}"), self.tr("suggested, accepted by {who}"),
                              self.tr("you"))
        reader_id = self.annotation_layer.reader_id if self.completed else None
        self.reader.set_marks(*self.document.marks(wording, reader_id))

    def _keep_error(self, box: QMessageBox) -> None:
        self.last_error = box

    def _show_word_count(self) -> None:
        """The document's word count, or the selection's while there is one."""
        if self.reading is None:
            return
        self._clear_stale_step()
        selected = self.reader.selected_text()
        if selected:
            self.words_label.setText(self.tr("{words}, {characters} selected").format(
                words=self._words(len(selected.split())),
                characters=self._characters(len(selected))))
        else:
            if self._word_count is None:
                self._word_count = self.reading.document.word_count  # 50 ms for 5 MB: once
            self.words_label.setText(self._words(self._word_count))

    def _words(self, count: int) -> str:
        if count == 1:
            return self.tr("1 word")
        return self.tr("{count} words").format(count=f"{count:,}")

    def _characters(self, count: int) -> str:
        if count == 1:
            return self.tr("1 character")
        return self.tr("{count} characters").format(count=f"{count:,}")

    def _clear_stale_step(self) -> None:
        """"passage N of M" speaks of the stepped passage; once it is no longer the
        selection (the reader selected or clicked elsewhere), the text goes."""
        if self._step_span is not None and self.reader.selected_range() != self._step_span:
            self._step_span = None
            self.step_label.clear()

    def _show_reading_in_panels(self, reading: Reading) -> None:
        self.areas_panel.show_reading(reading, self.hidden_areas)
        self.annotation_layer.attach(reading)
        self._show_annotations()

    def _update_area_summary(self) -> None:
        from html import escape  # the status bar comes after the first paint

        if self.reading is None:
            return
        parts, tips = [], []
        counts = self.document.suggestion_counts()
        for area in self.reading.taxonomy.areas:
            count = counts.get(area.id, 0)
            shown = area.id not in self.hidden_areas
            dot = f"<span style='color:{area.color}'>{'●' if shown else '○'}</span>"
            parts.append(f"{dot}&nbsp;{count}")
            tips.append(f"{area.label}: {count}")
        self.areas_label.setText("&nbsp;&nbsp;".join(parts))
        self.areas_label.setToolTip(escape("\n".join(tips)))

    def open_export_dialog(self) -> None:
        """File ▸ Export…: the document on screen, in a non-blocking dialog."""
        from PySide6.QtCore import Qt

        from annotator.gui.export_dialog import ExportDialog

        if self.reading is None:
            return
        self.flush_edits()  # a note being typed is part of what the reader exports
        session, document_id = self.export_source()
        annotations = list(self.document.annotations.values()) if document_id else None
        dialog = ExportDialog(self.reading, self.settings, self, library=session,
                              document_id=document_id, annotations=annotations)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def export_source(self) -> tuple[ReaderSession | None, str | None]:
        """The library's services and the shown document's id there, when it is stored.

        (None, None) exports from the objects on screen (no reader annotations).
        """
        layer = self.annotation_layer
        if layer.session is None or layer.document_id is None:
            return None, None
        return layer.session, layer.document_id

    # -- areas ----------------------------------------------------------------------

    @property
    def hidden_areas(self) -> set[str]:
        return self.document.hidden_areas

    def set_area_visible(self, area_id: str, visible: bool) -> None:
        self.document.set_area_shown(area_id, visible)
        self.reader.set_area_visible(area_id, visible)
        self._update_area_summary()

    def step_area(self, area_id: str) -> None:
        """Select the area's next passage after the last one stepped to (wrapping round)."""
        if self.reading is None:
            return
        spans = sorted(self.reading.spans_of(area_id), key=lambda s: (s.start, s.end))
        area = self.reading.taxonomy.area(area_id)
        label = area.label if area else area_id
        if not spans:
            self.step_label.setText(self.tr("{area}: no passages").format(area=label))
            return
        if self._step is not None and self._step[0] == area_id:
            index = (self._step[1] + 1) % len(spans)
        else:
            top = self.reader.top_offset()
            index = next((i for i, s in enumerate(spans) if s.start >= top), 0)
        self._step = (area_id, index)
        span = spans[index]
        self.reader.select_range(span.start, span.end)
        self._step_span = (span.start, span.end)
        self.step_label.setText(self.tr("{area}: passage {n} of {total}").format(
            area=label, n=index + 1, total=len(spans)))

    def next_passage(self) -> None:
        area_id = self.areas_panel.selected_area() or (self._step[0] if self._step else None)
        if area_id is None and self.reading is not None and self.reading.taxonomy.areas:
            area_id = self.reading.taxonomy.areas[0].id
        if area_id is not None:
            self.step_area(area_id)

    # -- find in page (issue 7, item 7) ----------------------------------------------

    def open_find(self) -> None:
        self.find_bar.open()
        self.commands.close_find.setEnabled(True)
        if self.find_bar.box.text():
            self._find(self.find_bar.box.text())

    def close_find(self) -> None:
        """Esc: the marks go, the current match stays selected, the article has focus."""
        self.find_bar.hide()
        self.commands.close_find.setEnabled(False)
        self._matches, self._match = [], None
        self.reader.set_find_marks([], None)
        self.reader.setFocus()

    def _find(self, query: str) -> None:
        from annotator.core.find import find_all, nearest

        text = self.reading.document.text if self.reading is not None else ""
        self._matches = find_all(text, query)
        self._match = nearest(self._matches, self.reader.top_offset()) if self._matches else None
        self._show_match()

    def step_find(self, step: int) -> None:
        """F3 / Shift+F3 (Enter / Shift+Enter in the box): the next or previous match."""
        if not self.find_bar.isVisible():
            self.open_find()
            return
        if not self._matches:
            return
        current = self._match if self._match is not None else -step
        self._match = (current + step) % len(self._matches)
        self._show_match()

    def _show_match(self) -> None:
        self.reader.set_find_marks(self._matches, self._match)
        self.find_bar.show_count(self._match, len(self._matches))
        if self._match is not None:
            start, end = self._matches[self._match]
            self.reader.select_range(start, end)

    # -- window ---------------------------------------------------------------------

    def open_reader_settings(self) -> None:
        from annotator.gui.settings_dialog import SettingsDialog  # not before first paint

        dialog = SettingsDialog(self.settings, self.themes, self.reader.look, self,
                                self.commands.identity)
        dialog.look_changed.connect(self.reader.set_look)
        dialog.language_changed.connect(self.offer_restart)
        dialog.open()

    @property
    def printing(self) -> Printing:
        """File ▸ Print and Print Preview, made on first use (QtPrintSupport is not
        imported before the first paint)."""
        from annotator.gui.printing import Printing, SummaryJob, summary_job

        existing = self.findChild(Printing)
        if isinstance(existing, Printing):
            return existing

        def source() -> SummaryJob | None:
            if self.reading is None:
                return None
            self.flush_edits()  # a note being typed is part of what is printed
            library, document_id = self.export_source()
            return summary_job(self.reading, library, document_id)

        return Printing(self, source, self.settings)

    def _zoom(self, change: Callable[[], None]) -> None:
        change()
        self.settings.zoom = self.reader.zoom
        self._fit_docks()  # a larger font needs a wider column

    def _set_full_screen(self, on: bool) -> None:
        if on:
            self.showFullScreen()
        else:
            self.showNormal()

    def _sync_sidebar_action(self, _visible: bool) -> None:
        self.commands.toggle_sidebar.setChecked(not self.sidebar_dock.isHidden())

    def _fill_recent_menu(self) -> None:
        menu = self.recent_menu
        menu.clear()
        recent = self.settings.recent_files
        for number, path in enumerate(recent, start=1):
            action = menu.addAction(f"&{number % 10}  {path.name}")
            action.setToolTip(str(path))
            action.setStatusTip(str(path))
            action.triggered.connect(lambda _checked=False, p=path: self.open_file(p))
        if not recent:
            empty = menu.addAction(self.tr("No recent files"))
            empty.setEnabled(False)
        menu.addSeparator()
        menu.addAction(self.commands.clear_recent)
        self.commands.clear_recent.setEnabled(bool(recent))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        from annotator.gui.sharing_commands import is_bundle_path

        urls = [u for u in event.mimeData().urls() if u.isLocalFile()]
        bundles = [Path(u.toLocalFile()) for u in urls if is_bundle_path(Path(u.toLocalFile()))]
        if len(bundles) > 1:  # a class's hand-ins, dropped together: one merge
            event.acceptProposedAction()
            self.sharing_commands.merge_files(bundles, open_first=True)
            return
        if urls:
            event.acceptProposedAction()
            self.open_file(Path(urls[0].toLocalFile()))

    def offer_restart(self, language: str) -> None:
        """The reader chose `language`: offer to restart in it, unless the window speaks
        it already."""
        from annotator.gui.i18n import resolve, running_language
        from annotator.gui.restart_offer import restart_offer

        app = QApplication.instance()
        if app is None or resolve(language) == running_language(app):
            return
        self.restart_offer, restart = restart_offer(self, language)
        restart.clicked.connect(self.request_restart)
        self.restart_offer.open()

    def request_restart(self) -> None:
        """Close as quitting does; `app.run_gui` starts Annotator again afterwards."""
        self.restart_requested = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Remember geometry, docks, zoom and the reading position for the next run.

        A note being typed is stored first (T02); if that fails, the error dialog says
        so and the note stays in its editor.
        """
        if self._chrome:
            self.background_import.cancel()
            self._watch.stop()
            self.group_commands.stop()
        if self._picture is not None:  # closed behind its picture: the reader changed
            super().closeEvent(event)  # nothing, so there is nothing to remember
            return
        self.flush_edits()
        self._take_picture()
        if self.completed:
            self.annotation_layer.save_position()
        self._give_way_to(0)  # the docks as the reader arranged them, not as they gave way
        self.settings.window_state = self.saveState()
        self.settings.geometry = self.saveGeometry()
        self.settings.zoom = self.reader.zoom
        has_file = self.reading is not None and self.reading.path is not None
        self.settings.last_position = self.reader.top_offset() if has_file else 0
        self.settings.sync()
        super().closeEvent(event)

    def _take_picture(self) -> None:
        """The window as the reader leaves it, for the next launch's first frame
        (`gui/last_frame.py`): only of a whole live window, shown, in the language the
        next launch speaks (not one waiting for a restart to change it)."""
        from annotator.gui.i18n import resolve, running_language
        from annotator.gui.last_frame import Picture

        app = QApplication.instance()
        whole = (self.completed and self._picture is None and self.isVisible()
                 and not self.isMinimized())
        if (not whole or app is None or resolve(self.settings.language) != running_language(app)
                or not self._placed_as_next_launch()):
            self.last_frame = None
            return
        from PySide6.QtCore import QEvent

        # The next launch opens without the bars a question or a search put above the
        # page, and with nothing selected; the layouts these change (the page's, the
        # status bar's) take them in before the picture is taken, not a turn later.
        if self.find_bar.isVisible():
            self.close_find()
        if self.identity_bar is not None:
            self.identity_bar.hide()
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        self.last_frame = Picture(self.grab().toImage(), self.devicePixelRatioF(),
                                  self.windowTitle())

    def _placed_as_next_launch(self) -> bool:
        """Put the page where the next launch will (False: it opens another document).

        A file opens with the line at the top that holds the reader's place
        (`open_initial`), a document without one as the sample, at its beginning."""
        reading = self.reading
        if reading is None:
            return False
        if reading.path is not None:
            self.reader.scroll_to_offset(self.reader.top_offset())
            return True
        from annotator.services.reading import open_sample

        if reading.document.content_hash != open_sample(self.taxonomy).document.content_hash:
            return False
        self.reader.scroll_to_start()
        return True

    # -- annotations, library, search (issue 3) ---------------------------------------

    if not TYPE_CHECKING:

        def __getattr__(self, name: str) -> object:
            """A part asked for before it was built: the page (behind a picture) or the
            panels (before `complete()` ran). Build them now."""
            if name in _PAGE and not self.__dict__.get("_risen", True):
                self._rise()
                return self.__dict__[name]
            if name in _DEFERRED and not self.__dict__.get("_completing", True):
                self.complete()
                return self.__dict__[name]
            raise AttributeError(name)

    def _first_painted(self) -> None:
        self._painted = True
        QTimer.singleShot(0, self.complete)

    def complete(self) -> None:
        """Build the panels, the note editor and the annotation layer (once).

        Runs one event-loop turn after the reader's first paint; the store is opened on
        the turn after (performance.md trap 2).
        """
        if self.completed or self._completing:
            return
        if not self._risen:
            self._rise()  # which completes the window
            return
        self._completing = True
        if self._rest is not None:
            self._show_rest(*self._rest)
        if not self._chrome:
            self._build_chrome()
        from annotator.gui.accessibility import name_widgets
        from annotator.gui.annotation_controller import AnnotationController
        from annotator.gui.annotations_panel import AnnotationsPanel
        from annotator.gui.areas_panel import AreasPanel
        from annotator.gui.library_panel import LibraryPanel
        from annotator.gui.note_editor import NoteEditor
        from annotator.gui.search_panel import SearchPanel

        self.areas_panel = AreasPanel(self)
        self.note_editor = NoteEditor(self)
        self.annotations_panel = AnnotationsPanel(self.note_editor, self)
        self.search_panel = SearchPanel(self)
        tabs = self.sidebar
        current = tabs.currentIndex()
        tabs.blockSignals(True)
        for index, panel in enumerate((self.areas_panel, self.annotations_panel,
                                       self.search_panel)):
            label = tabs.tabText(index)
            tabs.removeTab(index)
            tabs.insertTab(index, panel, label)
        tabs.setCurrentIndex(current)
        tabs.blockSignals(False)
        self.library_panel = LibraryPanel(self)
        self.library_dock.setWidget(self.library_panel)
        for placeholder in self._placeholders:
            placeholder.deleteLater()
        self._placeholders.clear()
        self.annotation_layer = AnnotationController(
            self, self.document, self.reader, self.note_editor, self.commands, self.statusBar(),
            self._open_library, self.sharing_commands)
        self.areas_panel.visibility_changed.connect(self.set_area_visible)
        self.areas_panel.area_activated.connect(self.step_area)
        self.areas_panel.area_selected.connect(self.reader.set_focus_area)
        self._connect_annotations()
        name_widgets(self)
        self.completed = True
        self._completing = False
        if self.reading is not None:
            self._show_reading_in_panels(self.reading)
        if self.isVisible():
            self.annotation_layer.schedule_open(painted=self._painted)

    def _build_edit_menu(self) -> None:
        from PySide6.QtWidgets import QMenu

        a = self.commands
        edit = self.menuBar().addMenu(self.tr("&Edit"))
        edit.setObjectName("edit-menu")
        # The Edit menu goes between File and View, where readers look for it.
        menus = [m.menuAction() for m in self.menuBar().findChildren(QMenu)
                 if m.parent() is self.menuBar()]
        view = next((m for m in menus if m.text() == self.tr("&View")), None)
        if view is not None:
            self.menuBar().insertMenu(view, edit)
        edit.addAction(a.undo)
        edit.addAction(a.redo)
        edit.addSeparator()
        a.add_highlight_menu(edit, self.tr("&Highlight Selection"))
        edit.addAction(a.edit_tags)
        edit.addAction(a.delete_annotation)
        edit.addSeparator()
        for action in (a.find_in_page, a.find_next, a.find_previous, a.find):
            edit.addAction(action)
        self.addAction(a.close_find)
        edit.addSeparator()
        edit.addAction(a.identity)

    def _build_areas_menu(self) -> None:
        from annotator.gui.learning_commands import LearningCommands

        self.learning_commands = LearningCommands(
            self, self._learning, lambda: self.taxonomy, self.statusBar(), self.reread_document)
        areas = self.menuBar().addMenu(self.tr("&Areas"))
        areas.setObjectName("areas-menu")
        areas.addAction(self.commands.accept_area)
        areas.addSeparator()
        areas.addAction(self.learning_commands.reset)
        areas.addAction(self.learning_commands.undo)

    def _learning(self) -> Learning | None:
        session = self.annotation_layer.session if self.completed else None
        return session.learning if session is not None else None

    def read_stored(self, document: Document, path: Path | None) -> Reading:
        """`document` read with the reader's taxonomy as their decisions adjust it."""
        from annotator.services.reading import read_document, taxonomy_for

        learning = self._learning()
        taxonomy = taxonomy_for(document, self.taxonomy)
        if learning is not None:
            taxonomy = learning.taxonomy(taxonomy)
        return read_document(document, taxonomy, path)

    def reread_document(self) -> None:
        """Read the library document on screen again (after learning changed)."""
        layer = self.annotation_layer
        doc_id = layer.document_id if self.completed else None
        if doc_id is None or layer.session is None or self.reading is None:
            return
        try:
            stored = layer.session.stored(doc_id)
        except AnnotatorError as exc:
            layer.report(exc)
            return
        self.show_reading(self.read_stored(stored.document, self.reading.path))

    def _extend_toolbar(self) -> None:
        a = self.commands
        existing = self.toolbar.actions()
        if existing:
            self.toolbar.insertAction(existing[0], a.toggle_library)
        else:
            self.toolbar.addAction(a.toggle_library)
        self.toolbar.addSeparator()
        for action in (a.undo, a.redo, None, *a.highlight_colors, a.add_note, None, a.find):
            if action is None:
                self.toolbar.addSeparator()
            else:
                self.toolbar.addAction(action)

    def _connect_annotations(self) -> None:
        a, layer = self.commands, self.annotation_layer
        for action in a.highlight_colors:
            key = str(action.data())
            action.triggered.connect(lambda _c=False, k=key: layer.highlight(k))
        a.custom_color.triggered.connect(layer.choose_custom_color)
        a.add_note.triggered.connect(lambda: layer.edit_note())
        a.edit_tags.triggered.connect(lambda: layer.edit_note(focus_tags=True))
        a.delete_annotation.triggered.connect(self._delete_at_caret)
        a.accept_area.triggered.connect(self._accept_selected_area)
        a.identity.triggered.connect(self.edit_identity)
        a.find.triggered.connect(self.focus_search)
        group = layer.undo.group
        a.undo.triggered.connect(group.undo)
        a.redo.triggered.connect(group.redo)
        group.canUndoChanged.connect(a.undo.setEnabled)
        group.canRedoChanged.connect(a.redo.setEnabled)
        group.undoTextChanged.connect(lambda t: a.undo.setText(
            self.tr("&Undo {what}").format(what=t) if t else self.tr("&Undo")))
        group.redoTextChanged.connect(lambda t: a.redo.setText(
            self.tr("&Redo {what}").format(what=t) if t else self.tr("&Redo")))
        self.reader.context_menu_requested.connect(layer.context_menu)
        self.note_editor.commit = layer.save_note
        self.note_editor.closed.connect(lambda: self.reader.setFocus())
        self.annotations_panel.activated.connect(self.jump_to_annotation)
        self.annotations_panel.edit_requested.connect(
            lambda i: layer.edit_note(self.document.annotations.get(i))
            if i in self.document.annotations else None)
        self.annotations_panel.delete_requested.connect(layer.delete)
        layer.annotations_changed.connect(self._show_annotations)
        layer.marks_changed.connect(self.draw_marks)
        layer.note_opened.connect(self.show_annotations_tab)
        layer.error_shown.connect(self._keep_error)
        layer.annotations_changed.connect(self.learning_commands.check)
        layer.library_changed.connect(self._show_library)
        layer.store_opened.connect(self._store_opened)
        self.library_panel.open_requested.connect(self.open_document)
        self.library_panel.delete_confirmed.connect(self.delete_document)
        self.search_panel.hit_activated.connect(self.open_hit)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.completed:
            self.annotation_layer.schedule_open()
        else:
            # Normally the first paint completes the window; a window that is shown but
            # never painted (minimised, covered) still gets its panels and store.
            QTimer.singleShot(FALLBACK_COMPLETE_MS, self.complete)

    def _store_opened(self) -> None:
        session = self.annotation_layer.session
        assert session is not None
        self.search_panel.searcher = session.search.occurrences
        session.changed_elsewhere()  # the baseline
        self._watch.start(WATCH_MS)
        self._ask_identity_once()
        self.annotation_layer.annotations_changed.connect(self.group_commands.changed)
        self.group_commands.start()

    def _poll_changes(self) -> None:
        """Another process (the CLI) committed: show its annotations and library now."""
        layer = self.annotation_layer
        session = layer.session
        if session is None:
            self._watch.stop()
            return
        try:
            changed = session.changed_elsewhere()
        except AnnotatorError:
            return  # a busy or failing store: the next poll tries again
        if changed:
            self.reload_from_store()

    def reload_from_store(self) -> None:
        """Show what another process or a group sync wrote into the library."""
        try:
            self.annotation_layer.reload()
        except AnnotatorError:
            return  # a busy or failing store: the next poll tries again
        self._show_annotations()
        self._show_library()

    def flush_edits(self) -> bool:
        """Store any note being typed (on close, aboutToQuit, SIGTERM); False if it failed."""
        return self.note_editor.flush() if self.completed else True

    def show_annotations_tab(self) -> None:
        self.sidebar_dock.show()
        self.sidebar.setCurrentWidget(self.annotations_panel)

    def focus_search(self) -> None:
        self.sidebar_dock.show()
        self.sidebar.setCurrentWidget(self.search_panel)
        self.search_panel.focus_box()

    def _show_annotations(self) -> None:
        labels = {a.id: a.label for a in self.reading.taxonomy.areas} if self.reading else {}
        self.annotations_panel.show_annotations(self.document.ordered(), labels,
                                                self.annotation_layer.reader_id)
        self.areas_panel.set_counts(self.document.suggestion_counts())
        self._update_area_summary()

    def _show_library(self) -> None:
        session = self.annotation_layer.session
        if session is None:
            return
        try:
            documents = session.library.documents()
        except AnnotatorError as exc:
            self.library_panel.show_unavailable(str(exc))
            return
        self.library_panel.current_id = self.annotation_layer.document_id
        self.library_panel.show_documents(documents)
        self.search_panel.titles = {d.id: d.title for d in documents}

    def jump_to_annotation(self, annotation_id: str) -> None:
        annotation = self.document.annotations.get(annotation_id)
        if annotation is None:
            return
        from annotator.core.annotation import Placement

        if annotation.placement is Placement.PLACED:
            self.reader.select_range(annotation.start, annotation.end)
        else:
            self.statusBar().showMessage(
                self.tr("This annotation is unplaced: its text is not in this version."), 6000)

    def open_document(self, doc_id: str) -> bool:
        """Show a library document (from its stored text; the file need not exist)."""
        layer = self.annotation_layer
        if layer.session is None and not layer.open_store():
            return False
        assert layer.session is not None
        if doc_id == layer.document_id:
            return True
        try:
            stored = layer.session.stored(doc_id)
        except AnnotatorError as exc:
            layer.report(exc)
            return False
        from annotator.services.reader_session import reading_path

        self.show_reading(self.read_stored(stored.document, reading_path(stored.source_path)))
        return layer.document_id == doc_id

    def delete_document(self, doc_id: str) -> None:
        layer = self.annotation_layer
        if layer.session is None:
            return
        try:
            layer.session.library.delete(doc_id)
        except AnnotatorError as exc:
            layer.report(exc)
            return
        layer.detach(doc_id)
        self._show_library()

    def open_hit(self, hit: object) -> None:
        """Open a search hit's document and select what matched."""
        from annotator.services.search import SearchHit

        assert isinstance(hit, SearchHit)
        if not self.open_document(hit.document_id):
            return
        if hit.kind == "note" and hit.annotation_id:
            self.jump_to_annotation(hit.annotation_id)
            item = self.annotations_panel.item_for(hit.annotation_id)
            if item is not None:
                self.annotations_panel.list.setCurrentItem(item)
            return
        length = hit.marks[0][1] - hit.marks[0][0] if hit.marks else 0
        self.reader.select_range(hit.offset, hit.offset + max(1, length))

    def _delete_at_caret(self) -> None:
        target = self.annotation_layer.target()
        if target is not None:
            self.annotation_layer.delete([target.id])

    def _accept_selected_area(self) -> None:
        area = self.areas_panel.selected_area()
        if area is None:
            self.statusBar().showMessage(
                self.tr("Select an area in the Areas tab first."), 4000)
            return
        self.annotation_layer.accept_area(area)

    def edit_identity(self) -> None:
        from annotator.gui.identity_dialog import IdentityDialog

        layer = self.annotation_layer
        if layer.session is None and not layer.open_store():
            return
        assert layer.session is not None
        dialog = IdentityDialog(layer.session.reader.name, self)
        dialog.chosen.connect(self._rename)
        dialog.open()
        self.identity_dialog = dialog

    def _rename(self, name: str) -> None:
        layer = self.annotation_layer
        if layer.session is None:
            return
        try:
            layer.session.rename(name)
        except AnnotatorError as exc:
            layer.report(exc)
            return
        self.settings.state.setValue("identity/asked", "1")
        if self.document.document_id is not None:
            layer.reload()
            self._show_annotations()

    def _ask_identity_once(self) -> None:
        """First run on a real display: ask the reader's name once (never in tests/CI)."""
        from PySide6.QtGui import QGuiApplication

        if QGuiApplication.platformName() in ("offscreen", "minimal"):
            return
        if str(self.settings.state.value("identity/asked", "")) == "1":
            return
        self.settings.state.setValue("identity/asked", "1")
        self.ask_identity()

    def ask_identity(self) -> None:
        """The name question as a bar above the article, never a modal over it."""
        from annotator.gui.identity_bar import IdentityBar

        session = self.annotation_layer.session
        if session is None or (self.identity_bar is not None and self.identity_bar.isVisible()):
            return
        bar = IdentityBar(session.reader.name, self.reader)
        bar.chosen.connect(self._rename)
        bar.destroyed.connect(self._identity_bar_gone)
        self.reader.add_bar(bar)
        bar.show()
        self.identity_bar = bar

    def _identity_bar_gone(self) -> None:
        """The bar deletes itself once answered: the window must not touch it after."""
        self.identity_bar = None

    def show_shortcuts(self) -> None:
        from PySide6.QtWidgets import QMenu

        from annotator.gui.help_dialogs import show_shortcuts

        a = self.commands
        ordered: list[QAction] = []
        for menu in self.menuBar().findChildren(QMenu):
            for action in menu.actions():
                if action not in ordered and action.shortcuts():
                    ordered.append(action)
        for action in (a.close_find, *a.highlight_colors):
            if action not in ordered:
                ordered.append(action)
        self.help_dialog = show_shortcuts(self, ordered)

    def show_locations(self) -> None:
        from annotator.gui.help_dialogs import show_locations

        self.help_dialog = show_locations(self, self._locations())

    def show_about(self) -> None:
        from annotator.gui.help_dialogs import show_about

        self.help_dialog = show_about(self, __version__, self._locations().library)

