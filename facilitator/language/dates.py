"""Dates in easy-read form: "Tuesday 3 March 2026" (day of the week, day, month in words, 4-digit year).

``date_findings`` finds dates written another way ("03/03/26", "3rd March",
"Tue 3 Mar", "March 3, 2026", a wrong day of the week) and works out the
easy-read form when it can.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december"]
DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTH_SHORT = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
               "oct": 10, "nov": 11, "dec": 12}
DAY_SHORT = {"mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4, "sat": 5, "sun": 6}

_MONTH = r"(?P<{0}>January|February|March|April|May|June|July|August|September|October|November|December|" \
         r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
_WEEKDAY = r"(?:(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tues|Tue|Wed|Thurs|Thur|Thu|" \
           r"Fri|Sat|Sun)\.?,?\s+)?"
_DAY = r"(?P<{0}>[12]\d|3[01]|0?[1-9])(?P<{0}_suffix>st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(?P<{0}>\d{{4}}|['\u2019]\d{{2}}))?"

DATE_PATTERN = re.compile(
    r"\b(?=[0-9A-Z])(?:"  # every date starts with a digit or a capital: a quick first test
    + r"(?P<numeric>(?P<nd>[0-3]?\d)[/.\-](?P<nm>[01]?\d)[/.\-](?P<ny>\d{4}|\d{2}))"
    + r"|(?P<iso>(?P<iy>\d{4})-(?P<im>[01]\d)-(?P<id>[0-3]\d))"
    + r"|" + _WEEKDAY + _DAY.format("day") + r"(?:\s+of)?\s+" + _MONTH.format("month") + _YEAR.format("year")
    + r"|" + _WEEKDAY.replace("weekday", "weekday2") + _MONTH.format("month2") + r"\s+" + _DAY.format("day2")
    + r"(?:,?\s+(?P<year2>\d{4}))?"
    + r")(?![\w/])"
)


@dataclass(frozen=True)
class DateFinding:
    start: int
    end: int
    text: str
    reason: str
    easy_read: str  # the date in easy-read form, or "" when it cannot be worked out


def easy_read_date(day: dt.date) -> str:
    return f"{DAYS[day.weekday()].capitalize()} {day.day} {MONTHS[day.month - 1].capitalize()} {day.year}"


def date_findings(text: str) -> Iterator[DateFinding]:
    for match in DATE_PATTERN.finditer(text):
        finding = _finding(match)
        if finding is not None:
            yield finding


def _finding(match: re.Match) -> DateFinding | None:
    written = match.group()
    place = match.start(), match.end(), written
    if match.group("numeric") or match.group("iso"):
        if match.group("numeric"):
            day, month, year = int(match.group("nd")), int(match.group("nm")), _full_year(match.group("ny"))
        else:
            day, month, year = int(match.group("id")), int(match.group("im")), int(match.group("iy"))
        date = _date(year, month, day)
        if date is None:
            return None
        return DateFinding(*place, "numbers", easy_read_date(date))
    american = match.group("month2") is not None
    suffix = "2" if american else ""
    month_text = match.group("month" + suffix)
    weekday_text = match.group("weekday" + suffix)
    day = int(match.group("day" + suffix))
    month = _month_number(month_text)
    year_text = match.group("year" + suffix)
    year = _full_year(year_text.lstrip("'\u2019")) if year_text else None
    date = _date(year, month, day) if year else None
    reasons = []
    if match.group(("day2" if american else "day") + "_suffix"):
        reasons.append("ordinal")
    if american:
        reasons.append("order")
    if len(month_text.rstrip(".")) <= 4 and month_text.lower().rstrip(".") not in ("may", "june", "july"):
        reasons.append("short month")
    if weekday_text and weekday_text.lower().rstrip(".,") in DAY_SHORT:
        reasons.append("short day")
    if year_text and len(year_text) < 4:
        reasons.append("short year")
    if date and weekday_text and _weekday_number(weekday_text) != date.weekday():
        reasons.append("wrong day")
    elif date and not weekday_text:
        reasons.append("no day")
    if not reasons:
        return None
    if date:
        easy = easy_read_date(date)
    else:
        weekday = DAYS[_weekday_number(weekday_text)].capitalize() + " " if weekday_text else ""
        valid = _date(year, month, day) if year else _valid_day(day, month)
        easy = f"{weekday}{day} {MONTHS[month - 1].capitalize()}" if valid else ""
    return DateFinding(*place, reasons[0], easy)


def _plain_month(text: str) -> int | None:
    name = text.lower().rstrip(".")
    return MONTHS.index(name) + 1 if name in MONTHS else None


def _month_number(text: str) -> int:
    return _plain_month(text) or MONTH_SHORT[text.lower().rstrip(".")]


def _weekday_number(text: str) -> int:
    name = text.lower().rstrip(".,")
    return DAYS.index(name) if name in DAYS else DAY_SHORT[name]


def _full_year(text: str) -> int:
    year = int(text)
    return year + 2000 if year < 100 else year


def _valid_day(day: int, month: int) -> bool:
    return _date(2024, month, day) is not None  # 2024 has 29 February


def _date(year: int | None, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year or 2024, month, day)
    except ValueError:
        return None
