"""Notes are Markdown written by anyone who shared a bundle: render them, then sanitise.

markdown-it-py runs with raw HTML off (a `<script>` in a note stays text) and without
images (a note cannot make the reader's viewer fetch a tracking pixel; `![x](url)` stays
a plain link). nh3 then keeps only an explicit allowlist of tags and attributes, and
only http, https and mailto links, whatever markdown-it let through.
"""

from __future__ import annotations

from functools import cache

import nh3
from markdown_it import MarkdownIt

ALLOWED_TAGS = frozenset({
    "p", "br", "em", "strong", "code", "pre", "blockquote", "ul", "ol", "li", "a", "hr",
    "h1", "h2", "h3", "h4", "h5", "h6",
})
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}}
URL_SCHEMES = frozenset({"http", "https", "mailto"})


@cache
def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": False}).disable("image")


def note_html(note: str) -> str:
    """Safe HTML for a note: allowlisted tags only, no scripts, styles or remote images."""
    rendered = _parser().render(note)
    return nh3.clean(
        rendered,
        tags=set(ALLOWED_TAGS),
        attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(URL_SCHEMES),
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )
