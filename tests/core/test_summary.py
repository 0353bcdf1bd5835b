"""The easy-read summary as plain data: sections, names, agreement, dates, hard words, reading aloud."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

import pytest

from facilitator.core.choosing import PLAIN_SHAPES
from facilitator.core.deciding import tally
from facilitator.core.demo import demo_workshop
from facilitator.core.model import (
    Action,
    ActionStatus,
    AgendaItem,
    Agreement,
    Decision,
    Facilitator,
    Idea,
    ItemKind,
    Option,
    ParkedQuestion,
    Participant,
    Workshop,
)
from facilitator.core.summary import (
    SECTION_KEYS,
    Entry,
    Names,
    Section,
    hard_words_from,
    summary_sections,
)
from facilitator.language.checker import Checker
from facilitator.language.glossary import Glossary, GlossaryEntry
from facilitator.pictures.catalogue import KIND_PICTURES, PictureCatalogue
from tests.core.samples import ARABIC, EMOJI, full_workshop

BUILT_IN = Glossary.built_in()
HARD_WORDS = hard_words_from(BUILT_IN)
WELSH = "Bydd y ganolfan ar agor bob dydd Sadwrn. Ŵyr ac ŷd."
LONG = ("Rydym eisiau bws am ddim i bawb. " * 400)[:10_000].strip() + " 🚌"


def by_key(sections: list[Section]) -> dict[str, Section]:
    return {section.key: section for section in sections}


def every_string(sections: list[Section]) -> list[str]:
    """Every string the summary holds, and each section read aloud."""
    strings = []
    for section in sections:
        strings += [section.key, section.heading, section.picture, section.spoken()]
        for entry in section.entries:
            strings += [entry.text, entry.picture, entry.detail]
    return strings


def texts(section: Section) -> list[str]:
    return [entry.text for entry in section.entries]


def details(section: Section) -> list[str]:
    return [entry.detail for entry in section.entries]


def private_workshop() -> Workshop:
    """A workshop where every name is one that cannot turn up by chance in the app's own sentences."""
    talk = AgendaItem("Buses", plain_words="We talk about buses.")
    return Workshop(
        "Bus passes",
        date=dt.date(2026, 3, 3),
        start_time=dt.time(10, 0),
        place="Town hall",
        language="en",
        facilitators=[Facilitator("Vera Quinn"), Facilitator("Ulrich Stone", lived_experience=True)],
        participants=[
            Participant(name="Zebedee Quill", alias="Zed"),
            Participant(name="Yolanda Marsh"),
            Participant(alias="Xeno"),
            Participant(),  # came, but nobody wrote a name down
        ],
        agenda=[talk],
        decisions=[
            Decision("Ask for free passes", agreement=Agreement.EVERYONE, suggested_by="Wilhelmina", agreed=True),
            Decision("Meet in May", agreement=Agreement.NOT_YET, suggested_by="Zebedee Quill"),
        ],
        ideas=[Idea("A bus buddy", suggested_by="Zebedee Quill"), Idea("Ask the drivers", suggested_by="Tobias Wren"),
               Idea("Free tea")],
        actions=[Action("Write a letter", who="Yolanda Marsh", by_when=dt.date(2026, 4, 1))],
        parked_questions=[ParkedQuestion("What about trains?", asked_by="Zebedee Quill")],
    )


PRIVATE_NAMES = ("Vera", "Quinn", "Ulrich", "Stone", "Zebedee", "Quill", "Zed", "Yolanda", "Marsh", "Xeno",
                 "Wilhelmina", "Tobias", "Wren")


# -- sections, their order and which are left out ------------------------------------------------


