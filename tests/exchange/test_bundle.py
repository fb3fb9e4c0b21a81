"""The `.annot` bundle: layout, a lossless round trip, versions."""

from __future__ import annotations

import json
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest

from annotator.errors import BundleRejected
from annotator.exchange import bundle as bundle_format
from annotator.exchange.bundle import Bundle, read_bundle, write_bundle
from tests.exchange.conftest import STUDENT, TEACHER, rezip


def test_layout_is_epub_like(sample_bundle: Bundle, tmp_path: Path) -> None:
    path = write_bundle(sample_bundle, tmp_path / "copy.annot")
    with zipfile.ZipFile(path) as archive:
        first = archive.infolist()[0]
        assert (first.filename, first.compress_type) == ("mimetype", zipfile.ZIP_STORED)
        assert archive.read("mimetype") == b"application/vnd.annotator.bundle+zip"
        names = set(archive.namelist())
        manifest = json.loads(archive.read("META-INF/manifest.json"))
        layer = json.loads(archive.read(f"layers/{TEACHER.id}.jsonld"))
    assert names == {
        "mimetype", "META-INF/manifest.json", "document/text.txt", "document/blocks.json",
        "document/original/us-china-cooperation.txt", f"layers/{TEACHER.id}.jsonld",
        f"layers/{STUDENT.id}.jsonld", "tombstones.jsonld", "taxonomy.json",
    }
    assert manifest["format"] == "annotator-bundle" and manifest["version"] == "1.0"
    assert manifest["document"]["sha256"] == sample_bundle.document.content_hash
    assert set(manifest["sha256"]) == names - {"mimetype", "META-INF/manifest.json"}
    assert [a["name"] for a in manifest["authors"]] == ["Ms Teacher", "Li"]
    assert layer["type"] == "AnnotationCollection"
    assert layer["creator"]["name"] == "Ms Teacher"
    assert layer["generator"]["name"] == "Annotator"
    motivations = [i["motivation"] for i in layer["first"]["items"]]
    assert motivations == ["questioning", "commenting", "commenting"]


def test_round_trip_loses_nothing(sample_bundle: Bundle, tmp_path: Path) -> None:
    path = write_bundle(sample_bundle, tmp_path / "copy.annot")
    back = read_bundle(path)
    assert back.document == sample_bundle.document
    assert back.original == sample_bundle.original
    assert back.areas == sample_bundle.areas
    assert back.authors == (TEACHER, STUDENT)
    assert sorted(back.annotations, key=lambda a: a.id) == list(sample_bundle.annotations)
    assert back.tombstones == tuple(
        replace(t, note="", tags=()) for t in sample_bundle.tombstones
    )
    reply = next(a for a in back.annotations if a.reply_to)
    assert reply.reply_to == sample_bundle.annotations[0].id
    again = write_bundle(back, tmp_path / "again.annot")
    assert read_bundle(again).records == back.records


def test_tombstones_carry_no_note(sample_bundle: Bundle, tmp_path: Path) -> None:
    gone = replace(sample_bundle.tombstones[0], note="my private thought", tags=("secret",))
    path = write_bundle(replace(sample_bundle, tombstones=(gone,)), tmp_path / "t.annot")
    with zipfile.ZipFile(path) as archive:
        assert b"private thought" not in archive.read("tombstones.jsonld")
        assert b"secret" not in archive.read("tombstones.jsonld")


def test_a_newer_minor_version_opens(sample_bundle: Bundle, tmp_path: Path) -> None:
    path = write_bundle(sample_bundle, tmp_path / "copy.annot")
    manifest = _manifest(path)
    manifest["version"] = "1.7"
    manifest["added_in_1_7"] = {"anything": True}
    newer = rezip(path, tmp_path / "newer.annot", {"META-INF/manifest.json": _dump(manifest)})
    assert read_bundle(newer).version == "1.7"


@pytest.mark.parametrize(
    ("version", "message"),
    [
        ("2.0", "bundle format 2.0; this Annotator reads format 1.x"),
        ("99.1", "format 99.1"),
        (None, "no valid format version"),
        (1, "no valid format version"),
        ("one.two", "no valid format version"),
    ],
)
def test_other_versions_are_refused(
    sample_bundle: Bundle, tmp_path: Path, version: object, message: str
) -> None:
    path = write_bundle(sample_bundle, tmp_path / "copy.annot")
    manifest = _manifest(path)
    manifest["version"] = version
    other = rezip(path, tmp_path / "other.annot", {"META-INF/manifest.json": _dump(manifest)})
    with pytest.raises(BundleRejected, match=message):
        read_bundle(other)


def _manifest(path: Path) -> dict[str, object]:
    with zipfile.ZipFile(path) as archive:
        value: dict[str, object] = json.loads(archive.read(bundle_format.MANIFEST))
    return value


def _dump(value: object) -> bytes:
    return json.dumps(value).encode()


def test_a_hand_in_carries_the_layers_and_the_texts_hash_only(
    sample_bundle: Bundle, tmp_path: Path
) -> None:
    text_hash = sample_bundle.document.content_hash
    hand_in = replace(sample_bundle, carries_text=False, document_hash=text_hash)
    path = write_bundle(hand_in, tmp_path / "hand-in.annot")
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        manifest = json.loads(archive.read(bundle_format.MANIFEST))
    assert not [n for n in names if n.startswith("document/")]
    assert (manifest["version"], manifest["document"]["sha256"]) == ("1.1", text_hash)
    assert manifest["document"]["text"] is False
    back = read_bundle(path)
    assert (back.carries_text, back.text_hash, back.document.text) == (False, text_hash, "")
    assert back.document.metadata == sample_bundle.document.metadata
    assert sorted(back.annotations, key=lambda a: a.id) == list(sample_bundle.annotations)
    assert {a.document_id for a in back.records} == {text_hash}
    full = write_bundle(sample_bundle, tmp_path / "full.annot")
    with zipfile.ZipFile(full) as archive:
        blocks = archive.read(bundle_format.BLOCKS)
    rezip(path, tmp_path / "odd.annot", {bundle_format.BLOCKS: blocks})
    with pytest.raises(BundleRejected, match="carries only layers"):
        read_bundle(tmp_path / "odd.annot")
