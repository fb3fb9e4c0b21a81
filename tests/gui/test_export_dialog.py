"""File ▸ Export…: real dialog, real exporters, real store and files; the worker waited on."""

from __future__ import annotations

import json
from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from pytestqt.qtbot import QtBot

from annotator import bundled
from annotator.exporters import FORMATS, NoteLayout
from annotator.gui.export_dialog import FOLDER_KEY, ExportDialog, default_file_name
from annotator.gui.main_window import MainWindow
from annotator.gui.settings import Settings
from annotator.importers import import_bytes
from annotator.services.annotating import Annotating
from annotator.services.identity import Identity
from annotator.services.library import Library
from annotator.services.library_services import Services
from annotator.services.reading import Reading, bundled_taxonomy, open_sample, read_document
from annotator.store import Store

WAIT_MS = 30_000


@pytest.fixture
def reading() -> Reading:
    return open_sample(bundled_taxonomy())


@pytest.fixture
def store() -> Iterator[Store]:
    with Store.open() as opened:
        yield opened


@pytest.fixture
def stored_id(store: Store, reading: Reading) -> str:
    """The sample in the library with two readers' highlights, notes and tags."""
    library = Library(store)
    doc_id = library.add(reading.document)
    doc = library.document(doc_id)
    annotating = Annotating(store, Identity(store).reader())
    annotating.highlight_quote(doc, "San Francisco vision", color="purple",
                               note="Follow up: <script>alert(1)</script>", tags=["later"])
    annotating.highlight_quote(doc, "As two of the world’s superpowers", color="blue",
                               note="Framing.", tags=["framing"])
    return doc_id


def make_dialog(qtbot: QtBot, reading: Reading, **kwargs: object) -> ExportDialog:
    dialog = ExportDialog(reading, Settings(), **kwargs)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def run_export(qtbot: QtBot, dialog: ExportDialog) -> None:
    """Click Export and wait for the worker's outcome without blocking the event loop."""
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialog.worker is not None, dialog.last_error
    qtbot.waitUntil(lambda: dialog.worker is None, timeout=WAIT_MS)


def test_lists_every_registered_format_with_its_suffix(qtbot: QtBot, reading: Reading) -> None:
    dialog = make_dialog(qtbot, reading)
    box = dialog.format_box
    assert [box.itemData(i) for i in range(box.count())] == [f.name for f in FORMATS]
    for i, fmt in enumerate(FORMATS):
        assert fmt.label in box.itemText(i) and fmt.suffix in box.itemText(i)


def test_default_target_is_the_title_in_the_remembered_folder(
    qtbot: QtBot, reading: Reading, tmp_path: Path
) -> None:
    settings = Settings()
    settings.state.setValue(FOLDER_KEY, str(tmp_path))
    dialog = ExportDialog(reading, settings)
    qtbot.addWidget(dialog)
    title = reading.document.metadata.title
    assert dialog.target == tmp_path / default_file_name(title, ".md")
    dialog.set_format("pdf")
    assert dialog.target.suffix == ".pdf"
    assert dialog.form.isRowVisible(dialog.page_size_box)
    dialog.set_format("csv")
    assert dialog.target.suffix == ".csv"
    assert not dialog.form.isRowVisible(dialog.page_size_box)


def test_default_file_name_is_safe() -> None:
    assert default_file_name('../a/b:c*"d"?', ".md") == "a b c d.md"
    assert default_file_name("  ", ".csv") == "export.csv"
    assert default_file_name("x" * 300, ".html") == "x" * 80 + ".html"


def _check(fmt: str, data: bytes, title: str) -> None:
    assert data
    if fmt == "md":
        assert title in data.decode("utf-8")
    elif fmt == "html":
        assert b"<html" in data
        assert b"<script>alert" not in data
    elif fmt == "pdf":
        assert data.startswith(b"%PDF")
    elif fmt == "jsonld":
        payload = json.loads(data)
        assert payload["type"] == "AnnotationCollection"
    elif fmt == "csv":
        assert data.startswith(b"\xef\xbb\xbf")
    else:  # a new format: the test wants a check for it
        pytest.fail(f"no check for format {fmt}")


@pytest.mark.parametrize("fmt", [f.name for f in FORMATS])
def test_exports_each_format_from_core_objects(
    qtbot: QtBot, reading: Reading, tmp_path: Path, fmt: str
) -> None:
    dialog = make_dialog(qtbot, reading)
    dialog.set_format(fmt)
    suffix = dialog.current_format.suffix
    dialog.set_target(tmp_path / f"out{suffix}")
    run_export(qtbot, dialog)
    assert dialog.last_error is None
    assert dialog.written == tmp_path / f"out{suffix}"
    _check(fmt, (tmp_path / f"out{suffix}").read_bytes(), reading.document.metadata.title)
    assert dialog.open_button.isVisible() and dialog.show_folder_button.isVisible()
    assert dialog.status_label.text().startswith("Saved")
    assert Settings().state.value(FOLDER_KEY) == str(tmp_path)


