"""The plain-words glossary: hard words and words that divide people, each with a plain meaning.

The built-in entries are data files in ``facilitator/language/glossary/``, one
per topic. A workshop's group can add its own words (``GroupWord`` in the
model); they stand beside the built-in entries and come first.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources

from facilitator.i18n import N_, _
from facilitator.language.words import CommonWords, key_of, term_keys

HARD = "hard"
DIVIDES = "divides"
GROUP = "group"
KINDS = (HARD, DIVIDES)
FORMAT = 1

TOPICS = {
    "assessment": N_("Assessments and plans"),
    "money": N_("Money and budgets"),
    "support": N_("Kinds of support and places"),
    "rights": N_("Rights, safety and the law"),
    "organisations": N_("Organisations and jobs"),
    "health": N_("Health and the NHS"),
    "involvement": N_("Working together and meetings"),
    GROUP: N_("Our own words"),
}

# Initials that are also everyday words are found only in capitals: "SEND" but not "send".
EVERYDAY_ZIPF = 3.0


@dataclass(frozen=True)
class GlossaryEntry:
    term: str
    plain: str
    kind: str = HARD
    variants: tuple[str, ...] = ()
    initials: tuple[str, ...] = ()
    more: str = ""
    picture: str = ""
    say_instead: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    not_same_as: tuple[str, ...] = ()
    topic: str = ""
    agreed: bool = False
    group_word_id: str = ""

    @property
    def names(self) -> tuple[str, ...]:
        """The term and every other way of writing it, as written in the entry."""
        return (self.term, *self.variants, *self.initials)

    @property
    def from_group(self) -> bool:
        return bool(self.group_word_id)

    def topic_name(self) -> str:
        return topic_name(self.topic)


def topic_name(topic: str) -> str:
    """A topic in words, for lists and headings."""
    return _(TOPICS[topic]) if topic in TOPICS else topic


class GlossaryProblem(ValueError):
    """A glossary file that cannot be used, with what is wrong and where."""


@dataclass(eq=False)
class Glossary:
    entries: list[GlossaryEntry]
    problems: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._by_term = {}
        for entry in self.entries:
            self._by_term.setdefault(entry.term.casefold(), entry)

    @classmethod
    @functools.cache
    def built_in(cls) -> Glossary:
        """The glossary that comes with the app (read once)."""
        entries, problems = read_built_in()
        return cls(entries, problems)

    def with_group_words(self, words: Iterable) -> Glossary:
        """This glossary with a group's own words (``model.GroupWord``) first."""
        own = [group_entry(word) for word in words if word.term.strip() and word.meaning.strip()]
        if not own:
            return self
        return Glossary(own + self.entries, self.problems)

    def entry(self, term: str) -> GlossaryEntry | None:
        """The entry whose term is ``term`` (any letter case)."""
        return self._by_term.get(term.casefold())

    def related(self, entry: GlossaryEntry) -> list[GlossaryEntry]:
        return [found for term in entry.related if (found := self.entry(term))]

    def not_same_as(self, entry: GlossaryEntry) -> list[GlossaryEntry]:
        return [found for term in entry.not_same_as if (found := self.entry(term))]

    def lookup(self, text: str) -> GlossaryEntry | None:
        """The entry for a word or phrase as it may be written in a text ("GPs", "care homes")."""
        from facilitator.language.finder import finder_for

        text = text.strip()
        if not text:
            return None
        found = finder_for(self).find(text)
        whole = [match for match in found if match.start == 0 and match.end >= len(text.rstrip(".,;:!?"))]
        if whole:
            return whole[0].entry
        return self.entry(text)

    def topics(self) -> list[str]:
        seen = dict.fromkeys(entry.topic for entry in self.entries)
        return [topic for topic in TOPICS if topic in seen] + [topic for topic in seen if topic not in TOPICS]


def group_entry(word) -> GlossaryEntry:
    return GlossaryEntry(
        term=word.term.strip(),
        plain=word.meaning.strip(),
        kind=HARD,
        topic=GROUP,
        agreed=word.agreed,
        group_word_id=word.id,
    )


def read_built_in() -> tuple[list[GlossaryEntry], list[str]]:
    """Every built-in entry, and a sentence for each problem found in the files."""
    folder = resources.files("facilitator.language").joinpath("glossary")
    entries: list[GlossaryEntry] = []
    problems: list[str] = []
    for item in sorted(folder.iterdir(), key=lambda item: item.name):
        if not item.name.endswith(".json"):
            continue
        try:
            entries += parse_topic(item.read_text("utf-8"), item.name)
        except GlossaryProblem as problem:
            problems.append(str(problem))
    problems += check_references(entries)
    return entries, problems


