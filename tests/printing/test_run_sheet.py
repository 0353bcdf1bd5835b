"""The facilitators' run-sheet: what it says and in which language, its sizes, its marks and mirror, long rows,
and ``facilitator print run-sheet``. Opened with pdfplumber, as the room's printouts are."""

from __future__ import annotations

import datetime as dt
import io
import json
import unicodedata
from pathlib import Path

import pdfplumber
import pytest

from facilitator import cli
from facilitator.core import exchange
from facilitator.core.demo import demo_workshop
from facilitator.core.model import AccessNeed, AgendaItem, Facilitator, ItemKind, Participant, Workshop
from facilitator.core.summary import Names
from facilitator.i18n import _, in_language
from facilitator.pictures.catalogue import PictureCatalogue
from facilitator.printing.documents import PrintProblem, summary_pdf
from facilitator.printing.layout import load_layout
from facilitator.printing.pictures import PrintPictures
from facilitator.printing.run_sheet import SMALLEST, run_sheet_pdf, sheet_heading, sheet_rows
from tests.core.samples import ARABIC

LAYOUTS = ("standard", "large-print")


def planned() -> Workshop:
    """A morning with three items, a break, two facilitators, and four people with needs, one ticked as came."""
    return Workshop(
        "Planning the garden", language="en", date=dt.date(2026, 3, 3), start_time=dt.time(10, 0),
        room_booked_until=dt.time(12, 0), place="Riverside Centre",
        facilitators=[Facilitator("Helen Price", role="Lead"), Facilitator("Marcus Reid", role="Co-facilitator",
                                                                           lived_experience=True)],
        participants=[
            Participant("Ann", access_needs=[AccessNeed.LARGE_PRINT, AccessNeed.HEARING_LOOP]),
            Participant("Bo", access_needs=[AccessNeed.LARGE_PRINT, AccessNeed.INTERPRETER]),
            Participant("Cai", access_needs=[AccessNeed.STEP_FREE]),
        ],
        agenda=[
            AgendaItem("Welcome", minutes=15, kind=ItemKind.WELCOME, led_by="Marcus Reid",
                       to_bring="Name badges, tea and coffee", notes="Check the hearing loop is on."),
            AgendaItem("What grows well", minutes=40, led_by="Helen and Ann", to_bring="Seed packets",
                       notes="Ask the quiet ones first.\nKeep it short."),
            AgendaItem("Tea break", minutes=15, kind=ItemKind.BREAK),
            AgendaItem("Choose three plants", minutes=20, kind=ItemKind.DECIDE, to_bring="Voting cards"),
        ],
    )


def pdf_of(workshop: Workshop, layout: str = "standard", language: str | None = None) -> pdfplumber.PDF:
    out = io.BytesIO()
    run_sheet_pdf(workshop, out, load_layout(layout), language)
    out.seek(0)
    return pdfplumber.open(out)


def text_of(pdf: pdfplumber.PDF) -> str:
    return " ".join(" ".join(page.extract_text() for page in pdf.pages).split())


# -- what it says --------------------------------------------------------------------------------------------


def test_the_top_says_when_where_who_runs_it_and_what_people_need():
    assert sheet_heading(planned(), "en") == [
        "Tuesday 3 March 2026 · 10:00 to 11:30 · Riverside Centre",
        "Room booked until 12:00",
        "Run by: Helen Price (Lead) and Marcus Reid (Co-facilitator)",
        "3 people taking part",
        "What people need: 2 people need large print · 1 person needs an interpreter · hearing loop · "
        "step-free access",
    ]


def test_each_item_has_its_time_minutes_title_who_leads_it_what_to_bring_and_the_notes():
    rows = sheet_rows(planned(), "en")
    assert [(row.time, row.minutes, row.title, row.lines, row.marked) for row in rows] == [
        ("10:00", "15 minutes", "Welcome", (("Leads:", "Marcus Reid"), ("Bring or prepare:", "Name badges, tea and coffee"),
                                            ("Notes:", "Check the hearing loop is on.")), False),
        ("10:15", "40 minutes", "What grows well", (("Leads:", "Helen and Ann"), ("Bring or prepare:", "Seed packets"),
                                                    ("Notes:", "Ask the quiet ones first.\nKeep it short.")), False),
        ("10:55", "15 minutes", "Tea break", (), True),
        ("11:10", "20 minutes", "Choose three plants", (("Bring or prepare:", "Voting cards"),), False),
        ("11:30", "", "End", (), False),
    ]


