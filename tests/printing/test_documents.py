"""The easy-read PDFs themselves (summary, agenda handout, picture cards), opened with pdfplumber and checked
against the print rules in ../shared/EASYREAD.md: sizes, pictures on the left, embedded fonts, every letter
drawn, hard words, easy-read dates, page count, names, contact, breaks, credit, cards, properties."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import re
import subprocess
import unicodedata
from functools import cache
from pathlib import Path

import pdfplumber
import pytest
from reportlab.pdfbase.ttfonts import TTFontFile

from facilitator.core.demo import demo_workshop
from facilitator.core.handouts import ROOM_CARDS
from facilitator.core.model import Agreement, Decision, Idea, Participant, Workshop
from facilitator.core.summary import Names, hard_words_from, summary_sections
from facilitator.i18n import _, in_language
from facilitator.language.glossary import Glossary
from facilitator.pictures.catalogue import PictureCatalogue
from facilitator.printing.documents import CREDIT, PrintProblem, agenda_pdf, cards_pdf, summary_pdf
from facilitator.printing.layout import load_layout
from facilitator.printing.pictures import PrintPictures
from facilitator.resources import fonts_dir
from tests.core.samples import ARABIC, EMOJI

MM = 72 / 25.4  # points in a millimetre
LAYOUTS = ("standard", "large-print")
SMALLEST = {"standard": 16, "large-print": 20}
MAKERS = {"summary": summary_pdf, "agenda": agenda_pdf, "cards": cards_pdf}
TODAY = dt.date(2026, 11, 20)  # the demo workshop is then on Tuesday 8 December 2026
PICTURES = ("bus", "tea", "garden", "music", "money", "door", "lift", "calendar", "quiet", "building")
# 40 words, with the picture's word: one long decision.
LONG = ("{n}. We will ask the council to keep the {picture} open every day, so people who live alone can come, "
        "meet friends, have a hot meal and get help with letters, forms and phone calls when they need it most.")
WELSH = ("Bydd Dŵr Cymru yn dod i’r cyfarfod: ŷ Ŵ Ŷ â ê î ô û Â Ê Î Ô Û, “dyfyniad” a ‘sengl’ … wedi gorffen.")
ENGLISH = "It’s “our” centre – we said so… and we’ll say it again."
WELSH_TITLE = "Cyfarfod Grŵp Dŵr: ŷ Ŵ Ŷ"
CONTACT = "Phone the office on 01234 567890"
# Every name in the demo workshop: participants, aliases, facilitators, who suggested and who asked.
NAMES = ("Joan", "Whitfield", "Sunita", "Patel", "Sunny", "Tariq", "Hussain", "Bernard", "Cole", "Bernie", "Aisha",
         "Mensah", "Peter", "Doyle", "Pete", "Grace", "Liu", "Tom", "Kofi", "Boateng", "Helen", "Price", "Marcus",
         "Reid", "Dev")


# -- helpers ----------------------------------------------------------------------------------------------


def demo() -> Workshop:
    return demo_workshop(TODAY)[1]


def thirty_decisions() -> Workshop:
    """The demo workshop with 30 agreed decisions of 40 words, each with its own picture."""
    workshop = demo()
    workshop.decisions = [
        Decision(LONG.format(n=n + 1, picture=PICTURES[n % 10]), picture=PICTURES[n % 10],
                 agreement=Agreement.COUNTED, agree=5, not_sure=1, disagree=1, agreed=True)
        for n in range(30)
    ]
    assert all(len(decision.text.split()) == 40 for decision in workshop.decisions)
    return workshop


def with_welsh() -> Workshop:
    """The demo workshop with Welsh letters and curly punctuation in its title, a decision and an agenda item."""
    workshop = demo()
    workshop.title = WELSH_TITLE
    workshop.decisions[0].text = WELSH
    workshop.decisions[1].text = ENGLISH
    workshop.agenda[1].title = WELSH_TITLE
    workshop.agenda[1].picture = "music"  # a picture no other item has, so it is a card of its own
    workshop.agenda[2].plain_words = ENGLISH
    return workshop


def make(kind: str, workshop: Workshop | None, layout, pictures, **options) -> bytes:
    out = io.BytesIO()
    MAKERS[kind](workshop, out, layout, pictures, **options)
    return out.getvalue()


@cache
def opened(data: bytes) -> pdfplumber.PDF:
    """The PDF, opened once for all the tests that read it (pdfplumber keeps each page's letters)."""
    return pdfplumber.open(io.BytesIO(data))


def flat(text: str) -> str:
    return " ".join(text.split())


@cache
def text_of(pdf: pdfplumber.PDF) -> str:
    """All the words of the document, with every run of spaces and line ends made one space."""
    return flat(" ".join(page.extract_text() for page in pdf.pages))


@cache
def chars_of(pdf: pdfplumber.PDF) -> list[dict]:
    return [char for page in pdf.pages for char in page.chars]


@cache
def lines_of(pdf: pdfplumber.PDF) -> list[tuple[pdfplumber.page.Page, list[dict]]]:
    """Each page with its lines of text, top to bottom."""
    return [(page, page.extract_text_lines()) for page in pdf.pages]


def rgb(colour: str) -> tuple[float, float, float]:
    return tuple(int(colour[n:n + 2], 16) / 255 for n in (1, 3, 5))


def same_colour(drawn, colour: str) -> bool:
    return drawn is not None and len(drawn) == 3 and all(abs(a - b) < 0.005 for a, b in zip(drawn, rgb(colour)))


@cache
def glyphs(font_name: str) -> dict[int, int]:
    """The character map of the font file a PDF font was made from ("ABCDEF+Name" -> assets/fonts/Name.ttf)."""
    path = fonts_dir() / f"{font_name.split('+')[-1]}.ttf"
    assert path.is_file(), f"the PDF uses {font_name}, which is not one of the app's fonts"
    return TTFontFile(str(path)).charToGlyph


def pdffonts(data: bytes, folder: Path) -> dict[str, bool]:
    """Each font the PDF names, and whether it is embedded, as poppler's pdffonts reports."""
    path = folder / "fonts.pdf"
    path.write_bytes(data)
    listed = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True, timeout=60).stdout
    fonts = {}
    for line in listed.splitlines()[2:]:
        parts = line.split()  # name type(1 or 2 words) encoding emb sub uni object-number generation
        fonts[parts[0]] = parts[-5] == "yes"
    return fonts


