"""The planner, driven through its real widgets: templates, cards, drag, undo, redo, reopen."""

import datetime as dt

from PySide6.QtCore import QMimeData, QModelIndex, QSettings, Qt
from PySide6.QtWidgets import QDialogButtonBox

from facilitator.core.library import open_library
from facilitator.core.model import ItemKind
from facilitator.ui.agenda_model import MIME_TYPE, START_ROLE
from facilitator.ui.main_window import MainWindow
from facilitator.ui.settings import Preferences
from facilitator.ui.templates_dialog import NewFromTemplate


def titles(window):
    return [item.title for item in window.page.planner.model.items]


def starts(window):
    model = window.page.planner.model
    return [model.data(model.index(row), START_ROLE) for row in range(model.rowCount())]


def stored(window):
    return window.library.load_workshop(window.page.workshop.id)


def make_from_template(window, name, date=dt.date(2027, 3, 2), start=(9, 30)):
    dialog = NewFromTemplate(window.library, window.pictures, window)
    row = next(r for r, t in enumerate(dialog.templates) if t.name == name)
    dialog.list.setCurrentRow(row)
    dialog.date_edit.setDate(date)
    dialog.start_edit.setTime(dialog.start_edit.time().fromString(f"{start[0]:02d}:{start[1]:02d}", "HH:mm"))
    dialog.ok.click()
    window.select_workshop(dialog.workshop.id)
    return dialog.workshop


def drag(window, from_row, to_row):
    """What a drop does: the view hands the model the dragged card's data and the row under the mouse."""
    model = window.page.planner.model
    data: QMimeData = model.mimeData([model.index(from_row)])
    assert data.hasFormat(MIME_TYPE)
    model.dropMimeData(data, Qt.DropAction.MoveAction, to_row, 0, QModelIndex())


def test_a_ten_item_agenda_from_a_template_dragged_undone_redone_and_reopened(window, qtbot, tmp_path):
    workshop = make_from_template(window, "Deciding together")
    planner = window.page.planner
    assert window.current_workshop_id() == workshop.id
    assert planner.model.rowCount() == 10
    assert all(item.picture for item in planner.model.items)
    before = titles(window)
    times_before = starts(window)
    assert times_before[0] == dt.time(9, 30)
    # Each start is the one before plus its minutes.
    for row in range(1, 10):
        moment = dt.datetime.combine(dt.date.today(), times_before[row - 1])
        assert times_before[row] == (moment + dt.timedelta(minutes=planner.model.items[row - 1].minutes)).time()

    drag(window, 1, 5)  # the second card dropped above the sixth
    moved = [before[0], *before[2:5], before[1], *before[5:]]
    assert titles(window) == moved
    assert starts(window) != times_before
    assert starts(window)[0] == dt.time(9, 30)
    assert [i.title for i in stored(window).agenda] == moved
    assert planner.current_item().title == before[1]  # the moved card stays chosen

    window.actions.undo.trigger()
    assert titles(window) == before and starts(window) == times_before
    window.actions.redo.trigger()
    assert titles(window) == moved

    window.close()
    window.library.close()
    library = open_library(tmp_path / "library.sqlite3")
    try:
        again = MainWindow(library, Preferences(QSettings(str(tmp_path / "s2.ini"), QSettings.Format.IniFormat)))
        qtbot.addWidget(again)
        again.select_workshop(workshop.id)
        assert titles(again) == moved
        assert starts(again) == [s for s in starts_of(library, workshop.id)]
        again.close()
    finally:
        library.close()


def starts_of(library, workshop_id):
    return library.load_workshop(workshop_id).start_times()


def test_dropping_a_card_on_its_own_place_changes_nothing(window):
    before = titles(window)
    drag(window, 2, 2)
    drag(window, 2, 3)  # just below itself is the same place
    assert titles(window) == before
    assert not window.history.canUndo()


