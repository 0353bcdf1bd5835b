"""Removing a person in the People tab removes their name everywhere, and, when asked, from the backups."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from facilitator.core import backup
from facilitator.core.library import open_library
from facilitator.core.model import Idea, Participant


def test_removing_a_participant_clears_their_name_and_can_reach_the_backups(window, qtbot, monkeypatch):
    library = window.library
    page = window.page
    workshop = page.workshop
    library.add_part(workshop.id, "participants", Participant(name="Zofia Nowak", alias="Zofia"))
    library.add_part(workshop.id, "ideas", Idea("A quiet room", suggested_by="Zofia"))
    library.make_backup()  # a backup that holds Zofia
    page.tabs.setCurrentWidget(page.people)
    people = page.people.taking_part
    people.show_workshop(library.load_workshop(workshop.id))
    people.list.setCurrentRow(people.list.count() - 1)
    qtbot.mouseClick(people.remove_button, Qt.MouseButton.LeftButton)
    after = library.load_workshop(workshop.id)
    assert "Zofia Nowak" not in [p.name for p in after.participants]
    assert "A quiet room" in [i.text for i in after.ideas]
    assert all(i.suggested_by != "Zofia" for i in after.ideas)
    offer = page.people.everywhere
    assert offer.isVisible() and "Zofia is removed from this workshop" in offer.words.text()
    monkeypatch.setattr("facilitator.ui.forget_everywhere.ask.confirm", lambda *args: True)
    qtbot.mouseClick(offer.button, Qt.MouseButton.LeftButton)
    assert not offer.isVisible()
    said = window.statusBar().currentMessage()
    assert "1 backup held them and was rewritten without them." in said, said
    for made in backup.list_backups(library.backups_dir):
        assert b"Zofia" not in made.read_bytes()
        check = open_library(made, now=dt.datetime.now())
        try:
            assert check.list_workshops()
        finally:
            check.close()
    assert not window.history.activeStack().canUndo()  # it cannot be undone, and the window does not pretend
