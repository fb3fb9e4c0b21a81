"""The File menu's sharing commands, and what they ask of the window.

Share Annotated Copy…, Hand In…, Collect Answers…, Merge Notes…, Answers by Question…
and Study Group… each open one dialog (`share_dialog.py`, `merge_dialog.py`,
`answers_view.py`, `group_view.py`). They need five things from the window, named by
`SharingHost`: the sharing service, the document on screen, a way to record changes
for undo and redraw, to open a library document, and to show a passage. `WindowHost`
answers them over today's `MainWindow`; keeping that in one small class is what lets
the window's own structure change without touching the dialogs.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu, QWidget

from annotator.core.annotation import Annotation, Motivation
from annotator.core.layers import LayerKind
from annotator.errors import AnnotatorError
from annotator.gui.answering import TextDialog, is_own, is_question
from annotator.gui.author_layers import MembersMenu, author_keys
from annotator.gui.dialogs import show_error
from annotator.gui.i18n import translate

if TYPE_CHECKING:
    from annotator.gui.annotation_controller import AnnotationController
    from annotator.gui.reader_view import ReaderView
    from annotator.services.changes import Change
    from annotator.services.reading import Reading
    from annotator.services.sharing import Sharing

BUNDLE_SUFFIX = ".annot"
MERGE_SUFFIXES = (".annot", ".jsonld", ".json")


def is_bundle_path(path: Path) -> bool:
    return path.suffix.lower() == BUNDLE_SUFFIX


class SharingHost(Protocol):
    def sharing(self) -> Sharing | None: ...  # None: the library cannot be opened

    def document_id(self) -> str | None: ...  # the library id of the document on screen

    def document_title(self) -> str: ...

    def reader_id(self) -> str | None: ...  # the local reader, once the library is open

    def document_text(self) -> str | None: ...

    def record(self, changes: Sequence[Change]) -> None: ...  # undo steps; redraw

    def open_library_document(self, doc_id: str) -> None: ...

    def show_passage(self, start: int, end: int) -> None: ...

    def authors(self) -> list[tuple[str | None, str]]: ...  # (id, None: the reader; name)

    def author_visible(self, author_id: str | None) -> bool: ...

    def set_author_visible(self, author_id: str | None, visible: bool) -> None: ...


class SharingCommands(QObject):
    """Six actions for the File menu and the dialogs behind them."""

    def __init__(self, host: SharingHost, parent: QWidget) -> None:
        super().__init__(parent)
        self.host = host
        self.widget = parent
        self.dialog: QWidget | None = None  # the last one opened (tests look at it)
        self.share = self._action(self.tr("&Share Annotated Copy…"), "share", self.share_copy)
        self.hand_in = self._action(self.tr("&Hand In…"), "hand-in", self.hand_in_copy)
        self.feedback = self._action(self.tr("Send &Feedback…"), "feedback",
                                     self.send_feedback)
        self.collect = self._action(self.tr("&Collect Answers…"), "collect",
                                    lambda: self.choose_and_merge(collect=True))
        self.merge = self._action(self.tr("&Merge Notes…"), "merge",
                                  lambda: self.choose_and_merge(collect=False))
        self.answers = self._action(self.tr("&Answers by Question…"), "answers",
                                    self.show_answers)
        self.group = self._action(self.tr("Study &Group…"), "group", self.show_group)
        self.members = MembersMenu(host.authors, host.author_visible, host.set_author_visible,
                                   parent)

    def _action(self, text: str, name: str, slot: object) -> QAction:
        action = QAction(text, self)
        action.setObjectName(f"action-{name}")
        action.triggered.connect(slot)
        return action

    def add_to(self, menu: QMenu, before: QAction | None = None) -> None:
        """Put the commands in `menu` (before `before`), as one separated group."""
        for action in (None, self.share, self.hand_in, self.feedback, None, self.collect,
                       self.merge, self.answers, self.group):
            if action is None:
                separator = QAction(self)
                separator.setSeparator(True)
                action = separator
            if before is not None:
                menu.insertAction(before, action)
            else:
                menu.addAction(action)

    # -- what each command needs ------------------------------------------------------

    def _ready(self) -> tuple[Sharing, str] | None:
        sharing, doc_id = self.host.sharing(), self.host.document_id()
        if sharing is None:
            return None
        if doc_id is None:
            self._error(self.tr("This document is not in the library yet."),
                        self.tr("Open it again once the library is available."))
            return None
        return sharing, doc_id

    def _error(self, message: str, hint: str = "") -> None:
        self.dialog = show_error(self.widget, self.tr("Cannot do that here"), message, hint)

    def _open(self, dialog: QWidget) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.show()

    def _suggested(self, suffix: str) -> Path:
        title = re.sub(r"[^\w\- ]+", "", self.host.document_title()).strip()[:60] or "annotated"
        return Path.home() / f"{title}{suffix}"

    # -- the commands -----------------------------------------------------------------

    def share_copy(self, hand_in: bool = False) -> None:
        from annotator.gui.share_dialog import ShareDialog

        ready = self._ready()
        if ready is None:
            return
        suffix = " (hand-in).annot" if hand_in else BUNDLE_SUFFIX
        self._open(ShareDialog(*ready, self._suggested(suffix), hand_in=hand_in,
                               parent=self.widget))

    def hand_in_copy(self) -> None:
        self.share_copy(hand_in=True)

    def send_feedback(self) -> None:
        """Ask whose feedback to write, then a bundle addressed to them."""
        from PySide6.QtWidgets import QInputDialog

        others = [(i, name) for i, name in self.host.authors() if i is not None]
        if not others:
            self._error(self.tr("Nobody else has notes in this document yet."),
                        self.tr("Collect the students' hand-ins first."))
            return
        name, ok = QInputDialog.getItem(self.widget, self.tr("Send Feedback"),
                                        self.tr("Feedback for:"), [n for _, n in others],
                                        0, False)
        if ok:
            self.feedback_for(dict((n, i) for i, n in others)[name], name)

    def feedback_for(self, author_id: str, name: str) -> None:
        from annotator.gui.share_dialog import ShareDialog

        ready = self._ready()
        if ready is not None:
            self._open(ShareDialog(*ready, self._suggested(" (feedback).annot"),
                                   addressee=(author_id, name), parent=self.widget))

    def choose_and_merge(self, collect: bool) -> None:
        title = self.tr("Collect Answers") if collect else self.tr("Merge Notes")
        names, _ = QFileDialog.getOpenFileNames(
            self.widget, title, "",
            self.tr("Annotations (*.annot *.jsonld *.json);;All files (*)"))
        if names:
            self.merge_files([Path(n) for n in names], title)

    def merge_files(self, paths: list[Path], title: str = "", open_first: bool = False) -> None:
        """Merge `paths` off the GUI thread; with `open_first`, show the merged document."""
        from annotator.gui.merge_dialog import MergeDialog

        sharing = self.host.sharing()
        if sharing is None:
            return
        dialog = MergeDialog(sharing, paths, title or self.tr("Merge Notes"), self.widget)

        def merged(report: object) -> None:
            from annotator.services.sharing import MergeReport

            assert isinstance(report, MergeReport)
            self.host.record(report.changes)
            if open_first and report.documents:
                self.host.open_library_document(report.documents[0])

        dialog.merged.connect(merged)
        dialog.kept.connect(lambda change: self.host.record([change]))
        self._open(dialog)
        dialog.start()

    def import_bundle(self, path: Path) -> None:
        """File ▸ Open or a drop of a `.annot`: import it and show its document."""
        self.merge_files([path], self.tr("Open {name}").format(name=path.name),
                         open_first=True)

    # -- questions and answers in the reader's context menu ---------------------------

    def add_selection_entries(self, menu: QMenu, span: tuple[int, int]) -> None:
        menu.addAction(self.tr("Ask the &Class…")).triggered.connect(
            lambda _c=False: self.ask(span))

    def add_annotation_entries(self, menu: QMenu, annotation: Annotation) -> bool:
        """Answer… on another author's question; True when `annotation` is read-only
        (another author's), so the caller offers no edits."""
        reader = self.host.reader_id()
        if reader is None or is_own(annotation, reader):
            return False
        from annotator.exchange.merge import shown_author

        menu.addAction(self.tr("Read-only: {author}").format(
            author=shown_author(annotation.author_name, annotation.author_id, reader)
        )).setEnabled(False)
        if is_question(annotation):
            menu.addAction(self.tr("&Answer…")).triggered.connect(
                lambda _c=False: self.answer(annotation))
        elif annotation.motivation is not Motivation.REPLYING:
            menu.addAction(self.tr("&Reply…")).triggered.connect(
                lambda _c=False: self.answer(annotation, private=True))
        return True

    def ask(self, span: tuple[int, int]) -> TextDialog | None:
        ready = self._ready()
        reading = self.host.document_text()
        if ready is None or reading is None:
            return None
        sharing, doc_id = ready
        dialog = TextDialog(self.tr("Ask the Class"),
                            self.tr("Your question about this passage:"),
                            reading[span[0]:span[1]], self.widget)
        dialog.accepted.connect(lambda: self._write(
            lambda: sharing.ask(doc_id, span[0], span[1], dialog.value())))
        self._open(dialog)
        return dialog

    def answer(self, question: Annotation, private: bool = False) -> TextDialog | None:
        """Answer a question, or (`private`) reply to another author's note: feedback
        that only a bundle addressed to that author carries (Send Feedback…)."""
        sharing = self.host.sharing()
        if sharing is None:
            return None
        if private:
            dialog = TextDialog(self.tr("Reply"), self.tr(
                "{note}\n\nYour reply (it travels only in feedback sent to its author):"
            ).format(note=question.note), question.exact, self.widget)
        else:
            dialog = TextDialog(self.tr("Answer"), self.tr(
                "{question}\n\nYour answer:").format(question=question.note),
                question.exact, self.widget)
        dialog.accepted.connect(lambda: self._write(
            lambda: sharing.reply(question.id, dialog.value())))
        self._open(dialog)
        return dialog

    def _write(self, make: Callable[[], Change]) -> None:
        try:
            change = make()
        except AnnotatorError as exc:
            self._error(str(exc))
            return
        self.host.record([change])

    def show_answers(self) -> None:
        from annotator.gui.answers_view import AnswersDialog

        ready = self._ready()
        if ready is not None:
            self._open(AnswersDialog(*ready, parent=self.widget))

    def show_group(self) -> None:
        from annotator.gui.export_wording import export_wording
        from annotator.gui.group_view import GroupDialog

        ready = self._ready()
        if ready is None:
            return
        sharing, doc_id = ready
        wording = export_wording()  # the window's language, looked up on its thread
        try:
            summary = sharing.group_summary(doc_id, wording)
        except AnnotatorError as exc:
            self._error(str(exc))
            return

        def export(path: Path) -> object:
            return sharing.export_group(doc_id, path.suffix.lstrip(".").lower(), path, wording)

        dialog = GroupDialog(summary, self.widget, export)
        dialog.passage_chosen.connect(self.host.show_passage)
        self._open(dialog)


class _Window(Protocol):
    """What `WindowHost` uses of the main window (typed here, so neither imports the other)."""

    annotation_layer: AnnotationController
    reading: Reading | None
    reader: ReaderView

    def open_document(self, doc_id: str) -> bool: ...

    def raise_(self) -> None: ...


class WindowHost:
    """`SharingHost` over the main window and its annotation layer."""

    def __init__(self, window: _Window) -> None:
        self.window = window

    def sharing(self) -> Sharing | None:
        layer = self.window.annotation_layer
        if layer.session is None and not layer.open_store():
            return None
        assert layer.session is not None
        return layer.session.sharing

    def document_id(self) -> str | None:
        return self.window.annotation_layer.document_id

    def document_title(self) -> str:
        reading = self.window.reading
        return reading.document.metadata.title if reading else ""

    def document_text(self) -> str | None:
        reading = self.window.reading
        return reading.document.text if reading else None

    def reader_id(self) -> str | None:
        session = self.window.annotation_layer.session
        return session.reader.id if session is not None else None

    def record(self, changes: Sequence[Change]) -> None:
        self.window.annotation_layer.record(changes)

    def open_library_document(self, doc_id: str) -> None:
        self.window.open_document(doc_id)

    def show_passage(self, start: int, end: int) -> None:
        self.window.reader.select_range(start, end)
        self.window.raise_()

    def authors(self) -> list[tuple[str | None, str]]:
        layers = self.window.annotation_layer.document.layers(self.reader_id())
        you = [(None, translate("WindowHost", "You"))
               for layer in layers if layer.kind is LayerKind.READER]
        others = sorted(((layer.author_id, layer.author) for layer in layers
                         if layer.kind is LayerKind.IMPORTED), key=lambda x: x[1].casefold())
        return [*you, *others]

    def author_visible(self, author_id: str | None) -> bool:
        reader = self.window.reader
        hidden = reader.highlights.hidden if reader.highlights is not None else set()
        return not all(k in hidden for k in author_keys(reader.mark_keys(), author_id))

    def set_author_visible(self, author_id: str | None, visible: bool) -> None:
        reader = self.window.reader
        reader.set_keys_visible(author_keys(reader.mark_keys(), author_id), visible)

