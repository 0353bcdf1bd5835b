"""File ▸ Print or save as PDF…: what a facilitator sees, saves and prints, checked in the files made."""

from __future__ import annotations

import errno
import io
import os
import re
import stat
import threading
import unicodedata
from pathlib import Path

import pdfplumber
import pypdfium2
import shiboken6
from PySide6.QtCore import QBuffer, QIODevice, Qt
from PySide6.QtGui import QColor, QImage, QKeySequence
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QFileDialog

import facilitator.ui.print_dialog as print_dialog
from facilitator.core.edits import ChangePart
from facilitator.core.model import Decision
from facilitator.pictures.own import own_picture
from facilitator.printing.layout import load_layout
from facilitator.ui.print_dialog import PREVIEW_SCALE, PrintDialog

MAKING = "Making the pages…"
SHOWN = "This is how"
ARABIC = "نلتقي في المكتبة"
HINDI = "हम पुस्तकालय में मिलेंगे"  # no font the app prints with has Devanagari letters


# -- helpers ------------------------------------------------------------------------------------


def press_ctrl_p(window, qtbot) -> PrintDialog:
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    dialog = getattr(window, "print_dialog", None)
    assert isinstance(dialog, PrintDialog) and dialog.isVisible()
    return dialog


def open_dialog(window, qtbot) -> PrintDialog:
    dialog = press_ctrl_p(window, qtbot)
    dialog.wait_for_pages()
    return dialog


def choose(dialog: PrintDialog, box, key: str) -> None:
    """Pick the entry of ``box`` whose data is ``key`` and wait for the new preview."""
    index = box.findData(key)
    assert index >= 0, key
    box.setCurrentIndex(index)
    dialog.wait_for_pages()


def words(source) -> str:
    """All the words of a PDF (a path or its bytes), on one line, as pdfplumber reads them."""
    opened = pdfplumber.open(io.BytesIO(source) if isinstance(source, bytes) else source)
    with opened as pdf:
        return " ".join(" ".join((page.extract_text() or "").split()) for page in pdf.pages)


def title_of(source) -> str:
    """The title the PDF gives itself (what a PDF reader shows)."""
    with pdfplumber.open(io.BytesIO(source) if isinstance(source, bytes) else source) as pdf:
        return pdf.metadata.get("Title", "")


def page_count(source) -> int:
    with pdfplumber.open(io.BytesIO(source) if isinstance(source, bytes) else source) as pdf:
        return len(pdf.pages)


def shown_pages(dialog: PrintDialog) -> list:
    return [dialog.pages_layout.itemAt(i).widget() for i in range(dialog.pages_layout.count())]


def rgb_rows(image: QImage) -> list[bytes]:
    image = image.convertToFormat(QImage.Format.Format_RGB888)
    data, line = bytes(image.constBits()), image.bytesPerLine()
    return [data[y * line: y * line + image.width() * 3] for y in range(image.height())]


def rendered_rows(pdf: bytes, index: int) -> list[bytes]:
    """Page ``index`` of ``pdf`` drawn the way the preview draws it, as rows of RGB bytes."""
    document = pypdfium2.PdfDocument(pdf)
    try:
        bitmap = document[index].render(scale=PREVIEW_SCALE, rev_byteorder=True)
        data = bytes(bitmap.buffer)
        return [data[y * bitmap.stride: y * bitmap.stride + bitmap.width * 3] for y in range(bitmap.height)]
    finally:
        document.close()


def magenta_pixels(rows: list[bytes]) -> int:
    return sum(1 for row in rows for r, g, b in zip(row[0::3], row[1::3], row[2::3]) if r > 200 and g < 60 and b > 200)


def people_named(workshop) -> list[str]:
    """Every name and alias of the people in the workshop, and names written in it (who does an action...)."""
    found = [p.name for p in workshop.participants] + [p.alias for p in workshop.participants]
    found += [f.name for f in workshop.facilitators] + [a.who for a in workshop.actions]
    found += [d.suggested_by for d in workshop.decisions] + [i.suggested_by for i in workshop.ideas]
    return sorted({word for name in found for word in re.findall(r"[A-Z][a-z]+", name)})


