"""Choosing between options: a picture for each option, and an option's words inside a sentence.

People who cannot read tell the options of a choice apart by their pictures, so no
two options should show the same one. ``option_pictures`` keeps every picture the
facilitator chose, gives the other options the best picture for their own words
(one that the words of no other option suggest as well), and gives each option
still without one a plain picture of its own: a shape, then a number. The shapes
differ in colour too, but never only in colour.

``option_in_sentence`` puts an option's words into a sentence such as "3 people
chose at home." In English the first letter is made small only when the first word
is an everyday word that is almost never a name ("At", "The", "Home"); any other
option keeps its words exactly as typed, in quotation marks ("3 people chose
“Friday club”."), so a capital letter in the middle of the sentence reads as the
option's own. Other languages keep the words as typed.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Sequence

from facilitator.core.model import Option
from facilitator.language.words import CommonWords, words_in
from facilitator.pictures.catalogue import OPENMOJI, PictureCatalogue

# Plain pictures for options whose words suggest none (OpenMoji): 4 shapes, each its own colour.
PLAIN_SHAPES = (
    "openmoji:1F534",  # large red circle
    "openmoji:1F7E6",  # large blue square
    "openmoji:1F536",  # large orange diamond
    "openmoji:1F53A",  # red triangle pointing up
)
# Then the option's own number, 1 to 10 (keycap digits; "keycap ten" for 10).
NUMBER_PICTURES = tuple(f"openmoji:003{n}-FE0F-20E3" for n in range(1, 10)) + ("openmoji:1F51F",)
# And last, for a 12th option: more shapes.
MORE_SHAPES = ("openmoji:2B50", "openmoji:1F53B")  # a star; a red triangle pointing down

Suggest = Callable[[str], Sequence[str]]  # the picture references suggested for some words, best first


def option_pictures(options: Sequence[Option], suggest: Suggest | None = None) -> list[str]:
    """The picture each option shows, in order; "" for an option with no words and no picture.

    A picture the facilitator chose (``option.picture``) is always kept. ``suggest`` gives the
    pictures for an option's words (``PictureCatalogue.suggest``); without it, an option with no
    picture gets a plain one.
    """
    pictures = [option.picture.strip() for option in options]
    wanted = [
        list(dict.fromkeys(suggest(option.words))) if suggest and option.words.strip() and not picture else []
        for option, picture in zip(options, pictures)
    ]
    used = {picture for picture in pictures if picture}

    def give(n: int, rivals: set[str]) -> None:
        found = next((ref for ref in wanted[n] if ref not in used and ref not in rivals), "")
        if found:
            pictures[n] = found
            used.add(found)

    # First a picture only this option's words suggest: it tells the options apart best.
    for n in range(len(options)):
        if not pictures[n]:
            give(n, {ref for m, refs in enumerate(wanted) if m != n for ref in refs})
    # Then one other options suggest too, when none of them still needs a picture.
    for n in range(len(options)):
        if not pictures[n]:
            give(n, {ref for m, refs in enumerate(wanted) if m != n and not pictures[m] for ref in refs})
    for n, option in enumerate(options):
        if not pictures[n] and option.words.strip():
            pictures[n] = _plain_picture(n, used)
            used.add(pictures[n])
    return pictures


def _plain_picture(n: int, used: set[str]) -> str:
    """A plain picture no other option shows: a shape, else the option's number, else one left over."""
    number = NUMBER_PICTURES[n] if n < len(NUMBER_PICTURES) else ""
    for ref in (*PLAIN_SHAPES, number, *MORE_SHAPES, *NUMBER_PICTURES):
        if ref and ref not in used:
            return ref
    return PLAIN_SHAPES[n % len(PLAIN_SHAPES)]


# -- an option inside a sentence ------------------------------------------------------------

# How common (Zipf) a first word must be to have its capital made small. Names and places are below
# it ("John" 5.4, "London" 5.3, "Mary" 4.8, "Joan" 4.0); everyday words above ("the", "at", "home").
EVERYDAY = 5.5
ALWAYS_CAPITAL = frozenset({"i", "i'm", "i'd", "i'll", "i've", "god", "mr", "mrs", "ms", "dr"})


def option_in_sentence(words: str, language: str, names: Iterable[str] = ()) -> tuple[str, bool]:
    """The option's words to put in the middle of a sentence, and whether to quote them.

    ``names`` are the people's names in the workshop: an option starting with one keeps its capital.
    Without a full stop at the end: the sentence puts its own.
    """
    words = words.strip().rstrip(".").rstrip()
    if not _english(language):
        return words, False
    found = words_in(words)
    first = found[0] if found else None
    if first is None or first.start != 0 or not first.text[0].isupper():
        return words, False  # a number, a picture or a letter with no capital first: as typed
    if _everyday(first.text, first.key, [word.text for word in found[1:]], names):
        return first.text[0].lower() + words[1:], False
    return words, not words.startswith(("“", '"', "‘", "'"))


def _english(language: str) -> bool:
    return language.replace("-", "_").split("_")[0].lower() == "en"


def _everyday(first: str, key: str, rest: list[str], names: Iterable[str]) -> bool:
    """Whether an English option's capitalised first word (``key``: as it is looked up) is an everyday word,
    not a name, a day or a title."""
    if len(first) < 2 or not first[1:].islower():
        return False  # "A" alone may be a label; "NHS" and "iPad" are written as they are
    if key in ALWAYS_CAPITAL or key in _calendar_names():
        return False
    if key in {word.key for name in names for word in words_in(name)}:
        return False  # someone in the room: "Will's idea"
    longer = [word for word in rest if len(word) >= 4]
    if longer and all(word[0].isupper() for word in longer):
        return False  # "Day Centre Trip" is written as a name
    return CommonWords.load().zipf(key) >= EVERYDAY


@functools.cache
def _calendar_names() -> frozenset[str]:
    """The days of the week and the months, in English, in small letters."""
    from babel import Locale

    locale = Locale("en")
    days = locale.days["format"]["wide"].values()
    months = locale.months["format"]["wide"].values()
    return frozenset(name.lower() for name in (*days, *months))


def suggested_by(catalogue: PictureCatalogue) -> Suggest:
    """A ``suggest`` for ``option_pictures``: the catalogue's pictures for some words, from its everyday
    words and the facilitator's own pictures. A picture found only by its Unicode name ("small airplane"
    for "small") is a guess: the picker offers it, but it is never chosen by itself."""
    return lambda words: [picture.ref for picture in catalogue.suggest(words) if not picture.ref.startswith(OPENMOJI)]
