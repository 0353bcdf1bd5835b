"""How long a big library takes to open and list.

Builds a library of 1,000 workshops with 20 decisions (and 10 agenda items)
each, then times ``open_library`` + ``list_workshops``, as the app does at
start-up. The baseline, measured in the same run on the same file, is plain
sqlite3 connecting and reading every workshop's id and title: the ratio says
how much the library's own work (checks, migrations, backups, counts) adds.

Run: .venv/bin/python benchmarks/library_open.py [--workshops N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import sqlite3
import tempfile
import time
from pathlib import Path

from timing import median_ms

from facilitator.core.library import open_library
from facilitator.core.model import AgendaItem, Decision, Workshop


def build(path: Path, workshops: int) -> None:
    library = open_library(path)
    for n in range(workshops):
        agenda = [AgendaItem(f"Item {i}", plain_words="We talk about it together.", minutes=10) for i in range(10)]
        decisions = [Decision(f"Decision {i} of meeting {n}", agenda_item_id=agenda[i % 10].id) for i in range(20)]
        library.add_workshop(
            Workshop(f"Meeting {n}", date=dt.date(2020, 1, 1) + dt.timedelta(days=n), agenda=agenda, decisions=decisions)
        )
    library.close()



def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--workshops", type=int, default=1000)
    parser.add_argument("--repeats", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "library.sqlite3"
        start = time.perf_counter()
        build(path, args.workshops)
        print(f"built {args.workshops} workshops x 20 decisions in {time.perf_counter() - start:.1f} s "
              f"({path.stat().st_size / 1e6:.1f} MB)")

        def app_open() -> None:
            library = open_library(path)
            assert len(library.list_workshops()) == args.workshops
            library.close()

        def baseline() -> None:
            conn = sqlite3.connect(path)
            assert len(conn.execute("SELECT id, title FROM workshops").fetchall()) == args.workshops
            conn.close()

        first = median_ms(app_open, 1)  # the first open of the day also makes the daily backup
        ours = median_ms(app_open, args.repeats)
        base = median_ms(baseline, args.repeats)
        print(f"open + list: {ours:.1f} ms (median of {args.repeats}); target: well under 1000 ms")
        print(f"first open of the day, with its backup: {first:.1f} ms")
        print(f"baseline (plain sqlite3 connect + select): {base:.1f} ms")
        print(f"ratio: {ours / base:.1f}x the baseline")


if __name__ == "__main__":
    main()
