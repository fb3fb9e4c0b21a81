"""What the reader window needs from the library, in one object, with no Qt.

The window opens the store after its first paint (SQLAlchemy's import costs more than
Qt's) and then talks only to a `ReaderSession`: it keeps the library, annotating, search
and identity services over one `Store`, and answers the few questions that are not a
single service call (is this file a revision of a stored document? what does the
library hold of it?). Keeping those answers here keeps the GUI free of decisions and lets
them be tested without a display. What is visible of the document on screen is the
document session's (`document_session.py`).
"""

from __future__ import annotations

from pathlib import Path

from annotator.core.annotation import utc_now
from annotator.core.document import Document
from annotator.services.document_session import OpenedDocument
from annotator.services.library import Revision
from annotator.services.library_services import Services
from annotator.store.api import Store, StoredDocument

__all__ = ["OpenedDocument", "ReaderSession", "reading_path"]


class ReaderSession(Services):
    """One open store and the services the window uses over it."""

    def __init__(self, store: Store) -> None:
        super().__init__(store)
        _ = self.reader  # the window shows and records the reader from the start
        self._seen_version: int | None = None

    def changed_elsewhere(self) -> bool:
        """True once per batch of commits another process made since the last call.

        The first call only takes the baseline. Cheap (one pragma, no read of the data),
        so the window can ask it on a timer.
        """
        version = self.store.data_version()
        if version is None:
            return False
        seen, self._seen_version = self._seen_version, version
        return seen is not None and version != seen

    # --- documents ----------------------------------------------------------------

    def known_id(self, document: Document) -> str | None:
        """The live or deleted library id of this exact text, if any."""
        with self.store.transaction(write=False) as repo:
            known = repo.document_by_hash(document.content_hash)
        return known[0] if known else None

    def revision_candidate(self, document: Document) -> str | None:
        """A stored document this text may be a revision of: new text, same title.

        Only a text the library does not know yet can be a revision; the match is on the
        title because that is what survives an edited article.
        """
        title = document.metadata.title.strip()
        if not title or self.known_id(document) is not None:
            return None
        for summary in self.library.documents():
            if summary.title.strip() == title:
                return summary.id
        return None

    def add(self, document: Document, source: Path | None) -> OpenedDocument:
        """Keep the document in the library (deduplicated by hash) and load its notes."""
        new = self.known_id(document) is None
        doc_id = self.library.add(document, str(source.resolve()) if source else None)
        opened = self.load(doc_id)
        opened.new = new
        return opened

    def revise(self, doc_id: str, document: Document, source: Path | None) -> Revision:
        return self.library.revise(doc_id, document, str(source.resolve()) if source else None)

    def load(self, doc_id: str) -> OpenedDocument:
        with self.store.transaction(write=False) as repo:
            annotations = repo.annotations(doc_id)
            rejected = repo.rejected(doc_id)
            position = repo.reading_position(doc_id) or 0
        return OpenedDocument(doc_id, annotations, rejected, position)

    @staticmethod
    def stored_copy(opened: OpenedDocument, document: Document,
                    source: Path | None) -> StoredDocument:
        """The stored record of a document just added or loaded, without reading it back."""
        return StoredDocument(opened.id, document, utc_now(), None, opened.reading_position,
                              str(source) if source else None, False)

    def stored(self, doc_id: str) -> StoredDocument:
        return self.library.document(doc_id)


def reading_path(source: str | None) -> Path | None:
    """A library document's file, if it is still where it was opened from."""
    if source and Path(source).is_file():
        return Path(source)
    return None