def test_the_pdf_says_it_all_in_order():
    text = text_of(pdf_of(planned()))
    in_order = [
        "Run-sheet: Planning the garden", "Tuesday 3 March 2026", "Run by: Helen Price (Lead) and Marcus Reid",
        "What people need: 2 people need large print", "Time What happens",
        "10:00", "Welcome", "Leads: Marcus Reid", "Bring or prepare: Name badges, tea and coffee",
        "Notes: Check the hearing loop is on.",
        "10:15", "What grows well", "Ask the quiet ones first. Keep it short.",
        "10:55", "Tea break", "11:10", "Choose three plants", "Voting cards", "11:30", "End",
    ]
    at = 0
    for words in in_order:
        found = text.find(words, at)
        assert found >= 0, (words, text[at:at + 200])
        at = found + len(words)


def test_once_people_are_ticked_the_count_and_the_needs_are_of_those_who_came():
    workshop = planned()
    workshop.participants[1].came = True
    assert sheet_heading(workshop, "en")[3:] == [
        "1 person taking part", "What people need: 1 person needs large print · 1 person needs an interpreter"]


def test_no_start_time_no_times_and_no_end():
    workshop = planned()
    workshop.start_time = None
    workshop.date = None
    rows = sheet_rows(workshop, "en")
    assert [row.time for row in rows] == ["", "", "", ""]
    assert sheet_heading(workshop, "en")[0] == "No date yet · Riverside Centre"
    assert "10:00" not in text_of(pdf_of(workshop))


def test_an_empty_agenda_says_so():
    assert "The agenda has no items yet." in text_of(pdf_of(Workshop("Nothing yet")))


# -- in the facilitator's language ---------------------------------------------------------------------------


def test_it_is_in_the_facilitator_s_language_not_the_workshop_s():
    workshop = planned()
    workshop.language = "cy"  # the room is Welsh; the facilitator's app is in English
    text = text_of(pdf_of(workshop))
    assert "Tuesday 3 March 2026" in text and "Dydd Mawrth" not in text
    welsh = text_of(pdf_of(planned(), language="cy"))  # a Welsh-speaking facilitator, an English room
    assert "Dydd Mawrth 3 Mawrth 2026" in welsh


def test_arabic_is_mirrored_with_the_times_on_the_right():
    workshop = planned()
    workshop.agenda[0].notes = ARABIC
    pdf = pdf_of(workshop, language="ar")
    page = pdf.pages[0]
    time = max((w for w in page.extract_words() if w["text"] == "10:00"), key=lambda w: w["top"])  # in the table
    assert time["x0"] > page.width * 0.7
    (title,) = [w for w in page.extract_words() if w["text"] == "Welcome"]
    assert page.width * 0.6 < title["x1"] < time["x0"]  # the words end just left of the time
    # The date is in Arabic ("الثلاثاء 3 مارس 2026"), printed in its own font.
    shaped = "".join(unicodedata.normalize("NFKC", c["text"]) for c in page.chars if c["fontname"].endswith("Arabic-Regular"))
    assert "مارس"[::-1] in shaped  # March, drawn in display order, right to left


# -- sizes, marks, pages -------------------------------------------------------------------------------------


@pytest.mark.parametrize("layout", LAYOUTS)
def test_no_letter_is_smaller_than_12_points_and_large_print_is_bigger(layout):
    workshop = planned()
    workshop.agenda[1].to_bring = "See https://example.org/" + "a-very-long-address-with-no-spaces-" * 6
    sizes = [char["size"] for page in pdf_of(workshop, layout).pages for char in page.chars]
    assert min(sizes) >= SMALLEST - 0.01
    body = max(set(sizes), key=sizes.count)
    assert body == pytest.approx(load_layout(layout).body_size * 0.75, abs=0.01)


