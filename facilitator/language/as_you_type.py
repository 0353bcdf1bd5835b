"""Checking a long text as it is typed: a sentence at a time, remembering what each sentence had.

A key press changes one sentence. Checking the whole text again each time
costs more the longer the text is (about 40 ms for 5,000 words), so
``TypingChecker`` checks each sentence by itself and remembers what it found,
keyed by the sentence's words. A sentence that did not change costs a
dictionary look-up; only the sentence typed in, and the one or two after it,
are checked again.

A sentence with capitals or marks for italics in it is checked together with
the text just before it (at least ``LOOK_BACK`` characters, from the start of
a sentence), because those rules look back: initials are fine when the words
they stand for come just before them ("Care Quality Commission (CQC)"). A finding belongs to the sentence it
ends in, so nothing is found twice. Findings can run from one sentence into
the next only where no full stop parts them (lines: "two hundred\nand
fifty") or where a date has one ("Tues. 3 March"): there the sentences are
checked as one piece. Paragraphs of too many sentences are counted from the
sentences, every time, which is cheap.

What is found is what ``Checker.check`` finds for the whole text. The one
difference: italics marked with stars or tags around more than ``LOOK_BACK``
characters of several sentences may be missed.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from typing import NamedTuple

from facilitator.language.checker import MAX_PARAGRAPH_SENTENCES, Checker, Finding
from facilitator.language.dates import DAY_SHORT, DAYS, MONTH_SHORT
from facilitator.language.sentences import paragraphs, sentence_places

# The most a rule looks back from a word (initials explained look 200 characters back), with room to spare.
LOOK_BACK = 250
# Sentences remembered; when there are more, only those in the text checked last are kept.
MOST_REMEMBERED = 5_000
# What a rule that looks back looks for: two capitals ("CQC", "C.Q.C."; other letters than a to z may be
# capitals too), or a mark for italics.
_MAY_LOOK_BACK = re.compile(r"[^\W\d_a-z]\.?[^\W\d_a-z]|[*_<]")
LOOKS_BACK = ("looks back",)  # remembered for a piece that is checked with the text before it
# What ends a sentence that no finding runs over: a full stop, ! or ?, and any closing quotes or brackets.
_FIRM_END = re.compile(r"[.!?\u2026][\"'\u2019\u201d)\]]*$")
# A day or a short month before a full stop: a date may go on after it ("Tues. 3 March", "3 Mar. 2026").
_DATE_WORD_END = re.compile(
    r"\b(?:" + "|".join(sorted([*DAYS, *DAY_SHORT, *MONTH_SHORT], key=len, reverse=True)) + r")\.$", re.IGNORECASE
)


class Part(NamedTuple):
    """What was found in one part of a text: each finding's place counts from ``start``."""

    start: int
    findings: tuple[Finding, ...]


