"""Languages (issue 11 item 2): every string of the window has a Simplified Chinese
translation that keeps its placeholders, the window speaks Chinese when told to, and a
pseudo-locale run finds no visible text that bypasses translation."""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDockWidget,
    QLabel,
    QLineEdit,
    QMenu,
    QTabBar,
    QTabWidget,
)
from pytestqt.qtbot import QtBot

from annotator.gui import i18n
from annotator.gui.main_window import MainWindow
from annotator.gui.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "src" / "annotator" / "resources" / "translations" / "annotator_zh_CN.ts"
BIN = Path(shutil.which("pyside6-lupdate") or Path(__import__("sys").executable).parent
           / "pyside6-lupdate").parent
PLACEHOLDER = re.compile(r"\{\w*\}|%n|%p%|&(?=\w)")


def _messages(ts: Path) -> Iterator[tuple[str, ET.Element]]:
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            yield name, message


def test_every_string_in_the_source_has_a_finished_chinese_translation(tmp_path: Path) -> None:
    extracted = tmp_path / "current.ts"
    shutil.copy(TS, extracted)  # lupdate merges: finished entries stay, new ones are unfinished
    subprocess.run([str(BIN / "pyside6-lupdate"), "-extensions", "py", "-no-obsolete",
                    str(ROOT / "src" / "annotator"), "-ts", str(extracted)],
                   check=True, capture_output=True, timeout=120)
    unfinished = [f"{context}: {message.findtext('source')!r}"
                  for context, message in _messages(extracted)
                  if message.find("translation").get("type") == "unfinished"]  # type: ignore[union-attr]
    assert not unfinished, "untranslated (run `make translations`):\n" + "\n".join(unfinished)
    assert sum(1 for _ in _messages(extracted)) >= 200


def test_translations_keep_placeholders_accelerators_and_plurals() -> None:
    for context, message in _messages(TS):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        text = "".join(translation.itertext())
        assert text.strip(), f"{context}: {source!r} is empty"
        expected = sorted(PLACEHOLDER.findall(source))
        assert sorted(PLACEHOLDER.findall(text)) == expected, f"{context}: {source!r} → {text!r}"


def test_english_gives_every_plural_string_its_singular_and_plural() -> None:
    """English holds only the %n strings (`make translations` extracts them with
    -pluralonly): "1 question", "2 questions" rather than "2 question(s)"."""
    plural = {(context, message.findtext("source")) for context, message in _messages(TS)
              if message.get("numerus") == "yes"}
    english = {}
    for context, message in _messages(TS.with_name("annotator_en.ts")):
        forms = [form.text or "" for form in message.iter("numerusform")]
        english[(context, message.findtext("source"))] = forms
        assert message.find("translation").get("type") is None  # type: ignore[union-attr]
        assert len(forms) == 2 and all("%n" in form for form in forms), forms
        assert "(s)" not in "".join(forms)
    assert set(english) == plural and len(plural) >= 10


@pytest.fixture
def chinese(annotator_home: Path) -> Iterator[i18n.Installed]:
    settings = Settings()
    settings.language = "zh_CN"
    settings.sync()
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    installed = i18n.install(app, Settings().language)
    yield installed
    installed.uninstall(app)


def test_the_window_speaks_chinese_when_chosen(chinese: i18n.Installed, qtbot: QtBot) -> None:
    assert chinese.language == "zh_CN"
    assert len(chinese.translators) == 2  # ours and Qt's own (qtbase_zh_CN.qm)
    assert QLocale().language() is QLocale.Language.Chinese
    window = MainWindow(Settings())
    qtbot.addWidget(window)
    window.open_initial(None)
    window.complete()  # the menus come right after the first paint
    titles = [action.text() for action in window.menuBar().actions()]
    assert titles[0] == "文件(&F)" and "帮助(&H)" in titles
    assert window.commands.find_in_page.text() == "页内查找(&F)…"
    assert "批注阅读器" in window.windowTitle()


def test_english_is_used_when_chosen_or_when_the_system_is_not_chinese() -> None:
    assert i18n.resolve("en") == "en"
    assert i18n.resolve("system", QLocale(QLocale.Language.French)) == "en"
    assert i18n.resolve("system", QLocale("zh_TW")) == "zh_CN"
    assert i18n.resolve("system", QLocale("zh_CN")) == "zh_CN"
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    installed = i18n.install(app, "en")
    try:
        # English's own file holds only plural forms; the rest is the source text.
        assert installed.language == "en" and len(installed.translators) == 1
        assert installed.previous_locale is None
        assert i18n.translate("SearchPanel", "%n result(s)", "", 1) == "1 result"
        assert i18n.translate("SearchPanel", "%n result(s)", "", 3) == "3 results"
        assert i18n.translate("SearchPanel", "Search") == "Search"
    finally:
        installed.uninstall(app)


