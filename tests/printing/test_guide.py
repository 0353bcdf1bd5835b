"""The guide "How to run a workshop with facilitator" as a printed page: every step there, easy-read sizes,
each step with its picture, in the facilitator's language."""

from __future__ import annotations

import io

import pdfplumber
import pytest

from facilitator.guide import PARTS, guide_sections, step_words
from facilitator.i18n import in_language
from facilitator.pictures.catalogue import PictureCatalogue
from facilitator.printing.guide import guide_pdf
from facilitator.printing.layout import load_layout
from facilitator.printing.pictures import PrintPictures


@pytest.fixture(scope="module")
def catalogue():
    return PictureCatalogue.load()


def printed(catalogue, language: str) -> tuple[int, pdfplumber.PDF]:
    out = io.BytesIO()
    pages = guide_pdf(out, load_layout("standard"), PrintPictures(catalogue), language)
    return pages, pdfplumber.open(io.BytesIO(out.getvalue()))


def test_every_step_is_printed_at_an_easy_read_size_with_a_picture(catalogue):
    pages, pdf = printed(catalogue, "en")
    with pdf:
        assert pages == len(pdf.pages) > 1
        text = " ".join(" ".join((page.extract_text() or "").split()) for page in pdf.pages)
        steps = [step for part in PARTS for step in part.steps]
        for step in steps:
            assert " ".join(step_words(step).split()) in text
        assert "Press F5 to start presenting." in text and "Press the right arrow or Page Down" in text
        sizes = {round(char["size"]) for page in pdf.pages for char in page.chars if char["text"].strip()}
        assert min(sizes) >= 14  # the page number is the smallest; every step is body size
        pictures = sum(len(page.images) + len(page.curves) + len(page.rects) for page in pdf.pages)
        assert pictures > len(steps)
        assert pdf.metadata.get("Title") == "How to run a workshop with facilitator"


def test_every_step_has_a_picture_of_its_own_from_the_vocabulary(catalogue):
    for part in PARTS:
        assert catalogue.resolve(part.picture) is not None, part.picture
        for step in part.steps:
            assert catalogue.resolve(step.picture) is not None, step.picture


def test_the_sentences_are_short(catalogue):
    for section in guide_sections():
        for entry in section.entries:
            for sentence in entry.text.replace("?", ".").split(". "):
                assert len(sentence.split()) <= 15, sentence


@pytest.mark.parametrize("language", ["cy", "ar"])
def test_it_prints_in_the_facilitator_s_language(catalogue, language):
    pages, pdf = printed(catalogue, language)
    with pdf:
        assert pages >= 1
        first = pdf.pages[0]
        text = "".join(page.extract_text() or "" for page in pdf.pages)
        assert "F5" in text and "Ctrl+P" in text
        # Right to left, the page is mirrored: the pictures stand on the right of the words.
        drawn = [shape["x0"] for shape in first.curves + first.images]
        middle = first.width / 2
        on_the_right = sum(x > middle for x in drawn) / len(drawn)
        assert on_the_right > 0.9 if language == "ar" else on_the_right < 0.1


def test_keys_stay_left_to_right_in_arabic_words():
    from facilitator.guide import LEFT_TO_RIGHT_MARK, key_words

    with in_language("ar"):
        assert key_words("Ctrl++") == f"{LEFT_TO_RIGHT_MARK}Ctrl++{LEFT_TO_RIGHT_MARK}"
    assert key_words("Ctrl++") == "Ctrl++"
