"""Open a document and find its policy areas: the reader's first use case.

This module never imports the store, so opening a file and painting it stays fast (the
store's SQLAlchemy import costs more than Qt's).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import pickle
from dataclasses import dataclass
from pathlib import Path

from annotator import __version__, bundled, paths
from annotator.core import detection
from annotator.core import taxonomy as taxonomy_module
from annotator.core.detection import AreaSpan, Detector
from annotator.core.document import Document
from annotator.core.taxonomy import Taxonomy, parse_taxonomy, read_taxonomy_text
from annotator.importers import import_bytes, import_path
from annotator.importers.base import (
    Cancelled,
    Progress,
    check_cancelled,
    never_cancelled,
    no_progress,
)


@dataclass(frozen=True, slots=True)
class Reading:
    """A document as the reader sees it: text, blocks, and its highlighted passages."""

    document: Document
    taxonomy: Taxonomy
    spans: tuple[AreaSpan, ...]
    path: Path | None = None

    def spans_of(self, area_id: str) -> list[AreaSpan]:
        return [s for s in self.spans if s.area == area_id]


_BUNDLED_SOURCE = "policy-areas.toml (bundled)"
_detectors: dict[Taxonomy, Detector] = {}


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
    stale or unreadable cache just means compiling again.
    """
    key = hashlib.sha256(_code_fingerprint() + source.encode() + b"\0" + text.encode())
    cache = paths.state_dir() / "cache" / f"detector-{key.hexdigest()[:32]}.pickle"
    try:
        cached = pickle.loads(cache.read_bytes())
    except Exception:
        cached = None
    if isinstance(cached, Detector):
        detector = cached
    else:
        detector = Detector(parse_taxonomy(text, source))
        try:
            cache.parent.mkdir(parents=True, exist_ok=True)
            partial = cache.with_suffix(f".{os.getpid()}.tmp")
            partial.write_bytes(pickle.dumps(detector, pickle.HIGHEST_PROTOCOL))
            partial.replace(cache)
        except OSError:
            pass
    _detectors.setdefault(detector.taxonomy, detector)
    return detector


def bundled_taxonomy() -> Taxonomy:
    return _compiled(bundled.taxonomy_text(), _BUNDLED_SOURCE).taxonomy


def load_taxonomy(path: Path) -> Taxonomy:
    """A taxonomy file; problems are reported with the file, the line and what is wrong."""
    return _compiled(read_taxonomy_text(path), str(path)).taxonomy


def active_taxonomy(override: Path | None = None) -> Taxonomy:
    """`override`, else the user's copy in the config folder, else the bundled file."""
    if override is not None:
        return load_taxonomy(override)
    user_copy = paths.user_taxonomy_path()
    return load_taxonomy(user_copy) if user_copy.exists() else bundled_taxonomy()


def _detector(taxonomy: Taxonomy) -> Detector:
    detector = _detectors.get(taxonomy)
    if detector is None:
        if len(_detectors) >= 8:
            _detectors.clear()
        detector = _detectors[taxonomy] = Detector(taxonomy)
    return detector


def read_document(document: Document, taxonomy: Taxonomy, path: Path | None = None) -> Reading:
    return Reading(document, taxonomy, tuple(_detector(taxonomy).detect(document)), path)


def open_path(path: Path, taxonomy: Taxonomy | None = None, progress: Progress = no_progress,
              cancelled: Cancelled = never_cancelled) -> Reading:
    """Import and detect; `progress` and `cancelled` let a window run it off its thread."""
    document = import_path(path, progress, cancelled)
    check_cancelled(cancelled, path.name)
    return read_document(document, taxonomy or active_taxonomy(), path)


def open_sample(taxonomy: Taxonomy | None = None) -> Reading:
    document = import_bytes(bundled.sample_bytes(), bundled.SAMPLE_NAME)
    return read_document(document, taxonomy or active_taxonomy())
