"""One author's annotations as a W3C AnnotationCollection, and W3C annotations read back.

Writing reuses `core.w3c` (the exporters' shape) and adds what the W3C model has no term
for under our own `annotator:` prefix: the revision counter, the colour key, the stored
motivation, origin, placement, the policy-area id, and the tombstone flag. A collection
carries its `creator` and `generator`, as the W3C EPUB Annotations draft's
`AnnotationSet` does.

Reading accepts our own items and plain W3C ones from other tools (no extensions: colour
from the stylesheet, area from the classifying body, revision 1). Every field is checked
for type and size; anything else is a `BundleRejected` naming the annotation. Note HTML
from another tool is reduced to its text with nh3, since notes are Markdown that every
view renders through `exporters.notes.note_html`.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any
from urllib.parse import unquote

import nh3

from annotator import __version__
from annotator.core import w3c
from annotator.core.annotation import Annotation, Motivation, Origin, Placement, restored
from annotator.errors import BundleRejected

PREFIX = "annotator"
VOCABULARY = "urn:annotator:vocab:"
CONTEXT: list[Any] = [w3c.CONTEXT, {PREFIX: VOCABULARY}]
GENERATOR = {"type": "Software", "name": "Annotator", "homepage": "urn:annotator:app"}

MAX_NOTE = 1_000_000
MAX_QUOTE = 65_000  # Zotero's cap on a selector
MAX_TAGS = 100
MAX_TAG = 200
MAX_NAME = 200
MAX_AREA = 100
MAX_COLOR = 32
MAX_ANNOTATIONS = 100_000
# Ids of other tools' annotations and authors become stable UUIDs in this namespace, so
# merging the same file twice finds the same annotations.
_FOREIGN = uuid.UUID("0f3a8a52-3d5e-4c5b-9a0e-6f2b8f1d7c31")
_HEX = re.compile(r"#[0-9a-fA-F]{6}")
_MOTIVATIONS = {m.value: m for m in Motivation}
_PLACEMENTS = {p.value: p for p in Placement}
_ORIGINS = {o.value: o for o in Origin}


def _x(key: str) -> str:
    return f"{PREFIX}:{key}"


X_REVISION, X_MOTIVATION, X_COLOR, X_ORIGIN, X_PLACEMENT, X_AREA, X_DELETED = (
    _x(k) for k in ("revision", "motivation", "color", "origin", "placement", "area", "deleted")
)
# The device that wrote a copy (its reader's name for it), as group sync carries it; a
# bundle's items have none. Readers of older versions ignore the key.
X_DEVICE = _x("device")
MAX_DEVICE = 64
# A UUID as this app writes it: taken as is, without parsing (half of reading a bundle's
# ids); any other spelling goes through `uuid.UUID`.
_CANONICAL_UUID = re.compile(
    r"urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
)


def item(
    annotation: Annotation, document_iri: str, area_labels: Mapping[str, str]
) -> dict[str, Any]:
    """One annotation as a W3C item (no @context) with our extensions."""
    result = w3c.annotation_to_w3c(annotation, document_iri, area_labels=area_labels, context=False)
    result[X_REVISION] = annotation.revision
    result[X_MOTIVATION] = annotation.motivation.value
    result[X_COLOR] = annotation.color
    result[X_ORIGIN] = annotation.origin.value
    result[X_PLACEMENT] = annotation.placement.value
    if annotation.area:
        result[X_AREA] = annotation.area
    if annotation.deleted:
        result[X_DELETED] = True
    return result


def layer(
    author_id: str,
    author_name: str,
    annotations: Sequence[Annotation],
    document_iri: str,
    area_labels: Mapping[str, str],
    label: str,
) -> dict[str, Any]:
    """An AnnotationCollection of one author's annotations, with creator and generator."""
    result = w3c.collection_of(
        [item(a, document_iri, area_labels) for a in annotations], label, document_iri
    )
    result["@context"] = CONTEXT
    result["id"] = uuid.uuid5(_FOREIGN, f"{document_iri}#{author_id}").urn
    result["creator"] = {"type": "Person", "id": w3c.iri(author_id, "person"), "name": author_name}
    result["generator"] = {**GENERATOR, "version": __version__}
    result[_x("about")] = document_iri
    return result


# --- reading -------------------------------------------------------------------------


def fail(where: str, problem: str) -> BundleRejected:
    return BundleRejected(f"{where}: {problem}.")


def text(value: Any, where: str, field: str, cap: int, *, required: bool = False) -> str:
    if value is None and not required:
        return ""
    if not isinstance(value, str):
        raise fail(where, f"{field} is not a string")
    if len(value) > cap:
        raise fail(where, f"{field} is longer than {cap:,} characters")
    return value


