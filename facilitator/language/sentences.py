"""Paragraphs and sentences of a text, with their places, for the easy-read length rules."""

from __future__ import annotations

import re
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
    end = len(text) if end is None else end
    found: list[Span] = []
    begin = start
    for mark in _END.finditer(text, start, end):
        if mark.group() != "\n" and _is_abbreviation(text, begin, mark.start() + 1):
            continue
        _add_trimmed(found, text, begin, mark.end())
        begin = mark.end()
    _add_trimmed(found, text, begin, end)
    return found


def word_count(text: str) -> int:
    return len(COUNTED_WORD.findall(text))


def _is_abbreviation(text: str, begin: int, dot_end: int) -> bool:
    if text[dot_end - 1] != ".":
        return False
    following = _NEXT.match(text, dot_end)
    if following and following.group(1).islower():  # "the C.Q.C. inspects": the sentence goes on
        return True
    last = _LAST_WORD.search(text, begin, dot_end)
    if last is None:
        return False
    word = last.group(1)
    plain = word.replace(".", "").lower()
    if plain in BEFORE_NUMBERS:
        return following is not None and following.group(1).isdigit()
    return plain in ABBREVIATIONS or (len(word) == 1 and word.isupper() and word != "I")  # "J. Smith"


def _add_trimmed(found: list[Span], text: str, start: int, end: int) -> None:
    piece = text[start:end]
    stripped = piece.strip()
    if not stripped or not any(ch.isalnum() for ch in stripped):
        return
    first = start + (len(piece) - len(piece.lstrip()))
    found.append(Span(first, first + len(stripped), stripped))
