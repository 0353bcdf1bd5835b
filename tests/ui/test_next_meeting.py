"""File ▸ Plan the group's next meeting: it asks for the day and the start time (the real dialog, answered
while it is open, typed into as a person types), then opens the new meeting with what was decided, the
actions not done, the decisions still to make and the questions kept for later."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtWidgets import QApplication, QMessageBox

from facilitator.commands import LibraryCommands
from facilitator.core.model import ActionStatus, Group, ItemKind, ParkedQuestion, Workshop
from facilitator.i18n import format_long_date
from facilitator.ui.when_dialog import WhenDialog
from tests.ui import test_outcomes
from tests.ui.test_outcomes import answering, shown, stored

K = Qt.Key
page = test_outcomes.page  # the fixtures: the page on its Decisions and actions tab; the group's other meetings
meetings = test_outcomes.meetings
PLAN = "Plan the group's next &meeting…"


def plan_next(window) -> None:
    for top in window.menuBar().actions():
        if top.text() == "&File":
            next(action for action in top.menu().actions() if action.text() == PLAN).trigger()
            return
    raise AssertionError("no File menu")


def type_into(qtbot, box, words: str) -> None:
    """Select what the box shows and type over it, then Tab out, as a person does."""
    box.setFocus()
    box.selectAll()
    qtbot.keyClicks(box, words)
    qtbot.keyClick(box, K.Key_Tab)


def answer(qtbot, day: dt.date | None = None, time: str | None = None, seen: list | None = None):
    """Fill in the dialog (the day set as with the calendar, the time typed), note what it suggested, plan it."""

    def act(dialog: WhenDialog) -> None:
        if seen is not None:
            seen.append((dialog.windowTitle(), dialog.when(), dialog.question.text()))
        if day is not None:
            dialog.day_edit.setDate(QDate(day.year, day.month, day.day))
        if time is not None:
            type_into(qtbot, dialog.start_edit, time)
        dialog.plan_button.click()

    return answering(WhenDialog, act)


def test_the_next_meeting_is_on_the_day_and_at_the_time_given_and_carries_what_was_left_open(window, qtbot, page):
    demo = stored(window)
    asked = []
    with answer(qtbot, dt.date(2027, 1, 12), "09:45", asked):
        plan_next(window)
    ((title, suggested, question),) = asked
    assert title == "Plan the group's next meeting"
    assert question == ("When is the group's next meeting? "
                        f"It starts with what happened at the meeting on {format_long_date(demo.date)}.")
    day, start = suggested
    assert start == demo.start_time  # the same time as last time
    assert day.weekday() == demo.date.weekday() < 5 and dt.timedelta(days=14) <= day - demo.date < dt.timedelta(days=21)

    assert len(window.library.list_workshops()) == 2
    new = stored(window, window.current_workshop_id())
    assert new.id != demo.id and window.page.workshop.id == new.id
    assert (new.date, new.start_time) == (dt.date(2027, 1, 12), dt.time(9, 45))
    assert (new.title, new.group_id, new.place) == (demo.title, demo.group_id, demo.place)
    kinds = [item.kind for item in new.agenda]
    assert kinds[:6] == [ItemKind.WELCOME, ItemKind.INTRODUCTIONS] + [ItemKind.LOOK_BACK] * 4
    decided, asking, still, kept = new.agenda[2:6]
    assert [decided.title, asking.title, still.title, kept.title] == [
        "What we decided last time", "What happened to the actions", "What we still need to decide",
        "Questions we kept for later"]
    assert still.plain_words == "We have not decided these yet:\n• The minibus picks people up from home.\nCan we decide today?"
    assert [(d.text, d.agreed, d.agenda_item_id) for d in new.decisions] == [
        ("The minibus picks people up from home.", False, still.id)]
    assert [(q.text, q.asked_by, q.agenda_item_id) for q in new.parked_questions] == [
        (q.text, q.asked_by, kept.id) for q in demo.parked_questions]
    _done, stuck, to_do = demo.actions
    assert [(a.carried_from_id, a.status, a.agenda_item_id) for a in new.actions] == [
        (stuck.id, ActionStatus.STUCK, asking.id), (to_do.id, ActionStatus.TO_DO, asking.id)]
    assert all(person.came is None for person in new.participants)
    assert stored(window, demo.id) == demo  # the last meeting keeps what it had
    assert window.statusBar().currentMessage() == (
        "Planned the next meeting for Tuesday 12 January 2027. It starts with what happened last time.")
    # The page shows it: the decision still to make and the questions are on the Decisions and actions tab.
    rows = shown(page.outcomes)
    assert [words for words, _how in rows["Decisions (1)"]] == ["The minibus picks people up from home."]
    assert len(rows["Questions for later (2)"]) == 2


def test_cancelling_plans_nothing(window, qtbot):
    demo = stored(window)

    def cancel(dialog: WhenDialog) -> None:
        qtbot.keyClick(dialog, K.Key_Escape)

    with answering(WhenDialog, cancel):
        plan_next(window)
    assert [w.id for w in window.library.list_workshops()] == [demo.id]
    assert window.current_workshop_id() == demo.id
    assert not window.statusBar().currentMessage().startswith("Planned")


def test_the_day_and_time_can_be_typed_and_enter_plans_it(window, qtbot):
    def act(dialog: WhenDialog) -> None:
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow)
        dialog.start_edit.setFocus()
        qtbot.keyClick(dialog, K.Key_D, Qt.KeyboardModifier.AltModifier)  # &Day
        assert QApplication.focusWidget() is dialog.day_edit
        type_into(qtbot, dialog.day_edit, "4/5/2027")
        dialog.start_edit.setFocus()
        dialog.start_edit.selectAll()
        qtbot.keyClicks(dialog.start_edit, "11:15")  # over 10:00: 11:15, not 10:15
        qtbot.keyClick(dialog.start_edit, K.Key_Return)  # takes what was typed and plans it

    with answering(WhenDialog, act):
        plan_next(window)
    new = stored(window, window.current_workshop_id())
    assert (new.date, new.start_time) == (dt.date(2027, 5, 4), dt.time(11, 15))


def test_a_later_start_keeps_the_room_booked_for_as_long(window, qtbot):
    demo = stored(window)
    window.library.update_workshop(demo.id, room_booked_until=dt.time(13, 0))  # 10:00 to 13:00 last time
    with answer(qtbot, time="13:30"):
        plan_next(window)
    new = stored(window, window.current_workshop_id())
    assert (new.start_time, new.room_booked_until) == (dt.time(13, 30), dt.time(16, 30))


@pytest.mark.parametrize("demo_day", [-30, None], ids=["a month ago", "no date"])
def test_the_day_suggested_is_a_weekday_two_weeks_on_from_today(window, qtbot, demo_day):
    today = dt.date.today()
    day = None if demo_day is None else today + dt.timedelta(days=demo_day)
    window.library.update_workshop(window.page.workshop.id, date=day)
    suggested = []

    def act(dialog: WhenDialog) -> None:
        suggested.append(dialog.when())
        dialog.plan_button.click()

    with answering(WhenDialog, act):
        plan_next(window)
    ((chosen, start),) = suggested
    assert chosen.weekday() < 5 and dt.timedelta(days=14) <= chosen - today < dt.timedelta(days=21)
    if day is not None and day.weekday() < 5:
        assert chosen.weekday() == day.weekday()  # the day of the week the group met on
    assert start == QTime(10, 0).toPython()
    assert stored(window, window.current_workshop_id()).date == chosen


def test_the_next_meeting_follows_the_group_s_latest_meeting(window, qtbot, meetings):
    demo, older, _undated, _other = meetings
    window.select_workshop(older.id)
    with answer(qtbot):
        plan_next(window)
    new = stored(window, window.current_workshop_id())
    assert new.date - demo.date >= dt.timedelta(days=14) and new.date.weekday() == demo.date.weekday()
    assert [a.carried_from_id for a in new.actions] == [demo.actions[1].id, demo.actions[2].id]
    assert new.agenda[2].plain_words.startswith(f"On {format_long_date(demo.date)} we decided:")


def test_a_workshop_in_no_group_has_no_next_meeting_and_is_told_why(window, qtbot, page):
    demo = stored(window)
    page.group_box.setFocus()
    qtbot.keyClick(page.group_box, K.Key_Home)  # No group
    assert stored(window).group_id is None
    told = []

    def act(box: QMessageBox) -> None:
        told.append((box.windowTitle(), box.text()))
        box.button(QMessageBox.StandardButton.Ok).click()

    with answering(QMessageBox, act):
        plan_next(window)
    assert told == [("This workshop is in no group", "A next meeting follows on from a group's meetings. Choose the "
                     "group this workshop belongs to on its page first.")]
    assert [w.id for w in window.library.list_workshops()] == [demo.id]
    assert window.current_workshop_id() == demo.id


# -- the command itself, without the window (commands.py talks to a View) ------------------------------------


class AnsweringView:
    """A View that answers "when?" with ``when`` (None: cancel) and keeps what it was asked."""

    def __init__(self, when):
        self.when, self.asked, self.told = when, [], []

    def ask_when(self, title, question, day, start):
        self.asked.append((title, question, day, start))
        return self.when

    def tell(self, title, message):
        self.told.append((title, message))


def test_the_command_asks_when_and_says_which_meeting_it_follows(library):
    group = library.add_group(Group("Bus group"))
    undated = library.add_workshop(Workshop("Ideas day", group_id=group.id, start_time=None,
                                            parked_questions=[ParkedQuestion("Trains?")]))
    view = AnsweringView(None)
    commands = LibraryCommands(library, view)
    assert commands.next_meeting(undated.id, today=dt.date(2026, 3, 1)) is None  # cancelled: nothing made
    assert [w.id for w in library.list_workshops()] == [undated.id]
    ((title, question, day, start),) = view.asked
    assert (title, day, start) == ("Plan the group's next meeting", dt.date(2026, 3, 16), dt.time(10, 0))
    assert question == "When is the group's next meeting? It starts with what happened at “Ideas day”."
    view.when = (dt.date(2026, 3, 20), dt.time(18, 30))
    made = commands.next_meeting(undated.id, today=dt.date(2026, 3, 1))
    stored_made = library.load_workshop(made.id)
    assert (stored_made.date, stored_made.start_time) == (dt.date(2026, 3, 20), dt.time(18, 30))
    assert [q.text for q in stored_made.parked_questions] == ["Trains?"]
    assert view.told == []
