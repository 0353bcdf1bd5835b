"""Hints about a piece of text while it is typed: hard words, long sentences.

The planner's text boxes ask a ``HintChecker`` about their text and underline
what it finds. The checker itself belongs to the plain-words work; until it is
plugged in, ``no_hints`` is used and nothing is underlined.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Hint:
    """``text[start:end]`` could be plainer; ``message`` says why and what to say instead."""

    start: int
    end: int
    message: str


HintChecker = Callable[[str], list[Hint]]


def no_hints(text: str) -> list[Hint]:
    return []
