"""Open a document and find its policy areas: the reader's first use case.

This module never imports the store, so opening a file and painting it stays fast (the
store's SQLAlchemy import costs more than Qt's).
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import hashlib
import io
import os
import pickle
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeGuard, TypeVar

from annotator import __version__, bundled, paths
from annotator.core import detection
from annotator.core import taxonomy as taxonomy_module
from annotator.core.detection import AreaSpan, Detector, SentenceEvidence
from annotator.core.document import Document
from annotator.core.language import document_language
from annotator.core.taxonomy import Taxonomy, parse_taxonomy, read_taxonomy_text
from annotator.errors import FolderError, TaxonomyError
from annotator.importers import import_bytes, import_head, import_path, slow_to_import
from annotator.importers.base import (
    Cancelled,
    Progress,
    check_cancelled,
    never_cancelled,
    no_progress,
)
from annotator.state_cache import remembered, write_atomically


@dataclass(frozen=True, slots=True)
class Reading:
    """A document as the reader sees it: text, blocks, and its highlighted passages."""

    document: Document
    taxonomy: Taxonomy
    spans: tuple[AreaSpan, ...]
    path: Path | None = None

    def spans_of(self, area_id: str) -> list[AreaSpan]:
        return [s for s in self.spans if s.area == area_id]


_K = TypeVar("_K")
_V = TypeVar("_V")
_BUNDLED = " (bundled)"  # how the source of a bundled taxonomy ends
_BUNDLED_SOURCE = f"policy-areas.toml{_BUNDLED}"
_detectors: dict[Taxonomy, Detector] = {}
# Compiled detectors by the key of their taxonomy text (see `_compiled`), for this process.
_compiled_here: dict[bytes, Detector] = {}
# The same key by taxonomy, for the taxonomies read from a file: what the detection
# cache (`_detected`) keys on. A taxonomy made otherwise (learning adjusts one) has none.
_taxonomy_keys: dict[Taxonomy, bytes] = {}
# Detection results kept on disk (`_detected`): this many, the most recently used.
KEPT_DETECTIONS = 64


@functools.cache
def _code_fingerprint() -> bytes:
    """What a compiled detector depends on besides the taxonomy's text (read once)."""
    digest = hashlib.sha256(__version__.encode())
    for module in (detection, taxonomy_module):
        with contextlib.suppress(OSError):
            digest.update(Path(str(module.__file__)).read_bytes())
    return digest.digest()


def _compiled(text: str, source: str) -> Detector:
    """The detector (and its validated taxonomy) for a taxonomy file's text.

    Parsing the TOML and expanding ~2,000 terms into their spellings costs ~15-25 ms
    before the first paint; the result is pickled under `state_dir()/cache`, keyed by
    the text, its name and the code that compiles it, and loads in ~1 ms. The matcher
    itself is rebuilt on first use (~5 ms; its Rust object does not pickle). A missing,
    stale or unreadable cache just means compiling again. A user's own taxonomy is cached
    the same way, keyed by its text's hash (issue 13, item 13): with 100,000 terms the
    compiled detector takes seconds to build and, stored with `_dump_shared`, well under
    one to load.
    """
    key = hashlib.sha256(_code_fingerprint() + source.encode() + b"\0" + text.encode())
    known = _compiled_here.get(key.digest())
    if known is not None:  # this process has it already: every highlight asks (~1 ms saved)
        return known
    if len(_compiled_here) >= 8:
        _compiled_here.clear()
        # The bundled taxonomies outlive this cache (`bundled_taxonomy` keeps them for the
        # process), so their keys stay: without one, their detections would no longer be
        # kept on disk for the rest of the session.
        for taxonomy in [t for t in _taxonomy_keys if not t.source.endswith(_BUNDLED)]:
            del _taxonomy_keys[taxonomy]
    _compiled_here[key.digest()] = detector = _compiled_anew(text, source, key.hexdigest())
    _taxonomy_keys[detector.taxonomy] = key.digest()
    return detector


