"""View ▸ Theme: follow the system, or any theme file; the change shows at once."""

from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

from annotator.core.theme import SYSTEM
from annotator.gui.i18n import translate
from annotator.gui.settings import Settings
from annotator.gui.theme import ThemeManager


def theme_menu(parent: QWidget, settings: Settings, manager: ThemeManager) -> QMenu:
    menu = QMenu(translate("ThemeMenu", "&Theme"), parent)
    menu.setObjectName("theme-menu")
    group = QActionGroup(menu)
    language = QLocale().name()
    choices = [(SYSTEM, translate("ThemeMenu", "Follow the System"))]
    choices += [(theme.id, theme.display_name(language)) for theme in manager.themes.values()]
    for theme_id, name in choices:
        action = QAction(name, menu)
        action.setCheckable(True)
        action.setChecked(theme_id == manager.preference)
        action.setData(theme_id)
        group.addAction(action)
        menu.addAction(action)

    def chosen(action: QAction) -> None:
        settings.theme = str(action.data())
        settings.sync()
        manager.set_preference(settings.theme)

    group.triggered.connect(chosen)
    return menu
