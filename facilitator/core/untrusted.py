"""The first look at a workshop file someone sent: its bytes and its JSON, before any field is read.

A file from outside may be anything: a folder, a device such as /dev/zero, a pipe that never ends,
a huge file, or JSON that Python's own reader turns into a crash or gigabytes of memory. Each
function here either gives back plain data or raises ``Unusable``, whose ``problem`` says in plain
words what is wrong. Nothing here writes anywhere.
"""

from __future__ import annotations

import json
import os
import re
import stat
import typing
from pathlib import Path

from facilitator.i18n import _

# Reading a regular file in pieces keeps memory to what the file really holds.
CHUNK_BYTES = 1024 * 1024
# No number a workshop needs is longer than this; Python refuses to read ones over 4,300 digits.
MOST_DIGITS = 100
# A lone half of a surrogate pair can only come from a \u escape (UTF-8 cannot carry one).
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_QUOTED = re.compile('"[^"]*"')


class Unusable(Exception):
    """The file cannot be used; ``problem`` says why, in words a facilitator can act on."""

    def __init__(self, problem: str):
        self.problem = problem
        super().__init__(problem)


def read_bounded(path: Path | str, limit: int) -> bytes:
    """The bytes of the regular file at ``path``, refusing anything else and anything over ``limit``.

    A pipe is found by its kind before it is opened (opening one to read can wait for ever); it is
    opened without waiting in case it was swapped in meanwhile, and looked at again once open. At
    most ``limit + 1`` bytes are read, so a file that grows, or claims to be empty (/proc, devices), is
    still cut short."""
    path = Path(path)
    try:
        _check_kind(path, os.stat(path), limit)
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)
        handle = os.open(path, flags)
        try:
            _check_kind(path, os.fstat(handle), limit)
            pieces: list[bytes] = []
            total = 0
            while total <= limit:
                piece = os.read(handle, min(CHUNK_BYTES, limit + 1 - total))
                if not piece:
                    break
                pieces.append(piece)
                total += len(piece)
        finally:
            os.close(handle)
    except OSError as error:
        raise Unusable(
            _("The file {path} cannot be read ({reason}).").format(path=path, reason=error.strerror or error)
        ) from None
    if total > limit:
        raise Unusable(_too_big(path, limit))
    return b"".join(pieces)


def _check_kind(path: Path, info: os.stat_result, limit: int) -> None:
    if stat.S_ISDIR(info.st_mode):
        raise Unusable(_("{path} is a folder, not a file. Choose the workshop file inside it.").format(path=path))
    if not stat.S_ISREG(info.st_mode):
        raise Unusable(_not_ordinary(path))
    if info.st_size > limit:
        raise Unusable(
            _("The file is {size:,} bytes: too big to be a workshop file (the most is {limit:,}). Is it the right file?").format(
                size=info.st_size, limit=limit
            )
        )


def _not_ordinary(path: Path) -> str:
    return _("{path} is not an ordinary file (it is a device, a pipe or a socket), so it was not read.").format(path=path)


def _too_big(path: Path, limit: int) -> str:
    return _("The file {path} holds more than {limit:,} bytes: too big to be a workshop file. Is it the right file?").format(
        path=path, limit=limit
    )


def load_json(raw: bytes, most_values: int) -> typing.Any:
    """The JSON document in ``raw``, strictly: UTF-8 (a byte order mark is allowed), no name twice in one
    object, no NaN or Infinity, no number longer than MOST_DIGITS, no broken characters, at most about
    ``most_values`` values, nested no deeper than Python can read."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise Unusable(_("This is not a workshop file: it is not text.")) from None
    values = count_values(text, most_values)
    if values > most_values:
        raise Unusable(
            _("This is not a workshop file: it holds {count:,} separate values, and a workshop has at most {limit:,}.").format(
                count=values, limit=most_values
            )
        )
    damaged = _("This is not a workshop file, or it is damaged: {reason}")
    try:
        data = json.loads(text, object_pairs_hook=_one_of_each_name, parse_int=_whole_number, parse_constant=_not_a_number)
    except json.JSONDecodeError as error:
        raise Unusable(
            _("This is not a workshop file, or it is damaged: line {line}, column {column}: {reason}.").format(
                line=error.lineno, column=error.colno, reason=error.msg
            )
        ) from None
    except RecursionError:
        raise Unusable(_("This is not a workshop file: it is nested too deeply.")) from None
    except _Refused as refused:
        raise Unusable(damaged.format(reason=refused.reason)) from None
    if _SURROGATE_ESCAPE.search(text) and has_broken_characters(data):
        raise Unusable(
            damaged.format(reason=_("some of its text has a broken character (half of a pair, written as \\ud800 to \\udfff)."))
        )
    return data


def count_values(text: str, most: int) -> int:
    """About how many values a JSON text holds: its commas and opening brackets outside quoted text (one
    more than the values, at most). Memory for reading JSON grows with this count, not with the bytes.
    Commas inside text are only set aside when the rough count is over ``most``."""
    rough = text.count(",") + text.count("{") + text.count("[")
    if rough <= most:
        return rough
    # Without escaped backslashes and escaped quotes, every quote left opens or closes a text.
    unquoted = _QUOTED.sub("", text.replace("\\\\", "").replace('\\"', ""))
    return unquoted.count(",") + unquoted.count("{") + unquoted.count("[")


def has_broken_characters(data: typing.Any) -> bool:
    """True when any text in the document, names included, holds a lone surrogate (which no file,
    screen or database can store). Walked without recursion, whatever the depth."""
    waiting = [data]
    while waiting:
        value = waiting.pop()
        if isinstance(value, str):
            if _SURROGATE.search(value):
                return True
        elif isinstance(value, dict):
            waiting.extend(value.keys())
            waiting.extend(value.values())
        elif isinstance(value, list):
            waiting.extend(value)
    return False


class _Refused(Exception):
    def __init__(self, reason: str):
        self.reason = reason
        super().__init__(reason)


def _one_of_each_name(pairs: list[tuple[str, typing.Any]]) -> dict[str, typing.Any]:
    result = dict(pairs)
    if len(result) < len(pairs):
        seen: set[str] = set()
        for name, _value in pairs:
            if name in seen:
                raise _Refused(
                    _('it gives "{name}" twice in the same place, so it is not clear which is meant.').format(
                        name=shortened(name)
                    )
                )
            seen.add(name)
    return result


def _whole_number(digits: str) -> int:
    if len(digits.lstrip("-")) > MOST_DIGITS:
        raise _Refused(_("it has a number {count:,} digits long.").format(count=len(digits.lstrip("-"))))
    return int(digits)


def _not_a_number(name: str) -> typing.NoReturn:
    raise _Refused(_("it has {name}, which is not a number a JSON file may hold.").format(name=name))


def shortened(text: str, most: int = 40) -> str:
    """Text from a file made safe to show in a message: at most ``most`` characters, with control characters
    and broken characters (which could upset a terminal or a screen) shown as �."""
    if len(text) > most:
        text = text[:most] + "…"
    return plain_characters(text)


_UNSHOWABLE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


def plain_characters(text: str) -> str:
    """``text`` with control characters and broken characters replaced by �: each message is one line."""
    return _UNSHOWABLE.sub("\ufffd", text)
