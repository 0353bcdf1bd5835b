"""The easy-read rules every printout must keep (issue 8), checked in the PDFs themselves."""

from __future__ import annotations

import dataclasses
import io
import json
import subprocess

import pdfplumber
import pytest

from facilitator import cli
from facilitator.core.demo import demo_workshop
from facilitator.core.model import Agreement, Decision
from facilitator.core.summary import Names, hard_words_from, summary_sections
from facilitator.language.glossary import Glossary
from facilitator.pictures.catalogue import PictureCatalogue
from facilitator.printing.documents import PrintProblem, agenda_pdf, cards_pdf, summary_pdf
from facilitator.printing.layout import LayoutRefused, load_layout, parse_layout
from facilitator.printing.pictures import PrintPictures

SMALLEST = {"standard": 16, "large-print": 20}
WELSH = "Dŵr a ŷd: Ŵyn ac Ŷ. Â Ê Î Ô Û â ê î ô û “quoted” ‘single’ … – done"


@pytest.fixture(scope="module")
def pictures():
    return PrintPictures(PictureCatalogue.load())


@pytest.fixture(scope="module")
def glossary():
    return Glossary.built_in()


def thirty(welsh: bool = False):
    _group, workshop = demo_workshop()
    pictures = ["bus", "tea", "garden", "music", "money", "door", "lift", "calendar", "quiet", "building"]
    workshop.decisions = [
        Decision(f"{n + 1}. We will ask about the {pictures[n % 10]} and write to everyone about it in a short letter."
                 + (f" {WELSH}" if welsh and n == 0 else ""),
                 picture=pictures[n % 10], agreement=Agreement.COUNTED, agree=5, not_sure=1, disagree=1, agreed=True)
        for n in range(30)
    ]
    return workshop


def pdf_of(build, workshop, *args, **kwargs) -> pdfplumber.PDF:
    """Build a PDF in memory with ``build`` (summary_pdf, agenda_pdf or cards_pdf) and open it."""
    out = io.BytesIO()
    build(workshop, out, *args, **kwargs)
    out.seek(0)
    return pdfplumber.open(out)


@pytest.fixture(scope="module")
def summaries(pictures, glossary):
    made = {}
    for name in SMALLEST:
        made[name] = pdf_of(summary_pdf, thirty(welsh=True), load_layout(name), pictures,
                            hard_words=hard_words_from(glossary))
    return made


@pytest.mark.parametrize("name", list(SMALLEST))
@pytest.mark.parametrize("kind", ["summary", "agenda", "cards"])
def test_no_words_are_smaller_than_the_layout_allows(pictures, glossary, name, kind):
    workshop = thirty()
    build = {"summary": summary_pdf, "agenda": agenda_pdf, "cards": cards_pdf}[kind]
    pdf = pdf_of(build, workshop, load_layout(name), pictures)
    sizes = {round(char["size"], 1) for page in pdf.pages for char in page.chars}
    assert sizes and min(sizes) >= SMALLEST[name], sorted(sizes)


def test_every_decision_has_its_picture_on_its_left(summaries):
    pdf = summaries["standard"]
    found = 0
    for page in pdf.pages:
        words = page.extract_words()
        drawn = page.curves + page.rects + page.lines
        for word in words:
            if word["text"].rstrip(".").isdigit() and any(
                w["text"] == "We" and abs(w["top"] - word["top"]) < 2 and w["x0"] > word["x0"] for w in words
            ):
                left = [o for o in drawn if o["x1"] <= word["x0"] + 1 and o["top"] < word["bottom"] + 60
                        and o["bottom"] > word["top"] - 10]
                assert left, f"no picture left of decision {word['text']} on page {page.page_number}"
                found += 1
    assert found == 30


def test_the_fonts_of_the_words_are_embedded(summaries, tmp_path):
    path = tmp_path / "s.pdf"
    pdf = summaries["standard"]
    used = {char["fontname"].split("+")[-1] for page in pdf.pages for char in page.chars}
    assert used == {"AtkinsonHyperlegibleNext-Regular", "AtkinsonHyperlegibleNext-Bold"}
    pdf.stream.seek(0)
    path.write_bytes(pdf.stream.read())
    listed = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    embedded = {line.split()[0].split("+")[-1] for line in listed if line.split()[-5] == "yes"}
    assert used <= embedded, listed


