"""The `.annot` bundle: one document, its authors' annotation layers, in one ZIP.

Laid out like EPUB so other tools can look inside (see `docs/bundle-format.md`):

    mimetype                      stored, first: application/vnd.annotator.bundle+zip
    META-INF/manifest.json        format, version, generator, created, document, authors,
                                  SHA-256 of every other member
    document/text.txt             the normalised text every offset refers to
    document/blocks.json          [[kind, start, end, level], ...]
    document/original/NAME        the file the text came from (optional)
    layers/AUTHOR-UUID.jsonld     one W3C AnnotationCollection per author
    tombstones.jsonld             deleted annotations (quote kept, note and tags dropped)
    taxonomy.json                 the policy areas the annotations use

`read_bundle` validates everything before returning (the caller writes nothing until
then): see `safe_zip` for the archive, `strict_json` for the JSON, `layers` for fields.
"""

from __future__ import annotations

import hashlib
import json
import uuid
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any, BinaryIO

from annotator import __version__
from annotator.core import w3c
from annotator.core.annotation import Annotation, utc_now
from annotator.core.document import Block, BlockKind, Document, Metadata, normalise
from annotator.errors import BundleRejected
from annotator.exchange import layers, strict_json
from annotator.exchange.safe_zip import Archive, Caps
from annotator.exporters.base import write_atomically

MIMETYPE = "application/vnd.annotator.bundle+zip"
FORMAT = "annotator-bundle"
VERSION = (1, 0)
HAND_IN_MINOR = 1  # format 1.1: the text may be left out (a hand-in), see read_bundle
SUFFIX = ".annot"

MANIFEST = "META-INF/manifest.json"
TEXT = "document/text.txt"
BLOCKS = "document/blocks.json"
ORIGINAL = "document/original/"
LAYERS = "layers/"
TOMBSTONES = "tombstones.jsonld"
TAXONOMY = "taxonomy.json"

MAX_TEXT_BYTES = 32 * 1024 * 1024
MAX_META = 2000


@dataclass(frozen=True, slots=True)
class Author:
    id: str
    name: str


@dataclass(frozen=True, slots=True)
class Area:
    id: str
    label: str
    color: str


@dataclass(frozen=True, slots=True)
class Original:
    name: str
    data: bytes


@dataclass(frozen=True, slots=True)
class Bundle:
    """What a `.annot` holds, as core values.

    Annotation offsets refer to `document.text`; their `document_id` is the text's content
    hash until a library gives the document an id.
    """

    document: Document
    annotations: tuple[Annotation, ...] = ()  # live, in every author's layer
    tombstones: tuple[Annotation, ...] = ()
    authors: tuple[Author, ...] = ()
    areas: tuple[Area, ...] = ()
    original: Original | None = None
    created: datetime = field(default_factory=utc_now)
    version: str = f"{VERSION[0]}.{VERSION[1]}"
    sha256: str = ""  # of the bundle file, as read: its provenance
    # A hand-in carries no text: only its layer and the hash of the text it annotates
    # (`document_hash`); its `document` then has the metadata and an empty text.
    carries_text: bool = True
    document_hash: str = ""

    @property
    def text_hash(self) -> str:
        """The SHA-256 of the normalised text the annotations refer to."""
        return self.document.content_hash if self.carries_text else self.document_hash

    @property
    def records(self) -> tuple[Annotation, ...]:
        """Every annotation state the bundle carries, tombstones included."""
        return self.annotations + self.tombstones


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _json_bytes(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, indent=1, allow_nan=False).encode("utf-8")


def _tombstone(annotation: Annotation) -> Annotation:
    """What travels of a deleted annotation: who, which, when; never its note or tags."""
    return replace(annotation, note="", tags=(), deleted=True)


def _authors(bundle: Bundle) -> list[Author]:
    named = {a.id: a for a in bundle.authors}
    for a in bundle.annotations:
        named.setdefault(a.author_id, Author(a.author_id, a.author_name))
    return sorted(named.values(), key=lambda a: a.id)


