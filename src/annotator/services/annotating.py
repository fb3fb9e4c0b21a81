"""Highlights, notes, colours, tags, areas and suggestions: every edit as a `Change`.

Each method validates first (bad input changes nothing), writes in one transaction, and
returns the `Change` it applied so the caller can undo it. Nothing here imports Qt.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from annotator import paths
from annotator.core.annotation import (
    COLOR_BY_KEY,
    Motivation,
    Origin,
    Placement,
    changed,
    new_id,
    quote_context,
    restored,
    utc_now,
)
from annotator.errors import AnnotatorError, FolderError, NotFound
from annotator.services.changes import Change
from annotator.services.identity import Reader
from annotator.services.reading import suggested_area
from annotator.store.api import Store, StoredDocument, Suggestion

_HEX = re.compile(r"#[0-9a-fA-F]{6}")
MAX_NOTE = 1_000_000
MAX_TAG = 200
EDITABLE = frozenset({"note", "color", "tags", "area"})


def check_color(color: str) -> str:
    """A named reader colour (yellow, green, ...) or a custom #rrggbb."""
    if color in COLOR_BY_KEY or _HEX.fullmatch(color):
        return color.lower()
    names = ", ".join(COLOR_BY_KEY)
    raise AnnotatorError(f"Unknown colour {color!r}: use one of {names}, or #rrggbb.")


def check_tags(tags: Iterable[str]) -> tuple[str, ...]:
    """Tags trimmed, without empties or repeats, in the reader's order."""
    seen: dict[str, None] = {}
    for tag in tags:
        tag = " ".join(tag.split())
        if len(tag) > MAX_TAG:
            raise AnnotatorError(f"A tag is at most {MAX_TAG} characters: {tag[:40]}...")
        if tag:
            seen.setdefault(tag, None)
    return tuple(seen)


def check_note(note: str) -> str:
    if len(note) > MAX_NOTE:
        raise AnnotatorError(f"A note is at most {MAX_NOTE:,} characters.")
    return note


def find_occurrence(text: str, quote: str, occurrence: int = 1) -> int:
    """Start of the `occurrence`-th (1-based) exact occurrence of `quote` in `text`."""
    if not quote:
        raise AnnotatorError("The quote to highlight is empty.")
    if occurrence < 1:
        raise AnnotatorError("--occurrence counts from 1.")
    start = -1
    for _ in range(occurrence):
        start = text.find(quote, start + 1)
        if start < 0:
            break
    if start < 0:
        found = text.count(quote)
        where = f"it occurs {found} time(s)" if found else "it does not occur"
        raise NotFound(f"Occurrence {occurrence} of {quote!r} is not in the document: {where}.")
    return start


