"""Annotations as W3C Web Annotation JSON-LD (https://www.w3.org/TR/annotation-model/).

Pure functions shared by the JSON-LD exporter and `annotator annotations DOC --json`, so
every W3C document the app writes has one shape. Each annotation carries both selectors
(TextQuote and TextPosition) so any W3C tool can re-anchor it; its note is a `commenting`
TextualBody (Markdown), each tag a `tagging` body, its policy area a `classifying` body.
A question to the class keeps the motivation `questioning`; a reply (`replying`) also
targets the annotation it answers, as the model's second target.
The reader's colour travels as a W3C CSS stylesheet with a `styleClass` on the target,
the model's own way to carry styling, so nothing outside the vocabulary is needed.

Ids must be IRIs: the app's UUIDs become `urn:uuid:` IRIs; anything else is kept under
`urn:annotator:` with percent-encoding, so a hand-made id never yields an invalid IRI.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote

from annotator.core.annotation import Annotation, Motivation, Origin, Placement, color_hex
from annotator.core.document import Document

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
# A fixed namespace so the same document always gets the same collection and page ids.
_NAMESPACE = uuid.UUID("5b7f3c6e-8f0e-4d2b-9a51-3c1d2e7a9f40")
STYLE_CLASS = "annotator-highlight"


def iri(value: str, kind: str) -> str:
    """`value` as an IRI: `urn:uuid:` for a UUID, else `urn:annotator:<kind>:<quoted>`."""
    try:
        return uuid.UUID(value).urn
    except ValueError:
        return f"urn:annotator:{kind}:{quote(value, safe='')}"


def document_iri(document: Document, document_id: str = "") -> str:
    """The IRI a document's annotations target: its library id, else its content hash.

    The content hash keeps an export from core objects alone (no library) stable and
    still identifying the exact text the offsets refer to.
    """
    if document_id:
        return iri(document_id, "document")
    return f"urn:annotator:sha256:{document.content_hash}"


def timestamp(moment: datetime) -> str:
    """xsd:dateTime in UTC with a `Z`, as the model recommends for `created`/`modified`."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _motivation(annotation: Annotation) -> str:
    if annotation.motivation is not Motivation.HIGHLIGHTING:
        return annotation.motivation.value
    if annotation.note.strip():
        return "commenting"
    if annotation.origin is Origin.MACHINE and annotation.area:
        return "classifying"
    return "highlighting"


def _bodies(annotation: Annotation, area_labels: Mapping[str, str]) -> list[dict[str, Any]]:
    bodies: list[dict[str, Any]] = []
    if annotation.note.strip():
        bodies.append({
            "type": "TextualBody",
            "value": annotation.note,
            "format": "text/markdown",
            "purpose": "commenting",
        })
    bodies.extend(
        {"type": "TextualBody", "value": tag, "purpose": "tagging"} for tag in annotation.tags
    )
    if annotation.area:
        bodies.append({
            "type": "TextualBody",
            "value": area_labels.get(annotation.area, annotation.area),
            "purpose": "classifying",
        })
    return bodies


def annotation_to_w3c(
    annotation: Annotation,
    document_iri: str,
    *,
    area_labels: Mapping[str, str] | None = None,
    context: bool = True,
) -> dict[str, Any]:
    """One Annotation as a W3C Web Annotation.

    `area_labels` maps area ids to the labels a person reads; without it the id is the
    classifying value. `context=False` leaves out `@context`, for items embedded in a
    collection page that already declares it.
    """
    selectors: list[dict[str, Any]] = [{
        "type": "TextQuoteSelector",
        "exact": annotation.exact,
        "prefix": annotation.prefix,
        "suffix": annotation.suffix,
    }]
    # An unplaced annotation's offsets point at text that is no longer there.
    if annotation.placement is Placement.PLACED:
        selectors.append(
            {"type": "TextPositionSelector", "start": annotation.start, "end": annotation.end}
        )
    result: dict[str, Any] = {"@context": CONTEXT} if context else {}
    result.update({
        "id": iri(annotation.id, "annotation"),
        "type": "Annotation",
        "motivation": _motivation(annotation),
        "created": timestamp(annotation.created),
        "modified": timestamp(annotation.modified),
    })
    if annotation.author_id or annotation.author_name:
        creator: dict[str, Any] = {"type": "Person"}
        if annotation.author_id:
            creator["id"] = iri(annotation.author_id, "person")
        if annotation.author_name:
            creator["name"] = annotation.author_name
        result["creator"] = creator
    bodies = _bodies(annotation, area_labels or {})
    if bodies:
        result["body"] = bodies[0] if len(bodies) == 1 else bodies
    result["stylesheet"] = {
        "type": "CssStylesheet",
        "value": f".{STYLE_CLASS} {{ background-color: {color_hex(annotation.color)}; }}",
    }
    target = {
        "source": document_iri,
        "styleClass": STYLE_CLASS,
        "selector": selectors[0] if len(selectors) == 1 else selectors,
    }
    result["target"] = (
        [target, iri(annotation.reply_to, "annotation")] if annotation.reply_to else target
    )
    return result


def collection(
    annotations: Iterable[Annotation],
    document: Document,
    document_iri: str,
    *,
    area_labels: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """An AnnotationCollection holding every annotation in one embedded first page."""
    items = [
        annotation_to_w3c(a, document_iri, area_labels=area_labels, context=False)
        for a in annotations
    ]
    return collection_of(items, document.metadata.title, document_iri)


def collection_of(items: list[dict[str, Any]], label: str, document_iri: str) -> dict[str, Any]:
    """An AnnotationCollection around already converted items (made without `@context`)."""
    result: dict[str, Any] = {
        "@context": CONTEXT,
        "id": uuid.uuid5(_NAMESPACE, f"{document_iri}#collection").urn,
        "type": "AnnotationCollection",
        "label": label or "Annotations",
        "total": len(items),
    }
    if items:
        result["first"] = {
            "id": uuid.uuid5(_NAMESPACE, f"{document_iri}#page-1").urn,
            "type": "AnnotationPage",
            "startIndex": 0,
            "items": items,
        }
    return result
