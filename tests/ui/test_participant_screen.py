"""What the room sees, measured on the drawn pixels: big enough, clear enough, nothing spilling over.

Every screen of the demo workshop (the welcome, each item, the tea break, the
end), a hard word, a decision read back and a blank screen is drawn with
``ScreenDrawing.image``, exactly as the participant view draws it, in every
theme. The tests then look at the pixels, not only at the numbers the layout
claims (../shared/EASYREAD.md, "Projected screen"):

* the title's capital letters are at least 1/20 of the screen high,
* words and background reach 7:1,
* no words spill out of their place, and long titles are cut with "…",
* every kind of screen draws at every size, and a blank screen is only background.

The pixel work is done by Qt, not pixel by pixel in Python: ``ink`` turns
"pixels that are not this colour" into a ``QRegion``, and ``difference`` turns
"pixels where two drawings differ" into one, so a title's own pixels are found
by drawing the same layout twice, with and without the title's words.
"""

from __future__ import annotations

import collections
import dataclasses
import datetime as dt
import math

import pytest
from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QBitmap, QColor, QFont, QFontMetricsF, QImage, QPainter, QRegion

from facilitator.core.deciding import tally
from facilitator.core.demo import demo_workshop
from facilitator.core.library import open_library
from facilitator.core.model import Agreement, Decision, Option
from facilitator.language.glossary import Glossary
from facilitator.pictures.catalogue import PictureCatalogue
from facilitator.session.run import Phase, Session, TimerState
from facilitator.session.screens import Kind, Screen, screen_now, workshop_screens
from facilitator.session.themes import TEXT_SIZES, THEMES, contrast, luminance
from facilitator.ui.pictures import PictureStore
from facilitator.ui.presenter.painting import TITLE_LARGEST, WRAP, Layout, Text, paint
from facilitator.ui.presenter.participant_view import Look, ScreenDrawing
from facilitator.ui.presenter.timer_painting import countdown_words

W, H = 1920, 1080
# The rules of ../shared/EASYREAD.md, written here rather than taken from the code they check.
MAIN_WORDS = 1 / 20  # of the screen height, for the title
READ_FLOOR = 1 / 40  # for anything participants must read
THEME_KEYS = list(THEMES)
CAP_HEIGHT = 0.7  # a capital letter's ink is about 70% of the font's pixel size
WORD_TERM = "Recommended Summary Plan for Emergency Care and Treatment"  # a real glossary word, long on purpose
DECISION = "We will meet on the first Tuesday of every month, in the big room downstairs"
LONG_TITLE = " ".join(["Talking"] * 50) + "."  # 400 characters of short words
LONG_WORD = ("Participation" * 5)[:60]  # one word of 60 letters
SEVEN_SHORT_WORDS = "Is it ok to go by bus?"
RUNNING = TimerState(600, 420, Phase.RUNNING)


def _screens() -> list[Screen]:
    """Every screen of the demo workshop, then a hard word, a decision read back, two results and a blank screen."""
    _group, workshop = demo_workshop()
    screens = workshop_screens(workshop)
    session = Session(workshop)
    session.go_to(2)
    entry = Glossary.built_in().entry(WORD_TERM)
    assert entry is not None, "the glossary word this test uses has gone"
    session.show_word(entry.term, entry.plain, entry.picture)
    screens.append(screen_now(session))
    session.show_decision(DECISION)
    screens.append(screen_now(session))
    counted = Decision(DECISION, agreement=Agreement.COUNTED, agree=11, not_sure=3, disagree=1)
    session.show_result(counted.text, tally(counted))
    screens.append(screen_now(session))
    options = [Option("May", "calendar", 6), Option(LONG_TITLE[:80], "bus", 2), Option("Never 🙅", count=0),
               Option("Tuesdays in the big room", "chair", 9)]
    chosen = Decision("When shall we meet?", agreement=Agreement.CHOSEN, options=options)
    session.show_result(chosen.text, tally(chosen), chose=True)
    screens.append(screen_now(session))
    session.toggle_blank()
    screens.append(screen_now(session))
    return screens


