"""Find a picture for an idea: suggestions from an item's words, search by word.

A picture is named by a short text, its *reference*, stored with an agenda
item or a decision:

- a word or phrase of the curated vocabulary, such as ``"tea"`` or ``"day centre"``;
- ``"openmoji:1F68C"``: one OpenMoji picture, chosen by searching;
- ``"own:<id>"``: one of the facilitator's own photos or pictures, kept in the library.

The vocabulary comes first everywhere: it was chosen for easy read. OpenMoji's
Unicode names fill in words the vocabulary does not have.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from facilitator.core.model import AgendaItem, ItemKind
from facilitator.language.words import base_forms
from facilitator.pictures.openmoji import OpenMoji
from facilitator.pictures.own import OWN_PREFIX
from facilitator.pictures.vocabulary import VocabularyWord, read_vocabulary

OPENMOJI = "openmoji:"
OWN = OWN_PREFIX

# The picture each kind of agenda item has until the facilitator picks another.
KIND_PICTURES = {
    ItemKind.WELCOME: "welcome",
    ItemKind.INTRODUCTIONS: "introductions",
    ItemKind.LOOK_BACK: "look back",
    ItemKind.DISCUSSION: "talk",
    ItemKind.ACTIVITY: "activity",
    ItemKind.BREAK: "break",
    ItemKind.DECIDE: "vote",
    ItemKind.FEEDBACK: "feedback",
    ItemKind.CLOSE: "goodbye",
    ItemKind.OTHER: "star",
}


def picture_of(item: AgendaItem) -> str:
    """The item's picture, or its kind's picture when none was chosen."""
    return item.picture if item.picture.strip() else KIND_PICTURES[item.kind]

# Words too common to suggest a picture by themselves.
STOP_WORDS = frozenset(
    """a an and are as at be but by can do for from get go has have how i if in is it its of on or our
    out so that the their them then there they this to up us was we what when where which who why will
    with you your all any one some about after before into over than too very just also not""".split()
)

READ_AHEAD = 64  # words read from the text at a time while suggesting
_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")


def words_of(text: str) -> list[str]:
    """The words of a text, lower case, with curly apostrophes made straight."""
    return _WORD.findall(text.lower().replace("\u2019", "'"))


def word_forms(word: str) -> list[str]:
    """The word and the plainer forms it may come from: "buses" -> "bus", "talking" -> "talk"."""
    return list(_forms(word))


@functools.lru_cache(maxsize=8192)
def _forms(word: str) -> tuple[str, ...]:
    """``word_forms``, worked out once for each word (a long text has the same words again and again)."""
    return (word, *base_forms(word))


@dataclass(frozen=True)
class Picture:
    """A picture that can be shown: its reference, the words it stands for, where it is from."""

    ref: str
    words: str
    source: str  # "openmoji" or "own"
    key: str  # the OpenMoji file stem, or the own picture's id


class PictureCatalogue:
    """Every picture the app can offer, searchable by word."""

    def __init__(self, vocabulary: Iterable[VocabularyWord], openmoji: OpenMoji):
        self.openmoji = openmoji
        self.vocabulary = list(vocabulary)
        self._index: dict[str, VocabularyWord] = {}
        for entry in self.vocabulary:
            for key in (entry.word, *entry.other_words):
                self._index.setdefault(key, entry)
        self._longest = max((len(key.split()) for key in self._index), default=1)
        self._phrase_starts = {key.split()[0] for key in self._index if " " in key}  # first words of phrases
        self._keys = [(key, tuple(key.split())) for key in self._index]
        self._headword_of_stem: dict[str, str] = {}
        for entry in self.vocabulary:
            if entry.picture.startswith(OPENMOJI):
                self._headword_of_stem.setdefault(entry.picture[len(OPENMOJI):], entry.word)
        self._own: dict[str, str] = {}
        self._name_words: dict[str, list[str]] | None = None
        self._name_index: dict[str, list[str]] | None = None

    @classmethod
    def load(cls) -> PictureCatalogue:
        """The app's catalogue: the shipped vocabulary and the installed OpenMoji pictures."""
        return cls(read_vocabulary(), OpenMoji())

    def set_own_pictures(self, names: dict[str, str]) -> None:
        """Tell the catalogue about the library's own pictures: id -> name."""
        self._own = dict(names)

    def own_pictures(self) -> list[Picture]:
        """The library's own pictures, in the order they were added."""
        return [Picture(OWN + own_id, name, "own", own_id) for own_id, name in self._own.items()]

    # -- one picture ---------------------------------------------------------

    def resolve(self, ref: str) -> Picture | None:
        """The picture a reference names, or None when there is no such picture."""
        ref = ref.strip()
        if not ref:
            return None
        if ref.startswith(OWN):
            own_id = ref[len(OWN):]
            return Picture(ref, self._own[own_id], "own", own_id) if own_id in self._own else None
        if ref.startswith(OPENMOJI):
            stem = ref[len(OPENMOJI):]
            return Picture(ref, self._openmoji_words(stem), "openmoji", stem) if self.openmoji.has(stem) else None
        entry = self._lookup(" ".join(words_of(ref)))
        if entry is None:
            return None
        found = self.resolve(entry.picture)
        return Picture(ref, entry.word, found.source, found.key) if found else None

    def for_kind(self, kind: ItemKind) -> Picture | None:
        return self.resolve(KIND_PICTURES[kind])

    def _openmoji_words(self, stem: str) -> str:
        return self._headword_of_stem.get(stem) or self.openmoji.names().get(stem, "")

    def _lookup(self, phrase: str) -> VocabularyWord | None:
        words = phrase.split()
        if not words:
            return None
        for last in _forms(words[-1]):
            entry = self._index.get(" ".join([*words[:-1], last]))
            if entry is not None:
                return entry
        return None

    # -- suggestions and search ----------------------------------------------

    def suggest(self, text: str, limit: int = 12) -> list[Picture]:
        """The first ``limit`` pictures for the words of a text, in the order the words come.

        The text is read only as far as it takes to find them: a long text usually needs its first lines."""
        found: list[Picture] = []
        if limit <= 0:
            return found
        reader = (match.group() for match in _WORD.finditer(text.lower().replace("\u2019", "'")))
        tokens: list[str] = []
        unmatched: list[str] = []
        i = 0
        while True:
            if i + self._longest > len(tokens):
                tokens += itertools.islice(reader, READ_AHEAD)
            if i >= len(tokens):
                break
            for n in range(min(self._longest, len(tokens) - i), 0, -1):
                if n > 1 and tokens[i] not in self._phrase_starts:
                    continue
                entry = self._lookup(" ".join(tokens[i : i + n]))
                if entry is None or (n == 1 and tokens[i] in STOP_WORDS and entry.word != tokens[i]):
                    continue
                picture = self.resolve(entry.word)
                if picture is not None:
                    self._add(found, picture)
                    i += n
                    break
            else:
                unmatched.append(tokens[i])
                i += 1
            if len(found) >= limit:
                return found[:limit]
        if self._own:
            wanted = {form for token in set(tokens) for form in _forms(token)}
            for own_id, name in self._own.items():
                if wanted & {form for word in words_of(name) for form in _forms(word)} - STOP_WORDS:
                    self._add(found, self.resolve(OWN + own_id))
        for token in unmatched:
            if len(found) >= limit:
                break
            if token in STOP_WORDS or len(token) < 3:
                continue
            for form in _forms(token):
                stems = self._names_by_word().get(form, [])
                for stem in stems[:2]:
                    self._add(found, self.resolve(OPENMOJI + stem))
                if stems:
                    break
        return found[:limit]

    def search(self, query: str, limit: int = 80) -> list[Picture]:
        """Pictures whose words start with every word of the query: vocabulary first."""
        wanted = words_of(query)
        if not wanted:
            return []
        found: list[Picture] = []
        exact = self._lookup(" ".join(wanted))
        if exact is not None:
            self._add(found, self.resolve(exact.word))
        matches = sorted(
            (len(words), key) for key, words in self._keys if _prefixes_all(wanted, words)
        )
        for _length, key in matches:
            self._add(found, self.resolve(self._index[key].word))
        for own_id, name in self._own.items():
            if _prefixes_all(wanted, words_of(name)):
                self._add(found, self.resolve(OWN + own_id))
        names = self.openmoji.names()
        by_length = sorted(
            (len(names[stem]), stem) for stem, words in self._openmoji_name_words().items() if _prefixes_all(wanted, words)
        )
        for _length, stem in by_length:
            if len(found) >= limit:
                break
            self._add(found, self.resolve(OPENMOJI + stem))
        return found[:limit]

    def _openmoji_name_words(self) -> dict[str, list[str]]:
        """Each OpenMoji picture's name split into words the way texts are ("t-shirt" -> "t", "shirt")."""
        if self._name_words is None:
            self._name_words = {stem: words_of(name) for stem, name in self.openmoji.names().items()}
        return self._name_words

    def _names_by_word(self) -> dict[str, list[str]]:
        if self._name_index is None:
            index: dict[str, list[str]] = {}
            ordered = sorted(self._openmoji_name_words().items(), key=lambda pair: (len(pair[1]), pair[0]))
            for stem, words in ordered:
                for word in words:
                    index.setdefault(word, []).append(stem)
            self._name_index = index
        return self._name_index

    @staticmethod
    def _add(found: list[Picture], picture: Picture | None) -> None:
        if picture is not None and all(p.source != picture.source or p.key != picture.key for p in found):
            found.append(picture)


def _prefixes_all(wanted: list[str], words: Iterable[str]) -> bool:
    words = list(words)
    return all(any(word.startswith(w) for word in words) for w in wanted)
