"""The day suggested for new things, and dates and times read as a facilitator types them."""

import datetime as dt

import pytest

from facilitator.commands import LibraryCommands
from facilitator.core.when import month_numbers, read_date, read_time, suggested_day, weekday_on_or_after

FRIDAY, SATURDAY, SUNDAY, MONDAY = dt.date(2026, 6, 5), dt.date(2026, 6, 6), dt.date(2026, 6, 7), dt.date(2026, 6, 8)


def test_a_weekday_stays_and_a_weekend_day_moves_on_to_the_monday():
    assert weekday_on_or_after(FRIDAY) == FRIDAY
    assert weekday_on_or_after(SATURDAY) == MONDAY
    assert weekday_on_or_after(SUNDAY) == MONDAY
    assert weekday_on_or_after(MONDAY) == MONDAY


@pytest.mark.parametrize("today, suggested", [
    (dt.date(2026, 5, 22), dt.date(2026, 6, 5)),  # a Friday: two weeks on is a Friday
    (dt.date(2026, 5, 23), dt.date(2026, 6, 8)),  # a Saturday: two weeks on, then the Monday
    (dt.date(2026, 5, 24), dt.date(2026, 6, 8)),  # a Sunday too
    (dt.date(2026, 12, 19), dt.date(2027, 1, 4)),  # over the new year
])
def test_the_suggested_day_is_a_weekday_two_weeks_or_more_on(today, suggested):
    assert suggested_day(today) == suggested
    assert suggested.weekday() < 5 and (suggested - today).days >= 14


class NoQuestions:
    """A view that is never needed by a new workshop."""


def test_a_new_workshop_is_never_on_a_weekend(library):
    commands = LibraryCommands(library, NoQuestions())
    for day in range(14):
        today = dt.date(2026, 5, 18) + dt.timedelta(days=day)
        made = commands.new_workshop(today=today)
        assert library.load_workshop(made.id).date == suggested_day(today)
        assert made.date.weekday() < 5
    sunday = commands.new_workshop(today=dt.date(2026, 5, 24))
    assert sunday.date == dt.date(2026, 6, 8)


@pytest.mark.parametrize("typed, time, whole", [
    ("09:45", dt.time(9, 45), True),
    ("9:45", dt.time(9, 45), True),
    ("9.45", dt.time(9, 45), True),
    ("9 45", dt.time(9, 45), True),
    ("0945", dt.time(9, 45), True),
    ("13:05", dt.time(13, 5), True),
    ("2pm", dt.time(14, 0), True),
    ("2:30 p.m.", dt.time(14, 30), True),
    ("12am", dt.time(0, 0), True),
    ("١١:١٥", dt.time(11, 15), True),  # Arabic-Indic digits
    ("10", dt.time(10, 0), False),  # on its way to "10:30", perhaps
    ("10:1", dt.time(10, 1), False),
    ("101", dt.time(1, 1), False),
])
def test_times_as_people_type_them(typed, time, whole):
    assert read_time(typed) == (time, whole)


@pytest.mark.parametrize("typed", ["", "25:00", "9:60", "13pm", "half nine", "10::30"])
def test_what_is_not_a_time(typed):
    assert read_time(typed) is None


MONTHS = month_numbers([("Mawrth", 3), ("Mai", 5), ("Hydref", 10)])  # with some Welsh ones


@pytest.mark.parametrize("typed, order, day, whole", [
    ("4 May 2027", "dmy", dt.date(2027, 5, 4), True),
    ("Tuesday 4 May 2027", "dmy", dt.date(2027, 5, 4), True),  # the box's own words, edited
    ("4th of May 2027", "dmy", dt.date(2027, 5, 4), True),
    ("May 4, 2027", "mdy", dt.date(2027, 5, 4), True),
    ("14 oct 2026", "dmy", dt.date(2026, 10, 14), True),
    ("4/5/2027", "dmy", dt.date(2027, 5, 4), True),
    ("5/4/2027", "mdy", dt.date(2027, 5, 4), True),
    ("2027-05-04", "mdy", dt.date(2027, 5, 4), True),
    ("4 Mawrth 2027", "dmy", dt.date(2027, 3, 4), True),  # March, in Welsh
    ("Dydd Mawrth 4 Mai 2027", "dmy", dt.date(2027, 5, 4), True),  # Tuesday 4 May, in Welsh
    ("4 May", "dmy", dt.date(2026, 5, 4), False),  # the year shown in the box
    ("4/5/27", "dmy", dt.date(2027, 5, 4), False),  # maybe on its way to 2027
])
def test_dates_as_people_type_them(typed, order, day, whole):
    assert read_date(typed, MONTHS, {"Dydd Mawrth", "Tuesday"}, order, 2026) == (day, whole)


@pytest.mark.parametrize("typed", ["", "4 May 202", "31 February 2027", "4 Blah 2027", "4 May June 2027", "14", "1/2/3/4"])
def test_what_is_not_a_date(typed):
    assert read_date(typed, MONTHS, set(), "dmy", 2026) is None
