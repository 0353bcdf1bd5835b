"""Deciding together after the session: the "Decisions and actions" tab of a workshop's page, the group a
workshop is a meeting of, the window that searches everything a group decided, and planning the next meeting.

Driven as a facilitator would: the Add menu and the buttons of the tab, keys on the combo boxes and on the
table, the File and View menus. The dialogs are the real ones, answered while they are open (``answering``),
so their own checks run. Outcomes are checked where they land: the workshop read again from the library,
the tree and the table as shown, and after Edit ▸ Undo.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pytest
from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QInputDialog, QMessageBox, QWidget

from facilitator.core.model import (
    Action,
    ActionStatus,
    AgendaItem,
    Agreement,
    Decision,
    Group,
    Idea,
    ItemKind,
    ParkedQuestion,
    Workshop,
)
from facilitator.i18n import format_long_date
from facilitator.ui.decisions_view import DecisionsView
from facilitator.ui.presenter.decision_dialog import DecisionDialog
from facilitator.ui.presenter.note_dialogs import ActionDialog, NoteDialog

K = Qt.Key
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
SAVE = QDialogButtonBox.StandardButton.Save
CANCEL = QDialogButtonBox.StandardButton.Cancel
RIVERSIDE = "Riverside Co-production Group"  # the demo workshop's group
DEMO_TAB = "Decisions and actions (9)"  # 3 decisions, 1 idea, 2 questions, 3 actions
HEADINGS = {"decisions": "Decisions", "ideas": "Ideas", "parked_questions": "Questions for later", "actions": "Actions"}
MENU = {"decisions": "A decision…", "ideas": "An idea…", "parked_questions": "A question for later…", "actions": "An action…"}
DIALOG = {"decisions": DecisionDialog, "ideas": NoteDialog, "parked_questions": NoteDialog, "actions": ActionDialog}
TEXTS = {
    "10,000 characters": ("We will ask the council for a ramp by the front door. " * 200)[:9_999] + "!",
    "emoji": "We meet at the café 👋🏽 and go by bus 🚌☕",
    "Arabic": "نَلْتَقِي فِي المَكْتَبَة يوم الثلاثاء",
    "mixed": "Dydd Iau: coffee ☕ في المكتبة, then the bus 🚌 to Aberystwyth",
}
FOUND_BY = {"10,000 characters": "ramp", "emoji": "CAFE bus", "Arabic": "الثلاثاء", "mixed": "dydd aber"}


# -- answering the real dialogs ------------------------------------------------------------------------


@contextmanager
def answering(kind: type, act: Callable[[QWidget], None]) -> Iterator[list]:
    """While the block runs, answer each ``kind`` dialog that opens with ``act(dialog)``, as a person would.

    ``exec`` blocks the test until the dialog closes, so the answer comes from a timer inside its loop. A
    dialog that ``act`` leaves open, or an ``act`` that fails, is closed (so no test hangs) and fails the test.
    """
    seen: list[QWidget] = []
    errors: list[BaseException] = []

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, kind) or not dialog.isVisible() or any(d is dialog for d in seen):
            return
        seen.append(dialog)
        try:
            act(dialog)
            if dialog.isVisible():
                raise AssertionError(f"the {kind.__name__} stayed open")
        except BaseException as error:  # noqa: BLE001 (raised again after the block)
            errors.append(error)
            dialog.done(QDialog.DialogCode.Rejected)

    timer = QTimer(interval=5)
    timer.timeout.connect(look)
    timer.start()
    try:
        yield seen
    finally:
        timer.stop()
    if errors:
        raise errors[0]
    assert seen, f"no {kind.__name__} was shown"


def press(dialog: QWidget, which: QDialogButtonBox.StandardButton) -> None:
    dialog.findChild(QDialogButtonBox).button(which).click()


def click_button(box: QMessageBox, text: str) -> None:
    next(button for button in box.buttons() if button.text().replace("&", "") == text).click()


# -- the page and its tab ------------------------------------------------------------------------------


@pytest.fixture
def page(window):
    window.page.tabs.setCurrentWidget(window.page.outcomes)
    return window.page


@pytest.fixture
def panel(page):
    return page.outcomes


def stored(window, workshop_id: str | None = None) -> Workshop:
    return window.library.load_workshop(workshop_id or window.page.workshop.id)


def shown(panel) -> dict[str, list[tuple[str, str]]]:
    """The tree as the facilitator sees it: each heading with its rows' words and how each stands."""
    tree = panel.tree
    rows = {}
    for n in range(tree.topLevelItemCount()):
        top = tree.topLevelItem(n)
        rows[top.text(0)] = [(top.child(c).text(0), top.child(c).text(1)) for c in range(top.childCount())]
    return rows