SCREENS = _screens()
SCREEN_IDS = [f"{n:02d}-{screen.kind.value}" for n, screen in enumerate(SCREENS)]
WORDED = [(screen, name) for screen, name in zip(SCREENS, SCREEN_IDS) if screen.kind is not Kind.BLANK]
ITEM = next(screen for screen in SCREENS if screen.kind is Kind.ITEM and screen.words)
BREAK = next(screen for screen in SCREENS if screen.kind is Kind.BREAK)
WELCOME = SCREENS[0]


@pytest.fixture(scope="module")
def pictures(qapp, tmp_path_factory):
    library = open_library(tmp_path_factory.mktemp("pictures") / "library.sqlite3")
    yield PictureStore(PictureCatalogue.load(), library).pixmap
    library.close()


def drawing_of(pictures, screen: Screen, theme_key: str = "cream", scale: float = 1.0) -> ScreenDrawing:
    drawing = ScreenDrawing(pictures)
    drawing.set_look(Look(theme_key, scale))
    drawing.set_screen(screen)
    drawing.timer = RUNNING if screen.timer else None
    return drawing


# -- measuring --------------------------------------------------------------------


def ink(image: QImage, colour: str | QColor) -> QRegion:
    """The pixels of ``image`` that are not ``colour``.

    ``createMaskFromColor(MaskInColor)`` marks the pixels of that colour; in the
    QBitmap made from the mask they are color0, so ``QRegion(bitmap)`` holds
    every other pixel. test_the_measuring_tools_find_what_was_drawn checks this.
    """
    mask = image.createMaskFromColor(QColor(colour).rgb(), Qt.MaskMode.MaskInColor)
    return QRegion(QBitmap.fromImage(mask))


def difference(first: QImage, second: QImage) -> QRegion:
    """The pixels where two pictures of the same size differ."""
    both = first.convertToFormat(QImage.Format.Format_RGB32).copy()
    painter = QPainter(both)
    painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Difference)
    painter.drawImage(0, 0, second)
    painter.end()
    return ink(both, QColor(0, 0, 0))


