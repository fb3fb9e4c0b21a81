"""Saved web pages: the article, without navigation, ads, comments or share widgets.

Extraction is not written by hand. `tests/importers/test_html_corpus.py` measures
readability-lxml and trafilatura on the html-articles corpus (word-level F1 against
each page's reference text); readability-lxml scored higher, so it extracts first, and
trafilatura takes over when readability returns too little (under `MIN_WORDS`) or
fails. Metadata (title, author, date, site) comes from trafilatura's extractor, which
reads meta tags, JSON-LD and bylines; the title is checked against the page's `<h1>`.

Untrusted markup: both extractors parse with lxml, which fetches nothing and loads no
DTD; readability's output is sanitised with nh3 to an allow-list of text tags before
it is walked into blocks (`html_blocks.py`). No HTML reaches Qt: the reading view gets
text, blocks and inline ranges. Links keep their target but are never followed.

The charset comes from the bytes first: valid UTF-8 is UTF-8 whatever the page
declares (the corpus's `qq/` page declares gb2312 and is UTF-8); otherwise the declared
charset (WHATWG aliases: gb2312 is read as GB18030, latin-1 as windows-1252), otherwise
windows-1252.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from annotator.core.document import BlockKind, Document, DocumentBuilder, Metadata
from annotator.errors import ImportRejected
from annotator.importers.base import Cancelled, Progress, check_cancelled
from annotator.importers.bylines import parse_date
from annotator.importers.decoding import OPENS, binary_kind
from annotator.importers.html_blocks import BlockWalker, local_name, parse_html_fragment

MIN_WORDS = 50
# The extractors slow down faster than linearly: 12,000 empty divs take them 6 s, 1 MB of
# words in one paragraph 11 s (htmldate scans all text for dates). The corpus's pages have
# 457-2,159 elements and up to 1.2 MB; larger pages are walked as they are (`_plain`).
MAX_ELEMENTS = 8_000
MAX_EXTRACT_CHARS = 2_000_000
_NOT_AUTHORS = {"Username", "username", "Admin", "admin"}
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""",
                           re.IGNORECASE)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
_BASE = re.compile(r"<base\b[^>]*>", re.IGNORECASE)  # relative links stay relative
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")  # lxml refuses them in text
_WORDS = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af]|\w+")
_ALIASES = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030",
            "iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252",
            "us-ascii": "cp1252", "ascii": "cp1252", "iso8859-1": "cp1252"}
_TEXT_TAGS = {
    "p", "div", "section", "article", "main", "header", "footer", "span", "br", "hr",
    "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "blockquote",
    "figure", "figcaption", "pre", "code", "kbd", "samp", "tt", "b", "strong", "i", "em",
    "cite", "a", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "sub",
    "sup", "small", "mark", "abbr", "time", "q", "u", "s", "del", "ins",
}


def words(text: str) -> int:
    """Words, counting each CJK character as one (those scripts put no spaces)."""
    return len(_WORDS.findall(text))


def decode_html(data: bytes, name: str) -> str:
    """The page as text: BOM, then valid UTF-8, then the declared charset, then cp1252."""
    what = binary_kind(data)
    if what is not None:
        raise ImportRejected(f"{name} is not a web page: it looks like {what}. {OPENS}")
    if data.startswith(codecs.BOM_UTF8):
        text = data[3:].decode("utf-8", "replace")
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = data.decode("utf-16", "replace")
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode(_declared(data), "replace")
    return _BASE.sub("", _XML_DECLARATION.sub("", _CONTROLS.sub("", text), count=1))


def _declared(data: bytes) -> str:
    match = _META_CHARSET.search(data[:8192])
    label = match[1].decode("ascii").lower() if match else ""
    label = _ALIASES.get(label, label)
    try:
        return codecs.lookup(label).name if label else "cp1252"
    except LookupError:
        return "cp1252"


def _readability(html: str) -> tuple[Any, str]:
    """readability-lxml's article (sanitised, parsed) and its idea of the title."""
    import nh3
    from readability import Document as Readable

    readable = Readable(html)
    summary = readable.summary(html_partial=True)
    clean = nh3.clean(summary, tags=_TEXT_TAGS, attributes={"a": {"href"}},
                      url_schemes={"http", "https", "mailto"}, link_rel=None,
                      strip_comments=True)
    return parse_html_fragment(clean), str(readable.short_title() or "")


def _trafilatura(tree: Any) -> Any:
    """trafilatura's article as its XML (head, p, list/item, quote, hi, ref)."""
    import trafilatura
    from lxml import etree

    xml = trafilatura.extract(tree, output_format="xml", include_comments=False,
                              include_tables=True, include_formatting=True,
                              include_links=True, include_images=False, fast=True)
    if not xml:
        return None
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                             huge_tree=False, recover=True)
    return etree.fromstring(xml.encode("utf-8"), parser)


def _text_of(element: Any) -> str:
    return " ".join("".join(element.itertext()).split()) if element is not None else ""