def row_of(panel, part: str, part_id: str):
    tree = panel.tree
    for n in range(tree.topLevelItemCount()):
        top = tree.topLevelItem(n)
        for c in range(top.childCount()):
            if top.child(c).data(0, Qt.ItemDataRole.UserRole) == (part, part_id):
                return top.child(c)
    raise AssertionError(f"{part} {part_id} is not in the tree")


def pick(qtbot, panel, part: str, part_id: str, double: bool = False) -> None:
    """Click (or double-click) the row of one decision, idea, question or action."""
    item = row_of(panel, part, part_id)
    panel.tree.scrollToItem(item)
    where = panel.tree.visualItemRect(item).center()
    qtbot.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=where)
    if double:  # a double-click is a click and then the second press
        qtbot.mouseDClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert panel.current() == (part, part_id)


def add_menu(panel, part: str) -> None:
    """Choose Add ▸ A decision… (or an idea, a question, an action)."""
    assert panel.add_button.isEnabled()
    next(action for action in panel.add_button.menu().actions() if action.text() == MENU[part]).trigger()


def undo(window) -> None:
    assert window.actions.undo.isEnabled()
    window.actions.undo.trigger()


def words_of(obj) -> str:
    return obj.what if isinstance(obj, Action) else obj.text


def fill(part: str, text: str) -> Callable[[QWidget], None]:
    """Write ``text`` in the dialog for ``part`` and press Save."""

    def act(dialog) -> None:
        dialog.text.setPlainText(text)
        press(dialog, SAVE)

    return act


def as_row(text: str) -> str:
    """A text as its row shows it: the first line, at most 200 characters."""
    line = text.strip().splitlines()[0]
    return line if len(line) <= 200 else line[:199] + "…"


# -- 1. the "Decisions and actions" tab --------------------------------------------------------------


def test_the_tab_lists_what_the_demo_workshop_came_to(window, page, panel):
    w = stored(window)
    assert page.tabs.tabText(2) == DEMO_TAB
    rows = shown(panel)
    assert list(rows) == ["Decisions (3)", "Ideas (1)", "Questions for later (2)", "Actions (3)"]
    assert rows["Decisions (3)"] == [
        ("The new centre will have a quiet room for anyone who needs a rest.", "Agreed as written · Everyone agreed."),
        (
            "The centre will be open on Saturdays as well.",
            "Agreed as written · 6 people agreed. 2 people were not sure. 1 person did not agree.",
        ),
        ("The minibus picks people up from home.", "Still to decide"),
    ]
    assert rows["Ideas (1)"] == [("A coffee morning to meet the staff before the centre opens.", "Kofi Boateng")]
    assert rows["Questions for later (2)"] == [
        ("Will the new centre be open in the evenings?", "Sunny"),
        ("Can we visit the building before it opens?", "Bernie"),
    ]
    done, stuck, to_do = w.actions
    assert rows["Actions (3)"] == [
        (done.what, f"Helen · by {format_long_date(done.by_when)} · Done"),
        (stuck.what, f"Helen and Marcus · by {format_long_date(stuck.by_when)} · Stuck"),
        (to_do.what, f"Marcus · by {format_long_date(to_do.by_when)} · To do"),
    ]
    # Nothing is chosen yet: only Add can be used.
    assert panel.add_button.isEnabled()
    assert not any(b.isEnabled() for b in (panel.change_button, panel.agreed_button, panel.remove_button))


