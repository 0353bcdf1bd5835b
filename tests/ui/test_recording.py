"""Deciding together while presenting: writing down decisions, ideas, questions and actions from the console,
showing how people agreed on the big screen, and reading a decision back until the room agrees it as written.

Everything is driven through the real presenter of a main window on the demo workshop: keys on the console
(D, I, Q, A, Y), its buttons and its "Write down…" menu. Only the dialogs' ``exec`` is replaced, by what the
facilitator does in them (``Facilitator``), so no test waits on a modal loop. Outcomes are checked where they
land: the workshop reloaded from the library, what the room sees (``screen_now``), what was read aloud (a fake
speech engine) and the console's read-back bar.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from PySide6.QtCore import QDate, QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QInputDialog, QMessageBox

from facilitator.cli import open_app_library
from facilitator.core.choosing import PLAIN_SHAPES
from facilitator.core.deciding import AGREE_PICTURE, DISAGREE_PICTURE, NOT_SURE_PICTURE, Count
from facilitator.core.demo import demo_date
from facilitator.core.exchange import MOST_OPTIONS, SHORT_TEXT
from facilitator.core.model import Action, ActionStatus, Agreement, Option
from facilitator.session.run import Cover
from facilitator.session.screens import Kind, screen_now
from facilitator.speech.fake import FakeEngine
from facilitator.ui import zoom
from facilitator.ui.picture_picker import PicturePicker
from facilitator.ui.presenter.decision_dialog import DecisionDialog
from facilitator.ui.presenter.note_dialogs import NoteDialog
from facilitator.ui.presenter.presenter import READING
from facilitator.ui.settings import Preferences
from tests.ui.conftest import speaking_window

K = Qt.Key
SAVE = QDialogButtonBox.StandardButton.Save
CANCEL = QDialogButtonBox.StandardButton.Cancel
GOOD_DAY = 3  # "What makes a good day?" in the demo workshop
CHOOSE = 7  # "Choose what matters most" (a deciding item)
GOODBYE = 9  # "Next steps and goodbye", where the demo's open action was agreed
NAMES = ["Joan Whitfield", "Sunny", "Tariq Hussain", "Bernie", "Aisha Mensah", "Pete", "Grace Liu", "Kofi Boateng",
         "Helen Price", "Marcus Reid"]  # the demo's people as the room knows them: a chosen name first

TEXTS = {
    "empty": "",
    "10,000 characters": ("We will ask the council for a ramp. " * 300)[:9_999] + "!",
    "emoji": "👋🏽🚌",
    "Arabic": "نلتقي في مايو",
    "mixed": "Meet in مايو 🚌",
}


# -- the room: a main window presenting the demo workshop, with a speech engine we can see into ---------------


@dataclass
class Room:
    window: object
    presenter: object
    engine: FakeEngine
    qtbot: object

    @property
    def console(self):
        return self.presenter.console

    @property
    def session(self):
        return self.presenter.session

    def key(self, key) -> None:
        self.qtbot.keyClick(self.console, key)

    def click(self, button) -> None:
        assert button.isVisible(), button.text()
        self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    def go(self, place: int) -> None:
        """Move to ``place`` with the Right key, as the facilitator does."""
        while self.session.place < place:
            self.key(K.Key_Right)
        assert self.session.place == place and self.session.covering is None

    def write(self, name: str) -> None:
        """Choose from the console's "Write down…" menu."""
        entries = {action.text().replace("&", ""): action for action in self.console.write_menu.actions()}
        entries[name].trigger()

    def stored(self):
        return self.window.library.load_workshop(self.presenter.workshop_id)

    def screen(self):
        """What the room sees; the participant view draws the same screen the session describes."""
        screen = screen_now(self.session)
        assert self.presenter.view.drawing.screen == screen
        return screen

    def message(self) -> str:
        return self.console.message.text()

    def said(self) -> list[str]:
        """Everything read aloud so far, once the reading has finished."""
        self.qtbot.waitUntil(lambda: not self.presenter.speaker.is_reading(READING), timeout=5000)
        return [text for text, _voice, _rate, _volume in self.engine.rendered]

    def bar(self) -> tuple[str, set[str]] | None:
        """The console's read-back bar: its words and the buttons on it; None when it is hidden."""
        console = self.console
        if not console.read_back_bar.isVisible():
            return None
        buttons = {"agreed": console.agreed_button, "read back": console.read_back_button,
                   "change": console.change_button, "not yet": console.not_yet_button}
        return console.read_back_label.text(), {name for name, button in buttons.items() if button.isVisible()}


