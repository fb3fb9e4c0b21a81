"""EPUB 2 and 3 books: metadata, and the chapters in spine order as blocks.

An EPUB is an untrusted ZIP of XML, read with `zipfile` and lxml behind caps, and never
extracted to disk:

- every entry name is checked before anything is read: absolute names, `..`, drive
  letters, backslashes, NUL, symbolic links and duplicates refuse the file (zip-slip);
- the entry count, each entry's compression ratio and the declared total are capped,
  and the bytes actually inflated are counted while streaming, so a central directory
  that lies about sizes cannot get past the caps (a zip bomb);
- XML is parsed with `resolve_entities=False`, `no_network=True`, `load_dtd=False` and
  `huge_tree=False`: no external entity, DTD or network is ever touched;
- hrefs from the package are resolved inside the archive's namespace
  (`posixpath.normpath`); one that escapes it refuses the file;
- DRM (an `encryption.xml` that encrypts more than fonts) is refused by name.

Chapters keep their headings; a chapter without one gets its table-of-contents label
(or its `<title>`) as a heading, so the chapter list in the window can jump to it.
Right-to-left and vertical books are kept as text in their logical order.
"""

from __future__ import annotations

import io
import posixpath
import stat
import struct
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import unquote, urldefrag

from annotator.core.document import BlockKind, Document, DocumentBuilder, Metadata
from annotator.errors import ImportRejected
from annotator.importers.base import Cancelled, Progress, check_cancelled
from annotator.importers.bylines import parse_date
from annotator.importers.html_blocks import BlockWalker, local_name

MAX_ENTRIES = 10_000
MAX_ENTRY_BYTES = 64 * 1024 * 1024
MAX_TOTAL_BYTES = 256 * 1024 * 1024
MAX_RATIO = 100
_RATIO_FLOOR = 1024 * 1024  # small entries may compress well (a page of spaces)
_CHUNK = 64 * 1024
_XHTML = ("application/xhtml+xml", "text/html", "application/x-dtbook+xml")
_FONT_OBFUSCATION = {"http://www.idpf.org/2008/embedding",
                     "http://ns.adobe.com/pdf/enc#RC"}
_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, RuntimeError,
           zlib.error, EOFError, OSError, ValueError, struct.error, KeyError)


@dataclass(frozen=True, slots=True)
class TocEntry:
    label: str
    path: str
    anchor: str
    depth: int


@dataclass
class Package:
    """What the OPF says: metadata, the reading order and the table of contents."""

    titles: list[str] = field(default_factory=list)
    creators: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    dates: list[tuple[str, str]] = field(default_factory=list)  # (event, value)
    spine: list[str] = field(default_factory=list)
    toc: list[TocEntry] = field(default_factory=list)

    @property
    def published(self) -> str:
        for event, value in self.dates:
            if event == "publication":
                return value
        return next((value for event, value in self.dates if event != "creation"),
                    self.dates[0][1] if self.dates else "")


class _Archive:
    """The ZIP with its names checked and every read counted against the caps."""

    def __init__(self, data: bytes, name: str) -> None:
        self.name = name
        self.read_so_far = 0
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self.zip.infolist()
        except _ERRORS:
            raise ImportRejected(f"{name} is not a valid EPUB: it is not a readable ZIP "
                                 "archive.") from None
        if len(infos) > MAX_ENTRIES:
            raise ImportRejected(f"{name} has {len(infos):,} files inside; an EPUB may have "
                                 f"at most {MAX_ENTRIES:,}.")
        self.names: dict[str, zipfile.ZipInfo] = {}
        declared = 0
        for info in infos:
            self._check_name(info)
            declared += info.file_size
            if info.file_size > MAX_ENTRY_BYTES or (
                info.file_size > _RATIO_FLOOR
                and info.file_size > MAX_RATIO * max(1, info.compress_size)
            ):
                raise self._bomb()
            self.names[info.filename] = info
        if declared > MAX_TOTAL_BYTES:
            raise self._bomb()

    def _bomb(self) -> ImportRejected:
        return ImportRejected(
            f"{self.name} is refused: it would unpack to far more than it holds (a "
            f"'zip bomb'); Annotator reads at most {MAX_TOTAL_BYTES // 1_048_576} MB "
            "from a book.")

    def _check_name(self, info: zipfile.ZipInfo) -> None:
        raw = info.filename
        parts = raw.split("/")
        unsafe = (
            not raw or raw.startswith(("/", "\\")) or "\\" in raw or "\x00" in raw
            or ".." in parts or (len(raw) > 1 and raw[1] == ":")
            or stat.S_ISLNK(info.external_attr >> 16)
        )
        if unsafe or raw in self.names:
            what = "a duplicate file name" if raw in self.names else "an unsafe file name"
            raise ImportRejected(f"{self.name} is refused: it contains {what} "
                                 f"({raw[:80]!r}).")

    def read(self, path: str) -> bytes:
        """An entry's bytes, streamed and counted; the caps hold whatever sizes claim."""
        info = self.names.get(path)
        if info is None:
            raise ImportRejected(f"{self.name} is not a valid EPUB: {path!r} is missing.")
        chunks: list[bytes] = []
        size = 0
        try:
            with self.zip.open(info) as entry:
                while chunk := entry.read(_CHUNK):
                    size += len(chunk)
                    self.read_so_far += len(chunk)
                    if size > MAX_ENTRY_BYTES or self.read_so_far > MAX_TOTAL_BYTES:
                        raise self._bomb()
                    chunks.append(chunk)
        except _ERRORS:
            raise ImportRejected(f"{self.name} is a corrupt EPUB: {path!r} cannot be "
                                 "unpacked.") from None
        return b"".join(chunks)

    def resolve(self, base: str, href: str) -> tuple[str, str]:
        """(path inside the archive, fragment) of `href` relative to file `base`."""
        target, fragment = urldefrag(href.strip())
        target = unquote(target)
        if not target:
            return base, fragment
        if "://" in target or target.startswith(("/", "\\")) or ":" in target.split("/")[0]:
            raise self._escapes(href)
        joined = posixpath.normpath(posixpath.join(posixpath.dirname(base), target))
        if joined.startswith("../") or joined == ".." or "\x00" in joined:
            raise self._escapes(href)
        return joined, fragment

    def _escapes(self, href: str) -> ImportRejected:
        return ImportRejected(f"{self.name} is refused: it points outside the book "
                              f"({href[:80]!r}).")


