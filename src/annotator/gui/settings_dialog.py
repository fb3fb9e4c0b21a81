"""View ▸ Reader Settings…: the page's type and measure, the theme, the language and
the reader's name.

Every change shows on the page at once, so the reader judges a font by reading with it;
OK keeps the changes, Cancel (or Esc) puts back what was there when the dialog opened.
Theme and language are the same choices as View ▸ Theme and View ▸ Language, gathered
here so one dialog holds everything about how Annotator looks; the menus' check marks
follow what is chosen here. Every field has a mnemonic and a label that names it for
screen readers, so the dialog is used without a mouse.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, Signal
from PySide6.QtGui import QAction, QFont
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFontComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QMenu,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from annotator.core.theme import SYSTEM as SYSTEM_THEME
from annotator.gui.i18n import LANGUAGES
from annotator.gui.i18n import SYSTEM as SYSTEM_LANGUAGE
from annotator.gui.reader_view import SERIF_FAMILIES
from annotator.gui.settings import LINE_SPACINGS, MEASURES, POINT_SIZES, ReaderLook, Settings
from annotator.gui.theme import ThemeManager


class SettingsDialog(QDialog):
    """Edits `settings`; `look_changed` carries each new look to the page as it is made,
    `language_changed` a new language once it is saved (OK)."""

    look_changed = Signal(ReaderLook)
    language_changed = Signal(str)

    def __init__(self, settings: Settings, themes: ThemeManager, current: ReaderLook,
                 parent: QWidget | None = None, identity: QAction | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settings-dialog")
        self.setWindowTitle(self.tr("Reader Settings"))
        self.settings = settings
        self.themes = themes
        self._opened_look = current
        self._opened_theme = themes.preference
        layout = QVBoxLayout(self)
        layout.addWidget(self._page_group(current))
        layout.addWidget(self._appearance_group())
        if identity is not None:
            layout.addWidget(self._identity_group(identity))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.RestoreDefaults, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        defaults = buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults)
        defaults.setAccessibleDescription(self.tr("Puts back the default font, size, "
                                                  "line spacing and page width"))
        defaults.clicked.connect(lambda: self.show_look(ReaderLook()))
        layout.addWidget(buttons)
        self.family.setFocus()

    # -- building -------------------------------------------------------------------

    def _page_group(self, look: ReaderLook) -> QGroupBox:
        group = QGroupBox(self.tr("Page"), self)
        form = QFormLayout(group)
        self.family = QFontComboBox(group)
        self.family.setObjectName("font-family")
        self.family.setAccessibleName(self.tr("Font"))
        self.point_size = QDoubleSpinBox(group)
        self.point_size.setRange(*POINT_SIZES)
        self.point_size.setDecimals(1)
        _describe(self.point_size, "font-size", 0.5, self.tr(" pt"),
                  self.tr("Font size in points"))
        self.spacing = QSpinBox(group)
        self.spacing.setRange(*LINE_SPACINGS)
        _describe(self.spacing, "line-spacing", 10, " %",
                  self.tr("Line spacing in percent of the font's height"))
        self.measure = QSpinBox(group)
        self.measure.setRange(*MEASURES)
        _describe(self.measure, "page-width", 5, self.tr(" characters"),
                  self.tr("Page width in characters per line"))
        self.show_look(look)
        for label, field in ((self.tr("&Font:"), self.family), (self.tr("&Size:"), self.point_size),
                             (self.tr("Line s&pacing:"), self.spacing),
                             (self.tr("Page &width:"), self.measure)):
            form.addRow(label, field)
        self.family.currentFontChanged.connect(self._look_edited)
        self.point_size.valueChanged.connect(self._look_edited)
        self.spacing.valueChanged.connect(self._look_edited)
        self.measure.valueChanged.connect(self._look_edited)
        return group

    def _appearance_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Appearance"), self)
        form = QFormLayout(group)
        self.theme = QComboBox(group)
        self.theme.setObjectName("theme")
        self.theme.setAccessibleName(self.tr("Theme"))
        self.theme.addItem(self.tr("Follow the System"), SYSTEM_THEME)
        language = QLocale().name()
        for theme in self.themes.themes.values():
            self.theme.addItem(theme.display_name(language), theme.id)
        self.theme.setCurrentIndex(max(0, self.theme.findData(self.themes.preference)))
        self.theme.currentIndexChanged.connect(
            lambda _i: self.themes.set_preference(str(self.theme.currentData())))
        self.language = QComboBox(group)
        self.language.setObjectName("language")
        self.language.setAccessibleName(self.tr("Language"))
        self.language.addItem(self.tr("Follow the System"), SYSTEM_LANGUAGE)
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(self.settings.language)))
        note = QLabel(self.tr("The language changes the next time Annotator starts."), group)
        note.setWordWrap(True)
        note.setEnabled(False)
        form.addRow(self.tr("&Theme:"), self.theme)
        form.addRow(self.tr("&Language:"), self.language)
        form.addRow(note)
        return group

    def _identity_group(self, identity: QAction) -> QGroupBox:
        """The reader's name on highlights and notes: the Edit ▸ Identity… dialog."""
        group = QGroupBox(self.tr("You"), self)
        form = QFormLayout(group)
        self.identity_button = QPushButton(self.tr("Change your &name in annotations…"), group)
        self.identity_button.setObjectName("identity-button")
        self.identity_button.setAccessibleDescription(
            self.tr("The name written on your highlights and notes when you share them"))
        self.identity_button.clicked.connect(identity.trigger)
        form.addRow(self.identity_button)
        return group

    # -- behaviour ------------------------------------------------------------------

    def show_look(self, look: ReaderLook) -> None:
        """Put `look` in the fields (which sends it to the page if it differs)."""
        font = QFont()
        font.setFamilies([look.family] if look.family else SERIF_FAMILIES)
        self.family.setCurrentFont(font)
        self.point_size.setValue(look.point_size)
        self.spacing.setValue(look.line_spacing)
        self.measure.setValue(look.measure)

    def look(self) -> ReaderLook:
        return ReaderLook(self.family.currentFont().family(), self.point_size.value(),
                          self.spacing.value(), self.measure.value())

    def _look_edited(self) -> None:
        self.look_changed.emit(self.look())

    def accept(self) -> None:
        self.settings.reader_look = self.look()
        self.settings.theme = self.themes.preference
        language = str(self.language.currentData())
        changed = language != self.settings.language
        self.settings.language = language
        self.settings.sync()
        parent = self.parentWidget()
        if parent is not None:
            _check(parent, "theme-menu", self.settings.theme)
            _check(parent, "language-menu", self.settings.language)
        super().accept()
        if changed:
            self.language_changed.emit(language)

    def reject(self) -> None:
        self.look_changed.emit(self._opened_look)
        if self.themes.preference != self._opened_theme:
            self.themes.set_preference(self._opened_theme)
        super().reject()


def _describe(box: QAbstractSpinBox, name: str, step: float, suffix: str,
              accessible: str) -> None:
    """Name a number field for tests and screen readers, with its step and unit."""
    box.setObjectName(name)
    box.setAccessibleName(accessible)
    if isinstance(box, QSpinBox):
        box.setSingleStep(round(step))
        box.setSuffix(suffix)
    elif isinstance(box, QDoubleSpinBox):
        box.setSingleStep(step)
        box.setSuffix(suffix)


def _check(window: QWidget, menu_name: str, value: str) -> None:
    """Check `value` in the window's choice menu (`gui/choice_menu.py`) of that name."""
    menu = window.findChild(QMenu, menu_name)
    if isinstance(menu, QMenu):
        for action in menu.actions():
            action.setChecked(action.data() == value)