@pytest.fixture
def room(qtbot, tmp_path):
    library = open_app_library(tmp_path / "library.sqlite3")
    preferences = Preferences(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    engine = FakeEngine(seconds_per_word=0.002)
    window = speaking_window(qtbot, library, preferences, engine)
    qtbot.waitUntil(window.speaker.service.ready.is_set, timeout=5000)
    window.present()
    presenter = window.presenter
    assert presenter is not None and presenter.running
    qtbot.waitUntil(presenter.console.isActiveWindow, timeout=2000)
    yield Room(window, presenter, engine, qtbot)
    if window.presenter is not None:
        window.presenter.stop()
    window.close()
    library.close()
    zoom.set_zoom(1.0)


# -- the facilitator in the dialogs -----------------------------------------------------------------------


class Facilitator:
    """Answers each dialog the presenter opens with the next step given to ``will``, in order.

    A step is a function of the dialog; the dialog's result is what its buttons made it. Pictures are
    chosen as a facilitator does: the picker opens on the pictures for the option's words, a word may be
    typed to search, and the first picture offered is taken.
    """

    def __init__(self, monkeypatch):
        self.steps: list[Callable] = []
        self.dialogs: list = []
        self.finished: list = []  # dialogs that really closed (Save or Cancel went through)
        self.pickers: list = []
        self.searches: list[str] = []
        self.offered: list[list[str]] = []  # what "Which action?" offered each time
        self.pick: str | int | None = None  # the action to pick there (its words or its place); None: Cancel
        for cls in (DecisionDialog, NoteDialog):
            monkeypatch.setattr(cls, "exec", lambda dialog: self._exec(dialog))
        monkeypatch.setattr(PicturePicker, "exec", lambda picker: self._pick_picture(picker))
        monkeypatch.setattr(QInputDialog, "getItem", self._get_item)

    def will(self, *steps: Callable) -> None:
        self.steps.extend(steps)

    @property
    def dialog(self):
        return self.dialogs[-1]

    def _exec(self, dialog):
        self.dialogs.append(dialog)
        dialog.finished.connect(lambda _result: self.finished.append(dialog))
        assert self.steps, f"nothing to do in “{dialog.windowTitle()}”"
        self.steps.pop(0)(dialog)
        return dialog.result()

    def _pick_picture(self, picker):
        self.pickers.append(picker)
        if self.searches:
            picker.search_edit.setText(self.searches.pop(0))
        picker.accept_current()
        return picker.result()

    def _get_item(self, parent, title, label, items, current=0, editable=True, *args):
        self.offered.append(list(items))
        if self.pick is None:
            return "", False
        if isinstance(self.pick, int):
            return items[self.pick], True
        return next(item for item in items if item.startswith(self.pick[:120])), True


@pytest.fixture
def facilitator(monkeypatch):
    return Facilitator(monkeypatch)


def press(dialog, which=SAVE) -> None:
    dialog.findChild(QDialogButtonBox).button(which).click()


def decision(text: str, how: Agreement = Agreement.NOT_YET, counts=(0, 0, 0), options=(), who: str | None = None,
             read_back: bool = True, save: bool = True) -> Callable:
    """Write a decision as the facilitator does. ``options``: (words, pictured, count) for each option."""

    def step(dialog):
        assert dialog.windowTitle() == "Write down a decision"
        dialog.text.setPlainText(text)
        dialog.how_buttons[how].click()
        for box, value in zip((dialog.agree, dialog.not_sure, dialog.disagree), counts):
            box.setValue(value)
        while len(dialog.option_rows) < len(options):
            dialog.add_option_button.click()
        for row, (words, pictured, count) in zip(dialog.option_rows, options):
            row.words.setText(words)
            row.count.setValue(count)
            if pictured:
                row.picture.click()
        if who is not None:
            dialog.who.setCurrentText(who)
        dialog.read_back.setChecked(read_back)
        if save:
            press(dialog)

    return step


def choose_who(dialog, who: str) -> None:
    """Pick ``who`` from the workshop's names when it is one of them, else type it."""
    index = dialog.who.findText(who)
    if index >= 0:
        dialog.who.setCurrentIndex(index)
    else:
        dialog.who.lineEdit().setText(who)


def note(text: str, who: str | None = None, save: bool = True) -> Callable:
    """Write an idea or a question, and whose it is."""

    def step(dialog):
        dialog.text.setPlainText(text)
        if who is not None:
            choose_who(dialog, who)
        if save:
            press(dialog)

    return step


def action(what: str | None, who: str | None = None, by: dt.date | None = None, status: ActionStatus | None = None,
           save: bool = True) -> Callable:
    """Write an action (or, with ``what`` None, change only what is given of one)."""

    def step(dialog):
        if what is not None:
            dialog.text.setPlainText(what)
        if who is not None:
            choose_who(dialog, who)
        if by is not None:
            dialog.has_date.setChecked(True)
            dialog.date.setDate(QDate(by.year, by.month, by.day))
        if status is not None:
            dialog.status.setCurrentIndex(dialog.status.findData(status))
        if save:
            press(dialog)

    return step


def answer_box(qtbot, button: str, seen: list[str]) -> None:
    """When a question box comes up, note its words and press ``button`` ("Cancel" or its own words)."""
    tries = [0]

    def look():
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(f"{box.windowTitle()} | {box.text()}")
            chosen = next(b for b in box.buttons() if b.text().replace("&", "") == button)
            chosen.click()
        elif tries[0] < 200:
            tries[0] += 1
            QTimer.singleShot(10, look)

    QTimer.singleShot(0, look)


def last_decision(room: Room):
    return room.stored().decisions[-1]


# -- 1. a decision counted: agree, not sure, disagree ----------------------------------------------------------


def test_d_writes_a_counted_decision_linked_to_the_item_and_shows_the_counts(room, facilitator):
    room.go(CHOOSE)
    item = room.session.item()
    before = room.stored().decisions
    facilitator.will(decision("The centre opens at 9 in the morning.", Agreement.COUNTED, (7, 2, 1), who="Bernie"))
    room.key(K.Key_D)
    decisions = room.stored().decisions
    assert decisions[:-1] == before
    saved = decisions[-1]
    assert (saved.text, saved.agenda_item_id, saved.agreement) == (
        "The centre opens at 9 in the morning.", item.id, Agreement.COUNTED)
    assert (saved.agree, saved.not_sure, saved.disagree, saved.options) == (7, 2, 1, [])
    assert (saved.agreed, saved.suggested_by) == (False, "Bernie")
    assert room.message().startswith("Decision saved.")
    # The room sees how people agreed: a picture and a number for each answer, the most marked.
    assert room.session.covering.kind is Cover.RESULT and room.session.covering.ref == saved.id
    screen = room.screen()
    assert (screen.kind, screen.heading, screen.title) == (Kind.RESULT, "How we agreed", saved.text)
    assert screen.counts == (
        Count(AGREE_PICTURE, 7, "agree", most=True), Count(NOT_SURE_PICTURE, 2, "not sure"),
        Count(DISAGREE_PICTURE, 1, "disagree"),
    )
    # What is painted on the projector: each card's number and words, the most one framed; never a percentage.
    layout = room.presenter.view.current_layout()
    cards = [(cell.number.text, cell.words.text, cell.most) for cell in layout.counts]
    assert cards == [("7", "agree", True), ("2", "not sure", False), ("1", "disagree", False)]
    said = room.said()
    assert said == ["How we agreed", saved.text, "7", "agree", "2", "not sure", "1", "disagree"]
    painted = [text.text for text in layout.texts] + [n + " " + w for n, w, _most in cards]
    assert not any("%" in text for text in painted + said), painted + said
    # The console says what to do next: read it back.
    assert room.bar() == ("The room sees how people agreed. Read the decision back next.", {"read back", "change", "not yet"})
    assert "how people agreed" in room.console.now_label.text()
    assert room.session.place == CHOOSE


@pytest.mark.parametrize(("counts", "marked"), [((3, 3, 1), None), ((0, 0, 4), 2), ((1, 5, 0), 1)],
                         ids=["a tie", "all disagree", "most not sure"])
def test_only_a_single_biggest_count_is_marked(room, facilitator, counts, marked):
    room.go(CHOOSE)
    facilitator.will(decision("We paint the hall green.", Agreement.COUNTED, counts, read_back=True))
    room.key(K.Key_D)
    screen = room.screen()
    assert [count.count for count in screen.counts] == list(counts)
    assert [n for n, count in enumerate(screen.counts) if count.most] == ([] if marked is None else [marked])


# -- 2. everyone agreed -------------------------------------------------------------------------------------


def test_everyone_agreed_is_stored_and_goes_straight_to_reading_it_back(room, facilitator):
    room.go(GOOD_DAY)
    item = room.session.item()

    def counted_then_everyone(dialog):
        decision("Lunch is at one o'clock.", Agreement.COUNTED, (3, 1, 0), save=False)(dialog)
        dialog.how_buttons[Agreement.EVERYONE].click()  # changed their mind: everyone did agree
        assert dialog.counts.isHidden() and dialog.options.isHidden()
        press(dialog)

    facilitator.will(counted_then_everyone)
    room.key(K.Key_D)
    saved = last_decision(room)
    assert (saved.text, saved.agenda_item_id, saved.agreement, saved.agreed) == (
        "Lunch is at one o'clock.", item.id, Agreement.EVERYONE, False)
    assert (saved.agree, saved.not_sure, saved.disagree, saved.options) == (0, 0, 0, [])
    # Nothing to count, so no result screen: the room is asked at once whether it is right.
    assert room.session.covering.kind is Cover.DECISION
    screen = room.screen()
    assert (screen.kind, screen.heading, screen.title, screen.words) == (
        Kind.DECISION, "Is this right?", saved.text, "Everyone agreed.")
    assert screen.counts == ()
    assert room.said() == ["Is this right?", saved.text, "Everyone agreed."]
    assert room.bar() == ("Is this right? Ask the room, then press a button.", {"agreed", "change", "not yet"})


# -- 3. choosing between options ------------------------------------------------------------------------------


def test_a_choice_between_options_with_pictures_and_counts(room, facilitator):
    room.go(CHOOSE)
    item = room.session.item()
    facilitator.will(decision(
        "How we get to the new centre", Agreement.CHOSEN,
        options=[("Bus", True, 6), ("Walk together", False, 2), ("Taxi", True, 1)], who="Pete",
    ))
    room.key(K.Key_D)
    saved = last_decision(room)
    assert (saved.agreement, saved.agenda_item_id, saved.suggested_by) == (Agreement.CHOSEN, item.id, "Pete")
    assert [(o.words, o.count) for o in saved.options] == [("Bus", 6), ("Walk together", 2), ("Taxi", 1)]
    # Each picker opened on the pictures for the option's own words, and the first was taken; the option
    # with no picture chosen has the picture for its words.
    assert [picker.words for picker in facilitator.pickers] == ["Bus", "Taxi"]
    assert [o.picture for o in saved.options] == ["bus", "walk", "taxi"]
    assert (saved.agree, saved.not_sure, saved.disagree) == (0, 0, 0)
    assert saved.chosen() == saved.options[0]
    screen = room.screen()
    assert (screen.kind, screen.heading, screen.title) == (Kind.RESULT, "What we chose", saved.text)
    assert [(c.picture, c.count, c.words, c.most) for c in screen.counts] == [
        ("bus", 6, "Bus", True), ("walk", 2, "Walk together", False), ("taxi", 1, "Taxi", False)]
    room.click(room.console.read_back_button)
    screen = room.screen()
    assert (screen.kind, screen.heading, screen.title) == (Kind.DECISION, "Is this right?", saved.text)
    assert screen.words == "6 people chose “Bus”. 2 people chose “Walk together”. 1 person chose “Taxi”."


def test_a_tie_between_options_chooses_nothing_and_marks_nothing(room, facilitator):
    room.go(CHOOSE)
    facilitator.will(decision("Which day?", Agreement.CHOSEN, options=[("Monday", False, 4), ("Friday", False, 4)]))
    room.key(K.Key_D)
    saved = last_decision(room)
    assert saved.chosen() is None
    assert [c.most for c in room.screen().counts] == [False, False]


def test_an_option_row_can_be_removed_and_the_rest_keep_their_order(room, facilitator):
    room.go(CHOOSE)

    def four_then_remove_one(dialog):
        decision("Which room for the art group?", Agreement.CHOSEN,
                 options=[("Big room", False, 3), ("Garden room", False, 5), ("Kitchen", False, 1),
                          ("Library", False, 2)], save=False)(dialog)
        garden = dialog.option_rows[1]
        garden.remove.click()
        assert len(dialog.option_rows) == 3 and garden.isHidden()
        press(dialog)

    facilitator.will(four_then_remove_one)
    room.key(K.Key_D)
    saved = last_decision(room)
    assert [(o.words, o.count) for o in saved.options] == [("Big room", 3), ("Kitchen", 1), ("Library", 2)]
    assert saved.chosen().words == "Big room"
    assert [c.words for c in room.screen().counts] == ["Big room", "Kitchen", "Library"]


def test_at_most_twelve_options(room, facilitator):
    room.go(CHOOSE)
    seen = {}

    def thirteen(dialog):
        dialog.text.setPlainText("Which trip in the summer?")
        dialog.how_buttons[Agreement.CHOSEN].click()
        while dialog.add_option_button.isEnabled():
            dialog.add_option_button.click()
        seen["rows"] = len(dialog.option_rows)
        dialog.add_option_button.click()  # disabled: nothing happens
        dialog.add_option(Option("The thirteenth"))  # and even when asked, there is no 13th row
        seen["after"] = len(dialog.option_rows)
        seen["problem"] = dialog.problem.text() if not dialog.problem.isHidden() else ""
        for n, row in enumerate(dialog.option_rows):
            row.words.setText(f"Trip {n + 1}")
            row.count.setValue(n)
        dialog.option_rows[0].remove.click()
        seen["enabled again"] = dialog.add_option_button.isEnabled()
        press(dialog)

    facilitator.will(thirteen)
    room.key(K.Key_D)
    assert (seen["rows"], seen["after"]) == (MOST_OPTIONS, MOST_OPTIONS) == (12, 12)
    assert seen["problem"] == "There can be at most 12 options."
    assert seen["enabled again"]
    saved = last_decision(room)
    assert [o.words for o in saved.options] == [f"Trip {n}" for n in range(2, 13)]
    assert saved.chosen().words == "Trip 12"


# -- 4. reading back -----------------------------------------------------------------------------------------


def _written_and_asked(room, facilitator, text="We will meet on the first Tuesday of every month."):
    room.go(GOOD_DAY)
    facilitator.will(decision(text))
    room.key(K.Key_D)
    saved = last_decision(room)
    screen = room.screen()
    assert (screen.kind, screen.heading, screen.title, screen.words) == (Kind.DECISION, "Is this right?", text, "")
    assert screen.pictures == ("decide",)
    assert room.said() == ["Is this right?", text]
    assert room.bar() == ("Is this right? Ask the room, then press a button.", {"agreed", "change", "not yet"})
    assert saved.agreed is False
    return saved


@pytest.mark.parametrize("how", ["button", "Y on the console", "Y on the room's screen"])
def test_agreed_as_written_is_stored_and_the_room_sees_we_agreed(room, facilitator, qtbot, how):
    saved = _written_and_asked(room, facilitator)
    if how == "button":
        room.click(room.console.agreed_button)
    elif how == "Y on the console":
        room.key(K.Key_Y)
    else:
        view = room.presenter.view
        view.activateWindow()
        qtbot.waitUntil(view.isActiveWindow, timeout=2000)
        qtbot.keyClick(view, K.Key_Y)
    after = last_decision(room)
    assert after.id == saved.id and after.agreed is True
    assert after.text == saved.text and after.agenda_item_id == saved.agenda_item_id
    screen = room.screen()
    assert (screen.kind, screen.heading, screen.title) == (Kind.DECISION, "We agreed", saved.text)
    assert room.bar() == ("Agreed as written. Press Next to go on.", {"change"})
    assert room.message() == "Agreed as written. It goes in the summary as a decision."
    assert not room.presenter.recording.actions["agreed"].isEnabled()
    # Next takes the decision away and keeps the place.
    room.key(K.Key_Right)
    assert room.session.covering is None and room.session.place == GOOD_DAY and room.bar() is None
    # It is an ordinary edit: Undo makes it "still to decide" again.
    room.window.history.undo()
    assert last_decision(room).agreed is False


def test_y_does_nothing_while_the_counts_are_on_the_big_screen(room, facilitator):
    room.go(CHOOSE)
    facilitator.will(decision("The centre opens at 9 in the morning.", Agreement.COUNTED, (7, 2, 1)))
    room.key(K.Key_D)
    room.key(K.Key_Y)
    assert last_decision(room).agreed is False
    assert room.screen().kind is Kind.RESULT
    room.click(room.console.read_back_button)
    screen = room.screen()
    assert (screen.kind, screen.heading) == (Kind.DECISION, "Is this right?")
    assert screen.words == "7 people agreed. 2 people were not sure. 1 person did not agree."
    assert " ".join(room.said()).endswith(f"Is this right? The centre opens at 9 in the morning. {screen.words}")
    assert room.bar()[1] == {"agreed", "change", "not yet"}
    room.key(K.Key_Y)
    assert last_decision(room).agreed is True
    assert room.screen().heading == "We agreed"


def test_change_it_reopens_the_dialog_and_the_changed_words_are_stored_and_shown(room, facilitator):
    saved = _written_and_asked(room, facilitator)
    changed = "We will meet on the first Wednesday of every month."
    opened = {}

    def change(dialog):
        opened.update(title=dialog.windowTitle(), text=dialog.text.toPlainText(), read_back=dialog.read_back.isHidden())
        dialog.text.setPlainText(changed)
        dialog.how_buttons[Agreement.EVERYONE].click()
        press(dialog)

    facilitator.will(change)
    room.click(room.console.change_button)
    assert opened == {"title": "Change the decision", "text": saved.text, "read_back": True}
    decisions = room.stored().decisions
    after = decisions[-1]
    assert (after.id, after.text, after.agreement, after.agreed) == (saved.id, changed, Agreement.EVERYONE, False)
    assert after.agenda_item_id == saved.agenda_item_id
    assert [d.text for d in decisions].count(saved.text) == 0
    screen = room.screen()
    assert (screen.kind, screen.heading, screen.title, screen.words) == (
        Kind.DECISION, "Is this right?", changed, "Everyone agreed.")
    assert room.message() == "Decision changed. Read it back again to check it is right."
    assert room.said()[-3:] == ["Is this right?", changed, "Everyone agreed."]
    room.key(K.Key_Y)
    assert last_decision(room).agreed is True and last_decision(room).text == changed


def test_changing_the_words_of_an_agreed_decision_asks_the_room_again(room, facilitator):
    saved = _written_and_asked(room, facilitator)
    room.key(K.Key_Y)
    assert last_decision(room).agreed is True
    facilitator.will(lambda dialog: (dialog.text.setPlainText("We meet every month."), press(dialog)))
    room.click(room.console.change_button)
    after = last_decision(room)
    assert (after.id, after.text, after.agreed) == (saved.id, "We meet every month.", False)
    assert room.screen().heading == "Is this right?"
    assert room.bar()[1] == {"agreed", "change", "not yet"}


def test_changing_only_the_counts_of_an_agreed_decision_keeps_it_agreed(room, facilitator):
    room.go(CHOOSE)
    facilitator.will(decision("We paint the hall green.", Agreement.COUNTED, (5, 1, 1)))
    room.key(K.Key_D)
    room.click(room.console.read_back_button)
    room.key(K.Key_Y)
    facilitator.will(lambda dialog: (dialog.agree.setValue(6), press(dialog)))
    room.click(room.console.change_button)
    after = last_decision(room)
    assert (after.agree, after.not_sure, after.disagree, after.agreed) == (6, 1, 1, True)
    screen = room.screen()  # the new counts are shown first
    assert (screen.kind, [c.count for c in screen.counts]) == (Kind.RESULT, [6, 1, 1])


def test_cancelling_a_change_keeps_the_decision_and_the_screen(room, facilitator):
    saved = _written_and_asked(room, facilitator)
    asked: list[str] = []

    def change_then_cancel(dialog):
        dialog.text.setPlainText("Something else entirely.")
        answer_box(room.qtbot, "Throw it away", asked)
        press(dialog, CANCEL)

    facilitator.will(change_then_cancel)
    room.click(room.console.change_button)
    assert len(asked) == 1
    assert last_decision(room) == saved
    screen = room.screen()
    assert (screen.heading, screen.title) == ("Is this right?", saved.text)
    assert room.bar()[1] == {"agreed", "change", "not yet"}


def test_not_yet_uncovers_and_the_decision_stays_still_to_decide(room, facilitator):
    saved = _written_and_asked(room, facilitator)
    room.click(room.console.not_yet_button)
    assert room.session.covering is None and room.session.place == GOOD_DAY
    screen = room.screen()
    assert (screen.kind, screen.title) == (Kind.ITEM, "What makes a good day?")
    assert room.bar() is None
    assert room.message() == "Kept as still to decide. You can come back to it."
    assert last_decision(room) == saved and saved.agreed is False
    room.key(K.Key_Y)  # Y means nothing with no decision on the big screen
    assert last_decision(room).agreed is False


def test_a_decision_not_read_back_is_saved_but_not_shown(room, facilitator):
    room.go(GOOD_DAY)
    facilitator.will(decision("We like the garden.", Agreement.COUNTED, (4, 0, 0), read_back=False))
    room.key(K.Key_D)
    assert last_decision(room).agree == 4
    assert room.session.covering is None and room.bar() is None
    assert room.message().startswith("Decision saved.")


def test_a_decision_that_cannot_be_saved_is_shown_on_the_console_to_copy(room, facilitator, monkeypatch):
    room.go(GOOD_DAY)
    before = room.stored().decisions
    library = room.window.library

    def disk_full(*args, **kwargs):
        raise OSError("the disk is full")

    facilitator.will(decision("Mixed words: Meet in مايو 🚌"))
    with monkeypatch.context() as patched:
        patched.setattr(library, "add_part", disk_full)
        room.key(K.Key_D)
    assert room.message() == "This could not be saved (the disk is full). Copy it somewhere safe: Mixed words: Meet in مايو 🚌"
    assert room.stored().decisions == before
    assert room.session.covering is None and room.bar() is None


def test_a_decision_too_long_for_the_big_screen_is_not_sent_to_the_planner(room, facilitator):
    room.go(GOOD_DAY)
    long = TEXTS["10,000 characters"][:3_000].strip()
    facilitator.will(decision(long))
    room.key(K.Key_D)
    assert room.presenter.view.current_layout().cut  # the room sees it cut short
    assert last_decision(room).text == long  # but all of it is kept
    assert "planner" not in room.message(), room.message()


def test_undo_of_agreeing_while_it_is_shown_tells_the_room_too(room, facilitator):
    _written_and_asked(room, facilitator)
    room.key(K.Key_Y)
    room.window.history.undo()
    assert last_decision(room).agreed is False
    assert room.bar()[1] == {"agreed", "change", "not yet"}  # the console asks again...
    assert room.screen().heading == "Is this right?"  # ...and so should the big screen


# -- 5. bad inputs -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "how", "counts", "options", "problem"),
    [
        ("   \n ", Agreement.NOT_YET, (0, 0, 0), (), "Write what was decided first, or press Cancel."),
        ("x" * 20_001, Agreement.NOT_YET, (0, 0, 0), (),
         "This is 20,001 characters long; a decision can have at most 20,000. Make it shorter."),
        ("We meet on Fridays.", Agreement.COUNTED, (0, 0, 0), (),
         "Type how many people agree, are not sure and disagree, or choose “Not asked yet”."),
        ("Which day?", Agreement.CHOSEN, (0, 0, 0), [("Friday", False, 3), ("   ", False, 0)],
         "Write at least two options to choose between, or choose another way of agreeing."),
        ("Which day?", Agreement.CHOSEN, (0, 0, 0), [("Friday", False, 3), ("   ", False, 2)],
         "Option 2 has a picture or a number but no words. Write its words, or remove it."),
    ],
    ids=["empty", "too long", "counted nobody", "one option", "hands for no words"],
)
def test_a_bad_decision_keeps_the_dialog_open_with_a_message_and_nothing_is_stored(
    room, facilitator, text, how, counts, options, problem
):
    room.go(GOOD_DAY)
    before = room.stored().decisions
    facilitator.will(decision(text, how, counts, options))
    room.key(K.Key_D)
    dialog = facilitator.dialog
    assert not dialog.problem.isHidden() and dialog.problem.text() == problem
    assert dialog.problem_with() == problem
    assert dialog not in facilitator.finished  # still open, with what was typed
    assert dialog.text.toPlainText() == text
    assert room.stored().decisions == before
    assert not room.window.history.canUndo()
    assert room.session.covering is None and not room.message().startswith("Decision saved.")


