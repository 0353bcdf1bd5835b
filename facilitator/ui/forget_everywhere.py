"""After a person is removed: offer to remove them from every workshop and from the backups too.

Removing a person from a workshop is one step that Undo brings back. Their name
may also be in other meetings of the library and in its backups (copies made
each day). This band offers to remove them from all of those, says plainly that
it cannot be undone, and then says what was done.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from facilitator.core.errors import LibraryError
from facilitator.core.forgetting import Forgotten, forget_in_backups
from facilitator.core.names import names_of
from facilitator.i18n import _, ngettext
from facilitator.ui import ask
from facilitator.ui.undo import UndoHistory


def person_words(person) -> str:
    return (getattr(person, "alias", "") or "").strip() or person.name.strip() or _("this person")


def report_words(name: str, done: Forgotten) -> str:
    parts = [
        ngettext("{name} was removed from {count} more place in the library.",
                 "{name} was removed from {count} more places in the library.", done.in_library).format(
            name=name, count=done.in_library),
        ngettext("{count} backup held them and was rewritten without them.",
                 "{count} backups held them and were rewritten without them.", len(done.backups_rewritten)).format(
            count=len(done.backups_rewritten)),
    ]
    if done.backups_removed:
        parts.append(ngettext(
            "{count} backup could not be rewritten, so it was deleted.",
            "{count} backups could not be rewritten, so they were deleted.", len(done.backups_removed),
        ).format(count=len(done.backups_removed)))
    return " ".join(parts)


class ForgetEverywhere(QFrame):
    """Shown after a removal: "Remove them everywhere…"."""

    said = Signal(str)

    def __init__(self, history: UndoHistory, parent: QWidget | None = None):
        super().__init__(parent)
        self.history = history
        self.person = None
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.words = QLabel()
        self.words.setWordWrap(True)
        self.button = QPushButton(_("Remove them &everywhere…"))
        self.button.clicked.connect(self.forget)
        layout = QHBoxLayout(self)
        layout.addWidget(self.words, 1)
        layout.addWidget(self.button)
        self.hide()

    def offer(self, person) -> None:
        self.person = person
        self.words.setText(
            _("{name} is removed from this workshop (Undo brings them back). Their name may still be in other "
              "meetings in the library and in its backups.").format(name=person_words(person))
        )
        self.show()

    def forget(self) -> None:
        if self.person is None:
            return
        library = self.history.library
        name = person_words(self.person)
        question = _(
            "Remove {name} from every workshop in the library and from all its backups in {folder}? Their name "
            "goes from every list, “suggested by”, “asked by” and “who” too. This cannot be undone."
        ).format(name=name, folder=library.backups_dir)
        if not ask.confirm(self, _("Remove everywhere"), question, _("Remove everywhere")):
            return
        names = names_of(self.person)
        done = Forgotten()
        try:
            done.in_library = library.forget_people(names)
        except LibraryError as error:
            self.said.emit(str(error))
            return
        forget_in_backups(library.backups_dir, names, done)
        self.history.forget_everything()  # the steps kept for undo may name them, and could not be undone now
        self.person = None
        self.hide()
        self.said.emit(report_words(name, done))
