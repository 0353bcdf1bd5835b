"""Paragraphs and sentences of a text, with their places, for the easy-read length rules."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

# A sentence ends at . ! ? (and any closing quotes or brackets) before a space, or at a line break.
_END = re.compile(r"[.!?\u2026]+[\"'\u2019\u201d)\]]*(?=\s|$)|\n")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
# What counts as a word when sentences are measured: "co-production", "3", "don't", "9:30".
COUNTED_WORD = re.compile(r"[\w'\u2019]+(?:[\-./:][\w'\u2019]+)*")
# Full stops that do not end a sentence.
ABBREVIATIONS = frozenset("mr mrs ms dr st prof eg ie etc vs approx dept tel".split())
# Full stops that do not end a sentence when a number follows: "No. 5".
BEFORE_NUMBERS = frozenset({"no"})
_LAST_WORD = re.compile(r"([\w.]+)\.$")
# How far back the word before a full stop is looked for: further back than any abbreviation is long,
# and never back to the sentence's start (looking from there made splitting slow for long texts).
LAST_WORD_LOOK_BACK = 40
_LETTER_OR_DIGIT = re.compile(r"[^\W_]")  # what str.isalnum is true for
_NEXT = re.compile(r"[.!?\u2026\"'\u2019\u201d)\]]*\s+(\w)")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str


def paragraphs(text: str) -> list[Span]:
    """Blocks of text between blank lines."""
    found = []
    start = 0
    for gap in [*_PARAGRAPH_BREAK.finditer(text), None]:
        end = gap.start() if gap else len(text)
        _add_trimmed(found, text, start, end)
        start = gap.end() if gap else end
    return found


def sentences(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """The sentences of ``text[start:end]``; a line break also ends one (lists, agenda lines)."""
    return [Span(first, last, text[first:last]) for first, last in sentence_places(text, start, end)]


def sentence_places(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """Where each sentence of ``text[start:end]`` starts and ends, one at a time.

    Started at the start of one of the sentences, it finds the same sentences from there on."""
    end = len(text) if end is None else end
    begin = start
    for mark in _END.finditer(text, start, end):
        if mark.group() != "\n" and _is_abbreviation(text, begin, mark.start() + 1):
            continue
        place = _trimmed(text, begin, mark.end())
        if place is not None:
            yield place
        begin = mark.end()
    place = _trimmed(text, begin, end)
    if place is not None:
        yield place


def word_count(text: str) -> int:
    return len(COUNTED_WORD.findall(text))


def _is_abbreviation(text: str, begin: int, dot_end: int) -> bool:
    if text[dot_end - 1] != ".":
        return False
    following = _NEXT.match(text, dot_end)
    if following and following.group(1).islower():  # "the C.Q.C. inspects": the sentence goes on
        return True
    last = _LAST_WORD.search(text, max(begin, dot_end - LAST_WORD_LOOK_BACK), dot_end)
    if last is None:
        return False
    word = last.group(1)
    plain = word.replace(".", "").lower()
    if plain in BEFORE_NUMBERS:
        return following is not None and following.group(1).isdigit()
    return plain in ABBREVIATIONS or (len(word) == 1 and word.isupper() and word != "I")  # "J. Smith"


def _add_trimmed(found: list[Span], text: str, start: int, end: int) -> None:
    place = _trimmed(text, start, end)
    if place is not None:
        found.append(Span(place[0], place[1], text[place[0]:place[1]]))


def _trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Where ``text[start:end]`` starts and ends without the spaces around it; None when it has no letters or digits."""
    piece = text[start:end]
    stripped = piece.strip()
    if _LETTER_OR_DIGIT.search(stripped) is None:
        return None
    first = start + (len(piece) - len(piece.lstrip()))
    return first, first + len(stripped)
