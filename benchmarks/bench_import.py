"""Import figures (issue 10): a saved news page and a 2 MB EPUB, with peak memory.

- `import_html_article`: seconds to import one ~300 KB saved news page (navigation,
  scripts, a sidebar, comments and a ~35 KB article), against `lxml.html.fromstring`
  of the same bytes: the parse every extractor pays at least once.
- `import_html_article_nytimes`: the same for the corpus's `nytimes-1` page (311 KB),
  when `../shared/corpus` is there: a real page has more nesting and metadata to read.
- `import_epub_2mb`: seconds to import a 2 MB EPUB (20 chapters of prose plus stored
  images, as real books carry), against reading every entry of it with `zipfile`.

Peak memory is the peak resident set (VmHWM) of a fresh child process that does only
that work, against a child that only parses (HTML) or only unpacks (EPUB). The inputs
are generated from the benchmark prose (`common.prose_text`); nothing is downloaded.
"""

from __future__ import annotations

import io
import os
import random
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from benchmarks.common import ROOT, Figure, best_of, prose_text

_CHILD = r"""
import sys
path, mode = sys.argv[1], sys.argv[2]
import lxml.html, zipfile
from annotator.importers import import_bytes
data = open(path, "rb").read()
if mode == "import":
    import_bytes(data, path)
elif mode == "parse":
    lxml.html.fromstring(data)
else:
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            archive.read(name)
with open("/proc/self/status") as status:
    for line in status:
        if line.startswith("VmHWM:"):
            print(int(line.split()[1]) / 1024)
"""


def news_page(size: int = 300_000) -> bytes:
    """A saved news page of about `size` bytes, shaped like the corpus's pages."""
    rng = random.Random(7)
    paragraphs = [p for p in prose_text(200_000).split("\n\n") if len(p) > 200][:60]
    article = "".join(f"<p>{p}</p>" + ("<h2>Background</h2>" if i % 12 == 11 else "")
                      for i, p in enumerate(paragraphs[:45]))
    nav = "".join(f'<li><a href="/section/{i}">Section {i}</a></li>' for i in range(120))
    related = "".join(f'<li><a href="/story/{i}">{paragraphs[i % 40][:80]}</a></li>'
                      for i in range(60))
    comments = "".join(f'<div class="comment"><b>reader{i}</b><p>{paragraphs[i % 30][:300]}'
                       "</p></div>" for i in range(40))
    page = (
        "<!DOCTYPE html><html lang=en><head><meta charset=utf-8>"
        "<title>Stakes have never been higher | The Daily</title>"
        '<meta property="og:site_name" content="The Daily">'
        '<meta name="author" content="Ana Ruiz">'
        '<meta property="article:published_time" content="2024-05-22T08:00:00Z">'
        "<style>" + "".join(f".c{i}{{margin:{i}px}}" for i in range(800)) + "</style>"
        f"</head><body><header><nav><ul>{nav}</ul></nav></header>"
        '<main><article><h1>Stakes have never been higher</h1>'
        '<p class="byline">By Ana Ruiz</p>'
        f"{article}</article>"
        f'<aside class="related"><ul>{related}</ul></aside>'
        f'<section id="comments">{comments}</section></main>'
        '<footer><div class="share">Share on every network</div></footer>'
    )
    while len(page) < size:  # ads, trackers and teaser grids, as real pages carry
        n = rng.randrange(10**6)
        page += (f'<div class="ad slot-{n}"><script>window.ad{n}={{id:{n}}};</script>'
                 f'<a href="/promo/{n}"><img src="/i/{n}.jpg" alt="Offer {n}"></a>'
                 f'<ul class="teasers">{related[:1500]}</ul></div>')
    return (page + "</body></html>").encode()


