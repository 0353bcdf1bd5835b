"""Words in a text: where they are, the form used to look them up, and how common they are.

The jargon finder and the easy-read checker both read a text as a list of
``Word``s. Each keeps its place in the text, so a finding can be underlined
exactly where it is, and a ``key``: the lower-case form without full stops or
a possessive ending, which is what the glossary is looked up by.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources

# A word: initials with full stops (C.Q.C. or C.Q.C), letters joined by apostrophes, or a number
# ("Care Act 2014"). Hyphens and dashes separate words: "co-production" is two, as is "co production".
WORD_PATTERN = re.compile(r"[^\W\d_](?:\.[^\W\d_])+\.?|[^\W\d_]+(?:['\u2019][^\W\d_]+)*['\u2019]?|\d+")
APOSTROPHES = "'\u2019"

# What may stand between the words of a term written in the text: spaces and hyphens, and at most
# one line break ("co-" at the end of a line, "production" on the next).
JOINING = re.compile(r"[ \t\u00a0\-\u2010\u2011]*(?:\r?\n[ \t\u00a0]*)?")

# Words that stay as they are when a term's other forms are made.
FIXED_WORDS = frozenset(
    "a an and are as at be by did for from in into is it of on or our so the their to up we with you your".split()
)

VOWELS = set("aeiou")


@dataclass(frozen=True, slots=True)
class Word:
    start: int
    end: int
    text: str
    key: str


def key_of(text: str) -> str:
    """The form a word is looked up by: lower case, no full stops, no possessive ending."""
    key = text.replace(".", "").lower().replace("\u2019", "'")
    if key.endswith("'s"):
        return key[:-2]
    return key.rstrip("'")


def words_in(text: str) -> list[Word]:
    return [Word(m.start(), m.end(), m.group(), key_of(m.group())) for m in WORD_PATTERN.finditer(text)]


def is_capitals(text: str) -> bool:
    """True for initials written in capitals: "CQC", "C.Q.C.", and the plural "GPs"."""
    letters = text.replace(".", "").rstrip("'\u2019")
    if len(letters) > 2 and letters.endswith("s") and letters[:-1].isupper():
        letters = letters[:-1]
    return letters.isupper() and len(letters) >= 2


def joined(text: str, end: int, start: int) -> bool:
    """True when only spaces or hyphens stand between two words (``text[end:start]``)."""
    return JOINING.fullmatch(text, end, start) is not None


def forms_of(word: str) -> set[str]:
    """A word and its regular other forms: plural, -ing, -ed, -s ("assess" -> "assessed"...).

    Forms that are not real words ("carering") do no harm: they never turn up in a text.
    """
    word = word.lower()
    if word in FIXED_WORDS or len(word) < 3 or not word.isalpha():
        return {word}
    if len(word) > 5 and word.endswith(("ing", "ed")):
        # "managing" -> "managed", but not the bare "manage": "charging" must not find "in charge".
        return {word}.union(*(_inflected(base) - {base, base + "s", base + "es"} for base in base_forms(word)))
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):  # a plural: "needs" -> "need"
        return {word, *base_forms(word)}
    return _inflected(word)


def _inflected(word: str) -> set[str]:
    forms = {word}
    if word.endswith(("s", "x", "z", "ch", "sh")):
        forms.add(word + "es")
    elif word.endswith("y") and word[-2] not in VOWELS:
        forms |= {word[:-1] + "ies", word[:-1] + "ied"}
    else:
        forms.add(word + "s")
    if word.endswith("e") and not word.endswith("ee"):
        forms |= {word[:-1] + "ing", word + "d"}
    else:
        forms |= {word + "ing", word + "ed"}
        if _doubles(word):
            forms |= {word + word[-1] + "ing", word + word[-1] + "ed"}
    return forms


def _doubles(word: str) -> bool:
    """Short words ending consonant-vowel-consonant double the last letter: "plan" -> "planning"."""
    return (
        len(word) <= 4
        and word[-1] not in VOWELS | set("wxy")
        and word[-2] in VOWELS
        and word[-3] not in VOWELS
    )


def term_keys(term: str) -> set[str]:
    """Every way a term can be written, as space-joined word keys.

    Each word of a short term (up to 3 words) gets its other forms, so
    "managing expectations" is found from "managed expectation"; in a longer
    term only the last word does.
    """
    keys = [key_of(w.text) for w in words_in(term)]
    if not keys:
        return set()
    if len(keys) > 3:
        return {" ".join(keys[:-1] + [form]) for form in forms_of(keys[-1])}
    results = [""]
    for key in keys:
        forms = forms_of(key)
        results = [f"{done} {form}".strip() for done in results for form in forms]
    return set(results)


class CommonWords:
    """How common each English word is, as a Zipf frequency (3 = once a million words, 7 = "the")."""

    def __init__(self, frequencies: dict[str, float]):
        self.frequencies = frequencies

    @classmethod
    @functools.cache
    def load(cls) -> CommonWords:
        text = resources.files("facilitator.language").joinpath("common_words.txt").read_text("utf-8")
        frequencies: dict[str, float] = {}
        for line in text.splitlines():
            if not line or line.startswith("#"):
                continue
            zipf, *words = line.split()
            value = int(zipf) / 10
            for word in words:
                frequencies[word] = value
        return cls(frequencies)

    def zipf(self, word: str) -> float:
        """The word's Zipf frequency, or 0 when it is not among the common words."""
        word = word.lower().replace("\u2019", "'")
        found = self.frequencies.get(word)
        if found is None:
            found = max((self.frequencies.get(form, 0.0) for form in base_forms(word)), default=0.0)
        return found


def base_forms(word: str) -> list[str]:
    """The forms a word may come from: "buses" -> "bus", "planning" -> "plan", "ideas" -> "idea"."""
    forms = []
    if word.endswith("'s"):
        forms.append(word[:-2])
    if len(word) > 4 and word.endswith(("ies", "ied")):
        forms.append(word[:-3] + "y")
    if len(word) > 3 and word.endswith("es"):
        forms.append(word[:-2])
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        forms.append(word[:-1])
    for ending in ("ing", "ed"):
        stem = word[: -len(ending)]
        if len(word) > len(ending) + 2 and word.endswith(ending):
            forms += [stem, stem + "e"]
            if len(stem) > 2 and stem[-1] == stem[-2]:
                forms.append(stem[:-1])
    return forms
