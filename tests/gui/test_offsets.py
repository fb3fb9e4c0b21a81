"""Code points to Qt's UTF-16 positions and back, where emoji take two units."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor, QTextDocument

from annotator.gui.offsets import Utf16Map


def test_ascii_is_identity() -> None:
    positions = Utf16Map("plain text")
    assert [positions.to_qt(i) for i in range(5)] == [0, 1, 2, 3, 4]
    assert positions.from_qt(7) == 7


def test_emoji_shift_later_offsets_and_round_trip() -> None:
    text = "a😀b 🌍 café 👩‍🔬 end"
    positions = Utf16Map(text)
    for offset in range(len(text) + 1):
        qt = positions.to_qt(offset)
        assert qt == len(text[:offset].encode("utf-16-le")) // 2
        assert positions.from_qt(qt) == offset


def test_middle_of_surrogate_pair_rounds_down() -> None:
    positions = Utf16Map("a😀b")
    assert positions.from_qt(2) == 1  # between the two halves of 😀


def test_qt_document_agrees(qtbot: object) -> None:
    text = "🙂 one\n\ntwo 🚀 three"
    document = QTextDocument()
    document.setPlainText(text)
    positions = Utf16Map(text)
    start = text.index("three")
    cursor = QTextCursor(document)
    cursor.setPosition(positions.to_qt(start))
    cursor.setPosition(positions.to_qt(start + 5), QTextCursor.MoveMode.KeepAnchor)
    assert cursor.selectedText() == "three"
