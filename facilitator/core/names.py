"""How people are named in a workshop's fields, and taking a person's name out of them.

Names are matched whole, ignoring letter case and spaces; a field that lists
several people ("Joan, Sam") loses only the one removed.
"""

from __future__ import annotations

import re
import sqlite3

# The parts (and their tables) whose fields name one person or a few, separated by commas or "and".
NAME_FIELDS = {
    "decisions": ("decisions", "suggested_by"),
    "ideas": ("ideas", "suggested_by"),
    "parked_questions": ("parked_questions", "asked_by"),
    "actions": ("actions", "who"),
    "agenda": ("agenda_items", "led_by"),
}
SEPARATOR = re.compile(r"\s*(?:,|&|\band\b)\s*")


def names_in(workshop) -> list[str]:
    """Everyone in the room as the workshop knows them (a chosen name first), each once."""
    names = [(person.alias.strip() or person.name.strip()) for person in workshop.participants]
    names += [person.name.strip() for person in workshop.facilitators]
    return list(dict.fromkeys(name for name in names if name))


def names_of(person) -> set[str]:
    """The ways a person is named (name and chosen name), folded for matching."""
    return {fold(n) for n in (person.name, getattr(person, "alias", "")) if n.strip()}


def fold(name: str) -> str:
    return " ".join(name.split()).casefold()


def without(value: str, names: set[str]) -> str:
    """``value`` with the named people taken out ("" when they were all it held)."""
    if fold(value) in names:
        return ""
    pieces = SEPARATOR.split(value)
    if len(pieces) < 2 or not any(fold(p) in names for p in pieces):
        return value
    return ", ".join(p.strip() for p in pieces if p.strip() and fold(p) not in names)


def forget_in_file(conn: sqlite3.Connection, names: set[str]) -> int:
    """Remove the named people from every workshop in the open file; how many places held them.

    Runs inside the caller's transaction. Tables an older file does not have yet are passed over."""
    conn.create_function("named", 1, lambda value: value is not None and fold(value) in names, deterministic=True)
    conn.create_function("without", 1, lambda value: without(value or "", names), deterministic=True)
    count = 0
    statements = [
        "DELETE FROM participants WHERE named(name) OR named(alias)",
        "DELETE FROM facilitators WHERE named(name)",
        "DELETE FROM pronunciations WHERE named(written)",
        *(f"UPDATE {table} SET {column} = without({column}) WHERE {column} != without({column})"
          for table, column in NAME_FIELDS.values()),
    ]
    for statement in statements:
        try:
            count += conn.execute(statement).rowcount
        except sqlite3.OperationalError as error:
            if "no such" not in str(error):
                raise
    return count
