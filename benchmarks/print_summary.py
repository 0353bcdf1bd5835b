"""How long the easy-read summary of a 30-decision workshop takes to build as a PDF, with pictures.

The target (issue 8): under 1 second, pictures cached. Measured: the whole
summary (cover, who, agenda, 30 decisions each with its own picture, actions,
hard words) written to memory, with a ``PrintPictures`` that has already read
its pictures (as the print dialog's does after its first build), and the first
build with nothing read yet. The baseline in the same run draws the same
number of plain text lines straight onto a reportlab canvas with the same
embedded font: the ratio says what the layout and pictures cost on top.

Run: .venv/bin/python benchmarks/print_summary.py [--rounds N]
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reportlab.pdfgen.canvas import Canvas  # noqa: E402

from facilitator.core.demo import demo_workshop  # noqa: E402
from facilitator.core.model import Agreement, Decision  # noqa: E402
from facilitator.core.summary import hard_words_from  # noqa: E402
from facilitator.language.glossary import Glossary  # noqa: E402
from facilitator.pictures.catalogue import PictureCatalogue  # noqa: E402
from facilitator.printing.documents import summary_pdf  # noqa: E402
from facilitator.printing.fonts import fonts_for  # noqa: E402
from facilitator.printing.layout import load_layout  # noqa: E402
from facilitator.printing.pictures import PrintPictures  # noqa: E402

TARGET_S = 1.0
PICTURES = ["bus", "tea", "garden", "music", "money", "door", "lift", "calendar", "quiet", "building"]


def workshop():
    _group, made = demo_workshop()
    made.decisions = [
        Decision(f"Decision {n}: we will ask the council about the {PICTURES[n % 10]} and tell everyone by letter.",
                 picture=PICTURES[n % 10], agreement=Agreement.COUNTED, agree=6, not_sure=2, disagree=1, agreed=True)
        for n in range(30)
    ]
    return made


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=10)
    args = parser.parse_args()
    layout = load_layout("standard")
    catalogue = PictureCatalogue.load()
    hard_words = hard_words_from(Glossary.built_in())
    made = workshop()
    fonts = fonts_for(layout.font)

    begin = time.perf_counter()
    pages = summary_pdf(made, io.BytesIO(), layout, PrintPictures(catalogue), hard_words=hard_words)
    first = time.perf_counter() - begin
    cached = PrintPictures(catalogue)
    summary_pdf(made, io.BytesIO(), layout, cached, hard_words=hard_words)

    baseline, building = [], []
    for _ in range(args.rounds):
        begin = time.perf_counter()
        canvas = Canvas(io.BytesIO())
        for page in range(pages):
            canvas.setFont(fonts.regular, 18)
            for line in range(30):
                canvas.drawString(50, 800 - line * 25, f"Line {line} of page {page}: plain words for the baseline.")
            canvas.showPage()
        canvas.save()
        baseline.append(time.perf_counter() - begin)
        begin = time.perf_counter()
        summary_pdf(made, io.BytesIO(), layout, cached, hard_words=hard_words)
        building.append(time.perf_counter() - begin)
    base, build = statistics.median(baseline), statistics.median(building)
    print(f"30 decisions with pictures: {pages} pages")
    print(f"baseline: {pages} pages of plain lines on a canvas, median {base * 1000:.0f} ms")
    verdict = "meets" if build < TARGET_S else "MISSES"
    print(f" summary, pictures cached: median {build * 1000:.0f} ms ({build / base:.1f}x baseline); {verdict} the 1 s target")
    print(f" first build, pictures read: {first * 1000:.0f} ms ({first / base:.1f}x baseline)")


if __name__ == "__main__":
    main()
