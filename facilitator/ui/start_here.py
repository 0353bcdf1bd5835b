"""Start here: a short, friendly page with the three things to do first, shown when the app first opens.

It shows at the start while its "Don't show this again" is not ticked (a preference), and always for a
brand-new library; Help ▸ Start here brings it back. It is a window beside the app, not a question: the
facilitator can use the app with it open.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from facilitator.i18n import _
from facilitator.ui.settings import SHOW_START_HERE
from facilitator.ui.zoom import big_font

WAIT_MS = 300  # while the app asks something else at the start (changes kept from last time), ask again after


class StartHere(QDialog):
    def __init__(self, window, parent: QWidget | None = None):
        super().__init__(parent or window)
        self.main = window
        self.setWindowTitle(_("Start here"))
        heading = QLabel(_("Welcome to facilitator"))
        big_font(heading, 1.6, bold=True)
        heading.setWordWrap(True)
        intro = QLabel(_("Here are the three things to do first."))
        intro.setWordWrap(True)

        self.demo_button = QPushButton(_("Look at the &demo workshop"))
        self.demo_button.clicked.connect(self.look_at_demo)
        self.template_button = QPushButton(_("Make your own from a &template…"))
        self.template_button.clicked.connect(self.from_template)
        self.agenda_button = QPushButton(_("Show me the &agenda"))
        self.agenda_button.clicked.connect(self.show_agenda)
        present_keys = window.actions.present.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        steps = (
            ("information", _("1. Look at the demo workshop. It shows every part filled in. "
                              "Or make your own from a template."), (self.demo_button, self.template_button)),
            ("agenda", _("2. Plan the agenda. Give each item its minutes and a picture."), (self.agenda_button,)),
            ("projector", _("3. Plug in the projector. Press {keys} to show the workshop to the room.").format(
                keys=present_keys), ()),
        )
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(12)
        side = self.fontMetrics().lineSpacing() * 3
        for row, (picture, words, buttons) in enumerate(steps):
            image = QLabel()
            image.setPixmap(window.pictures.pixmap(picture, side))
            image.setAlignment(Qt.AlignmentFlag.AlignTop)
            grid.addWidget(image, row, 0)
            text = QLabel(words)
            text.setWordWrap(True)
            big_font(text, 1.15)
            column = QVBoxLayout()
            column.addWidget(text)
            for button in buttons:
                column.addWidget(button, 0, Qt.AlignmentFlag.AlignLeading)
            grid.addLayout(column, row, 1)
        grid.setColumnStretch(1, 1)

        self.again_box = QCheckBox(_("&Don't show this again when the app opens"))
        self.again_box.setChecked(not window.preferences.get(SHOW_START_HERE))
        self.again_box.toggled.connect(lambda hide: window.preferences.set(SHOW_START_HERE, not hide))
        where = QLabel(_("Help ▸ Start here shows this page again."))
        where.setWordWrap(True)
        self.guide_button = QPushButton(_("How to &run a workshop…"))
        self.guide_button.clicked.connect(self.read_guide)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.guide_button, QDialogButtonBox.ButtonRole.HelpRole)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setDefault(True)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addLayout(grid)
        layout.addStretch(1)
        layout.addWidget(self.again_box)
        layout.addWidget(where)
        layout.addWidget(buttons)
        self.demo_button.setEnabled(self.demo_id() is not None)
        room = window.screen().availableGeometry()
        self.resize(min(640, room.width() - 40), min(self.sizeHint().height(), room.height() - 80))

    def demo_id(self) -> str | None:
        """The demo workshop, while the library still has it."""
        from facilitator.core.demo import demo_workshop

        title = demo_workshop()[1].title
        return next((found.id for found in self.main.library.list_workshops() if found.title == title), None)

    def look_at_demo(self) -> None:
        found = self.demo_id()
        if found is not None:
            self.main.select_workshop(found)
        self.close()

    def from_template(self) -> None:
        self.close()
        self.main.actions.from_template.trigger()

    def show_agenda(self) -> None:
        page = self.main.page
        page.tabs.setCurrentWidget(page.planner)
        self.close()
        self.main.activateWindow()
        page.planner.cards.setFocus()

    def read_guide(self) -> None:
        from facilitator.ui.guide import show_guide

        show_guide(self.main)


def show_start_here(window) -> StartHere:
    """Show the page beside ``window`` (a MainWindow), or bring it to the front when it is open."""
    open_now = getattr(window, "start_here", None)
    if open_now is not None and open_now.isVisible():
        open_now.raise_()
        open_now.activateWindow()
        return open_now
    made = StartHere(window)
    made.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    made.destroyed.connect(lambda *args: setattr(window, "start_here", None))
    made.show()
    window.start_here = made
    return made


def offer_at_start(window) -> StartHere | None:
    """When the app opens: the page, for a brand-new library or until "Don't show this again" is ticked."""
    if not (window.library.created or window.preferences.get(SHOW_START_HERE)):
        return None
    if QApplication.activeModalWidget() is not None:  # another question first; the page comes after it
        QTimer.singleShot(WAIT_MS, lambda: offer_at_start(window))
        return None
    return show_start_here(window)
