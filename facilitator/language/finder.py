"""The jargon finder: every glossary term in a text, in any of its forms.

How it works, and why: the text is read once into words (one regular
expression, run in C), and each word's key is looked up in a dictionary of the
first words of every term's forms. Only where a first word is known are the
next words joined on and looked up as a phrase, longest first. Looking up is
the same cost however big the glossary is, whole words are the only thing that
can match (so "care" is never found inside "careful" and "ICS" never inside
"physics"), and word forms are worked out once, when the finder is built.

A single regular expression of every term, or a character-level automaton
(Aho-Corasick), would need word boundaries, letter case and plurals bolted on
afterwards; the dictionary of word keys has them from the start.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass

from facilitator.language.glossary import Glossary, GlossaryEntry, entry_keys, initials_keys
from facilitator.language.words import WORD_PATTERN, is_capitals, joined, key_of


@dataclass(frozen=True, slots=True)
class Match:
    start: int
    end: int
    text: str
    entry: GlossaryEntry
    initials: bool = False


class JargonFinder:
    def __init__(self, entries: list[GlossaryEntry]):
        self.phrases: dict[str, GlossaryEntry] = {}
        self.longest: dict[str, int] = {}
        self.initials: dict[str, tuple[GlossaryEntry, bool]] = {}
        for entry in entries:
            for key in entry_keys(entry):
                if key in self.phrases:
                    continue  # the first entry (a group's own word) wins
                self.phrases[key] = entry
                parts = key.split(" ")
                self.longest[parts[0]] = max(self.longest.get(parts[0], 0), len(parts))
            for key, capitals_only in initials_keys(entry).items():
                self.initials.setdefault(key, (entry, capitals_only))
        self.starters = set(self.longest) | set(self.initials) | {key + "s" for key in self.initials}

    def find(self, text: str) -> list[Match]:
        """Every term in ``text``, left to right; where terms overlap, the longest wins."""
        lowered = text.lower()
        if len(lowered) == len(text):
            keys = WORD_PATTERN.findall(lowered)  # made into keys (no full stops...) only where needed
        else:  # a few letters change length in lower case ("İ"): lower each word, keep places exact
            lowered = text
            keys = [word.lower() for word in WORD_PATTERN.findall(text)]
        starters = self.starters
        # Only words that could start a term are looked at: a quick first pass, mostly in C.
        candidates = [index for index, key in enumerate(keys) if key in starters or not key.isalnum()]
        if not candidates:
            return []
        spans = [m.span() for m in WORD_PATTERN.finditer(lowered)]
        found: list[Match] = []
        count, free_from = len(keys), 0
        longest, initials = self.longest, self.initials
        for index in candidates:
            if index < free_from:
                continue  # inside a term already found
            key = keys[index]
            if not key.isalnum():
                key = keys[index] = key_of(key)
            most = longest.get(key)
            step = 0
            if most:
                step = self._phrase_at(text, spans, keys, index, min(most, count - index), found)
            if not step and (key in initials or (key.endswith("s") and key[:-1] in initials)):
                step = self._initials_at(text, spans[index], key, found)
            free_from = index + step
        return found

    def _phrase_at(self, text, spans, keys, index, most, found) -> int:
        for size in range(most, 0, -1):
            entry = self.phrases.get(" ".join(map(_key, keys[index : index + size])))
            if entry is None:
                continue
            if size > 1 and not all(
                joined(text, spans[at][1], spans[at + 1][0]) for at in range(index, index + size - 1)
            ):
                continue
            start, end = spans[index][0], spans[index + size - 1][1]
            found.append(Match(start, end, text[start:end], entry))
            return size
        return 0

    def _initials_at(self, text, span, key, found) -> int:
        start, end = span
        written = text[start:end]
        known = self.initials.get(key)
        if known is None:  # a plural: "GPs", "ICBs"
            if not is_capitals(written):
                return 0
            known = self.initials[key[:-1]]
        entry, capitals_only = known
        if capitals_only and not is_capitals(written):
            return 0
        found.append(Match(start, end, written, entry, initials=True))
        return 1


def _key(word: str) -> str:
    return word if word.isalnum() else key_of(word)


_finders: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def finder_for(glossary: Glossary) -> JargonFinder:
    """The finder of a glossary, built once and kept while the glossary lives."""
    finder = _finders.get(glossary)
    if finder is None:
        finder = _finders[glossary] = JargonFinder(glossary.entries)
    return finder
