"""The offer to restart once the reader has chosen another language.

Qt builds menus and dialogs in the language loaded at start-up (`gui/language_menu.py`
says why it is not re-translated in place), so a new language shows from the next start;
this offer makes that start one click away. Restarting closes the window as quitting
does (the note being typed is stored, the place in the article remembered), and
`app.run_gui` starts Annotator again once this process has let go of its data folder.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from annotator.gui.i18n import LANGUAGES, translate


def restart_offer(parent: QWidget, language: str) -> tuple[QMessageBox, QPushButton]:
    """The question, not yet shown, and its Restart Now button. `language` is the
    preference just saved: a code of LANGUAGES, or SYSTEM."""
    name = LANGUAGES.get(language) or translate("RestartOffer", "the system’s language")
    box = QMessageBox(parent)
    box.setObjectName("restart-offer")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(translate("RestartOffer", "Change Language"))
    box.setText(translate(
        "RestartOffer", "Annotator speaks {language} from its next start. Restart it now?"
    ).format(language=name))
    box.setInformativeText(translate(
        "RestartOffer", "Your notes and your place in the article are kept."))
    restart = box.addButton(translate("RestartOffer", "&Restart Now"),
                            QMessageBox.ButtonRole.AcceptRole)
    box.addButton(translate("RestartOffer", "&Later"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(restart)
    return box, restart