def test_cancel_after_typing_asks_first_and_no_keeps_the_words(room, facilitator, qtbot):
    room.go(GOOD_DAY)
    asked: list[str] = []
    kept = {}

    def cancel_then_save(dialog):
        decision("We want a bench by the door.", save=False)(dialog)
        answer_box(qtbot, "Cancel", asked)  # "Throw it away?" No.
        press(dialog, CANCEL)
        kept["open"] = dialog not in facilitator.finished
        kept["text"] = dialog.text.toPlainText()
        press(dialog)  # then they save it after all

    facilitator.will(cancel_then_save)
    room.key(K.Key_D)
    assert asked == ["Throw away this decision? | What you wrote is not saved yet."]
    assert kept == {"open": True, "text": "We want a bench by the door."}
    assert last_decision(room).text == "We want a bench by the door."


def test_cancel_after_typing_and_throwing_it_away_stores_nothing(room, facilitator, qtbot):
    room.go(GOOD_DAY)
    before = room.stored().decisions
    asked: list[str] = []

    def cancel(dialog):
        decision("We want a bench by the door.", save=False)(dialog)
        answer_box(qtbot, "Throw it away", asked)
        press(dialog, CANCEL)

    facilitator.will(cancel)
    room.key(K.Key_D)
    assert len(asked) == 1 and facilitator.dialog in facilitator.finished
    assert room.stored().decisions == before
    assert room.session.covering is None