def members(bundle: Bundle) -> dict[str, bytes]:
    """Every member but `mimetype` and the manifest, by name, in writing order."""
    document = bundle.document
    about = w3c.document_iri(document) if bundle.carries_text else (
        f"urn:annotator:sha256:{bundle.document_hash}")
    labels = {a.id: a.label for a in bundle.areas}
    title = document.metadata.title or "Annotations"
    result = {
        TEXT: document.text.encode("utf-8"),
        BLOCKS: _json_bytes([[b.kind.value, b.start, b.end, b.level] for b in document.blocks]),
    } if bundle.carries_text else {}
    if bundle.original is not None and bundle.carries_text:
        result[ORIGINAL + bundle.original.name] = bundle.original.data
    for author in _authors(bundle):
        mine = [a for a in bundle.annotations if a.author_id == author.id]
        result[f"{LAYERS}{author.id}.jsonld"] = _json_bytes(
            layers.layer(author.id, author.name, mine, about, labels, title)
        )
    if bundle.tombstones:
        gone = [layers.item(_tombstone(a), about, labels) for a in bundle.tombstones]
        collection = w3c.collection_of(gone, f"{title}: deleted", about)
        collection["@context"] = layers.CONTEXT
        result[TOMBSTONES] = _json_bytes(collection)
    result[TAXONOMY] = _json_bytes(
        {"areas": [{"id": a.id, "label": a.label, "color": a.color} for a in bundle.areas]}
    )
    return result


def manifest(bundle: Bundle, contents: Mapping[str, bytes]) -> dict[str, Any]:
    meta = bundle.document.metadata
    original = bundle.original if bundle.carries_text else None
    return {
        "format": FORMAT,
        # 1.1 added hand-ins without the text; a full bundle stays 1.0 for older readers.
        "version": f"{VERSION[0]}.{VERSION[1] if bundle.carries_text else HAND_IN_MINOR}",
        "generator": {"name": "Annotator", "version": __version__},
        "created": w3c.timestamp(bundle.created),
        "document": {
            "title": meta.title,
            "author": meta.author,
            "date": meta.date.isoformat() if meta.date else None,
            "source": meta.source,
            "byline": meta.byline,
            "sha256": bundle.text_hash,
            "original": ORIGINAL + original.name if original else None,
            "text": bundle.carries_text,
        },
        "authors": [
            {
                "id": a.id,
                "name": a.name,
                "layer": f"{LAYERS}{a.id}.jsonld",
                "annotations": sum(1 for x in bundle.annotations if x.author_id == a.id),
            }
            for a in _authors(bundle)
        ],
        "tombstones": len(bundle.tombstones),
        "sha256": {name: _sha256(data) for name, data in contents.items()},
    }


def write_bundle(bundle: Bundle, path: Path) -> Path:
    """Write `bundle` to `path` atomically (a failure leaves any earlier file intact)."""
    if bundle.original is not None:
        layers.text(Path(bundle.original.name).name, "the original file", "its name", 200)
    contents = members(bundle)
    header = _json_bytes(manifest(bundle, contents))

    def write(stream: BinaryIO) -> None:
        with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(zipfile.ZipInfo("mimetype"), MIMETYPE, zipfile.ZIP_STORED)
            archive.writestr(MANIFEST, header)
            for name, data in contents.items():
                archive.writestr(name, data)

    write_atomically(path, write)
    return path


# --- reading -------------------------------------------------------------------------


