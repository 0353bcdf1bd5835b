"""Deciding together: how a room agreed, in words and counts, and carrying a meeting over to the next."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from facilitator.core import deciding, exchange
from facilitator.core.deciding import (
    Count,
    carry_over,
    how_agreed,
    next_meeting,
    next_meeting_day,
    previous_meeting,
    tally,
)
from facilitator.core.model import (
    Action,
    ActionStatus,
    AgendaItem,
    Agreement,
    Decision,
    Group,
    ItemKind,
    Option,
    ParkedQuestion,
    Participant,
    Workshop,
)
from facilitator.pictures.catalogue import PictureCatalogue
from tests.core.samples import ARABIC, EMOJI, full_workshop


def counted(agree: int, not_sure: int, disagree: int) -> Decision:
    return Decision("Open on Saturdays", agreement=Agreement.COUNTED, agree=agree, not_sure=not_sure, disagree=disagree)


def chosen(*counts: int) -> Decision:
    words = ["May", "June", "July", "August"]
    return Decision("Meet again", agreement=Agreement.CHOSEN,
                    options=[Option(words[n], picture=f"p{n}", count=c) for n, c in enumerate(counts)])


# -- how the room agreed ----------------------------------------------------------------------


@pytest.mark.parametrize(("decision", "said"), [
    (Decision("x", agree=5), []),  # not asked yet: nothing to say, whatever the counts
    (Decision("x", agreement=Agreement.EVERYONE, agree=3, disagree=1), ["Everyone agreed."]),
    (counted(9, 2, 1), ["9 people agreed.", "2 people were not sure.", "1 person did not agree."]),
    (counted(1, 1, 2), ["1 person agreed.", "1 person was not sure.", "2 people did not agree."]),
    (counted(0, 4, 0), ["4 people were not sure."]),
    (counted(7, 0, 3), ["7 people agreed.", "3 people did not agree."]),
    (counted(0, 0, 0), []),
    (chosen(6, 2), ["6 people chose “May”.", "2 people chose “June”."]),  # months keep their capital
    (chosen(1, 0, 1), ["1 person chose “May”.", "0 people chose “June”.", "1 person chose “July”."]),
    (Decision("x", agreement=Agreement.CHOSEN), []),
])
def test_how_agreed_says_it_in_short_sentences(decision, said):
    assert how_agreed(decision) == said


def test_how_agreed_leaves_out_options_with_no_words_and_ends_each_sentence_once():
    decision = Decision("x", agreement=Agreement.CHOSEN, options=[
        Option("  ", count=3), Option(" The park. ", count=4), Option(EMOJI, count=2), Option(ARABIC, count=1)])
    assert how_agreed(decision) == [
        "4 people chose the park.", f"2 people chose {EMOJI}.", f"1 person chose {ARABIC}.",
    ]


@given(st.sampled_from(Agreement), st.lists(st.integers(0, 10_000), min_size=3, max_size=12))
def test_never_a_percentage_and_every_count_as_a_number(agreement, numbers):
    decision = Decision("x", agreement=agreement, agree=numbers[0], not_sure=numbers[1], disagree=numbers[2],
                        options=[Option(f"Option {n}", count=c) for n, c in enumerate(numbers)])
    said = how_agreed(decision)
    counts = tally(decision)
    assert not any("%" in text for text in said + [count.words for count in counts])
    if agreement is Agreement.CHOSEN:
        assert [count.count for count in counts] == numbers
        assert len(said) == len(numbers) and all(str(c) in s for c, s in zip(numbers, said))
    # The one answer marked "most" is the one strictly highest, when there is one.
    values = [count.count for count in counts]
    marked = [count for count in counts if count.most]
    if values and max(values) > 0 and values.count(max(values)) == 1:
        assert marked == [counts[values.index(max(values))]]
    else:
        assert marked == []


# -- the tally on the big screen ----------------------------------------------------------------------


@pytest.mark.parametrize(("numbers", "most"), [
    ((7, 2, 0), 0), ((0, 0, 3), 2), ((2, 5, 5), None), ((4, 4, 4), None), ((0, 0, 0), None), ((0, 1, 0), 1),
])
def test_a_counted_tally_keeps_every_answer_and_marks_only_a_clear_most(numbers, most):
    counts = tally(counted(*numbers))
    assert [(c.picture, c.count, c.words) for c in counts] == [
        ("thumbs up", numbers[0], "agree"), ("not sure", numbers[1], "not sure"), ("thumbs down", numbers[2], "disagree"),
    ]
    assert [c.most for c in counts] == [n == most for n in range(3)]


def test_a_chosen_tally_has_one_answer_per_option_with_its_picture():
    assert tally(chosen(6, 2, 0)) == [Count("p0", 6, "May", most=True), Count("p1", 2, "June"), Count("p2", 0, "July")]
    assert not any(c.most for c in tally(chosen(3, 3, 1)))
    decision = Decision("x", agreement=Agreement.CHOSEN, options=[Option("  Café 🍵 ", count=1)])
    assert tally(decision) == [Count("openmoji:1F534", 1, "Café 🍵", most=True)]  # a plain picture of its own


@pytest.mark.parametrize("agreement", [Agreement.NOT_YET, Agreement.EVERYONE])
def test_nothing_to_tally_when_nothing_was_counted(agreement):
    assert tally(Decision("x", agreement=agreement, agree=4, options=[Option("May", count=4)])) == []
    assert tally(Decision("x", agreement=Agreement.CHOSEN)) == []


def test_every_picture_deciding_uses_is_in_the_catalogue():
    catalogue = PictureCatalogue.load()
    for name in (deciding.AGREE_PICTURE, deciding.NOT_SURE_PICTURE, deciding.DISAGREE_PICTURE,
                 deciding.CHOICE_PICTURE, deciding.LAST_TIME_PICTURE, deciding.ACTIONS_PICTURE,
                 deciding.STILL_TO_DECIDE_PICTURE, deciding.QUESTIONS_PICTURE):
        assert catalogue.resolve(name) is not None, name


# -- the option chosen --------------------------------------------------------------------------------


@pytest.mark.parametrize(("counts", "expected"), [
    ((), None), ((0, 0), None), ((3, 3, 1), None), ((1, 4, 2), "June"), ((5,), "May"), ((0, 0, 1), "July"),
])
def test_chosen_is_the_single_top_option(counts, expected):
    decision = chosen(*counts)
    top = decision.chosen()
    assert (top.words if top else None) == expected
    if top is not None:
        assert top is next(option for option in decision.options if option.words == expected)


# -- the meeting before ---------------------------------------------------------------------------------


def meetings_of_a_group():
    group, other = "tuesday-group", "thursday-group"
    january = Workshop("January", date=dt.date(2026, 1, 6), group_id=group)
    february = Workshop("February", date=dt.date(2026, 2, 3), group_id=group)
    march = Workshop("March", date=dt.date(2026, 3, 3), group_id=group)
    undated = Workshop("Some day", group_id=group)
    elsewhere = Workshop("Other group", date=dt.date(2026, 2, 28), group_id=other)
    return [march, undated, january, elsewhere, february], january, february, march, undated


def test_the_meeting_before_is_the_latest_one_of_the_group_before_its_date():
    meetings, january, february, march, undated = meetings_of_a_group()
    assert previous_meeting(meetings, march) is february  # not the other group's, on 28 February
    assert previous_meeting(meetings, february) is january
    assert previous_meeting(meetings, january) is None
    same_day = Workshop("Also 3 February", date=dt.date(2026, 2, 3), group_id=march.group_id)
    assert previous_meeting(meetings, same_day) is january  # on the same day is not before
    later = Workshop("April", date=dt.date(2026, 4, 7), group_id=march.group_id)
    assert previous_meeting(meetings, later) is march


def test_an_undated_meeting_follows_the_latest_dated_one_and_is_never_itself_the_one_before():
    meetings, _january, _february, march, undated = meetings_of_a_group()
    assert previous_meeting(meetings, undated) is march
    assert previous_meeting([undated], undated) is None
    assert previous_meeting([march], march) is None
    assert previous_meeting([], march) is None


# -- carrying over to the next meeting --------------------------------------------------------------------


def test_carry_over_opens_with_what_was_decided_and_asks_about_the_open_actions():
    previous = full_workshop(language="en")
    previous.decisions.insert(1, Decision("Meet in the library", agreement=Agreement.COUNTED, agree=3))  # not agreed
    previous.actions.append(Action("Ring the bus company", status=ActionStatus.STUCK))
    previous.actions.append(Action("  ", status=ActionStatus.NOT_YET))
    before = json.dumps(exchange.workshop_document(previous, None)["workshop"])

    carried = carry_over(previous, "en")

    decided, asking, _still, _kept = carried.items
    assert (decided.title, decided.kind, decided.picture, decided.minutes) == (
        "What we decided last time", ItemKind.LOOK_BACK, "look back", 10)
    assert decided.plain_words == "On Tuesday 3 March 2026 we decided:\n• Ask for free passes\n• Meet again in May"
    assert (asking.title, asking.kind, asking.picture) == ("What happened to the actions", ItemKind.LOOK_BACK, "check")
    assert asking.plain_words == (
        "We said we would:\n• Write to the council\n• Ring the bus company\nIs it done, not done yet, or stuck?")
    # "Book the room" was done; the blank one is nothing to ask about.
    write, ring = carried.actions
    original = previous.actions[0]
    assert (write.what, write.who, write.by_when, write.status) == (
        original.what, "Ann", dt.date(2026, 4, 1), ActionStatus.TO_DO)
    assert ring.status is ActionStatus.STUCK
    assert [a.carried_from_id for a in carried.actions] == [previous.actions[0].id, previous.actions[2].id]
    assert all(a.agenda_item_id == asking.id for a in carried.actions)
    old_ids = {obj.id for part in ("agenda", "actions") for obj in getattr(previous, part)}
    new_ids = [decided.id, asking.id, write.id, ring.id]
    assert len(set(new_ids)) == 4 and not set(new_ids) & old_ids
    assert json.dumps(exchange.workshop_document(previous, None)["workshop"]) == before  # the last meeting is untouched


def test_with_nothing_left_open_there_is_only_what_was_decided():
    previous = full_workshop(language="en")
    previous.actions = [Action("Book the room", status=ActionStatus.DONE)]
    previous.parked_questions = [ParkedQuestion(" \n ")]  # a blank question is nothing to come back to
    carried = carry_over(previous, "en")
    assert [item.title for item in carried.items] == ["What we decided last time"]
    assert (carried.actions, carried.decisions, carried.questions) == ([], [], [])


def test_with_nothing_agreed_the_item_says_so_and_an_undated_meeting_is_named_by_its_title():
    previous = Workshop("  Bus passes 🚌 ", decisions=[Decision("Meet in May", agreement=Agreement.EVERYONE)])
    item, still = carry_over(previous, "en").items
    assert item.plain_words == "On Bus passes 🚌 we did not agree any decisions yet."
    assert still.plain_words == "We have not decided these yet:\n• Meet in May\nCan we decide today?"


def test_more_than_six_decisions_are_counted_not_listed():
    previous = Workshop("Long day", date=dt.date(2026, 3, 3),
                        decisions=[Decision(f"Decision {n}", agreed=True) for n in range(1, 9)])
    lines = carry_over(previous, "en").items[0].plain_words.split("\n")
    assert lines == ["On Tuesday 3 March 2026 we decided:", *[f"• Decision {n}" for n in range(1, 7)], "and 2 more"]
    previous.decisions = previous.decisions[:6]
    assert carry_over(previous, "en").items[0].plain_words.split("\n")[-1] == "• Decision 6"


def test_the_date_is_in_the_groups_language():
    previous = Workshop("Bws", date=dt.date(2026, 3, 3), decisions=[Decision("Cwrdd ym mis Mai", agreed=True)])
    assert "Dydd Mawrth 3 Mawrth 2026" in carry_over(previous, "cy").items[0].plain_words


@pytest.mark.parametrize("text", [EMOJI, ARABIC, "Mixed: مرحبا and hello 👋🏽", "ab " * 66 + "z"])
def test_any_decision_text_is_listed_as_written_on_one_line(text):
    previous = Workshop("Bus passes", date=dt.date(2026, 3, 3), decisions=[
        Decision(f"  {text}\nsecond line", agreed=True), Decision("Meet in May", agreed=True)])
    words = carry_over(previous, "en").items[0].plain_words
    assert words.split("\n")[1:] == [f"• {text}", "• Meet in May"]


@pytest.mark.parametrize("text, shown", [
    ("ab " * 3333 + "z", "ab " * 66 + "…"),
    ("x" * 10_000, "x" * 199 + "…"),
    ("word " * 39 + "longword" * 10, "word " * 39 + "…"),
])
def test_a_long_decision_is_cut_at_a_word_with_an_ellipsis(text, shown):
    previous = Workshop("Long", date=dt.date(2026, 3, 3), decisions=[Decision(text, agreed=True)])
    line = carry_over(previous, "en").items[0].plain_words.split("\n")[1]
    assert line == "• " + shown.replace(" …", "…")
    assert len(line) <= 2 + 200


def test_the_next_meeting_with_long_decisions_carried_over_can_travel_in_a_file():
    previous = Workshop("Long", date=dt.date(2026, 3, 3),
                        decisions=[Decision(f"{n} " + "word " * 2000, agreed=True) for n in range(6)])
    carried = carry_over(previous, "en")
    following = Workshop("Next", date=dt.date(2026, 4, 7), agenda=carried.items, actions=carried.actions)
    raw = json.dumps(exchange.workshop_document(following, None)).encode()
    assert exchange.parse_workshop_bytes(raw).workshop == following


# -- decisions still to make and questions kept for later -------------------------------------------------


def left_open() -> Workshop:
    """A meeting that agreed one thing, left two decisions to make and kept two questions for later."""
    talk = AgendaItem("Talking about buses", minutes=40)
    return Workshop(
        "Bus passes", date=dt.date(2026, 3, 3), language="en", group_id="g1", start_time=dt.time(10, 0),
        room_booked_until=dt.time(12, 30), agenda=[AgendaItem("Welcome", kind=ItemKind.WELCOME), talk],
        participants=[Participant("Carys", came=True), Participant("Dee", came=False), Participant("Eli")],
        decisions=[
            Decision("Ask for free passes", agreement=Agreement.EVERYONE, agreed=True),
            Decision("Meet in the library", agenda_item_id=talk.id, agreement=Agreement.COUNTED, agree=3, not_sure=4,
                     suggested_by="Carys"),
            Decision("Which day we meet", picture="calendar", agreement=Agreement.CHOSEN, suggested_by="Dee",
                     options=[Option("Tuesday", "calendar", 4), Option("Friday", "", 4)]),
            Decision("   "),
        ],
        parked_questions=[ParkedQuestion("What about trains?", asked_by="Carys", agenda_item_id=talk.id),
                          ParkedQuestion(""), ParkedQuestion("Can we have tea 🫖?")],
    )


def test_decisions_still_to_make_and_questions_kept_for_later_each_open_the_next_meeting_with_an_item():
    previous = left_open()
    before = json.dumps(exchange.workshop_document(previous, None)["workshop"])
    carried = carry_over(previous, "en")
    decided, still, kept = carried.items
    assert decided.plain_words == "On Tuesday 3 March 2026 we decided:\n• Ask for free passes"
    assert (still.title, still.kind, still.picture, still.minutes) == (
        "What we still need to decide", ItemKind.LOOK_BACK, "not sure", 10)
    assert still.plain_words == (
        "We have not decided these yet:\n• Meet in the library\n• Which day we meet\nCan we decide today?")
    assert (kept.title, kept.kind, kept.picture) == ("Questions we kept for later", ItemKind.LOOK_BACK, "question")
    assert kept.plain_words == ("On Tuesday 3 March 2026 we kept these questions for later:\n"
                                "• What about trains?\n• Can we have tea 🫖?\nCan we answer them now?")
    library, day = carried.decisions
    assert [(d.text, d.suggested_by, d.picture, d.agenda_item_id) for d in carried.decisions] == [
        ("Meet in the library", "Carys", "", still.id), ("Which day we meet", "Dee", "calendar", still.id)]
    # The room decides again: the options are kept, nothing is counted yet.
    assert (library.agreement, library.agree, library.not_sure, library.agreed) == (Agreement.NOT_YET, 0, 0, False)
    assert day.options == [Option("Tuesday", "calendar", 0), Option("Friday", "", 0)]
    assert [(q.text, q.asked_by, q.agenda_item_id) for q in carried.questions] == [
        ("What about trains?", "Carys", kept.id), ("Can we have tea 🫖?", "", kept.id)]
    old_ids = {obj.id for part in ("agenda", "decisions", "parked_questions") for obj in getattr(previous, part)}
    new_ids = {obj.id for obj in [*carried.items, *carried.decisions, *carried.questions]}
    assert len(new_ids) == 7 and not new_ids & old_ids
    assert json.dumps(exchange.workshop_document(previous, None)["workshop"]) == before  # the last meeting is untouched


def test_more_than_six_questions_are_counted_not_listed():
    previous = Workshop("Long day", date=dt.date(2026, 3, 3),
                        parked_questions=[ParkedQuestion(f"Question {n}?") for n in range(1, 10)])
    lines = carry_over(previous, "en").items[-1].plain_words.split("\n")
    assert lines[1:] == [*[f"• Question {n}?" for n in range(1, 7)], "and 3 more", "Can we answer them now?"]
    assert len(carry_over(previous, "en").questions) == 9  # every question comes, only six are read out


def test_the_opening_items_are_in_the_groups_language_whatever_the_app_s():
    previous = left_open()
    titles = [item.title for item in carry_over(previous, "cy").items]
    assert titles[0] == "Beth wnaethon ni benderfynu y tro diwethaf"  # the Welsh catalog's words
    assert "Dydd Mawrth 3 Mawrth 2026" in carry_over(previous, "cy").items[0].plain_words


def test_the_next_meeting_carries_what_was_left_open_on_the_day_and_at_the_time_chosen():
    previous = left_open()
    following = next_meeting(previous, dt.date(2026, 3, 17), start_time=dt.time(13, 30))
    assert [item.title for item in following.agenda] == [
        "Welcome", "What we decided last time", "What we still need to decide", "Questions we kept for later",
        "Talking about buses"]
    still, kept = following.agenda[2], following.agenda[3]
    assert [(d.text, d.agenda_item_id) for d in following.decisions] == [
        ("Meet in the library", still.id), ("Which day we meet", still.id)]
    assert [(q.text, q.agenda_item_id) for q in following.parked_questions] == [
        ("What about trains?", kept.id), ("Can we have tea 🫖?", kept.id)]
    assert (following.date, following.start_time) == (dt.date(2026, 3, 17), dt.time(13, 30))
    assert following.room_booked_until == dt.time(16, 0)  # booked for as long as last time: 2 hours 30 minutes
    assert [person.came for person in following.participants] == [None, None, None]  # nobody has come yet
    assert [person.came for person in previous.participants] == [True, False, None]
    # It travels in a file, with its group, and back as it is.
    raw = json.dumps(exchange.workshop_document(following, Group("Bus group", id="g1"))).encode()
    assert exchange.parse_workshop_bytes(raw).workshop == following


@pytest.mark.parametrize(("start", "booked"), [
    (None, dt.time(12, 30)),  # no time given: the same times as last time
    (dt.time(10, 0), dt.time(12, 30)),
    (dt.time(8, 15), dt.time(10, 45)),
    (dt.time(21, 30), None),  # the booking would go past midnight: not set
])
def test_the_room_is_booked_for_as_long_as_last_time(start, booked):
    following = next_meeting(left_open(), dt.date(2026, 3, 17), start_time=start)
    assert following.start_time == (start or dt.time(10, 0))
    assert following.room_booked_until == booked


@pytest.mark.parametrize(("last", "today", "suggested"), [
    # today is Sunday 1 March 2026
    (None, dt.date(2026, 3, 1), dt.date(2026, 3, 16)),  # two weeks on is a Sunday: the Monday after
    (None, dt.date(2026, 3, 6), dt.date(2026, 3, 20)),  # a Friday two weeks on
    (None, dt.date(2026, 3, 7), dt.date(2026, 3, 23)),  # a Saturday: the Monday after
    (dt.date(2026, 3, 3), dt.date(2026, 3, 1), dt.date(2026, 3, 17)),  # the Tuesday group, two weeks after
    (dt.date(2026, 1, 6), dt.date(2026, 3, 1), dt.date(2026, 3, 17)),  # long ago: a Tuesday two weeks from today
    (dt.date(2026, 1, 6), dt.date(2026, 3, 3), dt.date(2026, 3, 17)),  # today is Tuesday: two weeks today
    (dt.date(2026, 2, 28), dt.date(2026, 3, 1), dt.date(2026, 3, 16)),  # last met on a Saturday: a Monday
])
def test_the_day_suggested_is_a_weekday_two_weeks_on(last, today, suggested):
    latest = Workshop("Bus passes", date=last)
    assert next_meeting_day(latest, today) == suggested
    assert suggested.weekday() < 5
    assert suggested - max(today, last or today) >= dt.timedelta(days=14)


@given(st.dates(dt.date(2001, 1, 1), dt.date(2090, 1, 1)), st.none() | st.dates(dt.date(2001, 1, 1), dt.date(2090, 1, 1)))
def test_any_day_suggested_is_a_weekday_at_least_two_weeks_on_and_within_three(today, last):
    suggested = next_meeting_day(Workshop("G", date=last), today)
    earliest = max(today, last or today) + dt.timedelta(days=14)
    assert suggested.weekday() < 5
    assert earliest <= suggested < earliest + dt.timedelta(days=7)
    if last is not None and last.weekday() < 5:
        assert suggested.weekday() == last.weekday()