def test_cancel_with_nothing_typed_asks_nothing(room, facilitator):
    room.go(GOOD_DAY)
    before = room.stored().decisions
    facilitator.will(lambda dialog: press(dialog, CANCEL))
    room.key(K.Key_D)
    assert facilitator.dialog in facilitator.finished
    assert QApplication.activeModalWidget() is None
    assert room.stored().decisions == before


def test_an_option_with_no_words_is_not_one_of_the_options(room, facilitator):
    room.go(CHOOSE)
    seen = {}

    def blank_row(dialog):
        decision("Which day?", Agreement.CHOSEN, options=[("Monday", False, 3), ("Friday", False, 2), ("", False, 0)],
                 save=False)(dialog)
        seen["problem"] = dialog.problem_with()
        press(dialog)

    facilitator.will(blank_row)
    room.key(K.Key_D)
    assert seen["problem"] == ""
    assert [(o.words, o.count) for o in last_decision(room).options] == [("Monday", 3), ("Friday", 2)]


def test_an_option_with_a_picture_and_hands_counted_but_no_words_is_not_lost(room, facilitator):
    room.go(CHOOSE)
    facilitator.searches = ["bus"]
    seen = {}

    def picture_only(dialog):
        decision("How we get there", Agreement.CHOSEN,
                 options=[("Walk", False, 2), ("Taxi", False, 1), ("", True, 5)], save=False)(dialog)
        seen["picture"] = dialog.option_rows[2].picture.picture
        seen["problem"] = dialog.problem_with()
        press(dialog)

    facilitator.will(picture_only)
    room.key(K.Key_D)
    assert seen["picture"] == "bus"  # the row has a picture (searched for "bus") and 5 hands, but no words
    stored = room.stored().decisions[-1].options if room.stored().decisions[-1].text == "How we get there" else []
    assert seen["problem"] != "" or sum(o.count for o in stored) == 8