def named_in(text: str, names: list[str]) -> list[str]:
    return [name for name in names if re.search(rf"\b{re.escape(name)}\b", text)]


def pick_file(monkeypatch, answer: str) -> list[tuple]:
    """QFileDialog.getSaveFileName answers ``answer``; the list gets what it was asked."""
    asked = []

    def get_save_file_name(*args, **kwargs):
        asked.append(args)
        return answer, "PDF documents (*.pdf)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(get_save_file_name))
    return asked


def print_dialog_answers(monkeypatch, code: int, output: Path, resolution: int = 96) -> list[QPrinter]:
    """QPrintDialog.exec picks a PDF printer writing ``output`` (at ``resolution`` dots an inch), then answers
    ``code`` (1 Print, 0 Cancel); the list gets the printers it was shown."""
    shown = []

    def exec_(self):
        printer = self.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(output))
        printer.setResolution(resolution)
        shown.append(printer)
        return code

    monkeypatch.setattr(QPrintDialog, "exec", exec_)
    return shown


def pdf_printer(output: Path, mode=QPrinter.PrinterMode.ScreenResolution) -> QPrinter:
    printer = QPrinter(mode)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(output))
    return printer


def png(colour: QColor, size: int = 48) -> bytes:
    image = QImage(size, size, QImage.Format.Format_RGB32)
    image.fill(colour)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert image.save(buffer, "PNG")
    return bytes(buffer.data())


def files_in(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir())


# -- 1. opening it -------------------------------------------------------------------------------


def test_ctrl_p_previews_the_summary_of_the_workshop_in_standard_layout(window, qtbot, tmp_path):
    workshop = window.library.load_workshop(window.current_workshop_id())
    dialog = press_ctrl_p(window, qtbot)
    assert dialog.workshop.id == workshop.id
    assert dialog.kind() == "summary"
    assert dialog.layout_box.currentData() == "standard" and dialog.layout_box.currentText() == "Standard"
    assert dialog.names_box.currentData() == "count" and dialog.contact.text() == ""
    dialog.wait_for_pages()

    count = len(dialog.built.pages)
    assert count > 1
    assert dialog.status.text() == f"{count} pages. This is how they will look."
    assert dialog.save_button.isEnabled() and dialog.print_button.isEnabled()
    assert title_of(dialog.built.data) == f"Notes from our meeting: {workshop.title}"
    assert words(dialog.built.data).startswith(f"Notes from our meeting {workshop.title}")

    # Each page of the preview is a picture of an A4 page, drawn from the very PDF that is saved.
    saved = dialog.save_to(tmp_path / "summary.pdf")
    with pdfplumber.open(saved) as pdf:
        sizes = [(round(page.width), round(page.height)) for page in pdf.pages]
    assert sizes == [(595, 842)] * count
    labels = shown_pages(dialog)
    assert len(labels) == count
    for number, (label, (width, height)) in enumerate(zip(labels, sizes)):
        shown_width, shown_height = label.page_size
        assert abs(shown_width - width * PREVIEW_SCALE) <= 1 and abs(shown_height - height * PREVIEW_SCALE) <= 1
        assert label.accessibleName() == f"Page {number + 1}"
    first = rgb_rows(labels[0].page_image())
    assert first == rendered_rows(saved.read_bytes(), 0)
    assert min(min(row) for row in first) < 80  # words are drawn on it, it is not a blank page


