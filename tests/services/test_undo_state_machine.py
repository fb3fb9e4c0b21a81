"""Random sequences of edits, undos and redos keep the store equal to a simple model."""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from annotator.core.annotation import Annotation
from annotator.core.document import Document
from annotator.importers import import_bytes
from annotator.services.annotating import Annotating
from annotator.services.changes import Change
from annotator.services.identity import Identity
from annotator.services.library import Library
from annotator.store import Store


def content(a: Annotation) -> Annotation:
    """`a` without its edit count and time, which undo and redo move on."""
    return replace(a, revision=0, modified=EPOCH)


EPOCH = datetime(2000, 1, 1, tzinfo=UTC)
TEXT = " ".join(f"word{i}" for i in range(200))
COLORS = st.sampled_from(["yellow", "green", "blue", "pink", "orange", "purple", "#123abc"])


class UndoMachine(RuleBasedStateMachine):
    """Model: the live annotations by id. Undo/redo as one QUndoStack would drive them."""

    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="undo-machine-"))
        self.store = Store.open(self.folder / "annotator.db")
        self.library = Library(self.store)
        self.annotating = Annotating(self.store, Identity(self.store).reader())
        document: Document = import_bytes(TEXT.encode(), "words.txt")
        self.doc = self.library.document(self.library.add(document))
        self.model: dict[str, Annotation] = {}
        self.done: list[Change] = []
        self.undone: list[Change] = []
        self.revisions: dict[str, int] = {}

    def teardown(self) -> None:
        self.store.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    def _did(self, change: Change) -> None:
        self._write(change)
        self.done.append(change)
        self.undone.clear()

    def _write(self, change: Change) -> None:
        for a in change.after:
            if a.deleted:
                self.model.pop(a.id, None)
            else:
                self.model[a.id] = a

    @rule(start=st.integers(0, len(TEXT) - 2), length=st.integers(1, 40), color=COLORS)
    def highlight(self, start: int, length: int, color: str) -> None:
        end = min(len(TEXT), start + length)
        self._did(self.annotating.highlight(self.doc, start, end, color=color))

    @precondition(lambda self: self.model)
    @rule(
        data=st.data(),
        note=st.text(max_size=20),
        tags=st.lists(st.sampled_from(["a", "b", "c"]), max_size=3),
    )
    def edit(self, data: st.DataObject, note: str, tags: list[str]) -> None:
        ids = data.draw(st.lists(st.sampled_from(sorted(self.model)), min_size=1, unique=True))
        self._did(self.annotating.edit(ids, note=note, tags=tags))

    @precondition(lambda self: self.model)
    @rule(data=st.data())
    def delete(self, data: st.DataObject) -> None:
        ids = data.draw(st.lists(st.sampled_from(sorted(self.model)), min_size=1, unique=True))
        self._did(self.annotating.delete(ids))

    @precondition(lambda self: self.done)
    @rule()
    def undo(self) -> None:
        change = self.done.pop()
        inverse = change.inverse()
        inverse.apply(self.annotating)
        self._write(inverse)
        self.undone.append(change)

    @precondition(lambda self: self.undone)
    @rule()
    def redo(self) -> None:
        change = self.undone.pop()
        change.apply(self.annotating)
        self._write(change)
        self.done.append(change)

    @invariant()
    def store_matches_model(self) -> None:
        """Same content as the model; revisions only ever grow (undo counts as an edit)."""
        stored = self.library.annotations(self.doc.id)
        assert {a.id: content(a) for a in stored} == {
            i: content(a) for i, a in self.model.items()
        }
        for a in stored:
            assert a.revision >= self.revisions.get(a.id, 1)
            self.revisions[a.id] = a.revision
        assert [a.start for a in stored] == sorted(a.start for a in stored)


UndoMachine.TestCase.settings = settings(max_examples=15, stateful_step_count=15, deadline=None)
TestUndoMachine = UndoMachine.TestCase