def test_a_full_workshop_has_every_section_in_order():
    workshop = full_workshop(language="en")
    workshop.decisions.append(Decision("Meet in the library", agreement=Agreement.NOT_YET))
    glossary = BUILT_IN.with_group_words(workshop.group_words)

    sections = summary_sections(workshop, hard_words=hard_words_from(glossary), contact="Ann, 01234 567890")

    assert [section.key for section in sections] == list(SECTION_KEYS)
    assert [section.heading for section in sections] == [
        "Notes from our meeting", "Who was there", "What happened since last time", "What we talked about",
        "Our ideas", "What we decided", "What happens next", "What we still need to decide",
        "Questions we kept for later", "Hard words", "Thank you",
    ]
    assert all(isinstance(section.entries, tuple) for section in sections)
    with pytest.raises(dataclasses.FrozenInstanceError):
        sections[0].heading = "changed"  # type: ignore[misc]


def test_an_empty_workshop_has_only_the_cover_and_the_thank_you():
    sections = summary_sections(Workshop("Bus passes"), hard_words=HARD_WORDS)

    assert [section.key for section in sections] == ["cover", "thanks"]
    assert texts(sections[0]) == ["Bus passes"]
    assert texts(sections[1]) == ["Thank you for coming."]


def test_sections_with_only_empty_texts_or_breaks_are_left_out():
    workshop = Workshop(
        "  ",
        agenda=[AgendaItem("Tea", kind=ItemKind.BREAK), AgendaItem("   ", plain_words=" \n ")],
        decisions=[Decision(" ", agreement=Agreement.EVERYONE), Decision("\t", agreement=Agreement.NOT_YET)],
        ideas=[Idea(" \n")],
        actions=[Action("  ", who="Ann", by_when=dt.date(2026, 4, 1)), Action("", who="Ann", carried_from_id="a")],
        parked_questions=[ParkedQuestion("", asked_by="Carys")],
    )

    sections = summary_sections(workshop, hard_words=HARD_WORDS, names=Names.NAMES)

    assert [section.key for section in sections] == ["cover", "thanks"]
    assert sections[0].entries == ()  # no title: the cover is there, with nothing on it
    assert "Ann" not in "".join(every_string(sections))
    assert "Carys" not in "".join(every_string(sections))


def test_nobody_is_thanked_for_an_idea_or_decision_with_no_words():
    workshop = Workshop("Bus passes", ideas=[Idea(" \n", suggested_by="Carys")],
                        decisions=[Decision("", agreed=True, suggested_by="Dee")])
    sections = summary_sections(workshop, names=Names.NAMES)
    assert [section.key for section in sections] == ["cover", "thanks"]
    assert texts(sections[1]) == ["Thank you for coming."]


def test_without_hard_words_there_is_no_hard_words_section():
    workshop = full_workshop("Our personal budgets", language="en")
    assert "words" not in by_key(summary_sections(workshop))
    assert "words" in by_key(summary_sections(workshop, hard_words=HARD_WORDS))


# -- cover and dates ------------------------------------------------------------------------------


def test_the_cover_has_the_title_the_date_in_easy_read_form_the_time_and_the_place():
    cover = summary_sections(full_workshop(language="en"))[0]

    assert cover.key == "cover"
    assert cover.entries == (
        Entry("Bus passes"),
        Entry("Tuesday 3 March 2026", "calendar", "We started at 10:00."),
        Entry("Town hall", "building"),
    )


def test_a_time_without_a_date_stands_on_its_own():
    workshop = Workshop("Bus passes", start_time=dt.time(14, 5), language="en")
    assert summary_sections(workshop)[0].entries[1] == Entry("We started at 14:05.", "clock")


def test_dates_follow_the_workshops_language():
    cover = summary_sections(full_workshop())[0]  # the sample workshop is in Welsh
    assert cover.entries[1].text == "Dydd Mawrth 3 Mawrth 2026"


def test_every_date_is_in_easy_read_form():
    workshop = full_workshop(language="en")
    workshop.actions.append(Action("Ring the bus company", by_when=dt.date(2026, 12, 25)))

    sections = summary_sections(workshop)
    everything = "\n".join(every_string(sections))

    assert "Tuesday 3 March 2026" in everything
    assert "By Friday 25 December 2026." in details(by_key(sections)["next"])
    assert not re.search(r"\d(st|nd|rd|th)\b|\d/\d|\d{4}-\d\d", everything)


