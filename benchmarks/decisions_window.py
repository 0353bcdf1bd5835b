"""How fast the "What the group decided" window is as a person uses it, with 1,000 and 3,000 decisions.

The targets (issue 27): a key press in its search box, and a planner edit while
it is open, under 50 ms with 1,000 decisions and under 100 ms with 3,000.

A group meets monthly for three years (36 meetings) with about 28 decisions a
meeting (1,000), or for nine years (108 meetings, 3,000). The real window is
shown on an offscreen 1366x768 screen. Measured:

- opening the window (reading the group's decisions, the first table shown);
- a key press in the search box: the key typed, then the search the window
  runs after its short pause, and the table painted (the pause itself, when
  the person is still typing, is not work and is not counted);
- a planner edit (an agenda item's title changed, as the planner saves it),
  with the window open: the edit, everything the window does about it, and
  the table painted; and the same edit with the window closed.

The baseline in the same run is the same key press in a plain search box with
nothing listening to it: the ratio says what searching the decisions costs on
top of Qt taking a key.

Run: .venv/bin/python benchmarks/decisions_window.py [--rounds N] [--sizes 1000,3000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QLineEdit  # noqa: E402

from facilitator.core.library import open_library  # noqa: E402
from facilitator.core.model import AgendaItem, Agreement, Decision, Group, Workshop  # noqa: E402
from facilitator.ui.decisions_view import DecisionsView  # noqa: E402

WORDS = ("bus café garden room quiet lift door staff money rota visit music lunch paint plan trip wheelchair "
         "minibus ramp kitchen leaflet newsletter singing bowls walk park library").split()
TARGETS = {1000: 50.0, 3000: 100.0}
PER_MEETING = 28


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def build(library, decisions: int, rng: random.Random) -> tuple[Group, list[Workshop]]:
    group = library.add_group(Group("Riverside group"))
    meetings = []
    for number in range(max(1, decisions // PER_MEETING)):
        items = [AgendaItem(f"Talking about the {rng.choice(WORDS)}") for _ in range(6)]
        made = [
            Decision(
                " ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 30))).capitalize() + ".",
                agenda_item_id=rng.choice(items).id,
                agreement=rng.choice(list(Agreement)),
                agreed=rng.random() < 0.8,
            )
            for _ in range(PER_MEETING)
        ]
        date = dt.date(2020, 1, 6) + dt.timedelta(days=30 * number)
        meetings.append(library.add_workshop(
            Workshop(f"Meeting {number + 1}", date=date, group_id=group.id, agenda=items, decisions=made)))
    return group, meetings


def settle(app: QApplication) -> None:
    app.processEvents()
    app.processEvents()


def timed(app: QApplication, act) -> float:
    begin = time.perf_counter()
    act()
    settle(app)
    return (time.perf_counter() - begin) * 1000


def measure(app: QApplication, decisions: int, rounds: int) -> None:
    library = open_library(Path(tempfile.mkdtemp()) / "library.sqlite3")
    library.wait_at_most(0.1)
    group, meetings = build(library, decisions, random.Random(decisions))
    count = sum(len(m.decisions) for m in meetings)

    baseline_box = QLineEdit()
    baseline_box.resize(400, 40)
    baseline_box.show()
    baseline = []
    for round_number in range(rounds):
        baseline.append(timed(app, lambda: QTest.keyClick(baseline_box, Qt.Key.Key_A)))
        if round_number % 5 == 4:
            baseline_box.clear()

    opened: list[DecisionsView] = []

    def open_window() -> None:
        opened.append(DecisionsView(library, group.id))
        opened[-1].resize(1366, 700)
        opened[-1].show()

    opening = []
    for _ in range(3):
        opening.append(timed(app, open_window))
        opened.pop().close()
    open_window()
    view = opened[-1]
    settle(app)

    typing, words = [], ["garden", "bus", "minibus", "quiet lift", "c"]
    for round_number in range(rounds):
        word = words[round_number % len(words)]
        view.search.clear()
        view.search.setFocus()
        QTest.keyClicks(view.search, word[:-1])
        view.search_now()
        settle(app)
        typing.append(timed(app, lambda last=word[-1]: (QTest.keyClick(view.search, last), view.search_now())))
    view.search.clear()
    view.search_now()
    settle(app)

    def edit(round_number: int) -> None:
        meeting = meetings[round_number % len(meetings)]
        item = meeting.agenda[0]
        item.title = f"Talking about the {WORDS[round_number % len(WORDS)]} again {round_number}"
        library.update_part(meeting.id, "agenda", item)
        view.catch_up()

    editing_open = [timed(app, lambda n=n: edit(n)) for n in range(rounds)]
    view.close()
    settle(app)

    def edit_closed(round_number: int) -> None:
        meeting = meetings[round_number % len(meetings)]
        item = meeting.agenda[0]
        item.title = f"Talking about the {WORDS[round_number % len(WORDS)]} once more {round_number}"
        library.update_part(meeting.id, "agenda", item)

    editing_closed = [timed(app, lambda n=n: edit_closed(n)) for n in range(rounds)]
    library.close()

    base = statistics.median(baseline)
    target = TARGETS.get(decisions, 100.0)
    print(f"{len(meetings)} meetings, {count} decisions")
    print(f"  baseline: a key press in a plain search box, median {base:.2f} ms")
    for name, times, aim in (
        ("open the window", opening, None),
        ("a key press in the search", typing, target),
        ("a planner edit, window open", editing_open, target),
        ("a planner edit, window closed", editing_closed, None),
    ):
        median, worst = statistics.median(times), percentile(times, 0.95)
        verdict = "" if aim is None else ("; meets" if worst < aim else "; MISSES") + f" the {aim:.0f} ms target"
        print(f"  {name:>30}: median {median:.2f} ms, p95 {worst:.2f} ms ({median / base:.1f}x baseline){verdict}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--sizes", default="1000,3000")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv)
    for size in (int(s) for s in args.sizes.split(",")):
        measure(app, size, args.rounds)


if __name__ == "__main__":
    main()
