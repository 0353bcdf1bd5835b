"""The curated easy-read vocabulary: everyday and meeting words, each with a picture.

The list lives in ``assets/icons/vocabulary.tsv``: one headword a line, the
picture it stands for, and other words that should find the same picture
(plurals, other forms, words that mean the same). Lines starting with "#"
are comments.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from facilitator.resources import icons_dir

HEADER = ("word", "picture", "other words")
# What a vocabulary word's picture can be: one OpenMoji picture, named by its file stem.
PICTURE_PREFIXES = ("openmoji:",)


@dataclass(frozen=True)
class VocabularyWord:
    word: str
    picture: str
    other_words: tuple[str, ...] = ()


class VocabularyError(ValueError):
    """The vocabulary file is not as it should be; the message says where."""


def vocabulary_path() -> Path:
    return icons_dir() / "vocabulary.tsv"


def read_vocabulary(path: Path | None = None) -> list[VocabularyWord]:
    """Every headword of the vocabulary, in file order."""
    path = path or vocabulary_path()
    return parse_vocabulary(path.read_text(encoding="utf-8-sig"), str(path))


def parse_vocabulary(text: str, source: str = "vocabulary") -> list[VocabularyWord]:
    words: list[VocabularyWord] = []
    seen: dict[str, int] = {}
    header_seen = False
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        columns = line.split("\t")
        where = f"{source}, line {number}"
        if not header_seen:
            if tuple(c.strip() for c in columns) != HEADER:
                raise VocabularyError(f"{where}: the first line should be the header {HEADER}")
            header_seen = True
            continue
        if len(columns) != 3:
            raise VocabularyError(f"{where}: expected 3 columns separated by tabs, found {len(columns)}")
        word, picture, others = (c.strip() for c in columns)
        if not word or word != word.lower():
            raise VocabularyError(f"{where}: the word should be lower case and not empty")
        if not picture:
            raise VocabularyError(f"{where}: {word!r} has no picture")
        if not picture.startswith(PICTURE_PREFIXES) or picture in PICTURE_PREFIXES:
            raise VocabularyError(f"{where}: the picture of {word!r} should start with one of {PICTURE_PREFIXES}")
        other_words = tuple(o.strip() for o in others.split(",") if o.strip())
        if any(o != o.lower() for o in other_words):
            raise VocabularyError(f"{where}: the other words of {word!r} should be lower case")
        for key in (word, *other_words):
            if key in seen:
                raise VocabularyError(f"{where}: {key!r} is already on line {seen[key]}")
            seen[key] = number
        words.append(VocabularyWord(word, picture, other_words))
    if not header_seen:
        raise VocabularyError(f"{source}: no header line")
    return words