def test_an_unknown_language_still_gives_dates():
    workshop = Workshop("Bus passes", date=dt.date(2026, 3, 3), language="not a language")
    assert summary_sections(workshop)[0].entries[1].text == "Tuesday 3 March 2026"
    workshop.language = "en-GB"
    assert summary_sections(workshop)[0].entries[1].text == "Tuesday 3 March 2026"


# -- names ----------------------------------------------------------------------------------------


def test_by_default_the_summary_only_counts_people():
    sections = summary_sections(private_workshop(), hard_words=HARD_WORDS, contact="Ring the office")

    assert texts(by_key(sections)["who"]) == ["4 people came.", "2 people ran the meeting."]
    for string in every_string(sections):
        for name in PRIVATE_NAMES:
            assert name.lower() not in string.lower(), (name, string)


@pytest.mark.parametrize("names", [Names.ALIASES, Names.NAMES])
def test_the_private_names_check_would_catch_a_name(names):
    # The same workshop with names shown: the check above is not passing because the names are missing.
    everything = "\n".join(every_string(summary_sections(private_workshop(), names=names)))
    assert "Wilhelmina" in everything
    assert "Yolanda" in everything


def test_one_person_is_counted_in_the_singular():
    workshop = Workshop("Bus passes", participants=[Participant("Carys")], facilitators=[Facilitator("Ann")])
    assert texts(by_key(summary_sections(workshop))["who"]) == ["1 person came.", "1 person ran the meeting."]


def test_aliases_are_used_where_people_chose_one():
    sections = by_key(summary_sections(private_workshop(), names=Names.ALIASES))

    assert texts(sections["who"]) == ["Zed", "Yolanda Marsh", "Xeno", "1 more person came.",
                                      "2 people ran the meeting."]
    # A full name written elsewhere becomes the alias too.
    assert sections["undecided"].entries == (Entry("Meet in May", "", "Idea from Zed."),)
    assert sections["later"].entries == (Entry("What about trains?", "", "Zed asked this."),)
    assert "Zebedee" not in "\n".join(every_string(list(sections.values())))
    assert details(sections["next"]) == ["Yolanda Marsh will do this by Wednesday 1 April 2026."]
    assert details(sections["decided"]) == ["Everyone agreed. Idea from Wilhelmina."]
    assert sections["ideas"].entries == (
        Entry("A bus buddy", "", "Idea from Zed."),
        Entry("Ask the drivers", "", "Idea from Tobias Wren."),
        Entry("Free tea"),
    )


def test_names_are_used_when_the_facilitator_chooses_them():
    sections = by_key(summary_sections(private_workshop(), names="names"))  # the value works as well

    assert texts(sections["who"]) == ["Zebedee Quill", "Yolanda Marsh", "Xeno", "1 more person came.",
                                      "Vera Quinn and Ulrich Stone ran the meeting."]
    assert details(sections["undecided"]) == ["Idea from Zebedee Quill."]
    assert details(sections["later"]) == ["Zebedee Quill asked this."]
    assert details(sections["ideas"]) == ["Idea from Zebedee Quill.", "Idea from Tobias Wren.", ""]
    # Who suggested a decision first, then who had an idea, each once.
    assert texts(sections["thanks"])[1] == "Thank you to Wilhelmina, Zebedee Quill, and Tobias Wren for their ideas."
    aliased = by_key(summary_sections(private_workshop(), names=Names.ALIASES))["thanks"]
    assert texts(aliased)[1] == "Thank you to Wilhelmina, Zed, and Tobias Wren for their ideas."


