"""The window as the reader left it is the next launch's first frame (gui/last_frame.py):
kept on closing, painted first, then replaced by the live window once that has opened
the library, looking the same. A picture that no longer shows what the window would
(other settings, another size, another language) is never painted."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from annotator.app import create_main_window, last_picture, remember_last_frame
from annotator.gui import last_frame
from annotator.gui.main_window import MainWindow
from annotator.gui.settings import Settings
from annotator.importers import slow_to_import

SAMPLE_TITLE = "Stakes have never been higher for US-China cooperation to get into gear"


def _live(qtbot: QtBot, window: MainWindow) -> None:
    """Show `window` and wait until it is live: panels built, library open."""
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.completed and not window.showing_picture
                    and window.annotation_layer.session is not None, timeout=15_000)
    qtbot.wait(20)  # posted layout and paint events


def _leave(qtbot: QtBot, size: tuple[int, int] = (760, 600), *,
           bars: bool = False, document: Path | None = None) -> QImage:
    """A reader's launch on the sample, closed as a reader closes it: its picture.
    `bars`: closed with the name question and find in page open above the article.
    `document`: that file instead, read to its middle, a few pixels past a line."""
    window = create_main_window(str(document) if document else None)
    qtbot.addWidget(window)
    window.resize(*size)
    _live(qtbot, window)
    if document is not None:
        assert window.reading is not None
        window.reader.scroll_to_offset(len(window.reading.document.text) // 2)
        bar = window.reader.page.verticalScrollBar()
        bar.setValue(bar.value() + 7)
    if bars:
        window.ask_identity()
        window.open_find()
        window.find_bar.box.setText("climate")
        qtbot.waitUntil(lambda: window.reader.page.y() > 60)  # below the two bars
    window.close()
    remember_last_frame(window)
    assert window.last_frame is not None
    return window.last_frame.image


def _same_share(first: QImage, second: QImage) -> float:
    """The share of pixels two images of one size have in common (sampled every 3rd)."""
    assert first.size() == second.size()
    second = second.convertToFormat(first.format())
    points = [(x, y) for y in range(0, first.height(), 3) for x in range(0, first.width(), 3)]
    return sum(first.pixel(x, y) == second.pixel(x, y) for x, y in points) / len(points)


@pytest.mark.parametrize(("bars", "file"), [(False, False), (True, False), (False, True)],
                         ids=["sample", "with-bars", "file-read-halfway"])
def test_a_closed_window_is_painted_first_then_the_live_one_looks_the_same(
    qtbot: QtBot, tmp_path: Path, sample_path: Path, bars: bool, file: bool,
) -> None:
    document = tmp_path / "article.txt"
    document.write_bytes(sample_path.read_bytes())
    left = _leave(qtbot, bars=bars, document=document if file else None)
    window = create_main_window(None)
    qtbot.addWidget(window)
    assert window.showing_picture
    assert window.windowTitle() == f"{SAMPLE_TITLE} — Annotator"
    first_frames: list[QImage] = []
    window.call_after_first_frame(lambda: QTimer.singleShot(  # grabbed after its paint
        0, lambda: first_frames.append(window.grab().toImage())))
    window.show()
    qtbot.waitUntil(lambda: bool(first_frames), timeout=10_000)
    assert _same_share(left, first_frames[0]) == 1.0  # the picture, pixel for pixel
    _live(qtbot, window)
    live = window.grab().toImage()
    live.save(str(tmp_path / "live-after-picture.png"))
    # The live window is the picture's window: only the scroll bar's thumb may differ,
    # the page's text being laid out as far as it is shown.
    assert _same_share(left, live) > 0.995
    bar = window.statusBar().geometry()  # word count and area summary, exactly as left
    assert _same_share(left.copy(bar), live.copy(bar)) == 1.0
    assert window.reading is not None and window.reading.document.metadata.title == SAMPLE_TITLE
    assert window.reading.path == (document if file else None)
    assert window.reader.page.document().toPlainText().startswith(SAMPLE_TITLE)
    assert len(window.library_panel.ids()) == 1


def test_changed_settings_or_language_leave_the_picture_unpainted(qtbot: QtBot) -> None:
    _leave(qtbot)
    assert last_picture(Settings()) is not None
    settings = Settings()
    settings.zoom = 1.5
    settings.sync()
    assert last_picture(Settings()) is None  # the page would be set larger
    _leave(qtbot)
    assert last_picture(Settings()) is not None
    settings = Settings()
    settings.language = "zh_CN"  # chosen, waiting for a restart: the window still speaks
    window = MainWindow(settings)  # English, so it takes no picture, and forgets the last
    qtbot.addWidget(window)
    window.open_initial(None)
    _live(qtbot, window)
    window.close()
    remember_last_frame(window)
    assert window.last_frame is None and last_picture(Settings()) is None


def test_a_window_of_another_size_paints_no_picture_and_still_comes_live(
    qtbot: QtBot,
) -> None:
    _leave(qtbot, size=(760, 600))
    settings = Settings()
    window = create_main_window(None)
    qtbot.addWidget(window)
    assert window.showing_picture
    window.resize(700, 500)  # as a window manager might, on a smaller screen
    first_frames: list[QImage] = []
    window.call_after_first_frame(lambda: QTimer.singleShot(  # grabbed after its paint
        0, lambda: first_frames.append(window.grab().toImage())))
    window.show()
    qtbot.waitUntil(lambda: bool(first_frames), timeout=10_000)
    frame = first_frames[0]
    assert frame.pixel(350, 250) == frame.pixel(10, 10)  # the window's background only
    _live(qtbot, window)
    assert window.reader.isVisible() and window.reader.width() > 300
    assert settings.reader_look == window.settings.reader_look


def test_closing_behind_the_picture_changes_nothing_it_would_show(
    qtbot: QtBot, annotator_home: Path,
) -> None:
    _leave(qtbot)
    state = annotator_home / "state" / "state.ini"
    before = state.read_bytes()
    window = create_main_window(None)
    qtbot.addWidget(window)
    window.show()
    window.close()  # before the live window came
    remember_last_frame(window)
    assert state.read_bytes() == before
    assert window.last_frame is None
    assert last_picture(Settings()) is not None  # the last one still shows that window


def test_a_desktop_turned_dark_leaves_a_light_picture_unpainted(qtbot: QtBot) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    light = app.palette()
    last_frame.note_system_tone(app)  # as app.py does before the theme
    _leave(qtbot)
    assert last_picture(Settings()) is not None
    dark = QPalette(light)
    dark.setColor(QPalette.ColorRole.Window, QColor("#202020"))
    app.setPalette(dark)
    try:
        last_frame.note_system_tone(app)  # the next start, on a desktop turned dark
        assert last_picture(Settings()) is None
    finally:
        app.setPalette(light)
        last_frame.note_system_tone(app)
    assert last_picture(Settings()) is not None


def test_a_window_whose_name_question_was_answered_closes_with_its_picture(
    qtbot: QtBot,
) -> None:
    window = create_main_window(None)
    qtbot.addWidget(window)
    _live(qtbot, window)
    window.ask_identity()
    bar = window.identity_bar
    assert isinstance(bar, QWidget)
    line = bar.findChild(QLineEdit)
    assert isinstance(line, QLineEdit) and line.hasFocus()
    line.selectAll()
    qtbot.keyClicks(line, "Mei Lin")
    with qtbot.waitSignal(bar.destroyed):  # answered, the bar deletes itself
        qtbot.keyClick(line, Qt.Key.Key_Return)
    assert window.identity_bar is None
    window.close()
    remember_last_frame(window)
    assert window.last_frame is not None and last_picture(Settings()) is not None


def test_a_file_handed_over_behind_the_picture_opens_at_its_beginning(
    qtbot: QtBot, tmp_path: Path, sample_path: Path,
) -> None:
    last = tmp_path / "article.txt"
    last.write_bytes(sample_path.read_bytes())
    _leave(qtbot, document=last)  # closed halfway through
    other = tmp_path / "another.txt"
    other.write_text("Another article\n\n" + "A paragraph of another article.\n\n" * 200,
                     encoding="utf-8")
    window = create_main_window(None)
    qtbot.addWidget(window)
    assert window.showing_picture
    first_frames: list[bool] = []
    window.call_after_first_frame(lambda: first_frames.append(window.showing_picture))
    window.show()
    qtbot.waitUntil(lambda: bool(first_frames), timeout=10_000)
    window.receive_file(other)  # `annotator another.txt` while the picture is shown
    _live(qtbot, window)
    assert window.reading is not None and window.reading.path == other
    assert window.reader.top_offset() == 0  # not the last document's place


def test_a_long_last_document_comes_live_at_the_readers_place(
    qtbot: QtBot, tmp_path: Path, sample_path: Path,
) -> None:
    path = tmp_path / "long.txt"
    path.write_text(sample_path.read_text(encoding="utf-8").replace("\n", "\n\n") * 400,
                    encoding="utf-8")
    assert slow_to_import(path)
    window = create_main_window(str(path))
    qtbot.addWidget(window)
    window.resize(760, 600)
    qtbot.waitUntil(lambda: window.reading is not None and window.reading.path == path,
                    timeout=60_000)
    _live(qtbot, window)
    assert window.reading is not None
    window.reader.scroll_to_offset(len(window.reading.document.text) // 2)
    place = window.reader.top_offset()
    left = window.grab().toImage()
    window.close()
    remember_last_frame(window)
    assert window.last_frame is not None

    window = create_main_window(None)
    qtbot.addWidget(window)
    assert window.showing_picture
    _live(qtbot, window)
    assert window.reading is not None and window.reading.path == path
    assert window.reader.top_offset() == place
    assert _same_share(left, window.grab().toImage()) > 0.99


def test_a_changed_last_document_leaves_the_picture_unpainted(
    qtbot: QtBot, tmp_path: Path, sample_path: Path,
) -> None:
    document = tmp_path / "article.txt"
    document.write_bytes(sample_path.read_bytes())
    _leave(qtbot, document=document)
    assert last_picture(Settings()) is not None
    with document.open("ab") as more:
        more.write(b"\n\nA paragraph added since.\n")
    assert last_picture(Settings()) is None


UNTIL_LIVE = textwrap.dedent("""
    import sys
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QApplication, QLineEdit, QWidget
    from annotator import app as app_module
    from annotator.gui.main_window import MainWindow
    def poll(first):
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        if first:
            print("PICTURE", windows[0].showing_picture, flush=True)
        window = windows[0]
        if (window.showing_picture or not window.completed
                or window.annotation_layer.session is None):
            QTimer.singleShot(50, lambda: poll(False))
            return
        print("LIVE", flush=True)
    QTimer.singleShot(0, lambda: poll(True))
    sys.exit(app_module.run_gui())