def test_the_file_menu_opens_it_on_the_workshop_chosen_with_what_is_being_typed(window, qtbot):
    made = window.commands.new_workshop()
    assert window.current_workshop_id() == made.id
    edit = window.page.title_edit
    edit.selectAll()
    qtbot.keyClicks(edit, "Our garden club")  # not yet saved: no Return pressed

    file_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&File")
    item = next(a for a in file_menu.actions() if a.text() == "&Print or save as PDF…")
    assert item.isEnabled()
    assert item.shortcut() == QKeySequence(QKeySequence.StandardKey.Print)
    assert item.shortcut().toString() == "Ctrl+P"
    item.trigger()
    dialog = window.print_dialog
    dialog.wait_for_pages()
    assert dialog.workshop.id == made.id
    assert title_of(dialog.built.data) == "Notes from our meeting: Our garden club"
    assert "Our garden club" in words(dialog.built.data)
    assert window.library.load_workshop(made.id).title == "Our garden club"


# -- 2. what to print and the layout -------------------------------------------------------------


def test_each_kind_and_layout_makes_its_own_pages(window, qtbot, tmp_path):
    dialog = open_dialog(window, qtbot)
    summary = len(dialog.built.pages)
    assert dialog.names_box.isEnabled() and dialog.contact.isEnabled()

    dialog.kind_box.setCurrentIndex(dialog.kind_box.findData("agenda"))
    assert dialog.status.text() == MAKING
    assert not dialog.save_button.isEnabled() and not dialog.print_button.isEnabled()
    dialog.wait_for_pages()
    agenda = len(dialog.built.pages)
    assert title_of(dialog.built.data).startswith("Agenda: ")
    assert 0 < agenda < summary and dialog.pages_layout.count() == agenda
    assert dialog.status.text() == f"{agenda} pages. This is how they will look."
    assert not dialog.names_box.isEnabled() and not dialog.contact.isEnabled()

    choose(dialog, dialog.kind_box, "cards")
    cards = len(dialog.built.pages)
    assert title_of(dialog.built.data) == "Picture cards"
    assert cards > 0 and cards != agenda and dialog.pages_layout.count() == cards
    assert not dialog.names_box.isEnabled() and not dialog.contact.isEnabled()

    choose(dialog, dialog.kind_box, "summary")
    assert len(dialog.built.pages) == summary
    assert dialog.names_box.isEnabled() and dialog.contact.isEnabled()
    standard = dialog.built.data

    choose(dialog, dialog.layout_box, "large-print")
    assert dialog.layout_box.currentText() == "Large print"
    large = len(dialog.built.pages)
    assert large > summary and dialog.pages_layout.count() == large
    assert dialog.status.text() == f"{large} pages. This is how they will look."

    def text_sizes(pdf: bytes) -> set[float]:
        with pdfplumber.open(io.BytesIO(pdf)) as opened:
            return {round(char["size"], 1) for page in opened.pages for char in page.chars}

    def layout_sizes(name: str) -> set[float]:
        layout = load_layout(name)
        return {layout.detail_size, layout.body_size, layout.heading_size, layout.title_size}

    # Large print has bigger words everywhere: its smallest words are bigger than the standard's body words.
    assert text_sizes(standard) == layout_sizes("standard")
    assert text_sizes(dialog.built.data) == layout_sizes("large-print")
    assert min(text_sizes(dialog.built.data)) > load_layout("standard").body_size


# -- 3. privacy ----------------------------------------------------------------------------------


def test_no_names_unless_chosen_and_the_contact_typed_is_printed(window, qtbot, tmp_path, monkeypatch):
    workshop = window.library.load_workshop(window.current_workshop_id())
    everyone = people_named(workshop)
    assert "Joan" in everyone and "Whitfield" in everyone and "Sunny" in everyone
    dialog = open_dialog(window, qtbot)
    assert dialog.names_box.currentText() == "Only how many people came (no names)"

    pick_file(monkeypatch, str(tmp_path / "count.pdf"))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    counted = words(tmp_path / "count.pdf")
    assert f"{len(workshop.participants)} people came." in counted
    assert named_in(counted, everyone) == []
    with pdfplumber.open(tmp_path / "count.pdf") as pdf:
        assert named_in(" ".join(str(value) for value in pdf.metadata.values()), everyone) == []

    choose(dialog, dialog.names_box, "names")
    for participant in workshop.participants:
        assert participant.name in words(dialog.built.data)

    choose(dialog, dialog.names_box, "aliases")
    aliased = words(dialog.built.data)
    assert "Sunny" in aliased and "Sunita Patel" not in aliased
    assert "Joan Whitfield" in aliased  # she has no alias

    contact = "Ring the centre on 01632 960555"
    dialog.contact.setFocus()
    qtbot.keyClicks(dialog.contact, contact)
    qtbot.waitUntil(lambda: not dialog._soon.isActive(), timeout=3000)  # the pause after typing
    dialog.wait_for_pages()
    pick_file(monkeypatch, str(tmp_path / "contact.pdf"))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert contact in words(tmp_path / "contact.pdf")
    assert "01632" not in counted


