"""Typing into every time, date and number box as a person does.

The keys go where a person's keys go: to the box that has the focus. Everything in
the box is selected first (Ctrl+A), then the new value is typed one key at a time,
then Tab or Enter. Between two keys another change is saved to the library, as
happens in the real app (a text box saving after a pause, the room's timings), so
the page is shown again while the facilitator is still typing. The library must
only ever hold the whole value typed, once, and Undo must take it back in one step.
"""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QSpinBox, QStyle, QStyleOptionSpinBox

from facilitator.ui import languages
from facilitator.ui.languages import apply_language, switch_language
from facilitator.ui.presenter.note_dialogs import ActionDialog
from facilitator.ui.templates_dialog import NewFromTemplate
from facilitator.ui.value_boxes import numbers_order

CTRL = Qt.KeyboardModifier.ControlModifier
TAB, ENTER = Qt.Key.Key_Tab, Qt.Key.Key_Return


def stored(window):
    return window.library.load_workshop(window.page.workshop.id)


def activate(qtbot, window) -> None:
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


class Saved:
    """Each value a field has had in the library while a test ran, in order, as the library told them."""

    def __init__(self, window, read):
        self.library, self.workshop_id, self.read = window.library, window.page.workshop.id, read
        self.values = [read(self.library.load_workshop(self.workshop_id))]
        self.library.subscribe(self._changed)

    def _changed(self, change) -> None:
        if change.workshop_id == self.workshop_id:
            value = self.read(self.library.load_workshop(self.workshop_id))
            if value != self.values[-1]:
                self.values.append(value)

    def stop(self) -> None:
        self.library.unsubscribe(self._changed)


def type_as_a_person(qtbot, box: QAbstractSpinBox, text: str, end: Qt.Key, while_typing=lambda n: None) -> None:
    """Go into the box, select everything in it, type ``text`` key by key, then press ``end``."""
    box.setFocus(Qt.FocusReason.MouseFocusReason)
    qtbot.waitUntil(box.hasFocus)
    qtbot.keyClick(box, Qt.Key.Key_A, CTRL)
    number = box.cleanText() if isinstance(box, QSpinBox) else box.lineEdit().text()  # a number without its unit
    assert box.lineEdit().selectedText() == number, "Ctrl+A selects everything in the box"
    for n, key in enumerate(text):
        qtbot.keyClick(box, key)
        while_typing(n)
    qtbot.keyClick(box, end)


def undo(qtbot, window, box, end: Qt.Key) -> None:
    """After Enter, Ctrl+Z in the box itself; after Tab, Undo in the Edit menu (the next box may be a text box,
    whose Ctrl+Z is its own)."""
    if end == ENTER:
        assert box.hasFocus()
        qtbot.keyClick(box, Qt.Key.Key_Z, CTRL)
    else:
        window.actions.undo.trigger()


def another_change_saved(window):
    """A change to another field is saved while the facilitator types: the page is shown again."""
    workshop_id = window.page.workshop.id

    def save(n: int) -> None:
        window.library.update_workshop(workshop_id, place=f"Room {n}")

    return save


def undo_steps(window) -> int:
    return window.history.activeStack().index()


def wheel(box, steps: int) -> None:
    """Turn the mouse wheel over the box by ``steps`` notches (up is more)."""
    where = QPointF(box.rect().center())
    event = QWheelEvent(
        where, QPointF(box.mapToGlobal(where.toPoint())), QPoint(), QPoint(0, 120 * steps),
        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False,
    )
    QApplication.sendEvent(box, event)


def click_arrow(qtbot, box, up: bool = True) -> None:
    """Click the box's little up (or down) arrow with the mouse."""
    option = QStyleOptionSpinBox()
    box.initStyleOption(option)
    part = QStyle.SubControl.SC_SpinBoxUp if up else QStyle.SubControl.SC_SpinBoxDown
    arrow = box.style().subControlRect(QStyle.ComplexControl.CC_SpinBox, option, part, box)
    assert arrow.isValid() and not arrow.isEmpty()
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=arrow.center())


