"""The language of the app's own windows: chosen in the app, changed at once, without a restart.

A change opens a new main window in the new language where the old one was (the same
workshop, size and place) and closes the old one: every label, menu and message is made
again in the new words, Qt's own buttons and dialogs included, and a right-to-left
language mirrors the layout. A workshop's own language (its screens, voice and
printouts) is chosen on its page and does not change with the app's.
"""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtWidgets import QApplication

from facilitator.i18n import LANGUAGES, _, right_to_left, set_language
from facilitator.ui.qt_words import OWN_QT_WORDS, DictionaryTranslator
from facilitator.ui.settings import APP_LANGUAGE, Preferences
from facilitator.ui.telling import tell

# Qt's Arabic (ar_EG) writes numbers in Arabic-Indic digits, but babel's "ar", and so the rest of the app and
# the printouts, write 10:00 and 2026. This Arabic writes the same digits and month names as babel's.
QT_LOCALES = {"ar": "ar_DZ"}
_qt_translator: QTranslator | None = None
_windows: list = []  # the main window made by a change, kept here so Python does not drop it


def chosen_language(preferences: Preferences) -> str:
    """The language chosen in the app; before any choice, the system's when the app has it, else English."""
    chosen = preferences.get(APP_LANGUAGE)
    if chosen in LANGUAGES:
        return chosen
    system = QLocale.system().name().split("_")[0]
    return system if system in LANGUAGES else "en"


def apply_language(code: str) -> None:
    """Use ``code`` for the app's words, Qt's own words, and the direction the layout reads."""
    global _qt_translator
    set_language(code)
    app = QApplication.instance()
    if app is None:
        return
    if _qt_translator is not None:
        app.removeTranslator(_qt_translator)
        _qt_translator = None
    translator = QTranslator(app)
    if translator.load(f"qtbase_{code}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(translator)
        _qt_translator = translator
    elif code in OWN_QT_WORDS:  # Qt has no Welsh: the app brings Qt's common words itself
        _qt_translator = DictionaryTranslator(OWN_QT_WORDS[code], app)
        app.installTranslator(_qt_translator)
    # Qt's own dates, numbers and month names (in date boxes, for instance) follow the app's language too.
    system = QLocale.system()
    QLocale.setDefault(system if system.name().split("_")[0] == code else QLocale(QT_LOCALES.get(code, code)))
    direction = Qt.LayoutDirection.RightToLeft if right_to_left(code) else Qt.LayoutDirection.LeftToRight
    app.setLayoutDirection(direction)


def switch_language(window, code: str, speaker=None):
    """Show the app in ``code``: a new main window in place of ``window``; the window now showing.

    While presenting, nothing changes: the room must not lose its screen."""
    from facilitator.ui.main_window import MainWindow

    if code not in LANGUAGES or code == chosen_language(window.preferences):
        return window
    if window.presenter is not None and window.presenter.running:
        tell(window, _("Stop presenting first, then change the language."), urgent=True)
        return window
    window.page.flush()
    geometry, workshop_id = window.saveGeometry(), window.current_workshop_id()
    window.preferences.set(APP_LANGUAGE, code)
    window.close()
    apply_language(code)
    made = MainWindow(window.library, window.preferences, speaker)
    made.restoreGeometry(geometry)
    if workshop_id is not None:
        made.select_workshop(workshop_id)
    made.show()
    tell(made, _("The app is now in {language}.").format(language=LANGUAGES[code]))
    if window in _windows:
        _windows.remove(window)
    _windows.append(made)
    made.destroyed.connect(lambda *_args: _windows.remove(made) if made in _windows else None)
    return made
