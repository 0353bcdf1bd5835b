"""How fast the main window's list of workshops follows the library, with 1,000 and 5,000 workshops.

The targets (issue 27): under 30 ms with 1,000 workshops and under 100 ms with
5,000, for each of: showing the list (at start-up), a workshop added (File ▸ New
workshop, an import, the next meeting), one removed, and one retitled. Each is
timed in the real main window on an offscreen 1366x768 screen, from the change
in the library to the list painted again. Rows are laid out a batch of 100 at a
time, so the list is shown and answers while the rest are measured; the time
until every row is laid out is printed too.

The baseline in the same run fills a plain list with the same number of
one-line texts in one go: the ratio says what the workshop list costs on top of
Qt showing that many rows.

Run: .venv/bin/python benchmarks/workshop_list.py [--rounds N] [--sizes 1000,5000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication, QListWidget  # noqa: E402

from facilitator.core.library import open_library  # noqa: E402
from facilitator.core.model import Workshop  # noqa: E402
from facilitator.ui.main_window import MainWindow  # noqa: E402
from facilitator.ui.settings import Preferences  # noqa: E402

TARGETS = {1000: 30.0, 5000: 100.0}


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def settle(app: QApplication) -> None:
    app.processEvents()
    app.processEvents()


def timed(app: QApplication, act) -> float:
    begin = time.perf_counter()
    act()
    settle(app)
    return (time.perf_counter() - begin) * 1000


def fill(library, count: int) -> None:
    """``count`` workshops, a date three days apart each."""
    for number in range(count):
        library.add_workshop(Workshop(f"Meeting {number + 1} of the Riverside group",
                                      date=dt.date(2015, 1, 5) + dt.timedelta(days=3 * number),
                                      place="Riverside community centre"))


def measure(app: QApplication, count: int, rounds: int, folder: Path) -> None:
    library = open_library(folder / f"library-{count}.sqlite3")
    fill(library, count)
    library.close()

    texts = [f"Meeting {n + 1} of the Riverside group" for n in range(count)]
    plain = QListWidget()
    plain.resize(300, 700)
    plain.show()
    baseline = [timed(app, lambda: (plain.clear(), plain.addItems(texts))) for _ in range(rounds)]
    plain.close()

    library = open_library(folder / f"library-{count}.sqlite3")
    library.wait_at_most(0.1)
    window = MainWindow(library, Preferences(QSettings(str(folder / f"settings-{count}.ini"), QSettings.Format.IniFormat)))
    window.resize(1366, 768)
    window.show()
    settle(app)
    showing = [timed(app, window.refresh_list) for _ in range(rounds)]

    def laid_out() -> None:
        """Until the last batch of rows is laid out: the scroll bar stops growing."""
        window.refresh_list()
        bar, steady, last = window.workshop_list.verticalScrollBar(), 0, -1
        while steady < 3:
            app.processEvents()
            steady, last = (steady + 1, last) if bar.maximum() == last else (0, bar.maximum())

    whole = [timed(app, laid_out) for _ in range(max(3, rounds // 3))]
    added = []
    for n in range(rounds):
        added.append(timed(app, lambda n=n: library.add_workshop(Workshop(f"Extra meeting {n}", date=dt.date(2016, 6, n + 1)))))
    made = [s.id for s in library.list_workshops() if s.title.startswith("Extra meeting")]
    retitled = [timed(app, lambda n=n: library.update_workshop(made[n], title=f"Extra meeting {n}, renamed")) for n in range(rounds)]
    removed = [timed(app, lambda workshop_id=workshop_id: library.remove_workshop(workshop_id)) for workshop_id in made]
    window.close()
    library.close()

    base = statistics.median(baseline)
    target = TARGETS.get(count, 100.0)
    print(f"{count} workshops")
    print(f"  baseline: a plain list filled with {count} one-line texts, median {base:.2f} ms")
    for name, times in (("show the list", showing), ("every row laid out", whole), ("a workshop added", added),
                        ("a workshop retitled", retitled), ("a workshop removed", removed)):
        median, worst = statistics.median(times), percentile(times, 0.95)
        verdict = "meets" if worst < target else "MISSES"
        verdict = f"; {verdict} the {target:.0f} ms target" if times is not whole else " (no target: the window answers between batches)"
        print(f"  {name:>20}: median {median:.2f} ms, p95 {worst:.2f} ms ({median / base:.1f}x baseline){verdict}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--sizes", default="1000,5000")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv)
    folder = Path(tempfile.mkdtemp())
    for size in (int(s) for s in args.sizes.split(",")):
        measure(app, size, args.rounds, folder)


if __name__ == "__main__":
    main()
