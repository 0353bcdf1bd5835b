"""The printed summary of a meeting that chose between options, kept questions for later and left a
decision still to make: each option with its own picture, and the questions in their own section."""

from __future__ import annotations

import io

import pdfplumber
import pytest

from facilitator.core.model import Agreement, Decision, Option, ParkedQuestion, Workshop
from facilitator.pictures.catalogue import PictureCatalogue
from facilitator.printing.documents import summary_pdf
from facilitator.printing.layout import load_layout
from facilitator.printing.pictures import PrintPictures

MM = 72 / 25.4
OPTIONS = ("At home", "At the day centre", "Monday")


@pytest.fixture(scope="module")
def printed() -> pdfplumber.PDF:
    workshop = Workshop(
        "Winter meetings", language="en",
        decisions=[
            Decision("We meet at the day centre in the winter", agreement=Agreement.CHOSEN, agreed=True,
                     options=[Option("At home", "home", 3), Option("At the day centre", "day centre", 5),
                              Option("Monday", "", 1)]),  # kept without a picture: a plain shape is printed
            Decision("Buy a new kettle", agreement=Agreement.NOT_YET),
        ],
        parked_questions=[ParkedQuestion("Can the bus come earlier?")],
    )
    out = io.BytesIO()
    summary_pdf(workshop, out, load_layout("standard"), PrintPictures(PictureCatalogue.load()))
    return pdfplumber.open(io.BytesIO(out.getvalue()))


def lines(pdf: pdfplumber.PDF) -> list[str]:
    return [line["text"] for page in pdf.pages for line in page.extract_text_lines()]


def test_questions_kept_for_later_are_printed_under_their_own_heading(printed):
    shown = lines(printed)
    still, later = shown.index("What we still need to decide"), shown.index("Questions we kept for later")
    kettle, bus = shown.index("Buy a new kettle"), shown.index("Can the bus come earlier?")
    assert still < kettle < later < bus


def test_each_option_is_printed_with_a_picture_of_its_own_beside_it(printed):
    layout = load_layout("standard")
    margin, side = layout.margin * MM, layout.picture_size * MM
    colours = []
    for words in OPTIONS:
        page, line = next((page, line) for page in printed.pages for line in page.extract_text_lines()
                          if line["text"] == words)
        assert line["x0"] >= margin + side - 0.5  # the words right of the picture column
        beside = [shape for shape in page.curves + page.rects
                  if shape["x0"] >= margin - 1 and shape["x1"] <= line["x0"]
                  and shape["bottom"] > line["top"] - 12 and shape["top"] < line["top"] + side]
        assert beside, f"no picture beside “{words}”"
        colours.append(frozenset(tuple(shape["non_stroking_color"] or ()) for shape in beside if shape["fill"]))
    assert len(set(colours)) == len(OPTIONS), "two options look the same"
    text = " ".join(lines(printed))
    assert "5 people chose this. Most people chose this." in text and "1 person chose this." in text
