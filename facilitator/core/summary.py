"""What the easy-read summary of a workshop says, as plain data (no Qt, no reportlab).

``summary_sections`` turns a workshop into the sections people take home: the
cover, who was there, what we talked about, what we decided (with each option's
picture when the room chose between options), what happens next, what we still need
to decide, the questions we kept for later, hard words, and thank you. The same sections are
read aloud (one track each, from ``Section.spoken``) and printed as a PDF.

Every sentence here is written for easy read: short, plain words, numbers as
digits, dates as "Tuesday 3 March 2026", agreement in counts and never as a
percentage. People's words are kept as they wrote them (only the spaces around
them are taken off). Names stay out unless the facilitator chooses otherwise
(``Names``): by default the summary only says how many people came.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from babel.lists import format_list

from facilitator.core.choosing import option_pictures
from facilitator.core.deciding import how_agreed
from facilitator.core.model import ActionStatus, Agreement, Decision, ItemKind, Workshop
from facilitator.core.names import names_in
from facilitator.i18n import N_, _, format_clock, format_long_date, known_language, ngettext
from facilitator.language.finder import Match, finder_for
from facilitator.language.glossary import Glossary
from facilitator.language.words import key_of, term_keys, words_in
from facilitator.pictures.catalogue import picture_of

HardWords = Callable[[str], list[tuple[str, str]]]

SECTION_KEYS = (
    "cover", "who", "since", "talked", "ideas", "decided", "next", "undecided", "later", "words", "thanks",
)
HEADINGS = {
    "cover": N_("Notes from our meeting"),
    "who": N_("Who was there"),
    "since": N_("What happened since last time"),
    "talked": N_("What we talked about"),
    "ideas": N_("Our ideas"),
    "decided": N_("What we decided"),
    "next": N_("What happens next"),
    "undecided": N_("What we still need to decide"),
    "later": N_("Questions we kept for later"),
    "words": N_("Hard words"),
    "thanks": N_("Thank you"),
}
# Names in the picture catalogue (assets/icons/vocabulary.tsv).
PICTURES = {
    "cover": "meeting",
    "who": "people",
    "since": "look back",
    "talked": "talk",
    "ideas": "idea",
    "decided": "decide",
    "next": "action",
    "undecided": "not sure",
    "later": "wait",
    "words": "question",
    "thanks": "thank you",
}
DATE_PICTURE = "calendar"
TIME_PICTURE = "clock"
PLACE_PICTURE = "building"
CONTACT_PICTURE = "phone"
ALWAYS_SHOWN = ("cover", "thanks")

STATUS_WORDS = {
    ActionStatus.DONE: N_("This is done."),
    ActionStatus.NOT_YET: N_("This is not done yet."),
    ActionStatus.STUCK: N_("This is stuck."),
}

# A line that ends with one of these is a whole sentence already (after closing quotes and brackets).
SENTENCE_ENDS = frozenset(".!?…؟。！？।")
CLOSING = "\"')]}’”»›"


class Names(str, enum.Enum):
    """How people appear in the summary."""

    COUNT = "count"  # only how many people came: no names anywhere
    ALIASES = "aliases"  # a participant's alias where one is set, otherwise their name
    NAMES = "names"


@dataclass(frozen=True)
class Entry:
    """One thing in a section: the main words, a picture, and a second line."""

    text: str
    picture: str = ""  # a picture reference, "" for none (show the section's picture instead)
    detail: str = ""  # how people agreed, by when, the plain words of an item...
    time: str = ""  # when it starts, on an agenda ("10:30")
    marked: bool = False  # stands out from the rest, as a break does on an agenda


# What a section builder gives: each entry, with the texts to look for hard words in (never names).
Built = list[tuple[Entry, tuple[str, ...]]]


@dataclass(frozen=True)
class Section:
    """One part of the summary: a heading with its picture, then the entries."""

    key: str
    heading: str
    picture: str
    entries: tuple[Entry, ...]

    def spoken(self) -> str:
        """The section as text to read aloud: the heading, then each entry's words, one sentence a line."""
        lines = [self.heading]
        for entry in self.entries:
            lines += [entry.text, entry.detail]
        return "\n".join(as_sentence(line) for text in lines for line in text.splitlines() if line.strip())


