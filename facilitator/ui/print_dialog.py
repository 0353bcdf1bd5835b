"""Print or save as PDF: the easy-read summary, the agenda handout or picture cards, with a preview.

The PDF is built in a worker thread, so the window never stops answering; the
preview draws each page of that very PDF when it comes into view
(``page_preview``), so it shows exactly the pages that will be saved or printed.
"""

from __future__ import annotations

import concurrent.futures
import json
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QRectF, Qt, QTimer
from PySide6.QtGui import QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from facilitator.core.exchange import pictured
from facilitator.core.library import Library
from facilitator.core.model import Workshop
from facilitator.core.summary import HardWords, Names
from facilitator.i18n import N_, _, ngettext
from facilitator.pictures.own import OWN_PREFIX as OWN
from facilitator.printing.layout import LayoutRefused, layout_files, load_layout
from facilitator.printing.pictures import PrintPictures
from facilitator.ui.colours import problem_colour
from facilitator.ui.fit import fit_to_screen
from facilitator.ui.page_preview import PDFIUM, DrawnPages, PageView, page_image, page_sizes
from facilitator.ui.telling import tell_in

PREVIEW_SCALE = 0.9  # of the page's size in points: an A4 page is about 535 pixels wide
KINDS = {
    "summary": N_("The easy-read summary of what we decided"),
    "agenda": N_("The agenda handout"),
    "cards": N_("Picture cards to cut out"),
    "run-sheet": N_("The run-sheet for the people running it (in your language)"),
}
NAMES = {
    Names.COUNT: N_("Only how many people came (no names)"),
    Names.ALIASES: N_("The names people chose to use"),
    Names.NAMES: N_("People's names"),
}


@dataclass(frozen=True)
class Built:
    data: bytes = b""
    pages: tuple[tuple[int, int], ...] = ()  # each page's width and height in the preview, in pixels
    problem: str = ""
    left_out: str = ""  # which pictures could not be drawn, in one sentence


def build(kind: str, workshop: Workshop, layout_name: str, pictures: PrintPictures, names: Names, contact: str,
          hard_words: HardWords | None) -> Built:
    """The PDF and the size of each of its pages in the preview (run in the worker thread)."""
    import io

    import pypdfium2

    from facilitator.printing.documents import PrintProblem, agenda_pdf, cards_pdf, summary_pdf
    from facilitator.printing.pictures import left_out_note

    out = io.BytesIO()
    try:
        layout = load_layout(layout_name)
        if kind == "summary":
            summary_pdf(workshop, out, layout, pictures, names=names, contact=contact, hard_words=hard_words)
        elif kind == "agenda":
            agenda_pdf(workshop, out, layout, pictures)
        elif kind == "run-sheet":
            from facilitator.printing.run_sheet import run_sheet_pdf

            run_sheet_pdf(workshop, out, layout)  # in the app's language: this thread has none of its own
        else:
            cards_pdf(workshop, out, layout, pictures)
    except LayoutRefused as error:
        return Built(problem=" ".join(error.problems))
    except PrintProblem as error:
        return Built(problem=str(error))
    data = out.getvalue()
    with PDFIUM:
        document = pypdfium2.PdfDocument(data)
        try:
            pages = page_sizes(document, PREVIEW_SCALE)
        finally:
            document.close()
    return Built(data, pages, left_out=left_out_note(pictures.left_out))