def test_options_get_the_pictures_for_their_words_and_never_share_one_on_the_big_screen(room, facilitator):
    room.go(CHOOSE)
    facilitator.will(decision("Where we meet in the winter", Agreement.CHOSEN, options=[
        ("At home", False, 3), ("At the day centre", False, 5), ("Monday", False, 1), ("Friday", False, 0)]))
    room.key(K.Key_D)
    saved = last_decision(room)
    # No picture was picked: each option has the one for its words, and those with none a plain shape each.
    assert [o.picture for o in saved.options] == ["home", "day centre", *PLAIN_SHAPES[:2]]
    assert [c.picture for c in room.screen().counts] == ["home", "day centre", *PLAIN_SHAPES[:2]]
    painted = [cell.picture_ref for cell in room.presenter.view.current_layout().counts]
    assert painted == [o.picture for o in saved.options] and len(set(painted)) == 4
    # Read back, each option reads as part of the sentence: a capital only where the words need one.
    room.click(room.console.read_back_button)
    assert room.screen().words == ("3 people chose at home. 5 people chose at the day centre. "
                                   "1 person chose “Monday”. 0 people chose “Friday”.")


def test_hands_are_counted_with_the_plus_and_minus_keys_in_the_dialog(room, facilitator, qtbot):
    room.go(CHOOSE)

    def counted_with_keys(dialog):
        dialog.text.setPlainText("We open on Saturdays.")
        dialog.how_buttons[Agreement.COUNTED].click()
        dialog.show()
        qtbot.waitExposed(dialog)
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow, timeout=2000)
        for box, keys in ((dialog.agree, [K.Key_Plus] * 8 + [K.Key_Minus]), (dialog.not_sure, [K.Key_Plus] * 2),
                          (dialog.disagree, [K.Key_Minus, K.Key_Plus])):
            box.setFocus()
            qtbot.waitUntil(box.hasFocus, timeout=2000)
            for key in keys:
                qtbot.keyClick(QApplication.focusWidget(), key)
        press(dialog)

    facilitator.will(counted_with_keys)
    room.key(K.Key_D)
    saved = last_decision(room)
    assert (saved.agree, saved.not_sure, saved.disagree) == (7, 2, 1)
    assert [c.count for c in room.screen().counts] == [7, 2, 1]


