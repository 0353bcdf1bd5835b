import datetime as dt

from facilitator.core.model import AgendaItem, ItemTiming, Workshop
from facilitator.session.timings import minutes_taken


def at(hour: int, minute: int, second: int = 0) -> dt.datetime:
    return dt.datetime(2026, 3, 3, hour, minute, second)


def test_each_items_visits_are_added_up_and_breaks_and_unfinished_timings_left_out():
    talk, vote = AgendaItem("Talk"), AgendaItem("Vote")
    workshop = Workshop("Day", agenda=[talk, vote], timings=[
        ItemTiming(at(10, 0), at(10, 12, 20), agenda_item_id=talk.id),
        ItemTiming(at(10, 12, 20), at(10, 14), agenda_item_id=vote.id),
        ItemTiming(at(10, 14), at(10, 17, 40), agenda_item_id=talk.id),  # went back to the talk
        ItemTiming(at(10, 17, 40), at(10, 30)),  # a break not on the agenda
        ItemTiming(at(10, 30), None, agenda_item_id=vote.id),  # still going
    ])
    assert minutes_taken(workshop) == {talk.id: 16, vote.id: 2}


def test_a_workshop_never_presented_has_no_times():
    assert minutes_taken(Workshop("Day", agenda=[AgendaItem("Talk")])) == {}


def test_going_past_an_item_on_the_way_to_another_is_not_presenting_it():
    talk, vote, end = AgendaItem("Talk"), AgendaItem("Vote"), AgendaItem("End")
    workshop = Workshop("Day", agenda=[talk, vote, end], timings=[
        ItemTiming(at(10, 0), at(10, 0, 4), agenda_item_id=talk.id),  # Next, Next: on the way to the end
        ItemTiming(at(10, 0, 4), at(10, 0, 9), agenda_item_id=vote.id),
        ItemTiming(at(10, 0, 9), at(10, 12), agenda_item_id=end.id),
        ItemTiming(at(10, 12), at(10, 12, 20), agenda_item_id=vote.id),  # back for a moment
        ItemTiming(at(10, 30), at(10, 31), agenda_item_id=vote.id),
    ])
    assert minutes_taken(workshop) == {vote.id: 1, end.id: 12}
