"""Time from starting the app to the main window's first paint.

Runs ``python -m facilitator --smoke`` (offscreen unless told otherwise) on a
fresh library several times and reads the figure it prints. The baseline, in
the same run, is a bare Python process that opens an empty Qt window and waits
for its first paint: the ratio is what the app adds on top of Qt itself.

Run: .venv/bin/python benchmarks/startup.py [--repeats N]
"""

from __future__ import annotations

import argparse
import os
import re
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


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeats", type=int, default=5)
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


if __name__ == "__main__":
    main()
