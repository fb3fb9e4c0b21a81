"""The Group menu (Join…, Share Document to Group, Sync Now, Resolve Conflicts…) and
background sync.

Annotating stays local and instant; the group catches up behind it. A sync runs on a
pool thread (gui/workers.py) a few seconds after the last local change, every few
minutes, when the server announces a version this library has not pulled (its events
are heard on threads of their own, groupsync/live.py), and when the reader asks, one at
a time: a request while one runs queues a single follow-up. An unreachable server is a
state on the status-bar indicator, never a dialog. What a pull writes reaches the screen
the way changes made elsewhere do (`MainWindow.reload_from_store`), so other members'
notes appear as imported layers.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol, cast

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QStatusBar, QWidget

from annotator.errors import AnnotatorError
from annotator.gui.conflicts_dialog import ConflictsDialog
from annotator.gui.dialogs import show_error
from annotator.gui.group_join_dialog import JoinDialog
from annotator.gui.i18n import translate
from annotator.gui.sync_status import SyncIndicator
from annotator.gui.workers import Job, Worker, network_pool, run_in_background

if TYPE_CHECKING:
    from annotator.groupsync.background import GroupState
    from annotator.groupsync.conflicts import DeviceConflict, DeviceConflicts
    from annotator.groupsync.live import Heard, Listening
    from annotator.groupsync.sync import GroupSync, Joined
    from annotator.gui.annotation_controller import AnnotationController
    from annotator.services.changes import Change
    from annotator.services.library_services import Services

DEBOUNCE_MS = 3_000  # after the last local change
PERIOD_MS = 3 * 60_000  # other members' notes arrive at least this often
CLOSE_WAIT_S = 10.0  # a sync cut at exit only sends its changes again next time


class GroupHost(Protocol):
    def services(self) -> Services | None: ...  # None: the library cannot be opened

    def document_id(self) -> str | None: ...  # the library id of the document on screen

    def reload(self) -> None: ...  # show what a pull wrote into the library

    def message(self, text: str) -> None: ...  # a passing status-bar message

    def record(self, change: Change) -> None: ...  # one undo step, already written

    def on_history(self, slot: Callable[[], None]) -> None: ...  # after each undo or redo


class _Announcements(QObject):
    """Carries the server's events from the listening threads to the GUI thread (a
    queued signal: the receiver lives on the GUI thread)."""

    heard = Signal(object)  # a groupsync.live.Heard


class GroupCommands(QObject):
    """Four actions, their menu, the indicator, and the timers that sync."""

    def __init__(self, host: GroupHost, parent: QWidget) -> None:
        super().__init__(parent)
        self.host = host
        self.widget = parent
        self.join = QAction(self.tr("&Join…"), self)
        self.join.triggered.connect(self.open_join)
        self.share = QAction(self.tr("&Share Document to Group"), self)
        self.share.triggered.connect(self.share_document)
        self.sync = QAction(self.tr("Sync &Now"), self)
        self.sync.triggered.connect(self.sync_now)
        self.resolve = QAction(self.tr("&Resolve Conflicts…"), self)
        self.resolve.triggered.connect(self.open_conflicts)
        self.menu = QMenu(self.tr("&Group"), parent)
        self.menu.setObjectName("group-menu")
        for action in (self.join, self.share, self.sync, self.resolve):
            self.menu.addAction(action)
        self.indicator = SyncIndicator(parent)
        self.indicator.clicked.connect(self._indicator_clicked)
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.setInterval(DEBOUNCE_MS)
        self._soon.timeout.connect(self.sync_now)
        self._every = QTimer(self)
        self._every.setInterval(PERIOD_MS)
        self._every.timeout.connect(self.sync_now)
        self.worker: Worker | None = None  # the sync running (tests wait for it)
        self.live: Listening | None = None  # the server's events, heard while in a group
        self._announcements = _Announcements(self)
        self._announcements.heard.connect(self._heard)
        self._again = False
        self.dialog: JoinDialog | None = None
        self.conflicts_dialog: ConflictsDialog | None = None
        self._conflicts = 0  # as the last state said
        self._in_group = False
        self._set_joined(False)

    # --- the window's side --------------------------------------------------------

    def start(self) -> None:
        """The library is open: show where the groups stand, then sync now and then."""
        services = self.host.services()
        if services is None:
            return
        self._background(lambda _p, _c: _state(services), self._state_known)

    def stop(self) -> None:
        """The window closes: no new sync, and a running one may finish recording what
        the server acknowledged (groups.json), for a while at most."""
        self._soon.stop()
        self._every.stop()
        self._stop_listening()
        if self.worker is not None:
            self.worker.wait(CLOSE_WAIT_S)

    @property
    def busy(self) -> bool:
        """A sync runs or is queued behind the running one."""
        return self.worker is not None or self._again

    @property
    def sync_due(self) -> bool:
        """A local change waits for the pause before its sync."""
        return self._soon.isActive()

    def changed(self) -> None:
        """The reader changed something: sync once they pause."""
        if self.indicator.isVisible():
            self._soon.start()

    # --- actions ------------------------------------------------------------------

    def open_join(self) -> None:
        dialog = JoinDialog(self.widget)
        dialog.join_requested.connect(self._join)
        self.dialog = dialog
        dialog.open()

    def share_document(self) -> None:
        services, doc_id = self.host.services(), self.host.document_id()
        if services is None or doc_id is None:
            self.host.message(self.tr("Open a document from the library to share it."))
            return
        run_in_background(lambda _p, _c: _groups(services).share(doc_id), name="group-share",
                          on_finished=self._shared, on_failed=self._share_failed,
                          pool=network_pool())

    def sync_now(self) -> None:
        services = self.host.services()
        if services is None or not self._in_group:
            return
        if self.worker is not None:
            self._again = True
            return
        self._soon.stop()
        self.indicator.syncing()
        self._background(lambda _p, _c: _sync(services), self._synced)

    def open_conflicts(self) -> None:
        """Group ▸ Resolve Conflicts… (or a click on "Conflict"): both texts of each."""
        services = self.host.services()
        if services is None or not self._in_group:
            return
        dialog = self.conflicts_dialog
        if dialog is None:
            dialog = ConflictsDialog(self.widget)
            dialog.resolve_requested.connect(self._resolve)
            self.conflicts_dialog = dialog
            self.host.on_history(self._history_moved)
        try:
            dialog.show_conflicts(_device_conflicts(services).listed())
        except AnnotatorError as exc:
            dialog.show_error(str(exc))
        dialog.show()
        dialog.raise_()

    def _resolve(self, found: object, other: bool, note: object) -> None:
        """Resolve on the network thread, after any sync that runs: both write groups.json."""
        services = self.host.services()
        if services is None:
            return
        entry = cast("DeviceConflict", found)
        text = note if isinstance(note, str) else None
        run_in_background(
            lambda _p, _c: _device_conflicts(services).resolve(entry, other=other, note=text),
            name="group-resolve", on_finished=self._resolved, on_failed=self._resolve_failed,
            pool=network_pool())

    def _history_moved(self) -> None:
        """An undo or redo may have put a resolved conflict back on the list (or taken it
        off again): the open chooser shows the list as it is, and a sync follows."""
        dialog = self.conflicts_dialog
        if dialog is not None and dialog.isVisible():
            self.open_conflicts()
        self.changed()

    def _indicator_clicked(self) -> None:
        if self._conflicts:
            self.open_conflicts()
        else:
            self.sync_now()

    # --- results (GUI thread) -----------------------------------------------------

    def _resolved(self, result: object) -> None:
        self.host.record(cast("Change", result))
        self.open_conflicts()  # the conflicts left
        self.sync_now()  # the chosen text goes to the group and the other device

    def _resolve_failed(self, message: str) -> None:
        if self.conflicts_dialog is not None:
            self.conflicts_dialog.show_error(message)

    def _join(self, url: str, token: str, device: str) -> None:
        dialog = self.dialog
        assert dialog is not None
        services = self.host.services()
        if services is None:
            dialog.show_error(self.tr("The library cannot be opened, so no group can be "
                                      "joined."))
            return
        run_in_background(lambda _p, _c: _join(services, url, token, device),
                          name="group-join",
                          on_finished=self._joined, on_failed=dialog.show_error,
                          pool=network_pool())

    def _joined(self, result: object) -> None:
        joined = cast("Joined", result)
        if self.dialog is not None:
            self.dialog.accept()
        self.host.message(self.tr("Joined group {group} as {name}.").format(
            group=joined.group, name=joined.name))
        self._set_joined(True)
        self._listen()  # the group just joined too
        self.sync_now()

    def _shared(self, result: object) -> None:
        assert isinstance(result, tuple)
        link, _hash, title, _new = result
        self.host.message(self.tr("Shared “{title}” with group {group}.").format(
            title=title, group=link.group))
        self.sync_now()

    def _share_failed(self, message: str) -> None:
        show_error(self.widget, self.tr("Cannot Share"), message)

    def _state_known(self, result: object) -> None:
        state = cast("GroupState", result)
        self._conflicts = state.conflicts
        self._set_joined(state.joined)
        self.indicator.show_state(state)

    def _synced(self, result: object) -> None:
        self._state_known(result)
        if cast("GroupState", result).pulled:
            self.host.reload()

    def _heard(self, heard: object) -> None:
        """The server announced a version: pull if this library lacks it, or if the
        server is back after being unreachable."""
        from annotator.groupsync.background import worth_a_sync

        if self.live is None:
            return  # heard just before the listening stopped
        try:
            wanted = worth_a_sync(cast("Heard", heard))
        except AnnotatorError:
            return  # groups.json unreadable: the next sync says so
        if wanted:
            self.sync_now()

    def _failed(self, message: str) -> None:
        self.indicator.show_failure(message)

    def _finished(self) -> None:
        self.worker = None
        if self._again:
            self._again = False
            self.sync_now()

    # --- helpers --------------------------------------------------------------------

    def _background(self, job: Job, on_finished: Callable[[object], None]) -> None:
        def finished(result: object) -> None:
            on_finished(result)
            self._finished()

        def failed(message: str) -> None:
            self._failed(message)
            self._finished()

        # The result's own signals end the run: `done` can arrive after the signals
        # object is released (workers.py), too late to be relied on here.
        self.worker = run_in_background(job, name="group-sync", on_finished=finished,
                                        on_failed=failed, pool=network_pool())

    def _set_joined(self, joined: bool) -> None:
        """Only a library in a group syncs (and loads the HTTP client)."""
        self._in_group = joined
        self.share.setEnabled(joined)
        self.sync.setEnabled(joined)
        self.resolve.setEnabled(joined)
        if not joined:
            self._every.stop()
            self._stop_listening()
            return
        if not self._every.isActive():
            self._every.start()
        if self.live is None:
            self._listen()

    def _listen(self) -> None:
        """Hear the events of every joined group, on threads that never touch widgets."""
        from annotator.groupsync import config
        from annotator.groupsync.live import listen

        try:
            links = config.load()
        except AnnotatorError:
            return  # the sync reports the unreadable file
        if self.live is not None:
            if self.live.groups == set(links):
                return
            self._stop_listening()
        self.live = listen(links.values(), self._announcements.heard.emit)

    def _stop_listening(self) -> None:
        """Stop the listening threads (at once: their sockets are shut down)."""
        if self.live is not None:
            self.live.stop()
            self.live = None


def _groups(services: Services) -> GroupSync:
    """The sync client over the window's library, imported late: it needs httpx, and
    most libraries never join a group."""
    try:
        from annotator.groupsync.sync import GroupSync
    except ImportError as exc:
        raise AnnotatorError(translate(
            "GroupCommands", "Group sync needs {package}: pip install 'annotator[server]'."
        ).format(package=exc.name)) from None
    return GroupSync(services.store, services.reader)


def _device_conflicts(services: Services) -> DeviceConflicts:
    from annotator.groupsync.conflicts import DeviceConflicts

    _groups(services)  # says which package is missing, if one is
    return DeviceConflicts(services.store, services.reader)


def _state(services: Services) -> GroupState:
    from annotator.groupsync.background import GroupState, current, joined

    return current(_groups(services)) if joined() else GroupState(joined=False)


def _sync(services: Services) -> GroupState:
    from annotator.groupsync.background import sync_all

    return sync_all(_groups(services))


def _join(services: Services, url: str, token: str, device: str) -> Joined:
    """Join; the member becomes the library's reader, so notes are written as them."""
    from annotator.groupsync.sync import JoinFailed

    try:
        joined = _groups(services).join(url, token, device)
    except JoinFailed as exc:
        raise AnnotatorError(_join_failure(exc.kind, url)) from None
    services.forget_reader()
    return joined


