"""A corpus of hostile bundles (reliability-test-plan T40-T45): each is refused, readably.

Every case starts from a valid bundle of the sample and changes one thing; reading must
raise `BundleRejected` with a message naming the problem (and nothing else may escape).
"""

from __future__ import annotations

import json
import secrets
import stat
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from annotator.errors import BundleRejected
from annotator.exchange.bundle import Bundle, read_bundle, write_bundle
from annotator.exchange.safe_zip import Caps
from tests.exchange.conftest import TEACHER, raw_zip, rezip

LAYER = f"layers/{TEACHER.id}.jsonld"
Case = Callable[[Path, Path], Path]


def _members(path: Path) -> list[tuple[str | zipfile.ZipInfo, bytes]]:
    with zipfile.ZipFile(path) as archive:
        return [(n, archive.read(n)) for n in archive.namelist()]


def _layer(path: Path) -> dict[str, object]:
    with zipfile.ZipFile(path) as archive:
        value: dict[str, object] = json.loads(archive.read(LAYER))
    return value


def _with_layer_text(edit: Callable[[str], str]) -> Case:
    def case(valid: Path, out: Path) -> Path:
        with zipfile.ZipFile(valid) as archive:
            text = archive.read(LAYER).decode()
        return rezip(valid, out, {LAYER: edit(text).encode()})
    return case


def _with_first_item(edit: Callable[[dict[str, object]], None]) -> Case:
    def case(valid: Path, out: Path) -> Path:
        layer = _layer(valid)
        edit(layer["first"]["items"][0])  # type: ignore[index]
        return rezip(valid, out, {LAYER: json.dumps(layer).encode()})
    return case


def _extra(name: str | zipfile.ZipInfo, data: bytes = b"x") -> Case:
    return lambda valid, out: raw_zip(out, [*_members(valid), (name, data)])


def _symlink(valid: Path, out: Path) -> Path:
    link = zipfile.ZipInfo("document/link")
    link.external_attr = (stat.S_IFLNK | 0o777) << 16
    return raw_zip(out, [*_members(valid), (link, b"/etc/passwd")])


def _encrypted(valid: Path, out: Path) -> Path:
    """`zipfile` never writes the encryption flag, so set it in the central directory."""
    data = bytearray(valid.read_bytes())
    manifest = data.index(b"PK\x01\x02", data.index(b"PK\x01\x02") + 4)  # second entry
    data[manifest + 8] |= 0x1  # general purpose flag bit 0: encrypted
    out.write_bytes(bytes(data))
    return out


def _many_entries(valid: Path, out: Path) -> Path:
    return raw_zip(out, [*_members(valid), *((f"pad/{i}", b"") for i in range(2001))])


def _bomb(valid: Path, out: Path) -> Path:
    return rezip(valid, out, {"document/original/us-china-cooperation.txt": b"\0" * 20_000_000})


def _mimetype_second(valid: Path, out: Path) -> Path:
    members = _members(valid)
    return raw_zip(out, [members[1], members[0], *members[2:]])


def _mimetype_deflated(valid: Path, out: Path) -> Path:
    members = _members(valid)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members:
            archive.writestr(name, data)
    return out


def _altered_text(valid: Path, out: Path) -> Path:
    with zipfile.ZipFile(valid) as archive:
        text = archive.read("document/text.txt")
    return rezip(valid, out, {"document/text.txt": text.replace(b"China", b"Chine")},
                 rehash=False)


def _manifest_edit(edit: Callable[[dict[str, object]], None]) -> Case:
    def case(valid: Path, out: Path) -> Path:
        with zipfile.ZipFile(valid) as archive:
            manifest = json.loads(archive.read("META-INF/manifest.json"))
        edit(manifest)
        return rezip(valid, out, {"META-INF/manifest.json": json.dumps(manifest).encode()},
                     rehash=False)
    return case


def _set(key: str, value: object) -> Callable[[dict[str, object]], None]:
    return lambda target: target.__setitem__(key, value)


def _note(value: str) -> Callable[[dict[str, object]], None]:
    return lambda item: item.__setitem__(
        "body", {"type": "TextualBody", "value": value, "purpose": "commenting"}
    )


def _selector_exact(value: str) -> Callable[[dict[str, object]], None]:
    def edit(item: dict[str, object]) -> None:
        item["target"]["selector"][0]["exact"] = value  # type: ignore[index]
    return edit


def _duplicate_ids(valid: Path, out: Path) -> Path:
    layer = _layer(valid)
    items = layer["first"]["items"]  # type: ignore[index]
    items.append(dict(items[0]))
    return rezip(valid, out, {LAYER: json.dumps(layer).encode()})


def _million(valid: Path, out: Path) -> Path:
    layer = _layer(valid)
    layer["first"]["items"] = [{}] * 100_001  # type: ignore[index]
    return rezip(valid, out, {LAYER: json.dumps(layer).encode()})


def _other_author(item: dict[str, object]) -> None:
    item["creator"] = {"type": "Person", "id": "urn:uuid:cccccccc-0000-4000-8000-000000000009"}


