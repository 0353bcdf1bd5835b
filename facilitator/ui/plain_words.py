"""The plain-words tools for the workshop on screen: its glossary, its checker, and look-ups.

The workshop's own words stand beside the built-in glossary, and the checker
follows the workshop's language, so both are rebuilt when either changes.
Text boxes underline what ``check`` finds; anything can ask to ``look_up`` a
word, and the glossary panel shows it.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from facilitator.core.model import Workshop
from facilitator.language.checker import Checker, Finding
from facilitator.language.glossary import Glossary, GlossaryEntry
from facilitator.language.search import GlossarySearch
from facilitator.ui.undo import UndoHistory


class PlainWords(QObject):
    changed = Signal()  # the glossary or the checker changed: underline again
    look_up_requested = Signal(str)

    def __init__(self, history: UndoHistory | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.history = history
        self.built_in = Glossary.built_in()
        self.workshop_id: str | None = None
        self._key: tuple = ()
        self._use(self.built_in, "en")

    def show_workshop(self, workshop: Workshop | None) -> None:
        """Use the glossary and language of ``workshop`` (None: the built-in glossary, in English)."""
        words = tuple((w.id, w.term, w.meaning, w.agreed) for w in workshop.group_words) if workshop else ()
        language = workshop.language if workshop else "en"
        key = (words, language)
        self.workshop_id = workshop.id if workshop else None
        if key == self._key:
            return
        self._key = key
        glossary = self.built_in.with_group_words(workshop.group_words) if workshop else self.built_in
        self._use(glossary, language)
        self.changed.emit()

    def _use(self, glossary: Glossary, language: str) -> None:
        self.glossary = glossary
        self.checker = Checker(glossary, language)
        self._search: GlossarySearch | None = None

    def check(self, text: str) -> list[Finding]:
        return self.checker.check(text)

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
