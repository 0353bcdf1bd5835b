"""Searching the glossary as the facilitator types: whole names, beginnings of words, and typos.

Results come in this order: a name that is exactly the search, names that
start with it, names with a word that starts with it, names with a word one
or two typing mistakes away ("eligability", "advocasy"), and last, entries
whose plain meaning uses the words.

Typos are found without comparing the search with every word: each word of
every name is stored with one letter left out, in every place, and long words
with two left out too (the idea of the "symmetric delete" spelling
correctors); the typed word, with letters left out the same way, meets its
intended word there, and a proper edit distance confirms.
"""

from __future__ import annotations

from collections import defaultdict

from facilitator.language.glossary import Glossary, GlossaryEntry
from facilitator.language.words import words_in

EXACT, STARTS, WORD_STARTS, TYPO, MEANING = range(5)
MIN_TYPO_LETTERS = 4
LONG_WORD = 8  # words this long may have 2 typing mistakes


class GlossarySearch:
    def __init__(self, glossary: Glossary):
        self.entries = sorted(glossary.entries, key=lambda entry: (entry.term.casefold(), not entry.from_group))
        self.names: list[tuple[str, list[str], GlossaryEntry]] = []
        self.deletes: dict[str, set[str]] = defaultdict(set)
        # Each word of a name: the entries with it, and the fewest words of a name with it.
        self.entries_by_word: dict[str, dict[GlossaryEntry, int]] = defaultdict(dict)
        for entry in self.entries:
            for name in entry.names:
                keys = [word.key for word in words_in(name)]
                self.names.append((" ".join(keys), keys, entry))
                for key in keys:
                    shortest = self.entries_by_word[key].get(entry, len(keys))
                    self.entries_by_word[key][entry] = min(shortest, len(keys))
                    if len(key) >= MIN_TYPO_LETTERS:
                        for variant in _left_out(key):
                            self.deletes[variant].add(key)
        self.meanings = [(entry, {word.key for word in words_in(entry.plain)}) for entry in self.entries]

    def search(self, query: str, limit: int = 200) -> list[GlossaryEntry]:
        """Entries for what was typed, best first; every entry, in order, when nothing was typed."""
        keys = [word.key for word in words_in(query)]
        if not keys:
            return self.entries[:limit]
        wanted = " ".join(keys)
        ranked: dict[GlossaryEntry, tuple[int, int]] = {}
        for joined, words, entry in self.names:
            if joined == wanted:
                rank = EXACT
            elif joined.startswith(wanted):
                rank = STARTS
            elif _each_starts_a_word(keys, words):
                rank = WORD_STARTS
            else:
                continue
            ranked[entry] = min((rank, len(words)), ranked.get(entry, (rank, len(words))))
        for entry, words in self._with_typos(keys).items():
            ranked.setdefault(entry, (TYPO, words))  # the fewer other words, the closer to what was typed
        for entry, meaning in self.meanings:
            if entry not in ranked and all(key in meaning for key in keys):
                ranked[entry] = (MEANING, 0)
        order = {entry: place for place, entry in enumerate(self.entries)}
        return sorted(ranked, key=lambda entry: (ranked[entry], order[entry]))[:limit]

    def _with_typos(self, keys: list[str]) -> dict[GlossaryEntry, int]:
        """Entries with a name word close to each typed word (only the long typed words),
        and how many words their shortest such name has."""
        found: dict[GlossaryEntry, int] | None = None
        for key in keys:
            if len(key) < MIN_TYPO_LETTERS:
                continue
            variants = {key, *_left_out(key)}
            close = {word for variant in variants for word in self.deletes.get(variant, ())}
            close |= {variant for variant in variants if variant in self.entries_by_word}
            allowed = 1 if len(key) < LONG_WORD else 2
            distances = {word: edit_distance(key, word) for word in close}
            # The word itself (distance 0) is found by the ranks above; of the others, only the nearest.
            nearest = min((d for d in distances.values() if 0 < d <= allowed), default=None)
            entries: dict[GlossaryEntry, int] = {}
            for word, distance in distances.items():
                if distance in (0, nearest):  # "advocasy" is advocacy, not also advocate
                    for entry, words in self.entries_by_word[word].items():
                        entries[entry] = min(words, entries.get(entry, words))
            found = entries if found is None else {e: max(n, found[e]) for e, n in entries.items() if e in found}
        return found or {}


def _each_starts_a_word(keys: list[str], words: list[str]) -> bool:
    return all(any(word.startswith(key) for word in words) for key in keys)


def _left_out(word: str) -> set[str]:
    """The word with one letter left out, in every place; for long words, with two left out too."""
    once = {word[:at] + word[at + 1:] for at in range(len(word))}
    if len(word) < LONG_WORD:
        return once
    return once | {shorter[:at] + shorter[at + 1:] for shorter in once for at in range(len(shorter))}


def edit_distance(first: str, second: str) -> int:
    """Letters to add, remove, change or swap with the next to turn one word into the other."""
    previous_row = None
    row = list(range(len(second) + 1))
    for i, a in enumerate(first, 1):
        before, previous_row, row = previous_row, row, [i] + [0] * len(second)
        for j, b in enumerate(second, 1):
            cost = a != b
            row[j] = min(previous_row[j] + 1, row[j - 1] + 1, previous_row[j - 1] + cost)
            if before is not None and i > 1 and j > 1 and a == second[j - 2] and first[i - 2] == b:
                row[j] = min(row[j], before[j - 2] + 1)
    return row[-1]