def drawn_without(drawing: ScreenDrawing, text: Text, width: int = W, height: int = H) -> QImage:
    """The same layout drawn by the same ``paint``, with ``text``'s words taken out."""
    layout = drawing.layout(width, height)
    emptied = dataclasses.replace(
        layout, texts=[dataclasses.replace(t, text="") if t is text else t for t in layout.texts]
    )
    image = QImage(width, height, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    paint(painter, emptied, drawing.look.theme, drawing.pictures, drawing.timer)
    painter.end()
    return image


def title_ink(drawing: ScreenDrawing, width: int = W, height: int = H) -> QRegion:
    """The title's own pixels: the screen as drawn, against it drawn again without the title's words.

    The screen is drawn once first and thrown away: Qt smooths the edges of a
    size's letters a little differently the very first time it draws them (before
    its glyph cache holds them), which would show as a few stray pixels.
    """
    layout = drawing.layout(width, height)
    assert layout.title is not None
    drawing.image(width, height)
    return difference(drawing.image(width, height), drawn_without(drawing, layout.title, width, height))


def cap_height(title_pixels: QRegion, title: Text) -> int:
    """The height in pixels of the ink of the title's first letter, a capital.

    The first line of the title is the band from the top of its rectangle, one
    line high (it is aligned to the top). The first letter's ink is the leftmost
    ink in that band, as wide as that letter's own ink; its height, from the top
    of the capital to the baseline, is the cap height as the room sees it.
    """
    metrics = QFontMetricsF(title.font)
    rect = title.rect.toAlignedRect()
    band = QRect(rect.left(), rect.top(), rect.width(), math.floor(metrics.lineSpacing()))
    first_line = title_pixels.intersected(band).boundingRect()
    assert not first_line.isEmpty(), "no ink on the title's first line"
    letter = title.text.lstrip()[0]
    width = math.ceil(metrics.tightBoundingRect(letter).width())
    return title_pixels.intersected(QRect(first_line.left(), first_line.top(), width, first_line.height())).boundingRect().height()


def colours_in(image: QImage, rect: QRectF) -> collections.Counter:
    """How many pixels of each colour (0xAARRGGBB) lie inside ``rect``."""
    part = image.copy(rect.toAlignedRect().intersected(image.rect())).convertToFormat(QImage.Format.Format_RGB32)
    return collections.Counter(memoryview(part.constBits()).cast("I"))


def channels(pixel: int) -> tuple[int, int, int]:
    return (pixel >> 16) & 255, (pixel >> 8) & 255, pixel & 255


def every_text(layout: Layout) -> list[Text]:
    return list(layout.texts) + [cell.label for cell in layout.strip]


def fits(text: Text) -> bool:
    """The words, wrapped as ``paint`` wraps them, fit their rectangle: nothing is hidden by clipping."""
    metrics = QFontMetricsF(text.font)
    needed = metrics.boundingRect(QRectF(0, 0, text.rect.width(), 1e6), WRAP, text.text)
    longest = max((metrics.horizontalAdvance(word) for word in text.text.split()), default=0.0)
    return needed.height() <= text.rect.height() + 0.5 and longest <= text.rect.width() + 0.5


def test_the_measuring_tools_find_what_was_drawn(qapp):
    """The helpers find a known mark, and a known capital's height, on a known picture."""
    image = QImage(400, 200, QImage.Format.Format_RGB32)
    image.fill(QColor("#FFF8DC"))
    painter = QPainter(image)
    painter.fillRect(QRect(50, 60, 10, 20), QColor("#1A1A1A"))
    painter.end()
    assert ink(image, "#FFF8DC").boundingRect() == QRect(50, 60, 10, 20)
    plain = QImage(image)
    plain.fill(QColor("#FFF8DC"))
    assert difference(image, plain).boundingRect() == QRect(50, 60, 10, 20)
    assert difference(plain, plain).isEmpty()
    counted = colours_in(image, QRectF(40, 50, 30, 40))
    assert counted[QColor("#1A1A1A").rgb()] == 200 and counted[QColor("#FFF8DC").rgb()] == 1000

    made = QFont()
    made.setFamilies(["DejaVu Sans"])
    made.setPixelSize(100)
    made.setBold(True)
    title = Text("HELLO", made, QRectF(10, 10, 380, 180), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    drawn = QImage(400, 200, QImage.Format.Format_RGB32)
    drawn.fill(QColor("white"))
    painter = QPainter(drawn)
    painter.setFont(made)
    painter.setPen(QColor("black"))
    painter.drawText(title.rect, int(title.align) | WRAP, title.text)
    painter.end()
    capital = QFontMetricsF(made).capHeight()
    assert abs(cap_height(ink(drawn, "white"), title) - capital) <= 2


# -- a. big enough ------------------------------------------------------------------


@pytest.mark.parametrize("theme_key", THEME_KEYS)
@pytest.mark.parametrize("screen", [s for s, _n in WORDED], ids=[n for _s, n in WORDED])
def test_the_title_is_at_least_a_twentieth_of_the_screen_high(pictures, screen, theme_key):
    """Measured on the picture: the ink of the title's first capital letter is at least 70% of 1/20 of the height.

    The title's pixels are found by drawing the screen twice, as it is and with
    the title's words taken out; the first letter's ink in the first line is then
    measured from its top to the baseline (``cap_height``). A capital is about 70%
    of the font's size, so 1/20 of 1080 (54 px) shows as at least 37.8 px of ink.
    """
    drawing = drawing_of(pictures, screen, theme_key)
    title = drawing.layout(W, H).title
    assert title is not None and title.text == screen.title
    assert title.text[0].isupper() or title.text[0].isdigit(), "the measure needs a capital first"
    assert title.font.pixelSize() >= H * MAIN_WORDS
    pixels = title_ink(drawing)
    assert not pixels.isEmpty()
    capital = cap_height(pixels, title)
    assert capital >= H * MAIN_WORDS * CAP_HEIGHT, f"{screen.title!r}: capitals {capital}px high"
    # The measure is one capital, not a whole line or a small letter.
    assert 0.55 * title.font.pixelSize() <= capital <= 0.85 * title.font.pixelSize()


@pytest.mark.parametrize("size", [(1920, 1080), (1280, 720)])
@pytest.mark.parametrize("scale", [scale for _name, scale in TEXT_SIZES.values()])
def test_titles_and_words_stay_big_at_every_size_and_text_size(pictures, size, scale):
    width, height = size
    for screen, name in WORDED:
        layout = drawing_of(pictures, screen, scale=scale).layout(width, height)
        assert layout.title.font.pixelSize() >= height * MAIN_WORDS - 0.5, name
        for text in every_text(layout):
            assert text.font.pixelSize() >= height * READ_FLOOR - 0.5, (name, text.text)


def test_a_larger_text_size_never_makes_a_title_smaller(pictures):
    scales = sorted(scale for _name, scale in TEXT_SIZES.values())
    smaller = []
    for screen, name in WORDED:
        sizes = [drawing_of(pictures, screen, scale=scale).layout(W, H).title.font.pixelSize() for scale in scales]
        if sizes != sorted(sizes):
            smaller.append((name, screen.title, sizes))
    assert not smaller


# -- b. clear enough ----------------------------------------------------------------


@pytest.mark.parametrize("theme_key", THEME_KEYS)
@pytest.mark.parametrize("screen", [s for s, _n in WORDED], ids=[n for _s, n in WORDED])
def test_words_and_background_reach_seven_to_one_on_the_picture(pictures, screen, theme_key):
    """In each text's rectangle: the commonest pixel is the background, the pixel farthest from it in
    luminance is the words' colour (anti-aliased edges are paler, so the extreme one), and they reach 7:1."""
    theme = THEMES[theme_key]
    drawing = drawing_of(pictures, screen, theme_key)
    layout = drawing.layout(W, H)
    image = drawing.image(W, H)
    places = [(text.rect, text.text) for text in every_text(layout)]
    if layout.timer_words is not None:
        places.append((layout.timer_words, "the timer's words"))
    assert places
    for rect, words in places:
        counted = colours_in(image, rect)
        background = counted.most_common(1)[0][0]
        assert background == QColor(theme.background).rgb(), words
        lightness = luminance(channels(background))
        text = max(counted, key=lambda pixel: abs(luminance(channels(pixel)) - lightness))
        assert text != background, f"no words drawn for {words!r}"
        ratio = contrast(channels(text), channels(background))
        assert ratio >= 7, f"{words!r}: {ratio:.2f}:1"


# -- c. nothing spills over ---------------------------------------------------------


@pytest.mark.parametrize("rtl", [False, True], ids=["ltr", "rtl"])
@pytest.mark.parametrize("scale", [1.0, 1.4])
@pytest.mark.parametrize("size", [(1920, 1080), (1280, 720)])
def test_texts_stay_on_the_screen_apart_from_each_other_and_whole(pictures, size, scale, rtl):
    width, height = size
    screen_rect = QRectF(0, 0, width, height)
    for screen, name in WORDED:
        drawing = ScreenDrawing(pictures)
        drawing.set_look(Look("cream", scale, rtl))
        drawing.set_screen(screen)
        layout = drawing.layout(width, height)
        texts = every_text(layout)
        boxes = [(text.rect, text.text) for text in texts]
        if layout.timer_words is not None:
            boxes.append((layout.timer_words, "timer words"))
        others = [(rect, ref) for ref, rect in layout.pictures] + [(cell.picture, cell.picture_ref) for cell in layout.strip]
        if layout.timer is not None:
            others.append((layout.timer, "timer"))
        for n, (rect, words) in enumerate(boxes):
            assert screen_rect.contains(rect), (name, words, rect)
            for other, other_words in boxes[n + 1:]:
                assert not rect.intersects(other), (name, words, other_words)
            for other, what in others:
                assert not rect.intersects(other), (name, words, what)
        for text in texts:
            assert fits(text), (name, text.text, size, scale)
        assert not layout.cut, name


@pytest.mark.parametrize("theme_key", THEME_KEYS)
@pytest.mark.parametrize("title", [LONG_TITLE, LONG_WORD], ids=["400-characters", "60-letter-word"])
@pytest.mark.parametrize("base", [WELCOME, ITEM, BREAK], ids=["welcome", "item", "break"])
def test_a_very_long_title_is_cut_with_an_ellipsis_and_drawn_only_in_its_place(pictures, base, title, theme_key):
    assert len(title) in (60, 400)
    theme = THEMES[theme_key]
    drawing = drawing_of(pictures, dataclasses.replace(base, title=title), theme_key)
    layout = drawing.layout(W, H)
    shown = layout.title
    if layout.cut:
        assert shown.text.endswith("…") and len(shown.text) < len(title)
        assert title.startswith(shown.text.removesuffix("…").strip())
    else:
        assert shown.text == title  # it fitted whole, shrunk and wrapped
    if title == LONG_TITLE or base is not BREAK:
        assert layout.cut, "this title cannot fit whole at 1/20 of the screen height"
    assert shown.font.pixelSize() >= H * MAIN_WORDS - 0.5
    assert fits(shown)
    for text in every_text(layout):
        assert QRectF(0, 0, W, H).contains(text.rect)
    # On the picture: the title's ink is inside its rectangle, and below it there is only background.
    pixels = title_ink(drawing)
    assert not pixels.isEmpty()
    place = shown.rect.toAlignedRect()
    assert pixels.subtracted(QRegion(place)).isEmpty(), pixels.boundingRect()
    following = [t.rect.top() for t in layout.texts if t.rect.top() > shown.rect.bottom()]
    bottom = min(following + [cell.rect.top() for cell in layout.strip] + [H - H * 0.045])
    below = QRect(place.left(), place.bottom() + 2, place.width(), math.floor(bottom) - place.bottom() - 3)
    assert below.height() > 0
    assert ink(drawing.image(W, H), theme.background).intersected(below).isEmpty()


@pytest.mark.parametrize("base", [ITEM, BREAK, WELCOME], ids=["item", "break", "welcome"])
def test_a_title_of_seven_short_words_keeps_the_largest_size(pictures, base):
    assert len(SEVEN_SHORT_WORDS.split()) == 7
    drawing = drawing_of(pictures, dataclasses.replace(base, title=SEVEN_SHORT_WORDS))
    layout = drawing.layout(W, H)
    assert not layout.cut and layout.title.text == SEVEN_SHORT_WORDS
    assert layout.title.font.pixelSize() == round(H * TITLE_LARGEST)
    assert cap_height(title_ink(drawing), layout.title) >= 0.6 * H * TITLE_LARGEST


# -- d. every kind draws ------------------------------------------------------------


def test_every_kind_of_screen_is_here():
    assert {screen.kind for screen in SCREENS} == set(Kind)


@pytest.mark.parametrize("scale", [1.0, 1.4])
@pytest.mark.parametrize("size", [(1920, 1080), (1280, 720)])
def test_every_kind_of_screen_draws_at_every_size(pictures, size, scale):
    width, height = size
    timers = [RUNNING, TimerState(600, 90, Phase.NEARLY), TimerState(600, -90, Phase.OVER), TimerState(600, 300, Phase.PAUSED)]
    for n, screen in enumerate(SCREENS):
        theme = THEME_KEYS[n % len(THEME_KEYS)]
        drawing = drawing_of(pictures, screen, theme, scale)
        drawing.timer = timers[n % len(timers)] if screen.timer else None
        image = drawing.image(width, height)
        assert not image.isNull() and (image.width(), image.height()) == size
        marks = ink(image, THEMES[theme].background)
        if screen.kind is Kind.BLANK:
            assert marks.isEmpty(), "a blank screen must show only its background"
            assert drawing.layout(width, height).texts == []
            continue
        assert not marks.isEmpty()
        layout = drawing.layout(width, height)
        assert layout.title is not None and not title_ink(drawing, width, height).isEmpty(), screen.kind
        if screen.timer:
            assert not marks.intersected(layout.timer.toAlignedRect()).isEmpty(), "the timer is drawn"


def _ink_columns(image: QImage, rect: QRectF, background: QColor) -> list[int]:
    """The x of every column in ``rect`` with a pixel that is not the background."""
    found = []
    for x in range(max(0, int(rect.left())), min(image.width(), int(rect.right()))):
        if any(image.pixelColor(x, y) != background for y in range(int(rect.top()), int(rect.bottom()), 3)):
            found.append(x)
    return found


@pytest.mark.parametrize("app_direction", [Qt.LayoutDirection.LeftToRight, Qt.LayoutDirection.RightToLeft],
                         ids=["app-ltr", "app-rtl"])
@pytest.mark.parametrize("rtl, title", [(True, "أهلًا وسهلًا"), (False, "Welcome")], ids=["arabic", "english"])
def test_short_words_sit_against_the_picture_side_whichever_way_the_app_reads(qtbot, pictures, app_direction, rtl, title):
    """The big screen reads the workshop's way, also when the app's own windows read the other way."""
    from PySide6.QtWidgets import QApplication

    from facilitator.ui.presenter.participant_view import ParticipantView

    QApplication.setLayoutDirection(app_direction)  # as the app's language sets it
    try:
        view = ParticipantView(pictures)
        qtbot.addWidget(view)
        view.resize(960, 540)
        view.set_look(Look("cream", 1.0, rtl))
        view.show_screen(Screen(Kind.ITEM, title=title, pictures=("welcome",)), None)
        image = view.grab().toImage()
    finally:
        QApplication.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    layout = view.current_layout()
    (picture_rect,) = [rect for _ref, rect in layout.pictures]
    assert (picture_rect.left() > view.width() / 2) is rtl  # the picture is on the side the language starts from
    rect = layout.title.rect
    ink = _ink_columns(image, rect, QColor(view.drawing.look.theme.background))
    assert ink, "the title was not drawn"
    slack = rect.width() * 0.05
    if rtl:
        assert rect.right() - ink[-1] < slack and ink[0] - rect.left() > rect.width() / 3
    else:
        assert ink[0] - rect.left() < slack and rect.right() - ink[-1] > rect.width() / 3


# -- e. text size -------------------------------------------------------------------


def _first_of_each_kind() -> dict[Kind, Screen]:
    found: dict[Kind, Screen] = {}
    for screen in SCREENS:
        if screen.kind is not Kind.BLANK:
            found.setdefault(screen.kind, screen)
    return found


SIZES = sorted(scale for _name, scale in TEXT_SIZES.values())  # Normal, Large, Largest


def _grows(values: list) -> bool:
    return all(smaller < bigger for smaller, bigger in zip(values, values[1:]))


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)], ids=["laptop", "full-hd"])
@pytest.mark.parametrize("kind", [kind for kind in Kind if kind is not Kind.BLANK], ids=lambda kind: kind.value)
def test_each_text_size_makes_the_words_bigger_on_every_kind_of_screen(pictures, kind, size):
    """A short title, drawn at Normal, Large and Largest: its capital's ink is taller each time, and so are the
    words under it (or each answer's words on a result)."""
    width, height = size
    screen = dataclasses.replace(_first_of_each_kind()[kind], title="Tea")
    capitals, title_sizes, words_sizes = [], [], []
    for scale in SIZES:
        drawing = drawing_of(pictures, screen, scale=scale)
        layout = drawing.layout(width, height)
        assert not layout.cut
        title_sizes.append(layout.title.font.pixelSize())
        capitals.append(cap_height(title_ink(drawing, width, height), layout.title))
        words = [text for text in layout.texts if text.key == "words" or (kind is Kind.BREAK and text is not layout.title)]
        words += [cell.words for cell in layout.counts]
        words_sizes.append(tuple(text.font.pixelSize() for text in words))
        for text in every_text(layout):
            assert fits(text), (kind, scale, text.text)
    assert _grows(title_sizes) and _grows(capitals), (title_sizes, capitals)
    if any(words_sizes):
        for n in range(len(words_sizes[0])):
            assert _grows([sizes[n] for sizes in words_sizes]), words_sizes