def test_the_agenda_and_cards_have_no_names_even_when_names_were_chosen(window, qtbot):
    workshop = window.library.load_workshop(window.current_workshop_id())
    everyone = people_named(workshop)
    dialog = open_dialog(window, qtbot)
    choose(dialog, dialog.names_box, "names")
    dialog.contact.setText("Ring Helen on 01632 960555")
    choose(dialog, dialog.kind_box, "agenda")
    agenda = words(dialog.built.data)
    choose(dialog, dialog.kind_box, "cards")
    cards = words(dialog.built.data)
    assert named_in(agenda, everyone) == [] and named_in(cards, everyone) == []
    assert "01632" not in agenda + cards


def test_saving_straight_after_typing_the_contact_saves_the_contact(window, qtbot, tmp_path, monkeypatch):
    dialog = open_dialog(window, qtbot)
    pick_file(monkeypatch, str(tmp_path / "notes.pdf"))
    dialog.contact.setFocus()
    qtbot.keyClicks(dialog.contact, "Ring the centre on 01632 960555")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog._soon.isActive(), timeout=3000)
    dialog.wait_for_pages()
    if not (tmp_path / "notes.pdf").exists():  # Save was held back until the new pages were made: press it again
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "01632 960555" in words(tmp_path / "notes.pdf")


# -- 4. saving -----------------------------------------------------------------------------------


def test_save_writes_the_pdf_shown_and_adds_pdf_to_the_name(window, qtbot, tmp_path, monkeypatch):
    dialog = open_dialog(window, qtbot)
    before = files_in(tmp_path)
    asked = pick_file(monkeypatch, str(tmp_path / "our notes"))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert len(asked) == 1
    suggested = Path(asked[0][2])
    assert suggested.parent == Path.home() and suggested.name.endswith("-summary.pdf")
    saved = tmp_path / "our notes.pdf"
    assert files_in(tmp_path) == sorted([*before, "our notes.pdf"])  # not "our notes", no .part left
    assert saved.read_bytes().startswith(b"%PDF")
    assert saved.read_bytes() == dialog.built.data
    assert page_count(saved) == len(dialog.built.pages) == dialog.pages_layout.count()
    assert dialog.status.text() == f"Saved {saved}."

    # A name that already ends in .pdf (in any case) is kept as it is.
    assert dialog.save_to(tmp_path / "Cards.PDF") == tmp_path / "Cards.PDF"
    assert page_count(tmp_path / "Cards.PDF") == len(dialog.built.pages)


def test_cancelling_the_file_dialog_saves_nothing(window, qtbot, tmp_path, monkeypatch):
    dialog = open_dialog(window, qtbot)
    before = files_in(tmp_path)
    status = dialog.status.text()
    asked = pick_file(monkeypatch, "")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 1
    assert files_in(tmp_path) == before and not list(Path.home().glob("*.pdf*"))
    assert dialog.status.text() == status


def test_saving_into_a_folder_that_is_not_there_says_so_and_leaves_nothing(window, qtbot, tmp_path, monkeypatch):
    dialog = open_dialog(window, qtbot)
    missing = tmp_path / "no such folder"
    pick_file(monkeypatch, str(missing / "notes.pdf"))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    status = dialog.status.text()
    assert status.startswith(f"{missing / 'notes.pdf'} could not be saved")
    assert "No such file or directory" in status and status.endswith("Nothing was changed.")
    assert not missing.exists()
    assert dialog.save_button.isEnabled()  # the facilitator can choose another place


