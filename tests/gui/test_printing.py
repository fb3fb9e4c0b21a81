"""File ▸ Print and Print Preview (issue 11 item 4): the document with its highlights and
the reader's notes, typeset by the PDF exporter's typesetter onto a real QPrinter (a PDF
file, read back with pdftotext and pdftoppm)."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from PySide6.QtPrintSupport import (
    QPrintDialog,
    QPrinter,
    QPrintPreviewDialog,
    QPrintPreviewWidget,
)
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QTabWidget
from pytestqt.qtbot import QtBot

from annotator.exporters import NoteLayout
from annotator.gui import i18n
from annotator.gui.main_window import MainWindow
from annotator.gui.note_layout_box import NoteLayoutBox
from annotator.gui.printing import Printing

WAIT_MS = 30_000
NOTE = "Compare with the 2023 Woodside summit."


def _pdf_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def _annotated(window: MainWindow, qtbot: QtBot) -> None:
    qtbot.waitUntil(lambda: window.annotation_layer.document_id is not None, timeout=10_000)
    text = window.reading.document.text if window.reading else ""
    start = text.index("San Francisco vision")
    made = window.annotation_layer.highlight("purple", note=NOTE,
                                             span=(start, start + len("San Francisco vision")))
    assert made is not None


def _printing_to_file(window: MainWindow, qtbot: QtBot, path: Path) -> tuple[Printing, Path]:
    """The window's printing, with a note to print and its printer writing `path`."""
    _annotated(window, qtbot)
    printing = window.printing
    printing.printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printing.printer.setOutputFileName(str(path))
    return printing, path


def _print(window: MainWindow, qtbot: QtBot, path: Path) -> None:
    printing = window.printing
    with qtbot.waitSignal(printing.printed, timeout=WAIT_MS) as outcome:
        printing.print_to(_pdf_printer(path))
    assert outcome.args == [True]


def test_prints_the_title_the_text_and_the_note(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    if shutil.which("pdftotext") is None or shutil.which("pdftoppm") is None:
        pytest.fail("pdftotext and pdftoppm (poppler-utils) are missing: `make test` installs them")
    _annotated(window, qtbot)
    path = tmp_path / "printed.pdf"
    _print(window, qtbot, path)
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True,
                          capture_output=True, text=True).stdout
    flat = " ".join(text.split())
    assert "Stakes have never been higher for US-China cooperation" in flat
    assert NOTE in flat
    assert "China and the US on climate change" in flat  # the full text, not only cards
    assert "Page 1 of" in flat
    # One page as an image: the highlight tints are on paper (not all white and black).
    subprocess.run(["pdftoppm", "-png", "-r", "40", "-f", "2", "-l", "2", str(path),
                    str(tmp_path / "page")], check=True)
    [png] = tmp_path.glob("page*.png")
    image = QImage(str(png))
    colours = {image.pixelColor(x, y).name() for x in range(0, image.width(), 3)
               for y in range(0, image.height(), 3)}
    assert any(len({c[1:3], c[3:5], c[5:7]}) > 1 for c in colours), "no colour on the page"


def test_print_with_nothing_open_does_nothing(qtbot: QtBot, tmp_path: Path) -> None:
    from annotator.gui.settings import Settings

    window = MainWindow(Settings())
    qtbot.addWidget(window)
    printing = window.printing
    printing.print_to(_pdf_printer(tmp_path / "none.pdf"))
    assert printing.worker is None and not (tmp_path / "none.pdf").exists()
    assert printing.preview() is None


def test_preview_shows_the_pages(window: MainWindow, qtbot: QtBot) -> None:
    assert window.commands.print_preview in window.menuBar().actions()[0].menu().actions()
    window.commands.print_preview.trigger()
    dialog = window.findChild(QPrintPreviewDialog, "print-preview")
    assert isinstance(dialog, QPrintPreviewDialog)
    preview = dialog.findChild(QPrintPreviewWidget)
    assert isinstance(preview, QPrintPreviewWidget)
    qtbot.waitUntil(lambda: preview.pageCount() >= 2, timeout=WAIT_MS)
    assert window.findChild(Printing) is window.printing
    dialog.close()


def _pages(path: Path) -> list[str]:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True,
                          capture_output=True, text=True).stdout.split("\f")