def _xml(data: bytes, name: str, what: str) -> Any:
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                             huge_tree=False, remove_comments=True, remove_pis=True)
    try:
        return etree.fromstring(data, parser)
    except (etree.XMLSyntaxError, ValueError):
        raise ImportRejected(f"{name} is a corrupt EPUB: its {what} is not valid XML.") from None


def _chapter_tree(data: bytes) -> Any:
    """A chapter's element tree: XHTML as XML, else (HTML entities, sloppy markup) as
    HTML. Neither parser loads a DTD, resolves an external entity or fetches."""
    from lxml import etree

    xml = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                          huge_tree=False, remove_comments=True, remove_pis=True)
    try:
        return etree.fromstring(data, xml)
    except (etree.XMLSyntaxError, ValueError):
        html = etree.HTMLParser(no_network=True, remove_comments=True, remove_pis=True,
                                huge_tree=False)
        try:
            return etree.fromstring(data, html)
        except (etree.XMLSyntaxError, ValueError):
            return None


def _children(element: Any, name: str) -> Iterator[Any]:
    return (child for child in element.iter() if local_name(child) == name)


def _text(element: Any) -> str:
    return " ".join("".join(element.itertext()).split())


def _opf_path(archive: _Archive) -> str:
    if "META-INF/container.xml" in archive.names:
        container = _xml(archive.read("META-INF/container.xml"), archive.name, "container")
        for rootfile in _children(container, "rootfile"):
            path = str(rootfile.get("full-path") or "")
            if path in archive.names:
                return path
    candidates = [n for n in archive.names if n.lower().endswith(".opf")]
    if len(candidates) == 1:
        return candidates[0]
    raise ImportRejected(f"{archive.name} is not a valid EPUB: it has no package "
                         "document (META-INF/container.xml names none).")


def _check_drm(archive: _Archive) -> None:
    if "META-INF/encryption.xml" not in archive.names:
        return
    encryption = _xml(archive.read("META-INF/encryption.xml"), archive.name, "encryption.xml")
    for method in _children(encryption, "encryptionmethod"):
        if str(method.get("Algorithm") or "") not in _FONT_OBFUSCATION:
            raise ImportRejected(f"{archive.name} is protected by DRM (encrypted); "
                                 "Annotator can only open books without it.")


def read_package(data: bytes, name: str) -> tuple[_Archive, Package]:
    """The archive and its package document: metadata, spine and table of contents."""
    archive = _Archive(data, name)
    _check_drm(archive)
    opf_path = _opf_path(archive)
    opf = _xml(archive.read(opf_path), name, "package document")
    package = Package()
    manifest: dict[str, tuple[str, str, str]] = {}
    for element in opf.iter():
        tag = local_name(element)
        if tag == "title" and _text(element):
            package.titles.append(_text(element))
        elif tag == "creator" and _text(element):
            package.creators.append(_text(element))
        elif tag == "language" and _text(element):
            package.languages.append(_text(element))
        elif tag == "date" and _text(element):
            event = next((str(v) for k, v in element.attrib.items() if k.endswith("event")), "")
            package.dates.append((event, _text(element)))
        elif tag == "item" and element.get("id") and element.get("href"):
            path, _ = archive.resolve(opf_path, str(element.get("href")))
            manifest[str(element.get("id"))] = (
                path, str(element.get("media-type") or ""), str(element.get("properties") or ""))
    spine = next(_children(opf, "spine"), None)
    if spine is not None:
        for itemref in _children(spine, "itemref"):
            item = manifest.get(str(itemref.get("idref") or ""))
            if item is not None and item[1] in _XHTML and item[0] in archive.names:
                package.spine.append(item[0])
    if not package.spine:
        raise ImportRejected(f"{name} is an EPUB with no chapters to read (its spine is "
                             "empty).")
    package.toc = _toc(archive, manifest, spine)
    return archive, package


