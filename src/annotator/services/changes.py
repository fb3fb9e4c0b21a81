"""Change records: what a use case did, and how to undo it, with no Qt.

Every change the reader makes to annotations (one highlight, a bulk recolour, a rejected
suggestion) is described by one `Change` holding the full before and after states. The GUI
wraps each in a thin QUndoCommand: redo is `change.apply(annotating)`, undo is
`change.inverse().apply(annotating)`. Creation's "before" is the new annotation as a
tombstone, so undoing a highlight deletes it the same way a delete does (merges carry it).

A change may also carry `effects` outside the library: resolving a sync conflict takes
an entry off the group's conflict list (groupsync/conflicts.py), and undoing the
resolution must put that entry back, or the reader could not choose again. Each effect
knows its own inverse, as the change does, and is applied after the annotations.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from annotator.core.annotation import Annotation
from annotator.core.layers import Suggestion


class Writes(Protocol):
    """What writes a change (`services.annotating.Annotating`), named here so the two
    modules do not import each other."""

    def apply(self, change: Change) -> None: ...


class Effect(Protocol):
    """A reversible write outside the library that belongs to a change."""

    def apply(self) -> None: ...

    def inverse(self) -> Effect: ...


@dataclass(frozen=True, slots=True)
class Change:
    """A reversible change to one document's annotations and rejected suggestions."""

    description: str
    document_id: str
    before: tuple[Annotation, ...] = ()
    after: tuple[Annotation, ...] = ()
    rejected: tuple[Suggestion, ...] = ()  # suggestions this change hides
    unrejected: tuple[Suggestion, ...] = ()  # suggestions this change shows again
    effects: tuple[Effect, ...] = ()  # writes outside the library, in order

    def apply(self, service: Writes) -> None:
        """Write the `after` states (one transaction), then the effects."""
        service.apply(self)
        for effect in self.effects:
            effect.apply()

    def inverse(self) -> Change:
        """The change that puts back what this one replaced."""
        return Change(
            self.description,
            self.document_id,
            before=self.after,
            after=self.before,
            rejected=self.unrejected,
            unrejected=self.rejected,
            effects=tuple(e.inverse() for e in reversed(self.effects)),
        )

    @property
    def annotation_ids(self) -> tuple[str, ...]:
        """Annotations a view should refresh after this change."""
        return tuple(a.id for a in self.after)

    @property
    def empty(self) -> bool:
        return not (self.after or self.rejected or self.unrejected or self.effects)