# -- 6. ideas, questions for later and actions ----------------------------------------------------------------


@pytest.mark.parametrize(("who", "kept"), [("Sunny", "Sunny"), ("  Tom, a visitor  ", "Tom, a visitor"), (None, "")],
                         ids=["from the list", "typed", "nobody"])
def test_i_writes_down_an_idea_for_the_item_with_whose_idea_it_was(room, facilitator, who, kept):
    room.go(GOOD_DAY)
    item = room.session.item()
    before = room.stored().ideas
    facilitator.will(note("  A garden with raised beds.  ", who))
    room.key(K.Key_I)
    dialog = facilitator.dialog
    assert dialog.windowTitle() == "Write down an idea"
    assert [dialog.who.itemText(n) for n in range(dialog.who.count())] == ["", *NAMES]
    ideas = room.stored().ideas
    assert ideas[:-1] == before
    assert (ideas[-1].text, ideas[-1].suggested_by, ideas[-1].agenda_item_id) == ("A garden with raised beds.", kept, item.id)
    assert room.message() == "Idea saved."
    assert room.session.covering is None  # an idea is not put on the big screen


def test_q_keeps_a_question_for_later_with_who_asked(room, facilitator):
    room.go(CHOOSE)
    item = room.session.item()
    facilitator.will(note("Who pays for the minibus?", "Joan Whitfield"))
    room.key(K.Key_Q)
    assert facilitator.dialog.windowTitle() == "Keep a question for later"
    question = room.stored().parked_questions[-1]
    assert (question.text, question.asked_by, question.agenda_item_id) == ("Who pays for the minibus?", "Joan Whitfield", item.id)
    assert room.message() == "Question kept for later."


