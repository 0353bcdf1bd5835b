"""How fast pictures are suggested from an agenda item's words as the facilitator types.

Loads the whole catalogue (the 345-word vocabulary and OpenMoji's 4,495 names),
then times ``suggest`` on 10-word titles: some all in the vocabulary, some with
words only OpenMoji's names know, some with words nothing knows. The target is
under 50 ms for one title. The baseline, measured in the same run, is splitting
the same titles into words and looking each word up in a plain dict: the ratio
says what phrases, word forms and the OpenMoji fallback add.

Run: .venv/bin/python benchmarks/picture_suggestions.py
"""

from __future__ import annotations

import time

from timing import median_ms

from facilitator.pictures.catalogue import PictureCatalogue, words_of

TITLES = [
    "Talk about the bus to the new day centre together",  # vocabulary words and a phrase
    "Tea break with biscuits and a quiet room for everyone",
    "Choose the colours for the garden and the kitchen walls",
    "Zebra giraffe volcano saxophone kangaroo lighthouse tractor waffle igloo unicorn",  # OpenMoji names only
    "Qwerty blorp snazzle fwip trundle quibbly zorp plinth grommet vexillum",  # words nothing knows
]
TARGET_MS = 50.0



def main() -> None:
    start = time.perf_counter()
    catalogue = PictureCatalogue.load()
    names = catalogue.openmoji.names()
    print(f"loaded {len(catalogue.vocabulary)} words and {len(names)} OpenMoji names "
          f"in {(time.perf_counter() - start) * 1000:.1f} ms")
    start = time.perf_counter()
    catalogue.suggest(TITLES[3])
    print(f"first suggestion (builds the name index once): {(time.perf_counter() - start) * 1000:.1f} ms")

    plain = {w.word: w.picture for w in catalogue.vocabulary}
    worst = 0.0
    for title in TITLES:
        assert len(title.split()) == 10, title
        ours = median_ms(lambda t=title: catalogue.suggest(t), 200)
        base = median_ms(lambda t=title: [plain.get(w) for w in words_of(t)], 200)
        worst = max(worst, ours)
        found = ", ".join(p.words for p in catalogue.suggest(title)[:5])
        print(f"{ours:7.3f} ms (baseline {base:.4f} ms, x{ours / base:.0f})  {title[:48]!r} -> {found}")
    verdict = "within" if worst < TARGET_MS else "OVER"
    print(f"slowest 10-word title: {worst:.3f} ms, {verdict} the {TARGET_MS:.0f} ms target ({TARGET_MS / worst:.0f}x headroom)")


if __name__ == "__main__":
    main()