""")


def _launch_until_live(home: Path, scale: str = "1") -> str:
    """`annotator` as started from a desktop, closed by SIGTERM once live: whether it
    opened on a picture. `scale`: the desktop's scaling (QT_SCALE_FACTOR)."""
    env = {**os.environ, "ANNOTATOR_HOME": str(home), "QT_QPA_PLATFORM": "offscreen",
           "QT_SCALE_FACTOR": scale}
    with subprocess.Popen([sys.executable, "-c", UNTIL_LIVE], env=env, text=True,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE) as child:
        assert child.stdout is not None
        opened = child.stdout.readline().strip()
        live = child.stdout.readline().strip()
        child.send_signal(signal.SIGTERM)
        _out, errors = child.communicate(timeout=60)
    assert live == "LIVE" and child.returncode == 0, errors
    return opened


@pytest.mark.parametrize("scale", ["1", "2"])
def test_annotator_leaves_its_picture_for_the_next_start(
    annotator_home: Path, scale: str,
) -> None:
    kept = annotator_home / "state" / "cache" / "last-frame.bin"
    assert _launch_until_live(annotator_home, scale) == "PICTURE False"
    assert kept.is_file()
    assert _launch_until_live(annotator_home, scale) == "PICTURE True"
    assert _launch_until_live(annotator_home, scale) == "PICTURE True"  # the second's


@pytest.mark.parametrize("damage", ["foreign", "truncated", "other key"])
def test_a_damaged_or_foreign_picture_is_not_painted(
    qtbot: QtBot, annotator_home: Path, damage: str,
) -> None:
    _leave(qtbot)
    path = annotator_home / "state" / "cache" / "last-frame.bin"
    data = path.read_bytes()
    if damage == "foreign":
        path.write_bytes(b"GIF89a" + data[6:])
    elif damage == "truncated":
        path.write_bytes(data[:-1])
    assert last_frame.kept(b"another key") is None
    found = last_frame.kept(last_frame.frame_key(Settings().last_document))
    assert (found is not None) == (damage == "other key")
    window = create_main_window(None)
    qtbot.addWidget(window)
    assert window.showing_picture == (damage == "other key")
    _live(qtbot, window)
    assert window.reader.page.document().toPlainText().startswith(SAMPLE_TITLE)