def _join_failure(kind: str, url: str) -> str:
    """Why joining failed, in the reader's language (groupsync/sync.py `JoinFailed`)."""
    if kind == "token":
        return translate("GroupCommands", "The server did not accept this token: it is "
                         "wrong or has expired. Ask your teacher for a new one.")
    if kind == "group":
        return translate("GroupCommands", "This token is for another group than the one "
                         "in the address: check the address your teacher gave.")
    if kind == "dns":
        return translate("GroupCommands", "The server in {url} cannot be found: check the "
                         "address and your internet connection.").format(url=url)
    if kind == "timeout":
        return translate("GroupCommands", "The server at {url} did not answer in time: "
                         "check your connection and try again.").format(url=url)
    if kind == "tls":
        return translate("GroupCommands", "No secure connection to {url} could be made: "
                         "check the address (http:// or https://), or ask whoever runs the "
                         "server about its certificate.").format(url=url)
    if kind == "not-annotator":
        return translate("GroupCommands", "{url} is not an Annotator group server: check "
                         "the address.").format(url=url)
    return translate("GroupCommands", "Cannot reach a group server at {url}: check the "
                     "address and your connection.").format(url=url)


class _Window(Protocol):
    """What `GroupWindow` needs of `MainWindow`."""

    annotation_layer: AnnotationController

    def reload_from_store(self) -> None: ...

    def statusBar(self) -> QStatusBar: ...


class GroupWindow:
    """`GroupHost` over the main window and its annotation layer."""

    MESSAGE_MS = 6_000

    def __init__(self, window: _Window) -> None:
        self.window = window

    def services(self) -> Services | None:
        layer = self.window.annotation_layer
        if layer.session is None and not layer.open_store():
            return None
        return layer.session

    def document_id(self) -> str | None:
        return self.window.annotation_layer.document_id

    def reload(self) -> None:
        self.window.reload_from_store()

    def message(self, text: str) -> None:
        self.window.statusBar().showMessage(text, self.MESSAGE_MS)

    def record(self, change: Change) -> None:
        self.window.annotation_layer.record([change])

    def on_history(self, slot: Callable[[], None]) -> None:
        self.window.annotation_layer.undo.group.indexChanged.connect(lambda _index: slot())
