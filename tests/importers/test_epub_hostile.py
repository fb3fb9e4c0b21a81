"""Hostile EPUBs (reliability-test-plan.md section B, T26-T29): refused by the caps or
names with a specific message, never unpacked to disk, never read outside the archive."""

from __future__ import annotations

import io
import stat
import zipfile
from pathlib import Path

import pytest

from annotator.errors import ImportRejected
from annotator.importers import import_bytes
from annotator.importers.epub import MAX_ENTRIES
from tests.importers.epub_factory import CONTAINER, book, chapter, make_epub, opf


def with_files(extra: dict[str, bytes]) -> bytes:
    files = {"META-INF/container.xml": CONTAINER, "OEBPS/content.opf": opf(["a.xhtml"]),
             "OEBPS/a.xhtml": chapter("<p>Hello there.</p>")}
    files.update(extra)
    return make_epub(files)


@pytest.mark.timeout(60)
def test_a_zip_bomb_is_refused_before_it_is_inflated() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("META-INF/container.xml", CONTAINER)
        archive.writestr("OEBPS/content.opf", opf(["a.xhtml"]))
        with archive.open("OEBPS/a.xhtml", "w") as entry:
            block = b"\0" * (1024 * 1024)
            for _ in range(200):
                entry.write(block)
    data = buffer.getvalue()
    assert len(data) < 1024 * 1024
    with pytest.raises(ImportRejected, match="zip bomb"):
        import_bytes(data, "bomb.epub")


def test_a_central_directory_that_lies_about_sizes_is_caught_while_streaming() -> None:
    text = b"<p>" + b"word " * 50_000 + b"</p>"
    data = bytearray(with_files({"OEBPS/a.xhtml": chapter(text.decode())}))
    # Shrink the declared size of a.xhtml in the central directory (and local header).
    real = len(chapter(text.decode()))
    data = bytearray(bytes(data).replace(real.to_bytes(4, "little"), (100).to_bytes(4, "little")))
    with pytest.raises(ImportRejected, match=r"corrupt EPUB|not a valid EPUB"):
        import_bytes(bytes(data), "liar.epub")


def test_too_many_entries_are_refused() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        for index in range(MAX_ENTRIES + 1):
            archive.writestr(f"x/{index}", b"")
    with pytest.raises(ImportRejected, match="files inside"):
        import_bytes(buffer.getvalue(), "many.epub")


@pytest.mark.parametrize("name", ["../../evil.txt", "/abs/evil.txt", "C:\\evil.txt",
                                  "OEBPS/../../evil", "a\\..\\b"])
def test_zip_slip_names_are_refused(name: str, tmp_path: Path,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ImportRejected, match="unsafe file name"):
        import_bytes(with_files({name: b"pwned"}), "slip.epub")
    assert list(tmp_path.iterdir()) == []  # nothing was extracted anywhere


def test_symlink_entries_and_duplicate_names_are_refused() -> None:
    link = zipfile.ZipInfo("OEBPS/link.xhtml")
    link.external_attr = (stat.S_IFLNK | 0o777) << 16
    buffer = io.BytesIO(with_files({}))
    with zipfile.ZipFile(buffer, "a") as archive:
        archive.writestr(link, "/etc/passwd")
    with pytest.raises(ImportRejected, match="unsafe file name"):
        import_bytes(buffer.getvalue(), "link.epub")
    buffer = io.BytesIO(with_files({}))
    with pytest.warns(UserWarning), zipfile.ZipFile(buffer, "a") as archive:
        archive.writestr("OEBPS/a.xhtml", chapter("<p>Second copy.</p>"))
    with pytest.raises(ImportRejected, match="duplicate file name"):
        import_bytes(buffer.getvalue(), "dup.epub")


@pytest.mark.parametrize("href", ["../../../../etc/passwd", "%2e%2e/%2e%2e/etc/passwd",
                                  "/etc/passwd", "file:///etc/passwd"])
def test_package_hrefs_that_leave_the_book_are_refused(href: str) -> None:
    data = with_files({"OEBPS/content.opf": opf([href])})
    with pytest.raises(ImportRejected, match="points outside the book"):
        import_bytes(data, "escape.epub")


def test_external_entities_are_never_resolved(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CANARY")
    head = f'<!DOCTYPE html [<!ENTITY x SYSTEM "file://{secret}">]>'
    data = with_files({"OEBPS/a.xhtml": chapter("<p>Before &x; after, and more.</p>", head)})
    document = import_bytes(data, "xxe.epub")
    assert "TOP-SECRET-CANARY" not in document.text
    assert "Before" in document.text


@pytest.mark.timeout(30)
def test_billion_laughs_does_not_expand() -> None:
    entities = '<!ENTITY a0 "lol">' + "".join(
        f'<!ENTITY a{i} "{("&a" + str(i - 1) + ";") * 10}">' for i in range(1, 10))
    data = with_files({"OEBPS/a.xhtml": chapter("<p>Start &a9; end words.</p>",
                                                f"<!DOCTYPE html [{entities}]>")})
    try:
        document = import_bytes(data, "laughs.epub")
    except ImportRejected:
        return
    assert document.text.count("lol") < 1000


def test_structure_errors_have_specific_messages() -> None:
    no_container = make_epub({"OEBPS/a.xhtml": chapter("<p>x</p>")})
    with pytest.raises(ImportRejected, match="no package document"):
        import_bytes(no_container, "bare.epub")
    empty_spine = with_files({"OEBPS/content.opf": opf([])})
    with pytest.raises(ImportRejected, match="spine is empty"):
        import_bytes(empty_spine, "empty.epub")
    drm = with_files({"META-INF/encryption.xml": b"""<encryption
      xmlns="urn:oasis:names:tc:opendocument:xmlns:container"
      xmlns:enc="http://www.w3.org/2001/04/xmlenc#"><enc:EncryptedData>
      <enc:EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#aes128-cbc"/>
      </enc:EncryptedData></encryption>"""})
    with pytest.raises(ImportRejected, match="DRM"):
        import_bytes(drm, "drm.epub")
    with pytest.raises(ImportRejected, match="not a valid EPUB"):
        import_bytes(b"PK\x03\x04 truncated", "cut.epub")
    with pytest.raises(ImportRejected, match="not valid XML"):
        import_bytes(with_files({"OEBPS/content.opf": b"<package><oops"}), "bad.epub")


def test_a_book_named_txt_is_still_read_as_a_book() -> None:
    data = book({"a.xhtml": "<h1>One</h1><p>Words of the first chapter.</p>"})
    assert "Words of the first chapter." in import_bytes(data, "book.txt").text