def _compiled_anew(text: str, source: str, key: str) -> Detector:
    try:
        cache = paths.state_dir() / "cache" / f"detector-{key[:32]}.pickle"
        cached = _load_shared(cache.read_bytes())
    except FolderError:  # no usable state folder: compile every time, cache nothing
        return _remember(Detector(parse_taxonomy(text, source)))
    except Exception:
        cached = None
    if isinstance(cached, Detector):
        detector = cached
    else:
        detector = Detector(parse_taxonomy(text, source))
        with contextlib.suppress(OSError):
            write_atomically(cache, _dump_shared(detector))
    return _remember(detector)


def _remember(detector: Detector) -> Detector:
    _detectors.setdefault(detector.taxonomy, detector)
    return detector


def _shareable(obj: object) -> bool:
    params = getattr(type(obj), "__dataclass_params__", None)
    return params is not None and params.frozen and dataclasses.is_dataclass(obj)


def _dump_shared(obj: object) -> bytes:
    """`obj` pickled with equal frozen-dataclass values written once and shared.

    A detector holds one small frozen record per spelling (300,000 for a 100,000-term
    taxonomy), most of them equal; pickle copies each, and unpickling them one by one took
    2.4 s. Here they go into a table of distinct values, pickled first, and the object
    refers to them by index.
    """
    table: list[object] = []
    index: dict[object, int] = {}

    class _Pickler(pickle.Pickler):
        def persistent_id(self, value: Any) -> int | None:
            if not _shareable(value):
                return None
            try:
                found = index.get(value)
            except TypeError:  # unhashable after all
                return None
            if found is None:
                found = index[value] = len(table)
                table.append(value)
            return found

    body = io.BytesIO()
    _Pickler(body, pickle.HIGHEST_PROTOCOL).dump(obj)
    head = io.BytesIO()
    pickle.dump(table, head, pickle.HIGHEST_PROTOCOL)
    return head.getvalue() + body.getvalue()


def _load_shared(data: bytes) -> object:
    stream = io.BytesIO(data)
    table = pickle.load(stream)

    class _Unpickler(pickle.Unpickler):
        def persistent_load(self, pid: Any) -> object:
            return table[pid]

    return _Unpickler(stream).load()


@functools.cache
def bundled_taxonomy(language: str = "") -> Taxonomy:
    """The bundled taxonomy for `language` ("zh"), or the English one; read once: the
    bundled files cannot change while the app runs."""
    if language not in bundled.TAXONOMY_LANGUAGES:
        return _compiled(bundled.taxonomy_text(), _BUNDLED_SOURCE).taxonomy
    return _compiled(bundled.taxonomy_text(language),
                     f"policy-areas.{language}.toml{_BUNDLED}").taxonomy


# Taxonomies named in a reader's language (`named_in`), each with the taxonomy it renames:
# detection reads that one, through its detector and its cached results (`_detecting`).
_renamed: dict[Taxonomy, Taxonomy] = {}


def named_in(taxonomy: Taxonomy, ui_language: str) -> Taxonomy:
    """`taxonomy` with its areas' labels and descriptions in `ui_language` ("zh_CN"),
    when it is the bundled English one and a bundled taxonomy in that language names the
    same areas; else `taxonomy` as it is.

    A reader whose window speaks Chinese reads an English article's areas in Chinese, in
    the panels, the hover text and the window's exports. Only the names change: ids,
    colours and the English terms that detect stay, and detection reads the English
    taxonomy itself, so its results and cache keys are those of any other English window.
    A taxonomy of the reader's own is shown as they wrote it. Costs a dictionary lookup
    once the bundled taxonomy for `ui_language` is compiled (`state_dir()/cache`).
    """
    language = ui_language.replace("-", "_").split("_", 1)[0].lower()
    if taxonomy.source != _BUNDLED_SOURCE or language not in bundled.TAXONOMY_LANGUAGES:
        return taxonomy
    names = {area.id: area for area in bundled_taxonomy(language).areas}
    renamed = dataclasses.replace(taxonomy, areas=tuple(
        dataclasses.replace(area, label=names[area.id].label,
                            description=names[area.id].description)
        if area.id in names else area
        for area in taxonomy.areas
    ))
    if len(_renamed) >= 8:
        _renamed.clear()
    _renamed[renamed] = _detecting(taxonomy)
    return renamed