def test_on_a_laptop_every_screen_of_the_demo_gets_bigger_titles_at_each_text_size(pictures):
    """The demo's own titles and words, long and short, at 1366x768: each text size makes them bigger, and they
    still fit whole (before, "Largest" drew most item screens exactly as "Normal")."""
    same = []
    for screen, name in WORDED:
        if screen.kind in (Kind.WORD, Kind.DECISION, Kind.RESULT):
            continue  # made for this test module, with long words on purpose
        layouts = [drawing_of(pictures, screen, scale=scale).layout(1366, 768) for scale in SIZES]
        titles = [layout.title.font.pixelSize() for layout in layouts]
        words = [[text.font.pixelSize() for text in layout.texts if text.key == "words"] for layout in layouts]
        if not _grows(titles) or not all(_grows(list(sizes)) for sizes in zip(*words)):
            same.append((name, screen.title, titles, words))
        assert not any(layout.cut for layout in layouts), name
    assert not same


# -- f. a break counts down ------------------------------------------------------------


def _timer_pixels(drawing: ScreenDrawing, colour: str, width: int = W, height: int = H) -> int:
    layout = drawing.layout(width, height)
    return colours_in(drawing.image(width, height), layout.timer)[QColor(colour).rgb()]


@pytest.mark.parametrize("theme_key", THEME_KEYS)
def test_a_break_shows_the_minutes_left_as_a_shape_that_empties_and_the_time_now(pictures, theme_key):
    theme = THEMES[theme_key]
    drawing = drawing_of(pictures, BREAK, theme_key)
    layout = drawing.layout(W, H)
    assert layout.countdown and layout.timer is not None and layout.timer_words is not None
    assert BREAK.words.startswith("Back at ")  # still said, under the title
    shown = []
    for left in (600, 300, 150):
        drawing.timer = TimerState(600, left, Phase.RUNNING, dt.time(10, 55))
        shown.append(_timer_pixels(drawing, theme.timer))
    # The part still to come shrinks with the time, to half then a quarter: the first step takes twice as
    # many pixels away as the second (the ring round it stays the same).
    assert shown[0] > shown[1] > shown[2] > 0
    assert 1.7 < (shown[0] - shown[1]) / (shown[1] - shown[2]) < 2.3
    # High contrast: the shape's colour against the background, in every theme.
    assert contrast(theme.timer, theme.background) >= 3
    # The words beside it: the minutes left and the time now, drawn in the words' colour.
    drawing.timer = TimerState(600, 420, Phase.RUNNING, dt.time(10, 55))
    image = drawing.image(W, H)
    assert countdown_words(drawing.timer) == "7 minutes left\nNow 10:55"
    assert colours_in(image, layout.timer_words)[QColor(theme.text).rgb()] > 0
    # When the time is up, the disc is gone and says so.
    drawing.timer = TimerState(600, -30, Phase.OVER, dt.time(11, 3))
    assert countdown_words(drawing.timer) == "Time to come back\nNow 11:03"
    assert _timer_pixels(drawing, theme.timer) < shown[2]


def test_the_break_countdown_and_its_words_stay_apart_from_the_title_at_every_size(pictures):
    for scale in SIZES:
        for width, height in ((1366, 768), (1920, 1080), (1280, 720)):
            layout = drawing_of(pictures, BREAK, scale=scale).layout(width, height)
            parts = [layout.timer, layout.timer_words] + [rect for _ref, rect in layout.pictures] + [t.rect for t in layout.texts]
            for n, rect in enumerate(parts):
                assert QRectF(0, 0, width, height).contains(rect)
                for other in parts[n + 1:]:
                    assert not rect.intersects(other), (scale, width)