def as_sentence(line: str) -> str:
    """The line without spaces around it, ending with a full stop unless it already ends a sentence."""
    line = line.strip()
    if line.rstrip(CLOSING)[-1:] in SENTENCE_ENDS:
        return line
    return line + "."


def hard_words_from(glossary: Glossary) -> HardWords:
    """The ``hard_words`` that ``summary_sections`` needs, from a ``Glossary``.

    Each term comes as the text wrote it, in the glossary's spelling: "day centre"
    (a variant of "day service") for "Day Centres", "GP" for "GPs". Give it the
    glossary with the group's own words (``Glossary.with_group_words``) so that
    their meanings are the ones the summary explains.
    """
    finder = finder_for(glossary)

    def hard_words(text: str) -> list[tuple[str, str]]:
        return [(_name_used(match), match.entry.plain) for match in finder.find(text)]

    return hard_words


def _name_used(match: Match) -> str:
    """The entry's term, variant or initials that the match is a form of."""
    entry = match.entry
    if match.initials:
        key = key_of(match.text)
        for initials in entry.initials:
            if key_of(initials) in (key, key[:-1]):  # "GPs" is a form of "GP"
                return initials
        return entry.term
    written = " ".join(word.key for word in words_in(match.text))
    for name in (entry.term, *entry.variants):
        unhyphenated = name.replace("-", "").replace("\u2010", "")
        if written in term_keys(name) or written in term_keys(unhyphenated):
            return name
    return entry.term


def summary_sections(
    workshop: Workshop, *, hard_words: HardWords | None = None, names: Names = Names.COUNT, contact: str = ""
) -> list[Section]:
    """The sections of the workshop's easy-read summary, in order, leaving out the empty ones.

    The cover and the thank you are always there. ``hard_words`` finds the
    glossary terms in a text (see ``hard_words_from``); without it there is no
    hard words section. ``contact`` is how to get in touch, as the facilitator
    wrote it.
    """
    language = known_language(workshop.language)
    people = _People(workshop, Names(names), language)
    # Each builder gives its entries and the texts to look for hard words in: never names or the contact.
    built = {
        "cover": _cover(workshop, language),
        "who": _who(workshop, people),
        "since": _actions(workshop, people, language, carried=True),
        "talked": _talked(workshop),
        "ideas": _ideas(workshop, people),
        "decided": _decided(workshop, people),
        "next": _actions(workshop, people, language, carried=False),
        "undecided": _undecided(workshop, people),
        "later": _kept_for_later(workshop, people),
        "thanks": _thanks(workshop, people, contact),
    }
    built["words"] = _words(built, hard_words)
    sections = []
    for key in SECTION_KEYS:
        entries = tuple(entry for entry, _scanned in built[key])
        if entries or key in ALWAYS_SHOWN:
            sections.append(Section(key, _(HEADINGS[key]), PICTURES[key], entries))
    return sections


# -- the sections ---------------------------------------------------------------


def _cover(workshop: Workshop, language: str) -> Built:
    built: Built = []
    title = workshop.title.strip()
    if title:
        built.append((Entry(title), (title,)))
    started = ""
    if workshop.start_time is not None:
        started = _("We started at {time}.").format(time=format_clock(workshop.start_time, language))
    if workshop.date is not None:
        date = format_long_date(workshop.date, language)
        built.append((Entry(date, DATE_PICTURE, started), (started,)))
    elif started:
        built.append((Entry(started, TIME_PICTURE), (started,)))
    place = workshop.place.strip()
    if place:
        built.append((Entry(place, PLACE_PICTURE), (place,)))
    return built


