"""Saying plainly when changes are not saved yet, trying again, and asking before they could be lost.

The library keeps a change it cannot write in memory and in a recovery file
(``core/unsaved.py``, ``core/recovery.py``). This band across the top of the
main window says so in words, says why, tries again every few seconds and
disappears once everything is saved. A screen reader hears it too.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QMessageBox, QPushButton, QStyle, QVBoxLayout, QWidget

from facilitator.core.errors import LibraryError
from facilitator.core.library import Library
from facilitator.core.recovery import RecoveryFile, RecoveryUnreadable
from facilitator.core.unsaved import SavingState
from facilitator.i18n import _
from facilitator.ui.telling import announce

RETRY_MS = 2000


def state_words(state: SavingState) -> str:
    """What to say about changes not saved yet: which, why, and where they are kept meanwhile."""
    titles = ", ".join(f"“{title}”" for title in state.titles)
    if state.kept_in is not None:
        kept = _("They are kept safe in {path} and saved into the library as soon as it can be written.").format(
            path=state.kept_in
        )
    else:
        kept = _("They are kept in this window only, so please do not close the app. They are saved as soon as "
                 "the library can be written.")
    return _("Changes to {titles} are not saved yet. {reason} {kept}").format(
        titles=titles, reason=state.reason, kept=kept
    )


class SavingBanner(QFrame):
    """A band that is shown while changes wait to be saved."""

    saved_again = Signal()

    def __init__(self, library: Library, parent: QWidget | None = None):
        super().__init__(parent)
        self.library = library
        self.setObjectName("saving-banner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "#saving-banner { background: #FFF1C2; border: 2px solid #8A5A00; border-radius: 4px; }"
            "#saving-banner QLabel { color: #1F1A00; }"
        )
        icon = QLabel()
        icon.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(32, 32))
        self.heading = QLabel()
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.words = QLabel()
        self.words.setWordWrap(True)
        self.try_now = QPushButton(_("&Try to save now"))
        self.try_now.clicked.connect(self.try_again)
        text = QVBoxLayout()
        text.addWidget(self.heading)
        text.addWidget(self.words)
        layout = QHBoxLayout(self)
        layout.addWidget(icon)
        layout.addLayout(text, 1)
        layout.addWidget(self.try_now)
        self.timer = QTimer(self)
        self.timer.setInterval(RETRY_MS)
        self.timer.timeout.connect(self.try_again)
        self._said = ""
        self.hide()
        library.unsaved.watch(self.show_state)
        self.show_state(library.unsaved.state())

    def show_state(self, state: SavingState) -> None:
        if not state.titles:
            was_shown = not self.isHidden()
            self.timer.stop()
            self.hide()
            self._said = ""
            if was_shown:
                self.saved_again.emit()
            return
        self.heading.setText(_("Your changes are not saved yet."))
        self.words.setText(state_words(state))
        self.setAccessibleName(_("Your changes are not saved yet."))
        self.setAccessibleDescription(self.words.text())
        self.show()
        self.timer.start()
        said = f"{state.reason}|{state.kept_in}"
        if said != self._said:  # say it once for each new reason, not on every retry
            self._said = said
            announce(self, f"{self.heading.text()} {state.reason}", urgent=True)

    def try_again(self) -> None:
        self.library.save_unsaved()

    def detach(self) -> None:
        self.timer.stop()
        self.library.unsaved.unwatch(self.show_state)


def ask_before_closing(parent: QWidget, library: Library) -> bool:
    """Changes not saved yet: try once more, then ask what to do. True when the window may close."""
    while library.unsaved and not library.save_unsaved():
        state = library.unsaved.state()
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(_("Changes not saved yet"))
        box.setText(state_words(state))
        again = box.addButton(_("Try again"), QMessageBox.ButtonRole.AcceptRole)
        keep = None
        if state.kept_in is not None:
            keep = box.addButton(_("Close, and offer them again next time"), QMessageBox.ButtonRole.AcceptRole)
        lose = box.addButton(_("Throw them away and close"), QMessageBox.ButtonRole.DestructiveRole)
        stay = box.addButton(_("Do not close"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(again)
        box.setEscapeButton(stay)
        box.exec()
        chosen = box.clickedButton()
        if chosen is again:
            continue
        if keep is not None and chosen is keep:
            return True
        if chosen is lose:
            library.unsaved.forget()
            return True
        return False
    return True


def offer_recovered(parent: QWidget, library: Library, recovery: RecoveryFile) -> None:
    """Changes an earlier run could not save: offer to put them back into the library."""
    try:
        found = recovery.left_over()
    except RecoveryUnreadable as error:
        box = QMessageBox(QMessageBox.Icon.Warning, _("Changes kept from last time"), str(error), parent=parent)
        lose = box.addButton(_("Throw the file away"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(_("Keep the file"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if box.clickedButton() is lose:
            recovery.throw_away()
        return
    if found is None:
        return
    titles = ", ".join(f"“{w.title}”" for w in found.workshops)
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(_("Changes kept from last time"))
    box.setText(
        _("Last time, some changes could not be saved before facilitator closed. They were kept safe: "
          "changes to {titles}. Put them back into the library now?").format(titles=titles)
    )
    box.setInformativeText(_("Putting them back replaces those workshops in the library with the kept versions."))
    put_back = box.addButton(_("Put them back"), QMessageBox.ButtonRole.AcceptRole)
    lose = box.addButton(_("Throw them away"), QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(_("Ask me next time"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(put_back)
    box.exec()
    if box.clickedButton() is put_back:
        library.keep_unsaved(found.workshops, _("The changes kept from last time are not in the library yet."))
    elif box.clickedButton() is lose:
        recovery.throw_away()


def say_library_errors(parent: QWidget) -> None:
    """A library problem that reaches the event loop (a change refused because the library cannot be
    written now) is said in a message, not only as a traceback on a terminal nobody sees."""
    before = sys.excepthook

    def hook(kind, error, trace) -> None:
        if isinstance(error, LibraryError):
            QMessageBox.warning(parent, _("This was not done"), str(error))
            return
        before(kind, error, trace)

    sys.excepthook = hook