PAGE_BOXES = [
    ("start_edit", "start_time", "09:45", TAB, dt.time(9, 45), "09:45"),
    ("start_edit", "start_time", "11:15", ENTER, dt.time(11, 15), "11:15"),
    ("start_edit", "start_time", "13:05", TAB, dt.time(13, 5), "13:05"),
    ("until_edit", "room_booked_until", "16:30", TAB, dt.time(16, 30), "16:30"),
    ("until_edit", "room_booked_until", "9:05", ENTER, dt.time(9, 5), "09:05"),
    ("date_edit", "date", "4 May 2027", TAB, dt.date(2027, 5, 4), "Tuesday 4 May 2027"),
    ("date_edit", "date", "14 October 2026", ENTER, dt.date(2026, 10, 14), "Wednesday 14 October 2026"),
]


@pytest.mark.parametrize("box_name, field, typed, end, wanted, shown", PAGE_BOXES)
def test_typing_a_whole_value_into_the_workshop_s_boxes(window, qtbot, box_name, field, typed, end, wanted, shown):
    activate(qtbot, window)
    box = getattr(window.page, box_name)
    before, steps = getattr(stored(window), field), undo_steps(window)
    assert before != wanted
    saved = Saved(window, lambda w: getattr(w, field))
    type_as_a_person(qtbot, box, typed, end, while_typing=another_change_saved(window))
    saved.stop()

    assert getattr(stored(window), field) == wanted
    assert saved.values == [before, wanted], "nothing half-typed was ever saved"
    assert box.text() == shown
    assert not box.hasFocus() if end == TAB else box.hasFocus()
    assert undo_steps(window) == steps + 1
    undo(qtbot, window, box, end)
    assert getattr(stored(window), field) == before
    assert box.text() != shown


@pytest.mark.parametrize("typed, end, wanted", [("1", TAB, 1), ("7", ENTER, 7), ("45", TAB, 45), ("13", ENTER, 13)])
def test_typing_an_item_s_minutes(window, qtbot, typed, end, wanted):
    activate(qtbot, window)
    planner = window.page.planner
    planner.select_row(1)
    box = planner.editor.minutes_box
    before, steps = stored(window).agenda[1].minutes, undo_steps(window)
    assert before != wanted
    saved = Saved(window, lambda w: w.agenda[1].minutes)
    type_as_a_person(qtbot, box, typed, end, while_typing=another_change_saved(window))
    saved.stop()

    assert stored(window).agenda[1].minutes == wanted
    assert saved.values == [before, wanted], "nothing half-typed was ever saved"
    assert box.value() == wanted and box.cleanText() == str(wanted)
    assert undo_steps(window) == steps + 1
    undo(qtbot, window, box, end)
    assert stored(window).agenda[1].minutes == before
    assert box.value() == before


def test_the_arrows_and_the_mouse_wheel_save_whole_values_one_undo_step_each(window, qtbot):
    activate(qtbot, window)
    planner = window.page.planner
    planner.select_row(1)
    minutes = planner.editor.minutes_box
    before = stored(window).agenda[1].minutes
    steps = undo_steps(window)
    click_arrow(qtbot, minutes)
    assert stored(window).agenda[1].minutes == before + 1 == minutes.value()
    wheel(minutes, 2)
    assert stored(window).agenda[1].minutes == before + 3 == minutes.value()
    assert undo_steps(window) == steps + 2
    window.actions.undo.trigger()
    assert stored(window).agenda[1].minutes == before + 1 == minutes.value()

    page = window.page
    for box, field in ((page.start_edit, "start_time"), (page.until_edit, "room_booked_until"), (page.date_edit, "date")):
        was, steps = getattr(stored(window), field), undo_steps(window)
        wheel(box, 1)
        after_wheel = getattr(stored(window), field)
        assert after_wheel != was, field
        if box is page.date_edit:  # its arrow opens the calendar: the keyboard steps it
            box.setFocus(Qt.FocusReason.MouseFocusReason)
            qtbot.waitUntil(box.hasFocus)
            qtbot.keyClick(box, Qt.Key.Key_Down)
        else:
            click_arrow(qtbot, box, up=False)
        assert getattr(stored(window), field) == was, field  # one step up, one step down
        assert undo_steps(window) == steps + 2, field
        window.actions.undo.trigger()
        assert getattr(stored(window), field) == after_wheel, field
        window.actions.undo.trigger()
        assert getattr(stored(window), field) == was, field