def test_changing_minutes_moves_every_later_start_and_can_overrun_the_room(window, qtbot):
    planner = window.page.planner
    planner.select_row(1)
    later = starts(window)[2:]
    planner.editor.minutes_box.setValue(planner.editor.minutes_box.value() + 45)
    shifted = [(dt.datetime.combine(dt.date.today(), t) + dt.timedelta(minutes=45)).time() for t in later]
    assert starts(window)[2:] == shifted
    assert stored(window).agenda[1].minutes == planner.model.items[1].minutes
    # The demo fits its booking with 10 minutes spare; 45 more runs 35 minutes over, said in words.
    assert planner.time_bar.over
    assert "35 minutes after the room booking" in planner.time_bar.room.text()
    assert not planner.time_bar.icon.pixmap().isNull()
    window.actions.undo.trigger()
    assert not planner.time_bar.over
    assert "spare" in planner.time_bar.room.text()


def test_adding_typing_and_removing_an_item_with_undo(window, qtbot):
    planner = window.page.planner
    planner.select_row(3)
    count = planner.model.rowCount()
    planner.add_action.trigger()
    assert planner.model.rowCount() == count + 1
    assert planner.current_row() == 4
    assert planner.editor.title_edit.hasFocus()
    qtbot.keyClicks(planner.editor.title_edit, "Go for a walk")
    qtbot.keyClick(planner.editor.title_edit, Qt.Key.Key_Tab)
    assert stored(window).agenda[4].title == "Go for a walk"
    # Typing the title is one undo step, and adding the item another.
    window.actions.undo.trigger()
    assert stored(window).agenda[4].title == "Talking together"
    window.actions.undo.trigger()
    assert planner.model.rowCount() == count

    window.actions.redo.trigger()
    window.actions.redo.trigger()
    assert stored(window).agenda[4].title == "Go for a walk"
    planner.select_row(4)
    planner.cards.setFocus()
    qtbot.keyClick(planner.cards, Qt.Key.Key_Delete)
    assert "Go for a walk" not in titles(window)
    window.actions.undo.trigger()
    assert titles(window)[4] == "Go for a walk"


def test_removing_an_item_and_undoing_keeps_its_decisions_linked(window):
    planner = window.page.planner
    workshop = stored(window)
    linked = {d.agenda_item_id for d in workshop.decisions if d.agenda_item_id}
    row = next(r for r, item in enumerate(workshop.agenda) if item.id in linked)
    planner.select_row(row)
    planner.remove_action.trigger()
    assert all(d.agenda_item_id != workshop.agenda[row].id for d in stored(window).decisions)
    window.actions.undo.trigger()
    assert {d.agenda_item_id for d in stored(window).decisions if d.agenda_item_id} == linked