def test_something_written_on_the_welcome_screen_belongs_to_no_item(room, facilitator):
    assert room.session.place == -1
    facilitator.will(note("Can we have the heating on?"))
    room.key(K.Key_Q)
    assert room.stored().parked_questions[-1].agenda_item_id is None


@pytest.mark.parametrize("key", [K.Key_I, K.Key_Q, K.Key_A], ids=["idea", "question", "action"])
def test_an_empty_note_is_refused_and_nothing_is_stored(room, facilitator, key):
    room.go(GOOD_DAY)
    before = room.stored()
    facilitator.will(note("  \n\t "))
    room.key(key)
    dialog = facilitator.dialog
    assert dialog.problem.text() == "Write something first, or press Cancel." and not dialog.problem.isHidden()
    assert dialog not in facilitator.finished
    after = room.stored()
    assert (after.ideas, after.parked_questions, after.actions) == (before.ideas, before.parked_questions, before.actions)


def test_cancelling_an_idea_after_typing_asks_first(room, facilitator, qtbot):
    room.go(GOOD_DAY)
    asked: list[str] = []
    kept = {}

    def cancel_then_save(dialog):
        note("Music on Fridays.", save=False)(dialog)
        answer_box(qtbot, "Cancel", asked)
        press(dialog, CANCEL)
        kept["text"] = dialog.text.toPlainText()
        kept["open"] = dialog not in facilitator.finished
        press(dialog)

    facilitator.will(cancel_then_save)
    room.key(K.Key_I)
    assert asked == ["Throw this away? | What you wrote is not saved yet."]
    assert kept == {"text": "Music on Fridays.", "open": True}
    assert room.stored().ideas[-1].text == "Music on Fridays."


@pytest.mark.parametrize(
    ("who", "by", "status", "kept_who"),
    [
        ("Helen Price", dt.date(2027, 1, 15), ActionStatus.TO_DO, "Helen Price"),
        ("Bernie and his support worker", None, ActionStatus.NOT_YET, "Bernie and his support worker"),
        (None, dt.date(2026, 12, 31), ActionStatus.STUCK, ""),
    ],
    ids=["a name from the list, by a date", "a name typed, no date", "nobody in particular"],
)
def test_a_writes_down_an_action_who_does_what_by_when(room, facilitator, who, by, status, kept_who):
    room.go(CHOOSE)
    item = room.session.item()
    seen = {}

    def write(dialog):
        assert dialog.windowTitle() == "Write down an action"
        assert not dialog.has_date.isChecked() and dialog.date_words.text() == "No date"
        action("Ask the council for a ramp at the side door.", who, by, status, save=False)(dialog)
        seen["date words"] = dialog.date_words.text()
        press(dialog)

    facilitator.will(write)
    room.key(K.Key_A)
    saved = room.stored().actions[-1]
    assert (saved.what, saved.who, saved.by_when, saved.status, saved.agenda_item_id) == (
        "Ask the council for a ramp at the side door.", kept_who, by, status, item.id)
    assert saved.carried_from_id is None
    if by is None:
        assert seen["date words"] == "No date"
    else:
        assert seen["date words"] == "By " + by.strftime("%A ") + str(by.day) + by.strftime(" %B %Y")
    assert room.message() == "Action saved."


def test_what_happened_to_an_action_changes_its_status(room, facilitator):
    room.go(GOODBYE)
    before = room.stored().actions
    facilitator.pick = "Get the building plan in large print and easy read."
    opened = {}

    def done(dialog):
        opened.update(title=dialog.windowTitle(), what=dialog.written(), who=dialog.who_text(),
                      status=dialog.status.currentData(), by=dialog.by_when())
        action(None, status=ActionStatus.DONE)(dialog)

    facilitator.will(done)
    room.write("What happened to an action…")
    # The actions of the item on now come first.
    assert facilitator.offered == [[
        "Send everyone the easy read notes from today, by post and email.",
        "Ask the bus company about a stop by the new centre.",
        "Get the building plan in large print and easy read.",
    ]]
    assert opened == {"title": "Change the action", "what": "Get the building plan in large print and easy read.",
                      "who": "Helen and Marcus", "status": ActionStatus.STUCK,
                      "by": demo_date() - dt.timedelta(days=3)}  # as the demo workshop has it, whatever today is
    after = room.stored().actions
    changed = next(a for a in after if a.id == before[1].id)
    assert changed.status is ActionStatus.DONE
    assert (changed.what, changed.who, changed.by_when, changed.agenda_item_id) == (
        before[1].what, before[1].who, before[1].by_when, before[1].agenda_item_id)
    assert [a for a in after if a.id != before[1].id] == [a for a in before if a.id != before[1].id]
    assert room.message() == "Action changed."
    room.window.history.undo()
    assert room.stored().actions == before


