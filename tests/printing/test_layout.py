"""Print layouts: the app's own, a facilitator's own (by name or by path), what is refused and why, and that a
layout's settings (page size, colours, section titles, cards on a page, font, logo) reach the PDF."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import json
import shutil

import pdfplumber
import pytest

from facilitator.core.demo import demo_workshop
from facilitator.core.summary import Names
from facilitator.pictures.catalogue import PictureCatalogue
from facilitator.printing.documents import PrintProblem, agenda_pdf, cards_pdf, summary_pdf
from facilitator.printing.layout import (
    LARGE_PRINT,
    SMALLEST_TEXT,
    Layout,
    LayoutRefused,
    layout_files,
    load_layout,
    parse_layout,
    user_layouts_dir,
)
from facilitator.printing.pictures import PrintPictures
from facilitator.resources import fonts_dir

TODAY = dt.date(2026, 11, 20)
SIZES = ("body_size", "detail_size", "heading_size", "title_size")


@pytest.fixture(scope="module")
def pictures():
    return PrintPictures(PictureCatalogue.load())


def demo():
    return demo_workshop(TODAY)[1]


def pdf_of(make, workshop, layout, pictures, **options) -> pdfplumber.PDF:
    out = io.BytesIO()
    make(workshop, out, layout, pictures, **options)
    return pdfplumber.open(io.BytesIO(out.getvalue()))


def text_of(pdf: pdfplumber.PDF) -> str:
    return " ".join(" ".join(page.extract_text() for page in pdf.pages).split())


def refused(data) -> list[str]:
    with pytest.raises(LayoutRefused) as raised:
        parse_layout(data)
    assert raised.value.problems
    assert str(raised.value) == "\n".join(raised.value.problems)
    return raised.value.problems


@pytest.fixture
def own_layouts(tmp_path, monkeypatch):
    """The facilitator's own layouts folder, empty, in a temporary data folder."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    folder = user_layouts_dir()
    assert str(folder).startswith(str(tmp_path))
    folder.mkdir(parents=True)
    return folder


# -- the app's own layouts ---------------------------------------------------------------------------------


def test_the_app_s_layouts_keep_the_easy_read_sizes():
    standard, large = load_layout("standard"), load_layout("large-print")
    assert standard == parse_layout(json.loads(layout_files()["standard"].read_text("utf-8")), standard.folder)
    for layout in (standard, large):
        assert all(getattr(layout, name) >= SMALLEST_TEXT == 16 for name in SIZES)
        assert layout.line_spacing >= 1.2
    assert not standard.large_print
    assert large.large_print and all(getattr(large, name) >= LARGE_PRINT == 20 for name in SIZES)
    assert large.picture_size > standard.picture_size  # bigger pictures too
    assert large.paper_colour != "#FFFFFF"  # cream


def test_large_print_means_every_size_is_20_or_more():
    assert Layout(body_size=20, detail_size=20).large_print
    assert not Layout(body_size=22, detail_size=18).large_print


# -- what is refused ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("name, value, allowed", [
    ("body_size", 12, "16 to 48"),
    ("body_size", 15.9, "16 to 48"),
    ("detail_size", 14, "16 to 48"),
    ("heading_size", 0, "16 to 72"),
    ("title_size", "big", "16 to 96"),
    ("body_size", True, "16 to 48"),
    ("body_size", None, "16 to 48"),
    ("line_spacing", 1.0, "1.2 to 2.5"),
    ("picture_size", 200, "15 to 80"),
    ("margin", 5, "10 to 40"),
    ("card_columns", 1.5, "1 to 3"),
    ("card_rows", 4, "1 to 3"),
])
def test_a_number_out_of_its_range_is_refused_naming_the_setting(name, value, allowed):
    problems = refused({name: value})
    assert len(problems) == 1
    assert f"“{name}”" in problems[0] and allowed in problems[0]
    assert json.dumps(value) in problems[0]


def test_body_size_12_is_refused_with_a_message_naming_body_size():
    assert refused({"body_size": 12}) == ["“body_size” should be a number from 16 to 48, not 12."]


@pytest.mark.parametrize("value", ["cream", "#FFF", "FFF8E1", "#GGGGGG", "#FFF8E1FF", 16775393])
@pytest.mark.parametrize("name", ["paper_colour", "text_colour", "heading_colour", "band_colour"])
def test_a_colour_that_is_not_a_colour_is_refused(name, value):
    problems = refused({name: value})
    assert len(problems) == 1 and f"“{name}”" in problems[0]


def test_unknown_settings_are_refused_by_name():
    problems = refused({"shiny": True, "font_size": 18, "folder": "/tmp", "body_size": 18})
    assert problems == ["The layout has settings this version does not know: folder, font_size, shiny."]