def test_saving_into_a_read_only_folder_says_so_and_leaves_nothing(window, qtbot, tmp_path, monkeypatch):
    folder = tmp_path / "locked"
    folder.mkdir()
    (folder / "notes.pdf").write_bytes(b"%PDF the old notes")
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    if os.access(folder, os.W_OK):  # run as root, who may write anywhere: the disk refuses as it would anyone else
        real = Path.write_bytes

        def refused(path, data):
            if Path(path).parent == folder:
                raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
            return real(path, data)

        monkeypatch.setattr(Path, "write_bytes", refused)
    try:
        dialog = open_dialog(window, qtbot)
        pick_file(monkeypatch, str(folder / "notes.pdf"))
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        status = dialog.status.text()
        assert "could not be saved (Permission denied)" in status and "Nothing was changed" in status
        assert files_in(folder) == ["notes.pdf"]
        assert (folder / "notes.pdf").read_bytes() == b"%PDF the old notes"
    finally:
        folder.chmod(stat.S_IRWXU)


def test_a_full_disk_leaves_the_old_file_and_no_part_file(window, qtbot, tmp_path, monkeypatch):
    (tmp_path / "notes.pdf").write_bytes(b"%PDF the old notes")
    dialog = open_dialog(window, qtbot)
    real = Path.write_bytes

    def half_then_full(path, data):
        real(path, data[: len(data) // 2])
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))

    monkeypatch.setattr(Path, "write_bytes", half_then_full)
    assert dialog.save_to(tmp_path / "notes.pdf") is None
    monkeypatch.undo()
    assert "could not be saved (No space left on device)" in dialog.status.text()
    assert (tmp_path / "notes.pdf").read_bytes() == b"%PDF the old notes"
    assert not (tmp_path / "notes.pdf.part").exists()


# -- 5. printing ---------------------------------------------------------------------------------


def test_print_to_sends_every_page(window, qtbot, tmp_path):
    dialog = open_dialog(window, qtbot)
    pages = len(dialog.built.pages)
    assert dialog.print_to(pdf_printer(tmp_path / "printed.pdf")) == pages
    assert dialog.status.text() == f"Sent {pages} pages to the printer."
    assert (tmp_path / "printed.pdf").read_bytes().startswith(b"%PDF")
    assert page_count(tmp_path / "printed.pdf") == pages
    document = pypdfium2.PdfDocument(str(tmp_path / "printed.pdf"))
    try:
        drawn = bytes(document[0].render(scale=0.5, grayscale=True).buffer)
    finally:
        document.close()
    assert min(drawn) < 80  # the words are on the printed page


def test_the_print_button_prints_when_the_print_dialog_says_print(window, qtbot, tmp_path, monkeypatch):
    dialog = open_dialog(window, qtbot)
    choose(dialog, dialog.kind_box, "agenda")
    shown = print_dialog_answers(monkeypatch, 1, tmp_path / "printed.pdf")
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    assert len(shown) == 1 and shown[0].docName().endswith("-agenda.pdf")
    assert page_count(tmp_path / "printed.pdf") == len(dialog.built.pages)


def test_cancelling_the_print_dialog_prints_nothing(window, qtbot, tmp_path, monkeypatch):
    dialog = open_dialog(window, qtbot)
    status = dialog.status.text()
    shown = print_dialog_answers(monkeypatch, 0, tmp_path / "printed.pdf")
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    assert len(shown) == 1
    assert not (tmp_path / "printed.pdf").exists()
    assert dialog.status.text() == status


def test_a_printer_that_cannot_start_says_nothing_was_printed(window, qtbot, tmp_path):
    dialog = open_dialog(window, qtbot)
    assert dialog.print_to(pdf_printer(tmp_path / "no such folder" / "printed.pdf")) == 0
    assert dialog.status.text() == "The printer could not be started. Nothing was printed."
    assert not (tmp_path / "no such folder").exists()


