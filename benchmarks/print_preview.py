"""How long the print preview of a long summary takes to show its first page, and how much memory it takes.

The target (issue 27): a 40-page preview shows its first page in under 1 second
and takes under 50 MB more memory; the 200-page preview (a summary of about
1,200 decisions) is held to the same. Measured: File > Print's dialog made on
the workshop and shown, from the moment it is made until its first page has
been drawn on the screen (the PDF built in the worker with its pictures read,
the page drawn by pdfium); then the memory the process holds (VmRSS, which
counts pdfium's and Qt's memory too) over what it held before, once the first
page is shown and again after scrolling through every page. Each round runs in
a fresh process, after a first preview of the demo workshop has loaded the
libraries and fonts; median and 95th percentile over the rounds.

The baselines in the same run: the summary's PDF built alone, with its pictures
read (the ratio says what the preview adds to it), and the preview as it was
before issue 27, every page drawn and kept before the first is shown.

Run: .venv/bin/python benchmarks/print_preview.py [--rounds N]
"""

from __future__ import annotations

import argparse
import io
import json
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TARGET_S = 1.0
TARGET_MB = 50.0
DECISIONS = {40: 230, 200: 1170}  # pages wanted: decisions that make about that many pages
PICTURES = ["bus", "tea", "garden", "music", "money", "door", "lift", "calendar", "quiet", "building"]


