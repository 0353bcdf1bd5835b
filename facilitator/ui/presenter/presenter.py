"""Presenting a workshop: the session, the participant view on the projector, the console on the laptop.

The ``Presenter`` joins them. It puts the participant view full screen on the
projector (or in a window when there is only one screen), follows a projector
being plugged in or pulled out without losing the place, turns keys and buttons
into session steps, and keeps the room's real times in the library.
"""

from __future__ import annotations

import platformdirs
from PySide6.QtCore import QObject, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QScreen
from PySide6.QtWidgets import QWidget

from facilitator.core.library import Change, Library
from facilitator.core.needs import needs_at_a_glance
from facilitator.core.unsaved import SavingState
from facilitator.i18n import _, format_clock, format_minutes
from facilitator.session.chime import Chime
from facilitator.session.record import LibraryRecorder
from facilitator.session.run import Cover, Phase, Session
from facilitator.session.screens import round_up, screen_now
from facilitator.ui.pictures import PictureStore
from facilitator.ui.plain_words import PlainWords
from facilitator.ui.presenter.console import Console
from facilitator.ui.presenter.painting import Reading
from facilitator.ui.presenter.participant_view import Look, ParticipantView
from facilitator.ui.presenter.recording import Recording
from facilitator.ui.presenter.word_picker import WordPicker, words_in
from facilitator.ui.read_aloud import pronunciations_of
from facilitator.ui.saving import state_words
from facilitator.ui.settings import (
    PRESENT_SCREEN,
    PRESENT_SOUND,
    PRESENT_TEXT_SIZE,
    PRESENT_THEME,
    Preferences,
)
from facilitator.ui.speech import Speaker
from facilitator.ui.undo import UndoHistory

TICK_MS = 250
READING = "presenter"  # the speaker's tag for what the presenter reads
WINDOW_HERE = "window"  # the PRESENT_SCREEN value for "a window on the laptop's screen"

KEYS = {
    "next": ("Right", "Down", "PgDown", "N", "Return", "Enter"),
    "previous": ("Left", "Up", "PgUp", "P", "Backspace"),
    "blank": ("B", "."),
    "read": ("R",),
    "pause": ("Space",),
    "stop": ("Esc",),
}


