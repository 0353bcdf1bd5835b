"""Dates in easy-read form: every way of writing a date that dates.py knows, and what is not a date.

3 March 2026 is a Tuesday; 29 February 2024 is a Thursday; 2025 has no 29 February.
"""

from __future__ import annotations

import datetime as dt

import pytest

from facilitator.language.dates import date_findings, easy_read_date


def dates(text: str) -> list[tuple[str, str, str]]:
    """Each date found, as (the words, the reason, the easy-read form)."""
    found = list(date_findings(text))
    for date in found:
        assert text[date.start:date.end] == date.text
    return [(date.text, date.reason, date.easy_read) for date in found]


def test_easy_read_date():
    assert easy_read_date(dt.date(2026, 3, 3)) == "Tuesday 3 March 2026"
    assert easy_read_date(dt.date(2024, 2, 29)) == "Thursday 29 February 2024"
    assert easy_read_date(dt.date(2030, 12, 25)) == "Wednesday 25 December 2030"


def test_the_easy_read_form_itself_is_fine():
    assert dates("Come on Tuesday 3 March 2026.") == []
    assert dates("Tuesday, 3 March 2026") == []
    assert dates("Sunday 1 March 2026 and Thursday 29 February 2024") == []


@pytest.mark.parametrize("written", ["03/03/26", "3/3/2026", "03.03.2026", "03-03-26", "3-3-2026", "2026-03-03"])
def test_dates_in_numbers(written):
    assert dates(f"Come on {written}.") == [(written, "numbers", "Tuesday 3 March 2026")]


def test_dates_in_numbers_are_day_then_month():
    assert dates("03/04/2026") == [("03/04/2026", "numbers", "Friday 3 April 2026")]
    # Month first ("12/31/2026") is not a date the app knows, so it is left alone.
    assert dates("12/31/2026") == []


@pytest.mark.parametrize(("written", "reason", "easy"), [
    ("3rd March 2026", "ordinal", "Tuesday 3 March 2026"),
    ("3rd of March 2026", "ordinal", "Tuesday 3 March 2026"),
    ("Tuesday 3rd March", "ordinal", "Tuesday 3 March"),
    ("1st", None, None),
    ("3 March 2026", "no day", "Tuesday 3 March 2026"),
    ("Tue 3 March 2026", "short day", "Tuesday 3 March 2026"),
    ("Tues. 3 March 2026", "short day", "Tuesday 3 March 2026"),
    ("Wed 4 March 2026", "short day", "Wednesday 4 March 2026"),
    ("Tuesday 3 Mar 2026", "short month", "Tuesday 3 March 2026"),
    ("Tuesday 3 Mar. 2026", "short month", "Tuesday 3 March 2026"),
    ("3 Jun 2026", "short month", "Wednesday 3 June 2026"),
    ("Thursday 3 Sept 2026", "short month", "Thursday 3 September 2026"),
    ("March 3, 2026", "order", "Tuesday 3 March 2026"),
    ("Tuesday, March 3, 2026", "order", "Tuesday 3 March 2026"),
    ("March 3rd", "ordinal", "3 March"),
    ("Tuesday 3 March '26", "short year", "Tuesday 3 March 2026"),
    ("3 March \u201926", "short year", "Tuesday 3 March 2026"),
    ("Tue 3rd Mar '26", "ordinal", "Tuesday 3 March 2026"),
])
def test_dates_in_words(written, reason, easy):
    if reason is None:
        assert dates(written) == []
    else:
        assert dates(f"We meet on {written}.") == [(written, reason, easy)]


def test_may_june_and_july_are_not_short_months():
    assert dates("Sunday 3 May 2026") == []
    assert dates("Wednesday 3 June 2026") == []
    assert dates("Friday 3 July 2026") == []


@pytest.mark.parametrize(("written", "easy"), [
    ("Monday 3 March 2026", "Tuesday 3 March 2026"),
    ("Wednesday 3 March 2026", "Tuesday 3 March 2026"),
    ("Tuesday 3 May 2026", "Sunday 3 May 2026"),
    ("Wednesday 29 February 2024", "Thursday 29 February 2024"),
])
def test_a_wrong_day_of_the_week_is_put_right(written, easy):
    assert dates(written) == [(written, "wrong day", easy)]


def test_the_first_reason_is_given_and_the_easy_read_form_puts_everything_right():
    # A short month and the wrong day: the reason is the short month, the easy-read form fixes both.
    assert dates("Tuesday 3 Sept 2026") == [("Tuesday 3 Sept 2026", "short month", "Thursday 3 September 2026")]


def test_29_february_in_a_leap_year():
    assert dates("29 February 2024") == [("29 February 2024", "no day", "Thursday 29 February 2024")]
    assert dates("29/02/2024") == [("29/02/2024", "numbers", "Thursday 29 February 2024")]
    assert dates("Tuesday 29th February") == [("Tuesday 29th February", "ordinal", "Tuesday 29 February")]


def test_29_february_in_a_year_that_has_none_is_not_turned_into_a_date():
    # No such day: nothing to put right in numbers, and no day of the week to check.
    assert dates("29/02/2025") == []
    assert dates("29 February 2025") == []
    assert dates("Saturday 29 February 2025") == []


def test_29th_february_in_a_year_that_has_none_keeps_its_year_or_has_no_easy_read_form():
    ((written, reason, easy),) = dates("29th February 2025")
    assert (written, reason) == ("29th February 2025", "ordinal")
    assert easy in ("", "29 February 2025")


def test_a_day_that_no_month_has_has_no_easy_read_form():
    assert dates("31st April 2026") == [("31st April 2026", "ordinal", "")]
    assert dates("31 April 2026") == []
    assert dates("32/01/2026") == []
    assert dates("13/13/2026") == []
    assert dates("2026-13-01") == []


@pytest.mark.parametrize("text", [
    "You may 3", "you may come", "version 1.2", "10.30", "We meet at 10.30 today.", "Room 3/4",
    "3 march 2026", "3 MARCH 2026", "Call 0161 496 0000", "It costs 12.50", "2026", "March", "3 March",
    "Tuesday 3 March", "Page 3 of 10",
])
def test_texts_that_are_not_dates_or_need_nothing(text):
    assert dates(text) == []


def test_several_dates_in_one_text_have_their_places():
    text = "From 03/03/26 to Thurs 5 March 2026 (not 29/02/2025)."
    found = list(date_findings(text))
    assert [(d.start, d.end, d.easy_read) for d in found] == [
        (5, 13, "Tuesday 3 March 2026"),
        (17, 35, "Thursday 5 March 2026"),
    ]