class NoPictures:
    """A catalogue that has no picture for any word."""

    def resolve(self, ref):
        return None


# -- fixtures ----------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def pictures():
    return PrintPictures(PictureCatalogue.load())


@pytest.fixture(scope="module")
def hard_words():
    return hard_words_from(Glossary.built_in())


@pytest.fixture(scope="module")
def thirty(pictures, hard_words):
    """The 30-decision workshop as PDF bytes, built once: ``thirty(kind, layout_name)``."""
    made = {}

    def get(kind: str, layout_name: str) -> bytes:
        key = (kind, layout_name)
        if key not in made:
            options = {}
            if kind == "summary":  # every section there can be: hard words, names, how to get in touch
                options = {"hard_words": hard_words, "names": Names.NAMES, "contact": CONTACT}
            made[key] = make(kind, thirty_decisions(), load_layout(layout_name), pictures, **options)
        return made[key]

    return get


@pytest.fixture(scope="module")
def welsh(pictures, hard_words):
    """The workshop with Welsh letters as PDF bytes, standard layout, built once: ``welsh(kind)``."""
    made = {}

    def get(kind: str) -> bytes:
        if kind not in made:
            options = {"hard_words": hard_words} if kind == "summary" else {}
            made[kind] = make(kind, with_welsh(), load_layout("standard"), pictures, **options)
        return made[kind]

    return get


# -- 1. sizes ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("layout_name", LAYOUTS)
@pytest.mark.parametrize("kind", list(MAKERS))
def test_no_letter_is_smaller_than_the_layout_allows(thirty, kind, layout_name):
    layout = load_layout(layout_name)
    pdf = opened(thirty(kind, layout_name))
    sizes = [char["size"] for char in chars_of(pdf)]
    assert len(sizes) > 100
    small = sorted({round(size, 2) for size in sizes if size < SMALLEST[layout_name] - 0.01})
    assert not small, f"letters of {small} pt in the {layout_name} {kind}"
    used = {round(size, 1) for size in sizes}
    # The layout's own sizes are the ones used: its words and its page numbers.
    assert layout.detail_size in used
    assert (layout.heading_size if kind == "cards" else layout.body_size) in used


