"""Imported emphasis and links are drawn in the reading view (issue 7 item 14)."""

from __future__ import annotations

from PySide6.QtGui import QFont, QPalette, QTextBlock, QTextListFormat
from pytestqt.qtbot import QtBot

from annotator.gui.reader_view import ReaderView
from annotator.importers import import_bytes
from annotator.services.reading import bundled_taxonomy, read_document

ARTICLE = """# Fjords and finance

*By Ingrid Solberg · 14 March 2025 · Nordic Policy Review*

Oslo is **very** firm on *climate* finance, says [the ministry](https://example.org/m).

> Quoted words.
""".encode()


def _shown(qtbot: QtBot, markdown: bytes, name: str) -> tuple[ReaderView, str]:
    """A reader view showing `markdown` imported as `name`, and the document's text."""
    reading = read_document(import_bytes(markdown, name), bundled_taxonomy())
    view = ReaderView()
    qtbot.addWidget(view)
    view.resize(800, 600)
    view.show_reading(reading)
    return view, reading.document.text


def test_bold_italic_and_links_are_drawn_and_plain_words_are_not(qtbot: QtBot) -> None:
    view, text = _shown(qtbot, ARTICLE, "nordic.md")

    def at(word: str) -> int:
        return text.index(word) + 1

    assert view.char_format_at(at("very")).fontWeight() == QFont.Weight.Bold
    assert view.char_format_at(at("firm")).fontWeight() != QFont.Weight.Bold
    assert view.char_format_at(at("climate")).fontItalic()
    assert not view.char_format_at(at("finance")).fontItalic()
    link = view.char_format_at(at("ministry"))
    assert link.foreground().color() == view.palette().color(QPalette.ColorRole.Link)
    assert link.toolTip() == "https://example.org/m"
    assert not link.isAnchor()  # shown, never followed
    assert view.char_format_at(at("Quoted")).fontItalic()


LISTED = b"""# Ocean treaties

The treaty lists three aims.

- Fisheries subsidies
- Marine protected areas
  - in the high seas
- Shared science

After the list, prose again.
"""


def test_list_items_carry_bullets_and_keep_every_offset(qtbot: QtBot) -> None:
    view, text = _shown(qtbot, LISTED, "ocean.md")
    page = view.page.document()

    def block_at(phrase: str) -> QTextBlock:
        return page.findBlock(view.positions.to_qt(text.index(phrase)))

    top = block_at("Fisheries").textList()
    assert top is not None and top.format().style() is QTextListFormat.Style.ListDisc
    assert block_at("Shared science").textList() is top
    nested = block_at("in the high seas").textList()
    assert nested is not None and nested is not top
    assert nested.format().style() is QTextListFormat.Style.ListCircle
    assert block_at("After the list").textList() is None
    assert block_at("The treaty").textList() is None
    # bullets are drawn, not typed: the page's text is still the document's
    assert page.toPlainText() == text
