"""The app's own fonts, given to Qt, so the words can be read on a computer that has no fonts of its own.

The same fonts print the PDFs: Atkinson Hyperlegible Next (with the Welsh ŵ ŷ) and
Noto Sans Arabic. The participant screens always ask for them first. The window keeps the
computer's usual font, and takes the app's own only when the computer has none.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase, QFontInfo, QGuiApplication

from facilitator.resources import fonts_dir

LATIN = "Atkinson Hyperlegible Next"
ARABIC = "Noto Sans Arabic"
OWN_FAMILIES = (LATIN, ARABIC)  # in the order they are asked for: Arabic letters fall back to the second
FILES = (
    "AtkinsonHyperlegibleNext-Regular.ttf",
    "AtkinsonHyperlegibleNext-Bold.ttf",
    "NotoSansArabic-Regular.ttf",
    "NotoSansArabic-Bold.ttf",
)

_added: list[int] = []  # Qt's ids for the fonts added


def add_own_fonts() -> None:
    """Give the app's fonts to Qt, once for each Qt application (they cost a few milliseconds)."""
    if QGuiApplication.instance() is None:
        return
    if _added and QFontDatabase.applicationFontFamilies(_added[0]):
        return
    _added.clear()
    try:
        folder = fonts_dir()
    except FileNotFoundError:  # a broken install: Qt then uses the computer's fonts, as before
        return
    for name in FILES:
        found = QFontDatabase.addApplicationFont(str(folder / name))
        if found >= 0:
            _added.append(found)


def window_font(font: QFont) -> QFont:
    """``font`` as it is when the computer has a font for it; the app's own fonts, at its size, when not.

    With no fonts of its own, the computer's best match for the usual font is one of the app's
    fonts (or none at all), and Qt would draw Latin letters with the Arabic font.
    """
    if QFontInfo(font).family() not in ("", *OWN_FAMILIES):
        return font
    own = QFont(font)
    own.setFamilies(list(OWN_FAMILIES))
    return own