class Presenter(QObject):
    stopped = Signal()

    def __init__(
        self,
        library: Library,
        workshop_id: str,
        pictures: PictureStore,
        history: UndoHistory,
        plain_words: PlainWords,
        preferences: Preferences,
        laptop: QWidget,
        speaker: Speaker | None = None,
    ):
        super().__init__(laptop)
        self.speaker = speaker
        self.library = library
        self.workshop_id = workshop_id
        self.history = history
        self.plain_words = plain_words
        self.preferences = preferences
        self.laptop = laptop
        self.recorder = LibraryRecorder(library, workshop_id, on_problem=self.say)
        self.session = Session(library.load_workshop(workshop_id), self.recorder)
        self.view = ParticipantView(pictures.pixmap)
        self.console = Console(self.view.drawing)
        self.chime = Chime(platformdirs.user_cache_path("facilitator", appauthor=False))
        self.running = False
        self._shown_timer: tuple | None = None
        self._phase: Phase | None = None
        self._ticker = QTimer(self)
        self._ticker.setInterval(TICK_MS)
        self._ticker.timeout.connect(self._tick)
        self.actions = self._make_actions()
        self.recording = Recording(
            self.session, workshop_id, history, pictures, self.console, self.say, self._read_if_speaking, self
        )
        for action in self.recording.actions.values():
            for window in (self.view, self.console):
                window.addAction(action)
        self._wire_console()
        self._apply_look()

    # -- starting and stopping ----------------------------------------------------------

    def start(self, place: int = -1) -> None:
        """Open the console and the participant view, at ``place`` (-1: the welcome)."""
        self.running = True
        self.session.subscribe(self._show)
        self.library.subscribe(self._library_changed)
        self.library.unsaved.watch(self._saving_changed)
        self._speaker_slots = []
        if self.speaker is not None:
            self._speaker_slots = [
                (self.speaker.heard, self._heard), (self.speaker.finished, self._read_finished),
                (self.speaker.problem, self._read_problem), (self.speaker.started, self._read_started),
            ]
            for signal, slot in self._speaker_slots:
                signal.connect(slot)
        app = QGuiApplication.instance()
        app.screenAdded.connect(self._screen_added)
        app.screenRemoved.connect(self._screen_removed)
        self._place_console()
        self._place_view()
        self.session.go_to(place)
        self._show()
        self._ticker.start()
        self.console.activateWindow()
        self.console.setFocus()

    def stop(self) -> None:
        """Stop presenting: the times are kept, both windows close."""
        if not self.running:
            return
        self.running = False
        self._ticker.stop()
        if self.speaker is not None:
            self._quiet()
            for signal, slot in self._speaker_slots:
                signal.disconnect(slot)
        self.session.finish()
        self.session.unsubscribe(self._show)
        self.library.unsubscribe(self._library_changed)
        self.library.unsaved.unwatch(self._saving_changed)
        app = QGuiApplication.instance()
        app.screenAdded.disconnect(self._screen_added)
        app.screenRemoved.disconnect(self._screen_removed)
        self.view.close()
        self.console.closing.disconnect(self.stop)
        self.console.close()
        self.view.deleteLater()
        self.console.deleteLater()
        self.stopped.emit()

    # -- keys and buttons ---------------------------------------------------------------

    def _make_actions(self) -> dict[str, QAction]:
        slots = {
            "next": self.session.next,
            "previous": self.session.previous,
            "blank": self.session.toggle_blank,
            "pause": self._space,
            "read": self.read_aloud,
            "stop": self.stop,
        }
        made = {}
        for name, keys in KEYS.items():
            action = QAction(name, self)
            action.setShortcuts([QKeySequence(key) for key in keys])
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(slots[name])
            for window in (self.view, self.console):
                window.addAction(action)
            made[name] = action
        return made

    def _space(self) -> None:
        """Space pauses the timer, except on the console's tick box, which it ticks (as Space always does)."""
        if self.console.isActiveWindow() and self.console.focusWidget() is self.console.sound_box:
            self.console.sound_box.toggle()
        else:
            self.session.toggle_pause()

    def _wire_console(self) -> None:
        console = self.console
        console.next_button.clicked.connect(self.session.next)
        console.previous_button.clicked.connect(self.session.previous)
        console.pause_button.clicked.connect(self.session.toggle_pause)
        console.more_time_button.clicked.connect(lambda: self.session.add_minutes(5))
        console.blank_button.clicked.connect(self.session.toggle_blank)
        console.break_button.clicked.connect(self._break_button)
        console.break_chosen.connect(self.take_break)
        console.word_button.clicked.connect(self.choose_word)
        console.read_button.clicked.connect(self.read_aloud)
        console.stop_button.clicked.connect(self.stop)
        console.closing.connect(self.stop)
        console.screen_chosen.connect(self._screen_chosen)
        console.theme_chosen.connect(lambda key: self._set_choice(PRESENT_THEME, key))
        console.text_size_chosen.connect(lambda key: self._set_choice(PRESENT_TEXT_SIZE, key))
        console.sound_chosen.connect(lambda on: self._set_choice(PRESENT_SOUND, on))
        console.set_choices(
            self.preferences.get(PRESENT_THEME), self.preferences.get(PRESENT_TEXT_SIZE), self.preferences.get(PRESENT_SOUND)
        )

    def _break_button(self) -> None:
        if self.session.covering is not None and self.session.covering.kind is Cover.BREAK:
            self.session.uncover()

    def take_break(self, minutes: int) -> None:
        self.session.take_break(minutes)

    def choose_word(self) -> None:
        item = self.session.item()
        text = f"{item.title}\n{item.plain_words}" if item else self.session.workshop.purpose
        picker = WordPicker(self.plain_words, words_in(self.plain_words, text), self.console)
        if picker.exec() and picker.entry is not None:
            entry = picker.entry
            self.session.show_word(entry.term, entry.plain, entry.picture)

    def record_decision(self) -> None:
        self.recording.record_decision()

    # -- reading aloud ------------------------------------------------------------------

    def read_aloud(self) -> None:
        """Read out what the room sees, lighting up each word as it is said; pressed again, stop."""
        if self.speaker is None:
            return
        if self.speaker.is_reading(READING):
            self._quiet()
        else:
            self._read_screen()

    def _read_if_speaking(self) -> None:
        if self.speaker is not None:
            self._read_screen()

    def _read_screen(self) -> None:
        passages = screen_now(self.session).passages()
        if not passages:
            self.say(_("There is nothing on the big screen to read."))
            return
        workshop = self.session.workshop
        self.speaker.read(passages, workshop.language, READING, pronunciations_of(workshop))
        self.console.set_reading(True)

    def _quiet(self) -> None:
        if self.speaker.is_reading(READING):
            self.speaker.stop()
        self._lit(None)

    def _lit(self, reading: Reading | None) -> None:
        if self.view.drawing.set_reading(reading):
            self.view.update()
            self.console.preview.update()

    def _heard(self, tag: str, key: str, start: int, length: int, word: bool) -> None:
        if tag == READING:
            self._lit(Reading(key, start, length))

    def _read_started(self, tag: str, note: str) -> None:
        if tag == READING and note:
            self.say(note)

    def _read_finished(self, tag: str, completed: bool) -> None:
        if tag == READING:
            self._lit(None)
            self.console.set_reading(False)

    def _read_problem(self, tag: str, message: str) -> None:
        if tag == READING:
            self.say(message)

    def _set_choice(self, setting, value) -> None:
        self.preferences.set(setting, value)
        self._apply_look()

    def _apply_look(self) -> None:
        look = Look.chosen(
            self.preferences.get(PRESENT_THEME), self.preferences.get(PRESENT_TEXT_SIZE), self.session.workshop.language
        )
        self.view.set_look(look)
        self.console.preview.update()

    # -- showing ------------------------------------------------------------------------

    def _show(self) -> None:
        session = self.session
        screen = screen_now(session)
        if self.speaker is not None and screen != self.view.drawing.screen:
            self._quiet()  # the words being read have left the screen
        self.view.show_screen(screen, session.timer())
        self.console.preview.update()
        if self.view.current_layout().cut:
            covering = session.covering.kind if session.covering is not None else None
            if covering in (Cover.DECISION, Cover.RESULT):
                self.say(_("This decision is too long for the big screen, so the room sees it cut short. "
                           "Press “Change it with the room” to make it shorter."))
            elif covering is None:
                self.say(_("This title is too long for the big screen, so the room sees it cut short. "
                           "Make it shorter in the planner."))
            else:
                self.say(_("This is too long for the big screen, so the room sees it cut short."))
        item, following = session.item(), session.next_item()
        if session.place < 0:
            now = _("Welcome screen")
        elif item is None:
            now = _("The end")
        else:
            now = _("Item {n} of {count}: {title}").format(n=session.place + 1, count=len(session.agenda), title=item.title)
        if session.covering is not None:
            now += "\n" + {
                Cover.BREAK: _("The room sees: a break"),
                Cover.WORD: _("The room sees: a hard word"),
                Cover.DECISION: _("The room sees: a decision to read back"),
                Cover.RESULT: _("The room sees: how people agreed"),
                Cover.BLANK: _("The room sees: a blank screen"),
            }[session.covering.kind]
        self.console.set_items(now, following.title if following else "", item.notes if item else "")
        self.console.set_needs(needs_at_a_glance(session.workshop))
        self.recording.covering_changed()
        self.console.set_paused(session.paused)
        self.console.set_blank(session.covering is not None and session.covering.kind is Cover.BLANK)
        self.console.set_break(session.covering is not None and session.covering.kind is Cover.BREAK)
        self.console.previous_button.setEnabled(session.place > -1 or session.covering is not None)
        self.console.next_button.setEnabled(session.place < session.last_place or session.covering is not None)
        self._phase = None
        self._tick()

    def _tick(self) -> None:
        session = self.session
        timer = session.timer()
        shown = (timer.phase, round(timer.left)) if timer else None
        if shown != self._shown_timer:
            self._shown_timer = shown
            self.view.show_timer(timer)
            self.console.preview.update()
        if timer is not None:
            if (
                self._phase in (Phase.RUNNING, Phase.NEARLY)
                and timer.phase in (Phase.NEARLY, Phase.OVER)
                and timer.phase is not self._phase
                and self.preferences.get(PRESENT_SOUND)
                and not self.chime.play()
            ):
                self.say(self.chime.problem)
            self._phase = timer.phase
        self.console.set_times(*self._time_words())

    def _time_words(self) -> tuple[str, str, str]:
        session = self.session
        language = session.workshop.language
        now = session.now()
        timer = session.timer()
        if session.covering is not None and session.covering.kind is Cover.BREAK and session.covering.until:
            item = _("Break until {time}").format(time=format_clock(round_up(session.covering.until).time(), language))
        elif timer is None:
            item = ""
        elif timer.left >= 0:
            item = _("{left} left of {planned}").format(
                left=format_minutes(timer.minutes_left), planned=format_minutes(round(timer.planned / 60))
            )
        else:
            item = _("{over} over time").format(over=format_minutes(max(1, int(-timer.left // 60))))
        if timer is not None and timer.phase is Phase.PAUSED:
            item += " · " + _("paused")
        day = _("The day: {left} to go, ends about {end}").format(
            left=format_minutes(round(session.day_left_seconds() / 60)),
            end=format_clock(session.expected_end().time(), language),
        )
        planned = session.workshop.planned_end()
        if planned is not None:
            day += " " + _("(planned {end})").format(end=format_clock(planned, language))
        return format_clock(now.time(), language), item, day

    def say(self, text: str) -> None:
        """A message on the console; while changes wait to be saved, it says that too."""
        if text and self.library.unsaved:
            text = f"{text} {state_words(self.library.unsaved.state())}"
        self.console.say(text)

    def _saving_changed(self, state: SavingState) -> None:
        """The library could not take a change (or takes them again): the console says so, in words."""
        self.console.say(state_words(state) if state.titles else _("Everything is saved again."))

    # -- screens ------------------------------------------------------------------------

    def laptop_screen(self) -> QScreen:
        return self.laptop.screen() or QGuiApplication.primaryScreen()

    def projector(self) -> QScreen | None:
        """The screen for the participant view, or None for a window on the laptop's screen."""
        chosen = self.preferences.get(PRESENT_SCREEN)
        if chosen == WINDOW_HERE:
            return None
        laptop = self.laptop_screen()
        others = [screen for screen in QGuiApplication.screens() if screen is not laptop]
        named = [screen for screen in others if screen.name() == chosen]
        return (named or others or [None])[0]

    def _place_console(self) -> None:
        laptop = self.laptop_screen()
        self.console.setScreen(laptop)
        area = laptop.availableGeometry()
        self.console.setGeometry(area.adjusted(area.width() // 20, area.height() // 20, -area.width() // 20, -area.height() // 20))
        self.console.show()

    def _place_view(self) -> None:
        target = self.projector()
        view = self.view
        if target is not None:
            view.setCursor(Qt.CursorShape.BlankCursor)
            view.setScreen(target)
            view.setGeometry(target.geometry())
            view.showFullScreen()
        else:
            view.unsetCursor()
            laptop = self.laptop_screen()
            if view.isFullScreen() or not view.isVisible() or not laptop.geometry().contains(view.geometry()):
                view.showNormal()
                view.setScreen(laptop)
                area = laptop.availableGeometry()
                size = area.size() * 0.6
                view.setGeometry(QRect(area.right() - size.width() - 24, area.top() + 24, size.width(), size.height()))
            view.show()
        self.console.preview.set_source(view.size() if target is None else target.geometry().size())
        self._fill_screen_choices(target)

    def _fill_screen_choices(self, target: QScreen | None) -> None:
        laptop = self.laptop_screen()
        names = [screen.name() for screen in QGuiApplication.screens() if screen is not laptop]
        self.console.set_screens(names, target.name() if target is not None else "")

    def _screen_chosen(self, name: str) -> None:
        self.preferences.set(PRESENT_SCREEN, name or WINDOW_HERE)
        self._place_view()

    def _screen_added(self, screen: QScreen) -> None:
        if self.view.isFullScreen():
            self._fill_screen_choices(self.view.screen())
            return
        if self.preferences.get(PRESENT_SCREEN) == WINDOW_HERE:
            self._fill_screen_choices(None)
            self.say(_("A screen called “{name}” was plugged in. Choose it under “Participant view on” to use it.").format(name=screen.name()))
            return
        # The screen list is complete only after this signal; place the view just after.
        QTimer.singleShot(0, self._place_view)
        self.say(_("A screen called “{name}” was plugged in: the participant view is on it now.").format(name=screen.name()))

    def _screen_removed(self, screen: QScreen) -> None:
        was_on_it = self.view.isFullScreen() and self.view.screen() in (screen, None)
        QTimer.singleShot(0, self._after_screen_removed if was_on_it else lambda: self._fill_screen_choices(self.projector() if self.view.isFullScreen() else None))
        if was_on_it:
            self.say(_("The projector was unplugged. The session goes on; plug it in again to show the room."))

    def _after_screen_removed(self) -> None:
        self._place_view()

    # -- the library ----------------------------------------------------------------------

    def _library_changed(self, change: Change) -> None:
        if change.workshop_id != self.workshop_id or self.recorder.busy:
            return
        if change.kind == "removed":
            self.say(_("This workshop was deleted from the library."))
            QTimer.singleShot(0, self.stop)
            return
        self.session.refresh(self.library.load_workshop(self.workshop_id))
        self.recording.library_changed()
