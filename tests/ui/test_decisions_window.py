"""The "What the group decided" window with a group that has met for years: hundreds of decisions.

What the person sees stays the same as with a few decisions (tests/ui/test_outcomes.py); these tests
prove how it gets there: the search waits for a pause in typing, only the rows in sight are fitted to
their words, and a change in the library touches only what it changed.
"""

from __future__ import annotations

import datetime as dt
import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from facilitator.core.model import AgendaItem, Decision, Group, Workshop
from facilitator.ui.decisions_view import DecisionsView

MEETINGS, EACH = 20, 15
FRUIT = "apple banana cherry damson elder fig grape hazel ice juniper kiwi lemon mango nectarine olive".split()
LONG = "We will ask the council to keep the bus to the day centre running every weekday, " * 4


def caught_up(view: DecisionsView) -> DecisionsView:
    deadline = time.monotonic() + 10
    while (view.waiting() or view.table._fit.isActive()) and time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.01)
    assert not view.waiting()
    return view


def texts(view: DecisionsView) -> list[str]:
    model = caught_up(view).found
    return [model.index(row, 2).data() for row in range(model.rowCount())]


@pytest.fixture
def years(library):
    group = library.add_group(Group("Riverside group"))
    other = library.add_group(Group("Hillside group"))
    meetings = []
    for number in range(MEETINGS):
        item = AgendaItem(f"Item {number}")
        # The oldest meeting's last decision, the table's last row, is long.
        decisions = [Decision(LONG if (number, n) == (0, EACH - 1) else f"Meeting {number}: {FRUIT[n]}.",
                              agenda_item_id=item.id) for n in range(EACH)]
        meetings.append(library.add_workshop(Workshop(f"Meeting {number}", date=dt.date(2020, 1, 6) + dt.timedelta(days=30 * number),
                                                      group_id=group.id, agenda=[item], decisions=decisions)))
    elsewhere = library.add_workshop(Workshop("Hillside talk", group_id=other.id, decisions=[Decision("Tea at ten.")]))
    return library, group, meetings, elsewhere


@pytest.fixture
def view(qtbot, years):
    library, group, _meetings, _elsewhere = years
    made = DecisionsView(library, group.id)
    qtbot.addWidget(made)
    made.resize(1000, 600)
    made.show()
    qtbot.waitExposed(made)
    yield caught_up(made)
    made.close()


def test_only_the_rows_in_sight_are_fitted_and_the_rest_as_they_come_into_sight(qtbot, view):
    model, table = view.found, view.table
    assert model.rowCount() == MEETINGS * EACH
    assert 0 < len(table.fitted_rows()) < 60  # about a window's worth, not 300
    table.scrollToBottom()
    caught_up(view)
    last = model.rowCount() - 1
    assert last in table.fitted_rows()
    assert model.index(last, 2).data() == LONG
    # The long decision wraps over several lines, and its row is as tall as its words.
    line = table.fontMetrics().lineSpacing()
    assert table.rowHeight(last) >= 3 * line
    assert table.rowHeight(last) == table.sizeHintForRow(last)
    assert table.rowHeight(0) < 2 * line + 16  # a one-line decision stays one line


def test_a_narrower_decision_column_fits_the_rows_in_sight_again(qtbot, view):
    view.table.scrollToBottom()
    caught_up(view)
    last = view.found.rowCount() - 1
    before = view.table.rowHeight(last)
    view.resize(700, 600)
    caught_up(view)
    assert view.table.rowHeight(last) > before


def test_the_search_waits_for_a_pause_in_typing_and_enter_searches_at_once(qtbot, view):
    view.search.setFocus()
    qtbot.keyClicks(view.search, "cherry")
    assert view.waiting()  # typed, not searched yet: the table still shows everything
    assert view.found.rowCount() == MEETINGS * EACH
    assert texts(view) == [f"Meeting {n}: cherry." for n in reversed(range(MEETINGS))]
    qtbot.keyClicks(view.search, "x")
    qtbot.keyClick(view.search, Qt.Key.Key_Return)
    assert not view.waiting() and view.found.rowCount() == 0
    assert view.count.text() == f"0 of {MEETINGS * EACH} decisions"


def test_a_change_in_another_group_s_meeting_leaves_the_table_alone(qtbot, view, years):
    library, _group, _meetings, elsewhere = years
    resets = []
    view.found.modelReset.connect(lambda: resets.append(True))
    library.add_part(elsewhere.id, "decisions", Decision("Biscuits too."))
    caught_up(view)
    assert resets == [] and view.found.rowCount() == MEETINGS * EACH


def test_a_decision_changed_in_one_meeting_changes_its_row_only_and_the_place_is_kept(qtbot, view, years):
    library, _group, meetings, _elsewhere = years
    resets, changed = [], []
    view.found.modelReset.connect(lambda: resets.append(True))
    view.found.dataChanged.connect(lambda first, last: changed.append((first.row(), last.row())))
    view.table.setCurrentIndex(view.found.index(40, 2))
    newest = meetings[-1]
    decision = newest.decisions[2]
    decision.text = "The café opens on Saturdays."
    library.update_part(newest.id, "decisions", decision)
    assert texts(view)[2] == "The café opens on Saturdays."
    assert resets == [] and changed == [(2, 2)]
    assert view.table.currentIndex().row() == 40


def test_a_meeting_that_joins_the_group_brings_its_decisions_and_leaving_takes_them(qtbot, view, years):
    library, group, meetings, elsewhere = years
    library.update_workshop(elsewhere.id, group_id=group.id)
    assert "Tea at ten." in texts(view)
    assert view.count.text() == f"{MEETINGS * EACH + 1} of {MEETINGS * EACH + 1} decisions"
    library.update_workshop(meetings[0].id, group_id=None)
    assert not any(text.startswith("Meeting 0:") or text == LONG for text in texts(view))
    assert view.count.text() == f"{MEETINGS * EACH + 1 - EACH} of {MEETINGS * EACH + 1 - EACH} decisions"
