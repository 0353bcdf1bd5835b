"""Who came, what they need, and the run-sheet, in the window: ticking people in the People tab (undoable),
the needs at a glance on the workshop page and on the presenter's console, who leads an item and what to
bring in the item's form, and the run-sheet in the print dialog, in the facilitator's language."""

from __future__ import annotations

import pdfplumber
import pytest
from PySide6.QtCore import Qt

from facilitator.core.model import AccessNeed
from facilitator.core.needs import needs_at_a_glance
from facilitator.core.summary import summary_sections
from facilitator.i18n import format_long_date, in_language, set_language
from facilitator.ui.print_dialog import KINDS

K = Qt.Key
# The demo's eight people between them need all this (Kofi Boateng asked for nothing).
DEMO_NEEDS = ("What people need: 1 person needs large print · 2 people need easy read · 1 person needs audio · "
              "1 person needs an interpreter · hearing loop · step-free access · extra breaks · "
              "2 people come with a supporter · 7 people asked for something else")


def stored(window):
    return window.library.load_workshop(window.page.workshop.id)


def came(window) -> list[bool | None]:
    return [person.came for person in stored(window).participants]


def who_came(window) -> list[str]:
    (section,) = [s for s in summary_sections(stored(window)) if s.key == "who"]
    return [entry.text for entry in section.entries]


@pytest.fixture
def people(window):
    window.page.tabs.setCurrentWidget(window.page.people)
    return window.page.people.taking_part


def tick(qtbot, people, row: int) -> None:
    """Move to a person with the arrow keys and press Space, as a facilitator does at the door."""
    people.list.setFocus()
    people.list.setCurrentRow(0)
    for _step in range(row):
        qtbot.keyClick(people.list, K.Key_Down)
    qtbot.keyClick(people.list, K.Key_Space)


# -- who came -------------------------------------------------------------------------------------------------


def test_everyone_counts_until_someone_is_ticked_then_only_those_ticked(window, qtbot, people):
    assert came(window) == [None] * 8
    assert who_came(window)[0] == "8 people came."
    assert people.tick_hint.text() == "Tick who came. Until you tick someone, everyone on the list counts as there."
    tick(qtbot, people, 0)
    tick(qtbot, people, 2)
    assert came(window) == [True, None, True, None, None, None, None, None]
    assert who_came(window)[0] == "2 people came."
    assert people.tick_hint.text() == "2 of 8 ticked as came. The summary counts them."
    assert [people.list.item(n).checkState() == Qt.CheckState.Checked for n in range(3)] == [True, False, True]
    # The needs on the page are now those of Joan and Tariq.
    assert window.page.needs_label.text() == (
        "What people need: 1 person needs large print · 1 person needs an interpreter · hearing loop · "
        "2 people asked for something else")
    tick(qtbot, people, 2)  # the tick taken off: not known again
    assert came(window)[2] is None
    window.actions.undo.trigger()
    assert came(window)[2] is True
    assert window.actions.undo.text() == "&Undo change the tick for who came of the participant"
    window.actions.undo.trigger()
    window.actions.undo.trigger()
    assert came(window) == [None] * 8
    assert who_came(window)[0] == "8 people came."


def test_a_tick_keeps_what_is_being_typed_in_the_form(window, qtbot, people):
    people.list.setCurrentRow(1)
    name = people.form.name_edit
    name.setFocus()
    name.selectAll()
    qtbot.keyClicks(name, "Sunita P.")  # not saved yet: typing has not paused
    item = people.list.item(1)
    item.setCheckState(Qt.CheckState.Checked)  # as a click on the tick box does
    person = stored(window).participants[1]
    assert (person.name, person.came) == ("Sunita P.", True)


# -- what they need, at a glance ------------------------------------------------------------------------------


def test_the_page_shows_what_the_people_coming_need_and_follows_the_people_tab(window, people):
    label = window.page.needs_label
    assert label.isVisible() and label.text() == DEMO_NEEDS
    people.list.setCurrentRow(7)  # Kofi Boateng, who asked for nothing
    people.form.need_boxes[AccessNeed.HEARING_LOOP].click()
    people.form.need_boxes[AccessNeed.LARGE_PRINT].click()
    assert label.text().startswith("What people need: 2 people need large print · ")
    window.actions.undo.trigger()
    window.actions.undo.trigger()
    assert label.text() == DEMO_NEEDS


def test_no_needs_no_line(window):
    workshop = stored(window)
    for person in workshop.participants:
        person.access_needs, person.other_needs = [], ""
        window.library.update_part(workshop.id, "participants", person)
    assert not window.page.needs_label.isVisible()