@pytest.mark.parametrize("fmt", [f.name for f in FORMATS])
def test_exports_each_format_from_the_library_with_the_readers_annotations(
    qtbot: QtBot, reading: Reading, store: Store, stored_id: str, tmp_path: Path, fmt: str
) -> None:
    dialog = make_dialog(qtbot, reading, library=Services(store), document_id=stored_id)
    assert dialog.tags_list.count() == 2 and dialog.colors_list.count() == 2
    dialog.set_format(fmt)
    target = tmp_path / f"library{dialog.current_format.suffix}"
    dialog.set_target(target)
    run_export(qtbot, dialog)
    assert dialog.last_error is None
    data = target.read_bytes()
    _check(fmt, data, reading.document.metadata.title)
    if fmt in ("md", "jsonld", "csv"):
        assert "Framing." in data.decode("utf-8-sig")


def test_options_reach_the_export(
    qtbot: QtBot, reading: Reading, store: Store, stored_id: str, tmp_path: Path
) -> None:
    dialog = make_dialog(qtbot, reading, library=Services(store), document_id=stored_id)
    dialog.set_format("jsonld")
    dialog.tags_list.set_checked(["framing"])
    dialog.areas_list.set_checked(["climate"])
    options = dialog.options()
    assert options.summary.filter.tags == frozenset({"framing"})
    assert options.summary.filter.areas == frozenset({"climate"})
    assert options.summary.filter.authors is None  # one author: no choice to make
    # An area filter leaves out highlights with no area (these two), so check all.
    dialog.areas_list.set_checked(a.id for a in reading.taxonomy.areas)
    assert dialog.options().summary.filter.areas is None
    dialog.set_target(tmp_path / "only-framing.jsonld")
    run_export(qtbot, dialog)
    payload = json.loads((tmp_path / "only-framing.jsonld").read_text("utf-8"))
    bodies = json.dumps(payload)
    assert "Framing." in bodies and "Follow up" not in bodies


def test_no_tag_checked_exports_every_passage(
    qtbot: QtBot, reading: Reading, store: Store, stored_id: str, tmp_path: Path
) -> None:
    dialog = make_dialog(qtbot, reading, library=Services(store), document_id=stored_id)
    dialog.set_format("jsonld")
    dialog.tags_list.set_checked([])
    assert dialog.options().summary.filter.tags is None  # an empty filter is refused (issue 13)
    dialog.set_target(tmp_path / "all.jsonld")
    run_export(qtbot, dialog)
    assert dialog.last_error is None
    assert "Framing." in (tmp_path / "all.jsonld").read_text("utf-8")


def test_no_area_checked_disables_export_with_a_reason(qtbot: QtBot, reading: Reading) -> None:
    dialog = make_dialog(qtbot, reading)
    dialog.areas_list.set_checked([])
    assert not dialog.export_button.isEnabled()
    assert "policy area" in dialog.export_button.toolTip()
    dialog.areas_list.set_checked(["climate"])
    assert dialog.export_button.isEnabled()


def test_cancel_leaves_the_earlier_file_unchanged(
    qtbot: QtBot, tmp_path: Path
) -> None:
    raw = bundled.sample_bytes()
    body = raw.split(b"\n", 1)[1]
    big = read_document(import_bytes(raw + b"\n\n" + b"\n\n".join([body] * 40), "big.md"),
                        bundled_taxonomy())
    target = tmp_path / "big.pdf"
    target.write_bytes(b"an earlier export")
    dialog = make_dialog(qtbot, big)
    dialog.set_format("pdf")
    dialog.full_text_box.setChecked(True)
    dialog.suggestions_box.setChecked(True)
    dialog.set_target(target)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialog.worker is not None and dialog.cancel_button.isVisible()
    qtbot.waitUntil(lambda: dialog.progress_bar.value() > 0, timeout=WAIT_MS)
    dialog.grab().save(str(tmp_path / "mid-export.png"))
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.worker is None, timeout=WAIT_MS)
    assert dialog.was_cancelled
    assert dialog.written is None
    assert "cancelled" in dialog.status_label.text().lower()
    assert target.read_bytes() == b"an earlier export"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []
    assert dialog.export_button.isEnabled()  # and it can try again


