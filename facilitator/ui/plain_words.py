"""The plain-words tools for the workshop on screen: its glossary, its checker, and look-ups.

The workshop's own words stand beside the built-in glossary, and the checker
follows the workshop's language, so both are rebuilt when either changes.
Text boxes underline what ``check`` finds; anything can ask to ``look_up`` a
word, and the glossary panel shows it.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from facilitator.core.model import Workshop
from facilitator.language.as_you_type import Part, TypingChecker
from facilitator.language.checker import Checker, Finding
from facilitator.language.glossary import Glossary, GlossaryEntry
from facilitator.language.search import GlossarySearch
from facilitator.ui.undo import UndoHistory


class PlainWords(QObject):
    changed = Signal()  # the glossary or the checker changed: underline again
    look_up_requested = Signal(str)
    read_aloud_requested = Signal(str)  # words to read aloud in the workshop's language

    def __init__(self, history: UndoHistory | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.history = history
        self.workshop_id: str | None = None
        self._workshop: Workshop | None = None
        self._key: tuple | None = None  # what the glossary and checker were built for; None: not yet
        self._glossary: Glossary | None = None
        self._checker: Checker | None = None
        self._typing: TypingChecker | None = None  # the checker a sentence at a time, for text being typed
        self._search: GlossarySearch | None = None

    def show_workshop(self, workshop: Workshop | None) -> None:
        """Use the glossary and language of ``workshop`` (None: the built-in glossary, in English)."""
        self._workshop = workshop
        self.workshop_id = workshop.id if workshop else None
        if self._key is not None and self._key != _key_of(workshop):
            self._build()
            self.changed.emit()

    def load(self) -> None:
        """Read the glossary now (the window does this just after it first appears), and underline."""
        if self._key is None:
            self._build()
            self.changed.emit()

    def _build(self) -> None:
        workshop = self._workshop
        built_in = Glossary.built_in()
        self._glossary = built_in.with_group_words(workshop.group_words) if workshop else built_in
        self._checker = Checker(self._glossary, workshop.language if workshop else "en")
        self._typing = TypingChecker(self._checker)
        self._search = None
        self._key = _key_of(workshop)

    @property
    def glossary(self) -> Glossary:
        if self._key is None:
            self._build()
        return self._glossary

    @property
    def checker(self) -> Checker:
        if self._key is None:
            self._build()
        return self._checker

    def check(self, text: str, first: int = 0, last: int | None = None) -> list[Finding]:
        """What the checker finds in ``text`` (a sentence at a time: sentences seen before cost nothing);
        with ``first`` and ``last``, in the sentences from place ``first`` to place ``last`` only."""
        if self._key is None:
            self._build()
        return self._typing.check(text, first, last)

    def parts_when_ready(self, text: str, first: int = 0, last: int | None = None) -> list[Part]:
        """What ``check`` finds, part by part, or nothing while the glossary is still to be read (first paint first)."""
        return self._typing.parts(text, first, last) if self._key is not None else []

    def search(self, query: str) -> list[GlossaryEntry]:
        if self._search is None:
            self._search = GlossarySearch(self.glossary)
        return self._search.search(query)

    def lookup(self, text: str) -> GlossaryEntry | None:
        return self.glossary.lookup(text)

    def seal(self) -> None:
        """The next edit (a fix chosen from a menu) is an undo step of its own."""
        if self.history is not None:
            self.history.seal()

    def look_up(self, text: str) -> None:
        """Ask for ``text`` to be shown in the glossary panel."""
        self.look_up_requested.emit(text.strip())


def _key_of(workshop: Workshop | None) -> tuple:
    if workshop is None:
        return ((), "en")
    return (tuple((w.id, w.term, w.meaning, w.agreed) for w in workshop.group_words), workshop.language)