def _detecting(taxonomy: Taxonomy) -> Taxonomy:
    """The taxonomy detection reads for `taxonomy`: the one it renames, if any. Only a
    bundled taxonomy is ever renamed: a reader's own (perhaps 100,000 terms) is not hashed
    again to find out."""
    if not _renamed or taxonomy.source != _BUNDLED_SOURCE:
        return taxonomy
    return _renamed.get(taxonomy, taxonomy)


def taxonomy_for(document: Document, taxonomy: Taxonomy) -> Taxonomy:
    """The taxonomy that reads `document`, given the one the reader has chosen.

    The bundled taxonomy is English; a document in a language with a bundled taxonomy of
    its own (Chinese) is read with that one, so Chinese articles are highlighted. A
    taxonomy of the reader's own (or given on the command line) is used as it is: the
    reader chose it for every document.
    """
    if taxonomy.source != _BUNDLED_SOURCE:
        return taxonomy
    language = document_language(document)
    return bundled_taxonomy(language) if language in bundled.TAXONOMY_LANGUAGES else taxonomy


def load_taxonomy(path: Path) -> Taxonomy:
    """A taxonomy file; problems are reported with the file, the line and what is wrong."""
    return _compiled(read_taxonomy_text(path), str(path)).taxonomy


# The taxonomies of files already read, by what `os.stat` says of each file. Every
# highlight asks for the active taxonomy (`suggested_area`): reading and hashing the
# file each time was a third of a highlight's cost (`highlight_commit`, benchmarks/).
_by_file: dict[tuple[str, int, int, int, int], Taxonomy] = {}


def _file_taxonomy(path: Path, status: os.stat_result) -> Taxonomy:
    """`load_taxonomy(path)`, read again only when the file's size, times or inode
    changed: an editor saving the file changes its mtime (or replaces it: a new inode)."""
    key = (os.fspath(path), status.st_mtime_ns, status.st_ctime_ns, status.st_size,
           status.st_ino)
    return _kept(_by_file, key, lambda: load_taxonomy(path))


def active_taxonomy(override: Path | None = None, *, own: Path | None = None) -> Taxonomy:
    """`override`, else the user's copy in the config folder, else the bundled file.

    `own` is where the user's copy would be (`paths.user_taxonomy_location()`), for a
    caller that asks for every highlight and looked it up once (`suggested_area`).
    """
    if override is None:
        path = own or paths.user_taxonomy_location()
        # Most readers have no copy of their own: `access` says so without the
        # exception a failed stat raises (a highlight asks each time).
        if not os.access(path, os.F_OK):
            return bundled_taxonomy()
    else:
        path = override
    try:
        status = path.stat()
    except OSError:
        if override is not None:
            return load_taxonomy(override)  # its own error: missing, unreadable, a loop
        return bundled_taxonomy()
    if not stat.S_ISREG(status.st_mode):
        return load_taxonomy(path)  # a FIFO or device: refused there, never cached
    return _file_taxonomy(path, status)


# The taxonomy asked for last and its detector, by identity: every highlight asks
# (`suggested_area`), and hashing a 2,000-term taxonomy to find it in `_detectors` cost
# ~5 µs of a one-highlight commit each time (`highlight_commit`, benchmarks/).
_latest: dict[int, tuple[Taxonomy, Detector]] = {}


def detector_for(taxonomy: Taxonomy) -> Detector:
    """The compiled detector of `taxonomy`, built once per process (per distinct one)."""
    latest = _latest.get(id(taxonomy))
    if latest is not None and latest[0] is taxonomy:
        return latest[1]
    detecting = _detecting(taxonomy)
    detector = _kept(_detectors, detecting, lambda: Detector(detecting))
    _latest.clear()
    _latest[id(taxonomy)] = (taxonomy, detector)
    return detector