@pytest.mark.parametrize("value", ["A5", "Legal", "a4", 4])
def test_a_page_size_other_than_a4_or_letter_is_refused(value):
    problems = refused({"page_size": value})
    assert len(problems) == 1 and "page_size" in problems[0]


@pytest.mark.parametrize("value", [["decided"], {"decided": 3}, "What we agreed"])
def test_section_titles_must_name_sections_and_titles(value):
    problems = refused({"section_titles": value})
    assert len(problems) == 1 and "section_titles" in problems[0]


def test_a_section_title_for_no_section_is_refused():
    problems = refused({"section_titles": {"decidd": "What we agreed"}})
    assert "decidd" in problems[0]


def test_every_problem_is_given_at_once():
    problems = refused({"body_size": 12, "paper_colour": "cream", "page_size": "A5", "shiny": 1})
    assert len(problems) == 4
    assert [name for name in ("shiny", "body_size", "paper_colour", "page_size")
            if any(name in problem for problem in problems)] == ["shiny", "body_size", "paper_colour", "page_size"]


@pytest.mark.parametrize("data", [[], "standard", 18, None])
def test_a_file_that_is_not_a_set_of_values_is_refused(data):
    assert len(refused(data)) == 1


def test_what_is_accepted_is_tidied():
    layout = parse_layout({"card_columns": 2.0, "paper_colour": " #FFF8E1 ", "page_size": "Letter",
                           "section_titles": {"decided": " What we agreed ", "next": "   "}})
    assert layout.card_columns == 2 and isinstance(layout.card_columns, int)
    assert layout.paper_colour == "#FFF8E1"
    assert layout.page_size == "Letter"
    assert layout.section_titles == {"decided": "What we agreed"}
    assert parse_layout({}) == Layout()


# -- finding layouts ---------------------------------------------------------------------------------------


def test_an_unknown_layout_name_lists_the_layouts_there_are():
    with pytest.raises(LayoutRefused) as raised:
        load_layout("glossy")
    message = raised.value.problems[0]
    assert "“glossy”" in message and "standard" in message and "large-print" in message


def test_a_layout_file_can_be_named_by_its_path(tmp_path, pictures):
    path = tmp_path / "mine.json"
    path.write_text(json.dumps({"name": "Mine", "body_size": 24, "detail_size": 20, "paper_colour": "#FFFFCC"}),
                    encoding="utf-8")
    layout = load_layout(str(path))
    assert (layout.name, layout.body_size, layout.folder) == ("Mine", 24, tmp_path)
    sizes = {round(char["size"], 1) for page in pdf_of(agenda_pdf, demo(), layout, pictures).pages
             for char in page.chars}
    assert 24 in sizes and min(sizes) >= 20