def test_keyboard_moves_and_duplicates(window, qtbot):
    planner = window.page.planner
    before = titles(window)
    planner.select_row(0)
    planner.cards.setFocus()
    qtbot.keyClick(planner.cards, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert titles(window)[:2] == [before[1], before[0]]
    assert planner.current_row() == 1
    qtbot.keyClick(planner.cards, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert titles(window) == before
    qtbot.keyClick(planner.cards, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert titles(window) == [before[0], before[0], *before[1:]]
    assert len({item.id for item in stored(window).agenda}) == len(before) + 1


def test_kinds_come_with_a_picture_a_shape_and_words(window):
    planner = window.page.planner
    planner.select_row(0)
    count = planner.model.rowCount()
    planner.add_menu.actions()[list(ItemKind).index(ItemKind.BREAK)].trigger()
    added = planner.current_item()
    assert planner.model.rowCount() == count + 1
    assert added.kind == ItemKind.BREAK and added.title == "Break" and added.minutes == 15
    assert added.picture == ""  # shows the kind's own picture until one is chosen
    assert "kind of item" in planner.editor.picture_words.text()
    # Changing the kind in the form is saved and undoable.
    box = planner.editor.kind_box
    box.setCurrentIndex(box.findData(ItemKind.DECIDE))
    box.activated.emit(box.currentIndex())
    assert stored(window).agenda[1].kind == ItemKind.DECIDE
    window.actions.undo.trigger()
    assert stored(window).agenda[1].kind == ItemKind.BREAK


def test_an_item_needs_a_title(window, qtbot):
    editor = window.page.planner.editor
    old = editor.item.title
    editor.title_edit.selectAll()
    qtbot.keyClick(editor.title_edit, Qt.Key.Key_Backspace)
    qtbot.keyClick(editor.title_edit, Qt.Key.Key_Return)
    assert editor.title_edit.text() == old
    assert stored(window).agenda[0].title == old
    assert "needs a title" in editor.message.text() and editor.message.isVisibleTo(editor)


def test_workshop_details_are_undoable_and_the_title_is_one_step(window, qtbot):
    page = window.page
    old = page.workshop.title
    page.title_edit.setFocus()
    page.title_edit.end(False)
    qtbot.keyClicks(page.title_edit, " again")
    qtbot.keyClick(page.title_edit, Qt.Key.Key_Return)
    assert stored(window).title == old + " again"
    assert "title" in window.actions.undo.text()
    window.actions.undo.trigger()
    assert stored(window).title == old and page.title_edit.text() == old
    assert not window.actions.undo.isEnabled()


def test_save_as_template_and_make_a_workshop_from_it(window, qtbot):
    from facilitator.ui.templates_dialog import SaveAsTemplate

    source = stored(window)
    dialog = SaveAsTemplate(window.library, source, window)
    dialog.name_edit.setText("Our monthly meeting")
    dialog.save_button.click()
    assert dialog.template is not None
    assert all(item.notes == "" for item in dialog.template.agenda)  # notes only when asked for

    chooser = NewFromTemplate(window.library, window.pictures, window)
    names = [chooser.list.item(r).text() for r in range(chooser.list.count())]
    assert "Our monthly meeting (yours)" in names
    assert len(names) >= 7  # the app's own templates and this one
    workshop = make_from_template(window, "Our monthly meeting")
    made = window.library.load_workshop(workshop.id)
    assert [i.title for i in made.agenda] == [i.title for i in source.agenda]
    assert not made.participants and not made.decisions and not made.actions
    assert made.start_time == dt.time(9, 30) and made.date == dt.date(2027, 3, 2)

    chooser = NewFromTemplate(window.library, window.pictures, window)
    chooser.list.setCurrentRow(0)
    assert not chooser.remove_button.isEnabled()  # the app's own templates cannot be removed
    assert chooser.ok.isEnabled()
    assert chooser.findChild(QDialogButtonBox) is not None


def test_zoom_makes_text_and_cards_bigger(window, qtbot):
    planner = window.page.planner
    height = planner.cards.sizeHintForRow(0)
    title_size = window.page.title_edit.font().pointSizeF()
    window.actions.zoom_in.trigger()
    window.actions.zoom_in.trigger()
    assert window.page.title_edit.font().pointSizeF() > title_size
    qtbot.waitUntil(lambda: planner.cards.sizeHintForRow(0) > height)  # the app's font reaches widgets as an event
    window.actions.zoom_reset.trigger()
    assert window.page.title_edit.font().pointSizeF() == title_size
    qtbot.waitUntil(lambda: planner.cards.sizeHintForRow(0) == height)


def test_people_running_and_taking_part(window, qtbot):
    people = window.page.people
    window.page.tabs.setCurrentWidget(people)
    taking_part = people.taking_part
    count = taking_part.list.count()
    taking_part.add_button.click()
    assert taking_part.list.count() == count + 1
    form = taking_part.form
    assert form.name_edit.hasFocus()
    qtbot.keyClicks(form.name_edit, "Priya Shah")
    qtbot.keyClick(form.name_edit, Qt.Key.Key_Tab)
    alias = form.texts["alias"].box
    qtbot.keyClicks(alias, "Pri")
    qtbot.keyClick(alias, Qt.Key.Key_Tab)
    from facilitator.core.model import AccessNeed

    form.need_boxes[AccessNeed.HEARING_LOOP].click()
    person = stored(window).participants[-1]
    assert (person.name, person.alias, person.access_needs) == ("Priya Shah", "Pri", [AccessNeed.HEARING_LOOP])
    assert taking_part.list.currentItem().text() == "Pri (Priya Shah): Hearing loop"

    # A person must keep a name or a chosen name.
    form.name_edit.clear()
    form.name_edit.editingFinished.emit()
    alias.clear()
    alias.editingFinished.emit()
    person = stored(window).participants[-1]
    assert person.name == "" and person.alias == "Pri"
    assert "name or a chosen name" in form.message.text()
    assert alias.text() == "Pri"

    taking_part.remove_button.click()
    assert len(stored(window).participants) == count
    window.actions.undo.trigger()
    assert stored(window).participants[-1].alias == "Pri"

    running = people.running
    running.list.setCurrentRow(0)
    running.form.lived.click()
    assert stored(window).facilitators[0].lived_experience == running.form.lived.isChecked()


def test_suggestions_follow_the_words_as_they_are_typed(window, qtbot):
    editor = window.page.planner.editor
    editor.title_edit.selectAll()
    qtbot.keyClicks(editor.title_edit, "Bus to the garden")
    qtbot.waitUntil(lambda: editor.suggestion_buttons[0].property("picture") == "bus")
    suggested = [b.property("picture") for b in editor.suggestion_buttons if b.isVisibleTo(editor)]
    assert suggested[:2] == ["bus", "garden"]
    editor.suggestion_buttons[1].click()  # picking a picture first saves the title being typed
    item = stored(window).agenda[0]
    assert (item.title, item.picture) == ("Bus to the garden", "garden")
    assert editor.picture_words.text() == "Picture: garden"


def test_the_picture_picker_searches_and_takes_own_pictures(window, qtbot, tmp_path, monkeypatch):
    from PySide6.QtGui import QColor, QImage
    from PySide6.QtWidgets import QMessageBox

    from facilitator.ui.picture_picker import PicturePicker

    store = window.pictures
    picker = PicturePicker(store, "Tea and a chat", window)
    first = [picker.results.item(r).data(Qt.ItemDataRole.UserRole) for r in range(3)]
    assert first[:2] == ["tea", "chat"]  # the item's own words come first
    assert picker.results.count() > 300  # then the whole everyday vocabulary to browse
    picker.search_edit.setText("bus")
    picker.fill()
    refs = [picker.results.item(r).data(Qt.ItemDataRole.UserRole) for r in range(picker.results.count())]
    assert refs[0] == "bus" and any(r.startswith("openmoji:") for r in refs)
    picker.search_edit.setText("zzzqqq")
    picker.fill()
    assert picker.results.count() == 0 and "No picture" in picker.heading.text()
    assert not picker.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()

    photo = tmp_path / "our_room.png"
    image = QImage(3000, 2000, QImage.Format.Format_RGB32)
    image.fill(QColor("#4a7"))
    assert image.save(str(photo))
    picker.pick_file = lambda parent: photo
    picker.add_own()
    ref = picker.current_ref()
    assert ref.startswith("own:")
    kept = window.library.picture(ref[4:])
    assert kept.name == "our room"
    smaller = QImage.fromData(kept.data)
    assert max(smaller.width(), smaller.height()) == 1600  # big photos are made smaller
    picker.accept_current()
    assert picker.chosen == ref

    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warnings.append(text))
    broken = tmp_path / "broken.png"
    broken.write_bytes(b"\x89PNG\r\n\x1a\n not really a picture")
    picker.pick_file = lambda parent: broken
    picker.add_own()
    assert "cannot be read" in warnings[0]
    text_file = tmp_path / "notes.png"
    text_file.write_text("just words")
    picker.pick_file = lambda parent: text_file
    picker.add_own()
    assert "not a picture" in warnings[1]
    assert list(window.library.picture_names()) == [ref[4:]]


def test_an_own_picture_that_is_removed_shows_a_placeholder_and_says_so(window, qtbot, tmp_path, monkeypatch):
    from PySide6.QtGui import QColor, QImage

    from facilitator.ui.picture_picker import PicturePicker

    photo = tmp_path / "front door.jpg"
    image = QImage(400, 300, QImage.Format.Format_RGB32)
    image.fill(QColor("#a52"))
    image.save(str(photo))
    planner = window.page.planner
    planner.select_row(2)
    chosen = {}

    def run_picker(self):
        self.pick_file = lambda parent: photo
        self.add_own()
        chosen["ref"] = self.current_ref()
        self.accept_current()
        return True

    monkeypatch.setattr(PicturePicker, "exec", run_picker)
    planner.choose_picture()
    assert stored(window).agenda[2].picture == chosen["ref"]
    assert planner.editor.picture_words.text() == "Picture: front door"

    monkeypatch.setattr("facilitator.ui.picture_picker.confirm", lambda *args: True)
    picker = PicturePicker(window.pictures, "", window)
    row = next(r for r in range(picker.results.count()) if picker.results.item(r).data(Qt.ItemDataRole.UserRole) == chosen["ref"])
    picker.results.setCurrentRow(row)
    assert picker.remove_button.isEnabled()
    picker.remove_own()
    assert window.library.picture_names() == {}
    planner.editor.show_picture()
    assert "no longer in the library" in planner.editor.picture_words.text()


def test_the_item_form_says_how_long_an_item_really_took_when_it_was_presented(window, qtbot):
    from facilitator.core.model import ItemTiming

    planner = window.page.planner
    workshop = window.page.workshop
    first, second = workshop.agenda[0], workshop.agenda[1]
    planner.cards.setCurrentIndex(planner.model.index(0))
    assert planner.editor.taken.isHidden()  # never presented: nothing to say
    start = dt.datetime(2026, 3, 3, 10, 0)
    for begin, end, item in ((0, 9, first), (9, 20, second), (20, 26, first)):
        window.library.add_part(workshop.id, "timings", ItemTiming(
            start + dt.timedelta(minutes=begin), start + dt.timedelta(minutes=end), agenda_item_id=item.id))
    planner.cards.setCurrentIndex(planner.model.index(1))
    planner.cards.setCurrentIndex(planner.model.index(0))
    assert not planner.editor.taken.isHidden()
    assert planner.editor.taken.text() == f"When it was presented, it took 15 minutes (planned {first.minutes} minutes)."
    planner.cards.setCurrentIndex(planner.model.index(2))
    assert planner.editor.taken.isHidden()


def test_a_welsh_template_makes_a_welsh_workshop(window, qtbot):
    dialog = NewFromTemplate(window.library, window.pictures, window)
    qtbot.addWidget(dialog)
    english = [dialog.list.item(r).text() for r in range(dialog.list.count())]
    assert "Deciding together" in english and dialog.language_box.currentData() == "en"
    dialog.language_box.setCurrentIndex(dialog.language_box.findData("cy"))
    assert dialog.language_box.currentText() == "Cymraeg"
    welsh = [dialog.list.item(r).text() for r in range(dialog.list.count())]
    assert "Penderfynu gyda'n gilydd" in welsh and "Deciding together" not in welsh
    dialog.list.setCurrentRow(welsh.index("Penderfynu gyda'n gilydd"))
    assert dialog.name.text() == "Penderfynu gyda'n gilydd"
    dialog.ok.click()
    made = window.library.load_workshop(dialog.workshop.id)
    assert made.language == "cy"
    assert len(made.agenda) == 10 and made.agenda[0].kind.value == "welcome"
    assert made.agenda[0].title != "Welcome"


def test_your_own_templates_are_listed_in_their_language(window, qtbot):
    import dataclasses

    from facilitator.core.templates import save_template, template_from_workshop

    arabic = dataclasses.replace(stored(window), language="ar", title="اجتماعنا الشهري")
    save_template(window.library, template_from_workshop(arabic, "اجتماعنا"))
    save_template(window.library, template_from_workshop(stored(window), "Our monthly meeting"))
    dialog = NewFromTemplate(window.library, window.pictures, window)
    qtbot.addWidget(dialog)
    assert [dialog.language_box.itemData(n) for n in range(dialog.language_box.count())] == ["en", "cy", "ar"]

    def listed():
        return [dialog.list.item(r).text() for r in range(dialog.list.count())]

    assert "Our monthly meeting (yours)" in listed() and "اجتماعنا (yours)" not in listed()
    dialog.language_box.setCurrentIndex(dialog.language_box.findData("ar"))
    assert dialog.language_box.currentText() == "العربية"
    assert listed() == ["اجتماعنا (yours)"]  # no built-in Arabic templates: only yours
    assert dialog.ok.isEnabled()
    dialog.ok.click()
    made = window.library.load_workshop(dialog.workshop.id)
    assert made.language == "ar" and made.title == "اجتماعنا الشهري"