def write_decision(dialog) -> None:
    dialog.text.setPlainText("  We meet at the library in May.  ")
    dialog.how_buttons[Agreement.COUNTED].click()
    dialog.agree.setValue(5)
    dialog.not_sure.setValue(1)
    dialog.who.setCurrentText("Joan")
    press(dialog, SAVE)


def write_note(text: str, who: str) -> Callable:
    def act(dialog) -> None:
        dialog.text.setPlainText(text)
        dialog.who.setCurrentText(who)
        press(dialog, SAVE)

    return act


def write_action(dialog) -> None:
    dialog.text.setPlainText("Book the room at the library for May.")
    dialog.who.setCurrentText("Helen Price")
    dialog.has_date.setChecked(True)
    dialog.date.setDate(QDate(2030, 1, 15))
    dialog.status.setCurrentIndex(dialog.status.findData(ActionStatus.NOT_YET))
    press(dialog, SAVE)


ADDING = {
    "decisions": (
        write_decision,
        {"text": "We meet at the library in May.", "agreement": Agreement.COUNTED, "agree": 5, "not_sure": 1,
         "disagree": 0, "suggested_by": "Joan", "agreed": False},
        ("We meet at the library in May.", "Still to decide · 5 people agreed. 1 person was not sure."),
    ),
    "ideas": (
        write_note("A walk by the river in summer.", "Sunny"),
        {"text": "A walk by the river in summer.", "suggested_by": "Sunny"},
        ("A walk by the river in summer.", "Sunny"),
    ),
    "parked_questions": (
        write_note("Who pays for the minibus?", "Pete"),
        {"text": "Who pays for the minibus?", "asked_by": "Pete"},
        ("Who pays for the minibus?", "Pete"),
    ),
    "actions": (
        write_action,
        {"what": "Book the room at the library for May.", "who": "Helen Price", "by_when": dt.date(2030, 1, 15),
         "status": ActionStatus.NOT_YET, "carried_from_id": None},
        ("Book the room at the library for May.",
         f"Helen Price · by {format_long_date(dt.date(2030, 1, 15))} · Not done yet"),
    ),
}


@pytest.mark.parametrize("part", list(ADDING))
def test_the_add_menu_writes_one_down_and_undo_takes_it_away(window, page, panel, part):
    act, fields, row = ADDING[part]
    before = getattr(stored(window), part)
    with answering(DIALOG[part], act):
        add_menu(panel, part)
    after = getattr(stored(window), part)
    assert after[:-1] == before and len(after) == len(before) + 1
    assert {name: getattr(after[-1], name) for name in fields} == fields
    heading = f"{HEADINGS[part]} ({len(after)})"
    assert shown(panel)[heading][-1] == row
    assert page.tabs.tabText(2) == "Decisions and actions (10)"
    undo(window)
    assert getattr(stored(window), part) == before
    assert page.tabs.tabText(2) == DEMO_TAB


@pytest.mark.parametrize("part", list(ADDING))
def test_nothing_written_is_not_saved_and_the_dialog_says_why(window, panel, part):
    before = stored(window)
    problems = []

    def act(dialog) -> None:
        dialog.text.setPlainText("   \n  ")
        press(dialog, SAVE)
        assert dialog.isVisible(), "an empty one was accepted"
        problems.append(dialog.problem.text() if not dialog.problem.isHidden() else "")
        press(dialog, CANCEL)  # nothing written, so Cancel does not ask

    with answering(DIALOG[part], act):
        add_menu(panel, part)
    assert problems and problems[0].startswith("Write")
    assert stored(window) == before
    assert not window.history.canUndo()


def test_change_puts_words_right_keeping_the_rest_and_undo_brings_them_back(window, qtbot, panel):
    idea = stored(window).ideas[0]

    def act(dialog) -> None:
        assert dialog.windowTitle() == "Change the idea"
        assert (dialog.text.toPlainText(), dialog.who_text()) == (idea.text, idea.suggested_by)
        dialog.text.setPlainText("A coffee morning, with cake, to meet the staff.")
        press(dialog, SAVE)

    pick(qtbot, panel, "ideas", idea.id)
    with answering(NoteDialog, act):
        panel.change_button.click()
    changed = stored(window).ideas
    assert [(i.id, i.text, i.suggested_by, i.agenda_item_id) for i in changed] == [
        (idea.id, "A coffee morning, with cake, to meet the staff.", idea.suggested_by, idea.agenda_item_id)
    ]
    assert shown(panel)["Ideas (1)"] == [("A coffee morning, with cake, to meet the staff.", "Kofi Boateng")]
    undo(window)
    assert stored(window).ideas == [idea]


