"""Time from starting the app to the main window's first paint.

Runs ``python -m facilitator --smoke`` (offscreen unless told otherwise) on a
fresh library several times and reads the figure it prints. The baseline, in
the same run, is a bare Python process that opens an empty Qt window and waits
for its first paint: the ratio is what the app adds on top of Qt itself.

Run: .venv/bin/python benchmarks/startup.py [--repeats N] [--megabytes M]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

BARE_QT = """
import time
started = time.perf_counter()
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication([])
window = QWidget()
class Watch(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            print(f"First paint after {(time.perf_counter() - started) * 1000:.0f} ms")
            QTimer.singleShot(0, app.quit)
            window.removeEventFilter(self)
        return False
watch = Watch()
window.installEventFilter(watch)
window.resize(1100, 720)
window.show()
app.exec()
"""


def first_paint_ms(command: list[str], env: dict[str, str]) -> float:
    out = subprocess.run(command, capture_output=True, text=True, env=env, timeout=120, check=True).stdout
    return float(re.search(r"First paint after (\d+) ms", out).group(1))


def big_library(path: Path, megabytes: int) -> None:
    """A library of about ``megabytes`` MB: years of workshops with long notes."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from facilitator.core.library import open_library
    from facilitator.core.model import AgendaItem, Workshop

    library = open_library(path)
    notes = "We talked about the bus, the garden and the new café. " * 180  # about 10 KB
    for number in range(megabytes * 5):
        items = [AgendaItem(f"Item {n}", notes=notes) for n in range(20)]
        library.add_workshop(Workshop(f"Meeting {number + 1}", agenda=items))
    library.close()


def first_of_the_day(library: Path) -> None:
    """As before the day's first start: no backup made today, and the file not looked after since."""
    shutil.rmtree(library.with_name(library.stem + "-backups"), ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--megabytes", type=int, default=64, help="the size of the big library (0: leave it out)")
    args = parser.parse_args()
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as folder:
        env["XDG_CONFIG_HOME"] = folder
        library = str(Path(folder) / "library.sqlite3")
        app = [sys.executable, "-m", "facilitator", "--library", library, "--smoke"]
        first_paint_ms(app, env)  # creates the library and warms the disk cache
        ours = statistics.median(first_paint_ms(app, env) for _ in range(args.repeats))
        base = statistics.median(first_paint_ms([sys.executable, "-c", BARE_QT], env) for _ in range(args.repeats))
        print(f"facilitator --smoke, first paint: {ours:.0f} ms (median of {args.repeats})")
        print(f"baseline (bare Qt window, first paint): {base:.0f} ms")
        print(f"ratio: {ours / base:.2f}x the baseline")
        if not args.megabytes:
            return
        big = Path(folder) / "big.sqlite3"
        big_library(big, args.megabytes)
        size = big.stat().st_size / 2**20
        command = [sys.executable, "-m", "facilitator", "--library", str(big), "--smoke"]
        first_paint_ms(command, env)
        later, first = [], []
        for _ in range(args.repeats):
            later.append(first_paint_ms(command, env))
            first_of_the_day(big)
            first.append(first_paint_ms(command, env))
        later_ms, first_ms = statistics.median(later), statistics.median(first)
        print(f"a {size:.0f} MB library, a later start: {later_ms:.0f} ms ({later_ms / base:.2f}x the baseline)")
        print(f"a {size:.0f} MB library, the first start of the day: {first_ms:.0f} ms ({first_ms / base:.2f}x the "
              f"baseline, {first_ms / later_ms:.2f}x a later start; target: no slower than a later start)")


if __name__ == "__main__":
    main()