def test_ideas_are_listed_without_names_by_default():
    sections = by_key(summary_sections(private_workshop()))
    assert sections["ideas"].entries == (Entry("A bus buddy"), Entry("Ask the drivers"), Entry("Free tea"))
    assert sections["ideas"].heading == "Our ideas" and sections["ideas"].picture == "idea"
    assert texts(sections["thanks"]) == ["Thank you for coming."]


def test_people_with_no_name_written_down_are_still_counted():
    workshop = Workshop("Bus passes", participants=[Participant(), Participant(" ", alias=" ")])
    for names in Names:
        assert texts(by_key(summary_sections(workshop, names=names))["who"]) == ["2 people came."]


# -- what we talked about, decided, do next and still need to decide ---------------------------------


def test_what_we_talked_about_leaves_out_breaks_and_uses_each_items_picture():
    workshop = full_workshop(language="en")
    workshop.agenda.insert(1, AgendaItem("Tea break", kind=ItemKind.BREAK, picture="tea"))

    talked = by_key(summary_sections(workshop))["talked"]

    assert talked.entries == (
        Entry("Welcome", "wave", "Hello"),
        Entry("Talking about buses", KIND_PICTURES[ItemKind.DISCUSSION]),
        Entry("Goodbye", KIND_PICTURES[ItemKind.CLOSE]),
    )


@pytest.mark.parametrize(
    ("agreement", "counts", "words"),
    [
        (Agreement.EVERYONE, (0, 0, 0), "Everyone agreed."),
        (Agreement.COUNTED, (9, 2, 1), "9 people agreed. 2 people were not sure. 1 person did not agree."),
        (Agreement.COUNTED, (1, 1, 2), "1 person agreed. 1 person was not sure. 2 people did not agree."),
        (Agreement.COUNTED, (7, 0, 0), "7 people agreed."),
        (Agreement.COUNTED, (5, 0, 3), "5 people agreed. 3 people did not agree."),
        (Agreement.COUNTED, (0, 4, 0), "4 people were not sure."),
        (Agreement.COUNTED, (0, 0, 0), ""),
        (Agreement.NOT_YET, (3, 0, 0), ""),  # agreed as written, without saying how
    ],
)
def test_how_people_agreed_is_said_in_numbers_and_words(agreement, counts, words):
    agree, not_sure, disagree = counts
    options = [Option("May.", count=agree), Option(" June ", count=not_sure), Option("July", count=disagree)]
    decision = Decision("Ask for free passes", picture="bus", agreement=agreement, agree=agree, not_sure=not_sure,
                        disagree=disagree, suggested_by="Dee", agreed=True,
                        options=options if agreement is Agreement.CHOSEN else [])
    workshop = Workshop("Bus passes", decisions=[decision])

    decided = by_key(summary_sections(workshop))["decided"]

    assert decided.entries == (Entry("Ask for free passes", "bus", words),)
    assert "%" not in decided.spoken()


@pytest.mark.parametrize(("counts", "details"), [
    ((6, 1, 0), ["6 people chose this. Most people chose this.", "1 person chose this.", "0 people chose this."]),
    ((2, 2, 2), ["2 people chose this.", "2 people chose this.", "2 people chose this."]),  # a tie: none is marked
], ids=["one chosen most", "a tie"])
def test_each_option_follows_its_decision_with_its_own_picture_and_count(counts, details):
    options = [Option("May.", picture="calendar", count=counts[0]), Option(" June ", count=counts[1]),
               Option("July", count=counts[2]), Option("  ", count=4)]
    decision = Decision("Meet again in the summer", picture="sun", agreement=Agreement.CHOSEN, suggested_by="Dee",
                        agreed=True, options=options)

    decided = by_key(summary_sections(Workshop("Trips", decisions=[decision]), names=Names.NAMES))["decided"]

    # The decision, then each option with words, as typed, with the picture the big screen showed for it:
    # the one chosen, or a plain shape of its own (never two the same).
    assert [(e.text, e.picture, e.detail) for e in decided.entries] == [
        ("Meet again in the summer", "sun", "Idea from Dee."),
        ("May.", "calendar", details[0]), ("June", PLAIN_SHAPES[0], details[1]), ("July", PLAIN_SHAPES[1], details[2]),
    ]
    assert [e.picture for e in decided.entries[1:]] == [count.picture for count in tally(decision)[:3]]
    assert [e.marked for e in decided.entries] == [False, details[0].endswith("Most people chose this."), False, False]
    assert decided.spoken().split("\n")[:5] == [
        "What we decided.", "Meet again in the summer.", "Idea from Dee.", "May.", details[0]]
    assert "%" not in decided.spoken()