def _kept(cache: dict[_K, _V], key: _K, make: Callable[[], _V]) -> _V:
    """`cache[key]`, made and kept on first use; a full cache (8) starts over."""
    known = cache.get(key)
    if known is None:
        if len(cache) >= 8:
            cache.clear()
        known = cache[key] = make()
    return known


def read_document(document: Document, taxonomy: Taxonomy, path: Path | None = None) -> Reading:
    """`document` with its passages, found by `taxonomy` or the one for its language."""
    taxonomy = taxonomy_for(document, taxonomy)
    return Reading(document, taxonomy, _detected(document, taxonomy), path)


def _detected(document: Document, taxonomy: Taxonomy) -> tuple[AreaSpan, ...]:
    """The passages detection finds in `document`, from `state_dir()/cache` when this
    very document was read with this very taxonomy before.

    A returning reader opens the document they last read: building the matcher and
    scanning the text again (~12 ms for an article, seconds for a book) would delay the
    first paint for the answer the last launch found. The key covers everything the
    answer depends on: the whole document (text, blocks, metadata), the taxonomy's text
    and name, and the code that detects (`_code_fingerprint`); a taxonomy that was not
    read from a file (adjusted by learning) is never cached.
    """
    taxonomy = _detecting(taxonomy)
    taxonomy_key = _taxonomy_keys.get(taxonomy)
    if taxonomy_key is None:
        return tuple(detector_for(taxonomy).detect(document))
    digest = hashlib.sha256(taxonomy_key)
    digest.update(pickle.dumps(document, pickle.HIGHEST_PROTOCOL))
    return remembered(f"detected-{digest.hexdigest()[:32]}",
                      lambda: tuple(detector_for(taxonomy).detect(document)),
                      _are_spans, keep=KEPT_DETECTIONS)


def _are_spans(value: object) -> TypeGuard[tuple[AreaSpan, ...]]:
    return isinstance(value, tuple) and all(isinstance(s, AreaSpan) for s in value)


def explain(reading: Reading) -> list[SentenceEvidence]:
    """Each sentence's evidence per area (weights, rules, carry-over): why it is highlighted."""
    return detector_for(reading.taxonomy).explain(reading.document)


def suggested_area(
    document: Document, start: int, end: int, own: Path | None = None
) -> str | None:
    """The active taxonomy's area for a reader's highlight of text[start:end], if clear.

    `own`: where the user's taxonomy would be, when the caller knows (`active_taxonomy`).
    A broken user taxonomy is reported when a document is opened; here it only means no
    suggestion, so highlighting never fails because of it.
    """
    try:
        taxonomy = taxonomy_for(document, active_taxonomy(own=own))
    except TaxonomyError:
        return None
    suggestion = detector_for(taxonomy).suggest_area(document, start, end)
    return suggestion.area if suggestion else None


def open_path(path: Path, taxonomy: Taxonomy | None = None, progress: Progress = no_progress,
              cancelled: Cancelled = never_cancelled) -> Reading:
    """Import and detect; `progress` and `cancelled` let a window run it off its thread."""
    document = import_path(path, progress, cancelled)
    check_cancelled(cancelled, path.name)
    return read_document(document, taxonomy or active_taxonomy(), path)


def open_first_screen(path: Path, taxonomy: Taxonomy | None = None) -> Reading | None:
    """The beginning of a long document, with its passages, to paint before the rest is
    read (`MainWindow.open_initial`); None when the whole is quick to read (under ~0.3 s)
    or its format reads only whole documents. Its blocks and offsets are the whole
    document's (`import_head`)."""
    if not slow_to_import(path):
        return None
    document = import_head(path)
    return read_document(document, taxonomy or active_taxonomy(), path) if document else None


def open_sample(taxonomy: Taxonomy | None = None) -> Reading:
    document = import_bytes(bundled.sample_bytes(), bundled.SAMPLE_NAME)
    return read_document(document, taxonomy or active_taxonomy())