def _who(workshop: Workshop, people: _People) -> Built:
    """How many came, or their names: once anyone is ticked as came, only those ticked (``people_there``)."""
    built: Built = []
    there = workshop.people_there()
    if people.names is Names.COUNT:
        count = len(there)
        if count:
            built.append(_said(ngettext("{n} person came.", "{n} people came.", count).format(n=count)))
    else:
        unnamed = 0
        for participant in there:
            shown = people.participant(participant)
            if shown:
                built.append((Entry(shown), ()))
            else:
                unnamed += 1
        if unnamed:
            if len(built):
                words = ngettext("{n} more person came.", "{n} more people came.", unnamed)
            else:
                words = ngettext("{n} person came.", "{n} people came.", unnamed)
            built.append(_said(words.format(n=unnamed)))
    facilitators = [facilitator.name.strip() for facilitator in workshop.facilitators]
    if facilitators and people.names is Names.NAMES and all(facilitators):
        built.append((Entry(_("{names} ran the meeting.").format(names=people.listed(facilitators))), ()))
    elif facilitators:
        count = len(facilitators)
        built.append(_said(ngettext("{n} person ran the meeting.", "{n} people ran the meeting.", count).format(
            n=count)))
    return built


def _talked(workshop: Workshop) -> Built:
    built: Built = []
    for item in workshop.agenda:
        if item.kind is ItemKind.BREAK:
            continue
        title, plain = item.title.strip(), item.plain_words.strip()
        if not title:
            title, plain = plain, ""
        if title:
            built.append((Entry(title, picture_of(item).strip(), plain), (title, plain)))
    return built


def _ideas(workshop: Workshop, people: _People) -> Built:
    built: Built = []
    for idea in workshop.ideas:
        text = idea.text.strip()
        if text:
            built.append((Entry(text, "", people.idea_from(idea.suggested_by)), (text,)))
    return built


def _decided(workshop: Workshop, people: _People) -> Built:
    """The decisions the room heard read back and agreed as written."""
    built: Built = []
    for decision in workshop.decisions:
        text = decision.text.strip()
        if not text or not decision.agreed:
            continue
        idea = people.idea_from(decision.suggested_by)
        if decision.agreement is Agreement.CHOSEN and any(option.words.strip() for option in decision.options):
            built.append((Entry(text, decision.picture.strip(), idea), (text,)))
            built += _options(decision)
            continue
        how = how_agreed(decision, names_in(workshop))
        built.append((Entry(text, decision.picture.strip(), _joined(*how, idea)), (text, *how)))
    return built


def _options(decision: Decision) -> Built:
    """Each option the room chose between, after the decision: its picture (as the big screen showed it), its
    words as typed, and how many chose it; the one most people chose is marked, in words as well."""
    built: Built = []
    chosen = decision.chosen()
    for option, picture in zip(decision.options, option_pictures(decision.options)):
        words = option.words.strip()
        if not words:
            continue
        how = ngettext("{n} person chose this.", "{n} people chose this.", option.count).format(n=option.count)
        most = option is chosen
        if most:
            how = _joined(how, _("Most people chose this."))
        built.append((Entry(words, picture, how, marked=most), (words, how)))
    return built


def _actions(workshop: Workshop, people: _People, language: str, carried: bool) -> Built:
    """The actions agreed at this meeting, or (``carried``) those carried over from the last one."""
    built: Built = []
    for action in workshop.actions:
        what = action.what.strip()
        if not what or (action.carried_from_id is not None) != carried:
            continue
        who = people.free_text(action.who)
        when = format_long_date(action.by_when, language) if action.by_when is not None else ""
        if who and when:
            doing = _("{who} will do this by {date}.").format(who=who, date=when)
        elif who:
            doing = _("{who} will do this.").format(who=who)
        elif when:
            doing = _("By {date}.").format(date=when)
        else:
            doing = ""
        status = _(STATUS_WORDS[action.status]) if action.status in STATUS_WORDS else ""
        built.append((Entry(what, "", _joined(doing, status)), (what, status)))
    return built