def test_a_600_dpi_printer_is_sent_pages_of_at_most_300_dpi(window, qtbot, tmp_path):
    dialog = open_dialog(window, qtbot)
    choose(dialog, dialog.kind_box, "agenda")
    printer = pdf_printer(tmp_path / "printed.pdf", QPrinter.PrinterMode.HighResolution)
    printer.setResolution(600)
    assert dialog.print_to(printer) == len(dialog.built.pages)
    with pdfplumber.open(tmp_path / "printed.pdf") as pdf:
        page = pdf.pages[0]
        widest = max(image["srcsize"][0] for image in page.images)
        assert widest <= page.width / 72 * 300 * 1.05


def test_printing_one_page_says_one_page(window, qtbot, tmp_path):
    window.commands.new_workshop()
    dialog = open_dialog(window, qtbot)
    choose(dialog, dialog.kind_box, "agenda")
    assert dialog.status.text() == "1 page. This is how it will look."
    assert dialog.print_to(pdf_printer(tmp_path / "printed.pdf")) == 1
    assert dialog.status.text() == "Sent 1 page to the printer."


# -- 6. a workshop that cannot be printed --------------------------------------------------------


def test_words_no_font_has_are_named_nothing_can_be_saved_and_the_library_is_kept(window, qtbot, tmp_path,
                                                                                  monkeypatch):
    workshop_id = window.current_workshop_id()
    window.library.add_part(workshop_id, "decisions", Decision(text=HINDI))
    before = window.library.load_workshop(workshop_id)
    listed = window.library.list_workshops()

    dialog = open_dialog(window, qtbot)
    status = dialog.status.text()
    assert status.startswith("The font Atkinson Hyperlegible Next has no letters for: ")
    assert "ह" in status and "Nothing was saved." in status
    assert dialog.built.pages == () and dialog.pages_layout.count() == 0
    assert not dialog.save_button.isEnabled() and not dialog.print_button.isEnabled()
    asked = pick_file(monkeypatch, str(tmp_path / "notes.pdf"))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert asked == [] and not (tmp_path / "notes.pdf").exists()

    # The agenda handout does not print decisions: it can still be made.
    choose(dialog, dialog.kind_box, "agenda")
    assert SHOWN in dialog.status.text() and dialog.save_button.isEnabled()

    dialog.close()
    assert window.library.load_workshop(workshop_id) == before
    assert window.library.list_workshops() == listed
    assert [d.text for d in window.library.load_workshop(workshop_id).decisions][-1] == HINDI


def test_a_decision_in_arabic_is_printed_joined_and_right_to_left(window, qtbot):
    # The brief expected Arabic to be refused; the app now prints it with Noto Sans Arabic.
    workshop_id = window.current_workshop_id()
    window.library.add_part(workshop_id, "decisions", Decision(text=ARABIC))
    before = window.library.load_workshop(workshop_id)
    dialog = open_dialog(window, qtbot)
    assert SHOWN in dialog.status.text() and dialog.save_button.isEnabled()
    text = words(dialog.built.data)
    # pdfplumber reads right-to-left words in the order they are drawn, in their joined forms.
    assert ARABIC in unicodedata.normalize("NFKC", text[::-1])
    assert window.library.load_workshop(workshop_id) == before


# -- 7. the facilitator's own pictures -----------------------------------------------------------


class WatchedConnection:
    """The library's database connection, noting the threads it is used from."""

    def __init__(self, conn):
        self._conn = conn
        self.threads: set[str] = set()

    def __getattr__(self, name):
        self.threads.add(threading.current_thread().name)
        return getattr(self._conn, name)


