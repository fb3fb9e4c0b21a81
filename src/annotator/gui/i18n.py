"""The window's language: Annotator's own translation and Qt's, chosen once at start.

The language follows the system (`QLocale.system()`) unless the reader chose one in the
settings. Translations are Qt Linguist `.ts` sources in `src/annotator/resources/translations/`,
compiled to `.qm` by the build (`make`, `setup.py`); English has one too, for the plural
forms of the `%n` strings. Qt's own dialogs use the
`qtbase_<lang>.qm` that ships with PySide6. A language without a compiled file falls back
to the English source strings, never to an error.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from annotator.bundled import resource

# Modules call `translate("Context", "text")` with literal arguments, the form
# pyside6-lupdate extracts (a wrapper taking only the text would hide the context from it).
translate = QCoreApplication.translate



def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark `text` for pyside6-lupdate under `context`; the window translates it later.

    Qt's own QT_TRANSLATE_NOOP returns `object` in PySide6's stubs; this one keeps `str`.
    """
    return text


SYSTEM = "system"
# Language code -> the name a reader recognises, in that language.
LANGUAGES: dict[str, str] = {"en": "English", "zh_CN": "简体中文"}


def resolve(preference: str, system: QLocale | None = None) -> str:
    """The language code to load for a preference ("system", "en", "zh_CN", ...)."""
    if preference in LANGUAGES:
        return preference
    locale = system or QLocale.system()
    if locale.language() is QLocale.Language.Chinese:
        # Simplified script covers zh_CN and zh_SG; zh_TW/zh_HK readers also read it
        # better than English, and it is the only Chinese translation shipped.
        return "zh_CN"
    return "en"


@dataclass(frozen=True)
class Installed:
    """The language in use and the translators that provide it."""

    language: str
    translators: tuple[QTranslator, ...] = ()
    previous_locale: QLocale | None = None

    def uninstall(self, app: QCoreApplication) -> None:
        for translator in self.translators:
            app.removeTranslator(translator)
        if self.previous_locale is not None:
            QLocale.setDefault(self.previous_locale)


def _load(app: QCoreApplication, language: str) -> QTranslator | None:
    """Annotator's compiled translation into `language`, or None when it is not built."""
    translator = QTranslator(app)
    path = resource(f"translations/annotator_{language}.qm")
    if path.is_file() and translator.load(str(path)):
        return translator
    return None


# The application property holding the language `install` loaded.
_RUNNING = "annotator-language"


def running_language(app: QCoreApplication) -> str:
    """The language the app's menus and dialogs were built in ("en" if none was loaded)."""
    value = app.property(_RUNNING)
    return value if isinstance(value, str) else "en"


def install(app: QCoreApplication, preference: str = SYSTEM) -> Installed:
    """Load and install the translators for `preference`.

    English is the source language, but its translation holds the plural forms of the
    `%n` strings ("1 question", "2 questions"); a language whose file is missing falls
    back to it. The translators are parented to `app`, so they live exactly as long as it
    does.
    """
    language = resolve(preference)
    own = _load(app, language) if language != "en" else None
    app.setProperty(_RUNNING, language if own is not None else "en")
    if own is None:
        english = _load(app, "en")
        if english is None:
            return Installed("en")
        app.installTranslator(english)
        return Installed("en", (english,))
    app.installTranslator(own)
    translators = [own]
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        translators.append(qt)
    previous = QLocale()
    QLocale.setDefault(QLocale(language))
    return Installed(language, tuple(translators), previous)
