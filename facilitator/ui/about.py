"""The About box: what the app is, its licence, and credit for what it uses."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QWidget

import facilitator
from facilitator.i18n import _
from facilitator.ui.fit import body_and_buttons, fit_to_screen

CREDITS = [
    ("Qt for Python (PySide6)", "LGPL-3.0", "The Qt Company"),
    ("ReportLab", "BSD", "ReportLab Europe Ltd"),
    ("pyttsx3", "MPL-2.0", "Natesh M Bhat and contributors"),
    ("eSpeak NG", "GPL-3.0", "the eSpeak NG contributors"),
    ("Babel", "BSD-3-Clause", "the Babel team"),
    ("platformdirs", "MIT", "the platformdirs contributors"),
    ("svglib", "LGPL-3.0", "Dinu Gherman and contributors"),
    ("pypdfium2 and PDFium", "Apache-2.0 and BSD-3-Clause", "the pypdfium2 team and the PDFium authors"),
    ("Atkinson Hyperlegible Next (the printed font)", "SIL Open Font License 1.1",
     "the Atkinson Hyperlegible Next Project Authors, for the Braille Institute"),
    ("Noto Sans Arabic (printed Arabic)", "SIL Open Font License 1.1", "the Noto Project Authors"),
    ("python-bidi", "LGPL-3.0", "Meir Kriheli"),
    ("arabic-reshaper", "MIT", "Abdullah Diab"),
]
# Pictures are credited apart: CC BY-SA asks for the credit where the pictures are used.
PICTURE_CREDIT = (
    "OpenMoji",
    "CC BY-SA 4.0",
    "All emojis designed by OpenMoji, the open-source emoji and icon project (openmoji.org)",
)


WORD_CREDIT = ("wordfreq", "CC BY-SA 4.0", "Robyn Speer and contributors")


def about_text() -> str:
    rows = "".join(f"<li>{name} ({licence}), {who}</li>" for name, licence, who in CREDITS)
    return (
        f"<h2>facilitator {facilitator.__version__}</h2>"
        + "<p>"
        + _(
            "Plan, run and write up co-production workshops in easy read: big, clear words and "
            "pictures, read aloud, and decisions written down together."
        )
        + "</p><p>"
        + _("Everything stays on this computer. The app makes no network connections.")
        + "</p><p>"
        + _("Free software under the GNU General Public License, version 3 or later.")
        + "</p><p><b>"
        + _("Made with")
        + f"</b></p><ul>{rows}</ul><p><b>"
        + _("Pictures")
        + f"</b>: {PICTURE_CREDIT[2]}. {_('Licence')}: {PICTURE_CREDIT[1]}. "
        + _("The picture word list that finds them was made for this app.")
        + "</p><p><b>"
        + _("Words")
        + "</b>: "
        + _("How common English words are comes from {name} by {who} (data licence {licence}). "
            "The plain-words glossary was written for this app.").format(
            name=WORD_CREDIT[0], who=WORD_CREDIT[2], licence=WORD_CREDIT[1])
        + "</p><p>"
        + _("The NOTICE file that comes with the app lists every credit in full.")
        + "</p>"
    )


class AboutBox(QDialog):
    """The About text in lines of a comfortable length, scrolling when the screen is short; Close below."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(_("About facilitator"))
        self.text = QLabel(about_text())
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeading)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                          | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.body = body_and_buttons(self, self.text, buttons)
        buttons.button(QDialogButtonBox.StandardButton.Close).setFocus()
        fit_to_screen(self, self.fontMetrics().averageCharWidth() * 72)


def show_about(parent: QWidget) -> None:
    box = AboutBox(parent)
    box.exec()
    box.deleteLater()