def _object(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise BundleRejected(f"{where} is not a JSON object.")
    return value


def check_version(value: Any, name: str) -> str:
    """The bundle's `major.minor` version; a newer minor opens, another major does not."""
    if not isinstance(value, str) or not value.count(".") == 1:
        raise BundleRejected(f"{name} has no valid format version (expected e.g. \"1.0\").")
    major, minor = value.split(".")
    if not (major.isdigit() and minor.isdigit() and len(value) < 12):
        raise BundleRejected(f"{name} has no valid format version (expected e.g. \"1.0\").")
    if int(major) != VERSION[0]:
        raise BundleRejected(
            f"{name} is bundle format {value}; this Annotator reads format "
            f"{VERSION[0]}.x. Use an Annotator that reads format {major}."
        )
    return value


def _metadata(value: Any, name: str) -> tuple[Metadata, str, str | None]:
    doc = _object(value, f"The document entry of {name}")
    where = f"{name}, document"
    when = layers.text(doc.get("date"), where, "the date", 10)
    try:
        day = date.fromisoformat(when) if when else None
    except ValueError:
        raise BundleRejected(f"{where}: the date {when!r} is not YYYY-MM-DD.") from None
    metadata = Metadata(
        title=layers.text(doc.get("title"), where, "the title", MAX_META),
        author=layers.text(doc.get("author"), where, "the author", MAX_META),
        date=day,
        source=layers.text(doc.get("source"), where, "the source", MAX_META),
        byline=layers.text(doc.get("byline"), where, "the byline", MAX_META),
    )
    digest = layers.text(doc.get("sha256"), where, "the text hash", 64, required=True)
    original = doc.get("original")
    if original is not None:
        original = layers.text(original, where, "the original", 300)
        if not original.startswith(ORIGINAL) or "/" in original[len(ORIGINAL) :]:
            raise BundleRejected(f"{where}: the original file {original!r} is misplaced.")
    return metadata, digest, original


def _blocks(value: Any, length: int, name: str) -> tuple[Block, ...]:
    kinds = {k.value: k for k in BlockKind}
    if not isinstance(value, list):
        raise BundleRejected(f"{name}: {BLOCKS} is not a list.")
    blocks = []
    previous = 0
    for entry in value:
        if not (isinstance(entry, list) and len(entry) == 4 and entry[0] in kinds):
            raise BundleRejected(f"{name}: a block is not [kind, start, end, level].")
        start = layers.integer(entry[1], name, "a block start", previous)
        end = layers.integer(entry[2], name, "a block end", start)
        if end > length:
            raise BundleRejected(f"{name}: a block ends after the text.")
        blocks.append(Block(kinds[entry[0]], start, end, layers.integer(entry[3], name, "level")))
        previous = end
    return tuple(blocks)


def _areas(value: Any, name: str) -> tuple[Area, ...]:
    areas = _object(value, f"{TAXONOMY} of {name}").get("areas", [])
    if not isinstance(areas, list) or len(areas) > 1000:
        raise BundleRejected(f"{name}: {TAXONOMY} has no valid list of areas.")
    result = []
    for area in areas:
        area = _object(area, f"An area in {name}")
        result.append(Area(
            layers.text(area.get("id"), name, "an area id", layers.MAX_AREA, required=True),
            layers.text(area.get("label"), name, "an area label", MAX_META),
            layers.text(area.get("color"), name, "an area colour", layers.MAX_COLOR),
        ))
    return tuple(result)


def _author(value: Any, name: str) -> tuple[Author, str]:
    entry = _object(value, f"An author in {name}")
    where = f"{name}, authors"
    raw = layers.text(entry.get("id"), where, "an author id", 36, required=True)
    try:
        author_id = str(uuid.UUID(raw))
    except ValueError:
        raise BundleRejected(f"{where}: {raw!r} is not a UUID.") from None
    author_name = " ".join(layers.text(entry.get("name"), where, "a name", 200).split())
    layer = f"{LAYERS}{author_id}.jsonld"
    if entry.get("layer", layer) != layer:
        raise BundleRejected(f"{where}: the layer of {author_id} must be {layer}.")
    return Author(author_id, author_name), layer


class _Reader:
    """One pass over a validated archive; every member is hashed as it is read."""

    def __init__(self, archive: Archive, hashes: Mapping[str, str], name: str) -> None:
        self.archive = archive
        self.hashes = hashes
        self.name = name

    def read(self, member: str, cap: int | None = None) -> bytes:
        if member not in self.hashes:
            raise BundleRejected(f"{self.name} lacks {member}.")
        data = self.archive.read(member, cap)
        if _sha256(data) != self.hashes[member]:
            raise BundleRejected(
                f"{self.name}: {member} does not match its SHA-256 in the manifest "
                "(damaged or altered)."
            )
        return data

    def json(self, member: str) -> Any:
        return strict_json.loads(self.read(member), f"{self.name}: {member}")


def _start(archive: Archive, name: str) -> tuple[dict[str, Any], dict[str, str]]:
    first = archive.first()
    if first is None or first.filename != "mimetype" or first.compress_type != zipfile.ZIP_STORED:
        raise BundleRejected(f"{name} is not an Annotator bundle (no stored mimetype first).")
    if archive.read("mimetype", 200) != MIMETYPE.encode():
        raise BundleRejected(f"{name} is not an Annotator bundle (wrong mimetype).")
    if MANIFEST not in archive.names:
        raise BundleRejected(f"{name} has no {MANIFEST}.")
    head = _object(strict_json.loads(archive.read(MANIFEST), f"{name}: {MANIFEST}"), MANIFEST)
    if head.get("format") != FORMAT:
        raise BundleRejected(
            f"{name} is of an unknown schema {str(head.get('format'))[:60]!r}, "
            f"not {FORMAT!r}."
        )
    check_version(head.get("version"), name)
    hashes = _object(head.get("sha256"), f"The member hashes of {name}")
    for member, digest in hashes.items():
        if not (isinstance(digest, str) and len(digest) == 64):
            raise BundleRejected(f"{name}: the hash of {member!r} is not a SHA-256.")
    listed = set(hashes) | {"mimetype", MANIFEST}
    extra = [n for n in archive.names if n not in listed]
    if extra:
        raise BundleRejected(f"{name}: {extra[0]!r} is not listed in the manifest.")
    missing = [n for n in hashes if n not in archive.names]
    if missing:
        raise BundleRejected(f"{name} lacks {missing[0]}, which its manifest lists.")
    return head, hashes


def _annotations(
    reader: _Reader, member: str, document_id: str, author: Author | None,
    area_ids: Mapping[str, str],
) -> list[Annotation]:
    collection = reader.json(member)
    where = f"{reader.name}: {member}"
    if author is not None:
        claimed = layers.creator(_object(collection, where).get("creator"), where)
        if claimed is None or claimed[0] != author.id:
            raise BundleRejected(f"{where}: the layer's creator is not {author.id}.")
    default = (author.id, author.name) if author else None
    found = [
        layers.annotation(item, document_id=document_id, default_creator=default,
                          area_ids=area_ids, where=where)
        for item in layers.items_of(collection, where)
    ]
    for a in found:
        if author is not None and (a.author_id != author.id or a.deleted):
            raise BundleRejected(f"{where}: annotation {a.id} does not belong in this layer.")
        if author is None and not a.deleted:
            raise BundleRejected(f"{where}: annotation {a.id} is not marked deleted.")
    return found


def read_bundle(path: Path, caps: Caps | None = None) -> Bundle:
    """The bundle at `path`, fully validated; `BundleRejected` says what is wrong."""
    name = path.name
    limit = (caps or Caps()).total_bytes
    try:
        if path.stat().st_size > limit:
            raise BundleRejected(f"{name} is larger than {limit:,} bytes.")
        digest = _sha256(path.read_bytes())
    except OSError as exc:
        raise BundleRejected(f"{path}: cannot be read ({exc.strerror or exc}).") from None
    with Archive(path, caps) as archive:
        head, hashes = _start(archive, name)
        reader = _Reader(archive, hashes, name)
        metadata, text_hash, original_name = _metadata(head.get("document"), name)
        carries_text = TEXT in hashes
        if carries_text:
            document = _document(reader, metadata, text_hash)
        elif BLOCKS in hashes or original_name is not None or len(text_hash) != 64:
            raise BundleRejected(f"{name}: a bundle without {TEXT} carries only layers.")
        else:
            document = Document("", (), metadata)
        areas = _areas(reader.json(TAXONOMY), name) if TAXONOMY in hashes else ()
        area_ids = {a.label: a.id for a in areas}
        authors_raw = head.get("authors", [])
        if not isinstance(authors_raw, list) or len(authors_raw) > 1000:
            raise BundleRejected(f"{name}: the manifest's authors are not a list.")
        authors, annotations = [], []
        for entry in authors_raw:
            author, member = _author(entry, name)
            authors.append(author)
            annotations.extend(_annotations(reader, member, text_hash, author, area_ids))
        tombstones = (
            _annotations(reader, TOMBSTONES, text_hash, None, area_ids)
            if TOMBSTONES in hashes else []
        )
        unread = [n for n in hashes if n.startswith(LAYERS) and n not in
                  {f"{LAYERS}{a.id}.jsonld" for a in authors}]
        if unread:
            raise BundleRejected(f"{name}: {unread[0]} belongs to no author in the manifest.")
        original = None
        if original_name is not None:
            original = Original(original_name[len(ORIGINAL):], reader.read(original_name))
    _unique(annotations + tombstones, name)
    return Bundle(
        document=document,
        annotations=tuple(annotations),
        tombstones=tuple(tombstones),
        authors=tuple(authors),
        areas=areas,
        original=original,
        created=layers.moment(head.get("created"), name, "created"),
        version=str(head["version"]),
        sha256=digest,
        carries_text=carries_text,
        document_hash="" if carries_text else text_hash,
    )


def _document(reader: _Reader, metadata: Metadata, text_hash: str) -> Document:
    name = reader.name
    try:
        text = reader.read(TEXT, MAX_TEXT_BYTES).decode("utf-8")
    except UnicodeDecodeError:
        raise BundleRejected(f"{name}: {TEXT} is not UTF-8.") from None
    document = Document(text, _blocks(reader.json(BLOCKS), len(text), name), metadata)
    if normalise(text) != text or document.content_hash != text_hash:
        raise BundleRejected(f"{name}: the text does not match its SHA-256 or is not normalised.")
    return document


def _unique(annotations: Sequence[Annotation], name: str) -> None:
    if len(annotations) > layers.MAX_ANNOTATIONS:
        raise BundleRejected(f"{name} holds more than {layers.MAX_ANNOTATIONS:,} annotations.")
    seen: set[str] = set()
    for a in annotations:
        if a.id in seen:
            raise BundleRejected(f"{name} holds annotation {a.id} twice.")
        seen.add(a.id)



def is_bundle(path: Path) -> bool:
    return path.suffix.lower() == SUFFIX
