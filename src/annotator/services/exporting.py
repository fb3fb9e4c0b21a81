"""Export a document's annotated summary: from the library, or from core objects.

`export` is what the CLI and the window call: it loads the document, its live
annotations and rejected suggestions from the library, finds the machine suggestions
with the active taxonomy, and writes the chosen format atomically. `export_document`
does the same from objects in hand (tests, benchmarks, a document not in the library).
Both are safe to run in a worker thread and report progress / honour cancel: building
the summary is the first tenth of the progress bar (and polls the cancel as the
exporters do), the format's rendering the rest.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from annotator import paths
from annotator.core.annotation import COLOR_BY_KEY, Annotation
from annotator.core.detection import AreaSpan
from annotator.core.document import Document
from annotator.core.summary import Summary, SummaryOptions, build_summary, is_color
from annotator.core.taxonomy import Taxonomy
from annotator.errors import ExportError, StoreError
from annotator.exporters import (
    CancelCheck,
    ExportFormat,
    ExportOptions,
    ProgressCallback,
    export_format,
    write_export,
)
from annotator.exporters.base import Ticker
from annotator.exporters.target import check_target
from annotator.services.reading import active_taxonomy, read_document, taxonomy_for

if TYPE_CHECKING:
    from annotator.store.api import Store

# The share of the progress bar the summary gets: rendering it takes longer in every
# format (10,000 passages: ~0.2 s for the summary, 0.3 s (CSV) to ~10 s (PDF) to render).
SUMMARY_SHARE = 0.1
_SCALE = 1000


def _part(progress: ProgressCallback | None, low: float, high: float) -> ProgressCallback | None:
    """`progress` seeing (done, total) of one phase as its part `low`..`high` of the whole."""
    if progress is None:
        return None
    report = progress

    def part(done: int, total: int) -> None:
        share = low + (high - low) * min(done, total) / max(total, 1)
        report(round(share * _SCALE), _SCALE)

    return part


_APP_FOLDERS: tuple[tuple[str, Callable[[], Path]], ...] = (
    ("Annotator's data folder", paths.data_dir),
    ("Annotator's settings folder", paths.config_dir),
    ("Annotator's state folder", paths.state_dir),
)
# The files SQLite keeps beside a database while it is open.
_DATABASE_COMPANIONS = ("", "-wal", "-shm", "-journal")


def _app_folders() -> list[tuple[str, Path]]:
    """The app's folders as they are now; one that cannot be created holds nothing."""
    folders = []
    for what, folder in _APP_FOLDERS:
        try:
            folders.append((what, folder()))
        except OSError:
            continue
    return folders


def check_export_target(path: Path, database: Path | None = None) -> None:
    """Refuse a target inside the app's folders or onto the open `database` (ExportError).

    Without this, `annotator export DOC -o <the library>` replaced the library with a
    Markdown file. `database` may live outside the data folder (`Store.open(path)`).
    """
    files = [] if database is None else [
        database.with_name(database.name + suffix) for suffix in _DATABASE_COMPANIONS
    ]
    check_target(path, folders=_app_folders(), files=files)


def export_folder(*candidates: str | Path | None) -> Path:
    """The first candidate that is an existing folder, else the home folder.

    The dialog offers the folder of the last export, then the Documents folder; on a
    fresh machine the latter may not exist, and offering it made the first export fail
    with "cannot write there". Nothing is created until the reader exports.
    """
    for candidate in candidates:
        if candidate and Path(candidate).is_dir():
            return Path(candidate)
    return Path.home()


def _refuse_unknown(what: str, chosen: frozenset[str] | None, known: Collection[str]) -> None:
    if chosen is None:
        return
    if not chosen:
        raise ExportError(f"no {what} given (leave the option out to export every {what})")
    unknown = sorted(chosen - set(known))
    if unknown:
        raise ExportError(
            f"unknown {what} {', '.join(unknown)} (known: {', '.join(sorted(known)) or 'none'})"
        )


def check_filters(
    options: SummaryOptions, taxonomy: Taxonomy, annotations: Collection[Annotation]
) -> None:
    """Refuse a filter that would silently select nothing (ExportError): an empty one,
    or one naming an area or colour that does not exist, or a tag or author that no
    annotation of the document has."""
    live = [a for a in annotations if not a.deleted]
    wanted = options.filter
    _refuse_unknown("policy area", wanted.areas, taxonomy.ids)
    _refuse_unknown("tag", wanted.tags, {t for a in live for t in a.tags})
    _refuse_unknown("author", wanted.authors,
                    {n for a in live for n in (a.author_id, a.author_name) if n})
    if wanted.colors is not None:
        known = {c for c in wanted.colors if is_color(c)} | COLOR_BY_KEY.keys()
        _refuse_unknown("colour", wanted.colors, known)


