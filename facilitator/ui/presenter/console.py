"""The facilitator's console on the laptop: what the room sees, what comes next, notes, time, and big buttons.

The console only shows and asks; the ``Presenter`` does.

Everything on it works from the keyboard. Each big button has its own key,
shown on the button and in the key list at the bottom (a letter works with
Alt too), and the key does exactly what a click does: a button's key presses
it, a menu button's key opens its menu (arrows and Enter choose in it). Tab
goes from part to part: the read-only words (so they can be read again and
copied), the notes (Ctrl with the arrows or Page Up/Down scrolls them from
anywhere), the boxes and every button, and out again.

The rule for Space and Enter: a clicker's keys (the arrows, Page Up/Down,
Space, Enter, B, full stop, Esc) mean the same on the whole console, whatever
has the focus. So Space always pauses and Enter always goes on, once; they do
not also press the focused button (Enter on the focused Next button moves one
item, not two). A focused button is pressed with its own key. The one
exception is the sound tick box, which Space ticks, as Space always does.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QFont, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSlider,
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMenu,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from facilitator.i18n import _, format_minutes
from facilitator.session.themes import TEXT_SIZES, THEMES
from facilitator.ui.presenter.asking import QuestionBar
from facilitator.ui.presenter.console_parts import BigButton, ReadableText, key_words
from facilitator.ui.presenter.participant_view import ScreenDrawing, ScreenPreview
from facilitator.ui.telling import tell_in

BREAK_CHOICES = (5, 10, 15, 20, 30, 45, 60)
# Each big button's keys; the first is shown on the button (and, when it is a letter, works with Alt too).
BUTTON_KEYS = {
    "next_button": ("Right", "Down", "PgDown", "N", "Return", "Enter"),
    "previous_button": ("Left", "Up", "PgUp", "P", "Backspace"),
    "pause_button": ("Space",),
    "more_time_button": ("+", "="),
    "break_button": ("T",),
    "word_button": ("H",),
    "blank_button": ("B", "."),
    "read_button": ("R",),
    "write_button": ("W",),
    "stop_button": ("Esc",),
    "read_back_button": ("K",),
    "change_button": ("C",),
    "not_yet_button": ("S",),
}
NOTES_KEYS = {  # scroll the notes from anywhere on the console
    "Ctrl+Up": QAbstractSlider.SliderAction.SliderSingleStepSub,
    "Ctrl+Down": QAbstractSlider.SliderAction.SliderSingleStepAdd,
    "Ctrl+PgUp": QAbstractSlider.SliderAction.SliderPageStepSub,
    "Ctrl+PgDown": QAbstractSlider.SliderAction.SliderPageStepAdd,
}


def shortcuts(keys: tuple[str, ...]) -> list[QKeySequence]:
    """The key sequences for ``keys``; the first, when it is a letter, with Alt as well."""
    found = [QKeySequence(key) for key in keys]
    if len(keys[0]) == 1 and keys[0].isalpha():
        found.append(QKeySequence(f"Alt+{keys[0]}"))
    return found


def _plain(text: str) -> str:
    return text.replace("&", "").removesuffix("…").strip()


class Console(QWidget):
    """The presenter console. Its buttons' signals are wired by the Presenter."""

    break_chosen = Signal(int)  # minutes
    screen_chosen = Signal(str)  # a screen's name; "" for "a window here"
    theme_chosen = Signal(str)
    text_size_chosen = Signal(str)
    sound_chosen = Signal(bool)
    closing = Signal()  # the window's close button: the Presenter asks first

    def __init__(self, drawing: ScreenDrawing, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(_("Presenter console"))
        self.may_close = False  # set when presenting stops: until then, closing only asks
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.preview = ScreenPreview(drawing)
        self.preview.setAccessibleName(_("What the room sees now"))

        self.now_label = ReadableText()
        self.now_label.setWordWrap(True)
        self.next_label = ReadableText()
        self.next_label.setWordWrap(True)
        self.clock = ReadableText()
        self.item_time = ReadableText()
        self.day_time = ReadableText()
        for label in (self.item_time, self.day_time):
            label.setWordWrap(True)  # long times wrap rather than widen the console beside the room's view
        for label, scale in ((self.clock, 2.4), (self.item_time, 1.5), (self.day_time, 1.1), (self.now_label, 1.3), (self.next_label, 1.1)):
            font = QFont(label.font())
            font.setPointSizeF(font.pointSizeF() * scale)
            font.setBold(label in (self.clock, self.item_time, self.now_label))
            label.setFont(font)
        self.needs_label = ReadableText()  # what the people in the room need, at a glance (set_needs)
        self.needs_label.setWordWrap(True)
        self.needs_label.setTextFormat(Qt.TextFormat.PlainText)
        self.needs_label.hide()
        self.notes = QTextBrowser()
        self.notes.setTabChangesFocus(True)
        self.notes.setAccessibleName(_("Your notes for this item"))
        font = QFont(self.notes.font())
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.notes.setFont(font)
        self.message = ReadableText()
        self.message.setWordWrap(True)
        self.message.setFrameShape(QFrame.Shape.StyledPanel)
        self.message.hide()
        # Questions the keyboard answers ("Stop presenting?"), asked on the console and the participant view.
        self.question = QuestionBar(lambda: (self, *self.key_windows))
        self.key_windows: tuple[QWidget, ...] = ()
        self.read_back_state: str | None = None
        self.question.changed.connect(self._show_bars)
        self.try_out_band = ReadableText()
        self.try_out_band.setWordWrap(True)
        self.try_out_band.setFrameShape(QFrame.Shape.StyledPanel)
        self.try_out_band.setAutoFillBackground(True)
        self.try_out_band.setBackgroundRole(QPalette.ColorRole.ToolTipBase)
        self.try_out_band.setForegroundRole(QPalette.ColorRole.ToolTipText)
        band_font = QFont(self.try_out_band.font())
        band_font.setBold(True)
        band_font.setPointSizeF(band_font.pointSizeF() * 1.15)
        self.try_out_band.setFont(band_font)
        self.try_out_band.hide()

        self.previous_button = BigButton(_("◀  Previous"))
        self.next_button = BigButton(_("Next  ▶"))
        self.pause_button = BigButton()
        self.more_time_button = BigButton(_("+5 minutes"))
        self.break_button = BigButton(_("Break"))
        self.word_button = BigButton(_("Hard word…"))
        self.blank_button = BigButton()
        self.write_button = BigButton(_("Write down…"))
        self.write_menu = QMenu(self)
        self.write_button.setMenu(self.write_menu)
        self.read_back_bar = QFrame()
        self.read_back_bar.setFrameShape(QFrame.Shape.StyledPanel)
        self.read_back_label = ReadableText()
        self.read_back_label.setWordWrap(True)
        self.agreed_button = BigButton(_("Yes, agreed as written (Y)"))
        self.read_back_button = BigButton(_("Read it back"))
        self.change_button = BigButton(_("Change it with the room…"))
        self.not_yet_button = BigButton(_("Not yet: still to decide"))
        # Two buttons to a row, so the console stays narrow enough to sit beside the room's view on one screen.
        bar = QGridLayout(self.read_back_bar)
        bar.addWidget(self.read_back_label, 0, 0, 2, 1)
        bar.setColumnStretch(0, 2)
        for n, button in enumerate((self.agreed_button, self.read_back_button, self.change_button, self.not_yet_button)):
            button.setMinimumHeight(54)  # a little lower than the others, so the console still fits a 768-pixel screen
            bar.addWidget(button, n // 2, 1 + n % 2)
        self.read_back_bar.hide()
        self.read_button = BigButton()
        self.stop_button = BigButton(_("Stop presenting"))
        self.break_menu = QMenu(self)
        for minutes in BREAK_CHOICES:
            action = self.break_menu.addAction(format_minutes(minutes))
            action.triggered.connect(lambda checked=False, m=minutes: self.break_chosen.emit(m))
        self.set_paused(False)
        self.set_blank(False)
        self.set_reading(False)

        self.screen_box = QComboBox()
        self.theme_box = QComboBox()
        for key, theme in THEMES.items():
            self.theme_box.addItem(_(theme.name), key)
        self.size_box = QComboBox()
        for key, (name, _scale) in TEXT_SIZES.items():
            self.size_box.addItem(_(name), key)
        self.sound_box = QCheckBox(_("&Gentle sound near the end"))
        for box in (self.screen_box, self.theme_box, self.size_box, self.sound_box):
            box.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.screen_box.activated.connect(lambda i: self.screen_chosen.emit(self.screen_box.itemData(i)))
        self.theme_box.activated.connect(lambda i: self.theme_chosen.emit(self.theme_box.itemData(i)))
        self.size_box.activated.connect(lambda i: self.text_size_chosen.emit(self.size_box.itemData(i)))
        self.sound_box.toggled.connect(self.sound_chosen)

        left = QVBoxLayout()
        left.addWidget(QLabel(_("<b>The room sees</b>")))
        left.addWidget(self.preview, 3)
        left.addWidget(self.now_label)
        notes_label = QLabel(_("<b>Your &notes</b>"))
        notes_label.setBuddy(self.notes)
        left.addWidget(notes_label)
        left.addWidget(self.notes, 2)
        right = QVBoxLayout()
        right.addWidget(self.clock)
        right.addWidget(self.item_time)
        right.addWidget(self.day_time)
        right.addWidget(self.needs_label)
        right.addSpacing(12)
        right.addWidget(QLabel(_("<b>Next</b>")))
        right.addWidget(self.next_label)
        right.addStretch(1)
        settings = QGridLayout()
        for row, (text, box) in enumerate((
            (_("Participant &view on"), self.screen_box), (_("C&olours"), self.theme_box), (_("Te&xt size"), self.size_box)
        )):
            label = QLabel(text)
            label.setBuddy(box)
            settings.addWidget(label, row, 0)
            settings.addWidget(box, row, 1)
        settings.addWidget(self.sound_box, 3, 0, 1, 2)
        right.addLayout(settings)
        top = QHBoxLayout()
        top.addLayout(left, 3)
        top.addLayout(right, 2)

        buttons = QGridLayout()
        first = (self.previous_button, self.next_button, self.pause_button, self.more_time_button, self.break_button)
        second = (self.read_button, self.word_button, self.blank_button, self.write_button, self.stop_button)
        for column, button in enumerate(first):
            buttons.addWidget(button, 0, column)
        for column, button in enumerate(second):
            buttons.addWidget(button, 1, column)
        self.keys_hint = ReadableText()
        self.keys_hint.setWordWrap(True)
        self.keys_hint.setTextFormat(Qt.TextFormat.RichText)

        outer = QVBoxLayout(self)
        outer.addWidget(self.try_out_band)
        outer.addLayout(top, 1)
        outer.addWidget(self.message)
        outer.addWidget(self.question)
        outer.addWidget(self.read_back_bar)
        outer.addLayout(buttons)
        outer.addWidget(self.keys_hint)

        self.key_actions: dict[QAbstractButton, QAction] = {}
        self._make_keys()
        order = (
            self.try_out_band, self.now_label, self.notes, self.clock, self.item_time, self.day_time, self.needs_label,
            self.next_label, self.screen_box, self.theme_box, self.size_box, self.sound_box, self.message,
            self.read_back_label, self.agreed_button, self.read_back_button, self.change_button, self.not_yet_button,
            *first, *second, self.keys_hint,
        )
        for before, after in zip(order, order[1:]):
            QWidget.setTabOrder(before, after)

    # -- keys -------------------------------------------------------------------------

    def _make_keys(self) -> None:
        what = {
            "next_button": _("next"), "previous_button": _("back"), "pause_button": _("pause"),
            "more_time_button": _("5 minutes more"), "break_button": _("break"), "word_button": _("hard word"),
            "blank_button": _("blank screen"), "read_button": _("read aloud"), "write_button": _("write down"),
            "stop_button": _("stop"), "read_back_button": _("read it back"),
            "change_button": _("change it with the room"), "not_yet_button": _("not yet: still to decide"),
        }
        self.notes_actions: list[QAction] = []
        for name, keys in BUTTON_KEYS.items():
            button = getattr(self, name)
            action = QAction(what[name], self)
            action.setShortcuts(shortcuts(keys))
            action.triggered.connect(lambda checked=False, b=button: self.press(b))
            self.give_key(button, action)
        for key, step in NOTES_KEYS.items():
            action = QAction(_("scroll your notes"), self)
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(lambda checked=False, s=step: self.notes.verticalScrollBar().triggerAction(s))
            self.addAction(action)
            self.notes_actions.append(action)
        self._show_key_list()

    def give_key(self, button: QAbstractButton, action: QAction) -> None:
        """``action``'s keys press ``button``: its first key is shown on the button and in the key list."""
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.key_actions[button] = action
        self.addAction(action)
        if isinstance(button, BigButton):
            button.set_key(key_words(action.shortcuts()[0].toString()))
        self._show_key_list()

    def key_of(self, button: QAbstractButton) -> str:
        """The key shown on ``button`` ("" for none)."""
        action = self.key_actions.get(button)
        return key_words(action.shortcuts()[0].toString()) if action is not None and action.shortcuts() else ""

    def plain_keys(self, button: QAbstractButton) -> tuple[Qt.Key, ...]:
        """The keys, without Ctrl or Alt, that press ``button`` (for a question that these keys answer)."""
        action = self.key_actions.get(button)
        sequences = action.shortcuts() if action is not None else []
        return tuple(s[0].key() for s in sequences if s[0].keyboardModifiers() == Qt.KeyboardModifier.NoModifier)

    def press(self, button: QAbstractButton) -> None:
        """What a button's key does: press it, or open its menu. Nothing while it is hidden or greyed out."""
        if not button.isEnabled() or not button.isVisibleTo(self):
            return
        if button is self.pause_button and self.isActiveWindow() and self.focusWidget() is self.sound_box:
            self.sound_box.toggle()  # Space on the tick box ticks it
        elif isinstance(button, BigButton) and button.menu() is not None:
            button.showMenu()  # the arrows and Enter choose in the menu; Esc closes it
        else:
            button.click()

    def key_list(self) -> list[tuple[str, list[tuple[list[str], str]]]]:
        """The key list in groups: each a heading ("" for none) and its entries (the keys' words, what they do)."""

        def entry(action: QAction) -> tuple[list[str], str]:
            words = []
            for sequence in action.shortcuts():
                word = key_words(sequence.toString())
                if not word.startswith("Alt+") and word not in words:
                    words.append(word)
            return words, _plain(action.iconText())  # short words: "decision", not "A decision…"

        def of(*buttons) -> list[tuple[list[str], str]]:
            return [entry(self.key_actions[button]) for button in buttons if button in self.key_actions]

        notes = [sum((entry(action)[0] for action in self.notes_actions), []), _("scroll your notes")]
        return [
            ("", of(self.next_button, self.previous_button, self.pause_button, self.more_time_button,
                            self.break_button, self.word_button, self.blank_button, self.read_button, self.stop_button)),
            (_("write down:"), of(self.write_button) + [entry(action) for action in self.write_menu.actions()]),
            (_("a decision on the big screen:"),
             of(self.read_back_button, self.agreed_button, self.change_button, self.not_yet_button)),
            ("", [
                (notes[0], notes[1]), ([_("Tab")], _("the next part")), (["Alt+↓"], _("open a list")),
                (["Alt"], _("and a letter: the same")),
            ]),
        ]

    @staticmethod
    def key_entry(keys: list[str], what: str) -> str:
        """One entry of the key list as it is shown: the keys in bold, then what they do."""
        return f"<b>{html.escape('/'.join(keys))}</b> {html.escape(what)}"

    def _show_key_list(self) -> None:
        """One paragraph, so it takes few lines: the keys in bold, each group after a few words of its own."""
        groups = []
        for heading, entries in self.key_list():
            shown = " · ".join(self.key_entry(keys, what) for keys, what in entries if keys)
            groups.append(f"<i>{html.escape(heading)}</i> {shown}" if heading else shown)
        self.keys_hint.setText(_("Keys:") + " " + " · ".join(groups))

    # -- what the console shows -----------------------------------------------------
    def set_paused(self, paused: bool) -> None:
        self.pause_button.setText(_("Go on with the timer") if paused else _("Pause timer"))

    def set_reading(self, reading: bool) -> None:
        self.read_button.setText(_("Stop reading") if reading else _("Read aloud"))

    def set_blank(self, blank: bool) -> None:
        self.blank_button.setText(_("Show the screen again") if blank else _("Blank screen"))

    def set_break(self, on_break: bool) -> None:
        self.break_button.setText(_("End the break") if on_break else _("Break"))
        self.break_button.setMenu(None if on_break else self.break_menu)

    def set_times(self, clock: str, item: str, day: str) -> None:
        self.clock.setText(clock)
        self.item_time.setText(item)
        self.day_time.setText(day)

    def set_items(self, now: str, following: str, notes: str) -> None:
        self.now_label.setText(now)
        self.next_label.setText(following or _("Nothing: this is the end."))
        if self.notes.toPlainText() != notes:
            self.notes.setPlainText(notes or _("No notes for this item."))

    def set_needs(self, needs: str) -> None:
        """What the people here need, in one line ("" for nothing: the line is hidden)."""
        self.needs_label.setText(_("What people need: {needs}").format(needs=needs) if needs else "")
        self.needs_label.setVisible(bool(needs))

    def set_write_actions(self, actions: list) -> None:
        self.write_menu.clear()
        for action in actions:
            self.write_menu.addAction(action)
        self._show_key_list()

    def set_read_back(self, state: str | None) -> None:
        """The buttons for a decision on the big screen: "result" (counts shown), "asking", "agreed", or None."""
        self.read_back_state = state
        self._show_bars()
        if state is None:
            return
        self.read_back_label.setText({
            "result": _("The room sees how people agreed. Read the decision back next."),
            "asking": _("Is this right? Ask the room, then press a button."),
            "agreed": _("Agreed as written. Press Next to go on."),
        }[state])
        self.read_back_button.setVisible(state == "result")
        self.agreed_button.setVisible(state == "asking")
        self.not_yet_button.setVisible(state != "agreed")

    def _show_bars(self) -> None:
        """The question about the decision on the big screen takes the place of its read-back buttons."""
        self.read_back_bar.setVisible(self.read_back_state is not None and self.question.name != "decision")

    def choose_action(self, actions: list[str]) -> int | None:
        """Ask which action to change; its place in ``actions``, or None."""
        lines = [text.splitlines()[0][:120] if text.strip() else "" for text in actions]
        # Two actions with the same words are told apart by a number after the second.
        shown = [line if line not in lines[:n] else f"{line} ({lines[: n + 1].count(line)})" for n, line in enumerate(lines)]
        chosen, ok = QInputDialog.getItem(self, _("What happened to an action"), _("Which action?"), shown, 0, False)
        return shown.index(chosen) if ok and chosen in shown else None

    def set_screens(self, names: list[str], chosen: str) -> None:
        """Fill the screen chooser: each screen by name, and "a window here"."""
        self.screen_box.clear()
        self.screen_box.addItem(_("A window on this screen"), "")
        for name in names:
            self.screen_box.addItem(name, name)
        index = self.screen_box.findData(chosen)
        self.screen_box.setCurrentIndex(max(0, index))

    def set_choices(self, theme_key: str, size_key: str, sound: bool) -> None:
        self.theme_box.setCurrentIndex(max(0, self.theme_box.findData(theme_key)))
        self.size_box.setCurrentIndex(max(0, self.size_box.findData(size_key)))
        self.sound_box.blockSignals(True)
        self.sound_box.setChecked(sound)
        self.sound_box.blockSignals(False)

    def say(self, text: str, urgent: bool = False) -> None:
        """A message for the facilitator, kept until the next one (empty: none), and said to a screen reader.

        ``urgent`` for a problem (not saved, the projector gone, no sound): it is said at once.
        """
        tell_in(self.message, text, urgent)

    def show_try_out(self, text: str) -> None:
        """Say plainly, at the top, that this is a try-out and what it keeps."""
        self.setWindowTitle(_("Try-out: presenter console"))
        self.try_out_band.setText(text)
        self.try_out_band.show()

    def closeEvent(self, event):  # noqa: N802 (Qt's name)
        if self.may_close:
            super().closeEvent(event)
            return
        event.ignore()
        self.closing.emit()