def _undecided(workshop: Workshop, people: _People) -> Built:
    """The decisions written down but not yet agreed as written."""
    built: Built = []
    for decision in workshop.decisions:
        text = decision.text.strip()
        if text and not decision.agreed:
            idea = people.idea_from(decision.suggested_by)
            built.append((Entry(text, decision.picture.strip(), idea), (text,)))
    return built


def _kept_for_later(workshop: Workshop, people: _People) -> Built:
    """The questions the room kept for later: not decisions, so they are not "still to decide"."""
    built: Built = []
    for question in workshop.parked_questions:
        text = question.text.strip()
        if text:
            asked = people.free_text(question.asked_by)
            detail = _("{name} asked this.").format(name=asked) if asked else ""
            built.append((Entry(text, "", detail), (text,)))
    return built


def _thanks(workshop: Workshop, people: _People, contact: str) -> Built:
    thanks = _("Thank you for coming.")
    ideas = _("Thank you for sharing your ideas.")
    built: Built = [(Entry(thanks, "", ideas), (thanks, ideas))]
    if people.names is not Names.COUNT:
        suggested = [decision.suggested_by for decision in workshop.decisions if decision.text.strip()]
        suggested += [idea.suggested_by for idea in workshop.ideas if idea.text.strip()]
        givers = list(dict.fromkeys(name for written in suggested if (name := people.free_text(written))))
        if givers:
            names = people.listed(givers)
            built.append((Entry(_("Thank you to {names} for their ideas.").format(names=names)), ()))
    contact = contact.strip()
    if contact:
        ask = _("You can ask us about anything in these notes.")
        built.append((Entry(ask, CONTACT_PICTURE, contact), (ask,)))  # a contact is names and numbers
    return built


def _words(built: dict[str, Built], hard_words: HardWords | None) -> Built:
    """Every hard word used in the other sections, once, in the order they are first used."""
    if hard_words is None:
        return []
    texts = []
    for key in SECTION_KEYS:
        if key in built:
            texts += [_(HEADINGS[key]), *(text for _entry, scanned in built[key] for text in scanned)]
    meanings: dict[str, tuple[str, str]] = {}
    for text in texts:
        if not text.strip():
            continue
        for term, meaning in hard_words(text):
            term = term.strip()
            if term:
                meanings.setdefault(term.casefold(), (term, meaning.strip()))
    return [(Entry(term, "", meaning), ()) for term, meaning in meanings.values()]


# -- helpers --------------------------------------------------------------------


def _said(sentence: str) -> tuple[Entry, tuple[str, ...]]:
    """An entry of one sentence the summary writes itself."""
    return Entry(sentence), (sentence,)


def _joined(*sentences: str) -> str:
    return " ".join(sentence for sentence in sentences if sentence)


class _People:
    """How names appear, as the facilitator chose."""

    def __init__(self, workshop: Workshop, names: Names, language: str):
        self.names = names
        self.language = language
        # Under ALIASES, a participant's name written somewhere else (who does an action) becomes the alias.
        self.aliases: dict[str, str] = {}
        if names is Names.ALIASES:
            for participant in workshop.participants:
                name, alias = participant.name.strip(), participant.alias.strip()
                if name and alias:
                    self.aliases.setdefault(name.casefold(), alias)

    def participant(self, participant) -> str:
        name, alias = participant.name.strip(), participant.alias.strip()
        if self.names is Names.ALIASES:
            return alias or name
        return name or alias

    def free_text(self, written: str) -> str:
        """A name written in a workshop (who suggested, who asked, who does it), or "" under COUNT."""
        written = written.strip()
        if self.names is Names.COUNT or not written:
            return ""
        return self.aliases.get(written.casefold(), written)

    def idea_from(self, written: str) -> str:
        name = self.free_text(written)
        return _("Idea from {name}.").format(name=name) if name else ""

    def listed(self, names: Iterable[str]) -> str:
        """Names joined as the workshop's language does: "Ann, Bo and Carys"."""
        return format_list(list(names), locale=self.language)