@pytest.mark.parametrize("layout_name", LAYOUTS)
def test_lines_of_a_paragraph_are_spaced_as_the_layout_says(thirty, layout_name):
    layout = load_layout(layout_name)
    pdf = opened(thirty("summary", layout_name))
    gaps = []
    for _page, lines in lines_of(pdf):
        for upper, lower in zip(lines, lines[1:]):
            a, b = upper["chars"][0], lower["chars"][0]
            if (a["fontname"], round(a["size"], 1), round(a["x0"])) == (b["fontname"], round(b["size"], 1), round(b["x0"])):
                gaps.append((lower["top"] - upper["top"]) / a["size"])
    assert len(gaps) > 50
    assert min(gaps) >= 1.2  # the easy-read floor
    assert min(gaps) == pytest.approx(layout.line_spacing, abs=0.02)


# -- 2. pictures on the left -------------------------------------------------------------------------------


@pytest.mark.parametrize("layout_name", LAYOUTS)
def test_every_decision_has_its_picture_on_the_left_of_its_words(thirty, layout_name):
    layout = load_layout(layout_name)
    margin, side = layout.margin * MM, layout.picture_size * MM
    pdf = opened(thirty("summary", layout_name))
    found = []
    for page in pdf.pages:
        drawn = page.curves + page.rects + page.lines
        for match in page.search(r"\b(\d+)\. We will ask the council"):
            number = int(match["text"].split(".")[0])
            # The words start right of the picture column ...
            assert match["x0"] >= margin + side - 0.5, f"decision {number} starts at x={match['x0']:.1f}"
            # ... and a picture is drawn in that column, beside the first line.
            beside = [shape for shape in drawn
                      if shape["x0"] >= margin - 1 and shape["x1"] <= match["x0"]
                      and shape["bottom"] > match["top"] - 12 and shape["top"] < match["top"] + side]
            assert beside, f"no picture left of decision {number} on page {page.page_number}"
            width = max(s["x1"] for s in beside) - min(s["x0"] for s in beside)
            height = max(s["bottom"] for s in beside) - min(s["top"] for s in beside)
            assert max(width, height) >= side / 3, f"only a speck left of decision {number}"
            found.append(number)
    assert sorted(found) == list(range(1, 31))


@pytest.mark.parametrize("layout_name", LAYOUTS)
def test_no_words_sit_in_the_picture_column(thirty, layout_name):
    """Every idea is a row: picture left, words right. Only the OpenMoji credit starts at the margin."""
    layout = load_layout(layout_name)
    column = (layout.margin + layout.picture_size) * MM - 0.5
    pdf = opened(thirty("summary", layout_name))
    stray = []
    for page, lines in lines_of(pdf):
        for line in lines:
            if line["x0"] < column and not line["text"].startswith("Pictures: OpenMoji"):
                stray.append((page.page_number, line["text"]))
    assert not stray


# -- 3. embedded fonts -------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", list(MAKERS))
def test_every_font_the_words_use_is_embedded(thirty, welsh, kind, tmp_path):
    for data in (thirty(kind, "standard"), welsh(kind)):
        used = {char["fontname"] for char in chars_of(opened(data))}
        fonts = pdffonts(data, tmp_path)
        assert used and used <= set(fonts), (used, fonts)
        assert all(fonts[name] for name in used), fonts
        # reportlab always names Helvetica; no letter may be drawn with it, and it is the only font not embedded.
        assert not any("Helvetica" in name for name in used)
        assert {name for name, embedded in fonts.items() if not embedded} <= {"Helvetica"}


@pytest.mark.parametrize("kind", list(MAKERS))
def test_no_italic_fonts(thirty, kind):
    used = {char["fontname"].split("+")[-1] for char in chars_of(opened(thirty(kind, "large-print")))}
    assert used <= {"AtkinsonHyperlegibleNext-Regular", "AtkinsonHyperlegibleNext-Bold"}


