"""File ▸ Print or save as PDF: the preview, saving and printing, as a facilitator uses them."""

from __future__ import annotations

import pdfplumber
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter

from facilitator.core.edits import ChangePart


def open_dialog(window, qtbot):
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    dialog = window.print_dialog
    dialog.wait_for_pages()
    return dialog


def test_ctrl_p_previews_the_summary_in_the_standard_layout(window, qtbot):
    dialog = open_dialog(window, qtbot)
    assert dialog.kind() == "summary" and dialog.layout_box.currentData() == "standard"
    pages = len(dialog.built.pages)
    assert pages > 1 and dialog.pages_layout.count() == pages
    assert dialog.status.text() == f"{pages} pages. This is how they will look."
    assert dialog.save_button.isEnabled() and dialog.print_button.isEnabled()
    dialog.kind_box.setCurrentIndex(dialog.kind_box.findData("cards"))
    dialog.wait_for_pages()
    assert not dialog.names_box.isEnabled() and len(dialog.built.pages) != pages


def test_saving_writes_the_pages_shown_and_printing_sends_them(window, qtbot, tmp_path):
    dialog = open_dialog(window, qtbot)
    saved = dialog.save_to(tmp_path / "notes")
    assert saved == tmp_path / "notes.pdf" and saved.read_bytes().startswith(b"%PDF")
    assert len(pdfplumber.open(saved).pages) == len(dialog.built.pages)
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert dialog.print_to(printer) == len(dialog.built.pages)
    assert len(pdfplumber.open(tmp_path / "printed.pdf").pages) == len(dialog.built.pages)


def test_saving_where_it_cannot_says_so_and_leaves_nothing(window, qtbot, tmp_path):
    dialog = open_dialog(window, qtbot)
    assert dialog.save_to(tmp_path / "no such folder" / "notes.pdf") is None
    assert "could not be saved" in dialog.status.text() and "Nothing was changed" in dialog.status.text()
    assert not (tmp_path / "no such folder").exists()


def test_words_no_font_has_are_named_and_nothing_can_be_saved(window, qtbot):
    workshop = window.library.load_workshop(window.current_workshop_id())
    decision = workshop.decisions[0]
    window.history.push(ChangePart.of(workshop.id, "decisions", decision, text="会议"))
    dialog = open_dialog(window, qtbot)
    assert "has no letters for: 会 议" in dialog.status.text()
    assert dialog.built.pages == () and not dialog.save_button.isEnabled() and not dialog.print_button.isEnabled()
    assert window.library.load_workshop(workshop.id).decisions[0].text == "会议"  # nothing lost


def test_the_names_chosen_are_the_names_printed(window, qtbot, tmp_path):
    dialog = open_dialog(window, qtbot)
    dialog.save_to(tmp_path / "count.pdf")
    dialog.names_box.setCurrentIndex(dialog.names_box.findData("names"))
    dialog.contact.setText("Helen 01234 567890")
    dialog.rebuild()
    dialog.wait_for_pages()
    dialog.save_to(tmp_path / "names.pdf")
    counted = " ".join(p.extract_text() for p in pdfplumber.open(tmp_path / "count.pdf").pages)
    named = " ".join(p.extract_text() for p in pdfplumber.open(tmp_path / "names.pdf").pages)
    assert "Joan Whitfield" in named and "Helen 01234 567890" in named
    assert "Joan Whitfield" not in counted and "01234" not in counted
