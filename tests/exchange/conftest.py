"""Bundles built from the sample article, and a way to write ZIPs a bundle writer never would."""

from __future__ import annotations

import hashlib
import json
import zipfile
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from annotator.core.annotation import Annotation, Motivation, Origin, Placement, quote_context
from annotator.core.document import Document
from annotator.exchange import bundle as bundle_format
from annotator.exchange.bundle import Area, Author, Bundle, Original
from annotator.importers import import_path

TEACHER = Author("aaaaaaaa-0000-4000-8000-000000000001", "Ms Teacher")
STUDENT = Author("aaaaaaaa-0000-4000-8000-000000000002", "Li")
T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


def make(
    document: Document, author: Author, quote: str, number: int, **fields: object
) -> Annotation:
    start = document.text.index(quote)
    exact, prefix, suffix = quote_context(document.text, start, start + len(quote))
    values: dict[str, object] = {
        "document_id": document.content_hash, "start": start, "end": start + len(quote),
        "exact": exact, "prefix": prefix, "suffix": suffix, "author_id": author.id,
        "author_name": author.name, "id": f"bbbbbbbb-0000-4000-8000-{number:012d}",
        "created": T0, "modified": T0,
    }
    values.update(fields)
    return Annotation(**values)  # type: ignore[arg-type]


@pytest.fixture
def sample_document(sample_path: Path) -> Document:
    return import_path(sample_path)


@pytest.fixture
def sample_bundle(sample_document: Document, sample_path: Path) -> Bundle:
    doc = sample_document
    question = make(doc, TEACHER, "cooperation", 1, note="Why *now*?",
                    motivation=Motivation.QUESTIONING, color="blue")
    return Bundle(
        document=doc,
        annotations=(
            question,
            make(doc, TEACHER, "climate", 2, note="see [IPCC](https://ipcc.ch)",
                 tags=("env", "key"), area="climate", origin=Origin.MACHINE, color="#123abc",
                 revision=4, modified=datetime(2026, 3, 2, tzinfo=UTC)),
            replace(make(doc, TEACHER, "China", 3, note="lost passage"),
                    placement=Placement.UNPLACED, start=-1, end=-1),
            make(doc, STUDENT, "cooperation", 4, note="Because of the election.",
                 motivation=Motivation.REPLYING, reply_to=question.id),
        ),
        tombstones=(make(doc, STUDENT, "United States", 5, deleted=True, revision=2),),
        authors=(TEACHER, STUDENT),
        areas=(Area("climate", "Climate", "#00aa00"),),
        original=Original(sample_path.name, sample_path.read_bytes()),
    )


def rezip(source: Path, target: Path, members: dict[str, bytes], *, rehash: bool = True) -> Path:
    """`source`'s members with `members` replacing or adding some; the manifest rehashed."""
    with zipfile.ZipFile(source) as archive:
        contents = {n: archive.read(n) for n in archive.namelist()}
    contents.update(members)
    if rehash:
        manifest = json.loads(contents[bundle_format.MANIFEST])
        manifest["sha256"] = {
            n: hashlib.sha256(d).hexdigest() for n, d in contents.items()
            if n not in ("mimetype", bundle_format.MANIFEST)
        }
        contents[bundle_format.MANIFEST] = json.dumps(manifest).encode()
    return raw_zip(target, list(contents.items()))


def raw_zip(target: Path, members: list[tuple[str | zipfile.ZipInfo, bytes]]) -> Path:
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members:
            if name == "mimetype":
                archive.writestr(zipfile.ZipInfo("mimetype"), data, zipfile.ZIP_STORED)
            else:
                archive.writestr(name, data)
    return target