# -- 4. every letter drawn ---------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", list(MAKERS))
def test_welsh_and_english_letters_come_out_as_written_and_drawn(welsh, kind):
    pdf = opened(welsh(kind))
    if kind == "cards":  # read card by card: the columns' lines are side by side
        text = " ".join(card for card, _shapes in cards_in(welsh(kind), load_layout("standard")))
    else:
        text = text_of(pdf)
    wanted = {"summary": [WELSH, ENGLISH, WELSH_TITLE], "agenda": [WELSH_TITLE, ENGLISH], "cards": [WELSH_TITLE]}[kind]
    for written in wanted:
        assert flat(written) in text
    assert_no_boxes(pdf)


def test_welsh_letters_are_in_regular_and_bold(welsh):
    chars = chars_of(opened(welsh("summary")))
    for letter in "ŵŷŴŶ":
        fonts = {char["fontname"].split("+")[-1] for char in chars if char["text"] == letter}
        assert fonts == {"AtkinsonHyperlegibleNext-Regular", "AtkinsonHyperlegibleNext-Bold"}, letter


def assert_no_boxes(pdf: pdfplumber.PDF) -> None:
    """Every letter on the page has a glyph in its font: nothing is printed as a box."""
    for char in chars_of(pdf):
        assert glyphs(char["fontname"]).get(ord(char["text"]), 0), f"a box for {char['text']!r} in {char['fontname']}"
        assert unicodedata.category(char["text"]) not in ("So", "Sk", "Cf", "Mn", "Cc") or ord(char["text"]) < 0x2000


@pytest.mark.parametrize("kind", list(MAKERS))
def test_emoji_are_left_out_and_the_words_around_them_stay(pictures, kind):
    workshop = demo()
    workshop.title += " 🚌✅"
    workshop.decisions[0].text = "We go by 🚌 bus to the park ✅ on 🗳️ Fridays."
    workshop.agenda[0].title = "Welcome 👋🏾"
    pdf = opened(make(kind, workshop, load_layout("standard"), pictures))
    text = text_of(pdf)
    if kind == "summary":
        assert "We go by bus to the park on Fridays." in text
        assert "Planning the new day centre together Tuesday" in text
    assert "Welcome" in text
    assert_no_boxes(pdf)


def test_an_emoji_before_a_full_stop_leaves_no_space_before_it(pictures):
    workshop = demo()
    workshop.decisions[0].text = "We meet on Fridays 🗳️. We start at 10 🕙."
    text = text_of(opened(make("summary", workshop, load_layout("standard"), pictures)))
    assert "We meet on Fridays. We start at 10." in text


@pytest.mark.parametrize("kind", ["summary", "agenda"])
def test_joined_emoji_are_left_out_without_a_box(pictures, kind):
    workshop = demo()
    workshop.title += " " + EMOJI
    workshop.decisions[0].text = "We go by bus to the 👩🏽‍🦯 park with the 👨‍👩‍👧 family."
    workshop.agenda[0].title = "Welcome 👨‍👩‍👧"
    pdf = opened(make(kind, workshop, load_layout("standard"), pictures))
    if kind == "summary":
        assert "We go by bus to the park with the family." in text_of(pdf)
    assert_no_boxes(pdf)


def test_arabic_words_are_printed_joined_in_their_own_embedded_font(pictures, tmp_path):
    """As the README says: Arabic is printed (joined, in Noto Sans Arabic), not refused."""
    workshop = demo()
    workshop.decisions[0].text = ARABIC
    data = make("summary", workshop, load_layout("standard"), pictures)
    chars = chars_of(opened(data))
    arabic = [char for char in chars if char["fontname"].endswith("NotoSansArabic-Regular")]
    assert len(arabic) >= len(ARABIC.replace(" ", "")) - 5  # joined letters can be fewer than written
    assert any(0xFE70 <= ord(char["text"]) <= 0xFEFF for char in arabic)  # joined forms
    fonts = pdffonts(data, tmp_path)
    assert all(fonts[char["fontname"]] for char in arabic)
    assert_no_boxes(opened(data))