class PrintDialog(QDialog):
    def __init__(self, library: Library, catalogue, workshop: Workshop, hard_words: HardWords | None, parent=None):
        super().__init__(parent)
        self.setWindowTitle(_("Print or save as PDF"))
        self.library = library
        self.workshop = workshop
        self.hard_words = hard_words
        # The library is read here, in the window's thread: the worker only sees the pictures already read.
        own = {}
        for part in pictured(workshop):
            if part.picture.startswith(OWN):
                found = library.picture(part.picture[len(OWN):])
                if found is not None:
                    own[found.id] = found
        self.pictures = PrintPictures(catalogue, own.get)
        self.built = Built()
        self.drawn_pages: DrawnPages | None = None  # the preview's pages, drawn as they come into view
        self._worker = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="print")
        self._job: concurrent.futures.Future | None = None
        self._again = False

        self.kind_box = QComboBox()
        for key, text in KINDS.items():
            self.kind_box.addItem(_(text), key)
        self.layout_box = QComboBox()
        for name, path in layout_files().items():
            try:
                shown = json.loads(path.read_text(encoding="utf-8")).get("name") or name
            except (OSError, ValueError, AttributeError):
                shown = name
            self.layout_box.addItem(str(shown), name)
        self.layout_box.setCurrentIndex(max(0, self.layout_box.findData("standard")))
        self.names_box = QComboBox()
        for key, text in NAMES.items():
            self.names_box.addItem(_(text), key)
        self.contact = QLineEdit()
        self.contact.setPlaceholderText(_("For example: Helen, 01234 567890"))
        self.contact.setMaxLength(300)
        form = QFormLayout()
        form.addRow(_("&What to print"), self.kind_box)
        form.addRow(_("&Layout"), self.layout_box)
        form.addRow(_("Who was &there"), self.names_box)
        form.addRow(_("How to get in &touch"), self.contact)
        self.status = QLabel()
        self.status.setWordWrap(True)

        self.pages = QWidget()
        self.pages_layout = QVBoxLayout(self.pages)
        self.pages_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        scroll = QScrollArea()
        scroll.setWidget(self.pages)
        scroll.setWidgetResizable(True)
        scroll.setAccessibleName(_("Preview of the pages"))
        self.scroll = scroll

        self.save_button = QPushButton(_("&Save as PDF…"))
        self.print_button = QPushButton(_("&Print…"))
        close = QPushButton(_("Close"))
        self.save_button.clicked.connect(self.save)
        self.print_button.clicked.connect(self.print_pages)
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.save_button, self.print_button, close):
            buttons.addWidget(button)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)

        self._poll = QTimer(self, interval=20)  # how soon finished pages are seen
        self._poll.timeout.connect(self._check_job)
        self._soon = QTimer(self, singleShot=True, interval=250)  # typing a contact rebuilds once, after a pause
        self._soon.timeout.connect(self.rebuild)
        for box in (self.kind_box, self.layout_box, self.names_box):
            box.currentIndexChanged.connect(self._choices_changed)
        self.contact.textChanged.connect(self._contact_changed)
        self.finished.connect(self._finished)
        fit_to_screen(self, 760, 860)  # a page and a half of preview where the screen has room; less where not
        self._choices_changed()

    def _finished(self, *args) -> None:
        self._worker.shutdown(wait=False, cancel_futures=True)
        self._forget_pages()

    def _forget_pages(self) -> None:
        """Take the pages shown away and let their PDF go."""
        while self.pages_layout.count():
            shown = self.pages_layout.takeAt(0).widget()
            shown.hide()  # no longer painted, though it is deleted only later
            shown.deleteLater()
        if self.drawn_pages is not None:
            self.drawn_pages.close()
            self.drawn_pages = None

    def _contact_changed(self, *args) -> None:
        # The pages shown no longer have the contact typed: no saving them until they are made again.
        self.save_button.setEnabled(False)
        self.print_button.setEnabled(False)
        self._soon.start()

    def _up_to_date(self) -> None:
        """Make the pages now if a change is still waiting, so what is saved is what was chosen."""
        if self._soon.isActive():
            self._soon.stop()
            self.rebuild()
        self.wait_for_pages()

    def kind(self) -> str:
        return self.kind_box.currentData()

    def _choices_changed(self, *args) -> None:
        summary = self.kind() == "summary"
        self.names_box.setEnabled(summary)
        self.contact.setEnabled(summary)
        self.rebuild()

    def rebuild(self) -> None:
        """Build the PDF again with the choices made; one build at a time, the newest choices last."""
        if self._job is not None and not self._job.done():
            self._again = True
            return
        self._again = False
        self.save_button.setEnabled(False)
        self.print_button.setEnabled(False)
        self.say(_("Making the pages…"))
        self._job = self._worker.submit(
            build, self.kind(), self.workshop, self.layout_box.currentData() or "standard", self.pictures,
            Names(self.names_box.currentData()), self.contact.text(), self.hard_words,
        )
        self._poll.start()

    def say(self, text: str, urgent: bool = False) -> None:
        """What is happening (pages made, saved, a problem), shown under the preview and said to a screen reader."""
        tell_in(self.status, text, urgent)

    def wait_for_pages(self, timeout: float = 30) -> None:
        """Block until the pages being made are shown (for scripts and tests)."""
        while self._job is not None:
            self._job.result(timeout=timeout)
            self._check_job()

    def _check_job(self) -> None:
        if self._job is None or not self._job.done():
            return
        self._poll.stop()
        try:
            self.built = self._job.result()
        except Exception as error:  # noqa: BLE001 (the dialog says what went wrong; nothing is lost)
            self.built = Built(problem=_("The pages could not be made ({reason}).").format(reason=error))
        self._job = None
        if self._again:
            self.rebuild()
            return
        self._show_pages()

    def _show_pages(self) -> None:
        self._forget_pages()
        if self.built.problem:
            self.say(self.built.problem, urgent=True)
            self.status.setStyleSheet(f"color: {problem_colour(self.status.palette()).name()}; font-weight: bold;")
            return
        self.status.setStyleSheet("")
        count = len(self.built.pages)
        shown = ngettext("{n} page. This is how it will look.", "{n} pages. This is how they will look.",
                         count).format(n=count)
        self.say(f"{shown} {self.built.left_out}" if self.built.left_out else shown)
        self.drawn_pages = DrawnPages(self.built.data, PREVIEW_SCALE)
        for index, size in enumerate(self.built.pages):
            name = _("Page {n}").format(n=index + 1)
            self.pages_layout.addWidget(PageView(self.drawn_pages, index, size, name))
        # Laid out now, before anything is painted: pages still piled at the top would all be in view, and drawn.
        self.pages_layout.activate()
        self.save_button.setEnabled(count > 0)
        self.print_button.setEnabled(count > 0)

    def suggested_name(self) -> str:
        from facilitator.commands import suggested_file_name

        stem = Path(suggested_file_name(self.workshop)).stem
        return f"{stem}-{self.kind()}.pdf"

    def save(self) -> Path | None:
        self._up_to_date()
        if not self.built.data:
            return None
        chosen, _filter = QFileDialog.getSaveFileName(
            self, _("Save as PDF"), str(Path.home() / self.suggested_name()), _("PDF documents (*.pdf)")
        )
        if not chosen:
            return None
        return self.save_to(Path(chosen))

    def save_to(self, path: Path) -> Path | None:
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        part = path.with_name(path.name + ".part")
        try:
            part.write_bytes(self.built.data)
            part.replace(path)
        except OSError as error:
            part.unlink(missing_ok=True)
            self.say(_("{path} could not be saved ({reason}). Nothing was changed.").format(
                path=path, reason=error.strerror or error), urgent=True)
            return None
        self.say(_("Saved {path}.").format(path=path))
        return path

    def print_pages(self) -> None:
        self._up_to_date()
        if not self.built.data:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.suggested_name())
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer)

    def print_to(self, printer: QPrinter) -> int:
        """Draw every page on ``printer`` at its own resolution; the number of pages sent."""
        import pypdfium2

        painter = QPainter()
        if not painter.begin(printer):
            self.say(_("The printer could not be started. Nothing was printed."), urgent=True)
            return 0
        sent = 0
        with PDFIUM:
            document = pypdfium2.PdfDocument(self.built.data)
            count = len(document)
        try:
            dpi = min(printer.resolution(), 300)
            for index in range(count):
                if index:
                    printer.newPage()
                image = page_image(document, index, dpi / 72)  # pdfium held for this page only
                target = painter.viewport()
                scaled = image.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
                # Drawn straight into the page's rectangle: the printer scales it, no giant copy is made.
                painter.drawImage(QRectF(target.x(), target.y(), scaled.width(), scaled.height()), image)
                sent += 1
        finally:
            painter.end()
            with PDFIUM:
                document.close()
        self.say(ngettext("Sent {n} page to the printer.", "Sent {n} pages to the printer.", sent).format(n=sent))
        return sent