class TypingChecker:
    """Checks texts with ``checker`` a sentence at a time, remembering what each sentence had."""

    def __init__(self, checker: Checker, most: int = MOST_REMEMBERED):
        self.checker = checker
        self.most = most
        # What was found in each piece checked alone (or LOOKS_BACK), and with the text before it.
        self._found: dict[str | tuple[str, int], tuple[Finding, ...]] = {}
        self._split: list[tuple[str, list[tuple[int, int]]]] = []  # the paragraphs of the text checked last
        self.checked = 0  # sentences checked (not remembered): for tests and benchmarks

    def parts(self, text: str, first: int = 0, last: int | None = None) -> list[Part]:
        """What the checker finds in ``text``, part by part: long paragraphs first, then each sentence.

        With ``first`` and ``last``, only the sentences from place ``first`` to place ``last`` are
        checked (the part of a long text on screen); paragraphs of too many sentences are all found."""
        last = len(text) if last is None else last
        spans: list[tuple[int, int]] = []
        parts: list[Part] = []
        split = []
        known = dict(self._split)
        for number, paragraph in enumerate(paragraphs(text)):
            places = known.get(paragraph.text)
            if places is None:
                base = self._split[min(number, len(self._split) - 1)] if self._split else ("", [])
                places = split_again(*base, paragraph.text)
            split.append((paragraph.text, places))
            if len(places) > MAX_PARAGRAPH_SENTENCES:
                parts.append(Part(0, (self.checker.long_paragraph(paragraph, len(places)),)))
            spans += [(paragraph.start + start, paragraph.start + end) for start, end in places]
        self._split = split
        remembered, used = self._found, {}
        english = self.checker.english
        pieces = _pieces(text, spans)
        back = -1  # the last piece starting at least LOOK_BACK before the one looked at
        previous_end = 0
        for begin, end in pieces:
            if end < first or begin > last:
                previous_end = end
                continue
            alone = text[previous_end:end]  # the piece, and the spaces before it
            found = remembered.get(alone)
            if found is None:
                found = LOOKS_BACK if english and _MAY_LOOK_BACK.search(alone) else self._check(alone, 0)
                remembered[alone] = found
            used[alone] = found
            start = previous_end
            if found is LOOKS_BACK:
                while pieces[back + 1][0] <= begin - LOOK_BACK:
                    back += 1
                start = pieces[back][0] if back >= 0 else 0
                key = (text[start:end], previous_end - start)
                found = remembered.get(key)
                if found is None:
                    found = remembered[key] = self._check(*key)
                used[key] = found
            if found:
                parts.append(Part(start, found))
            previous_end = end
        if len(remembered) > self.most:
            self._found = used
        return parts

    def check(self, text: str, first: int = 0, last: int | None = None) -> list[Finding]:
        """What ``Checker.check`` finds in ``text``, in the same order, placed in ``text``
        (from place ``first`` to place ``last`` only, as ``parts`` says)."""
        found = [
            dataclasses.replace(finding, start=part.start + finding.start, end=part.start + finding.end)
            if part.start else finding
            for part in self.parts(text, first, last) for finding in part.findings
        ]
        return sorted(found, key=lambda finding: (finding.start, -finding.end, finding.kind))

    def _check(self, window: str, after: int) -> tuple[Finding, ...]:
        """What is found in ``window`` that ends after ``after``: the findings of its last sentence."""
        self.checked += 1
        return tuple(
            finding for finding in self.checker.check(window)
            if finding.end > after and finding.kind != "long-paragraph"
        )


def split_again(old: str, old_places: list[tuple[int, int]], new: str) -> list[tuple[int, int]]:
    """Where the sentences of ``new`` start and end, given those of ``old``, a text much like it.

    Only the sentences around the change are found again: from the start of the last sentence
    before the change, until a sentence starts where one started in ``old``, past the change."""
    same_start = _same_start(old, new)
    same_end = _same_end(old, new, min(len(old), len(new)) - same_start)
    moved = len(new) - len(old)
    starts = [start for start, _end in old_places]
    before = bisect.bisect_left(starts, same_start) - 1  # the last sentence starting before the change
    places = old_places[:max(before, 0)]
    unchanged_from = len(new) - same_end
    for place in sentence_places(new, old_places[before][0] if before >= 0 else 0):
        if place[0] >= unchanged_from:
            at = bisect.bisect_left(starts, place[0] - moved)
            if at < len(starts) and starts[at] == place[0] - moved:
                return places + [(start + moved, end + moved) for start, end in old_places[at:]]
        places.append(place)
    return places


def _same_start(one: str, other: str) -> int:
    """How many characters the two texts have the same at their start."""
    low, high = 0, min(len(one), len(other))
    while low < high:
        middle = (low + high + 1) // 2
        if one[low:middle] == other[low:middle]:
            low = middle
        else:
            high = middle - 1
    return low


def _same_end(one: str, other: str, most: int) -> int:
    """How many characters (at most ``most``) the two texts have the same at their end."""
    low, high = 0, most
    while low < high:
        middle = (low + high + 1) // 2
        if one[len(one) - middle:len(one) - low] == other[len(other) - middle:len(other) - low]:
            low = middle
        else:
            high = middle - 1
    return low


def _pieces(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Where each piece checked by itself begins and ends: a sentence, or sentences no finding can part."""
    pieces: list[list[int]] = []
    joins = False
    for start, end in spans:
        if joins:
            pieces[-1][1] = end
        else:
            pieces.append([start, end])
        joins = _FIRM_END.search(text, max(start, end - 12), end) is None or (
            _DATE_WORD_END.search(text, max(start, end - 12), end) is not None
        )
    return [(begin, end) for begin, end in pieces]