@pytest.mark.parametrize("writing", ["会议 in the hall", "שלום לכולם"], ids=["chinese", "hebrew"])
def test_letters_no_font_has_are_refused_plainly_and_nothing_is_written(pictures, tmp_path, writing):
    workshop = demo()
    workshop.decisions[0].text = writing
    out = tmp_path / "refused.pdf"
    with pytest.raises(PrintProblem) as refused:
        summary_pdf(workshop, out, load_layout("standard"), pictures)
    message = str(refused.value)
    letters = [letter for letter in writing if unicodedata.category(letter).startswith("L") and ord(letter) > 0x500]
    assert all(letter in message for letter in letters)
    assert "Nothing was saved" in message
    assert not out.exists()


# -- 5. hard words -----------------------------------------------------------------------------------------


def hard_words_printed(pdf: pdfplumber.PDF, layout) -> tuple[list[str], str]:
    """The terms listed under "Hard words" (bold, body size), and every other printed word."""
    listed, others, inside = [], [], False
    for _page, lines in lines_of(pdf):
        for line in lines:
            first = line["chars"][0]
            heading = round(first["size"], 1) == layout.heading_size
            if heading:
                inside = line["text"] == "Hard words"
                if inside:
                    continue
            if inside:
                if first["fontname"].endswith("Bold") and round(first["size"], 1) == layout.body_size:
                    listed.append(line["text"])
            elif not re.fullmatch(r"Page \d+", line["text"]):
                others.append(line["text"])
    return listed, " ".join(others)


def test_the_hard_words_are_exactly_the_glossary_terms_the_summary_uses(pictures, hard_words):
    workshop = demo()
    workshop.decisions.append(Decision("Every GP and care home will get the easy read notes.", agreed=True,
                                       agreement=Agreement.EVERYONE, picture="building"))
    workshop.decisions.append(Decision("We will ask the GPs about personal budgets.", agreed=True))
    workshop.ideas.append(Idea("Ask about direct payments and respite."))
    workshop.agenda[0].notes = "Talk about safeguarding and advocacy."  # notes are not printed
    workshop.participants.append(Participant(name="Carer"))  # names are never hard words
    layout = load_layout("standard")
    pdf = opened(make("summary", workshop, layout, pictures, hard_words=hard_words, names=Names.NAMES,
                      contact="Ask the stakeholder team"))
    listed, others = hard_words_printed(pdf, layout)

    sections = summary_sections(workshop, hard_words=hard_words, names=Names.NAMES)
    in_sections = [entry.text for section in sections if section.key == "words" for entry in section.entries]
    assert listed == in_sections  # printed in the order they are first used, once each
    assert len(listed) == len({term.casefold() for term in listed})

    # Independently: the glossary terms in the other sections (names and the contact are not scanned).
    scanned = [section.heading for section in sections if section.key != "words"]
    scanned += [text for section in sections if section.key not in ("words", "who")
                for entry in section.entries for text in (entry.text, entry.detail)
                if not text.startswith(("Thank you to", "Ask the stakeholder"))]
    used = {term.casefold() for text in scanned for term, _meaning in hard_words(text)}
    assert {term.casefold() for term in listed} == used
    assert {"gp", "care home", "easy read", "personal budget", "direct payment", "respite", "day centre"} <= used
    assert not {"safeguarding", "advocacy", "stakeholder", "carer"} & used
    # And from the page: the glossary terms in everything else printed are the ones listed.
    others = others.replace("Carer", "").replace("Ask the stakeholder team", "")
    assert {term.casefold() for term, _meaning in hard_words(others)} == used


def test_no_hard_words_section_without_hard_words(pictures):
    pdf = opened(make("summary", demo(), load_layout("standard"), pictures))
    assert "Hard words" not in text_of(pdf)


# -- 6. dates ----------------------------------------------------------------------------------------------


NUMERIC_DATE = re.compile(r"\b\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}\b")
ORDINAL = re.compile(r"\b\d{1,2}(st|nd|rd|th|af|ain|ydd|fed)\b")


