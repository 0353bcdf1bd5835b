"""Help ▸ How to run a workshop with facilitator: the steps and the keys in a window that reads well,
with a picture beside each step, and saved as an easy-read PDF to print."""

from __future__ import annotations

import html
import io
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QGuiApplication, QTextDocument
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from facilitator.guide import PARTS, guide_title, step_words
from facilitator.i18n import _
from facilitator.ui.pictures import PictureStore
from facilitator.ui.settings import LAST_FOLDER, Preferences
from facilitator.ui.telling import tell_in
from facilitator.ui.zoom import big_font

WIDTH, HEIGHT = 760, 700  # at most; less on a small screen


class GuideWindow(QDialog):
    """The guide, to read beside the app (it does not stop the facilitator using the window)."""

    def __init__(self, pictures: PictureStore, preferences: Preferences, parent: QWidget | None = None):
        super().__init__(parent)
        self.pictures = pictures
        self.preferences = preferences
        self.setWindowTitle(guide_title())
        self.text = QTextBrowser()
        self.text.setOpenLinks(False)
        self.text.setAccessibleName(guide_title())
        big_font(self.text, 1.2)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.save_button = QPushButton(_("&Save as PDF to print…"))
        self.save_button.clicked.connect(self.save)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.text.setHtml(self.page_html())
        screen = (parent.screen() if parent is not None else None) or QGuiApplication.primaryScreen()
        room = screen.availableGeometry()
        self.resize(min(WIDTH, room.width() - 40), min(HEIGHT, room.height() - 80))

    def page_html(self) -> str:
        size = self.text.fontMetrics().lineSpacing() * 2
        document = self.text.document()

        def picture(word: str, scale: float = 1.0) -> str:
            if self.pictures.resolve(word) is None:
                return ""
            url = QUrl(f"picture:{word}")
            side = round(size * scale)
            document.addResource(QTextDocument.ResourceType.ImageResource, url, self.pictures.pixmap(word, side).toImage())
            return f'<img src="{url.toString()}" width="{side}" height="{side}">'

        e = html.escape
        parts = [f"<h1>{e(guide_title())}</h1>",
                 f"<p>{e(_('These are the steps, in order, and the keys that help.'))}</p>"]
        for part in PARTS:
            parts.append(f'<table cellpadding="4"><tr><td>{picture(part.picture, 1.4)}</td>'
                         f'<td valign="middle"><h2>{e(_(part.heading))}</h2></td></tr></table>')
            parts.append('<table cellpadding="4">')
            for step in part.steps:
                parts.append(f'<tr><td>{picture(step.picture)}</td><td valign="middle">{e(step_words(step))}</td></tr>')
            parts.append("</table>")
        return "".join(parts)

    def save(self) -> Path | None:
        start = Path(self.preferences.get(LAST_FOLDER) or Path.home()) / (_("how-to-run-a-workshop") + ".pdf")
        chosen, _filter = QFileDialog.getSaveFileName(self, _("Save the guide as PDF"), str(start),
                                                      _("PDF documents (*.pdf)"))
        return self.save_to(Path(chosen)) if chosen else None

    def save_to(self, path: Path) -> Path | None:
        from facilitator.printing.documents import PrintProblem
        from facilitator.printing.guide import guide_pdf
        from facilitator.printing.layout import LayoutRefused, load_layout
        from facilitator.printing.pictures import PrintPictures

        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        part = path.with_name(path.name + ".part")
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            made = io.BytesIO()
            guide_pdf(made, load_layout("standard"), PrintPictures(self.pictures.catalogue))
            part.write_bytes(made.getvalue())
            part.replace(path)  # whole or not at all
        except (OSError, PrintProblem, LayoutRefused) as error:
            part.unlink(missing_ok=True)
            reason = error.strerror if isinstance(error, OSError) and error.strerror else error
            tell_in(self.status, _("The guide could not be saved ({reason}). Nothing was changed.").format(reason=reason), urgent=True)
            return None
        finally:
            QApplication.restoreOverrideCursor()
        tell_in(self.status, _("Saved {path}. Print it from there.").format(path=path))
        return path


def show_guide(window) -> GuideWindow:
    """Open the guide beside ``window`` (a MainWindow), or bring it to the front when it is open."""
    open_now = getattr(window, "guide_window", None)
    if open_now is not None and open_now.isVisible():
        open_now.raise_()
        open_now.activateWindow()
        return open_now
    made = GuideWindow(window.pictures, window.preferences, window)
    made.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    made.destroyed.connect(lambda *args: setattr(window, "guide_window", None))
    made.show()
    window.guide_window = made
    return made