def _pseudo_translator(tmp_path: Path) -> QTranslator:
    """Every translation is its source in ⟦brackets⟧: text without them bypassed tr()."""
    tree = ET.parse(TS)
    for message in tree.getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        for child in list(translation):
            translation.remove(child)
        if message.get("numerus") == "yes":
            ET.SubElement(translation, "numerusform").text = f"⟦{source}⟧"
            translation.text = None
        else:
            translation.text = f"⟦{source}⟧"
    pseudo_ts = tmp_path / "pseudo.ts"
    tree.write(pseudo_ts, encoding="utf-8", xml_declaration=True)
    qm = tmp_path / "pseudo.qm"
    subprocess.run([str(BIN / "pyside6-lrelease"), "-silent", str(pseudo_ts), "-qm", str(qm)],
                   check=True, timeout=60)
    translator = QTranslator()
    assert translator.load(str(qm))
    return translator


def _visible_texts(window: MainWindow) -> Iterator[tuple[str, str]]:
    for menu in window.findChildren(QMenu):
        yield "menu", menu.title()
        for action in menu.actions():
            if not action.isSeparator() and action.menu() is None:
                yield "menu item", action.text()
    for dock in window.findChildren(QDockWidget):
        yield "dock", dock.windowTitle()
    for tabs in window.findChildren(QTabWidget):
        for index in range(tabs.count()):
            yield "tab", tabs.tabText(index)
    for bar in window.findChildren(QTabBar):
        for index in range(bar.count()):
            yield "tab", bar.tabText(index)
    for button in window.findChildren(QAbstractButton):
        if button.isVisible():
            yield "button", button.text()
    for line in window.findChildren(QLineEdit):
        yield "placeholder", line.placeholderText()
    for label in window.findChildren(QLabel):
        if label.isVisible():
            yield "label", label.text()


# Text that is data, not interface: numbers and symbols once markup is gone, the article's
# title, the areas' labels, each language's own name in the language menu, and theme
# names (a theme file carries its own translations, `name_zh_CN`).
_DATA = re.compile(r"^[\d\s.,%:·/●-]*$")
_MARKUP = re.compile(r"<[^>]+>|&nbsp;")


def test_no_visible_text_bypasses_translation(tmp_path: Path, qtbot: QtBot) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translator = _pseudo_translator(tmp_path)
    app.installTranslator(translator)
    try:
        window = MainWindow(Settings())
        qtbot.addWidget(window)
        window.open_initial(None)
        window.show()
        qtbot.waitExposed(window)
        window.complete()
        assert window.reading is not None
        data = {window.reading.document.metadata.title, window.windowTitle()}
        data |= {area.label for area in window.reading.taxonomy.areas}
        data |= set(i18n.LANGUAGES.values())
        data |= {theme.name for theme in window.themes.themes.values()}  # from theme files
        bypassed = sorted({f"{kind}: {text!r}" for kind, text in _visible_texts(window)
                           if text and "⟦" not in text and not _DATA.match(_MARKUP.sub(" ", text))
                           and text not in data})
        assert not bypassed, "visible text not through tr():\n" + "\n".join(bypassed)
    finally:
        app.removeTranslator(translator)


def test_view_language_saves_the_choice_for_the_next_start(window: MainWindow) -> None:
    menu = window.findChild(QMenu, "language-menu")
    assert isinstance(menu, QMenu)
    [chinese_action] = [a for a in menu.actions() if a.text() == "简体中文"]
    chinese_action.trigger()
    assert Settings().language == "zh_CN"
    assert window.restart_offer is not None and "next start" in window.restart_offer.text()
    assert [a.text() for a in menu.actions() if a.isChecked()] == ["简体中文"]


def test_a_font_for_simplified_chinese_is_installed() -> None:
    """Without one, every Chinese label draws as boxes (seen in a screenshot); `make`
    installs fonts-wqy-microhei."""
    from PySide6.QtGui import QFontDatabase

    families = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    assert families, "no font can draw Simplified Chinese"
