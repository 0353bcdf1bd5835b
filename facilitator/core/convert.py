"""Turn model objects into plain values (for SQLite and JSON) and back.

Dates become ISO text ("2026-03-03"), times "HH:MM", enums their value.
The reverse direction trusts its input: validation of outside data lives in
``exchange.py``.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import types
import typing
from dataclasses import fields, is_dataclass

from facilitator.core import model


@functools.cache
def field_types(cls: type) -> dict[str, typing.Any]:
    """Each field of a model class and its type, with ``X | None`` unwrapped."""
    hints = typing.get_type_hints(cls, vars(model))
    result = {}
    for f in fields(cls):
        hint = hints[f.name]
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        if typing.get_origin(hint) in (typing.Union, types.UnionType):
            hint = args[0]
        result[f.name] = hint
    return result


def plain(value: typing.Any) -> typing.Any:
    """One field's value as a plain JSON-friendly value."""
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dt.datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    if isinstance(value, list):
        return [plain(v) for v in value]
    if is_dataclass(value):
        return to_dict(value)
    return value


def from_plain(kind: typing.Any, value: typing.Any) -> typing.Any:
    """The reverse of ``plain`` for one field of the given type."""
    return None if value is None else reader(kind)(value)


@functools.cache
def reader(kind: typing.Any) -> typing.Callable[[typing.Any], typing.Any]:
    """How a plain value (not None) of the given type is read back, worked out once for each type.

    Reading a thousand decisions asks the same question of the same types many
    thousand times; the answer is kept."""
    if typing.get_origin(kind) is list:
        (inner,) = typing.get_args(kind)
        return lambda values: [from_plain(inner, v) for v in values]
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return kind
    if kind is dt.datetime:
        return dt.datetime.fromisoformat
    if kind is dt.date:
        return dt.date.fromisoformat
    if kind is dt.time:
        return dt.time.fromisoformat
    if kind is bool:
        return bool
    if is_dataclass(kind):
        return lambda values: from_dict(kind, values)
    return _same


def _same(value: typing.Any) -> typing.Any:
    return value


def to_dict(obj: typing.Any) -> dict[str, typing.Any]:
    """A part's own fields as plain values (lists of parts are left out)."""
    return {
        name: plain(getattr(obj, name))
        for name, kind in field_types(type(obj)).items()
        if typing.get_origin(kind) is not list or not _is_part_list(kind)
    }


def from_dict(cls: type, values: dict[str, typing.Any]) -> typing.Any:
    """Build a part from plain values; fields not given keep their defaults."""
    readers = _readers(cls)
    kwargs = {name: None if v is None else readers[name](v) for name, v in values.items() if name in readers}
    return cls(**kwargs)


@functools.cache
def _readers(cls: type) -> dict[str, typing.Callable[[typing.Any], typing.Any]]:
    return {name: reader(kind) for name, kind in field_types(cls).items()}


@functools.cache
def list_fields(cls: type) -> frozenset[str]:
    """The fields of a model class that hold lists (stored as JSON text in SQLite)."""
    return frozenset(name for name, kind in field_types(cls).items() if typing.get_origin(kind) is list)


def _is_part_list(kind: typing.Any) -> bool:
    (inner,) = typing.get_args(kind)
    return inner in model.WORKSHOP_PARTS.values()