def _toc(archive: _Archive, manifest: dict[str, tuple[str, str, str]], spine: Any) -> list[
        TocEntry]:
    """The EPUB 3 nav document's toc, else the EPUB 2 NCX; empty if neither reads."""
    nav = next((path for path, _, props in manifest.values() if "nav" in props.split()), None)
    if nav is not None and nav in archive.names:
        tree = _chapter_tree(archive.read(nav))
        if tree is not None:
            from_nav = _nav_entries(archive, nav, tree)
            if from_nav:
                return from_nav
    ncx_id = str(spine.get("toc") or "") if spine is not None else ""
    ncx = manifest.get(ncx_id, (None, "", ""))[0] or next(
        (path for path, media, _ in manifest.values() if media == "application/x-dtbncx+xml"),
        None)
    if ncx is None or ncx not in archive.names:
        return []
    tree = _xml(archive.read(ncx), archive.name, "table of contents (NCX)")
    entries: list[TocEntry] = []

    def visit(point: Any, depth: int) -> None:
        label = next((_text(t) for t in _children(point, "text")), "")
        content = next((c for c in point if local_name(c) == "content"), None)
        if content is not None and content.get("src"):
            path, anchor = archive.resolve(ncx, str(content.get("src")))
            entries.append(TocEntry(label, path, anchor, depth))
        for child in point:
            if local_name(child) == "navpoint":
                visit(child, depth + 1)

    nav_map = next(_children(tree, "navmap"), None)
    for point in nav_map if nav_map is not None else ():
        if local_name(point) == "navpoint":
            visit(point, 1)
    return entries


def _nav_entries(archive: _Archive, nav: str, tree: Any) -> list[TocEntry]:
    entries: list[TocEntry] = []
    for element in _children(tree, "nav"):
        kind = next((str(v) for k, v in element.attrib.items() if k.endswith("type")), "")
        if kind and kind != "toc":
            continue
        for link in _children(element, "a"):
            href = str(link.get("href") or "")
            if not href:
                continue
            depth = sum(1 for a in link.iterancestors() if local_name(a) in ("ol", "ul"))
            path, anchor = archive.resolve(nav, href)
            entries.append(TocEntry(_text(link), path, anchor, depth))
        if entries:
            break
    return entries


def read(data: bytes, name: str, progress: Progress, cancelled: Cancelled) -> Document:
    archive, package = read_package(data, name)
    labels: dict[str, str] = {}
    for entry in package.toc:
        if not entry.anchor:
            labels.setdefault(entry.path, entry.label)
    title = package.titles[0] if package.titles else PurePosixPath(name).stem
    author = ", ".join(package.creators)
    published = parse_date(package.published)
    builder = DocumentBuilder()
    builder.add(BlockKind.TITLE, title, 1)
    byline = f"By {author}" if author else ""
    shown_date = f"{published:%B} {published.day}, {published.year}" if published else ""
    builder.add(BlockKind.BYLINE, " · ".join(p for p in (byline, shown_date) if p))
    for number, path in enumerate(package.spine):
        check_cancelled(cancelled, name)
        progress(number / len(package.spine))
        tree = _chapter_tree(archive.read(path))
        if tree is None:
            continue
        body = next(_children(tree, "body"), tree)
        heading = labels.get(path) or next((_text(t) for t in _children(tree, "title")), "")
        if heading and not _starts_with_heading(body):
            builder.add(BlockKind.HEADING, heading, 1)
        walker = BlockWalker(builder, check=lambda: check_cancelled(cancelled, name))
        walker.walk(body)
        walker.flush()
    progress(1.0)
    return builder.build(Metadata(
        title=title, author=author, date=published, byline=byline,
        language=package.languages[0] if package.languages else ""))


_HEADINGS = {f"h{n}" for n in range(1, 7)}


def _starts_with_heading(body: Any) -> bool:
    """Whether the chapter's first words are a heading; True for a chapter with no
    words at all (a cover picture needs no heading of its own)."""
    first = body.xpath("(.//text()[normalize-space()][not(ancestor::*[local-name()='script'"
                       " or local-name()='style'])])[1]")
    if not first:
        return True
    owner = first[0].getparent()
    if first[0].is_tail:
        owner = owner.getparent()
    chain = [owner, *owner.iterancestors()] if owner is not None else []
    return any(local_name(element) in _HEADINGS for element in chain)
