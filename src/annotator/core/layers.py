"""What the reader sees over a document, as plain values: layers and their marks.

A document is read through layers: the reader's own annotations, each imported author's,
and the machine's suggestions. A *mark* is one range of the text on one layer, as the
window draws it; the document session (`services/document_session.py`) decides which
marks there are, the GUI only how they look. Which suggestions are still shown is decided
here once, for the window and the exports alike (`visible_suggestions`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum

from annotator.core.annotation import Annotation, Origin, Placement

Suggestion = tuple[str, int, int]  # a machine passage: (area id, start, end)


class LayerKind(StrEnum):
    """Whose a layer is; the window draws each kind with a different strength."""

    SUGGESTION = "suggestion"  # machine passages: a margin bar, their terms underlined
    READER = "reader"  # the local reader's own annotations: strong fills
    IMPORTED = "imported"  # another author's (a teacher's, a member's): a faint fill


# The layers whose marks are annotations (the others are machine suggestions).
ANNOTATION_LAYERS = (LayerKind.READER, LayerKind.IMPORTED)


@dataclass(frozen=True, slots=True)
class Layer:
    """One author's annotations over a document, the author as the reader is shown it.

    The sharing service reports the layers a bundle carries with these; `kind` says
    whether they are the local reader's own.
    """

    author_id: str
    author: str
    annotations: int
    kind: LayerKind = LayerKind.IMPORTED


@dataclass(frozen=True, slots=True)
class Mark:
    """One range drawn over the text: `key` names its style (an area id, a #rrggbb)."""

    start: int
    end: int
    layer: LayerKind
    key: str
    label: str
    detail: str = ""
    ref: str = ""  # the annotation id of a reader mark
    terms: tuple[str, ...] = ()  # the words that made a suggestion, as detection found them
    reasons: tuple[str, ...] = ()  # a suggestion's rules and carried-over topic, in words


IMPORTED_SEPARATOR = "@"


def imported_key(color: str, author_id: str) -> str:
    """The style key of another author's mark: its colour and its author, so one
    author's whole layer can be shown or hidden by its keys (`gui/author_layers.py`)."""
    return f"{color}{IMPORTED_SEPARATOR}{author_id}"


def accepted_suggestions(annotations: Iterable[Annotation]) -> set[Suggestion]:
    """The machine passages the reader accepted: live, placed annotations of an area."""
    return {
        (a.area, a.start, a.end)
        for a in annotations
        if a.origin is Origin.MACHINE and a.area and not a.deleted
        and a.placement is Placement.PLACED
    }


def visible_suggestions(
    suggestions: Iterable[Suggestion],
    rejected: Iterable[Suggestion],
    annotations: Iterable[Annotation],
) -> list[Suggestion]:
    """Machine suggestions still to show: not rejected, not already accepted."""
    hidden = set(rejected) | accepted_suggestions(annotations)
    return [s for s in suggestions if s not in hidden]


def author_layers(
    annotations: Iterable[Annotation],
    reader_id: str,
    shown: Callable[[str, str], str] = lambda name, _author_id: name,
    mine: Callable[[Annotation], bool] | None = None,
) -> tuple[Layer, ...]:
    """The annotations grouped by author, in order of first appearance; `shown(name, id)`
    is the name the reader sees (a bundle's names are only claimed). `mine(a)` says which
    annotations are on the reader's layer, when more than those with the reader's id."""
    counts: dict[str, int] = {}
    names: dict[str, str] = {}
    for a in annotations:
        author = reader_id if mine is not None and mine(a) else a.author_id
        counts[author] = counts.get(author, 0) + 1
        names.setdefault(author, a.author_name)
    return tuple(
        Layer(i, shown(names[i], i), n, LayerKind.READER if i == reader_id else LayerKind.IMPORTED)
        for i, n in counts.items()
    )