def test_an_unwritable_folder_shows_the_error_in_the_dialog(
    qtbot: QtBot, reading: Reading, tmp_path: Path
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    dialog = make_dialog(qtbot, reading)
    dialog.set_target(blocker / "out.md")
    run_export(qtbot, dialog)
    assert dialog.last_error is not None
    assert str(blocker / "out.md") in dialog.last_error
    assert dialog.status_label.isVisible() and dialog.status_label.text() == dialog.last_error
    assert not dialog.open_button.isVisible()
    assert blocker.read_text() == "not a folder"
    # Fix the path and export again from the same dialog.
    dialog.set_target(tmp_path / "out.md")
    run_export(qtbot, dialog)
    assert dialog.last_error is None and (tmp_path / "out.md").stat().st_size > 0


def test_show_in_folder_and_open_ask_the_desktop(
    qtbot: QtBot, reading: Reading, tmp_path: Path
) -> None:
    dialog = make_dialog(qtbot, reading)
    opened: list[QUrl] = []
    dialog.open_url = opened.append  # the desktop's file manager and viewer, not ours
    dialog.set_target(tmp_path / "out.md")
    run_export(qtbot, dialog)
    qtbot.mouseClick(dialog.show_folder_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert [u.toLocalFile() for u in opened] == [str(tmp_path), str(tmp_path / "out.md")]


def test_closing_mid_export_cancels(qtbot: QtBot, reading: Reading, tmp_path: Path) -> None:
    dialog = make_dialog(qtbot, reading)
    dialog.set_format("pdf")
    dialog.set_target(tmp_path / "closed.pdf")
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    worker = dialog.worker
    assert worker is not None
    dialog.reject()
    assert worker.cancel_event.is_set()
    assert worker.wait(WAIT_MS / 1000)


def test_file_menu_export_opens_the_dialog(qtbot: QtBot, window: MainWindow) -> None:
    action = window.commands.export
    assert action in window.menuBar().actions()[0].menu().actions()
    assert action in window.toolbar.actions()
    qtbot.waitUntil(lambda: window.annotation_layer.document_id is not None, timeout=10000)
    action.trigger()
    dialog = window.findChild(ExportDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.reading is window.reading
    # The window's document is in the library: the export comes from the store.
    assert dialog.document_id == window.annotation_layer.document_id
    assert dialog.library is not None
    dialog.close()


def test_a_typed_suffix_chooses_its_format(qtbot: QtBot, reading: Reading, tmp_path: Path) -> None:
    dialog = make_dialog(qtbot, reading)
    dialog.set_target(tmp_path / "notes.csv")
    assert dialog.current_format.name == "csv"
    dialog.set_target(tmp_path / "notes.txt")  # not an export suffix: the format stays
    assert dialog.current_format.name == "csv"


def test_a_fresh_machine_without_documents_offers_home(
    qtbot: QtBot, reading: Reading, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 7 item 10: ~/Documents may not exist; the first export must still work."""
    home = tmp_path / "fresh-home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("XDG_DOCUMENTS_DIR", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    dialog = make_dialog(qtbot, reading)
    assert dialog.target.parent == home
    run_export(qtbot, dialog)
    assert dialog.last_error is None and dialog.written is not None
    assert dialog.written.parent == home and dialog.written.is_file()


def test_a_remembered_folder_that_was_removed_is_not_offered(
    qtbot: QtBot, reading: Reading, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    (tmp_path / "Documents").mkdir()
    Settings().state.setValue(FOLDER_KEY, str(tmp_path / "gone"))
    dialog = make_dialog(qtbot, reading)
    assert dialog.target.parent == tmp_path / "Documents"


def test_an_error_never_overlaps_the_form(
    qtbot: QtBot, reading: Reading, store: Store, stored_id: str, tmp_path: Path
) -> None:
    """A long, wrapped error grows the dialog; the fixed-height lists keep their rows."""
    dialog = make_dialog(qtbot, reading, library=Services(store), document_id=stored_id)
    dialog.resize(dialog.minimumSizeHint())
    long_folder = tmp_path / ("a long folder name that goes on " * 3).strip() / "missing"
    dialog.set_target(long_folder / "summary.md")
    run_export(qtbot, dialog)
    assert dialog.last_error and "cannot write there" in dialog.last_error
    qtbot.waitUntil(lambda: dialog.status_label.isVisible())
    rows = [dialog.path_edit, dialog.areas_list, dialog.colors_list, dialog.tags_list,
            dialog.full_text_box, dialog.suggestions_box, dialog.progress_bar,
            dialog.status_label, dialog.export_button]
    shown = [w for w in rows if w.isVisible()]
    for above, below in pairwise(shown):
        assert above.mapTo(dialog, above.rect().bottomLeft()).y() < below.mapTo(
            dialog, below.rect().topLeft()).y(), (above.objectName(), below.objectName())
    assert dialog.status_label.height() >= dialog.status_label.heightForWidth(
        dialog.status_label.width())


def test_a_pdf_offers_where_the_notes_go(qtbot: QtBot, reading: Reading) -> None:
    dialog = ExportDialog(reading, Settings())
    qtbot.addWidget(dialog)
    dialog.set_format("pdf")
    assert dialog.form.isRowVisible(dialog.notes_box)
    assert dialog.options().notes is NoteLayout.END
    assert not dialog.full_text_box.isChecked()
    dialog.notes_box.set_choice(NoteLayout.MARGIN)
    assert dialog.options().notes is NoteLayout.MARGIN
    assert dialog.options().summary.full_text  # the cards sit beside it
    dialog.set_format("md")
    assert not dialog.form.isRowVisible(dialog.notes_box)
