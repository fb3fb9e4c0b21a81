"""Exports follow the window's language (issue 11 item 2): headings and labels of the
Markdown, HTML and PDF exports, and of a printout, come from the window's translation;
an English window writes exactly what the CLI writes."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from annotator.core.annotation import Annotation
from annotator.core.group_summary import GroupSummary, build_group_summary
from annotator.core.summary import SummaryOptions
from annotator.exporters import ExportOptions
from annotator.exporters.group import write_group
from annotator.exporters.wording import ENGLISH, Wording
from annotator.gui import i18n
from annotator.gui.export_wording import export_wording
from annotator.services.exporting import export_document
from annotator.services.reading import bundled_taxonomy, open_sample

WHEN = datetime(2026, 12, 4, 9, 30, tzinfo=UTC)


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    installed = i18n.install(qapp, "zh_CN")
    assert installed.language == "zh_CN", "run make: the .qm is built from the .ts"
    yield
    installed.uninstall(qapp)


def _export(fmt: str, path: Path) -> Path:
    reading = open_sample(bundled_taxonomy())
    options = ExportOptions(SummaryOptions(full_text=True, suggestions=True),
                            wording=export_wording())
    return export_document(reading.document, (), fmt, path, options, taxonomy=reading.taxonomy,
                           spans=reading.spans, generated=WHEN)


def test_an_english_window_writes_the_clis_words() -> None:
    assert export_wording() == ENGLISH


def test_markdown_and_html_in_chinese(chinese: None, tmp_path: Path) -> None:
    markdown = _export("md", tmp_path / "summary.md").read_text("utf-8")
    for heading in ("## 图例", "## 概览", "## 全文", "| 政策领域 | 段落数 | 正文占比 | |",
                    "批注摘要生成于 2026-12-04 09:30 UTC", "政策领域（建议）", "2024年5月22日"):
        assert heading in markdown, heading
    assert "Legend" not in markdown and "Full text" not in markdown
    page = _export("html", tmp_path / "summary.html").read_text("utf-8")
    assert '<html lang="zh-CN">' in page
    assert "<h2>图例</h2>" in page and "<h2>全文</h2>" in page
    assert "各政策领域在正文中的占比" in page


def test_pdf_in_chinese(chinese: None, tmp_path: Path) -> None:
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext (poppler-utils) is missing: `make test` installs it")
    pdf = _export("pdf", tmp_path / "summary.pdf")
    text = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True,
                          text=True).stdout
    for words in ("图例", "概览", "全文", "第 1 页，共"):
        assert words in text, words
    assert "Page 1 of" not in text


def _group_summary() -> GroupSummary:
    reading = open_sample(bundled_taxonomy())
    text = reading.document.text

    def on(quote: str, author: str, n: int, **fields: object) -> Annotation:
        start = text.index(quote)
        return Annotation("doc", start, start + len(quote), quote, author_id=author,
                          author_name=author, id=f"id-{n}", **fields)  # type: ignore[arg-type]

    marks = [on("climate", "li", 1, note="warming", area="climate"),
             on("climate", "sam", 2, area="climate"), on("cooperation", "li", 3, note="why?")]
    return build_group_summary(reading.document, marks, reading.taxonomy,
                               {"li": "Li", "sam": "Sam"})


def test_group_summary_in_chinese(chinese: None, tmp_path: Path) -> None:
    summary, wording = _group_summary(), export_wording()
    markdown = write_group(summary, "md", tmp_path / "g.md", wording).read_text("utf-8")
    for words in ("# 小组摘要：", "## 成员", "| 成员 | 标记数 | 笔记 |", "## 热点", "*2 名成员*",
                  "- **Sam**: *(仅高亮，无笔记)*", "## 其他高亮"):
        assert words in markdown, words
    for english in ("Group summary", "Members", "Hot spots", "member", "highlight"):
        assert english not in markdown, english
    page = write_group(summary, "html", tmp_path / "g.html", wording).read_text("utf-8")
    assert '<html lang="zh-CN">' in page and "<h2>热点</h2>" in page and "仅高亮，无笔记" in page
    write_group(summary, "csv", tmp_path / "g.csv", wording)
    csv_text = (tmp_path / "g.csv").read_text("utf-8-sig")
    assert csv_text.startswith("section,passage,") and "\n热点," in csv_text


def test_group_summary_in_an_english_window_is_the_clis(tmp_path: Path) -> None:
    summary = _group_summary()
    window = write_group(summary, "md", tmp_path / "w.md", export_wording()).read_bytes()
    cli = write_group(summary, "md", tmp_path / "c.md").read_bytes()
    assert window == cli
    assert b"*2 members*" in cli and b"*1 member*" in cli


def _vision(**fields: object) -> Annotation:
    """A highlight on "San Francisco vision" of the sample."""
    text = open_sample(bundled_taxonomy()).document.text
    start = text.index("San Francisco vision")
    return Annotation("doc", start, start + 20, "San Francisco vision",
                      **fields)  # type: ignore[arg-type]


def _exported_text(annotation: Annotation, fmt: str, folder: Path, wording: Wording) -> str:
    """The text of the sample's export with only `annotation`, in `wording`."""
    reading = open_sample(bundled_taxonomy())
    options = ExportOptions(SummaryOptions(suggestions=False), wording=wording)
    path = export_document(reading.document, [annotation], fmt, folder / f"s.{fmt}", options,
                           taxonomy=reading.taxonomy, spans=reading.spans, generated=WHEN)
    if fmt == "pdf":
        return subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True,
                              text=True).stdout
    return path.read_text("utf-8")


