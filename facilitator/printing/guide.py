"""The guide "How to run a workshop with facilitator" as an easy-read PDF, in the facilitator's language.

It is laid out as the summary is: each part a band with its heading and picture, each step a row with
its own picture beside its words, by the same layout (``layout.py``) and fonts.
"""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from facilitator.guide import guide_sections, guide_title
from facilitator.i18n import in_language, language_now
from facilitator.printing.documents import _Printer
from facilitator.printing.layout import Layout
from facilitator.printing.pictures import PrintPictures


def guide_pdf(out: Path | BinaryIO, layout: Layout, pictures: PrintPictures, language: str | None = None) -> int:
    """The guide in ``language`` (the app's own when None); the number of pages written."""
    language = language or language_now()
    with in_language(language):
        return _Printer(layout, pictures, language).sections(guide_sections(), out, guide_title())