@pytest.mark.parametrize("language, dates", [
    ("en", ["Tuesday 8 December 2026", "Tuesday 1 December 2026", "Saturday 5 December 2026",
            "Tuesday 22 December 2026"]),
    ("cy", ["Dydd Mawrth 8 Rhagfyr 2026", "Dydd Mawrth 1 Rhagfyr 2026", "Dydd Sadwrn 5 Rhagfyr 2026",
            "Dydd Mawrth 22 Rhagfyr 2026"]),
])
def test_dates_are_in_easy_read_form(pictures, language, dates):
    workshop = dataclasses.replace(demo(), language=language)
    summary = text_of(opened(make("summary", workshop, load_layout("standard"), pictures)))
    agenda = text_of(opened(make("agenda", workshop, load_layout("standard"), pictures)))
    assert dates[0] in agenda
    for date in dates:  # the meeting, then when each action is due
        assert date in summary
    for text in (summary, agenda):
        assert not NUMERIC_DATE.search(text)
        assert not ORDINAL.search(text)
        assert "08 " not in text and "2026-12" not in text


# -- 7. page count -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("layout_name", [
    "standard",
    "large-print",
])
def test_thirty_long_decisions_fit_in_twenty_pages(thirty, layout_name):
    pdf = opened(thirty("summary", layout_name))
    text = text_of(pdf)
    assert all(f"{n}. We will ask" in text for n in range(1, 31))
    assert len(pdf.pages) <= 20


def test_the_page_count_returned_is_the_pages_written(pictures):
    out = io.BytesIO()
    pages = summary_pdf(thirty_decisions(), out, load_layout("standard"), pictures)
    assert pages == len(opened(out.getvalue()).pages) > 1


# -- names and contact -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def by_names(pictures):
    return {names: text_of(opened(make("summary", demo(), load_layout("standard"), pictures, names=names)))
            for names in Names}


def named(text: str, name: str) -> bool:
    return re.search(rf"\b{re.escape(name)}\b", text) is not None


def test_count_prints_no_names_anywhere(by_names, pictures):
    text = by_names[Names.COUNT]
    assert "8 people came." in text and "2 people ran the meeting." in text
    assert [name for name in NAMES if named(text, name)] == []
    pdf = opened(make("summary", demo(), load_layout("standard"), pictures))
    assert not any(named(str(value), name) for value in pdf.metadata.values() for name in NAMES)


def test_aliases_print_chosen_names_not_full_names(by_names):
    text = by_names[Names.ALIASES]
    for alias in ("Sunny", "Bernie", "Pete"):
        assert named(text, alias)
    for name in ("Sunita", "Patel", "Bernard", "Cole", "Peter", "Doyle", "Helen Price", "Marcus Reid"):
        assert not named(text, name), name
    for name in ("Joan Whitfield", "Tariq Hussain", "Aisha Mensah", "Grace Liu", "Kofi Boateng"):  # no alias set
        assert name in text
    assert "8 people came." not in text


def test_names_prints_names(by_names):
    text = by_names[Names.NAMES]
    _group, workshop = demo_workshop(TODAY)
    for participant in workshop.participants:
        assert participant.name in text
    assert "Helen Price and Marcus Reid ran the meeting." in text
    assert "Sunny" not in text.split("Who was there", 1)[1].split("What we talked about", 1)[0]


def test_the_contact_appears_only_when_given(by_names, pictures):
    with_contact = text_of(opened(make("summary", demo(), load_layout("standard"), pictures, contact=CONTACT)))
    assert "You can ask us about anything in these notes." in with_contact and CONTACT in with_contact
    blank = text_of(opened(make("summary", demo(), load_layout("standard"), pictures, contact="   ")))
    for text in (by_names[Names.COUNT], blank):
        assert "You can ask us about" not in text and "01234" not in text


# -- agenda handout ----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def agendas(pictures):
    return {name: make("agenda", demo(), load_layout(name), pictures) for name in LAYOUTS}


def test_the_agenda_shows_each_item_s_start_time_and_title(agendas):
    workshop = demo()
    text = text_of(opened(agendas["standard"]))
    starts = workshop.start_times()
    assert len(starts) == len(workshop.agenda) == 10
    for item, start in zip(workshop.agenda, starts):
        assert f"{start:%H:%M} {item.title} " in text, (start, item.title)
    assert "We start at 10:00. We finish at 12:50." in text