def test_new_words_for_an_agreed_decision_need_agreeing_again(window, qtbot, panel):
    decision = stored(window).decisions[0]
    assert decision.agreed

    def act(dialog) -> None:
        dialog.text.setPlainText("The new centre will have a quiet room and a garden.")
        press(dialog, SAVE)

    with answering(DecisionDialog, act):
        pick(qtbot, panel, "decisions", decision.id, double=True)  # a double-click opens it to change
    changed = stored(window).decisions[0]
    assert (changed.id, changed.text, changed.agreed) == (decision.id, "The new centre will have a quiet room and a garden.", False)
    assert changed.agreement is Agreement.EVERYONE and changed.suggested_by == decision.suggested_by
    assert shown(panel)["Decisions (3)"][0][1] == "Still to decide · Everyone agreed."
    undo(window)
    assert stored(window).decisions[0] == decision


@pytest.mark.parametrize("part", list(HEADINGS))
def test_change_then_save_without_changing_anything_makes_no_edit(window, qtbot, panel, part):
    before = stored(window)
    for obj in getattr(before, part):
        pick(qtbot, panel, part, obj.id)
        with answering(DIALOG[part], lambda dialog: press(dialog, SAVE)):
            panel.change_button.click()
    assert stored(window) == before
    assert not window.history.canUndo()


def test_agreed_as_written_flips_what_is_stored_and_undo_flips_it_back(window, qtbot, panel):
    minibus = stored(window).decisions[2]
    pick(qtbot, panel, "ideas", stored(window).ideas[0].id)
    assert not panel.agreed_button.isEnabled()  # only a decision can be agreed
    pick(qtbot, panel, "decisions", minibus.id)
    assert panel.agreed_button.isEnabled() and not panel.agreed_button.isChecked()
    panel.agreed_button.click()
    assert stored(window).decisions[2].agreed is True
    assert panel.current() == ("decisions", minibus.id)  # still chosen after the page showed the change
    assert panel.agreed_button.isChecked()
    assert shown(panel)["Decisions (3)"][2] == (minibus.text, "Agreed as written")
    panel.agreed_button.click()
    assert stored(window).decisions[2].agreed is False
    panel.agreed_button.click()
    undo(window)
    assert stored(window).decisions[2].agreed is False
    assert not panel.agreed_button.isChecked()
    undo(window)
    assert stored(window).decisions[2].agreed is True
    undo(window)
    assert stored(window).decisions[2] == minibus


@pytest.mark.parametrize("part", list(HEADINGS))
def test_remove_asks_first_and_undo_puts_it_back_in_its_place(window, qtbot, page, panel, part):
    before = getattr(stored(window), part)
    place = min(1, len(before) - 1)  # the second, or the only one
    gone, kept = before[place], before[:place] + before[place + 1:]
    asked = []

    def answer(text: str) -> Callable:
        def act(box: QMessageBox) -> None:
            asked.append(box.text())
            click_button(box, text)

        return act

    pick(qtbot, panel, part, gone.id)
    with answering(QMessageBox, answer("Cancel")):
        panel.remove_button.click()
    assert asked == [f"Remove “{as_row(words_of(gone))}”? Undo brings it back."]
    assert getattr(stored(window), part) == before
    assert not window.history.canUndo()

    with answering(QMessageBox, answer("Remove")):
        panel.remove_button.click()
    assert getattr(stored(window), part) == kept
    assert [text for text, _how in shown(panel)[f"{HEADINGS[part]} ({len(kept)})"]] == [as_row(words_of(o)) for o in kept]
    assert page.tabs.tabText(2) == "Decisions and actions (8)"
    assert not panel.remove_button.isEnabled()
    undo(window)
    assert getattr(stored(window), part) == before
    assert page.tabs.tabText(2) == DEMO_TAB