def test_questions_kept_for_later_have_their_own_section_after_what_is_still_to_decide():
    workshop = full_workshop(language="en")
    workshop.decisions.insert(0, Decision("Meet in the library", picture="library", agreement=Agreement.NOT_YET))
    workshop.parked_questions.append(ParkedQuestion("Can we have a lift?"))

    sections = summary_sections(workshop)
    by_name = by_key(sections)

    assert texts(by_name["decided"]) == ["Ask for free passes", "Meet again in May", "May", "June"]
    # Decisions written down but not agreed are still to decide; a question kept for later is not a decision.
    assert by_name["undecided"].entries == (Entry("Meet in the library", "library"),)
    assert by_name["undecided"].heading == "What we still need to decide"
    assert by_name["later"].entries == (Entry("What about trains?"), Entry("Can we have a lift?"))
    assert (by_name["later"].heading, by_name["later"].picture) == ("Questions we kept for later", "wait")
    keys = [section.key for section in sections]
    assert keys.index("later") == keys.index("undecided") + 1
    assert by_name["later"].spoken() == "Questions we kept for later.\nWhat about trains?\nCan we have a lift?"


def test_questions_kept_for_later_without_decisions_still_to_make():
    workshop = Workshop("Bus passes", parked_questions=[ParkedQuestion("What about trains?")],
                        decisions=[Decision("Ask for free passes", agreed=True)])
    keys = [section.key for section in summary_sections(workshop)]
    assert "undecided" not in keys and "later" in keys


@pytest.mark.parametrize("agreement", list(Agreement))
def test_only_decisions_agreed_as_written_are_decided_however_people_showed_it(agreement):
    counted = Decision("Open on Saturdays", picture="calendar", agreement=agreement, agree=9, not_sure=1,
                       options=[Option("Yes", count=9)], suggested_by="Dee")
    agreed = Decision("Ask for free passes", agreement=agreement, agree=9, options=[Option("Yes", count=9)],
                      agreed=True)
    sections = by_key(summary_sections(Workshop("Bus passes", decisions=[counted, agreed]), names=Names.NAMES))

    # When the room chose between options, each option follows the decision.
    assert texts(sections["decided"]) == ["Ask for free passes"] + (["Yes"] if agreement is Agreement.CHOSEN else [])
    # Not read back and agreed yet: still to decide, with no counts, even when people were counted.
    assert sections["undecided"].entries == (Entry("Open on Saturdays", "calendar", "Idea from Dee."),)


def test_since_last_time_lists_carried_actions_and_what_happened_to_them():
    workshop = Workshop("Bus passes", language="en", actions=[
        Action("Write to the council", who="Ann", status=ActionStatus.DONE, carried_from_id="a1"),
        Action("Ring the bus company", by_when=dt.date(2026, 3, 10), status=ActionStatus.STUCK, carried_from_id="a2"),
        Action("Find a bigger room", status=ActionStatus.NOT_YET, carried_from_id="a3"),
        Action("Ask the drivers", who="Bo", status=ActionStatus.TO_DO, carried_from_id="a4"),
        Action("Send the notes", who="Bo", by_when=dt.date(2026, 4, 1)),
        Action("  ", carried_from_id="a5"),
    ])

    named = by_key(summary_sections(workshop, names=Names.NAMES))
    counted = by_key(summary_sections(workshop))

    assert named["since"].heading == "What happened since last time" and named["since"].picture == "look back"
    assert texts(named["since"]) == ["Write to the council", "Ring the bus company", "Find a bigger room",
                                     "Ask the drivers"]
    assert details(named["since"]) == ["Ann will do this. This is done.", "By Tuesday 10 March 2026. This is stuck.",
                                       "This is not done yet.", "Bo will do this."]
    assert details(counted["since"])[0] == "This is done."
    # What happens next is only this meeting's own actions.
    assert named["next"].entries == (Entry("Send the notes", "", "Bo will do this by Wednesday 1 April 2026."),)
    assert [s.key for s in summary_sections(Workshop("x", actions=[Action("New")]))] == ["cover", "next", "thanks"]


