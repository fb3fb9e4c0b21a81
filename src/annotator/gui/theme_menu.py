"""View ▸ Theme: follow the system, or any theme file; the change shows at once."""

from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QMenu, QWidget

from annotator.core.theme import SYSTEM
from annotator.gui.choice_menu import choice_menu
from annotator.gui.i18n import translate
from annotator.gui.settings import Settings
from annotator.gui.theme import ThemeManager


def theme_menu(parent: QWidget, settings: Settings, manager: ThemeManager) -> QMenu:
    language = QLocale().name()
    choices = [(SYSTEM, translate("ThemeMenu", "Follow the System"))]
    choices += [(theme.id, theme.display_name(language)) for theme in manager.themes.values()]

    def chosen(theme_id: str) -> None:
        settings.theme = theme_id
        settings.sync()
        manager.set_preference(theme_id)

    return choice_menu(parent, translate("ThemeMenu", "&Theme"), "theme-menu", choices,
                       manager.preference, chosen)