def test_highlights_with_no_area_are_headed_in_chinese(chinese: None, tmp_path: Path) -> None:
    loose = _vision(color="purple", note="follow up")
    for fmt in ("md", "html", "pdf"):
        text = _exported_text(loose, fmt, tmp_path, export_wording())
        assert "其他高亮" in text and "未归入任何政策领域的高亮。" in text, fmt
        assert "Other highlights" not in text and "no policy area" not in text, fmt


def test_an_area_the_taxonomy_lacks_is_named_in_chinese(chinese: None, tmp_path: Path) -> None:
    """A note filed under an area the reader later removed keeps its heading, in the
    window's language: the export, and the group summary of the same note."""
    lost = _vision(area="marsupials", note="noted long ago", author_id="li", author_name="Li")
    taxonomy = bundled_taxonomy()
    assert "marsupials" not in {area.id for area in taxonomy.areas}
    for fmt in ("md", "html", "pdf"):
        text = _exported_text(lost, fmt, tmp_path, export_wording())
        assert "未知领域“marsupials”" in text and "noted long ago" in text, fmt
        assert "Unknown area" not in text and "current taxonomy" not in text, fmt
    reading = open_sample(taxonomy)
    group = build_group_summary(reading.document, [lost], taxonomy, {"li": "Li"},
                                unknown_area=export_wording().unknown_areas)
    markdown = write_group(group, "md", tmp_path / "g.md", export_wording()).read_text("utf-8")
    assert "## 未知领域“marsupials”" in markdown and "Unknown area" not in markdown


def test_a_colour_chosen_by_hex_is_explained_in_chinese(chinese: None, tmp_path: Path) -> None:
    own = _vision(color="#2a6f97", note="my own colour")
    for fmt in ("md", "html"):
        text = _exported_text(own, fmt, tmp_path, export_wording())
        assert "2a6f97" in text and "自定义颜色" in text and "Custom colour" not in text, fmt


def test_an_area_the_taxonomy_lacks_is_named_in_english_by_default(tmp_path: Path) -> None:
    text = _exported_text(_vision(area="marsupials"), "md", tmp_path, ENGLISH)
    assert "Unknown area 'marsupials'" in text and "current taxonomy does not have" in text
