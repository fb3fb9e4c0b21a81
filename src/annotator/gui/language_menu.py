"""View ▸ Language: follow the system, or a language Annotator ships.

The choice is saved at once and used from the next start: Qt builds menus and dialogs in
the language loaded at start-up, and re-translating every open widget in place is more
code than a restart is worth to a reader who changes language once. The window offers
that restart (`gui/restart_offer.py`).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMenu, QWidget

from annotator.gui.choice_menu import choice_menu
from annotator.gui.i18n import LANGUAGES, SYSTEM, translate
from annotator.gui.settings import Settings


def language_menu(parent: QWidget, settings: Settings,
                  changed: Callable[[str], None]) -> QMenu:
    """`changed(language)` follows the saved choice."""
    choices = [(SYSTEM, translate("LanguageMenu", "Follow the System")), *LANGUAGES.items()]

    def chosen(language: str) -> None:
        settings.language = language
        settings.sync()
        changed(language)

    return choice_menu(parent, translate("LanguageMenu", "&Language"), "language-menu",
                       choices, settings.language, chosen)
