"""Open a document and find its policy areas: the reader's first use case.

This module never imports the store, so opening a file and painting it stays fast (the
store's SQLAlchemy import costs more than Qt's).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from annotator import bundled, paths
from annotator.core.detection import AreaSpan, Detector
from annotator.core.document import Document
from annotator.core.taxonomy import Taxonomy, load_taxonomy, parse_taxonomy
from annotator.importers import import_bytes, import_path


@dataclass(frozen=True, slots=True)
class Reading:
    """A document as the reader sees it: text, blocks, and its highlighted passages."""

    document: Document
    taxonomy: Taxonomy
    spans: tuple[AreaSpan, ...]
    path: Path | None = None

    def spans_of(self, area_id: str) -> list[AreaSpan]:
        return [s for s in self.spans if s.area == area_id]


def bundled_taxonomy() -> Taxonomy:
    return parse_taxonomy(bundled.taxonomy_text(), "policy-areas.toml (bundled)")


def active_taxonomy(override: Path | None = None) -> Taxonomy:
    """`override`, else the user's copy in the config folder, else the bundled file."""
    if override is not None:
        return load_taxonomy(override)
    user_copy = paths.user_taxonomy_path()
    return load_taxonomy(user_copy) if user_copy.exists() else bundled_taxonomy()


@lru_cache(maxsize=4)
def _detector(taxonomy: Taxonomy) -> Detector:
    return Detector(taxonomy)


def read_document(document: Document, taxonomy: Taxonomy, path: Path | None = None) -> Reading:
    return Reading(document, taxonomy, tuple(_detector(taxonomy).detect(document)), path)


def open_path(path: Path, taxonomy: Taxonomy | None = None) -> Reading:
    return read_document(import_path(path), taxonomy or active_taxonomy(), path)


def open_sample(taxonomy: Taxonomy | None = None) -> Reading:
    document = import_bytes(bundled.sample_bytes(), bundled.SAMPLE_NAME)
    return read_document(document, taxonomy or active_taxonomy())
