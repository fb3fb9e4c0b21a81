"""The library's services over one open store, built once per front.

The window (through the factory `app.py` hands it) and every CLI command
(`cli/common.open_services`) get their services here, so neither front opens the store
or builds a service itself. Services are made on first use: `annotator documents` never
creates the reader's identity (`Identity.reader` writes it), and a read-only library
still lists its documents.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Self

from annotator.services.annotating import Annotating
from annotator.services.identity import Identity, Reader
from annotator.services.library import Library
from annotator.services.search import Search
from annotator.store.api import Store

if TYPE_CHECKING:
    from annotator.core.annotation import Annotation
    from annotator.core.summary import Summary
    from annotator.core.taxonomy import Taxonomy
    from annotator.exporters import CancelCheck, ExportFormat, ExportOptions, ProgressCallback
    from annotator.services.learning import Learning
    from annotator.services.library_database import LibraryDatabase
    from annotator.services.sharing import Sharing


class Services:
    """One open store and the use cases over it; closing it closes the store."""

    def __init__(self, store: Store) -> None:
        self.store = store

    @classmethod
    def open(cls, path: Path | None = None, *,
             database: LibraryDatabase | None = None) -> Self:
        """Open (creating, migrating, checking) the SQLite file at `path`; without one,
        the library's database as chosen (`library_database.py`: by default the SQLite
        file in the data folder). Raises StoreError (CorruptDatabaseError for a damaged
        file)."""
        from annotator.services.library_database import chosen, open_library_store

        choice = database or (chosen() if path is None else None)
        if choice is not None and choice.on_postgres:
            return cls(open_library_store(choice))
        from annotator.store import Store as LocalStore

        return cls(LocalStore.open(path))

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Services:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self.close()

    @cached_property
    def library(self) -> Library:
        return Library(self.store)

    @cached_property
    def identity(self) -> Identity:
        return Identity(self.store)

    @cached_property
    def search(self) -> Search:
        return Search(self.store)

    @cached_property
    def reader(self) -> Reader:
        return self.identity.reader()

    @cached_property
    def annotating(self) -> Annotating:
        return Annotating(self.store, self.reader)

    @cached_property
    def learning(self) -> Learning:
        """What the reader's accepts, rejects and filed highlights teach the detector."""
        from annotator.services.learning import Learning

        return Learning(self.store, self.reader.id)

    @cached_property
    def sharing(self) -> Sharing:
        from annotator.services.sharing import Sharing  # bundles cost zip and JSON imports

        return Sharing(self.store, self.reader)

    def forget_reader(self) -> None:
        """The reader changed (renamed, or a group join adopted the member's identity):
        the services that write in the reader's name are made again on next use."""
        for name in ("reader", "annotating", "learning", "sharing"):
            self.__dict__.pop(name, None)

    def rename(self, name: str) -> Reader:
        """Change the reader's display name; later annotations carry it."""
        reader = self.identity.set_name(name)
        self.forget_reader()
        self.__dict__["reader"] = reader
        return reader

    def annotations(self, doc_ref: str) -> list[Annotation]:
        """The live annotations of a library document."""
        return [a for a in self.library.annotations(doc_ref) if not a.deleted]

    def export(
        self,
        doc_ref: str,
        fmt: str | ExportFormat,
        path: Path,
        options: ExportOptions | None = None,
        progress: ProgressCallback | None = None,
        cancel: CancelCheck | None = None,
        *,
        taxonomy: Taxonomy | None = None,
    ) -> Path:
        """Export the library document `doc_ref` (see `services.exporting.export`)."""
        from annotator.services.exporting import export

        return export(doc_ref, fmt, path, options, progress, cancel, store=self.store,
                      taxonomy=taxonomy)

    def summary(
        self,
        doc_ref: str,
        options: ExportOptions,
        progress: ProgressCallback | None = None,
        cancel: CancelCheck | None = None,
        *,
        taxonomy: Taxonomy | None = None,
    ) -> Summary:
        """The summary of the library document `doc_ref` that exports and printing render."""
        from annotator.services.exporting import library_summary

        return library_summary(doc_ref, options, progress, cancel, store=self.store,
                               taxonomy=taxonomy)