def test_what_happens_next_says_who_by_when_and_what_happened():
    workshop = Workshop("Bus passes", language="en", actions=[
        Action("Write to the council", who="Ann", by_when=dt.date(2026, 4, 1)),
        Action("Book the room", who="Bo", status=ActionStatus.DONE),
        Action("Ring the bus company", by_when=dt.date(2026, 3, 10), status=ActionStatus.STUCK),
        Action("Find a bigger room", status=ActionStatus.NOT_YET),
    ])

    named = by_key(summary_sections(workshop, names=Names.NAMES))["next"]
    counted = by_key(summary_sections(workshop))["next"]

    assert texts(named) == ["Write to the council", "Book the room", "Ring the bus company", "Find a bigger room"]
    assert details(named) == [
        "Ann will do this by Wednesday 1 April 2026.",
        "Bo will do this. This is done.",
        "By Tuesday 10 March 2026. This is stuck.",
        "This is not done yet.",
    ]
    assert details(counted) == [
        "By Wednesday 1 April 2026.", "This is done.", "By Tuesday 10 March 2026. This is stuck.",
        "This is not done yet.",
    ]


def test_thank_you_with_and_without_a_contact():
    workshop = Workshop("Bus passes")

    plain = by_key(summary_sections(workshop))["thanks"]
    with_contact = by_key(summary_sections(workshop, contact="  Ann Jones, 01234 567890\n"))["thanks"]

    assert plain.entries == (Entry("Thank you for coming.", "", "Thank you for sharing your ideas."),)
    assert with_contact.entries == (
        *plain.entries,
        Entry("You can ask us about anything in these notes.", "phone", "Ann Jones, 01234 567890"),
    )


# -- hard words -----------------------------------------------------------------------------------


def test_hard_words_lists_each_term_used_once_in_the_order_it_is_first_used():
    workshop = Workshop(
        "Planning the new day centre",
        language="en",
        participants=[Participant("Grace Carer")],  # a name is never taken for a hard word
        agenda=[AgendaItem("Our GP", plain_words="We talk about day centres.")],
        decisions=[Decision("Ask about a personal budget", agreement=Agreement.EVERYONE, suggested_by="Advocate")],
        actions=[Action("Ask the GP again", who="Carer")],
        parked_questions=[ParkedQuestion("What is respite?")],
    )
    for entry_term in ("day service", "general practitioner", "personal budget", "respite", "carer", "advocate"):
        assert BUILT_IN.entry(entry_term) is not None, entry_term

    for names in Names:
        words = by_key(summary_sections(workshop, hard_words=HARD_WORDS, names=names))["words"]
        assert texts(words) == ["day centre", "GP", "personal budget", "respite"]
        assert details(words) == [
            BUILT_IN.entry("day service").plain,
            BUILT_IN.entry("general practitioner").plain,
            BUILT_IN.entry("personal budget").plain,
            BUILT_IN.entry("respite").plain,
        ]


