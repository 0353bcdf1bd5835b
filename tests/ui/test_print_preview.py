"""The print preview of a long printout: pages drawn only when they come into view, only a few kept, every page
still there to scroll to, and Print and Save still the whole document."""

from __future__ import annotations

import pypdfium2
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QImage

from facilitator.core.demo import demo_workshop
from facilitator.core.model import Agreement, Decision
from facilitator.pictures.catalogue import PictureCatalogue
from facilitator.ui.page_preview import KEPT, PageView
from facilitator.ui.print_dialog import PREVIEW_SCALE, PrintDialog
from tests.ui.test_print_dialog import page_count, pdf_printer, rendered_rows, rgb_rows, words

PICTURES = ("bus", "tea", "garden", "music", "money", "door", "lift", "calendar", "quiet", "building")


@pytest.fixture(scope="module")
def catalogue():
    return PictureCatalogue.load()


@pytest.fixture
def long_summary(qtbot, library, catalogue):
    """The print dialog, shown, on a summary of 250 decisions (over 40 pages), its pages made."""
    _group, workshop = demo_workshop()
    workshop.decisions = [
        Decision(f"Decision {n}: we will ask the council about the {PICTURES[n % 10]} and tell everyone.",
                 picture=PICTURES[n % 10], agreement=Agreement.COUNTED, agree=6, not_sure=2, agreed=True)
        for n in range(250)
    ]
    dialog = PrintDialog(library, catalogue, workshop, None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.wait_for_pages(timeout=60)
    assert len(dialog.built.pages) >= 40
    return dialog


def pages_of(dialog: PrintDialog) -> list[PageView]:
    return [dialog.pages_layout.itemAt(i).widget() for i in range(dialog.pages_layout.count())]


def shown_on_screen(page: PageView) -> list[bytes]:
    """What the page looks like in the window, inside its frame, as rows of RGB bytes."""
    frame = page.frameWidth()
    image = page.grab().toImage().copy(frame, frame, *page.page_size)
    return rgb_rows(image.convertToFormat(QImage.Format.Format_RGB888))


def test_opening_a_long_preview_draws_only_the_pages_in_view(long_summary, qtbot):
    dialog = long_summary
    pages = pages_of(dialog)
    assert len(pages) == len(dialog.built.pages) == page_count(dialog.built.data)
    drawn = dialog.drawn_pages
    qtbot.waitUntil(lambda: 0 in drawn.kept_pages(), timeout=5000)  # the first page is shown
    qtbot.wait(100)  # time for any other page to be painted, if one were going to be
    assert 1 <= drawn.drawn <= 3 and set(drawn.kept_pages()) <= {0, 1, 2}
    assert shown_on_screen(pages[0]) == rendered_rows(dialog.built.data, 0)
    assert dialog.status.text() == f"{len(pages)} pages. This is how they will look."


def test_scrolling_to_the_last_page_draws_it_and_shows_it(long_summary, qtbot):
    dialog = long_summary
    pages = pages_of(dialog)
    last = len(pages) - 1
    drawn = dialog.drawn_pages
    qtbot.waitUntil(lambda: 0 in drawn.kept_pages(), timeout=5000)
    bar = dialog.scroll.verticalScrollBar()
    bar.setValue(bar.maximum())  # the scroll bar dragged to the end
    qtbot.waitUntil(lambda: last in drawn.kept_pages(), timeout=5000)
    qtbot.wait(100)
    assert drawn.drawn <= 1 + 3  # the first page, then the last two or three: none of those in between
    shown = shown_on_screen(pages[last])
    assert shown == rendered_rows(dialog.built.data, last)
    assert min(min(row) for row in shown) < 80  # words are on it: "Thank you" and the page number
    accessible = QAccessible.queryAccessibleInterface(pages[last])
    assert accessible.text(QAccessible.Text.Name) == f"Page {last + 1}"
    assert accessible.role() == QAccessible.Role.Graphic

    # The keyboard scrolls the preview as before: Page Up back to the top, each page drawn as it comes.
    dialog.scroll.setFocus()
    while bar.value() > 0:
        before = bar.value()
        qtbot.keyClick(dialog.scroll, Qt.Key.Key_PageUp)
        assert bar.value() < before
    qtbot.waitUntil(lambda: 0 in drawn.kept_pages(), timeout=5000)
    assert shown_on_screen(pages[0]) == rendered_rows(dialog.built.data, 0)
    assert len(drawn.kept_pages()) <= KEPT


def test_scrolling_through_every_page_keeps_only_a_few_drawn(long_summary, qtbot):
    dialog = long_summary
    pages = pages_of(dialog)
    seen = set()
    for index, page in enumerate(pages):
        dialog.scroll.ensureWidgetVisible(page, 0, 0)
        qtbot.waitUntil(lambda index=index: index in dialog.drawn_pages.kept_pages(), timeout=5000)
        seen.add(index)
        assert len(dialog.drawn_pages.kept_pages()) <= KEPT
    assert seen == set(range(len(pages)))
    assert dialog.drawn_pages.drawn >= len(pages)  # each was drawn when it came into view
    # Back up to the top: the first page is drawn again, just as it was.
    dialog.scroll.verticalScrollBar().setValue(0)
    qtbot.waitUntil(lambda: 0 in dialog.drawn_pages.kept_pages(), timeout=5000)
    assert shown_on_screen(pages[0]) == rendered_rows(dialog.built.data, 0)


def test_save_and_print_are_the_whole_long_document(long_summary, qtbot, tmp_path):
    dialog = long_summary
    count = len(dialog.built.pages)
    saved = dialog.save_to(tmp_path / "decisions.pdf")
    assert page_count(saved) == count and "Decision 249:" in words(saved)
    assert dialog.print_to(pdf_printer(tmp_path / "printed.pdf")) == count
    assert page_count(tmp_path / "printed.pdf") == count
    assert dialog.status.text() == f"Sent {count} pages to the printer."
    assert len(dialog.drawn_pages.kept_pages()) <= KEPT  # printing keeps no pictures of the pages


def test_a_new_choice_lets_the_old_pages_go(long_summary, qtbot):
    dialog = long_summary
    old = dialog.drawn_pages
    qtbot.waitUntil(lambda: 0 in old.kept_pages(), timeout=5000)
    dialog.kind_box.setCurrentIndex(dialog.kind_box.findData("agenda"))
    dialog.wait_for_pages(timeout=60)
    assert old.kept_pages() == [] and old.pixmap(0) is None  # closed: its PDF and pictures let go
    assert dialog.drawn_pages is not old and dialog.pages_layout.count() == len(dialog.built.pages)
    qtbot.waitUntil(lambda: 0 in dialog.drawn_pages.kept_pages(), timeout=5000)
    assert shown_on_screen(pages_of(dialog)[0]) == rendered_rows(dialog.built.data, 0)


def test_each_page_is_the_size_pdfium_draws_it(long_summary):
    dialog = long_summary
    document = pypdfium2.PdfDocument(dialog.built.data)
    try:
        for index in (0, len(document) - 1):
            bitmap = document[index].render(scale=PREVIEW_SCALE)
            assert dialog.built.pages[index] == (bitmap.width, bitmap.height)
    finally:
        document.close()
    page = pages_of(dialog)[0]
    assert page.page_image().width() == page.page_size[0] and page.page_image().height() == page.page_size[1]
