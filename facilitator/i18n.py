"""The one place that hands out the translation functions.

Code imports ``_``, ``ngettext`` and ``N_`` from here, never from builtins.
Strings at module level are marked with ``N_`` and passed through ``_`` when
they are shown, so they follow the language chosen at that moment.
"""

from __future__ import annotations

import gettext as _gettext

from facilitator.resources import translations_dir

DOMAIN = "facilitator"

_translation: _gettext.NullTranslations = _gettext.NullTranslations()
_language = "en"


def set_language(code: str) -> None:
    """Use the catalog for ``code`` (such as "cy"); English when there is none."""
    global _translation, _language
    _translation = _gettext.translation(
        DOMAIN, localedir=str(translations_dir()), languages=[code], fallback=True
    )
    _language = code


def language() -> str:
    return _language


def _(message: str) -> str:
    return _translation.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _translation.ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark a string for translation without translating it yet."""
    return message


def format_long_date(date, language: str | None = None) -> str:
    """A date in easy-read form: "Tuesday 3 March 2026" (no "3rd", no 03/03/26)."""
    from babel.dates import format_date

    return format_date(date, "EEEE d MMMM y", locale=language or _language)


def format_clock(time, language: str | None = None) -> str:
    """A time of day as the language writes it ("10:30")."""
    from babel.dates import format_time

    return format_time(time, "HH:mm", locale=language or _language)


def format_minutes(minutes: int) -> str:
    """A length of time in words: "1 hour 20 minutes", "45 minutes"."""
    hours, rest = divmod(minutes, 60)
    parts = []
    if hours:
        parts.append(ngettext("{n} hour", "{n} hours", hours).format(n=hours))
    if rest or not hours:
        parts.append(ngettext("{n} minute", "{n} minutes", rest).format(n=rest))
    return " ".join(parts)
