"""The one place that hands out the translation functions.

Code imports ``_``, ``ngettext`` and ``N_`` from here, never from builtins.
Strings at module level are marked with ``N_`` and passed through ``_`` when
they are shown, so they follow the language chosen at that moment.
"""

from __future__ import annotations

import contextlib
import functools
import gettext as _gettext
import threading
from collections.abc import Iterator

from facilitator.resources import translations_dir

DOMAIN = "facilitator"
LANGUAGES = {"en": "English", "cy": "Cymraeg", "ar": "العربية"}  # each in its own words

_translation: _gettext.NullTranslations = _gettext.NullTranslations()
_language = "en"
_local = threading.local()  # a language chosen for a while in one thread (``in_language``)


@functools.cache
def _catalog(code: str) -> _gettext.NullTranslations:
    return _gettext.translation(DOMAIN, localedir=str(translations_dir()), languages=[code], fallback=True)


def set_language(code: str) -> None:
    """Use the catalog for ``code`` (such as "cy") for the app; English when there is none."""
    global _translation, _language
    _translation = _catalog(code)
    _language = code


def language() -> str:
    """The language words are in now: the one ``in_language`` chose in this thread, else the app's."""
    return getattr(_local, "language", None) or _language


@contextlib.contextmanager
def in_language(code: str) -> Iterator[None]:
    """Words in ``code`` for a while, in this thread only: a workshop's screens, summary and printouts
    are in the workshop's language, whatever language the app's own windows are in."""
    before = getattr(_local, "language", None), getattr(_local, "translation", None)
    _local.language, _local.translation = code, _catalog(code)
    try:
        yield
    finally:
        _local.language, _local.translation = before


def _now() -> _gettext.NullTranslations:
    return getattr(_local, "translation", None) or _translation


def _(message: str) -> str:
    return _now().gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _now().ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark a string for translation without translating it yet."""
    return message


language_now = language


@functools.lru_cache(maxsize=64)
def _locale(code: str):
    """babel's Locale for ``code`` ("cy", "en-GB", "ar_EG"), or None when babel does not know it.

    Kept once read: a list of a thousand dates would otherwise read the language's data a thousand times."""
    from babel.core import Locale

    try:
        return Locale.parse(code.strip().replace("-", "_"))
    except Exception:  # babel's UnknownLocaleError, or ValueError for a code that is not a language
        return None


def is_language(code: str) -> bool:
    """Whether babel knows ``code`` ("cy", "en-GB", "ar_EG") as a language."""
    return _locale(code) is not None


def known_language(code: str) -> str:
    """``code`` as babel knows it ("en-GB" is "en_GB"), else the app's language, else English."""
    for candidate in (code, language(), "en"):
        if candidate and is_language(candidate):
            return candidate.strip().replace("-", "_")
    return "en"


def _known_locale(code: str | None):
    """babel's Locale for ``code``, else for the app's language, else English (read once each)."""
    return _locale(known_language(code or language_now()))


def right_to_left(code: str) -> bool:
    """Whether the language ``code`` is written right to left (Arabic, Hebrew, Persian, Urdu...)."""
    locale = _locale(code)
    return locale is not None and locale.character_order == "right-to-left"


def format_long_date(date, language: str | None = None) -> str:
    """A date in easy-read form: "Tuesday 3 March 2026" (no "3rd", no 03/03/26)."""
    return _long_date(date, known_language(language or language_now()))


def _long_date(date, code: str) -> str:
    """The day's name, its number, the month's name and the year, as babel writes "EEEE d MMMM y".

    babel reads its pattern and the language's data again for each date; a
    list of thousands of meetings writes its dates with the names read once."""
    days, months = _date_names(code)
    return f"{days[date.weekday()]} {date.day} {months[date.month]} {date.year}"


@functools.lru_cache(maxsize=64)
def _date_names(code: str) -> tuple[dict[int, str], dict[int, str]]:
    names = _locale(code)
    return dict(names.days["format"]["wide"]), dict(names.months["format"]["wide"])


def format_clock(time, language: str | None = None) -> str:
    """A time of day as the language writes it ("10:30")."""
    from babel.dates import format_time

    return format_time(time, "HH:mm", locale=_known_locale(language))


def format_minutes(minutes: int) -> str:
    """A length of time in words: "1 hour 20 minutes", "45 minutes"."""
    hours, rest = divmod(minutes, 60)
    parts = []
    if hours:
        parts.append(ngettext("{n} hour", "{n} hours", hours).format(n=hours))
    if rest or not hours:
        parts.append(ngettext("{n} minute", "{n} minutes", rest).format(n=rest))
    if len(parts) == 2:
        # TRANSLATORS: an hour and some minutes together, such as "1 hour 20 minutes"
        return _("{hours} {minutes}").format(hours=parts[0], minutes=parts[1])
    return parts[0]