def device(value: dict[str, Any], where: str) -> str | None:
    """The device name an item carries, None when it names none: one line of text."""
    name = text(value.get(X_DEVICE), where, "the device name", MAX_DEVICE).strip()
    if not name.isprintable():
        raise fail(where, "the device name is not one line of printable text")
    return name or None


def integer(value: Any, where: str, field: str, low: int = 0) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < low:
        raise fail(where, f"{field} is not a whole number of at least {low}")
    return value


def local_id(value: Any, where: str, kind: str) -> str:
    """Our id for a W3C IRI: the UUID of `urn:uuid:`, else a stable UUID made from the IRI."""
    raw = text(value, where, f"the {kind} id", 2000, required=True)
    if _CANONICAL_UUID.fullmatch(raw):
        return raw[9:]
    if raw.startswith("urn:uuid:"):
        try:
            return str(uuid.UUID(raw[9:]))
        except ValueError:
            raise fail(where, f"{raw!r} is not a valid urn:uuid") from None
    marker = f"urn:annotator:{kind}:"
    if raw.startswith(marker) and len(unquote(raw[len(marker) :])) <= 36:
        return unquote(raw[len(marker) :])
    return str(uuid.uuid5(_FOREIGN, raw))


def moment(value: Any, where: str, field: str) -> datetime:
    raw = text(value, where, field, 40, required=True)
    try:
        parsed = datetime.fromisoformat(raw.replace("Z", "+00:00"))
    except ValueError:
        raise fail(where, f"{field} {raw!r} is not an ISO 8601 time") from None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)


def as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def creator(value: Any, where: str) -> tuple[str, str] | None:
    """(author id, claimed name) of a W3C `creator`, None when absent."""
    if value is None:
        return None
    if isinstance(value, list):
        if len(value) != 1:
            raise fail(where, "an annotation has one creator")
        value = value[0]
    if isinstance(value, str):
        return local_id(value, where, "person"), ""
    if not isinstance(value, dict):
        raise fail(where, "the creator is not an object")
    name = " ".join(text(value.get("name"), where, "the creator's name", MAX_NAME).split())
    if "id" not in value:
        if not name:
            raise fail(where, "the creator has neither id nor name")
        return str(uuid.uuid5(_FOREIGN, f"name:{name}")), name
    return local_id(value["id"], where, "person"), name


def _note_from(body: dict[str, Any], where: str) -> str:
    value = text(body.get("value"), where, "a note", MAX_NOTE)
    if body.get("format") == "text/html":
        return nh3.clean(value, tags=set(), strip_comments=True).strip()
    return value


def _bodies(
    raw: Any, motivation: str, where: str, area_ids: Mapping[str, str]
) -> tuple[str, list[str], str | None]:
    note, tags, area = "", [], None
    for body in as_list(raw):
        if not isinstance(body, dict) or body.get("type", "TextualBody") != "TextualBody":
            continue  # an IRI or a specific resource: nothing a reader can see here
        purpose = body.get("purpose") or motivation
        if purpose == "tagging":
            tags.append(" ".join(text(body.get("value"), where, "a tag", MAX_TAG).split()))
        elif purpose == "classifying":
            label = text(body.get("value"), where, "an area", MAX_AREA)
            area = area_ids.get(label, label) or None
        else:
            note = "\n\n".join(filter(None, (note, _note_from(body, where))))
    if len(tags) > MAX_TAGS:
        raise fail(where, f"more than {MAX_TAGS} tags")
    if len(note) > MAX_NOTE:
        raise fail(where, f"the note is longer than {MAX_NOTE:,} characters")
    return note, list(dict.fromkeys(t for t in tags if t)), area


def _target(raw: Any, where: str) -> tuple[dict[str, Any], str | None]:
    """(the text target, the id of the annotation replied to) of a W3C `target`."""
    text_target: dict[str, Any] | None = None
    reply_to: str | None = None
    for target in as_list(raw):
        if isinstance(target, str):
            reply_to = local_id(target, where, "annotation")
        elif isinstance(target, dict) and "selector" in target:
            text_target = target
        elif isinstance(target, dict) and "id" in target:
            reply_to = local_id(target["id"], where, "annotation")
    if text_target is None:
        raise fail(where, "no target with a text selector")
    return text_target, reply_to


