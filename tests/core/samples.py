"""A sample workshop with every kind of part, and the ids in a workshop, shared by the core tests."""

from __future__ import annotations

import datetime as dt

from facilitator.core.model import (
    WORKSHOP_PARTS,
    AccessNeed,
    Action,
    ActionStatus,
    AgendaItem,
    Agreement,
    Decision,
    Facilitator,
    Group,
    GroupWord,
    Idea,
    ItemKind,
    ItemTiming,
    Option,
    ParkedQuestion,
    Participant,
    Pronunciation,
    Workshop,
)

ARABIC = "نقرر معاً ما نطلبه من المجلس"
EMOJI = "🚌👩🏽‍🦯✅🗳️"


def full_workshop(
    title: str = "Bus passes",
    *,
    language: str = "cy",
    group: Group | None = None,
    group_id: str | None = None,
    emoji: bool = False,
    arabic: bool = False,
    spread_links: bool = False,
    dee_name: str = "",
    two_of_each: bool = False,
    **values,
) -> Workshop:
    """A workshop with some of every part, and links into its agenda.

    By default: "Bus passes", in Welsh ("cy"), in no group. The agenda is Welcome, Talking about
    buses (Bo leads it; bring the bus map and pens), Goodbye. Two facilitators (Ann leads, Bo has lived
    experience); two participants, both ticked as came (Carys, with access needs, and Dee, known only by an
    alias); two decisions, two actions, one parked
    question, one group word, and two timings (the talk ran from 10:19 to 11:05, then a break not on
    the agenda from 11:05 to 11:15). Every link is to the talk: the first decision, the first action and
    the parked question, the first idea and the first timing belong to it; the second decision, the second
    idea, the second action and the second timing belong to no item. Both decisions were agreed as
    written: the first by counting (7 agree, 2 not sure), the second by choosing May (6) over June (2).
    Two ideas (Carys's bus buddy, and asking the drivers); "Book the room" was carried over from an
    earlier meeting. Two pronunciations: Carys's name, and "Dŵr Cymru".

    - ``title``, ``language``, ``group_id`` (or ``group``, for its id) and any other workshop field
      given by name are the workshop's own values.
    - ``emoji``: emoji at the end of the title and in the welcome's title.
    - ``arabic``: the talk's notes are in Arabic, written right to left.
    - ``spread_links``: the links go to every agenda item: the parked question belongs to the welcome
      and "Book the room" to the goodbye (to the welcome when there is no goodbye).
    - ``dee_name``: Dee's full name, besides the alias.
    - ``two_of_each``: exactly two of every kind of part: no goodbye, and a second parked question and
      a second group word, neither linked.
    """
    if group is not None:
        if group_id not in (None, group.id):
            raise ValueError("give the group or its id, not both")
        group_id = group.id
    welcome = AgendaItem(
        "Welcome 👋" if emoji else "Welcome", minutes=15, kind=ItemKind.WELCOME, picture="wave", plain_words="Hello"
    )
    talk = AgendaItem("Talking about buses", minutes=40, notes=ARABIC if arabic else "Bring the map", led_by="Bo",
                      to_bring="The bus map, pens")
    close = None if two_of_each else AgendaItem("Goodbye", minutes=5, kind=ItemKind.CLOSE)
    agenda = [welcome, talk] if close is None else [welcome, talk, close]
    if spread_links:
        question_in, booking_in = welcome.id, (close or welcome).id
    else:
        question_in, booking_in = talk.id, None
    parked_questions = [ParkedQuestion("What about trains?", asked_by="Carys", agenda_item_id=question_in)]
    group_words = [GroupWord("Council", "The people who run the town", agreed=True)]
    if two_of_each:
        parked_questions.append(ParkedQuestion("Taxis?"))
        group_words.append(GroupWord("Pass", "A card"))
    fields = {
        "title": title + " " + EMOJI if emoji else title,
        "purpose": "Decide what to ask the council",
        "date": dt.date(2026, 3, 3),
        "start_time": dt.time(10, 0),
        "room_booked_until": dt.time(12, 30),
        "place": "Town hall",
        "language": language,
        "group_id": group_id,
        "facilitators": [Facilitator("Ann", role="lead"), Facilitator("Bo", lived_experience=True)],
        "participants": [
            Participant(name="Carys", access_needs=[AccessNeed.LARGE_PRINT, AccessNeed.AUDIO], other_needs="Dog",
                        came=True),
            Participant(name=dee_name, alias="Dee", access_needs=[AccessNeed.STEP_FREE], came=True),
        ],
        "agenda": agenda,
        "decisions": [
            Decision(
                "Ask for free passes", agenda_item_id=talk.id, agreement=Agreement.COUNTED, agree=7, not_sure=2, agreed=True
            ),
            Decision(
                "Meet again in May", agreement=Agreement.CHOSEN, suggested_by="Dee", agreed=True,
                options=[Option("May", picture="calendar", count=6), Option("June", count=2)],
            ),
        ],
        "ideas": [
            Idea("A bus buddy for new riders", suggested_by="Carys", agenda_item_id=talk.id),
            Idea("Ask the drivers to come"),
        ],
        "actions": [
            Action("Write to the council", who="Ann", by_when=dt.date(2026, 4, 1), agenda_item_id=talk.id),
            Action("Book the room", status=ActionStatus.DONE, agenda_item_id=booking_in, carried_from_id="earlier0action"),
        ],
        "parked_questions": parked_questions,
        "group_words": group_words,
        "timings": [
            ItemTiming(dt.datetime(2026, 3, 3, 10, 19), dt.datetime(2026, 3, 3, 11, 5, 30), agenda_item_id=talk.id),
            ItemTiming(dt.datetime(2026, 3, 3, 11, 5, 30), dt.datetime(2026, 3, 3, 11, 15)),
        ],
        "pronunciations": [Pronunciation("Carys", "Kar-iss"), Pronunciation("Dŵr Cymru", "Door Kum-ree")],
    }
    return Workshop(**{**fields, **values})


def all_ids(workshop: Workshop) -> list[str]:
    """The workshop's id, then the id of each of its parts."""
    return [workshop.id] + [obj.id for part in WORKSHOP_PARTS for obj in getattr(workshop, part)]