def summarise(
    document: Document,
    annotations: Iterable[Annotation],
    options: ExportOptions | None = None,
    *,
    taxonomy: Taxonomy | None = None,
    spans: Iterable[AreaSpan] | None = None,
    rejected: Collection[tuple[str, int, int]] = frozenset(),
    document_id: str = "",
    generated: datetime | None = None,
    progress: ProgressCallback | None = None,
    cancel: CancelCheck | None = None,
) -> Summary:
    """The summary model; machine `spans` are detected when not given.

    `progress(done, total)` follows the build, `cancel()` is polled as often; when it
    returns True the build stops with `ExportCancelled`.
    """
    taxonomy = taxonomy_for(document, taxonomy or active_taxonomy())
    options = options or ExportOptions()
    annotations = list(annotations)
    check_filters(options.summary, taxonomy, annotations)
    if spans is None:
        spans = read_document(document, taxonomy).spans
    ticker = Ticker(progress, cancel)
    summary = build_summary(
        document, taxonomy, spans, annotations, rejected, options.summary,
        document_id=document_id, generated=generated, progress=ticker,
        unknown_area=options.wording.unknown_areas,
    )
    ticker.finish()
    return summary


def library_summary(
    doc_ref: str,
    options: ExportOptions | None = None,
    progress: ProgressCallback | None = None,
    cancel: CancelCheck | None = None,
    *,
    store: Store,
    taxonomy: Taxonomy | None = None,
) -> Summary:
    """The summary of the library document `doc_ref` with its annotations, as the
    export has it: what File ▸ Print lays out (`gui/printing.py`)."""
    from annotator.services.library import Library

    library = Library(store)
    stored, annotations = library.load(doc_ref)
    return summarise(
        stored.document, annotations, options, taxonomy=taxonomy,
        rejected=library.rejected_suggestions(stored.id), document_id=stored.id,
        progress=progress, cancel=cancel,
    )


def export_document(
    document: Document,
    annotations: Iterable[Annotation],
    fmt: str | ExportFormat,
    path: Path,
    options: ExportOptions | None = None,
    progress: ProgressCallback | None = None,
    cancel: CancelCheck | None = None,
    *,
    taxonomy: Taxonomy | None = None,
    spans: Iterable[AreaSpan] | None = None,
    rejected: Collection[tuple[str, int, int]] = frozenset(),
    document_id: str = "",
    generated: datetime | None = None,
    database: Path | None = None,
) -> Path:
    """Write the summary of `document` with `annotations` to `path` as `fmt`.

    The target is checked first (`check_export_target`), so a refused one costs nothing.
    """
    check_export_target(path, database)
    chosen = export_format(fmt) if isinstance(fmt, str) else fmt
    summary = summarise(
        document, annotations, options, taxonomy=taxonomy, spans=spans, rejected=rejected,
        document_id=document_id, generated=generated,
        progress=_part(progress, 0.0, SUMMARY_SHARE), cancel=cancel,
    )
    return write_export(summary, chosen, path, options, _part(progress, SUMMARY_SHARE, 1.0),
                        cancel)


def export(
    doc_ref: str,
    fmt: str | ExportFormat,
    path: Path,
    options: ExportOptions | None = None,
    progress: ProgressCallback | None = None,
    cancel: CancelCheck | None = None,
    *,
    store: Store | None = None,
    taxonomy: Taxonomy | None = None,
) -> Path:
    """Export the library document `doc_ref` (an id or unambiguous prefix) to `path`.

    Opens the library (wherever `library_database.py` says it lives) when `store` is
    None. Raises NotFound for an unknown document, ExportError when the file cannot be
    written, ExportCancelled on cancel.
    """
    from annotator.services import library_database
    from annotator.services.library import Library

    if store is None:
        opened = library_database.open_library_store(library_database.chosen())
        try:
            return export(doc_ref, fmt, path, options, progress, cancel,
                          store=opened, taxonomy=taxonomy)
        finally:
            opened.close()
    from annotator.services.identity import Identity
    from annotator.services.learning import Learning

    library = Library(store)
    stored, annotations = library.load(doc_ref)
    rejected = library.rejected_suggestions(stored.id)
    # The suggestions the reader sees in the window: read with what they taught it.
    chosen = taxonomy_for(stored.document, taxonomy or active_taxonomy())
    try:
        learned = Learning(store, Identity(store).reader().id).taxonomy(chosen)
    except StoreError:  # a read-only library that does not know this reader yet
        learned = chosen
    return export_document(
        stored.document, annotations, fmt, path, options, progress, cancel,
        taxonomy=learned, rejected=rejected, document_id=stored.id, database=store.path,
    )
