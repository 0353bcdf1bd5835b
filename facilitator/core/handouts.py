"""What the agenda handout and the picture cards say, as plain data (no Qt, no reportlab).

The handout is what people get before the meeting: each item with its picture,
its title, its plain words and when it starts, breaks marked out. The cards are
pictures with words to hold up in the room; the printing code lays them out to
cut. Both use ``summary.Section`` and ``summary.Entry``, as the summary does.
"""

from __future__ import annotations

from facilitator.core.model import ItemKind, Workshop
from facilitator.core.summary import DATE_PICTURE, PLACE_PICTURE, TIME_PICTURE, Entry, Section
from facilitator.i18n import N_, _, format_clock, format_long_date, format_minutes
from facilitator.pictures.catalogue import picture_of

AGENDA_PICTURE = "agenda"
COVER_PICTURE = "meeting"

# The cards every room needs: a picture word (assets/icons/vocabulary.tsv) and what holding it up says.
ROOM_CARDS = (
    ("agree", N_("I agree")),
    ("not sure", N_("I am not sure")),
    ("disagree", N_("I do not agree")),
    ("stop", N_("Stop")),
    ("break", N_("I need a break")),
    ("confused", N_("I do not understand")),
    ("ask", N_("I want to speak")),
)


def agenda_sections(workshop: Workshop) -> list[Section]:
    """The agenda handout: a cover (title, date, times, place), then every item in order with its start time."""
    language = workshop.language
    cover = []
    if workshop.title.strip():
        cover.append(Entry(workshop.title.strip()))
    times = workshop.start_times()
    start = workshop.start_time
    end_words = ""
    if start is not None:
        end_words = _("We start at {time}.").format(time=format_clock(start, language))
        finish = workshop.planned_end()
        if finish is not None and workshop.agenda:
            end_words += " " + _("We finish at {time}.").format(time=format_clock(finish, language))
    if workshop.date is not None:
        cover.append(Entry(format_long_date(workshop.date, language), DATE_PICTURE, end_words))
    elif end_words:
        cover.append(Entry(end_words, TIME_PICTURE))
    if workshop.place.strip():
        cover.append(Entry(workshop.place.strip(), PLACE_PICTURE))
    if workshop.purpose.strip():
        cover.append(Entry(workshop.purpose.strip(), COVER_PICTURE))
    items = []
    for item, time in zip(workshop.agenda, times):
        title, plain = item.title.strip(), item.plain_words.strip()
        if not (title or plain):
            continue
        is_break = item.kind is ItemKind.BREAK
        how_long = format_minutes(item.minutes)
        detail = "\n".join(part for part in (plain, _("It lasts {time}.").format(time=how_long)) if part)
        items.append(Entry(title or plain, picture_of(item).strip(), detail if title else "",
                           time=format_clock(time, language) if time is not None else "", marked=is_break))
    sections = [Section("cover", _("Our meeting"), COVER_PICTURE, tuple(cover))]
    if items:
        sections.append(Section("agenda", _("What we will do"), AGENDA_PICTURE, tuple(items)))
    return sections


def card_entries(workshop: Workshop | None = None) -> list[Entry]:
    """The room's cards, then one card for each picture the workshop's agenda uses, with the item's title."""
    cards = [Entry(_(words), picture) for picture, words in ROOM_CARDS]
    if workshop is not None:
        seen = {picture for picture, _words in ROOM_CARDS}
        for item in workshop.agenda:
            picture = picture_of(item).strip()
            title = item.title.strip()
            if picture and title and picture not in seen:
                seen.add(picture)
                cards.append(Entry(title, picture))
    return cards
