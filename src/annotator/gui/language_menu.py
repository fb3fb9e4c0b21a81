"""View ▸ Language: follow the system, or a language Annotator ships.

The choice is saved at once and used from the next start: Qt builds menus and dialogs in
the language loaded at start-up, and re-translating every open widget in place is more
code than a restart is worth to a reader who changes language once.
"""

from __future__ import annotations

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QStatusBar, QWidget

from annotator.gui.i18n import LANGUAGES, SYSTEM, translate
from annotator.gui.settings import Settings


def language_menu(parent: QWidget, settings: Settings, status: QStatusBar) -> QMenu:
    menu = QMenu(translate("LanguageMenu", "&Language"), parent)
    menu.setObjectName("language-menu")
    group = QActionGroup(menu)
    choices = [(SYSTEM, translate("LanguageMenu", "Follow the System")),
               *LANGUAGES.items()]
    current = settings.language
    for code, name in choices:
        action = QAction(name, menu)
        action.setCheckable(True)
        action.setChecked(code == current)
        action.setData(code)
        group.addAction(action)
        menu.addAction(action)

    def chosen(action: QAction) -> None:
        settings.language = str(action.data())
        settings.sync()
        status.showMessage(translate(
            "LanguageMenu", "The language changes the next time Annotator starts."), 8000)

    group.triggered.connect(chosen)
    return menu
