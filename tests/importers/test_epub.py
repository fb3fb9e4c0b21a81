"""EPUB 2 and 3: every corpus book imports, and matches the expected parse results."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from annotator.core.document import BlockKind, InlineStyle
from annotator.importers import import_bytes
from annotator.importers.epub import read_package
from tests.importers.epub_factory import book

BOOKS = (
    "epub2-readium-smoketest.epub", "epub2-versone-typical-metadata.epub",
    "epub3-alice-in-wonderland.epub", "epub3-alice-without-cover.epub",
    "epub3-ar-arabic-wikipedia-rtl.epub", "epub3-ja-vertical-wikipedia.epub",
    "epub3-versone-typical-metadata.epub", "epub3-zh-chinese-wikipedia.epub",
)


@pytest.mark.parametrize("name", BOOKS)
def test_every_corpus_book_imports(corpus: Path, name: str) -> None:
    document = import_bytes((corpus / "epub" / name).read_bytes(), name)
    assert document.blocks[0].kind is BlockKind.TITLE
    assert document.metadata.title
    assert document.metadata.language
    assert len(document.text) > 50
    assert "<" not in document.text.replace("<<", "")


def _links(items: list[dict[str, Any]]) -> list[str]:
    titles: list[str] = []
    for item in items:
        if item["Type"] == "LINK":
            titles.append(item["Title"])
        titles += _links(item.get("NestedItems") or [])
    return titles


@pytest.mark.parametrize("version", ["epub2", "epub3"])
def test_versone_books_match_their_expected_results(corpus: Path, version: str) -> None:
    folder = corpus / "epub"
    name = f"{version}-versone-typical-metadata"
    case = json.loads((folder / "expected" / f"{name}.testcases.json").read_text("utf-8"))[0]
    expected = case["ExpectedResult"]
    paths = {item["$id"]: item["FilePath"] for item in case["ContentFiles"]}
    data = (folder / f"{name}.epub").read_bytes()
    _, package = read_package(data, f"{name}.epub")
    document = import_bytes(data, f"{name}.epub")
    meta = expected["Schema"]["Package"]["Metadata"]

    assert document.metadata.title == expected["Title"]
    assert document.metadata.author == expected["Author"]
    assert package.creators == expected["AuthorList"]
    assert package.titles == [t["Title"] for t in meta["Titles"]]
    assert package.languages == [lang["Language"] for lang in meta["Languages"]]
    assert document.metadata.language == meta["Languages"][0]["Language"]
    publication = next(d["Date"] for d in meta["Dates"] if d.get("Event") == "publication")
    assert document.metadata.date == date.fromisoformat(publication)
    assert package.spine == [paths[ref["$ref"]] for ref in expected["ReadingOrder"]]
    assert [entry.label for entry in package.toc] == _links(expected["Navigation"])
    headings = [document.block_text(b) for b in document.blocks if b.kind is BlockKind.HEADING]
    assert headings[-3:] == ["Chapter 1", "Chapter 2", "Chapter 3"]


def test_cjk_rtl_and_vertical_text_is_kept_as_text(corpus: Path) -> None:
    folder = corpus / "epub"
    samples = {"epub3-zh-chinese-wikipedia.epub": ("zh", "汉语"),
               "epub3-ar-arabic-wikipedia-rtl.epub": ("ar", "العربية"),
               "epub3-ja-vertical-wikipedia.epub": ("ja", "日本語")}
    for name, (language, word) in samples.items():
        document = import_bytes((folder / name).read_bytes(), name)
        assert document.metadata.language == language
        assert document.text.count(word) >= 5, name


def test_alice_has_its_chapters_in_spine_order(corpus: Path) -> None:
    name = "epub3-alice-in-wonderland.epub"
    document = import_bytes((corpus / "epub" / name).read_bytes(), name)
    headings = [document.block_text(b) for b in document.blocks if b.kind is BlockKind.HEADING]
    order = ["Down The Rabbit-Hole", "The Pool Of Tears", "A Caucus-Race And A Long Tale"]
    positions = [headings.index(title) for title in order]
    assert positions == sorted(positions)
    assert document.metadata.author == "Lewis Carroll"
    assert "Alice was beginning to get very tired" in document.text


def test_chapter_without_heading_gets_its_title_and_inline_styles_survive() -> None:
    data = book({"one.xhtml": "<p>Plain <b>bold</b> and <em>soft</em> words.</p>",
                 "two.xhtml": "<h2>Second</h2><blockquote><p>Quoted.</p></blockquote>"
                              "<ul><li>item</li></ul>"})
    document = import_bytes(data, "made.epub")
    kinds = [(b.kind, document.block_text(b)) for b in document.blocks]
    assert (BlockKind.HEADING, "T") in kinds  # chapter one's <title>
    assert (BlockKind.HEADING, "Second") in kinds
    assert (BlockKind.QUOTE, "Quoted.") in kinds
    assert (BlockKind.LIST_ITEM, "item") in kinds
    styled = {(i.style, document.text[i.start:i.end]) for i in document.inlines}
    assert styled == {(InlineStyle.BOLD, "bold"), (InlineStyle.ITALIC, "soft")}
    assert document.metadata.author == "Ana Ruiz"
    assert document.metadata.date == date(2024, 2, 3)
