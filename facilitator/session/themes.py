"""The participant screen's colour themes, and the contrast they must reach.

Every colour used for words is at least 7:1 against its background (WCAG's
AAA level, 1.4.6); the timer's colours are at least 3:1 (1.4.11, for shapes).
``tests/session/test_themes.py`` checks the numbers, and a UI test measures
them again on the drawn screen.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from facilitator.i18n import N_

TEXT_CONTRAST = 7.0
SHAPE_CONTRAST = 3.0


@dataclass(frozen=True)
class Theme:
    key: str
    name: str  # marked with N_, translated when shown
    background: str
    text: str
    quiet: str  # words that matter less (the strip, "next"), still 7:1
    timer: str  # the time that is left
    track: str  # where the time has gone
    highlight: str  # behind a word that is being read aloud
    highlight_text: str
    picture_card: str  # behind each picture: the pictures' dark outlines need a light card

    def text_colours(self) -> dict[str, str]:
        return {"text": self.text, "quiet": self.quiet}


THEMES: dict[str, Theme] = {
    theme.key: theme
    for theme in (
        Theme(
            "cream", N_("Dark on cream"), background="#FFF8DC", text="#1A1A1A", quiet="#333026",
            timer="#1D4E89", track="#D9CFA8", highlight="#1D4E89", highlight_text="#FFFFFF",
            picture_card="#FFFFFF",
        ),
        Theme(
            "black", N_("White on black"), background="#000000", text="#FFFFFF", quiet="#E6E6E6",
            timer="#FFD500", track="#4D4D4D", highlight="#FFD500", highlight_text="#000000",
            picture_card="#EDEDED",
        ),
        Theme(
            "yellow", N_("Black on yellow"), background="#FFE600", text="#000000", quiet="#1F1F1F",
            timer="#000000", track="#B8A400", highlight="#000000", highlight_text="#FFE600",
            picture_card="#FFFFFF",
        ),
    )
}
DEFAULT_THEME = "cream"

# How much bigger than normal the words are, for a large room.
TEXT_SIZES = {"normal": (N_("Normal"), 1.0), "large": (N_("Large"), 1.2), "largest": (N_("Largest"), 1.4)}
DEFAULT_TEXT_SIZE = "normal"


def theme(key: str) -> Theme:
    """The theme with this key; the default one when the key is not known."""
    return THEMES.get(key, THEMES[DEFAULT_THEME])


def text_scale(key: str) -> float:
    return TEXT_SIZES.get(key, TEXT_SIZES[DEFAULT_TEXT_SIZE])[1]


def rgb(colour: str) -> tuple[int, int, int]:
    """"#RRGGBB" as three numbers from 0 to 255."""
    value = colour[1:] if colour.startswith("#") else colour
    if not re.fullmatch(r"[0-9A-Fa-f]{6}", value):
        raise ValueError(f"not a #RRGGBB colour: {colour!r}")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def luminance(colour: str | tuple[int, int, int]) -> float:
    """WCAG relative luminance, from 0 (black) to 1 (white)."""
    channels = rgb(colour) if isinstance(colour, str) else colour

    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(first: str | tuple[int, int, int], second: str | tuple[int, int, int]) -> float:
    """WCAG contrast ratio between two colours, from 1 to 21."""
    a, b = sorted((luminance(first), luminance(second)), reverse=True)
    return (a + 0.05) / (b + 0.05)