# -- 2. the group a workshop is a meeting of ------------------------------------------------------------


def group_items(page) -> list[str]:
    return [page.group_box.itemText(n) for n in range(page.group_box.count())]


def test_the_group_box_shows_the_workshop_s_group_and_no_group_is_stored_as_none(window, qtbot, page):
    demo = stored(window)
    assert group_items(page) == ["No group", RIVERSIDE, "A new group…"]
    assert page.group_box.currentText() == RIVERSIDE
    page.group_box.setFocus()
    qtbot.keyClick(page.group_box, K.Key_Up)
    assert stored(window).group_id is None
    assert page.group_box.currentText() == "No group"
    undo(window)
    assert stored(window).group_id == demo.group_id
    assert page.group_box.currentText() == RIVERSIDE


def new_group(qtbot, page, name: str) -> list:
    """Choose "A new group…" with the keyboard and answer the question with ``name``."""
    asked = []

    def act(dialog: QInputDialog) -> None:
        asked.append(dialog.labelText())
        dialog.setTextValue(name)
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    with answering(QInputDialog, act):
        page.group_box.setFocus()
        qtbot.keyClick(page.group_box, K.Key_End)
    return asked


def test_a_new_group_is_made_and_the_workshop_joins_it(window, qtbot, page):
    asked = new_group(qtbot, page, "  Thursday carers' group  ")
    assert asked == ["What is the group called?"]
    groups = {group.name: group.id for group in window.library.groups()}
    assert set(groups) == {RIVERSIDE, "Thursday carers' group"}
    assert stored(window).group_id == groups["Thursday carers' group"]
    assert page.group_box.currentText() == "Thursday carers' group"
    assert group_items(page) == ["No group", RIVERSIDE, "Thursday carers' group", "A new group…"]


@pytest.mark.parametrize("answer", ["cancel", "", "   "])
def test_no_name_for_a_new_group_changes_nothing(window, qtbot, page, answer):
    demo = stored(window)

    def act(dialog: QInputDialog) -> None:
        if answer == "cancel":
            dialog.setTextValue("Something")
            dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Cancel).click()
        else:
            dialog.setTextValue(answer)
            dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    with answering(QInputDialog, act):
        page.group_box.setFocus()
        qtbot.keyClick(page.group_box, K.Key_End)
    assert [group.name for group in window.library.groups()] == [RIVERSIDE]
    assert stored(window) == demo
    assert page.group_box.currentText() == RIVERSIDE  # the box goes back to the workshop's group
    assert not window.history.canUndo()


def test_a_new_group_named_like_one_already_there_is_that_group(window, qtbot, page):
    demo = stored(window)
    new_group(qtbot, page, RIVERSIDE)
    assert [group.name for group in window.library.groups()] == [RIVERSIDE]
    assert stored(window).group_id == demo.group_id


# -- 3. what the group decided -----------------------------------------------------------------------


@pytest.fixture
def meetings(window):
    """Two more meetings of the demo's group (one a month before, one without a date) and another group's."""
    demo = stored(window)
    plants = AgendaItem("Choosing plants", kind=ItemKind.DECIDE)
    older = window.library.add_workshop(Workshop(
        title="Planning the garden", date=demo.date - dt.timedelta(days=28), group_id=demo.group_id, agenda=[plants],
        decisions=[
            Decision("Bydd y dŵr yn y gegin.", agenda_item_id=plants.id, agreed=True),
            Decision("نَلْتَقِي فِي المَكْتَبَة", agreement=Agreement.EVERYONE),
            Decision("We paint the CAFÉ walls green.", agreement=Agreement.EVERYONE, agreed=True),
        ],
    ))
    undated = window.library.add_workshop(Workshop(
        title="Ideas day", group_id=demo.group_id, decisions=[Decision("Someday we have a garden party.")],
    ))
    carers = window.library.add_group(Group("Carers together"))
    other = window.library.add_workshop(Workshop(
        title="Carers meet", date=demo.date, group_id=carers.id, decisions=[Decision("Carers choose the biscuits.", agreed=True)],
    ))
    window.select_workshop(demo.id)
    return demo, older, undated, other