def test_what_happened_to_an_action_cancelled_changes_nothing(room, facilitator):
    before = room.stored().actions
    facilitator.pick = None
    room.write("What happened to an action…")
    assert len(facilitator.offered) == 1 and facilitator.dialogs == []
    assert room.stored().actions == before


def test_what_happened_to_an_action_when_there_are_none(room, facilitator):
    for each in room.stored().actions:
        room.window.library.remove_part(room.presenter.workshop_id, "actions", each.id)
    room.write("What happened to an action…")
    assert room.message() == "There are no actions yet."
    assert facilitator.offered == []


def test_what_happened_to_the_second_of_two_actions_with_the_same_words(room, facilitator):
    library, workshop_id = room.window.library, room.presenter.workshop_id
    for who in ("Helen", "Marcus"):
        library.add_part(workshop_id, "actions", Action("Phone the bus company.", who=who))
    twins = [a for a in room.stored().actions if a.what == "Phone the bus company."]
    facilitator.pick = 4  # the second "Phone the bus company." in the list
    facilitator.will(action(None, status=ActionStatus.DONE))
    room.write("What happened to an action…")
    assert facilitator.offered[0][3:] == ["Phone the bus company.", "Phone the bus company. (2)"]
    assert facilitator.dialog.who_text() == "Marcus"
    after = {a.who: a.status for a in room.stored().actions if a.id in {t.id for t in twins}}
    assert after == {"Helen": ActionStatus.TO_DO, "Marcus": ActionStatus.DONE}


def test_the_write_down_menu_offers_each_thing_with_its_key(room):
    entries = [(a.text().replace("&", ""), a.shortcut().toString()) for a in room.console.write_menu.actions()]
    assert entries == [("A decision…", "D"), ("An idea…", "I"), ("A question for later…", "Q"),
                       ("An action: who does what…", "A"), ("What happened to an action…", "U")]
    assert room.console.write_button.menu() is room.console.write_menu


# -- 7. texts in any language survive storage exactly -----------------------------------------------------------


@pytest.mark.parametrize("name", list(TEXTS))
def test_texts_survive_storage_exactly(room, facilitator, name):
    """The same text as a decision (and whose idea), an option, an idea (and whose) and an action (and who)."""
    text = TEXTS[name]
    room.go(CHOOSE)
    item = room.session.item()
    before = room.stored()
    facilitator.will(
        decision(text, who=text[:50], read_back=False),
        decision("Where do we go?", Agreement.CHOSEN, options=[(text[:SHORT_TEXT], False, 4), ("Stay here", False, 1)],
                 read_back=False),  # an option is a few words: its box holds at most 500 characters
        note(text, who=text[:40] or None),
        action(text, who=text[:30] or None, by=dt.date(2027, 5, 1)),
    )
    for key in (K.Key_D, K.Key_D, K.Key_I, K.Key_A):
        room.key(key)
    problems = [dialog.problem.text() if not dialog.problem.isHidden() else "" for dialog in facilitator.dialogs]
    after = room.stored()
    if not text:  # nothing to keep: each dialog says what is missing, and nothing is stored
        assert problems == [
            "Write what was decided first, or press Cancel.",
            "Option 1 has a picture or a number but no words. Write its words, or remove it.",  # 4 hands counted
            "Write something first, or press Cancel.",
            "Write something first, or press Cancel.",
        ]
        assert (after.decisions, after.ideas, after.actions) == (before.decisions, before.ideas, before.actions)
        return
    assert problems == ["", "", "", ""]
    said, chose = after.decisions[-2:]
    assert (said.text, said.suggested_by, said.agenda_item_id) == (text, text[:50].strip(), item.id)
    assert chose.options[0].words == text[:SHORT_TEXT]
    assert chose.options[1].words == "Stay here"
    idea = after.ideas[-1]
    assert (idea.text, idea.suggested_by, idea.agenda_item_id) == (text, text[:40].strip(), item.id)
    kept = after.actions[-1]
    assert (kept.what, kept.who, kept.by_when, kept.agenda_item_id) == (text, text[:30].strip(), dt.date(2027, 5, 1), item.id)


@pytest.mark.parametrize("name", ["emoji", "Arabic", "mixed"])
def test_words_in_any_language_are_what_the_room_sees_and_hears(room, facilitator, name):
    text = TEXTS[name]
    room.go(CHOOSE)
    facilitator.will(decision(text, Agreement.CHOSEN, options=[(text, False, 3), ("Stay here", False, 1)]))
    room.key(K.Key_D)
    screen = room.screen()
    assert (screen.kind, screen.title, [c.words for c in screen.counts]) == (Kind.RESULT, text, [text, "Stay here"])
    room.click(room.console.read_back_button)
    assert room.screen().title == text
    # Words starting with a capital letter are quoted in the middle of a sentence; others are as typed.
    chose = f"“{text}”" if name == "mixed" else text
    assert " ".join(room.said()).endswith(f"Is this right? {text} 3 people chose {chose}. 1 person chose “Stay here”.")
    room.key(K.Key_Y)
    assert last_decision(room).text == text and last_decision(room).agreed


def test_a_decision_written_while_the_library_is_read_only_is_kept_said_and_saved_later(room, facilitator):
    room.go(GOOD_DAY)
    library = room.window.library
    count = len(room.stored().decisions)
    library._conn.execute("PRAGMA query_only = ON")  # as a library that became read-only
    facilitator.will(decision("We meet in the garden room."))
    room.key(K.Key_D)
    assert last_decision(room).text == "We meet in the garden room."  # kept, and read back as usual
    assert "not saved yet" in room.message() and "read-only" in room.message()
    library._conn.execute("PRAGMA query_only = OFF")
    assert library.save_unsaved()
    assert room.message() == "Everything is saved again."
    check = sqlite3.connect(library.path)
    try:
        texts = [r[0] for r in check.execute("SELECT text FROM decisions ORDER BY position")]
    finally:
        check.close()
    assert len(texts) == count + 1 and texts[-1] == "We meet in the garden room."