class Annotating:
    """The reader's edits to annotations, each returned as a reversible `Change`."""

    def __init__(self, store: Store, reader: Reader) -> None:
        self._store = store
        self._reader = reader
        # Where the reader's own taxonomy would be: it depends on the environment only,
        # fixed for the process like the library's own path. Reading the three variables
        # it depends on for every highlight (two of them usually unset, each a KeyError
        # caught inside `os.environ.get`) was ~5% of a one-highlight commit
        # (`highlight_commit`, benchmarks/bench_store.py). Whether the file is there is
        # still asked each time (`suggested_area`). With no place for it (no home
        # folder), each highlight looks again and reports that, as it always did, and
        # the other edits never needed it.
        self._own_taxonomy: Path | None
        try:
            self._own_taxonomy = paths.user_taxonomy_location()
        except FolderError:
            self._own_taxonomy = None

    def apply(self, change: Change) -> None:
        """Write a change's `after` states and suggestion flags in one transaction.

        Undo and redo write back earlier states, whose revisions are lower than the
        stored ones; merges prefer the higher revision (`exchange/merge.py`), so an
        undone edit would lose to the copy a group member already has. So each of the
        local reader's annotations is written as one more edit: the stored revision
        plus one, modified now. Other authors' copies (an undone merge) keep theirs:
        only an owner's edits count.
        """
        now = utc_now()
        with self._store.transaction() as repo:
            current = repo.annotations_by_id(
                [a.id for a in change.after if a.author_id == self._reader.id]
            )
            repo.save_annotations(
                changed(a, revision=current[a.id].revision + 1, modified=now)
                if a.id in current else a
                for a in change.after
            )
            repo.set_rejected(change.document_id, change.unrejected, False, now)
            repo.set_rejected(change.document_id, change.rejected, True, now)

    # --- creating -----------------------------------------------------------------

    def highlight(
        self,
        doc: StoredDocument,
        start: int,
        end: int,
        *,
        color: str = "yellow",
        note: str = "",
        tags: Iterable[str] = (),
        area: str | None = None,
        origin: Origin = Origin.READER,
        motivation: Motivation = Motivation.HIGHLIGHTING,
        reply_to: str | None = None,
    ) -> Change:
        """Highlight doc.text[start:end]; committed before this returns.

        `motivation=QUESTIONING` makes it a question to the class; a reply names the
        annotation it answers in `reply_to`. A reader's plain highlight with no area
        takes the area the detection under it suggests (issue 9 item 3), so it is filed
        under Climate rather than "Other highlights"; the reader can change it.
        """
        text = doc.document.text
        if not 0 <= start < end <= len(text):
            raise AnnotatorError(
                f"Cannot highlight {start}..{end}: the document has {len(text)} characters."
            )
        if area is None and origin is Origin.READER and motivation is Motivation.HIGHLIGHTING:
            area = suggested_area(doc.document, start, end, self._own_taxonomy)
        # The quote and its context as `core.anchoring.describe` gives them, without
        # building its two selector objects only to read their fields back.
        exact, prefix, suffix = quote_context(text, start, end)
        now = utc_now()
        # Every field is given and checked here, so the unguarded constructor the store
        # loads with (`restored`: a frozen dataclass's __init__ was ~5% of a one-highlight
        # commit, `highlight_commit` in benchmarks/bench_store.py) builds the same value.
        annotation = restored(
            document_id=doc.id,
            start=start,
            end=end,
            exact=exact,
            prefix=prefix,
            suffix=suffix,
            color=check_color(color),
            note=check_note(note),
            tags=check_tags(tags),
            area=area or None,
            author_id=self._reader.id,
            author_name=self._reader.name,
            origin=origin,
            placement=Placement.PLACED,
            id=new_id(),
            created=now,
            modified=now,
            deleted=False,
            motivation=motivation,
            reply_to=reply_to,
            revision=1,
        )
        with self._store.transaction() as repo:
            repo.insert_annotation(annotation)
        return Change(
            "Highlight",
            doc.id,
            before=(changed(annotation, deleted=True),),
            after=(annotation,),
        )

    def highlight_quote(
        self, doc: StoredDocument, quote: str, occurrence: int = 1, **options: Any
    ) -> Change:
        """Highlight the `occurrence`-th exact occurrence of `quote` (the CLI's way in)."""
        start = find_occurrence(doc.document.text, quote, occurrence)
        return self.highlight(doc, start, start + len(quote), **options)

    def accept(
        self, doc: StoredDocument, suggestion: Suggestion, *, color: str = "yellow"
    ) -> Change:
        """A machine policy-area suggestion becomes the reader's own annotation.

        It keeps `origin=MACHINE` so the reader can still tell it was suggested.
        """
        area, start, end = suggestion
        change = self.highlight(doc, start, end, color=color, area=area, origin=Origin.MACHINE)
        return replace(change, description="Accept suggestion")

    def reject(self, document_id: str, suggestions: Iterable[Suggestion]) -> Change:
        """Hide machine suggestions for this document, remembered across sessions."""
        with self._store.transaction() as repo:
            already = repo.rejected(document_id)
            new = tuple(dict.fromkeys(s for s in suggestions if s not in already))
            repo.set_rejected(document_id, new, True, utc_now())
        return Change("Reject suggestion", document_id, rejected=new)

    # --- editing ------------------------------------------------------------------

    def edit(self, annotation_ids: Sequence[str], **changes: Any) -> Change:
        """Set note, color, tags and/or area on one or many annotations (one Change)."""
        unknown = changes.keys() - EDITABLE
        if unknown:
            raise AnnotatorError(f"Cannot edit {', '.join(sorted(unknown))} of an annotation.")
        if "color" in changes:
            changes["color"] = check_color(changes["color"])
        if "tags" in changes:
            changes["tags"] = check_tags(changes["tags"])
        if "note" in changes:
            changes["note"] = check_note(changes["note"])
        if "area" in changes:
            changes["area"] = changes["area"] or None
        return self._rewrite(annotation_ids, "Edit annotation", changes)

    def delete(self, annotation_ids: Sequence[str]) -> Change:
        """Tombstone annotations: hidden everywhere, kept so undo and merges can see them."""
        return self._rewrite(annotation_ids, "Delete annotation", {"deleted": True})

    def restore(self, annotation_ids: Sequence[str]) -> Change:
        """Bring back tombstoned annotations (e.g. from a 'recently deleted' list)."""
        return self._rewrite(annotation_ids, "Restore annotation", {"deleted": False})

    def _rewrite(self, ids: Sequence[str], description: str, changes: dict[str, Any]) -> Change:
        ids = list(dict.fromkeys(ids))
        with self._store.transaction() as repo:
            current = repo.annotations_by_id(ids)
            missing = [i for i in ids if i not in current]
            if missing:
                raise NotFound(f"No annotation {missing[0]}.")
            documents = {a.document_id for a in current.values()}
            if len(documents) > 1:
                raise AnnotatorError("One change can only touch one document's annotations.")
            before = tuple(
                current[i]
                for i in ids
                if any(getattr(current[i], k) != v for k, v in changes.items())
            )
            after = tuple(a.edited(**changes) for a in before)
            repo.save_annotations(after)
        if len(ids) > 1:
            description = f"{description} ({len(ids)})"
        return Change(description, documents.pop() if documents else "", before, after)