def test_welsh_letters_come_out_as_written(summaries):
    text = "".join(page.extract_text() for page in summaries["standard"].pages)
    assert WELSH.split(":")[0] in text
    for letter in "ŵŷŴŶâêîôûÂÊÎÔÛ“”‘’…":
        assert letter in text


def test_the_hard_words_are_exactly_the_glossary_words_used(pictures, glossary):
    _group, workshop = demo_workshop()
    hard_words = hard_words_from(glossary)
    sections = summary_sections(workshop, hard_words=hard_words)
    listed = [entry.text for section in sections if section.key == "words" for entry in section.entries]
    others = " ".join(e.text + " " + e.detail for s in sections if s.key not in ("words", "who", "thanks")
                      for e in s.entries)
    assert listed and sorted(listed) == sorted({term for term, _key in hard_words(others)})
    text = "".join(page.extract_text() for page in pdf_of(summary_pdf, workshop, load_layout("standard"), pictures,
                                                             hard_words=hard_words).pages)
    after = text.split("Hard words", 1)[1].split("Thank you", 1)[0]
    assert all(term in after for term in listed)


def test_dates_are_in_easy_read_form(pictures):
    _group, workshop = demo_workshop()
    text = pdf_of(agenda_pdf, workshop, load_layout("standard"), pictures).pages[0].extract_text()
    assert workshop.date.strftime("%A %-d %B %Y") in text
    welsh = pdf_of(agenda_pdf, dataclasses.replace(workshop, language="cy"), load_layout("standard"), pictures)
    assert "Rhagfyr" in welsh.pages[0].extract_text() or workshop.date.month != 12


def test_thirty_decisions_fit_in_twenty_pages(summaries):
    assert all(len(pdf.pages) <= 20 for pdf in summaries.values())


def test_names_stay_out_unless_chosen(pictures):
    _group, workshop = demo_workshop()
    def text(names):
        pdf = pdf_of(summary_pdf, workshop, load_layout("standard"), pictures, names=names)
        return " ".join(page.extract_text() for page in pdf.pages)
    counted, named = text(Names.COUNT), text(Names.NAMES)
    for participant in workshop.participants:
        if participant.name:
            assert participant.name not in counted
    assert "8 people came." in counted
    assert all(p.name in named.replace("\n", " ") for p in workshop.participants if p.name and not p.alias)


def test_letters_no_font_has_stop_the_printout_with_a_message(pictures):
    _group, workshop = demo_workshop()
    workshop.decisions[0].text = "会议 in the hall"
    with pytest.raises(PrintProblem, match="会 议"):
        summary_pdf(workshop, io.BytesIO(), load_layout("standard"), pictures)


def test_arabic_is_printed_joined_and_emoji_are_left_out(pictures):
    _group, workshop = demo_workshop()
    workshop.decisions[0].text = "نلتقي في المكتبة 🚌 Tuesday"
    pdf = pdf_of(summary_pdf, workshop, load_layout("standard"), pictures)
    chars = [c for page in pdf.pages for c in page.chars]
    assert any(c["fontname"].endswith("NotoSansArabic-Regular") for c in chars)
    assert not any(c["text"] == "🚌" for c in chars)
    assert any(0xFE70 <= ord(c["text"]) <= 0xFEFF for c in chars)  # joined letter forms


def test_an_arabic_workshop_has_its_pictures_on_the_right(pictures):
    _group, workshop = demo_workshop()
    workshop.language = "ar"
    page = pdf_of(agenda_pdf, workshop, load_layout("standard"), pictures).pages[1]
    words = [c for c in page.chars if c["size"] >= 18]
    drawn = [o for o in page.curves if o["x0"] > page.width / 2]
    assert words and drawn
    assert max(o["x1"] for o in drawn) > max(c["x1"] for c in words)