def test_prints_the_note_as_a_card_beside_its_passage(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    _annotated(window, qtbot)
    window.printing.set_notes(NoteLayout.MARGIN)
    path = tmp_path / "margin.pdf"
    _print(window, qtbot, path)
    pages = _pages(path)
    [page] = [p for p in pages if "Francisco" in p]
    lines = page.splitlines()
    width = max(len(line) for line in lines)
    note_column = next(line.index("Compare with") for line in lines if "Compare with" in line)
    text_column = next(line.index("Francisco") for line in lines if "Francisco" in line)
    assert note_column > width * 0.6 > text_column
    assert "All notes" not in "".join(pages)
    # The choice is remembered for the next window.
    assert Printing(window, lambda: None, window.settings).notes is NoteLayout.MARGIN


def test_the_print_dialog_opens_with_the_notes_tab_in_view(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    printing, path = _printing_to_file(window, qtbot, tmp_path / "dialog.pdf")
    printing.print_document()
    dialog = window.findChild(QPrintDialog)
    assert isinstance(dialog, QPrintDialog)
    box = dialog.findChild(NoteLayoutBox)
    assert isinstance(box, NoteLayoutBox) and box.choice() is NoteLayout.END
    # Not folded behind "Options >>": the choice is seen as the dialog opens.
    qtbot.waitUntil(box.isVisible, timeout=5_000)
    tabs = dialog.findChild(QTabWidget)
    assert isinstance(tabs, QTabWidget)
    assert tabs.tabText(tabs.currentIndex()) == "Notes"
    dialog.grab().save(str(tmp_path / "print-dialog.png"))
    box.set_choice(NoteLayout.NONE)
    with qtbot.waitSignal(printing.printed, timeout=WAIT_MS):
        dialog.accept()
    assert printing.notes is NoteLayout.NONE
    text = "".join(_pages(path))
    assert "San Francisco" in text and NOTE not in text


def test_before_a_native_print_dialog_the_notes_place_is_asked_first(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    """Windows' and macOS's print dialogs show no tab of ours: a small step comes first."""
    printing, path = _printing_to_file(window, qtbot, tmp_path / "step.pdf")
    printing.print_document(notes_first=True)
    step = window.findChild(QDialog, "print-notes-step")
    assert isinstance(step, QDialog)
    qtbot.waitExposed(step)
    assert window.findChild(QPrintDialog) is None  # not yet
    box = step.findChild(NoteLayoutBox)
    assert isinstance(box, NoteLayoutBox) and box.isVisible()
    box.set_choice(NoteLayout.NONE)
    step.grab().save(str(tmp_path / "print-notes-step.png"))
    buttons = step.findChild(QDialogButtonBox)
    assert isinstance(buttons, QDialogButtonBox)
    go = buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert go.text() == "&Continue…"
    go.click()
    assert printing.notes is NoteLayout.NONE
    dialog = window.findChild(QPrintDialog)
    assert isinstance(dialog, QPrintDialog)
    with qtbot.waitSignal(printing.printed, timeout=WAIT_MS):
        dialog.accept()
    text = "".join(_pages(path))
    assert "San Francisco" in text and NOTE not in text


def test_the_preview_offers_the_notes_place_and_redraws(
    window: MainWindow, qtbot: QtBot
) -> None:
    _annotated(window, qtbot)
    dialog = window.printing.preview()
    assert dialog is not None
    preview = dialog.findChild(QPrintPreviewWidget)
    box = dialog.findChild(NoteLayoutBox)
    assert isinstance(preview, QPrintPreviewWidget) and isinstance(box, NoteLayoutBox)
    qtbot.waitUntil(lambda: preview.pageCount() >= 2, timeout=WAIT_MS)
    with qtbot.waitSignal(preview.paintRequested, timeout=WAIT_MS):
        box.set_choice(NoteLayout.MARGIN)
    assert window.printing.notes is NoteLayout.MARGIN
    dialog.close()


def test_a_chinese_window_prints_margin_cards_in_chinese_wrapped_in_the_margin(
    make_window: Callable[[], MainWindow], qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    installed = i18n.install(qapp, "zh_CN")
    assert installed.language == "zh_CN", "run make: the .qm is built from the .ts"
    try:
        window = make_window()
        qtbot.waitUntil(lambda: window.annotation_layer.document_id is not None,
                        timeout=10_000)
        text = window.reading.document.text if window.reading else ""
        start = text.index("Iran-Israel tensions")
        note = "这真的是合作吗？需要更多证据来支持这个说法，尤其是关于双方如何沟通的细节。"
        assert window.annotation_layer.highlight("pink", note=note,
                                                 span=(start, start + len("Iran-Israel")))
        window.printing.set_notes(NoteLayout.MARGIN)
        path = tmp_path / "zh.pdf"
        _print(window, qtbot, path)
    finally:
        installed.uninstall(qapp)
    [page] = [p for p in _pages(path) if "Iranian consulate" in p]
    lines = page.splitlines()
    width = max(len(line) for line in lines)
    # The card's head: the colour's meaning (the legend on this page has it too, at left).
    assert any(line.index("粉色: 疑问") > width * 0.6 for line in lines if "粉色: 疑问" in line)
    pieces = [line.split()[-1] for line in lines if any(c in line for c in "证据细节")]
    assert len(pieces) >= 2 and "".join(pieces).endswith("细节。")  # wrapped in the card
