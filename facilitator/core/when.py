"""Days and times: the day the app suggests for something new, and a date or time read as a person types it.

A new workshop, or an action's "by when", is suggested two weeks on, on a weekday:
groups rarely meet at weekends, and a Sunday suggested by default is a trap.

A facilitator types a time as "09:45", "9:45", "9.45", "0945" or "2pm", and a date as
"4 May 2027", "4/5/2027", "2027-05-04" or "Tuesday 4 May 2027". Each reading says
whether the value is whole (every part typed in full), so a pause in typing can save
a whole value but never half of one ("10:1" on the way to "10:15").
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import NamedTuple

SATURDAY = 5  # dt.date.weekday() counts Monday as 0
DAYS_AHEAD = 14

ENGLISH_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
                  "october", "november", "december")
ENGLISH_DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
AM_WORDS = ("am", "a.m.", "a.m")
PM_WORDS = ("pm", "p.m.", "p.m")
SHORTEST_PREFIX = 3  # "sep", "octo": the start of a month's name is enough when it fits only one month
IGNORED_WORDS = {"st", "nd", "rd", "th", "of"}  # "4th of May"


def weekday_on_or_after(day: dt.date) -> dt.date:
    """``day`` when it is Monday to Friday, else the Monday after it."""
    return day if day.weekday() < SATURDAY else day + dt.timedelta(days=7 - day.weekday())


def suggested_day(today: dt.date) -> dt.date:
    """The day suggested for a new workshop or an action: the first weekday two weeks or more from ``today``."""
    return weekday_on_or_after(today + dt.timedelta(days=DAYS_AHEAD))


class Reading(NamedTuple):
    value: dt.time | dt.date
    whole: bool  # every part was typed in full: safe to save before the facilitator has finished


def plain_digits(text: str) -> str:
    """Any kind of digit (Arabic-Indic ٠١٢, full-width) as 0-9."""
    return "".join(str(unicodedata.decimal(c)) if c.isdecimal() else c for c in text)


_HOURS_MINUTES = re.compile(r"(\d{1,2})\s*(?:[:.h]|\s)\s*(\d{1,2})")
_HOURS = re.compile(r"(\d{1,2})\s*[:.h]?")
_FOUR_DIGITS = re.compile(r"(\d{1,2})(\d{2})")


def read_time(text: str, am_words: tuple[str, ...] = (), pm_words: tuple[str, ...] = ()) -> Reading | None:
    """The time in ``text``, or None when it is not a time. ``am_words`` and ``pm_words``: the
    language's own words for morning and afternoon, besides am and pm."""
    text = " ".join(plain_digits(text).casefold().split())
    half = None
    for words, is_pm in ((PM_WORDS + pm_words, True), (AM_WORDS + am_words, False)):
        for word in sorted({w.casefold() for w in words if w}, key=len, reverse=True):
            if text.endswith(word) and text[: -len(word)].strip():
                text, half = text[: -len(word)].strip(), is_pm
                break
        if half is not None:
            break
    whole = True
    if match := _HOURS_MINUTES.fullmatch(text):
        hour, minute = int(match[1]), int(match[2])
        whole = len(match[2]) == 2
    elif match := _FOUR_DIGITS.fullmatch(text):
        hour, minute = int(match[1]), int(match[2])
        whole = len(text) == 4  # "101" may be on its way to "1015"
    elif match := _HOURS.fullmatch(text):
        hour, minute = int(match[1]), 0
        whole = half is not None  # "2pm" is whole; "10" may be on its way to "10:30"
    else:
        return None
    if half is not None:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half else 0)
    if hour > 23 or minute > 59:
        return None
    return Reading(dt.time(hour, minute), whole)


def month_numbers(names: list[tuple[str, int]]) -> dict[str, int]:
    """A month's names (long, short, in the box's language) to its number, English ones included."""
    found = {name: n for n, name in enumerate(ENGLISH_MONTHS, start=1)}
    found.update((name[:3], n) for n, name in enumerate(ENGLISH_MONTHS, start=1))
    for name, number in names:
        folded = name.casefold().strip().rstrip(".")
        if folded:
            found[folded] = number
    return found


def _month_of(word: str, months: dict[str, int]) -> int | None:
    if word in months:
        return months[word]
    if len(word) >= SHORTEST_PREFIX:
        fits = {number for name, number in months.items() if name.startswith(word)}
        if len(fits) == 1:
            return fits.pop()
    return None


def _year(digits: str) -> int | None:
    if len(digits) == 4:
        return int(digits)
    if len(digits) == 2:
        return 2000 + int(digits)
    return None


def read_date(text: str, months: dict[str, int], weekdays: set[str], order: str, year: int) -> Reading | None:
    """The date in ``text``, or None when it is not a date.

    ``months``: month names to numbers (see ``month_numbers``); ``weekdays``: the names of the days,
    which are passed over ("Tuesday 4 May 2027"); ``order``: how the language writes a date in numbers,
    such as "dmy" or "mdy"; ``year``: the year when none is typed ("4 May"). Only a year typed with
    four digits makes the reading whole."""
    day_words = {word for day in weekdays for word in day.casefold().split()} | set(ENGLISH_DAYS)
    numbers: list[str] = []
    named: list[tuple[int, bool]] = []  # each word that names a month, and whether it could name a day too
    for token in re.findall(r"\d+|[^\W\d_]+", plain_digits(text).casefold()):
        if token.isdigit():
            numbers.append(token)
            continue
        if token in IGNORED_WORDS:
            continue
        a_day = token in day_words or (len(token) >= SHORTEST_PREFIX and any(d.startswith(token) for d in day_words))
        found = _month_of(token, months)
        if found is not None:
            named.append((found, a_day))
        elif not a_day:
            return None
    if len(named) > 1:  # in Welsh "Mawrth" is March, and Tuesday is "Dydd Mawrth"
        named = [(number, a_day) for number, a_day in named if not a_day]
    if len(named) > 1:
        return None
    month = named[0][0] if named else None
    typed_year = None
    if month is not None:
        days = [n for n in numbers if len(n) <= 2]
        if not days or len(numbers) > 2:
            return None
        day = int(days[0])
        rest = numbers[:numbers.index(days[0])] + numbers[numbers.index(days[0]) + 1:]
        if rest:
            typed_year = rest[0]
    elif len(numbers) == 3:
        if len(numbers[0]) == 4:
            parts = dict(zip("ymd", numbers))
        else:
            parts = dict(zip([c for c in order if c in "dmy"], numbers))
        if set(parts) != set("dmy"):
            return None
        day, month, typed_year = int(parts["d"]), int(parts["m"]), parts["y"]
    elif len(numbers) == 2 and all(len(n) <= 2 for n in numbers):
        parts = dict(zip([c for c in order if c in "dm"], numbers))
        day, month = int(parts["d"]), int(parts["m"])
    else:
        return None
    if typed_year is not None:
        year = _year(typed_year)
        if year is None:
            return None
    try:
        return Reading(dt.date(year, month, day), typed_year is not None and len(typed_year) == 4)
    except ValueError:
        return None
