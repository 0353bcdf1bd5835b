"""The main window's list of workshops follows the library one workshop at a time, in the library's order."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from facilitator.core.model import Workshop
from facilitator.ui.main_window import MainWindow
from facilitator.ui.settings import Preferences

TITLES = ["Apple day", "apple day", "Zoo trip", "éclair", "Éclair", "Banana", "Meeting", "meeting 2"]


@pytest.fixture
def listed(qtbot, library, tmp_path):
    made = [library.add_workshop(Workshop(f"Meeting {n}", date=dt.date(2026, 1, 1) + dt.timedelta(days=n)))
            for n in range(30)]
    window = MainWindow(library, Preferences(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)))
    qtbot.addWidget(window)
    window.show()
    yield window, made
    window.close()


def shown(window) -> list[str]:
    return window.workshop_list.ids()


def in_library(window) -> list[str]:
    return [summary.id for summary in window.library.list_workshops()]


def test_a_change_puts_right_only_its_own_row_and_the_list_is_never_filled_again(listed):
    window, made = listed
    resets, inserted, removed, written = [], [], [], []
    model = window.workshop_list.model()
    model.modelReset.connect(lambda: resets.append(True))
    model.rowsInserted.connect(lambda parent, first, last: inserted.append(first))
    model.rowsRemoved.connect(lambda parent, first, last: removed.append(first))
    model.dataChanged.connect(lambda first, last: written.append(first.row()))
    new = window.library.add_workshop(Workshop("A new one", date=dt.date(2026, 1, 15, )))
    assert inserted == [15] and window.current_workshop_id() == new.id  # a new workshop is chosen
    window.library.update_workshop(made[3].id, place="The library")  # its place comes in the row's tooltip
    assert written == [shown(window).index(made[3].id)]
    assert window.workshop_list.model().index(written[0]).data(3) == "Meeting 3 · The library"
    window.library.remove_workshop(made[0].id)
    assert removed == [30]
    assert resets == [] and shown(window) == in_library(window)


def test_after_many_changes_the_list_is_the_library_s_list_and_the_chosen_workshop_stays_chosen(listed):
    window, made = listed
    rng = random.Random(27)
    ids = [w.id for w in made]
    chosen = ids[5]
    window.select_workshop(chosen)
    for step in range(60):
        what = rng.choice(["add", "title", "date", "undate", "remove"])
        if what == "add":
            day = rng.choice([None, dt.date(2026, 1, rng.randint(1, 31))])
            ids.append(window.library.add_workshop(Workshop(rng.choice(TITLES), date=day)).id)
            chosen = ids[-1]  # a new workshop is the one shown
        elif what == "remove" and len(ids) > 3:
            gone = rng.choice([i for i in ids if i != chosen])
            window.library.remove_workshop(gone)
            ids.remove(gone)
        else:
            changes = {"title": {"title": rng.choice(TITLES)}, "date": {"date": dt.date(2025, 12, rng.randint(1, 31))},
                       "undate": {"date": None}, "remove": {"title": "Kept"}}[what]
            window.library.update_workshop(rng.choice(ids), **changes)
        QApplication.processEvents()
        assert window.current_workshop_id() == chosen, step
        assert window.page.workshop.id == chosen
    # Titles the same but for case, and the same date, may come in either order: the rest is the library's.
    order = {summary.id: (summary.date, summary.title.lower()) for summary in window.library.list_workshops()}
    assert [order[i] for i in shown(window)] == [order[i] for i in in_library(window)]
    assert sorted(shown(window)) == sorted(ids)
    assert [window.workshop_list.text(row).split("\n")[0] for row in range(window.workshop_list.count())] == [
        window.library.summary(i).title for i in shown(window)]


def test_removing_the_chosen_workshop_shows_the_next_one(listed):
    window, made = listed
    window.select_workshop(made[10].id)
    row = window.workshop_list.currentRow()
    window.library.remove_workshop(made[10].id)
    assert window.current_workshop_id() == shown(window)[row]
    assert window.page.workshop.id == window.current_workshop_id()
