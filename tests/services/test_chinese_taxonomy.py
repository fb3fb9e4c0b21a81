"""Chinese documents are read with the Chinese policy-area taxonomy (issue 11 item 2):
same area ids, Chinese terms, matched in text without spaces; chosen by the document's
declared or guessed language, unless the reader has a taxonomy of their own."""

from __future__ import annotations

import tomllib
from pathlib import Path

from annotator import bundled
from annotator.core.document import BlockKind, Document, DocumentBuilder, Metadata
from annotator.core.language import document_language, guess_language
from annotator.core.taxonomy import parse_taxonomy
from annotator.importers import import_path
from annotator.services.exporting import summarise
from annotator.services.reading import (
    active_taxonomy,
    bundled_taxonomy,
    read_document,
    suggested_area,
)

# Written for this test: one paragraph per area, as a Chinese news report would put it.
PARAGRAPHS = {
    "peace-security": "双方同意继续推动加沙停火谈判，防止地区冲突进一步升级。",
    "climate": "两国承诺加快能源转型，在本世纪中叶前实现碳中和，共同应对气候变化。",
    "ai-governance": "会议讨论了人工智能安全与算法透明度，呼吁建立全球统一的治理规则。",
    "multilateral-reform": (
        "中方主张践行真正的多边主义，推动全球治理体系改革，提升发展中国家的代表性。"),
    "people-exchange": "今年将有更多美国青年来华留学，两国还将扩大人文交流和旅游往来。",
}
UNRELATED = "这家面包店每天早上七点开门，招牌是红豆包和豆浆。"


def _document(*paragraphs: str, language: str = "") -> Document:
    builder = DocumentBuilder()
    builder.add(BlockKind.TITLE, "中美合作新进展")
    for paragraph in paragraphs:
        builder.add(BlockKind.PARAGRAPH, paragraph)
    return builder.build(Metadata(language=language))


def test_same_area_ids_and_colours_as_the_english_taxonomy() -> None:
    english = bundled_taxonomy()
    chinese = bundled_taxonomy("zh")
    assert chinese.ids == english.ids
    assert [a.color for a in chinese.areas] == [a.color for a in english.areas]
    assert [a.label for a in chinese.areas] == [
        "和平与安全", "气候", "人工智能治理", "多边改革", "人文交流"]
    raw = tomllib.loads(bundled.taxonomy_text("zh"))
    assert raw["name"] == "政策领域"


def test_each_paragraph_is_found_in_its_area_without_spaces() -> None:
    reading = read_document(_document(*PARAGRAPHS.values(), UNRELATED), active_taxonomy())
    assert reading.taxonomy.source.startswith("policy-areas.zh.toml")
    text = reading.document.text
    found = {text[s.start:s.end]: s.area for s in reading.spans}
    for area, paragraph in PARAGRAPHS.items():
        assert found.get(paragraph) == area, (area, found)
    assert UNRELATED not in found
    climate = next(s for s in reading.spans if s.area == "climate")
    assert {"能源转型", "碳中和", "应对气候变化"} <= set(climate.terms)


def test_false_friends_do_not_count() -> None:
    reading = read_document(_document("食品安全和金融稳定是今年的重点，人民币汇率保持稳定。"),
                            active_taxonomy())
    assert reading.taxonomy.source.startswith("policy-areas.zh.toml")
    assert reading.spans == ()


def test_language_declared_or_guessed() -> None:
    assert guess_language(PARAGRAPHS["climate"]) == "zh"
    assert guess_language("Climate talks resumed in Bonn on Monday.") == ""
    assert guess_language("気候変動への対応について話し合った。") == "ja"
    # A few Chinese names in an English text do not make it Chinese.
    assert guess_language("Wang Yi (王毅) met Antony Blinken in Beijing on Friday.") == ""
    assert document_language(_document("Climate talks resumed.", language="zh-Hans-CN")) == "zh"
    assert document_language(_document(PARAGRAPHS["climate"], language="en")) == "en"


def test_a_readers_highlight_in_chinese_text_is_given_its_area() -> None:
    document = _document(*PARAGRAPHS.values())
    start = document.text.index("加快能源转型")
    assert suggested_area(document, start, start + len("加快能源转型，在本世纪中叶前实现碳中和")) \
        == "climate"


def test_english_documents_keep_the_english_taxonomy() -> None:
    reading = read_document(_document("Both sides agreed to cut emissions and expand "
                                      "clean energy."), active_taxonomy())
    assert reading.taxonomy == bundled_taxonomy()
    assert {s.area for s in reading.spans} == {"climate"}


def test_a_readers_own_taxonomy_overrides_the_language(annotator_home: Path) -> None:
    own = annotator_home / "config" / "policy-areas.toml"
    own.parent.mkdir(parents=True)
    own.write_text('version = 1\n[[areas]]\nid = "climate"\nlabel = "Klima"\n'
                   'color = "#009E73"\ndescription = "Mine."\nterms = ["碳中和"]\n',
                   encoding="utf-8")
    reading = read_document(_document(*PARAGRAPHS.values()), active_taxonomy())
    assert reading.taxonomy.source == str(own)
    assert {s.area for s in reading.spans} == {"climate"}


def test_exports_of_a_chinese_document_use_the_chinese_labels() -> None:
    summary = summarise(_document(*PARAGRAPHS.values()), ())
    assert {entry.label for entry in summary.legend_areas} >= {"气候", "人文交流"}


def test_the_chinese_youth_page_is_highlighted(corpus: Path) -> None:
    document = import_path(corpus / "html-articles" / "youth" / "source.html")
    assert document_language(document) == "zh"
    reading = read_document(document, active_taxonomy())
    areas = {s.area for s in reading.spans}
    assert "people-exchange" in areas  # an article about students abroad
    terms = {t for s in reading.spans if s.area == "people-exchange" for t in s.terms}
    assert {"留学", "留学生"} & terms


def test_the_chinese_file_parses_like_any_taxonomy() -> None:
    taxonomy = parse_taxonomy(bundled.taxonomy_text("zh"), "policy-areas.zh.toml")
    assert all(area.terms for area in taxonomy.areas)
    assert not any(term.endswith("*") for area in taxonomy.areas for term in area.terms)