@pytest.fixture
def view(window, meetings):
    """View ▸ What the group decided…, from the demo workshop."""
    window.actions.decisions.trigger()
    made = window.decisions_view
    yield made
    if made.isVisible():
        made.close()


def caught_up(view) -> DecisionsView:
    """The window once it has searched after the pause in typing and caught up with the library's changes."""
    deadline = time.monotonic() + 10
    while view.waiting() and time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.01)
    assert not view.waiting()
    return view


def table(view) -> list[list[str]]:
    model = caught_up(view).table.model()
    return [[model.index(row, column).data() for column in range(4)] for row in range(model.rowCount())]


def row_count(view) -> int:
    return caught_up(view).table.model().rowCount()


def decisions_shown(view) -> list[str]:
    return [row[2] for row in table(view)]


def search_for(qtbot, view, words: str) -> None:
    view.search.clear()
    view.search.setFocus()
    if words.isascii():
        qtbot.keyClicks(view.search, words)
    else:
        view.search.insert(words)  # typed with a keyboard of that language
    assert view.search.text() == words


def test_ctrl_shift_d_shows_every_decision_of_the_group_newest_meeting_first(window, qtbot, meetings):
    demo, older, undated, _other = meetings
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.workshop_list, K.Key_D, CTRL_SHIFT)
    view = window.decisions_view
    assert isinstance(view, DecisionsView) and view.isVisible()
    assert view.group_box.currentText() == RIVERSIDE
    items = {item.id: item.title for item in demo.agenda}
    rows = table(view)
    assert [row[:3] for row in rows] == [
        [format_long_date(demo.date), f"{demo.title} · {items[d.agenda_item_id]}", d.text] for d in demo.decisions
    ] + [
        [format_long_date(older.date), "Planning the garden · Choosing plants", "Bydd y dŵr yn y gegin."],
        [format_long_date(older.date), "Planning the garden", "نَلْتَقِي فِي المَكْتَبَة"],
        [format_long_date(older.date), "Planning the garden", "We paint the CAFÉ walls green."],
        ["No date", "Ideas day", "Someday we have a garden party."],
    ]
    assert [row[3] for row in rows] == [
        "Agreed as written\nEveryone agreed.",
        "Agreed as written\n6 people agreed. 2 people were not sure. 1 person did not agree.",
        "Still to decide",
        "Agreed as written",
        "Still to decide\nEveryone agreed.",
        "Agreed as written\nEveryone agreed.",
        "Still to decide",
    ]
    assert caught_up(view).count.text() == "7 of 7 decisions"
    view.close()


@pytest.mark.parametrize(
    ("words", "found"),
    [
        ("dwr", ["Bydd y dŵr yn y gegin."]),
        ("DŴR", ["Bydd y dŵr yn y gegin."]),
        ("gegin Dwr", ["Bydd y dŵr yn y gegin."]),
        ("cafe", ["We paint the CAFÉ walls green."]),
        ("Café paint", ["We paint the CAFÉ walls green."]),
        ("نلتقي", ["نَلْتَقِي فِي المَكْتَبَة"]),
        ("المكتبة", ["نَلْتَقِي فِي المَكْتَبَة"]),
        ("SATURDAY", ["The centre will be open on Saturdays as well."]),
        ("choosing", ["Bydd y dŵr yn y gegin."]),  # the agenda item's title
        ("garden", ["Bydd y dŵr yn y gegin.", "نَلْتَقِي فِي المَكْتَبَة", "We paint the CAFÉ walls green.",
                    "Someday we have a garden party."]),  # a meeting's title, and a decision's words
        ("bus", []),  # words are found from their start: "minibus" is not "bus"
        ("biscuits", []),  # another group's decision
    ],
)
def test_the_search_finds_words_in_any_case_with_or_without_accents(qtbot, view, words, found):
    search_for(qtbot, view, words)
    assert decisions_shown(view) == found
    assert caught_up(view).count.text() == f"{len(found)} of 7 decisions"
    view.search.clear()
    assert row_count(view) == 7


