"""W3C Web Annotation JSON-LD files from other tools (or `annotator export -f jsonld`).

A file holds one Annotation, an AnnotationPage or an AnnotationCollection with embedded
pages. Its annotations are grouped by the document they target (`target.source`), which
the caller matches to a library document; the same strict JSON and field checks as a
bundle's layers apply.
"""

from __future__ import annotations

from pathlib import Path

from annotator.core.annotation import Annotation
from annotator.errors import BundleRejected
from annotator.exchange import layers, strict_json

MAX_FILE_BYTES = 64 * 1024 * 1024
SUFFIXES = (".jsonld", ".json")


def _source(item: object) -> str:
    """The IRI of the document an item targets ('' when it names none)."""
    if not isinstance(item, dict):
        return ""
    for target in layers.as_list(item.get("target")):
        if isinstance(target, dict) and "selector" in target:
            source = target.get("source")
            return source if isinstance(source, str) and len(source) <= 2000 else ""
    return ""


def read_annotations_file(path: Path) -> dict[str, list[Annotation]]:
    """{target document IRI: its annotations}, fully validated, or `BundleRejected`."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise BundleRejected(f"{path.name} is larger than {MAX_FILE_BYTES:,} bytes.")
        data = path.read_bytes()
    except OSError as exc:
        raise BundleRejected(f"{path}: cannot be read ({exc.strerror or exc}).") from None
    value = strict_json.loads(data, path.name)
    grouped: dict[str, list[Annotation]] = {}
    seen: set[str] = set()
    for item in layers.items_of(value, path.name):
        source = _source(item)
        annotation = layers.annotation(
            item, document_id=source, default_creator=None, area_ids={}, where=path.name
        )
        if annotation.id in seen:
            raise BundleRejected(f"{path.name} holds annotation {annotation.id} twice.")
        seen.add(annotation.id)
        grouped.setdefault(source, []).append(annotation)
    return grouped