def test_a_day_chosen_in_the_calendar_is_saved_at_once(window, qtbot):
    activate(qtbot, window)
    box = window.page.date_edit
    was, steps = stored(window).date, undo_steps(window)
    click_arrow(qtbot, box)  # the date box's arrow opens its calendar
    calendar = box.calendarWidget()
    qtbot.waitUntil(calendar.isVisible)
    for key in (Qt.Key.Key_Right, Qt.Key.Key_Right, Qt.Key.Key_Left):  # looking about the calendar saves nothing
        qtbot.keyClick(QApplication.focusWidget(), key)
        assert stored(window).date == was
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: stored(window).date == was + dt.timedelta(days=1))
    assert not calendar.isVisible()
    assert undo_steps(window) == steps + 1
    # Closed with Esc: the library holds the day the box shows, whichever Qt keeps, in one step.
    click_arrow(qtbot, box)
    qtbot.waitUntil(calendar.isVisible)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Right)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Right)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not calendar.isVisible())
    qtbot.waitUntil(lambda: stored(window).date == box.date().toPython())
    assert undo_steps(window) == steps + (1 if box.date().toPython() == was + dt.timedelta(days=1) else 2)


def test_what_is_being_typed_stays_when_the_page_is_shown_again(window, qtbot):
    activate(qtbot, window)
    box = window.page.start_edit
    before = stored(window).start_time
    box.setFocus(Qt.FocusReason.MouseFocusReason)
    qtbot.waitUntil(box.hasFocus)
    qtbot.keyClick(box, Qt.Key.Key_A, CTRL)
    for key in "14:2":
        qtbot.keyClick(box, key)
    another_change_saved(window)(1)
    assert box.lineEdit().text() == "14:2"  # not put back to the saved time under the cursor
    assert stored(window).start_time == before
    # Ctrl+Z while typing takes back the typing (as in a text box), not the workshop's last edit.
    steps = undo_steps(window)
    qtbot.keyClick(box, Qt.Key.Key_Z, CTRL)
    assert box.lineEdit().text() == f"{before:%H:%M}"
    assert undo_steps(window) == steps and stored(window).start_time == before
    qtbot.keyClick(box, Qt.Key.Key_A, CTRL)
    for key in "14:20":
        qtbot.keyClick(box, key)
    qtbot.keyClick(box, ENTER)
    assert stored(window).start_time == dt.time(14, 20)
    # Once saved, Ctrl+Z in the box takes back the whole time.
    qtbot.keyClick(box, Qt.Key.Key_Z, CTRL)
    assert stored(window).start_time == before
    assert box.text() == f"{before:%H:%M}"


def test_esc_while_typing_puts_back_the_saved_time(window, qtbot):
    activate(qtbot, window)
    box = window.page.start_edit
    before = stored(window).start_time
    box.setFocus(Qt.FocusReason.MouseFocusReason)
    qtbot.waitUntil(box.hasFocus)
    qtbot.keyClick(box, Qt.Key.Key_A, CTRL)
    for key in "16:4":
        qtbot.keyClick(box, key)
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    assert box.text() == f"{before:%H:%M}"
    qtbot.keyClick(box, TAB)
    assert stored(window).start_time == before


def test_a_pause_saves_a_whole_time_but_never_half_of_one(window, qtbot):
    activate(qtbot, window)
    box = window.page.until_edit
    before = stored(window).room_booked_until
    box.setFocus(Qt.FocusReason.MouseFocusReason)
    qtbot.waitUntil(box.hasFocus)
    qtbot.keyClick(box, Qt.Key.Key_A, CTRL)
    for key in "15:3":
        qtbot.keyClick(box, key)
    pause = window.page.until.pause
    assert pause.isActive()
    qtbot.waitUntil(lambda: not pause.isActive())  # the pause that saves a whole value has passed
    assert stored(window).room_booked_until == before  # "15:3" is not a whole time yet
    assert box.lineEdit().text() == "15:3"
    qtbot.keyClick(box, "0")
    qtbot.waitUntil(lambda: stored(window).room_booked_until == dt.time(15, 30))
    assert box.hasFocus()


def test_a_time_that_cannot_be_read_puts_back_the_one_before(window, qtbot):
    activate(qtbot, window)
    box = window.page.start_edit
    before, steps = stored(window).start_time, undo_steps(window)
    type_as_a_person(qtbot, box, "25:99", TAB)
    assert stored(window).start_time == before
    assert undo_steps(window) == steps
    assert box.text() == f"{before:%H:%M}"