def test_the_console_shows_what_the_people_here_need(window, qtbot):
    window.present()
    presenter = window.presenter
    try:
        label = presenter.console.needs_label
        qtbot.waitUntil(label.isVisible, timeout=2000)
        assert label.text() == DEMO_NEEDS == "What people need: " + needs_at_a_glance(stored(window))
        workshop = stored(window)
        workshop.participants[2].came = True  # Tariq is ticked in the main window while presenting
        window.library.update_part(workshop.id, "participants", workshop.participants[2])
        qtbot.waitUntil(lambda: label.text() == "What people need: 1 person needs an interpreter · "
                                                "1 person asked for something else", timeout=2000)
    finally:
        presenter.stop()


# -- who leads it, what to bring -------------------------------------------------------------------------------


def test_who_leads_an_item_and_what_to_bring_are_typed_in_its_form_and_undone_in_one_step(window, qtbot):
    editor = window.page.planner.editor
    window.page.planner.cards.setCurrentIndex(window.page.planner.cards.model().index(0, 0))
    assert editor.item is not None and editor.led_by_edit.text() == ""
    editor.led_by_edit.setFocus()
    qtbot.keyClicks(editor.led_by_edit, "Marcus Reid")
    qtbot.keyClick(editor.led_by_edit, K.Key_Tab)
    assert editor.bring_edit.hasFocus()  # the next box, at the end of the form
    qtbot.keyClicks(editor.bring_edit, "  Name badges, tea ")
    qtbot.keyClick(editor.bring_edit, K.Key_Tab)
    item = stored(window).agenda[0]
    assert (item.led_by, item.to_bring) == ("Marcus Reid", "Name badges, tea")
    window.actions.undo.trigger()
    assert stored(window).agenda[0].to_bring == ""
    assert editor.bring_edit.text() == ""
    window.actions.undo.trigger()
    assert stored(window).agenda[0].led_by == ""
    # Another item shows its own.
    window.page.planner.cards.setCurrentIndex(window.page.planner.cards.model().index(1, 0))
    assert editor.led_by_edit.text() == ""


def test_alt_keys_reach_the_new_boxes(window, qtbot):
    editor = window.page.planner.editor
    window.page.planner.cards.setCurrentIndex(window.page.planner.cards.model().index(0, 0))
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    editor.title_edit.setFocus()
    qtbot.keyClick(editor.title_edit, K.Key_Y, Qt.KeyboardModifier.AltModifier)  # Led b&y
    assert editor.led_by_edit.hasFocus()
    qtbot.keyClick(editor.led_by_edit, K.Key_O, Qt.KeyboardModifier.AltModifier)  # Bring &or prepare
    assert editor.bring_edit.hasFocus()


# -- the run-sheet in the print dialog --------------------------------------------------------------------------


@pytest.fixture
def dialog(window, qtbot):
    window.print_workshop()
    made = window.print_dialog
    yield made
    made.close()


def choose_run_sheet(dialog) -> None:
    dialog.kind_box.setCurrentIndex(dialog.kind_box.findData("run-sheet"))
    dialog.wait_for_pages()


def test_the_print_dialog_makes_the_run_sheet(window, dialog, tmp_path):
    assert [dialog.kind_box.itemData(n) for n in range(dialog.kind_box.count())] == list(KINDS)
    assert dialog.kind_box.itemText(3) == "The run-sheet for the people running it (in your language)"
    workshop = stored(window)
    workshop.agenda[0].led_by = "Marcus Reid"
    window.library.update_part(workshop.id, "agenda", workshop.agenda[0])
    dialog.workshop = stored(window)
    choose_run_sheet(dialog)
    assert not dialog.names_box.isEnabled() and not dialog.contact.isEnabled()  # for the summary only
    assert dialog.status.text().endswith("This is how they will look.") and dialog.pages_layout.count() >= 1
    assert dialog.suggested_name().endswith("-run-sheet.pdf")
    saved = dialog.save_to(tmp_path / "run.pdf")
    with pdfplumber.open(saved) as pdf:
        text = " ".join(" ".join(page.extract_text() for page in pdf.pages).split())
    assert text.startswith(f"Run-sheet: {workshop.title}")
    assert "Leads: Marcus Reid" in text and "Run by: Helen Price (Works for the council) and Marcus Reid" in text
    assert DEMO_NEEDS in text


def test_the_run_sheet_is_in_the_app_s_language_the_summary_in_the_workshop_s(window, dialog, tmp_path):
    workshop = stored(window)
    set_language("cy")
    try:
        choose_run_sheet(dialog)
        with pdfplumber.open(dialog.save_to(tmp_path / "rhedeg.pdf")) as pdf:
            first = pdf.pages[0].extract_text()
        with in_language("cy"):
            assert format_long_date(workshop.date) in " ".join(first.split())  # the date in Welsh
        assert workshop.language == "en"
        dialog.kind_box.setCurrentIndex(dialog.kind_box.findData("summary"))
        dialog.wait_for_pages()
        with pdfplumber.open(dialog.save_to(tmp_path / "notes.pdf")) as pdf:
            assert "Notes from our meeting" in pdf.pages[0].extract_text()  # the room's English
    finally:
        set_language("en")