CASES: dict[str, tuple[Case, str]] = {
    "traversal": (_extra("../../evil.txt"), "leaves its folder"),
    "inner traversal": (_extra("layers/../../evil"), "leaves its folder"),
    "absolute": (_extra("/abs/x"), "absolute path"),
    "drive": (_extra("C:/x"), "absolute path"),
    "backslash": (_extra("C:\\x"), "unsafe name"),
    "symlink": (_symlink, "symbolic link"),
    "duplicate entry": (_extra("taxonomy.json", b"{}"), "two entries"),
    "case collision": (_extra("TAXONOMY.json", b"{}"), "two entries"),
    "encrypted": (_encrypted, "encrypted"),
    "too many entries": (_many_entries, "entries; at most 2000"),
    "zip bomb": (_bomb, "possible zip bomb"),
    "not a zip": (lambda valid, out: (out.write_bytes(b"PK\3\4 nonsense"), out)[1],
                  "not a readable ZIP"),
    "mimetype not first": (_mimetype_second, "no stored mimetype first"),
    "mimetype compressed": (_mimetype_deflated, "no stored mimetype first"),
    "unlisted member": (_extra("notes/extra.txt"), "not listed in the manifest"),
    "hash mismatch": (_altered_text, "does not match its SHA-256"),
    "unknown schema": (_manifest_edit(_set("format", "epub")), "unknown schema"),
    "future major": (_manifest_edit(_set("version", "99.0")), "format 99.0"),
    "no version": (_manifest_edit(lambda m: m.pop("version")), "no valid format version"),
    "duplicate keys": (
        _with_layer_text(lambda t: t.replace('"type": "AnnotationCollection"',
                                             '"type": "AnnotationCollection", "type": "x"', 1)),
        "appears twice",
    ),
    "NaN": (_with_layer_text(lambda t: t.replace('"startIndex": 0', '"startIndex": NaN')),
            "NaN is not a JSON number"),
    "lone surrogate": (_with_first_item(_note("\ud800")), "lone surrogate"),
    "deep nesting": (_with_layer_text(lambda t: t.replace('"startIndex": 0',
                                                          '"x": ' + "[" * 100_000 + "]" * 100_000)),
                     "nested too deeply"),
    "5000-digit integer": (_with_layer_text(lambda t: t.replace('"startIndex": 0',
                                                                '"startIndex": ' + "9" * 5000)),
                           "digits is too long"),
    "invalid UTF-8": (
        lambda valid, out: rezip(valid, out, {LAYER: b'{"label": "\xff\xfe"}'}), "not valid UTF-8"
    ),
    "10 MB note": (_with_first_item(_note(secrets.token_hex(5_000_000))),
                   "longer than 1,000,000"),
    "huge selector": (_with_first_item(_selector_exact(secrets.token_hex(32_501))),
                      "longer than 65,000"),
    "100,001 annotations": (_million, "more than 100,000 annotations"),
    "duplicate annotation ids": (_duplicate_ids, "twice"),
    "annotation of another author": (_with_first_item(_other_author), "does not belong"),
    "wrong revision type": (_with_first_item(_set("annotator:revision", "7")), "revision"),
    "wrong motivation": (_with_first_item(_set("annotator:motivation", "hacking")), "motivation"),
    "bad time": (_with_first_item(_set("created", "yesterday")), "not an ISO 8601 time"),
}


@pytest.mark.parametrize("case", sorted(CASES))
@pytest.mark.filterwarnings("ignore:Duplicate name")
def test_malicious_bundle_is_refused(sample_bundle: Bundle, tmp_path: Path, case: str) -> None:
    build, message = CASES[case]
    valid = write_bundle(sample_bundle, tmp_path / "valid.annot")
    hostile = build(valid, tmp_path / "hostile.annot")
    with pytest.raises(BundleRejected, match=message):
        read_bundle(hostile)


def test_total_size_is_capped_while_streaming(sample_bundle: Bundle, tmp_path: Path) -> None:
    valid = write_bundle(sample_bundle, tmp_path / "valid.annot")
    cap = valid.stat().st_size + 100
    with pytest.raises(BundleRejected, match=f"unpacks to more than {cap:,} bytes"):
        read_bundle(valid, Caps(total_bytes=cap))


def test_note_html_from_another_tool_is_reduced_to_text(
    sample_bundle: Bundle, tmp_path: Path
) -> None:
    def html(item: dict[str, object]) -> None:
        item["body"] = {
            "type": "TextualBody", "format": "text/html", "purpose": "commenting",
            "value": '<script>alert(1)</script><img src="http://t/p.gif" onerror="x()">'
                     '<a href="javascript:alert(2)">Read</a> <b>this</b>',
        }
    valid = write_bundle(sample_bundle, tmp_path / "valid.annot")
    path = _with_first_item(html)(valid, tmp_path / "html.annot")
    question = next(a for a in read_bundle(path).annotations if a.motivation == "questioning")
    assert question.note == "Read this"
