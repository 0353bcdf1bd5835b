"""How long searching everything a group has decided takes: 50 meetings, 1,000 decisions.

The target (issue 7): under 100 ms. Measured: opening the group's history
(one query for every decision, with its meeting and agenda item, and the words
made ready for matching) and then a search, as the decisions view does when it
opens; and a search alone, as it does on each key press. The baseline in the
same run reads just the 1,000 decisions' texts with one plain SQL query: the
ratio says what the history costs on top of reading the rows.

Run: .venv/bin/python benchmarks/decision_search.py [--rounds N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from facilitator.core.history import Filters, GroupHistory  # noqa: E402
from facilitator.core.library import open_library  # noqa: E402
from facilitator.core.model import AgendaItem, Agreement, Decision, Group, Workshop  # noqa: E402

MEETINGS, DECISIONS = 50, 20
TARGET_MS = 100
WORDS = "bus café garden room quiet lift door staff money rota visit music lunch paint plan trip wheelchair".split()


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def build(library, rng: random.Random) -> Group:
    group = library.add_group(Group("Riverside group"))
    for number in range(MEETINGS):
        items = [AgendaItem(f"Talking about the {rng.choice(WORDS)}") for _ in range(5)]
        decisions = [
            Decision(
                " ".join(rng.choice(WORDS) for _ in range(12)),
                agenda_item_id=rng.choice(items).id,
                agreement=rng.choice(list(Agreement)),
            )
            for _ in range(DECISIONS)
        ]
        date = dt.date(2022, 1, 1) + dt.timedelta(days=14 * number)
        library.add_workshop(Workshop(f"Meeting {number + 1}", date=date, group_id=group.id, agenda=items, decisions=decisions))
    return group


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=30)
    args = parser.parse_args()
    library = open_library(Path(tempfile.mkdtemp()) / "library.sqlite3")
    group = build(library, random.Random(7))
    searches = [Filters(words="café garden"), Filters(words="talking bus", agreed=True), Filters(since=dt.date(2023, 1, 1))]

    baseline, opening, searching = [], [], []
    for round_number in range(args.rounds):
        begin = time.perf_counter()
        rows = library._conn.execute(
            "SELECT d.text FROM decisions d JOIN workshops w ON w.id = d.workshop_id WHERE w.group_id = ?", (group.id,)
        ).fetchall()
        baseline.append((time.perf_counter() - begin) * 1000)
        assert len(rows) == MEETINGS * DECISIONS
        begin = time.perf_counter()
        history = GroupHistory(library, group.id)
        history.search(searches[round_number % len(searches)])
        opening.append((time.perf_counter() - begin) * 1000)
        begin = time.perf_counter()
        history.search(searches[(round_number + 1) % len(searches)])
        searching.append((time.perf_counter() - begin) * 1000)
    base = statistics.median(baseline)
    print(f"{MEETINGS} meetings, {MEETINGS * DECISIONS} decisions")
    print(f"baseline: read the decisions' texts with one query, median {base:.2f} ms")
    for name, times in (("open the history and search", opening), ("search again (a key press)", searching)):
        median, worst = statistics.median(times), percentile(times, 0.95)
        verdict = "meets" if worst < TARGET_MS else "MISSES"
        print(f"{name:>28}: median {median:.2f} ms, p95 {worst:.2f} ms ({median / base:.1f}x baseline); {verdict} the {TARGET_MS} ms target")
    library.close()


if __name__ == "__main__":
    main()