_TEXT_LISTS = ("variants", "initials", "say_instead", "related", "not_same_as")


def parse_topic(text: str, name: str) -> list[GlossaryEntry]:
    """The entries of one topic file; ``GlossaryProblem`` says what is wrong with a bad one."""
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise GlossaryProblem(f"{name}: not JSON ({error.msg}, line {error.lineno})") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise GlossaryProblem(f"{name}: not a glossary file of format {FORMAT}")
    topic = document.get("topic")
    if not isinstance(topic, str) or not topic:
        raise GlossaryProblem(f"{name}: no topic")
    raw = document.get("entries")
    if not isinstance(raw, list):
        raise GlossaryProblem(f"{name}: no list of entries")
    return [_parse_entry(item, f"{name} entry {number}", topic) for number, item in enumerate(raw, 1)]


def _parse_entry(item: object, where: str, topic: str) -> GlossaryEntry:
    if not isinstance(item, dict):
        raise GlossaryProblem(f"{where}: not an object")
    unknown = set(item) - {"term", "plain", "kind", "more", "picture", *_TEXT_LISTS}
    if unknown:
        raise GlossaryProblem(f"{where}: unknown fields {sorted(unknown)}")
    texts = {}
    for name in ("term", "plain", "kind", "more", "picture"):
        value = item.get(name, "")
        if not isinstance(value, str):
            raise GlossaryProblem(f"{where}: {name} must be text")
        texts[name] = value.strip()
    lists = {}
    for name in _TEXT_LISTS:
        value = item.get(name, [])
        if not isinstance(value, list) or not all(isinstance(part, str) and part.strip() for part in value):
            raise GlossaryProblem(f"{where}: {name} must be a list of words")
        lists[name] = tuple(part.strip() for part in value)
    where = f"{where} ({texts['term'] or 'no term'})"
    if not texts["term"] or not texts["plain"]:
        raise GlossaryProblem(f"{where}: a term and a plain meaning are needed")
    if texts["kind"] not in KINDS:
        raise GlossaryProblem(f"{where}: kind must be one of {', '.join(KINDS)}")
    if texts["kind"] == DIVIDES and not lists["say_instead"]:
        raise GlossaryProblem(f"{where}: a word that divides people needs something to say instead")
    for initials in lists["initials"]:
        if not any(letter.isupper() for letter in initials) or " " in initials:
            raise GlossaryProblem(f"{where}: initials {initials!r} must be capitals with no spaces")
    return GlossaryEntry(topic=topic, **texts, **lists)


def check_references(entries: list[GlossaryEntry]) -> list[str]:
    """Problems across entries: a name used twice, a related entry that does not exist."""
    problems = []
    owners: dict[str, GlossaryEntry] = {}
    terms = {entry.term.casefold() for entry in entries}
    for entry in entries:
        for key in entry_keys(entry) | set(initials_keys(entry)):
            owner = owners.setdefault(key, entry)
            if owner is not entry:
                problems.append(f"{entry.term!r} ({entry.topic}) and {owner.term!r} ({owner.topic}) are both found by {key!r}")
        for name in ("related", "not_same_as"):
            for term in getattr(entry, name):
                if term.casefold() not in terms:
                    problems.append(f"{entry.term!r}: {name} names {term!r}, which has no entry")
                elif term.casefold() == entry.term.casefold():
                    problems.append(f"{entry.term!r}: {name} names the entry itself")
    return problems


def entry_keys(entry: GlossaryEntry) -> set[str]:
    """The looked-up forms of the entry's term and variants (initials are handled apart)."""
    keys: set[str] = set()
    for name in (entry.term, *entry.variants):
        keys |= term_keys(name)
        if "-" in name or "\u2010" in name:
            keys |= term_keys(name.replace("-", "").replace("\u2010", ""))
    return keys


def initials_keys(entry: GlossaryEntry) -> dict[str, bool]:
    """Each of the entry's initials as looked up, and whether it must be written in capitals.

    Initials that are also an everyday word ("SEND", "NICE") are found only in capitals.
    """
    common = CommonWords.load()
    return {key_of(initials): common.frequencies.get(key_of(initials), 0.0) >= EVERYDAY_ZIPF for initials in entry.initials}
