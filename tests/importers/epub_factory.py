"""Small EPUBs built in tests, well-formed or hostile on purpose."""

from __future__ import annotations

import io
import zipfile

CONTAINER = b"""<?xml version="1.0"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles><rootfile full-path="OEBPS/content.opf"
   media-type="application/oebps-package+xml"/></rootfiles></container>"""


def opf(chapters: list[str], title: str = "A Book", extra_items: str = "") -> bytes:
    items = "".join(f'<item id="c{i}" href="{href}" media-type="application/xhtml+xml"/>'
                    for i, href in enumerate(chapters))
    refs = "".join(f'<itemref idref="c{i}"/>' for i in range(len(chapters)))
    return f"""<?xml version="1.0"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
<metadata><dc:title>{title}</dc:title><dc:creator>Ana Ruiz</dc:creator>
<dc:language>en</dc:language><dc:date>2024-02-03</dc:date></metadata>
<manifest>{items}{extra_items}</manifest><spine>{refs}</spine></package>""".encode()


def chapter(body: str, head: str = "") -> bytes:
    return f"""<?xml version="1.0" encoding="utf-8"?>{head}
<html xmlns="http://www.w3.org/1999/xhtml"><head><title>T</title></head>
<body>{body}</body></html>""".encode()


def make_epub(files: dict[str, bytes], *, mimetype: bool = True) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        if mimetype:
            archive.writestr(zipfile.ZipInfo("mimetype"), b"application/epub+zip",
                             compress_type=zipfile.ZIP_STORED)
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def book(chapters: dict[str, str]) -> bytes:
    """A valid EPUB 3 with these chapters (file name -> body XHTML) in order."""
    files = {"META-INF/container.xml": CONTAINER, "OEBPS/content.opf": opf(list(chapters))}
    files.update({f"OEBPS/{name}": chapter(body) for name, body in chapters.items()})
    return make_epub(files)