def test_hard_words_are_exactly_the_glossary_terms_found_in_the_other_sections():
    _group, workshop = demo_workshop(dt.date(2026, 2, 1))
    glossary = BUILT_IN.with_group_words(workshop.group_words)
    hard_words = hard_words_from(glossary)

    sections = summary_sections(workshop, hard_words=hard_words, names=Names.NAMES)

    found = []
    for section in sections:
        if section.key in ("words", "who"):
            continue
        for text in (section.heading, *(part for entry in section.entries for part in (entry.text, entry.detail))):
            found += [term for term, _meaning in hard_words(text)]
    expected = list(dict.fromkeys(found))
    assert expected  # the demo does use some glossary words
    assert texts(by_key(sections)["words"]) == expected


def test_a_groups_own_word_is_explained_the_groups_way():
    workshop = Workshop("Bus passes", decisions=[Decision("Talk to the council", agreement=Agreement.EVERYONE)])
    glossary = Glossary([GlossaryEntry("council", "The people who run the town.")])

    words = by_key(summary_sections(workshop, hard_words=hard_words_from(glossary)))["words"]

    assert words.entries == (Entry("council", "", "The people who run the town."),)


# -- reading aloud --------------------------------------------------------------------------------


def test_spoken_reads_the_heading_then_each_entry_as_sentences():
    workshop = full_workshop(language="en")
    for section in summary_sections(workshop, hard_words=HARD_WORDS, contact="Ann, 01234 567890"):
        lines = section.spoken().split("\n")
        assert lines[0] == section.heading + "."
        assert all(line.strip() == line and line for line in lines)
        assert all(line[-1] in ".?" for line in lines), lines

    decided = by_key(summary_sections(workshop))["decided"]
    assert decided.spoken() == (
        "What we decided.\n"
        "Ask for free passes.\n"
        "7 people agreed. 2 people were not sure.\n"
        "Meet again in May.\n"
        "May.\n"
        "6 people chose this. Most people chose this.\n"
        "June.\n"
        "2 people chose this."
    )
    ideas = by_key(summary_sections(workshop, names=Names.NAMES))["ideas"]
    assert ideas.spoken() == (
        "Our ideas.\nA bus buddy for new riders.\nIdea from Carys.\nAsk the drivers to come."
    )
    since = by_key(summary_sections(workshop))["since"]
    assert since.spoken() == "What happened since last time.\nBook the room.\nThis is done."

    assert "undecided" not in by_key(summary_sections(workshop))
    later = by_key(summary_sections(workshop))["later"]
    assert later.spoken() == "Questions we kept for later.\nWhat about trains?"


def test_spoken_puts_each_line_of_a_text_on_its_own_line():
    section = Section("talked", "What we talked about", "talk", (
        Entry("Buses\n\nand trains", detail="  Say “yes”  \r\nOr say no!"),
    ))
    assert section.spoken() == "What we talked about.\nBuses.\nand trains.\nSay “yes”.\nOr say no!"
    assert Section("talked", "Heading", "", (Entry("He said “yes.”"),)).spoken() == "Heading.\nHe said “yes.”"


def test_the_apps_own_sentences_are_easy_read():
    # Every text of this workshop is one plain word, so anything the checker finds is the app's own wording.
    workshop = Workshop(
        "Buses", date=dt.date(2026, 3, 3), start_time=dt.time(10, 0), place="Library", language="en",
        facilitators=[Facilitator("Ann"), Facilitator("Bo")],
        participants=[Participant("Carys"), Participant(alias="Dee"), Participant()],
        agenda=[AgendaItem("Buses", plain_words="Buses.")],
        decisions=[Decision("Buses", agreement=Agreement.COUNTED, agree=9, not_sure=2, disagree=1, suggested_by="Dee",
                            agreed=True),
                   Decision("Trains", agreement=Agreement.EVERYONE, agreed=True),
                   Decision("Vans", agreement=Agreement.CHOSEN, agreed=True,
                            options=[Option("Vans", count=6), Option("Cars", count=1)]),
                   Decision("Taxis", agreement=Agreement.NOT_YET, suggested_by="Carys")],
        ideas=[Idea("Bikes", suggested_by="Dee"), Idea("Walks")],
        actions=[Action("Letter", who="Ann", by_when=dt.date(2026, 4, 1), status=ActionStatus.STUCK),
                 Action("Phone", by_when=dt.date(2026, 4, 1), status=ActionStatus.DONE),
                 Action("Post", who="Bo", status=ActionStatus.NOT_YET, carried_from_id="earlier")],
        parked_questions=[ParkedQuestion("Trains?", asked_by="Carys")],
    )
    checker = Checker(BUILT_IN, "en")
    for names in Names:
        for section in summary_sections(workshop, hard_words=HARD_WORDS, names=names, contact="Ann"):
            for text in (section.heading, *(part for entry in section.entries for part in (entry.text, entry.detail))):
                assert checker.check(text) == [], text


