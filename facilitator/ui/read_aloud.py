"""The Read aloud menu: read the chosen item, the selected words or the whole agenda; stop; voices;
how to say words; and the easy-read summary saved as sound files, one for each section.

While the whole agenda is read, the card being read is chosen in the planner,
so everyone can see where the voice is.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from facilitator.core.model import Workshop
from facilitator.i18n import _, format_clock, in_language, ngettext
from facilitator.speech.reading import Passage
from facilitator.ui import ask
from facilitator.ui.settings import LAST_FOLDER
from facilitator.ui.telling import tell

PLANNER = "planner"  # the speaker's tags
SUMMARY = "summary"
PLAYLIST = "summary.m3u"


def selected_text(widget: QWidget | None) -> str:
    """The words selected in a text box or label, or ""."""
    if isinstance(widget, QLineEdit | QLabel):
        return widget.selectedText()
    if isinstance(widget, QTextEdit | QPlainTextEdit):
        return widget.textCursor().selectedText().replace("\u2029", "\n")
    return ""


def pronunciations_of(workshop: Workshop) -> list[tuple[str, str]]:
    return [(each.written, each.spoken) for each in workshop.pronunciations]


def agenda_passages(workshop: Workshop) -> list[Passage]:
    """The whole agenda as it is read: each item's start time, title and plain words. The key is the item's id."""
    starts = workshop.start_times()
    passages = []
    for item, start in zip(workshop.agenda, starts):
        clock = format_clock(start, workshop.language) + ". " if start is not None else ""
        text = "\n".join(part for part in (clock + item.title.strip(), item.plain_words.strip()) if part)
        passages.append(Passage(item.id, text))
    return passages


class ReadAloud(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.speaker = window.speaker
        self._summary_folder: Path | None = None
        self._told: set[str] = set()  # why nothing can be read aloud here, each said once in a message box
        self.told_box: QMessageBox | None = None
        self.speaker.started.connect(self._started)
        self.speaker.heard.connect(self._heard)
        self.speaker.problem.connect(self._problem)
        self.speaker.finished.connect(self._finished)
        self.speaker.saved.connect(self._saved)
        window.plain_words.read_aloud_requested.connect(self.read_text)

    def workshop(self) -> Workshop | None:
        self.window.page.flush()
        return self.window.page.workshop

    def _read(self, passages: list[Passage], workshop: Workshop | None) -> None:
        """Read in the workshop's language, with its pronunciations (English and none without a workshop)."""
        if workshop is None:
            self.speaker.read(passages, "en", PLANNER)
        else:
            self.speaker.read(passages, workshop.language, PLANNER, pronunciations_of(workshop))

    def say(self, text: str, seconds: int = 8, urgent: bool = False) -> None:
        tell(self.window, text, urgent, seconds)

    # -- reading ----------------------------------------------------------------------

    def read_here(self) -> None:
        """Read the selected words if there are some; otherwise the chosen agenda item."""
        chosen = selected_text(QApplication.focusWidget()).strip()
        workshop = self.workshop()  # what is being typed is saved first, so the item is read as it is now
        if chosen:
            self._read([Passage("text", chosen)], workshop)
            return
        item = self.window.page.planner.current_item()
        if item is None:
            self.say(_("Choose an agenda item, or select some words, to read them aloud."))
            return
        self._read([Passage("title", item.title), Passage("words", item.plain_words)], workshop)

    def read_text(self, text: str) -> None:
        if text.strip():
            self._read([Passage("text", text)], self.workshop())

    def read_agenda(self) -> None:
        workshop = self.workshop()
        if workshop is None or not workshop.agenda:
            self.say(_("This workshop has no agenda items to read yet."))
            return
        self._read(agenda_passages(workshop), workshop)

    def stop(self) -> None:
        self.speaker.stop()
        self.say(_("Stopped reading."), 3)

    def _started(self, tag: str, note: str) -> None:
        if tag == PLANNER:
            self.say(note or _("Reading aloud… (F8 stops)"), 12 if note else 4)

    def _heard(self, tag: str, key: str, start: int, length: int, word: bool) -> None:
        if tag != PLANNER:
            return
        planner = self.window.page.planner
        row = planner.model.row_of(key)
        if row >= 0 and row != planner.current_row():
            planner.select_row(row)

    def _problem(self, tag: str, message: str) -> None:
        if tag == PLANNER:
            self.say(message, 15, urgent=True)
            if message and message == self.speaker.trouble() and message not in self._told:
                self._told.add(message)
                self.tell_once(message)

    def tell_once(self, message: str) -> None:
        """Why nothing can be read aloud on this computer (no sound player, no voices), where the facilitator
        is looking: a message box, the first time. The status bar says it again each time after that."""
        box = QMessageBox(QMessageBox.Icon.Information, _("Reading aloud"), message, QMessageBox.StandardButton.Ok,
                          self.window)
        box.setInformativeText(_("Everything else works as usual. Voice and speed in the Read aloud menu says this too."))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setWindowModality(Qt.WindowModality.NonModal)  # reading aloud never waits for an answer
        box.show()
        self.told_box = box

    def _finished(self, tag: str, completed: bool) -> None:
        if tag == PLANNER and completed:
            self.say(_("Finished reading."), 3)

    # -- settings -----------------------------------------------------------------------

    def voice_settings(self) -> None:
        from facilitator.ui.voice_dialog import VoiceDialog

        workshop = self.workshop()
        dialog = VoiceDialog(self.speaker, workshop.language if workshop else "en", self.window)
        dialog.exec()
        dialog.deleteLater()

    def pronunciations(self) -> None:
        from facilitator.ui.pronunciations_dialog import PronunciationsDialog

        workshop = self.workshop()
        if workshop is None:
            return
        dialog = PronunciationsDialog(self.window.library, self.window.history, self.speaker, workshop.id, self.window)
        dialog.exec()
        dialog.deleteLater()

    # -- the summary as sound -------------------------------------------------------------

    def save_summary(self) -> None:
        """Ask for a folder and save the summary there: a WAV file for each section, and a playlist."""
        workshop = self.workshop()
        if workshop is None:
            return
        start = self.window.preferences.get(LAST_FOLDER) or str(Path.home())
        chosen = QFileDialog.getExistingDirectory(self.window, _("Save the summary as sound, in this folder"), start)
        if chosen:
            self.save_summary_to(workshop, Path(chosen))

    def save_summary_to(self, workshop: Workshop, parent: Path) -> Path | None:
        from facilitator.commands import suggested_file_name
        from facilitator.core.summary import hard_words_from, summary_sections

        folder = parent / (Path(suggested_file_name(workshop)).stem + "-" + _("summary-sound"))
        if folder.exists() and any(folder.iterdir()) and not ask.confirm(
            self.window, _("Save the summary as sound"),
            _("The folder “{name}” is there already. Put the new sound files in it, in place of the old ones?").format(name=folder.name),
            _("Replace"),
        ):
            return None
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            self.say(_("The folder could not be made ({reason}).").format(reason=error), 15, urgent=True)
            return None
        with in_language(workshop.language):  # the summary is in the workshop's language, as printed
            sections = summary_sections(workshop, hard_words=hard_words_from(self.window.plain_words.glossary))
        tracks = []
        for number, section in enumerate(sections, start=1):
            name = "".join(c if c.isalnum() or c in " -" else " " for c in section.heading).strip() or section.key
            tracks.append((folder / f"{number:02d} {name}.wav", [Passage(section.key, section.spoken())]))
        self._summary_folder = folder
        self.speaker.save(tracks, workshop.language, SUMMARY, pronunciations_of(workshop))
        self.say(_("Saving the summary as sound…"), 30)
        return folder

    def _saved(self, tag: str, paths: list, problem: str) -> None:
        if tag != SUMMARY:
            return
        if paths and self._summary_folder is not None:
            # The playlist names only the files that were made, in order.
            try:
                (self._summary_folder / PLAYLIST).write_text("\n".join(Path(path).name for path in paths) + "\n", encoding="utf-8")
            except OSError as error:
                problem = problem or _("The playlist could not be saved ({reason}).").format(reason=error)
        if paths and not problem:
            self.say(ngettext(
                "Saved the summary as {n} sound file in {folder}.", "Saved the summary as {n} sound files, one for each part, in {folder}.", len(paths)
            ).format(n=len(paths), folder=self._summary_folder), 15)
        elif paths:
            self.say(ngettext("Saved {n} sound file in {folder}. {problem}", "Saved {n} sound files in {folder}. {problem}",
                              len(paths)).format(n=len(paths), folder=self._summary_folder, problem=problem), 20)
        else:
            self.say(_("The summary could not be saved as sound. {problem}").format(problem=problem), 20, urgent=True)
