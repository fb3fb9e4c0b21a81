"""Fuzzing every importer: whatever the bytes, the result is a Document or the app's own
ImportRejected, never another exception, a hang or a broken offset (issue 10, issue 13
'Tests'). Pathological inputs from reliability-test-plan.md section B (T20, T22, T26)."""

from __future__ import annotations

import io
import time
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.core.document import Document
from annotator.errors import ImportRejected
from annotator.importers import import_bytes
from annotator.importers.decoding import MAX_BYTES
from tests.importers.epub_factory import book

SUFFIXES = [".txt", ".md", ".html", ".epub", ".xhtml", ""]
TAGS = ["<p>", "</p>", "<h1>", "</h1>", "<ul><li>", "</li></ul>", "<blockquote>", "<b>",
        "</i>", "<a href='http://x'>", "<script>", "<!--", "-->", "<![CDATA[", "&amp;",
        "&#0;", "&#xD800;", "<?xml?>", "<!DOCTYPE html>", "<html>", "<body>", "<table><tr>",
        "<meta charset='utf-16'>", "<meta charset=bogus>", "<svg>", "<math>", "<base href=x>"]
BOOK = book({"a.xhtml": "<h1>One</h1><p>First <b>bold</b> words.</p>",
             "b.xhtml": "<h2>Two</h2><ul><li>item</li></ul>"})


def check(document: Document) -> None:
    assert document.text.strip()
    previous_end = -2
    for block in document.blocks:
        assert previous_end + 2 <= block.start < block.end <= len(document.text)
        assert document.block_text(block) == document.block_text(block).strip()
        previous_end = block.end
    for inline in document.inlines:
        assert any(b.start <= inline.start < inline.end <= b.end for b in document.blocks)


def outcome(data: bytes, name: str) -> None:
    try:
        document = import_bytes(data, name)
    except ImportRejected as exc:
        assert str(exc).strip()
        assert "\n" not in str(exc)
        return
    check(document)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=3000), suffix=st.sampled_from(SUFFIXES))
def test_any_bytes_under_any_name(data: bytes, suffix: str) -> None:
    outcome(data, f"fuzz{suffix}")


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(parts=st.lists(st.one_of(st.sampled_from(TAGS), st.text(max_size=40)), max_size=60),
       suffix=st.sampled_from([".html", ".md", ".txt"]))
def test_markup_soup(parts: list[str], suffix: str) -> None:
    outcome("".join(parts).encode("utf-8", "surrogatepass"), f"soup{suffix}")


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(flips=st.lists(st.tuples(st.integers(0, len(BOOK) - 1), st.integers(0, 255)),
                      min_size=1, max_size=12))
def test_damaged_epubs(flips: list[tuple[int, int]]) -> None:
    data = bytearray(BOOK)
    for position, value in flips:
        data[position] = value
    outcome(bytes(data), "damaged.epub")


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cut=st.integers(0, len(BOOK)))
def test_truncated_epubs(cut: int) -> None:
    outcome(BOOK[:cut], "cut.epub")


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(entries=st.dictionaries(
    # zipfile cannot write a name with NUL or a lone surrogate.
    st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
            min_size=1, max_size=30),
    st.binary(max_size=200), max_size=8))
def test_arbitrary_archives_named_epub(entries: dict[str, bytes]) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    outcome(buffer.getvalue(), "random.epub")


@pytest.mark.timeout(60)
@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("quotes.md", b"> " * 100_000 + b"deep"),
        ("lists.md", b"".join(b"  " * i + b"- x\n" for i in range(2_000))),
        ("bullets.md", b"- " * 100_000 + b"deep"),
        ("stars.md", b"*a " * 50_000),
        ("refs.md", b"".join(b"[r%d]: http://e/%d\n" % (i, i) for i in range(20_000))
         + b"[r1] and [r2]"),
        ("nested.html", b"<div>" * 100_000 + b"text " * 100 + b"</div>" * 100_000),
        ("tags.html", b"<html><body>" + b"<b><i>" * 50_000 + b"words</body></html>"),
    ],
)
def test_pathological_markup_finishes(name: str, data: bytes) -> None:
    started = time.perf_counter()
    outcome(data, name)
    assert time.perf_counter() - started < 30


@pytest.mark.timeout(120)
@pytest.mark.parametrize("suffix", [".txt", ".md", ".html"])
def test_a_long_single_line_imports_and_a_50_mb_one_is_refused(suffix: str) -> None:
    line = b"word " * (2 * 1024 * 1024 // 5)  # 2 MB, no line break
    outcome(line, f"line{suffix}")
    with pytest.raises(ImportRejected, match="too large"):
        import_bytes(b"x" * (50 * 1024 * 1024), f"huge{suffix}")
    assert MAX_BYTES < 50 * 1024 * 1024