def test_an_arabic_word_is_found_with_its_article(qtbot, view):
    search_for(qtbot, view, "مكتبة")
    assert decisions_shown(view) == ["نَلْتَقِي فِي المَكْتَبَة"]


@pytest.mark.parametrize(
    ("downs", "found"),
    [
        (1, ["The new centre will have a quiet room for anyone who needs a rest.",
             "The centre will be open on Saturdays as well.", "Bydd y dŵr yn y gegin.", "We paint the CAFÉ walls green."]),
        (2, ["The minibus picks people up from home.", "نَلْتَقِي فِي المَكْتَبَة", "Someday we have a garden party."]),
    ],
)
def test_show_agreed_or_still_to_decide(qtbot, view, downs, found):
    view.shown.setFocus()
    for _n in range(downs):
        qtbot.keyClick(view.shown, K.Key_Down)
    assert decisions_shown(view) == found
    assert caught_up(view).count.text() == f"{len(found)} of 7 decisions"
    search_for(qtbot, view, "garden")  # the filters work together
    assert decisions_shown(view) == [text for text in found if text in (
        "Bydd y dŵr yn y gegin.", "نَلْتَقِي فِي المَكْتَبَة", "We paint the CAFÉ walls green.", "Someday we have a garden party.")]
    qtbot.keyClick(view.shown, K.Key_Home)
    assert row_count(view) == 4


@pytest.mark.parametrize(
    ("since", "until", "meetings_found"),
    [
        (0, None, ["demo"]),
        (None, -1, ["older"]),
        (-28, -28, ["older"]),
        (-28, 0, ["demo", "older"]),
        (1, None, []),
    ],
)
def test_from_and_until_dates_keep_the_meetings_between(view, meetings, since, until, meetings_found):
    demo, older, _undated, _other = meetings
    expected = []
    for name in meetings_found:
        expected += [d.text for d in {"demo": demo, "older": older}[name].decisions]
    for use, edit, offset in ((view.use_since, view.since, since), (view.use_until, view.until, until)):
        assert not edit.isEnabled()
        if offset is not None:
            use.click()
            assert edit.isEnabled()
            day = demo.date + dt.timedelta(days=offset)
            edit.setDate(QDate(day.year, day.month, day.day))
    assert decisions_shown(view) == expected
    assert caught_up(view).count.text() == f"{len(expected)} of 7 decisions"
    view.use_since.setChecked(False)
    view.use_until.setChecked(False)
    assert row_count(view) == 7  # the meeting without a date is back


def test_enter_or_a_double_click_on_a_decision_opens_its_meeting(window, qtbot, view, meetings):
    _demo, older, undated, _other = meetings
    view.table.setFocus()
    view.table.setCurrentIndex(caught_up(view).found.index(4, 2))
    with qtbot.waitSignal(view.open_meeting) as opened:
        qtbot.keyClick(view.table, K.Key_Return)
    assert opened.args == [older.id]
    assert window.current_workshop_id() == older.id
    assert window.page.title_edit.text() == "Planning the garden"
    assert view.isVisible()  # the window stays open to open another
    rect = view.table.visualRect(view.found.index(6, 2))
    with qtbot.waitSignal(view.open_meeting) as opened:
        qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.args == [undated.id]
    assert window.page.title_edit.text() == "Ideas day"


def test_the_list_follows_what_is_decided_on_the_workshop_page(window, qtbot, view, panel):
    search_for(qtbot, view, "library")
    assert row_count(view) == 0
    with answering(DecisionDialog, fill("decisions", "We meet at the library in May.")):
        add_menu(panel, "decisions")
    assert table(view) == [[format_long_date(stored(window).date), stored(window).title, "We meet at the library in May.",
                            "Still to decide"]]
    assert caught_up(view).count.text() == "1 of 8 decisions"
    pick(qtbot, panel, "decisions", stored(window).decisions[-1].id)
    panel.agreed_button.click()
    assert table(view)[0][3] == "Agreed as written"
    undo(window)
    undo(window)
    assert caught_up(view).count.text() == "0 of 7 decisions"