def band_behind(page, words: dict, colour: str) -> list[dict]:
    return [rect for rect in page.rects if rect["fill"] and same_colour(rect["non_stroking_color"], colour)
            and rect["top"] <= words["top"] and rect["bottom"] >= words["bottom"]
            and rect["x0"] <= words["x0"] and rect["x1"] >= words["x1"]]


@pytest.mark.parametrize("layout_name", LAYOUTS)
def test_a_break_is_marked_with_a_band_of_the_layout_s_colour(agendas, layout_name):
    layout = load_layout(layout_name)
    pdf = opened(agendas[layout_name])
    breaks, others = [], []
    for page in pdf.pages:
        for match in page.search(r"\d\d:\d\d +[A-Z][\w ?]+"):
            (breaks if "Tea break" in match["text"] else others).append(band_behind(page, match, layout.band_colour))
    assert len(breaks) == 1 and len(others) == 9
    band = breaks[0]
    assert band, "no band behind the tea break"
    assert band[0]["x1"] - band[0]["x0"] >= pdf.pages[0].width - 2 * layout.margin * MM - 1  # the whole row
    assert not any(others), "a band behind an item that is not a break"


def test_the_openmoji_credit_is_there_when_openmoji_pictures_are(agendas, pictures, hard_words):
    assert CREDIT in text_of(opened(agendas["standard"]))
    plain = PrintPictures(NoPictures())
    for kind in ("summary", "agenda"):
        options = {"hard_words": hard_words} if kind == "summary" else {}
        pdf = opened(make(kind, demo(), load_layout("standard"), plain, **options))
        assert "OpenMoji" not in text_of(pdf)
        assert not pdf.pages[0].curves  # and no pictures were drawn


# -- cards -------------------------------------------------------------------------------------------------


def cards_in(data: bytes, layout) -> list[tuple[str, int]]:
    """Each card's words and how many shapes its picture has, read cell by cell."""
    pdf = opened(data)
    found = []
    for page in pdf.pages:
        margin = layout.margin * MM
        width = (page.width - 2 * margin) / layout.card_columns
        height = (page.height - 2 * margin - layout.detail_size * 2) / layout.card_rows
        for row in range(layout.card_rows):
            for column in range(layout.card_columns):
                box = (margin + column * width + 1, margin + row * height + 1,
                       margin + (column + 1) * width - 1, margin + (row + 1) * height - 1)
                cell = page.within_bbox(box)  # only what lies wholly in the card: not the paper, not the cut lines
                words = flat(cell.extract_text())
                if words:
                    found.append((words, len(cell.curves) + len(cell.rects)))
    return found


@pytest.mark.parametrize("layout_name", LAYOUTS)
def test_cards_have_every_room_card_and_one_card_for_each_picture(pictures, layout_name):
    layout = load_layout(layout_name)
    workshop = demo()
    workshop.agenda[8].title = "Thumbs up time"  # "thumbs up": the same picture as "agree"
    workshop.agenda[2].title = "Our calendar"
    cards = cards_in(make("cards", workshop, layout, pictures), layout)
    words = [card for card, _shapes in cards]
    with in_language("en"):
        for _picture, saying in ROOM_CARDS:
            assert _(saying) in words
    assert "Thumbs up time" not in words  # one card for the one picture
    assert "Our calendar" in words and "Tea break" in words
    assert len(words) == len(set(words)) == 7 + 9
    assert all(shapes > 0 for _card, shapes in cards), "a card without its picture"


def test_cards_carry_the_openmoji_credit(thirty):
    assert CREDIT in text_of(opened(thirty("cards", "standard")))


def test_cards_without_a_workshop_are_the_room_cards(pictures):
    words = [card for card, _shapes in cards_in(make("cards", None, load_layout("standard"), pictures),
                                                 load_layout("standard"))]
    with in_language("en"):
        assert words == [_(saying) for _picture, saying in ROOM_CARDS]


# -- document properties -----------------------------------------------------------------------------------