def _selectors(target: dict[str, Any], where: str) -> tuple[str, str, str, int | None, int | None]:
    exact = prefix = suffix = None
    start = end = None
    for selector in as_list(target.get("selector")):
        if not isinstance(selector, dict):
            raise fail(where, "a selector is not an object")
        kind = selector.get("type")
        if kind == "TextQuoteSelector":
            exact = text(selector.get("exact"), where, "the quote", MAX_QUOTE, required=True)
            prefix = text(selector.get("prefix"), where, "the prefix", MAX_QUOTE)
            suffix = text(selector.get("suffix"), where, "the suffix", MAX_QUOTE)
        elif kind == "TextPositionSelector":
            start = integer(selector.get("start"), where, "the start")
            end = integer(selector.get("end"), where, "the end", start)
    if not exact:
        raise fail(where, "no TextQuoteSelector with the quoted text")
    return exact, prefix or "", suffix or "", start, end


def _color(value: dict[str, Any], where: str) -> str:
    if X_COLOR in value:
        return text(value[X_COLOR], where, "the colour", MAX_COLOR)
    sheet = value.get("stylesheet")
    css = sheet.get("value") if isinstance(sheet, dict) else None
    found = _HEX.search(css) if isinstance(css, str) and len(css) < 1000 else None
    return found.group(0).lower() if found else "yellow"


def _choice(value: Any, where: str, field: str, options: Mapping[str, Any], default: Any) -> Any:
    if value is None:
        return default
    if value not in options:
        raise fail(where, f"{field} {str(value)[:40]!r} is not one of {', '.join(options)}")
    return options[value]


def annotation(
    value: Any,
    *,
    document_id: str,
    default_creator: tuple[str, str] | None,
    area_ids: Mapping[str, str],
    where: str,
) -> Annotation:
    """An Annotation from one W3C item; `where` names it in error messages."""
    if not isinstance(value, dict):
        raise fail(where, "an annotation is not an object")
    where = f"{where}, annotation {str(value.get('id'))[:60]}"
    annotation_id = local_id(value.get("id"), where, "annotation")
    author = creator(value.get("creator"), where) or default_creator
    if author is None:
        raise fail(where, "no creator")
    motivations = [m for m in as_list(value.get("motivation")) if isinstance(m, str)]
    w3c_motivation = motivations[0] if motivations else "highlighting"
    motivation = _choice(
        value.get(X_MOTIVATION, w3c_motivation if w3c_motivation in _MOTIVATIONS else None),
        where, "the motivation", _MOTIVATIONS, Motivation.HIGHLIGHTING,
    )
    note, tags, area = _bodies(value.get("body"), w3c_motivation, where, area_ids)
    if X_AREA in value:
        area = text(value[X_AREA], where, "the area", MAX_AREA) or None
    target, reply_to = _target(value.get("target"), where)
    exact, prefix, suffix, start, end = _selectors(target, where)
    placement = _choice(
        value.get(X_PLACEMENT), where, "the placement", _PLACEMENTS,
        Placement.PLACED if start is not None else Placement.UNPLACED,
    )
    created = moment(value["created"], where, "created") if "created" in value else None
    modified = moment(value["modified"], where, "modified") if "modified" in value else None
    created = created or modified or datetime(1970, 1, 1, tzinfo=UTC)
    deleted = value.get(X_DELETED, False)
    if not isinstance(deleted, bool):
        raise fail(where, "the deleted flag is not true or false")
    # Positionally through `restored` (every field checked above): ~5x cheaper than
    # Annotation(...), which counts when a teacher merges a class's hand-ins.
    return restored(
        document_id, start if start is not None else -1, end if end is not None else -1,
        exact, prefix, suffix, _color(value, where), note, tuple(tags), area, author[0],
        author[1], _choice(value.get(X_ORIGIN), where, "the origin", _ORIGINS, Origin.READER),
        placement, annotation_id, created, modified or created, deleted, motivation, reply_to,
        integer(value.get(X_REVISION, 1), where, "the revision", 1),
    )


def items_of(collection: Any, where: str) -> list[Any]:
    """The annotations of a W3C AnnotationCollection (embedded pages), a page, or a list."""
    if isinstance(collection, list):
        found = collection
    elif isinstance(collection, dict) and collection.get("type") == "Annotation":
        found = [collection]
    elif isinstance(collection, dict) and collection.get("type") == "AnnotationPage":
        found = as_list(collection.get("items"))
    elif isinstance(collection, dict) and collection.get("type") == "AnnotationCollection":
        found = []
        page = collection.get("first")
        pages = 0
        while isinstance(page, dict):
            found.extend(as_list(page.get("items")))
            page = page.get("next")
            pages += 1
            if pages > 10_000:
                raise fail(where, "too many pages")
        if isinstance(page, str):
            raise fail(where, "pages that are not embedded cannot be read offline")
    else:
        raise fail(where, "not a W3C Annotation, AnnotationPage or AnnotationCollection")
    if len(found) > MAX_ANNOTATIONS:
        raise fail(where, f"more than {MAX_ANNOTATIONS:,} annotations")
    return found
