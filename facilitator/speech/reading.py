"""What is read, in the order it is read: passages cut into short pieces, with the group's pronunciations.

A passage is one thing on the screen (a title, its plain words, a meaning). It
is read a sentence or a line at a time, so the first words are heard at once
even when the text is long, and a "stop" never waits for a long text to end.

Pronunciations change what the engine is given ("NHS" becomes "N H S"), and
``Respelled.written`` takes a word the engine reports back to the word as
written, so the word lit up on the screen is the word the room sees.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

LONGEST_PIECE = 300  # characters; a longer sentence is cut at a comma or a space
PIECE_ENDS = re.compile(r"(?<=[.!?;:؟。])\s+|\s*\n\s*")


@dataclass(frozen=True)
class Passage:
    key: str  # which thing on the screen: "title", "words", "heading"... (the caller's names)
    text: str


@dataclass(frozen=True)
class Piece:
    key: str
    start: int  # where the piece starts in its passage's text
    text: str
    passage: int = 0  # which passage it is from, counting from 0


@dataclass(frozen=True)
class WordMark:
    """A word the engine reported: where it is in the text it was given, and when it is heard."""

    start: int
    length: int
    at: float  # seconds from the start of the piece's audio


def pieces(passages: Iterable[Passage]) -> list[Piece]:
    """The passages cut into sentences and lines, each no longer than LONGEST_PIECE."""
    made = []
    for number, passage in enumerate(passages):
        text = passage.text
        begin = 0
        for end in [found.start() for found in PIECE_ENDS.finditer(text)] + [len(text)]:
            made.extend(_short(passage.key, text, begin, end, number))
            following = PIECE_ENDS.match(text, end)
            begin = following.end() if following else end
    return made


def _short(key: str, text: str, begin: int, end: int, number: int) -> list[Piece]:
    """Pieces of text[begin:end] that are not too long, cut at a comma or a space where they must be."""
    made = []
    while begin < end:
        while begin < end and text[begin].isspace():
            begin += 1
        stop = end
        if stop - begin > LONGEST_PIECE:
            window = text[begin : begin + LONGEST_PIECE]
            cut = max(window.rfind(", "), window.rfind("، "))
            cut = cut + 1 if cut > LONGEST_PIECE // 3 else window.rfind(" ")
            stop = begin + (cut if cut > 0 else LONGEST_PIECE)
        words = text[begin:stop].rstrip()
        if words:
            made.append(Piece(key, begin, words, number))
        begin = stop
    return made


def said_pieces(passages: Sequence[Passage], pronunciations: Sequence[tuple[str, str]]) -> tuple[list[Piece], list[Respelled]]:
    """The pieces to give the engine, with the group's pronunciations in; and each passage's changes.

    Pronunciations go in before the text is cut, so a written form with a full stop in it ("Dr. Jones") is
    found whole. A piece's ``start`` is then a place in the said text: ``Respelled.written`` takes it back.
    """
    respelled = [respell(passage.text, pronunciations) for passage in passages]
    return pieces(Passage(passage.key, said.said) for passage, said in zip(passages, respelled)), respelled


@dataclass(frozen=True)
class Respelled:
    """A text as the engine is given it, and where each change came from."""

    said: str
    changes: tuple[tuple[int, int, int, int], ...] = ()  # (said start, said end, written start, written end)

    def written(self, start: int, length: int) -> tuple[int, int]:
        """The place in the written text of ``length`` characters at ``start`` in the said text."""
        first = self._place(start, end=False)
        last = self._place(start + length, end=True)
        return first, max(0, last - first)

    def _place(self, place: int, end: bool) -> int:
        shift = 0
        for said_start, said_end, written_start, written_end in self.changes:
            if place < said_start or (end and place == said_start):
                break
            if place < said_end or (end and place == said_end):
                return written_end if end else written_start
            shift = written_end - said_end
        return place + shift


def respell(text: str, pronunciations: Sequence[tuple[str, str]]) -> Respelled:
    """``text`` with each written word of ``pronunciations`` replaced by how it is said.

    Whole words only, in any letter case; where two written forms overlap, the longer wins.
    """
    said_for = {}
    for written, said in pronunciations:
        if written.strip() and said.strip():
            said_for.setdefault(written.strip().casefold(), said.strip())
    if not said_for:
        return Respelled(text)
    alternatives = "|".join(re.escape(written) for written in sorted(said_for, key=len, reverse=True))
    pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)
    parts, changes, taken, shift = [], [], 0, 0
    for found in pattern.finditer(text):
        said = said_for.get(found.group().casefold())
        if said is None:  # a letter whose case folds to more letters ("ß"): leave it as written
            continue
        parts.append(text[taken : found.start()])
        start = found.start() + shift
        changes.append((start, start + len(said), found.start(), found.end()))
        parts.append(said)
        shift += len(said) - (found.end() - found.start())
        taken = found.end()
    parts.append(text[taken:])
    return Respelled("".join(parts), tuple(changes))


def as_letters(word: str) -> str:
    """How to say a word letter by letter: "NHS" becomes "N H S"."""
    return " ".join(letter for letter in word if not letter.isspace() and letter not in ".-")
