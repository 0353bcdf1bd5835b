"""How fast the jargon finder and the easy-read checker are, on council-style text.

Builds a 10,000-word text from paragraphs written the way councils write about
adult social care, then times, in the same run:

- the finder (``JargonFinder.find``): target under 20 ms for the 10,000 words;
- the baseline: one compiled regular expression per glossary entry (all its
  names and forms, whole words, any case), tried one after another over the
  same text; the finder must be at least 20 times faster;
- the whole checker on a 2,000-word text (what as-you-type checking would cost
  if a whole long text were checked on every key): target under 16 ms;
- one paragraph, which is what the editor re-checks on a key press.

Run: .venv/bin/python benchmarks/jargon_finder.py
"""

from __future__ import annotations

import re
import time

from timing import median_ms

from facilitator.language.checker import Checker
from facilitator.language.finder import JargonFinder
from facilitator.language.glossary import Glossary, entry_keys

PARAGRAPHS = [
    "Following a needs assessment, the local authority will determine whether your eligible needs meet "
    "the national eligibility criteria under the Care Act 2014. Where they do, a personal budget is "
    "allocated and a care and support plan agreed with you.",
    "Service users in receipt of a direct payment can employ a personal assistant. The commissioning team "
    "works with providers to shape the market and ensure sufficient supply of domiciliary care.",
    "Safeguarding concerns should be raised with the multi-agency safeguarding hub. Where a person lacks "
    "mental capacity, a best interests decision is made under the Mental Capacity Act 2005.",
    "The integrated care board (ICB) and the ICS partners commission community health services, "
    "intermediate care and reablement to support timely hospital discharge.",
    "We want to empower and engage hard to reach groups through co-production, while managing "
    "expectations about what the CQC rating means for carers and their families.",
    "People came to the cafe on Tuesday. We talked about the bus, the garden and the new kitchen. "
    "Everyone had a cup of tea and we chose 3 things to do next.",
]
WORDS = 10_000
CHECK_WORDS = 2_000
FIND_TARGET_MS = 20.0
RATIO_TARGET = 20.0
CHECK_TARGET_MS = 16.0


def text_of(words: int) -> str:
    parts, count, index = [], 0, 0
    while count < words:
        paragraph = PARAGRAPHS[index % len(PARAGRAPHS)]
        parts.append(paragraph)
        count += len(paragraph.split())
        index += 1
    return "\n\n".join(parts)


def regex_per_entry(glossary: Glossary) -> list[re.Pattern]:
    patterns = []
    for entry in glossary.entries:
        names = sorted({name.replace(" ", r"[\s\-]+") for name in map(re.escape, entry_keys(entry))}, key=len)
        names += [re.escape(initials) for initials in entry.initials]
        patterns.append(re.compile(r"\b(?:" + "|".join(reversed(names)) + r")\b", re.IGNORECASE))
    return patterns


def main() -> None:
    glossary = Glossary.built_in()
    start = time.perf_counter()
    finder = JargonFinder(glossary.entries)
    built = (time.perf_counter() - start) * 1000
    print(f"glossary: {len(glossary.entries)} entries, {len(finder.phrases)} word forms; finder built in {built:.0f} ms")

    text = text_of(WORDS)
    print(f"text: {len(text.split())} words, {len(text)} characters")
    found = finder.find(text)
    finder_ms = median_ms(lambda: finder.find(text), 21)
    patterns = regex_per_entry(glossary)
    baseline_found = sum(len(pattern.findall(text)) for pattern in patterns)
    baseline_ms = median_ms(lambda: [pattern.findall(text) for pattern in patterns], 5)
    print(f"finder: {finder_ms:.1f} ms ({len(found)} terms found; target under {FIND_TARGET_MS:.0f} ms)")
    print(f"baseline, one regular expression per entry in turn: {baseline_ms:.1f} ms ({baseline_found} found)")
    print(f"ratio: the finder is {baseline_ms / finder_ms:.0f} times faster (target at least {RATIO_TARGET:.0f})")

    checker = Checker(glossary)
    long_text = text_of(CHECK_WORDS)
    check_ms = median_ms(lambda: checker.check(long_text), 21)
    paragraph = PARAGRAPHS[0]
    paragraph_ms = median_ms(lambda: checker.check(paragraph), 201)
    print(f"checker, whole {len(long_text.split())}-word text: {check_ms:.1f} ms (target under {CHECK_TARGET_MS:.0f} ms)")
    print(f"checker, one paragraph (what a key press re-checks): {paragraph_ms:.2f} ms")


if __name__ == "__main__":
    main()