def test_a_broken_layout_file_says_where(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('{\n  "name": "Broken",\n  "body_size": 18\n  "margin": 20\n}\n', encoding="utf-8")
    with pytest.raises(LayoutRefused) as raised:
        load_layout(str(path))
    message = raised.value.problems[0]
    assert "broken.json" in message and "line 4, column 3" in message


def test_a_layout_file_that_is_not_text_says_so(tmp_path):
    path = tmp_path / "binary.json"
    path.write_bytes(b"\xff\xfe\x00{")
    with pytest.raises(LayoutRefused) as raised:
        load_layout(str(path))
    assert "cannot be read" in raised.value.problems[0]


def test_a_refused_layout_file_gives_its_problems(tmp_path):
    path = tmp_path / "small.json"
    path.write_text(json.dumps({"body_size": 12}), encoding="utf-8")
    with pytest.raises(LayoutRefused) as raised:
        load_layout(str(path))
    assert "body_size" in raised.value.problems[0]


def test_the_facilitator_s_own_layouts_are_found_by_name_and_win(own_layouts):
    (own_layouts / "big-cards.json").write_text(json.dumps({"name": "Big cards", "card_columns": 1}), "utf-8")
    (own_layouts / "standard.json").write_text(json.dumps({"name": "Our standard", "body_size": 20}), "utf-8")
    assert set(layout_files()) >= {"standard", "large-print", "big-cards"}
    assert load_layout("big-cards").card_columns == 1
    assert load_layout("standard").name == "Our standard"
    assert load_layout("large-print").name == "Large print"


# -- the layout reaches the page ---------------------------------------------------------------------------


@pytest.mark.parametrize("page_size, size", [("A4", (595, 842)), ("Letter", (612, 792))])
@pytest.mark.parametrize("make", [summary_pdf, agenda_pdf, cards_pdf], ids=["summary", "agenda", "cards"])
def test_the_page_size(pictures, make, page_size, size):
    layout = parse_layout({"page_size": page_size})
    pdf = pdf_of(make, demo(), layout, pictures)
    assert {(round(page.width), round(page.height)) for page in pdf.pages} == {size}


def test_the_paper_and_text_colours(pictures):
    layout = load_layout("large-print")
    pdf = pdf_of(agenda_pdf, demo(), layout, pictures)
    cream = tuple(int(layout.paper_colour[n:n + 2], 16) / 255 for n in (1, 3, 5))
    for page in pdf.pages:
        paper = page.rects[0]
        assert (round(paper["width"]), round(paper["height"])) == (round(page.width), round(page.height))
        assert paper["non_stroking_color"] == pytest.approx(cream, abs=0.005)
    colours = {tuple(round(c, 3) for c in char["non_stroking_color"]) for char in pdf.pages[0].chars}
    text = tuple(round(int(layout.text_colour[n:n + 2], 16) / 255, 3) for n in (1, 3, 5))
    heading = tuple(round(int(layout.heading_colour[n:n + 2], 16) / 255, 3) for n in (1, 3, 5))
    assert colours == {text, heading}


def test_section_titles_take_the_place_of_the_app_s(pictures):
    layout = dataclasses.replace(load_layout("standard"), section_titles={"decided": "What we agreed",
                                                                          "words": "Words to know"})
    from facilitator.core.summary import hard_words_from
    from facilitator.language.glossary import Glossary

    text = text_of(pdf_of(summary_pdf, demo(), layout, pictures, hard_words=hard_words_from(Glossary.built_in())))
    assert "What we agreed" in text and "What we decided" not in text
    assert "Words to know" in text and "Hard words" not in text
    assert "What we still need to decide" in text  # the others as they were


def test_a_section_title_in_letters_no_font_has_is_refused(pictures):
    layout = dataclasses.replace(load_layout("standard"), section_titles={"decided": "我们决定"})
    with pytest.raises(PrintProblem, match="我 们 决 定"):
        summary_pdf(demo(), io.BytesIO(), layout, pictures)


@pytest.mark.parametrize("columns, rows, pages", [(1, 1, 7), (2, 2, 2), (3, 3, 1), (1, 3, 3)])
def test_cards_on_a_page(pictures, columns, rows, pages):
    layout = dataclasses.replace(load_layout("standard"), card_columns=columns, card_rows=rows)
    pdf = pdf_of(cards_pdf, None, layout, pictures)
    assert len(pdf.pages) == pages


def test_a_font_the_app_does_not_have_is_refused_plainly(pictures):
    layout = dataclasses.replace(load_layout("standard"), font="Comic Sans MS")
    with pytest.raises(PrintProblem, match="Comic Sans MS"):
        summary_pdf(demo(), io.BytesIO(), layout, pictures)


def test_a_font_named_by_its_ttf_file_is_used_and_embedded(pictures, tmp_path):
    font = tmp_path / "OurFont.ttf"
    shutil.copy(fonts_dir() / "AtkinsonHyperlegibleNext-Bold.ttf", font)  # a font the app does not know by name
    layout = dataclasses.replace(load_layout("standard"), font=str(font))
    out = tmp_path / "ours.pdf"
    summary_pdf(demo(), out, layout, pictures)
    used = {char["fontname"].split("+")[-1] for page in pdfplumber.open(out).pages for char in page.chars}
    # The file (a bold face) is the font of every word: regular words too. The PDF names it by its own name.
    assert used == {"AtkinsonHyperlegibleNext-Bold"}


def test_the_logo_is_on_the_first_page_only(pictures, tmp_path):
    from PIL import Image

    Image.new("RGB", (40, 20), "#123B63").save(tmp_path / "logo.png")
    (tmp_path / "ours.json").write_text(json.dumps({"logo": "logo.png", "organisation": "Riverside Council"}),
                                        "utf-8")
    layout = load_layout(str(tmp_path / "ours.json"))
    assert layout.logo_path() == tmp_path / "logo.png"
    pdf = pdf_of(summary_pdf, demo(), layout, pictures, names=Names.COUNT)
    assert len(pdf.pages[0].images) == 1 and not any(page.images for page in pdf.pages[1:])
    assert pdf.metadata["Author"] == "Riverside Council"


def test_a_missing_logo_does_not_stop_the_printout(pictures, tmp_path):
    layout = dataclasses.replace(load_layout("standard"), logo="nowhere.png", folder=tmp_path)
    pdf = pdf_of(summary_pdf, demo(), layout, pictures)
    assert not pdf.pages[0].images and "Notes from our meeting" in text_of(pdf)