def test_the_template_dialog_takes_the_date_and_time_typed(window, qtbot):
    dialog = NewFromTemplate(window.library, window.pictures, window)
    qtbot.addWidget(dialog)
    dialog.show()
    activate(qtbot, dialog)
    type_as_a_person(qtbot, dialog.start_edit, "09:45", TAB)
    type_as_a_person(qtbot, dialog.date_edit, "4 May 2027", TAB)
    assert dialog.start_edit.text() == "09:45"
    dialog.ok.click()
    assert dialog.workshop.start_time == dt.time(9, 45)
    assert dialog.workshop.date == dt.date(2027, 5, 4)


@pytest.mark.parametrize("display_format, order", [
    ("dddd d MMMM yyyy", "dmy"), ("d/M/yy", "dmy"), ("M/d/yy", "mdy"), ("yyyy-MM-dd", "ymd"), ("HH:mm", ""),
])
def test_numbers_typed_into_a_date_box_go_in_the_order_it_shows(display_format, order):
    assert numbers_order(display_format) == order


def test_a_date_typed_in_numbers_is_read_in_the_order_the_box_shows(window, qtbot):
    activate(qtbot, window)
    box = window.page.date_edit
    type_as_a_person(qtbot, box, "4/5/2027", TAB)  # the box shows "Tuesday 4 May 2027": day first
    assert stored(window).date == dt.date(2027, 5, 4)
    type_as_a_person(qtbot, box, "2027-06-30", ENTER)
    assert stored(window).date == dt.date(2027, 6, 30)


def test_an_action_s_date_can_be_typed(window, qtbot):
    dialog = ActionDialog("", [], "en", today=dt.date(2026, 6, 1), parent=window)
    qtbot.addWidget(dialog)
    dialog.show()
    activate(qtbot, dialog)
    dialog.has_date.setChecked(True)
    type_as_a_person(qtbot, dialog.date, "30 June 2026", TAB)
    assert dialog.by_when() == dt.date(2026, 6, 30)


@pytest.fixture
def arabic(window, qtbot):
    """The app in Arabic: a new main window, right to left."""
    made = switch_language(window, "ar")
    qtbot.addWidget(made)
    yield made
    made.close()
    if made in languages._windows:  # kept there so Python does not drop it: not after this test
        languages._windows.remove(made)
    apply_language("en")


def test_in_arabic_times_read_10_00_not_00_10(arabic, qtbot):
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft and arabic.isRightToLeft()
    dialog = NewFromTemplate(arabic.library, arabic.pictures, arabic)
    qtbot.addWidget(dialog)
    dialog.show()
    activate(qtbot, dialog)
    assert dialog.isRightToLeft()  # the dialog itself reads right to left
    assert dialog.start_edit.text() == "10:00"
    type_as_a_person(qtbot, dialog.start_edit, "09:45", TAB)
    assert dialog.start_edit.text() == "09:45"
    dialog.ok.click()
    assert dialog.workshop.start_time == dt.time(9, 45)
    # The page's boxes and an action's date keep their order too.
    page = arabic.page
    page.show_workshop(dialog.workshop.id)
    assert page.start_edit.text() == "09:45"
    action = ActionDialog("", [], "ar", parent=arabic)
    qtbot.addWidget(action)
    for box in (page.start_edit, page.until_edit, page.date_edit, dialog.date_edit, action.date):
        assert not box.isRightToLeft()


def test_a_new_workshop_s_day_and_an_action_s_are_suggested_on_a_weekday(window, qtbot):
    saturday = dt.date(2026, 6, 6)  # two weeks on is a Saturday too
    dialog = NewFromTemplate(window.library, window.pictures, window, today=saturday)
    qtbot.addWidget(dialog)
    assert dialog.date_edit.date().toPython() == dt.date(2026, 6, 22)  # the Monday after
    action = ActionDialog("", [], "en", today=saturday, parent=window)
    qtbot.addWidget(action)
    action.has_date.setChecked(True)
    assert action.by_when() == dt.date(2026, 6, 22)
    friday = dt.date(2026, 6, 5)
    assert NewFromTemplate(window.library, window.pictures, window, today=friday).date_edit.date().toPython() == (
        dt.date(2026, 6, 19)
    )