def resident_mb() -> float:
    """The memory the process holds now (VmRSS), in MB."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS in /proc/self/status")


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, math.ceil(0.95 * len(ordered)) - 1)]


def one_round(way: str, decisions: int) -> dict:
    """In a fresh process: one preview opened ``way`` ("now" or "before"), its figures."""
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    from facilitator.core.demo import demo_workshop
    from facilitator.core.library import open_library
    from facilitator.core.model import Agreement, Decision
    from facilitator.pictures.catalogue import PictureCatalogue
    from facilitator.printing.documents import summary_pdf
    from facilitator.printing.layout import load_layout
    from facilitator.printing.pictures import PrintPictures
    from facilitator.ui.print_dialog import PrintDialog

    folder = tempfile.TemporaryDirectory()
    library = open_library(Path(folder.name) / "library.sqlite3")
    catalogue = PictureCatalogue.load()
    _group, small = demo_workshop()
    first = PrintDialog(library, catalogue, small, None)  # libraries, fonts and Qt's printing loaded
    first.show()
    first.wait_for_pages(60)
    app.processEvents()
    first.close()
    first.deleteLater()
    app.processEvents()

    _group, workshop = demo_workshop()
    workshop.decisions = [
        Decision(f"Decision {n}: we will ask the council about the {PICTURES[n % 10]} and tell everyone by letter.",
                 picture=PICTURES[n % 10], agreement=Agreement.COUNTED, agree=6, not_sure=2, disagree=1, agreed=True)
        for n in range(decisions)
    ]
    begin = time.perf_counter()
    summary_pdf(workshop, io.BytesIO(), load_layout("standard"), PrintPictures(catalogue))
    alone = time.perf_counter() - begin

    before = resident_mb()
    begin = time.perf_counter()
    if way == "now":
        dialog = PrintDialog(library, catalogue, workshop, None)
        dialog.show()
        while dialog.drawn_pages is None or 0 not in dialog.drawn_pages.kept_pages():
            app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)  # no spinning: the worker runs
        shown = time.perf_counter() - begin
        pages = dialog.pages_layout.count()
        first_mb = resident_mb() - before
        for index in range(pages):
            dialog.scroll.ensureWidgetVisible(dialog.pages_layout.itemAt(index).widget(), 0, 0)
            app.processEvents()
        drawn = dialog.drawn_pages.drawn
    else:
        shown, pages, drawn, dialog = every_page_first(app, library, catalogue, workshop)
        first_mb = resident_mb() - before
    return {"shown": shown, "alone": alone, "pages": pages, "first_mb": first_mb,
            "all_mb": resident_mb() - before, "drawn": drawn}


def every_page_first(app, library, catalogue, workshop):
    """The preview as it was before issue 27: every page drawn in the worker, then shown as pictures."""
    from PySide6.QtGui import QImage, QPixmap
    from PySide6.QtWidgets import QLabel

    import facilitator.ui.print_dialog as print_dialog

    def all_pages(*args):
        built = real_build(*args)
        import pypdfium2

        document = pypdfium2.PdfDocument(built.data)
        drawn = []
        for page in document:
            bitmap = page.render(scale=print_dialog.PREVIEW_SCALE, rev_byteorder=True)
            drawn.append((bitmap.width, bitmap.height, bitmap.stride, bytes(bitmap.buffer)))
        document.close()
        return print_dialog.Built(built.data, tuple(drawn), left_out=built.left_out)

    real_build = print_dialog.build
    print_dialog.build = all_pages
    begin = time.perf_counter()
    dialog = print_dialog.PrintDialog(library, catalogue, workshop, None)
    dialog.show()
    dialog.wait_for_pages(120)
    dialog._forget_pages()
    labels = []
    for number, (width, height, stride, data) in enumerate(dialog.built.pages, start=1):
        label = QLabel()
        label.setPixmap(QPixmap.fromImage(QImage(data, width, height, stride, QImage.Format.Format_RGB888).copy()))
        label.setFrameShape(QLabel.Shape.Box)
        label.setAccessibleName(f"Page {number}")
        dialog.pages_layout.addWidget(label)
        labels.append(label)
    labels[0].repaint()
    app.processEvents()
    return time.perf_counter() - begin, len(labels), len(labels), dialog


def rounds_of(way: str, decisions: int, rounds: int) -> list[dict]:
    found = []
    for _ in range(rounds):
        child = subprocess.run([sys.executable, __file__, "--one", way, str(decisions)],
                               capture_output=True, text=True, check=True)
        found.append(json.loads(child.stdout.strip().splitlines()[-1]))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--one", nargs=2, metavar=("WAY", "DECISIONS"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one_round(args.one[0], int(args.one[1]))))
        return
    for wanted, decisions in DECISIONS.items():
        now = rounds_of("now", decisions, args.rounds)
        before = rounds_of("before", decisions, args.rounds)
        pages = now[0]["pages"]
        alone = statistics.median(r["alone"] for r in now)
        shown = [r["shown"] for r in now]
        first_mb = [r["first_mb"] for r in now]
        all_mb = [r["all_mb"] for r in now]
        median, worst = statistics.median(shown), p95(shown)
        print(f"{wanted}-page preview ({decisions} decisions, {pages} pages), {args.rounds} rounds:")
        print(f"  baseline, the PDF built alone: median {alone * 1000:.0f} ms")
        print(f"  first page shown: median {median * 1000:.0f} ms, p95 {worst * 1000:.0f} ms "
              f"({median / alone:.2f}x baseline); {'meets' if worst < TARGET_S else 'MISSES'} the {TARGET_S:g} s target")
        mb, worst_mb = statistics.median(first_mb), max(first_mb)
        print(f"  memory added, first page shown: median {mb:.0f} MB, most {worst_mb:.0f} MB; "
              f"{'meets' if worst_mb < TARGET_MB else 'MISSES'} the {TARGET_MB:g} MB target")
        mb, worst_mb = statistics.median(all_mb), max(all_mb)
        print(f"  memory added, every page scrolled through: median {mb:.0f} MB, most {worst_mb:.0f} MB "
              f"({now[0]['drawn']} pages drawn, 8 kept); {'meets' if worst_mb < TARGET_MB else 'MISSES'} "
              f"the {TARGET_MB:g} MB target")
        old_shown = statistics.median(r["shown"] for r in before)
        old_mb = statistics.median(r["all_mb"] for r in before)
        print(f"  before issue 27 (every page drawn first): first page shown {old_shown * 1000:.0f} ms "
              f"({old_shown / alone:.2f}x baseline), memory added {old_mb:.0f} MB")


if __name__ == "__main__":
    main()