@pytest.mark.parametrize("kind, title", [
    ("summary", "Notes from our meeting: Planning the new day centre together"),
    ("agenda", "Agenda: Planning the new day centre together"),
    ("cards", "Picture cards"),
])
def test_document_properties_title_author_and_language(pictures, kind, title):
    plain = opened(make(kind, demo(), load_layout("standard"), pictures))
    assert plain.metadata["Title"] == title
    assert plain.metadata["Author"] == "facilitator"
    assert plain.doc.catalog["Lang"] == b"en"
    layout = dataclasses.replace(load_layout("standard"), organisation="Riverside Council")
    own = opened(make(kind, dataclasses.replace(demo(), language="cy"), layout, pictures))
    assert own.metadata["Author"] == "Riverside Council"
    assert own.doc.catalog["Lang"] == b"cy"


# -- what is too big for the page --------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["summary", "agenda"])
def test_every_letter_is_on_the_paper(pictures, kind):
    workshop = demo()
    place = "Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch"
    workshop.decisions[0].text = f"We will visit {place} in the summer."
    workshop.agenda[1].title = f"Visit {place}"
    options = {"contact": "co-production.team@riverside-community-council.example.org.uk"} if kind == "summary" else {}
    pdf = opened(make(kind, workshop, load_layout("standard"), pictures, **options))
    assert place in text_of(pdf)  # never split
    off = [(page.page_number, char["text"]) for page in pdf.pages for char in page.chars
           if char["x0"] < 0 or char["x1"] > page.width]
    assert not off


def test_twenty_names_print_in_large_print(pictures):
    workshop = demo()
    workshop.participants = [Participant(name=f"Person {n}") for n in range(1, 21)]
    text = text_of(opened(make("summary", workshop, load_layout("large-print"), pictures, names=Names.NAMES)))
    assert all(f"Person {n}" in text for n in range(1, 21))


def test_a_very_long_decision_is_printed_or_refused_plainly(pictures):
    workshop = demo()
    workshop.decisions[0].text = " ".join(["We will ask the council about the bus."] * 40)
    try:
        summary_pdf(workshop, io.BytesIO(), load_layout("standard"), pictures)
    except PrintProblem as refused:
        assert str(refused)


def test_what_cannot_fit_on_any_page_is_refused_plainly(tmp_path):
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Spacer

    from facilitator.printing.documents import _build

    out = tmp_path / "tall.pdf"
    document = BaseDocTemplate(str(out), pagesize=(300, 300))
    document.addPageTemplates([PageTemplate("only", [Frame(0, 0, 300, 300)])])
    with pytest.raises(PrintProblem, match="Nothing was saved"):
        _build(document, [Spacer(100, 1000)])
    assert not out.exists()


def test_a_long_decision_goes_on_over_the_page(pictures):
    workshop = demo()
    workshop.decisions = [Decision(" ".join(["We will ask the council about the bus."] * 60), picture="bus",
                                   agreement=Agreement.EVERYONE, agreed=True)]
    pdf = opened(make("summary", workshop, load_layout("large-print"), pictures))
    pages = [page for page in pdf.pages if "We will ask the council" in page.extract_text()]
    assert len(pages) >= 2
    # every line of it is on the paper, in the words column, and the words follow on from page to page
    assert text_of(pdf).count("We will ask the council about the bus.") == 60


@pytest.mark.parametrize("kind", list(MAKERS))
def test_an_arabic_printout_has_no_boxes_down_to_its_page_numbers(pictures, kind):
    workshop = dataclasses.replace(demo(), language="ar")
    pdf = opened(make(kind, workshop, load_layout("standard"), pictures))
    assert_no_boxes(pdf)
    with in_language("ar"):
        page_word = _("Page {n}").split("{n}")[0].strip()
    assert page_word and page_word != "Page"
    footer = [char for char in pdf.pages[0].chars if char["top"] > pdf.pages[0].height * 0.9]
    arabic = [char for char in footer if char["fontname"].endswith("NotoSansArabic-Regular")]
    assert arabic and all(char["x0"] < pdf.pages[0].width / 2 for char in arabic)  # the outer corner: left
