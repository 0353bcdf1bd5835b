"""The one module that hands out words: language codes, direction, lengths of time."""

from __future__ import annotations

import datetime as dt

import pytest

from facilitator.i18n import (
    format_clock,
    format_long_date,
    format_minutes,
    in_language,
    is_language,
    known_language,
    right_to_left,
)


@pytest.mark.parametrize("code, known", [("cy", True), ("en-GB", True), ("ar_EG", True), ("xx", False), ("", False),
                                         ("not a code", False)])
def test_is_language(code, known):
    assert is_language(code) is known


def test_an_unknown_language_falls_back_to_the_app_s_then_english():
    assert known_language("en-GB") == "en_GB"
    with in_language("cy"):
        assert known_language("xx") == "cy"
    assert format_long_date(dt.date(2026, 3, 3), "xx") == "Tuesday 3 March 2026"
    assert format_clock(dt.time(10, 30), "en-GB") == "10:30"


@pytest.mark.parametrize("code, rtl", [("ar", True), ("he", True), ("fa", True), ("ur", True), ("ar_EG", True),
                                       ("en", False), ("cy", False), ("xx", False)])
def test_right_to_left(code, rtl):
    assert right_to_left(code) is rtl


def test_lengths_of_time_in_words():
    assert format_minutes(45) == "45 minutes"
    assert format_minutes(60) == "1 hour"
    assert format_minutes(80) == "1 hour 20 minutes"
    assert format_minutes(1) == "1 minute"


@pytest.mark.parametrize("code", ["en", "en_GB", "cy", "ar", "fa", "ur", "pl", "so", "pa", "zh", "he", "gd", "ti"])
def test_long_dates_are_written_as_babel_writes_them_in_every_language(code):
    """Dates are written with the day and month names read once; every day of two years comes out as
    babel's own "EEEE d MMMM y" gives it."""
    from babel.core import Locale
    from babel.dates import format_date

    locale = Locale.parse(code)
    for days in range(0, 731):
        day = dt.date(2025, 1, 1) + dt.timedelta(days=days)
        assert format_long_date(day, code) == format_date(day, "EEEE d MMMM y", locale=locale)
