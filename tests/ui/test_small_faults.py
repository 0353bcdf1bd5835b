"""Small faults a first-time facilitator met (issue 20): each one, as they met it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QKeySequence, QPalette, QTextLayout, QTextOption
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QMessageBox, QWidgetAction

from facilitator.ui.group_word_dialog import GroupWordDialog
from facilitator.ui.menus import LEFT_TO_RIGHT_MARK


def test_add_our_own_word_opens_the_dialog_with_an_empty_word(window, monkeypatch):
    """The button's clicked(bool) once reached the dialog as the word, and every click raised a TypeError."""
    opened = []

    def answer(dialog):
        opened.append(dialog.term_edit.text())
        dialog.term_edit.setText("Thursday club")
        dialog.meaning_edit.setPlainText("Our lunch club at the library on Thursdays.")
        dialog.accept()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(GroupWordDialog, "exec", answer)
    window.show_glossary()
    window.glossary.add_button.click()
    assert opened == [""]
    words = window.library.load_workshop(window.current_workshop_id()).group_words
    assert "Thursday club" in [word.term for word in words]


def shown_keys(action) -> str:
    """The key a menu shows beside an item: what follows a tab in its words, else the key itself."""
    text = action.text()
    return text.split("\t", 1)[1] if "\t" in text else action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)


def left_edges(text: str, direction: Qt.LayoutDirection) -> list[float]:
    """Where Qt draws each letter of ``text`` in a line laid out in ``direction`` (as a menu does)."""
    layout = QTextLayout(text, QApplication.font())
    option = QTextOption()
    option.setTextDirection(direction)
    layout.setTextOption(option)
    layout.beginLayout()
    line = layout.createLine()
    layout.endLayout()
    return [line.cursorToX(n)[0] for n in range(len(text))]


def test_the_zoom_keys_read_ctrl_plus_plus_in_arabic(window, qtbot):
    from facilitator.ui.languages import apply_language, switch_language

    assert "\t" not in window.actions.zoom_in.text()  # left to right, Qt's own words are right already
    arabic = switch_language(window, "ar")
    qtbot.addWidget(arabic)
    try:
        view = {action.text(): action.menu() for action in arabic.menuBar().actions()}
        zoom_items = [a for menu in view.values() for a in menu.actions() if a in (arabic.actions.zoom_in, arabic.actions.zoom_out)]
        assert len(zoom_items) == 2
        for action, typed in ((arabic.actions.zoom_in, "Ctrl++"), (arabic.actions.zoom_out, "Ctrl+-")):
            shown = shown_keys(action)
            assert shown.replace(LEFT_TO_RIGHT_MARK, "") == typed
            letters = [n for n, char in enumerate(shown) if char != LEFT_TO_RIGHT_MARK]
            edges = left_edges(shown, Qt.LayoutDirection.RightToLeft)
            # Drawn in a right-to-left menu, the letters still go left to right: C, t, r, l, +, +.
            assert [edges[n] for n in letters] == sorted(edges[n] for n in letters), (typed, edges)
        # Keys that read right already are left as Qt writes them.
        assert shown_keys(arabic.actions.present) == "F5" and "\t" not in arabic.actions.present.text()
    finally:
        arabic.close()
        apply_language("en")


def test_without_the_marks_qt_would_draw_the_plus_signs_first():
    """What the fault looked like: "Ctrl++" laid out right to left puts both signs to the left of Ctrl."""
    edges = left_edges("Ctrl++", Qt.LayoutDirection.RightToLeft)
    assert max(edges[4:]) <= min(edges[:4])


def darkest(widget) -> int:
    """How light the darkest pixel of ``widget`` is as drawn (0 black, 255 white): its text."""
    image = widget.grab().toImage()
    return min(QColor(image.pixel(x, y)).lightness() for x in range(image.width()) for y in range(image.height()))


def test_the_reasons_in_the_right_click_menu_read_as_words_not_greyed_out_commands(window, qtbot):
    window.plain_words.load()
    edit = window.page.purpose_edit
    edit.setPlainText("We talk about the safeguarding policy.")
    hints = edit.plain_words_hints
    position = edit.toPlainText().index("safeguarding") + 2
    finding = hints.findings_at(position)[0]
    menu = hints.menu_at(position)
    menu.show()
    qtbot.waitExposed(menu)
    try:
        reasons = [a for a in menu.actions() if isinstance(a, QWidgetAction) and isinstance(a.defaultWidget(), QLabel)]
        assert reasons, [a.text() for a in menu.actions()]
        label = reasons[0].defaultWidget()
        assert finding.message in label.text() and label.isVisible()
        # The arrow keys reach it, so a screen reader reads it (issue 26; test_findings_accessible.py says more).
        assert reasons[0].isEnabled()
        menu.setActiveAction(reasons[0])
        assert menu.activeAction() is reasons[0]
        menu.setActiveAction(None)
        # ... and yet it is drawn in the menu's own text colour, as dark as a command's words, never grey.
        normal = menu.palette().color(QPalette.ColorGroup.Active, QPalette.ColorRole.WindowText)
        greyed = menu.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText)
        assert label.palette().color(label.foregroundRole()) == normal != greyed
        assert darkest(label) <= normal.lightness() + 40 < greyed.lightness()
        assert label.width() <= label.fontMetrics().averageCharWidth() * 80
        # Looking the word up is still a command, one click away.
        assert any(a.isEnabled() and a.text().startswith("Look up") for a in menu.actions())
    finally:
        menu.close()


NO_PLAYER = "No program to play sounds was found. On Linux, install pulseaudio-utils or alsa-utils."


def test_no_sound_player_is_said_where_the_facilitator_looks_once_then_in_the_status_bar(qtbot, tmp_path):
    from PySide6.QtCore import QSettings

    from facilitator.cli import open_app_library
    from facilitator.speech.fake import FakeEngine, FakePlayer
    from facilitator.ui.settings import Preferences
    from facilitator.ui.voice_dialog import VoiceDialog
    from tests.ui.conftest import speaking_window

    library = open_app_library(tmp_path / "library.sqlite3")
    preferences = Preferences(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    window = speaking_window(qtbot, library, preferences, FakeEngine(), FakePlayer(problem=NO_PLAYER))
    try:
        qtbot.waitUntil(window.speaker.service.ready.is_set, timeout=5000)
        window.page.planner.select_row(0)
        window.read_aloud.read_here()
        qtbot.waitUntil(lambda: window.read_aloud.told_box is not None, timeout=5000)
        box = window.read_aloud.told_box
        assert box.isVisible() and box.text() == NO_PLAYER and not box.isModal()
        assert window.statusBar().currentMessage() == NO_PLAYER
        box.close()
        # The second time, only the status bar says it: no box to close at every press of F7.
        window.statusBar().clearMessage()
        window.read_aloud.read_agenda()
        qtbot.waitUntil(lambda: window.statusBar().currentMessage() == NO_PLAYER, timeout=5000)
        assert [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()] == []
        # The voice dialog says it too.
        dialog = VoiceDialog(window.speaker, "en", window)
        assert dialog.note.text() == NO_PLAYER
        dialog.reject()
        # And while presenting, the console says it when the room's screen is read.
        window.present()
        presenter = window.presenter
        presenter.read_aloud()
        qtbot.waitUntil(lambda: presenter.console.message.text().startswith(NO_PLAYER), timeout=5000)
        presenter.stop()
    finally:
        window.close()
        library.close()