def test_an_own_picture_is_previewed_and_saved_and_the_library_is_read_only_in_the_window(
        window, qtbot, tmp_path, monkeypatch):
    library = window.library
    workshop = library.load_workshop(window.current_workshop_id())
    picture = library.add_picture(own_picture(png(QColor(255, 0, 255)), "Our room"))
    window.pictures.refresh_own()  # as the picture picker does after adding one
    first = workshop.agenda[0]
    window.history.push(ChangePart.of(workshop.id, "agenda", first, picture=picture.ref))
    assert library.load_workshop(workshop.id).agenda[0].picture == picture.ref

    built_in = []
    real_build = print_dialog.build

    def watched_build(*args):
        built_in.append(threading.current_thread().name)
        return real_build(*args)

    monkeypatch.setattr(print_dialog, "build", watched_build)
    watched = WatchedConnection(library._conn)
    monkeypatch.setattr(library, "_conn", watched)

    dialog = open_dialog(window, qtbot)
    choose(dialog, dialog.kind_box, "agenda")
    assert SHOWN in dialog.status.text() and dialog.save_button.isEnabled()
    assert built_in and all(name != threading.main_thread().name for name in built_in)
    assert magenta_pixels(rgb_rows(shown_pages(dialog)[0].page_image())) > 100

    saved = dialog.save_to(tmp_path / "agenda.pdf")
    with pdfplumber.open(saved) as pdf:
        assert len(pdf.pages[0].images) >= 1  # the photo (OpenMoji pictures are drawn as shapes)
    assert magenta_pixels(rendered_rows(saved.read_bytes(), 0)) > 100

    choose(dialog, dialog.kind_box, "summary")
    assert SHOWN in dialog.status.text()
    assert watched.threads and not any(name.startswith("print") for name in watched.threads), watched.threads
    assert threading.main_thread().name in watched.threads  # the watch saw the window read the picture
    assert library.load_workshop(workshop.id).agenda[0].picture == picture.ref


# -- 8. quick changes and closing -----------------------------------------------------------------


def test_quick_changes_end_with_the_preview_of_the_last_choice(window, qtbot):
    dialog = open_dialog(window, qtbot)
    dialog.kind_box.setFocus()
    for key in (Qt.Key.Key_Down, Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_Down):  # agenda, cards, agenda, cards
        qtbot.keyClick(dialog.kind_box, key)
    assert dialog.kind() == "cards"
    assert dialog.status.text() == MAKING and not dialog.save_button.isEnabled()
    qtbot.waitUntil(lambda: SHOWN in dialog.status.text(), timeout=10000)
    qtbot.wait(300)  # nothing made for an earlier choice turns up afterwards
    assert dialog.kind() == "cards" and SHOWN in dialog.status.text()
    assert title_of(dialog.built.data) == "Picture cards"
    pages = page_count(dialog.built.data)
    assert len(dialog.built.pages) == dialog.pages_layout.count() == pages
    assert dialog.status.text() == f"{pages} pages. This is how they will look."
    assert rgb_rows(shown_pages(dialog)[0].page_image()) == rendered_rows(dialog.built.data, 0)
    assert dialog.save_button.isEnabled()


def test_closing_while_the_pages_are_made_is_safe(window, qtbot, tmp_path):
    dialog = open_dialog(window, qtbot)
    choose_fast = [dialog.kind_box.findData(key) for key in ("agenda", "cards", "summary")]
    for index in choose_fast:
        dialog.kind_box.setCurrentIndex(index)
    qtbot.keyClicks(dialog.contact, "01632")
    job = dialog._job
    assert job is not None and dialog.status.text() == MAKING
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(job.done, timeout=10000)
    qtbot.wait(400)  # past the contact's pause and the checks for finished pages
    assert not shiboken6.isValid(dialog)
    assert window.isVisible()
    window.activateWindow()  # as the desktop does when a dialog closes (offscreen Qt does not)
    qtbot.waitUntil(window.isActiveWindow)

    again = open_dialog(window, qtbot)  # the window still prints
    assert SHOWN in again.status.text()
    assert again.save_to(tmp_path / "after.pdf") is not None
    assert page_count(tmp_path / "after.pdf") == len(again.built.pages)