def test_another_group_chosen_shows_its_decisions(qtbot, view):
    assert [view.group_box.itemText(n) for n in range(view.group_box.count())] == ["Carers together", RIVERSIDE]
    view.group_box.setFocus()
    qtbot.keyClick(view.group_box, K.Key_Up)
    assert view.group_box.currentText() == "Carers together"
    assert decisions_shown(view) == ["Carers choose the biscuits."]
    assert caught_up(view).count.text() == "1 of 1 decision"


def test_with_no_groups_the_window_says_what_to_do(qtbot, library):
    library.add_workshop(Workshop("On its own", decisions=[Decision("We like tea.", agreed=True)]))
    view = DecisionsView(library, None)
    qtbot.addWidget(view)
    assert view.group_box.count() == 0 and row_count(view) == 0
    assert caught_up(view).count.text() == "There are no groups yet. Choose a workshop's group on its page."
    view.close()


def test_a_group_made_while_the_window_is_open_can_be_chosen_in_it(qtbot, view, page):
    new_group(qtbot, page, "Thursday carers' group")
    caught_up(view)
    assert "Thursday carers' group" in [view.group_box.itemText(n) for n in range(view.group_box.count())]


# -- 4. planning the group's next meeting: tests/ui/test_next_meeting.py ----------------------------------


# -- 5. words of every kind and length ----------------------------------------------------------------


@pytest.mark.parametrize("part", list(HEADINGS))
@pytest.mark.parametrize("kind", list(TEXTS))
def test_words_of_every_kind_survive_the_tab(window, qtbot, panel, part, kind):
    text = TEXTS[kind]
    with answering(DIALOG[part], fill(part, text)):
        add_menu(panel, part)
    made = getattr(stored(window), part)[-1]
    assert words_of(made) == text
    item = row_of(panel, part, made.id)
    assert item.text(0) == as_row(text)
    assert item.toolTip(0) == text[:1000]
    if kind == "10,000 characters":
        assert len(item.text(0)) == 200 and item.text(0).endswith("…")
    # Opened again, the whole text is there; saved as it is, nothing changes.
    steps = window.history.activeStack().count()
    pick(qtbot, panel, part, made.id)
    seen = []

    def act(dialog) -> None:
        seen.append(dialog.text.toPlainText())
        press(dialog, SAVE)

    with answering(DIALOG[part], act):
        panel.change_button.click()
    assert seen == [text]
    assert getattr(stored(window), part)[-1] == made
    assert window.history.activeStack().count() == steps


@pytest.mark.parametrize("kind", list(TEXTS))
def test_words_of_every_kind_show_in_what_the_group_decided(window, qtbot, view, panel, kind):
    text = TEXTS[kind]
    with answering(DecisionDialog, fill("decisions", text)):
        add_menu(panel, "decisions")
    assert decisions_shown(view)[3] == text  # after the demo's own three, all of it
    assert view.found.index(3, 2).data(Qt.ItemDataRole.ToolTipRole) == text[:1000]
    search_for(qtbot, view, FOUND_BY[kind])
    assert decisions_shown(view) == [text]


def test_a_decision_with_no_words_from_elsewhere_is_shown_as_such(window, page, panel, meetings):
    window.library.add_part(window.page.workshop.id, "decisions", Decision(""))
    window.library.add_part(window.page.workshop.id, "ideas", Idea("   "))
    window.library.add_part(window.page.workshop.id, "parked_questions", ParkedQuestion("\n"))
    rows = shown(panel)
    assert rows["Decisions (4)"][-1] == ("(no words)", "Still to decide")
    assert rows["Ideas (2)"][-1][0] == rows["Questions for later (3)"][-1][0] == "(no words)"
    assert page.tabs.tabText(2) == "Decisions and actions (12)"
    window.actions.decisions.trigger()
    view = window.decisions_view
    assert decisions_shown(view)[3] == "" and caught_up(view).count.text() == "8 of 8 decisions"
    view.close()
