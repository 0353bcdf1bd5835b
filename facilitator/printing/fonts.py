"""The fonts printed with: registered once with reportlab, embedded in every PDF, checked for every letter."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from facilitator.i18n import _
from facilitator.resources import fonts_dir

# The app's own font: Atkinson Hyperlegible Next has the Welsh ŵ ŷ Ŵ Ŷ (the first Atkinson Hyperlegible had not).
BUILT_IN = {
    "Atkinson Hyperlegible Next": ("AtkinsonHyperlegibleNext-Regular.ttf", "AtkinsonHyperlegibleNext-Bold.ttf"),
}
# Arabic (and its joined letter forms) are printed with Noto Sans Arabic, whatever the layout's font.
RIGHT_TO_LEFT_FONT = ("NotoSansArabic-Regular.ttf", "NotoSansArabic-Bold.ttf")
RIGHT_TO_LEFT = {"R", "AL"}  # Unicode bidirectional classes of Hebrew, Arabic, Syriac, Thaana...
ARABIC_BLOCKS = ((0x0590, 0x08FF), (0xFB1D, 0xFDFF), (0xFE70, 0xFEFF))  # Hebrew to Arabic Extended, presentation forms
PUNCTUATION_AFTER = re.compile(r"[ \t]+([.,!?;:])")


class FontProblem(ValueError):
    """Words that cannot be printed with the chosen font, said plainly."""


@dataclass(frozen=True)
class Fonts:
    regular: str  # the names registered with reportlab
    bold: str
    letters: frozenset[int]  # every character the regular and bold fonts both draw
    rtl_regular: str = ""  # the font for right-to-left words
    rtl_bold: str = ""
    rtl_letters: frozenset[int] = frozenset()

    def has(self, letter: str) -> bool:
        return ord(letter) in self.letters or ord(letter) in self.rtl_letters


def _register(regular_file: Path, bold_file: Path) -> tuple[str, str, frozenset[int]]:
    names = []
    letters = None
    for style, path in (("", regular_file), ("-Bold", bold_file)):
        name = f"{Path(path).stem}{style}"
        try:
            face = TTFont(name, str(path))
        except (TTFError, OSError) as error:
            raise FontProblem(_("The font file {path} cannot be used: {reason}").format(path=path, reason=error)) from error
        pdfmetrics.registerFont(face)
        names.append(name)
        drawn = frozenset(face.face.charToGlyph)
        letters = drawn if letters is None else letters & drawn
    return names[0], names[1], letters or frozenset()


@cache
def fonts_for(font: str) -> Fonts:
    """Register ``font`` (a built-in family's name, or the path of a TrueType .ttf file), its bold, and the
    right-to-left font."""
    if font in BUILT_IN:
        regular_file, bold_file = (fonts_dir() / name for name in BUILT_IN[font])
    else:
        regular_file = bold_file = Path(font).expanduser()
        if regular_file.suffix.lower() != ".ttf" or not regular_file.is_file():
            raise FontProblem(
                _("The font “{font}” is not one the app has ({names}) nor a .ttf file.").format(
                    font=font, names=", ".join(BUILT_IN))
            )
    regular, bold, letters = _register(regular_file, bold_file)
    rtl_regular, rtl_bold, rtl_letters = _register(*(fonts_dir() / name for name in RIGHT_TO_LEFT_FONT))
    return Fonts(regular, bold, letters, rtl_regular, rtl_bold, rtl_letters)


def _kind(letter: str) -> str:
    return unicodedata.category(letter)[0]


def missing_letters(fonts: Fonts, texts: Iterable[str]) -> str:
    """The letters, digits and punctuation in ``texts`` the font cannot draw, once each ("" when none)."""
    seen = dict.fromkeys("".join(texts))  # each letter once, in the order it first comes
    return "".join(letter for letter in seen if not fonts.has(letter) and _kind(letter) in "LNP")


def arabic_script(letter: str) -> bool:
    code = ord(letter)
    return any(low <= code <= high for low, high in ARABIC_BLOCKS)


def _drawn(fonts: Fonts, text: str, at: int) -> bool:
    letter = text[at]
    if ord(letter) in fonts.letters or letter in "\n\t":
        return True
    if unicodedata.category(letter) == "Cf":
        # A joiner or direction mark: kept inside Arabic words, dropped with the emoji it joins.
        before, after = text[at - 1:at], text[at + 1:at + 2]
        return bool(before and after and arabic_script(before) and arabic_script(after))
    if arabic_script(letter) and ord(letter) in fonts.rtl_letters:
        return True
    return _kind(letter) in "LNP"  # a letter no font has: missing_letters has refused it already


def drawable(fonts: Fonts, text: str) -> str:
    """``text`` less the symbols the fonts cannot draw (emoji and what joins them), so no box is printed."""
    if fonts.letters.issuperset(map(ord, text.replace("\n", "").replace("\t", ""))):
        return text  # the usual case, found at once: every letter is in the font
    kept = "".join(letter for at, letter in enumerate(text) if _drawn(fonts, text, at))
    if kept == text:
        return text
    lines = (PUNCTUATION_AFTER.sub(r"\1", re.sub(r"[ \t]{2,}", " ", line)).strip() for line in kept.split("\n"))
    return "\n".join(lines)
