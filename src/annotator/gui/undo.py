"""Thin QUndoCommands over the services' `Change` records, one stack per document.

A service applies a change and returns its record; the command is pushed *after* that,
so its first `redo()` (which Qt calls on push) writes nothing. Later redos apply the
record, undos apply its inverse, and every time the window is told so it can refresh
from the record. Consecutive note edits of one annotation merge into one step, so a note
saved while typing (focus changes, autosave) undoes as one edit.

A failed write (disk full, read-only) is reported through `on_error`; the stack then
marks the command obsolete so the history never claims a state the database lacks.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoCommand, QUndoGroup, QUndoStack

from annotator.errors import AnnotatorError

if TYPE_CHECKING:
    from annotator.services.annotating import Annotating
    from annotator.services.changes import Change

NOTE_EDIT_ID = 0x4E07E  # commands with this id may merge (same annotation, note only)

Applied = Callable[["Change"], None]
Failed = Callable[[AnnotatorError], None]


class ChangeCommand(QUndoCommand):
    """Redo = apply the change; undo = apply its inverse."""

    def __init__(
        self,
        change: Change,
        annotating: Callable[[], Annotating],
        on_applied: Applied,
        on_error: Failed,
        *,
        merge_key: str | None = None,
    ) -> None:
        super().__init__(change.description)
        self.change = change
        self._annotating = annotating
        self._on_applied = on_applied
        self._on_error = on_error
        self._merge_key = merge_key
        self._pushed = False

    def _run(self, change: Change) -> None:
        try:
            change.apply(self._annotating())
        except AnnotatorError as exc:
            self.setObsolete(True)
            self._on_error(exc)
            return
        self._on_applied(change)

    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True  # the service already applied it
            return
        self._run(self.change)

    def undo(self) -> None:
        self._run(self.change.inverse())

    def id(self) -> int:
        return NOTE_EDIT_ID if self._merge_key else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, ChangeCommand) or other._merge_key != self._merge_key:
            return False
        from dataclasses import replace

        self.change = replace(self.change, after=other.change.after)
        return True


class UndoStacks(QObject):
    """A QUndoGroup with one QUndoStack per document id; the active one follows the view."""

    def __init__(
        self,
        annotating: Callable[[], Annotating],
        on_applied: Applied,
        on_error: Failed,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.group = QUndoGroup(self)
        self._stacks: dict[str, QUndoStack] = {}
        self._none = QUndoStack(self.group)
        self._annotating = annotating
        self._on_applied = on_applied
        self._on_error = on_error

    def stack(self, document_id: str) -> QUndoStack:
        stack = self._stacks.get(document_id)
        if stack is None:
            stack = QUndoStack(self.group)
            self._stacks[document_id] = stack
        return stack

    def activate(self, document_id: str | None) -> None:
        # No document (the store not open yet): an empty stack, so undo is disabled.
        self.group.setActiveStack(self.stack(document_id) if document_id else self._none)

    def push(self, change: Change, *, merge_key: str | None = None) -> None:
        """Record a change the service has already applied (no-op changes are dropped)."""
        if change.empty:
            return
        command = ChangeCommand(
            change, self._annotating, self._on_applied, self._on_error, merge_key=merge_key
        )
        self.stack(change.document_id).push(command)

    def forget(self, document_id: str) -> None:
        stack = self._stacks.pop(document_id, None)
        if stack is not None:
            self.group.removeStack(stack)
            stack.deleteLater()