def _authors(raw: str | None) -> str:
    seen: dict[str, str] = {}
    for part in (raw or "").split(";"):
        part = " ".join(part.split())
        if part and part.lower() not in seen:
            seen[part.lower()] = part
    return ", ".join(seen.values())


def _title(candidates: list[str], tree: Any, article: Any) -> str:
    """The candidate that is the article's first heading, else one of the page's
    `<h1>`s, else the first non-empty one (a page's meta title or its `<h1>` is often
    a section's name)."""
    cleaned = [" ".join(c.split()) for c in candidates if c.strip()]
    first = next(iter(article.iter("h1", "h2", "head")), None)
    for headings in ({_text_of(first)}, {_text_of(h) for h in tree.iter("h1")}):
        for candidate in cleaned:
            if candidate in headings:
                return candidate
    return cleaned[0] if cleaned else ""


@dataclass
class _Found:
    """An article element and what the page says about it."""

    article: Any
    titles: list[str]
    author: str = ""
    date: str = ""
    site: str = ""


def _extracted(html: str, tree: Any, name: str, progress: Progress,
               cancelled: Cancelled) -> _Found:
    """readability-lxml's article, or trafilatura's when it finds too little; metadata
    from trafilatura's extractor."""
    from trafilatura.metadata import extract_metadata

    meta = extract_metadata(tree, author_blacklist=_NOT_AUTHORS)
    progress(0.3)
    article, readable_title = None, ""
    try:
        article, readable_title = _readability(html)
    except Exception:  # readability-lxml raises its own (and lxml's) errors on odd pages
        article = None
    check_cancelled(cancelled, name)
    progress(0.6)
    if words(_text_of(article)) < MIN_WORDS:
        try:
            fallback = _trafilatura(tree)
        except Exception:  # trafilatura, like readability, fails in its own ways
            fallback = None
        if words(_text_of(fallback)) > words(_text_of(article)):
            article = fallback
    return _Found(article, [meta.title or "", readable_title], _authors(meta.author),
                  meta.date or "", meta.sitename or "")


def _meta(tree: Any, *keys: str) -> str:
    for element in tree.iter("meta"):
        key = str(element.get("property") or element.get("name") or "").lower()
        if key in keys and element.get("content"):
            return str(element.get("content"))
    return ""


def _plain(tree: Any) -> _Found:
    """For a page too large for the extractors (they slow down faster than linearly on
    tens of thousands of elements): its `<article>`, `<main>` or body, walked as is,
    and the metadata its meta tags give."""
    article = next(tree.iter("article"), None)
    if article is None:
        article = next(tree.iter("main"), None)
    if article is None:
        article = tree.find("body") if tree.find("body") is not None else tree
    title = next((_text_of(t) for t in tree.iter("title")), "")
    return _Found(article, [_meta(tree, "og:title"), title],
                  _authors(_meta(tree, "author", "article:author")),
                  _meta(tree, "article:published_time", "date", "pubdate"),
                  _meta(tree, "og:site_name"))


def read(data: bytes, name: str, progress: Progress, cancelled: Cancelled) -> Document:
    import lxml.html
    from lxml import etree

    html = decode_html(data, name)
    if not html.strip():
        raise ImportRejected(f"{name} is empty: there is no text to read.")
    progress(0.05)
    try:
        tree = lxml.html.document_fromstring(html, parser=lxml.html.HTMLParser(
            no_network=True, remove_comments=True, remove_pis=True, huge_tree=False))
    except (etree.ParserError, ValueError):
        raise ImportRejected(f"{name} could not be read as a web page.") from None
    check_cancelled(cancelled, name)
    elements = sum(1 for _ in tree.iter())
    found = (_extracted(html, tree, name, progress, cancelled)
             if elements <= MAX_ELEMENTS and len(html) <= MAX_EXTRACT_CHARS else _plain(tree))
    check_cancelled(cancelled, name)
    progress(0.85)
    if found.article is None:
        raise ImportRejected(f"{name} has no article text that Annotator could find.")
    title = _title(found.titles, tree, found.article) or Path(name).stem
    published = parse_date(found.date)
    site = " ".join(found.site.split())
    builder = DocumentBuilder()
    builder.add(BlockKind.TITLE, title, 1)
    byline = f"By {found.author}" if found.author else ""
    shown_date = f"{published:%B} {published.day}, {published.year}" if published else ""
    builder.add(BlockKind.BYLINE, " · ".join(p for p in (byline, shown_date, site) if p))
    walker = BlockWalker(builder, skip_text=lambda text: text == title,
                         check=lambda: check_cancelled(cancelled, name))
    article = found.article
    walker.walk(article if local_name(article) else article.getroot())
    walker.flush()
    progress(1.0)
    language = " ".join(str(tree.get("lang") or tree.get("xml:lang") or "").split())
    return builder.build(Metadata(title=title, author=found.author, date=published,
                                  source=site, byline=byline, language=language))