@pytest.mark.parametrize("data, problem", [
    ({"body_size": 12}, "body_size"),
    ({"paper_colour": "cream"}, "paper_colour"),
    ({"page_size": "A5"}, "page_size"),
    ({"shiny": True}, "shiny"),
])
def test_a_layout_that_breaks_the_rules_is_refused_with_what_is_wrong(data, problem):
    with pytest.raises(LayoutRefused) as raised:
        parse_layout(data)
    assert problem in raised.value.problems[0]


def test_letter_paper_and_document_properties(pictures, tmp_path):
    _group, workshop = demo_workshop()
    layout = dataclasses.replace(load_layout("standard"), page_size="Letter", organisation="Riverside Council")
    pdf = pdf_of(summary_pdf, workshop, layout, pictures)
    assert (round(pdf.pages[0].width), round(pdf.pages[0].height)) == (612, 792)
    assert pdf.metadata["Title"] == "Notes from our meeting: " + workshop.title
    assert pdf.metadata["Author"] == "Riverside Council"


# -- facilitator print ----------------------------------------------------------------------------------


@pytest.fixture
def workshop_file(tmp_path):
    from facilitator.core import exchange

    def write(workshop) -> str:
        path = tmp_path / "workshop.json"
        path.write_text(json.dumps(exchange.workshop_document(workshop, None)), encoding="utf-8")
        return str(path)

    return write


def run(capsys, *args):
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("kind", ["summary", "agenda", "cards"])
def test_print_writes_each_kind(workshop_file, tmp_path, capsys, kind):
    out = tmp_path / f"{kind}.pdf"
    code, said, err = run(capsys, "print", kind, workshop_file(demo_workshop()[1]), "-o", str(out), "--layout", "large-print")
    assert code == 0, err
    pages = len(pdfplumber.open(out).pages)
    assert said.strip() == f"Saved {out} ({pages} pages)."
    assert not list(tmp_path.glob("*.part"))


def test_print_with_an_unknown_layout_names_the_ones_there_are(workshop_file, tmp_path, capsys):
    code, _said, err = run(capsys, "print", "summary", workshop_file(demo_workshop()[1]), "-o", str(tmp_path / "x.pdf"),
                           "--layout", "glossy")
    assert code == 2
    assert "no layout called “glossy”" in err and "standard" in err and "large-print" in err
    assert not (tmp_path / "x.pdf").exists()


def test_print_of_what_cannot_be_printed_leaves_no_file(workshop_file, tmp_path, capsys):
    workshop = demo_workshop()[1]
    workshop.decisions[0].text = "会议"
    out = tmp_path / "x.pdf"
    code, _said, err = run(capsys, "print", "summary", workshop_file(workshop), "-o", str(out))
    assert code == 1 and "has no letters for: 会 议" in err
    assert list(tmp_path.glob("x.pdf*")) == []


def test_print_names_only_when_asked(workshop_file, tmp_path, capsys):
    workshop = demo_workshop()[1]
    path = workshop_file(workshop)
    for names in ("count", "names"):
        assert run(capsys, "print", "summary", path, "-o", str(tmp_path / f"{names}.pdf"), "--names", names)[0] == 0
    counted = " ".join(p.extract_text() for p in pdfplumber.open(tmp_path / "count.pdf").pages)
    named = " ".join(p.extract_text() for p in pdfplumber.open(tmp_path / "names.pdf").pages)
    assert "Joan Whitfield" in named and "Joan Whitfield" not in counted


def test_a_welsh_workshop_prints_in_welsh_whatever_the_app_s_language(pictures):
    from facilitator.i18n import _, in_language, language

    workshop = dataclasses.replace(demo_workshop()[1], language="cy")
    with in_language("cy"):
        heading, decided = _("Our meeting"), _("What we will do")
    assert language() == "en" and heading != "Our meeting" and decided != "What we will do"
    text = " ".join(page.extract_text() for page in pdf_of(agenda_pdf, workshop, load_layout("standard"), pictures).pages)
    assert heading in text and decided in text and "Our meeting" not in text
    assert "Rhagfyr" in text or workshop.date.month != 12