def epub_2mb() -> bytes:
    """A 2 MB EPUB: 20 chapters (~1.2 MB of XHTML) and stored images."""
    text = prose_text(1_300_000).split("\n\n")
    rng = random.Random(11)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/epub+zip")
        archive.writestr("META-INF/container.xml", '<container xmlns="urn:oasis:names:'
                         'tc:opendocument:xmlns:container"><rootfiles><rootfile '
                         'full-path="OEBPS/book.opf"/></rootfiles></container>')
        items, refs = [], []
        per = len(text) // 20
        for number in range(20):
            body = "".join(f"<p>{p}</p>" for p in text[number * per:(number + 1) * per])
            archive.writestr(f"OEBPS/c{number}.xhtml",
                             '<html xmlns="http://www.w3.org/1999/xhtml"><head><title>'
                             f"Chapter {number}</title></head><body><h1>Chapter {number}"
                             f"</h1>{body}</body></html>")
            items.append(f'<item id="c{number}" href="c{number}.xhtml" '
                         'media-type="application/xhtml+xml"/>')
            refs.append(f'<itemref idref="c{number}"/>')
        archive.writestr("OEBPS/book.opf",
                         '<package xmlns="http://www.idpf.org/2007/opf" version="3.0" '
                         'xmlns:dc="http://purl.org/dc/elements/1.1/"><metadata>'
                         "<dc:title>Benchmark Book</dc:title><dc:language>en</dc:language>"
                         f"</metadata><manifest>{''.join(items)}</manifest>"
                         f"<spine>{''.join(refs)}</spine></package>")
        size = buffer.tell()
        index = 0
        while size < 2 * 1024 * 1024:
            archive.writestr(zipfile.ZipInfo(f"OEBPS/img{index}.jpg"),
                             rng.randbytes(200_000))
            size, index = buffer.tell(), index + 1
    return buffer.getvalue()


def _peak_rss(path: Path, mode: str) -> float:
    env = {**os.environ, "ANNOTATOR_HOME": tempfile.mkdtemp(prefix="annotator-bench-")}
    runs = [float(subprocess.run([sys.executable, "-c", _CHILD, str(path), mode], cwd=ROOT,
                                 env=env, capture_output=True, text=True, timeout=300,
                                 check=True).stdout.split()[-1]) for _ in range(3)]
    return min(runs)


def run() -> list[Figure]:
    import lxml.html

    from annotator.importers import import_bytes

    folder = Path(tempfile.mkdtemp(prefix="annotator-bench-import-"))
    page = news_page()
    book = epub_2mb()
    (folder / "page.html").write_bytes(page)
    (folder / "book.epub").write_bytes(book)
    assert len(import_bytes(page, "page.html").text) > 20_000
    assert len(import_bytes(book, "book.epub").text) > 1_000_000

    def unpack() -> None:
        with zipfile.ZipFile(io.BytesIO(book)) as archive:
            for name in archive.namelist():
                archive.read(name)

    figures = []
    real = ROOT.parent / "shared" / "corpus" / "html-articles" / "nytimes-1" / "source.html"
    if real.is_file():
        nytimes = real.read_bytes()
        figures.append(Figure(
            "import_html_article_nytimes", best_of(lambda: import_bytes(nytimes, "n.html")),
            "s", f"lxml.html.fromstring of the same {len(nytimes) // 1000} KB",
            best_of(lambda: lxml.html.fromstring(nytimes)), None))
    return [
        *figures,
        Figure("import_html_article", best_of(lambda: import_bytes(page, "page.html")), "s",
               f"lxml.html.fromstring of the same {len(page) // 1000} KB",
               best_of(lambda: lxml.html.fromstring(page)), None),
        Figure("import_html_article_peak", _peak_rss(folder / "page.html", "import"), "MiB",
               "peak RSS parsing it with lxml", _peak_rss(folder / "page.html", "parse"), None),
        Figure("import_epub_2mb", best_of(lambda: import_bytes(book, "book.epub"), 3), "s",
               f"zipfile reading every entry of the {len(book) // 1000} KB book",
               best_of(unpack), None),
        Figure("import_epub_2mb_peak", _peak_rss(folder / "book.epub", "import"), "MiB",
               "peak RSS unpacking it", _peak_rss(folder / "book.epub", "unpack"), None),
    ]
