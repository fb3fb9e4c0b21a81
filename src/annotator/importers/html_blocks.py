"""Turn an article's element tree into blocks and inline runs.

Shared by the HTML importer (readability's or trafilatura's article) and the EPUB
importer (XHTML chapters): headings, paragraphs, list items (with their depth), block
quotes and figure captions become blocks; bold, italic, code and links become runs.
Images are left out; scripts, styles, forms and embedded objects are never read.
Trafilatura's XML names (`head`, `list`/`item`, `quote`, `hi`, `ref`, `lb`) are read
as their HTML counterparts.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from annotator.core.document import BlockKind, DocumentBuilder, InlineStyle, Run

_SKIPPED = frozenset({
    "script", "style", "noscript", "template", "iframe", "object", "embed", "form",
    "button", "input", "select", "textarea", "svg", "math", "canvas", "video", "audio",
    "img", "graphic", "picture", "nav", "head", "title", "meta", "link", "aside",
})
_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_BLOCKS = frozenset({
    "p", "div", "section", "article", "main", "header", "footer", "body", "html", "ul",
    "ol", "li", "blockquote", "figure", "figcaption", "pre", "table", "tbody", "thead",
    "tfoot", "tr", "dl", "dt", "dd", "hr", "address", "center", "doc", "list", "item",
    "quote", "row", "caption", *_HEADINGS,
})
_STYLES = {
    "b": InlineStyle.BOLD, "strong": InlineStyle.BOLD, "i": InlineStyle.ITALIC,
    "em": InlineStyle.ITALIC, "cite": InlineStyle.ITALIC, "code": InlineStyle.CODE,
    "kbd": InlineStyle.CODE, "tt": InlineStyle.CODE, "samp": InlineStyle.CODE,
}
_REND = {"#b": InlineStyle.BOLD, "#i": InlineStyle.ITALIC, "#t": InlineStyle.CODE}
_LINK_SCHEMES = ("http://", "https://", "mailto:")
_MAX_SKIPPED = 1_000  # `skip_text` sees short blocks only (it drops a repeated title)


def local_name(element: Any) -> str:
    """The tag without its namespace, lower case; '' for comments and processing
    instructions (whose `tag` is a function, not a string)."""
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1].lower()


@dataclass
class BlockWalker:
    """Walks elements in document order, flushing runs into `builder` as blocks end."""

    builder: DocumentBuilder
    skip_text: Callable[[str], bool] = lambda _text: False
    runs: list[Run] = field(default_factory=list)
    kind: BlockKind = BlockKind.PARAGRAPH
    level: int = 0
    lists: int = 0
    quotes: int = 0
    check: Callable[[], None] = lambda: None
    """Called every 1,024 blocks: raises to stop a long walk (the reader cancelled)."""
    flushed: int = 0

    def flush(self) -> None:
        if not self.runs:
            return
        self.flushed += 1
        if self.flushed % 1024 == 0:
            self.check()
        text = "".join(run.text for run in self.runs)
        if text.strip() and (len(text) > _MAX_SKIPPED or not self.skip_text(" ".join(
                text.split()))):
            self.builder.add_runs(self.kind, self.runs, self.level)
        self.runs = []

    def text(self, text: str | None, styles: frozenset[InlineStyle], target: str) -> None:
        if text:
            self.runs.append(Run(text, styles, target))

    def walk(self, element: Any, styles: frozenset[InlineStyle] = frozenset(),
             target: str = "") -> None:
        name = local_name(element)
        if name in _SKIPPED or not name:
            return
        if name in _BLOCKS:
            self._block(element, name)
            return
        if name in _STYLES:
            styles = styles | {_STYLES[name]}
        elif name == "hi":
            style = _REND.get(str(element.get("rend", "")))
            styles = styles | {style} if style else styles
        elif name in ("a", "ref"):
            href = str(element.get("href") or element.get("target") or "").strip()
            if href.lower().startswith(_LINK_SCHEMES):
                styles, target = styles | {InlineStyle.LINK}, href
        elif name in ("br", "lb"):
            self.runs.append(Run(" "))
        self.text(element.text, styles, target)
        for child in element:
            self.walk(child, styles, target)
            self.text(child.tail, styles, target)

    def _block(self, element: Any, name: str) -> None:
        """A block element: what came before it is one block, its content others."""
        self.flush()
        saved = (self.kind, self.level, self.lists, self.quotes)
        if name in _HEADINGS or (name == "head"):
            self.kind, self.level = BlockKind.HEADING, _HEADINGS.get(name, 2)
        elif name in ("ul", "ol", "list", "dl"):
            self.lists += 1
        elif name in ("li", "item", "dd", "dt"):
            self.kind, self.level = BlockKind.LIST_ITEM, max(1, self.lists)
        elif name in ("blockquote", "quote"):
            self.quotes += 1
            self.kind, self.level = BlockKind.QUOTE, self.quotes
        elif name in ("figcaption", "caption"):
            self.kind, self.level = BlockKind.CAPTION, 0
        elif self.kind not in (BlockKind.QUOTE, BlockKind.LIST_ITEM, BlockKind.CAPTION):
            self.kind, self.level = BlockKind.PARAGRAPH, 0
        self.text(element.text, frozenset(), "")
        for child in element:
            self.walk(child)
            self.text(child.tail, frozenset(), "")
        self.flush()
        self.kind, self.level, self.lists, self.quotes = saved


def parse_html_fragment(html: str) -> Any:
    """An element tree of (sanitised) HTML; lxml's HTML parser fetches nothing.

    lxml is imported here, not at the top: the importer registry loads this module
    before the window's first paint, which must not pay ~18 ms for a parser that only
    web pages and EPUBs need (performance.md, first_paint_sample)."""
    from lxml import etree

    parser = etree.HTMLParser(no_network=True, remove_comments=True, remove_pis=True,
                              recover=True, huge_tree=False)
    return etree.fromstring(html, parser) if html.strip() else None
