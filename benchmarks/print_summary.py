"""How long the easy-read PDFs of a big group take to build: summaries of 30, 200 and 1,000 decisions, and an
agenda of 1,000 items, each with pictures.

The targets: a 30-decision summary under 1 second (issue 8) and a 200-decision
summary under 1 second (issue 27); the 1,000-decision summary (about 170
pages) and the 1,000-item agenda have none of their own and are measured to
see how the time grows. Measured: the whole document (cover, who, agenda,
decisions each with its picture, actions, hard words) written to memory, with
a ``PrintPictures`` that has already read its pictures (as the print dialog's
has after its first build); the 30-decision summary's first build, with
nothing read yet, too. Median and 95th percentile over the rounds.

The baseline in the same run, for each document, draws as many pages of plain
text lines straight onto a reportlab canvas with the same embedded font: the
ratio says what the layout and pictures cost on top. For the record the same
run builds the 200- and 1,000-decision summaries again in a separate process
without reportlab's C accelerator (rl-accel), as it was before issue 27.

Run: .venv/bin/python benchmarks/print_summary.py [--rounds N]
"""

from __future__ import annotations

import argparse
import io
import json
import math
import statistics
import subprocess
import sys
import time
from pathlib import Path

if "--without-accelerator" in sys.argv:
    sys.modules["_rl_accel"] = None  # reportlab then uses its Python fallbacks

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reportlab.pdfgen.canvas import Canvas  # noqa: E402

from facilitator.core.demo import demo_workshop  # noqa: E402
from facilitator.core.model import AgendaItem, Agreement, Decision, Workshop  # noqa: E402
from facilitator.core.summary import hard_words_from  # noqa: E402
from facilitator.language.glossary import Glossary  # noqa: E402
from facilitator.pictures.catalogue import PictureCatalogue  # noqa: E402
from facilitator.printing.documents import agenda_pdf, summary_pdf  # noqa: E402
from facilitator.printing.fonts import fonts_for  # noqa: E402
from facilitator.printing.layout import load_layout  # noqa: E402
from facilitator.printing.pictures import PrintPictures  # noqa: E402

TARGET_S = 1.0
PICTURES = ["bus", "tea", "garden", "music", "money", "door", "lift", "calendar", "quiet", "building"]
SUMMARIES = {30: TARGET_S, 200: TARGET_S, 1000: None}  # decisions: the target, if it has one
AGENDA_ITEMS = 1000


def workshop(decisions: int = 30) -> Workshop:
    """The demo workshop with ``decisions`` counted decisions, each with one of 10 pictures."""
    _group, made = demo_workshop()
    made.decisions = [
        Decision(f"Decision {n}: we will ask the council about the {PICTURES[n % 10]} and tell everyone by letter.",
                 picture=PICTURES[n % 10], agreement=Agreement.COUNTED, agree=6, not_sure=2, disagree=1, agreed=True)
        for n in range(decisions)
    ]
    return made


def long_agenda(items: int) -> Workshop:
    """The demo workshop with an agenda of ``items`` items of 5 minutes, each with one of 10 pictures."""
    _group, made = demo_workshop()
    made.agenda = [
        AgendaItem(f"Item {n}: we talk about the {PICTURES[n % 10]}", plain_words="We say what we think. We listen.",
                   picture=PICTURES[n % 10], minutes=5)
        for n in range(items)
    ]
    return made


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, math.ceil(0.95 * len(ordered)) - 1)]


def timed(run, rounds: int) -> list[float]:
    times = []
    for _ in range(rounds):
        begin = time.perf_counter()
        run()
        times.append(time.perf_counter() - begin)
    return times


def plain_pages(pages: int, font: str) -> None:
    canvas = Canvas(io.BytesIO())
    for page in range(pages):
        canvas.setFont(font, 18)
        for line in range(30):
            canvas.drawString(50, 800 - line * 25, f"Line {line} of page {page}: plain words for the baseline.")
        canvas.showPage()
    canvas.save()


def documents(catalogue, hard_words):
    """(name, target, build) for each document measured; ``build`` writes it and says its pages."""
    layout = load_layout("standard")
    pictures = PrintPictures(catalogue)
    made = []
    for decisions, target in SUMMARIES.items():
        shop = workshop(decisions)
        made.append((f"summary, {decisions} decisions", target,
                     lambda shop=shop: summary_pdf(shop, io.BytesIO(), layout, pictures, hard_words=hard_words)))
    agenda = long_agenda(AGENDA_ITEMS)
    made.append((f"agenda, {AGENDA_ITEMS} items", None, lambda: agenda_pdf(agenda, io.BytesIO(), layout, pictures)))
    return made


def without_accelerator(rounds: int) -> None:
    """In the child process: the medians of the 200- and 1,000-decision summaries, as JSON."""
    catalogue, hard_words = PictureCatalogue.load(), hard_words_from(Glossary.built_in())
    medians = {}
    for name, _target, build in documents(catalogue, hard_words):
        if name.startswith("summary") and not name.endswith(" 30 decisions"):
            build()
            medians[name] = statistics.median(timed(build, rounds))
    print(json.dumps(medians))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--without-accelerator", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.without_accelerator:
        without_accelerator(args.rounds)
        return
    from reportlab.lib import rl_accel

    accelerated = getattr(rl_accel.fp_str, "__module__", "") == "_rl_accel"
    print(f"reportlab's C accelerator (rl-accel): {'used' if accelerated else 'NOT installed: Python fallbacks'}")
    catalogue, hard_words = PictureCatalogue.load(), hard_words_from(Glossary.built_in())
    font = fonts_for(load_layout("standard").font).regular

    first_shop = workshop(30)
    begin = time.perf_counter()
    summary_pdf(first_shop, io.BytesIO(), load_layout("standard"), PrintPictures(catalogue), hard_words=hard_words)
    first = time.perf_counter() - begin

    medians = {}
    for name, target, build in documents(catalogue, hard_words):
        pages = build()  # the pictures read, the fonts ready
        rounds = max(3, args.rounds // 2) if pages > 100 else args.rounds
        base = statistics.median(timed(lambda pages=pages: plain_pages(pages, font), rounds))
        times = timed(build, rounds)
        median, worst = statistics.median(times), p95(times)
        medians[name] = median
        verdict = "no target of its own" if target is None else (
            ("meets" if worst < target else "MISSES") + f" the {target:g} s target")
        print(f"{name:>26} ({pages:3} pages): median {median * 1000:4.0f} ms, p95 {worst * 1000:4.0f} ms "
              f"({median / base:.1f}x baseline of {base * 1000:.0f} ms); {verdict}")
        if name.endswith(" 30 decisions"):
            print(f"{'first build, pictures read':>38}: {first * 1000:4.0f} ms ({first / base:.1f}x baseline)")

    child = subprocess.run([sys.executable, __file__, "--without-accelerator", "--rounds", str(max(3, args.rounds // 2))],
                           capture_output=True, text=True, check=True)
    for name, median in json.loads(child.stdout.strip().splitlines()[-1]).items():
        print(f"{name:>26} without rl-accel: median {median * 1000:4.0f} ms "
              f"(rl-accel makes it {median / medians[name]:.2f}x faster)")


if __name__ == "__main__":
    main()
