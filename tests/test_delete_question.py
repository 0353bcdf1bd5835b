"""Deleting a workshop names it and its date, so two meetings with the same title can be told apart."""

from __future__ import annotations

import datetime as dt

from facilitator.commands import LibraryCommands
from facilitator.core.model import Workshop


class AskingView:
    """Answers the delete question with ``answer`` and keeps what it was asked."""

    def __init__(self, answer: bool):
        self.answer = answer
        self.asked: list[tuple[str, str, str]] = []

    def confirm(self, title: str, question: str, yes: str) -> bool:
        self.asked.append((title, question, yes))
        return self.answer


def test_the_question_names_the_date_in_easy_read_form(library):
    march = library.add_workshop(Workshop(title="Monthly meeting", date=dt.date(2026, 3, 3)))
    april = library.add_workshop(Workshop(title="Monthly meeting", date=dt.date(2026, 4, 7)))
    view = AskingView(answer=False)
    commands = LibraryCommands(library, view)
    assert not commands.delete_workshop(march.id)
    assert not commands.delete_workshop(april.id)
    (_, first, yes), (_, second, _) = view.asked
    assert first.startswith("Delete “Monthly meeting” on Tuesday 3 March 2026?")
    assert second.startswith("Delete “Monthly meeting” on Tuesday 7 April 2026?")
    assert "03/03" not in first and "2026-03-03" not in first and yes == "Delete"
    assert library.has_workshop(march.id) and library.has_workshop(april.id)  # "no" deletes nothing


def test_a_workshop_with_no_date_says_so_and_yes_deletes_it(library):
    undated = library.add_workshop(Workshop(title="Planning day"))
    view = AskingView(answer=True)
    assert LibraryCommands(library, view).delete_workshop(undated.id)
    assert view.asked[0][1].startswith("Delete “Planning day”? It has no date yet.")
    assert not library.has_workshop(undated.id)


def test_the_date_is_in_the_app_s_language(library):
    from facilitator.i18n import in_language

    workshop = library.add_workshop(Workshop(title="Cyfarfod", date=dt.date(2026, 3, 3)))
    view = AskingView(answer=False)
    with in_language("cy"):
        LibraryCommands(library, view).delete_workshop(workshop.id)
    assert "Mawrth" in view.asked[0][1]  # Tuesday and March are both "Mawrth" in Welsh