def test_a_break_stands_out_in_the_layout_s_band_colour():
    layout = load_layout("standard")
    page = pdf_of(planned()).pages[0]
    band = tuple(int(layout.band_colour[n:n + 2], 16) / 255 for n in (1, 3, 5))
    filled = [r for r in page.rects if r.get("non_stroking_color") and
              all(abs(a - b) < 0.005 for a, b in zip(r["non_stroking_color"], band))]
    (tea,) = [w for w in page.extract_words() if w["text"] == "Tea"]
    assert any(r["top"] <= tea["top"] and tea["bottom"] <= r["bottom"] for r in filled)
    (welcome,) = [w for w in page.extract_words() if w["text"] == "Welcome"]
    assert not any(r["top"] <= welcome["top"] and welcome["bottom"] <= r["bottom"] for r in filled)


def test_long_notes_go_on_over_the_page_with_the_heading_again():
    workshop = planned()
    workshop.agenda[1].notes = "\n".join(f"Line {n}: ask each person what they would grow, and why." for n in range(90))
    pdf = pdf_of(workshop)
    assert len(pdf.pages) >= 2
    text = text_of(pdf)
    assert "Line 0:" in text and "Line 89:" in text
    assert all("Time What happens" in " ".join(page.extract_text().split()) for page in pdf.pages[:2])


def test_notes_too_long_for_any_page_in_arabic_are_refused_plainly():
    workshop = planned()
    workshop.agenda[1].notes = "\n".join(ARABIC for _n in range(200))
    with pytest.raises(PrintProblem) as refused:
        run_sheet_pdf(workshop, io.BytesIO(), load_layout("standard"), "ar")
    with in_language("ar"):  # said in the facilitator's language, as the sheet is
        assert str(refused.value) == _("Part of this printout is too big for the page, even alone on one page. Make "
                                       "its words shorter or choose a smaller layout. Nothing was saved.")
    assert "أكبر من الصفحة" in str(refused.value)


# -- the summary counts who came -----------------------------------------------------------------------------


def test_the_printed_summary_counts_those_who_came():
    workshop = planned()
    out = io.BytesIO()
    summary_pdf(workshop, out, load_layout("standard"), PrintPictures(PictureCatalogue.load()))
    assert "3 people came." in " ".join(pdfplumber.open(io.BytesIO(out.getvalue())).pages[0].extract_text().split())
    workshop.participants[0].came = workshop.participants[2].came = True
    out = io.BytesIO()
    summary_pdf(workshop, out, load_layout("standard"), PrintPictures(PictureCatalogue.load()), names=Names.NAMES)
    text = " ".join(" ".join(page.extract_text() for page in pdfplumber.open(io.BytesIO(out.getvalue())).pages).split())
    assert "Ann Cai" in text and "Bo" not in text.split()


# -- facilitator print run-sheet -----------------------------------------------------------------------------


def test_the_command_line_prints_the_run_sheet(tmp_path, capsys):
    group, workshop = demo_workshop(dt.date(2026, 11, 20))
    workshop.agenda[0].led_by = "Marcus Reid"
    path = tmp_path / "workshop.json"
    path.write_text(json.dumps(exchange.workshop_document(workshop, group), ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "run.pdf"
    assert cli.main(["print", "run-sheet", str(path), "-o", str(out)]) == 0
    said = capsys.readouterr().out
    assert said.startswith(f"Saved {out} (") and said.rstrip().endswith("pages).")
    with pdfplumber.open(out) as pdf:
        text = " ".join(" ".join(page.extract_text() for page in pdf.pages).split())
    assert text.startswith(f"Run-sheet: {workshop.title}")
    assert "Leads: Marcus Reid" in text and "Run by: Helen Price" in text
    welsh = tmp_path / "rhedeg.pdf"
    assert cli.main(["print", "run-sheet", str(path), "-o", str(welsh), "--language", "cy"]) == 0
    with pdfplumber.open(welsh) as pdf:
        assert "Dydd Mawrth 8 Rhagfyr 2026" in pdf.pages[0].extract_text()
    assert sorted(p.name for p in Path(tmp_path).iterdir()) == ["rhedeg.pdf", "run.pdf", "workshop.json"]