def test_every_picture_the_summary_chooses_is_in_the_catalogue():
    catalogue = PictureCatalogue.load()
    workshop = full_workshop(language="en")
    workshop.agenda.append(AgendaItem("Something else", kind=ItemKind.OTHER))
    sections = summary_sections(workshop, contact="Ann")

    chosen = {section.picture for section in sections}
    chosen |= {entry.picture for section in sections if section.key != "talked" for entry in section.entries}
    chosen |= {KIND_PICTURES[ItemKind.OTHER]}
    chosen.discard("")
    assert len(chosen) >= 8
    for picture in chosen:
        assert catalogue.resolve(picture) is not None, picture


# -- texts of every kind --------------------------------------------------------------------------


@pytest.mark.parametrize("words", [EMOJI, ARABIC, WELSH, LONG, "Mixed: مرحبا and hello 👋🏽"])
def test_any_text_comes_through_as_written(words):
    workshop = Workshop(
        f"  {words}  ", date=dt.date(2026, 3, 3), place=words, language="ar" if words == ARABIC else "cy",
        participants=[Participant(name=words, alias=words)],
        agenda=[AgendaItem(words, plain_words=words)],
        decisions=[Decision(words, agreement=Agreement.EVERYONE, suggested_by=words, agreed=True),
                   Decision(words, agreement=Agreement.NOT_YET)],
        ideas=[Idea(f" {words} ", suggested_by=words)],
        actions=[Action(f"\n{words}\n", who=words, by_when=dt.date(2026, 4, 1)),
                 Action(words, status=ActionStatus.STUCK, carried_from_id="earlier")],
        parked_questions=[ParkedQuestion(words, asked_by=words)],
    )
    for names in Names:
        sections = by_key(summary_sections(workshop, hard_words=HARD_WORDS, names=names, contact=words))
        assert texts(sections["cover"])[0] == words
        assert texts(sections["talked"]) == [words]
        assert details(sections["talked"]) == [words]
        assert texts(sections["decided"]) == [words]
        assert texts(sections["ideas"]) == [words]
        assert details(sections["ideas"]) == ([""] if names is Names.COUNT else [f"Idea from {words}."])
        assert texts(sections["since"]) == [words]
        assert texts(sections["next"]) == [words]
        assert texts(sections["undecided"]) == [words]
        assert texts(sections["later"]) == [words]
        assert sections["thanks"].entries[-1].detail == words
        for section in sections.values():
            spoken = section.spoken()
            assert spoken.startswith(section.heading)
            if section.key in ("since", "talked", "ideas", "decided", "next", "undecided", "later"):
                assert words in spoken
        assert texts(sections["who"]) == (["1 person came."] if names is Names.COUNT else [words])


def test_a_date_in_arabic_comes_out_in_arabic():
    workshop = Workshop(ARABIC, date=dt.date(2026, 3, 3), language="ar")
    cover = summary_sections(workshop)[0]
    assert cover.entries[0].text == ARABIC
    assert "2026" in cover.entries[1].text
    assert "Tuesday" not in cover.entries[1].text
