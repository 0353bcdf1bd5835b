"""Presenting a workshop: the session, the participant view on the projector, the console on the laptop.

The ``Presenter`` joins them. It puts the participant view full screen on the
projector (or beside the console when there is only one picture, after saying
that the room would see the console), follows a projector being plugged in or
pulled out without losing the place, turns keys and buttons into session steps,
and keeps the room's real times in the library. Stopping asks first (a second
Esc stops); starting again offers to go on from where it stopped. A try-out
presents exactly the same way and keeps no times.
"""

from __future__ import annotations

import platformdirs
from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QWidget

from facilitator.core.library import Change, Library
from facilitator.core.needs import needs_at_a_glance
from facilitator.core.unsaved import SavingState
from facilitator.i18n import _, format_clock, format_minutes, ngettext
from facilitator.session.chime import Chime
from facilitator.session.record import LibraryRecorder, TryOutRecorder
from facilitator.session.run import Cover, Phase, Session
from facilitator.session.screens import screen_now
from facilitator.session.timings import where_to_go_on
from facilitator.ui.pictures import PictureStore
from facilitator.ui.plain_words import PlainWords
from facilitator.ui.presenter.asking import Answer
from facilitator.ui.presenter.console import Console
from facilitator.ui.presenter.painting import Reading
from facilitator.ui.presenter.participant_view import Look, ParticipantView
from facilitator.ui.presenter.placing import MIRRORED, WindowPlaces
from facilitator.ui.presenter.recording import Recording
from facilitator.ui.presenter.word_picker import WordPicker, words_in
from facilitator.ui.read_aloud import pronunciations_of
from facilitator.ui.saving import state_words
from facilitator.ui.settings import (
    PRESENT_SOUND,
    PRESENT_TEXT_SIZE,
    PRESENT_THEME,
    Preferences,
)
from facilitator.ui.speech import Speaker
from facilitator.ui.undo import UndoHistory

TICK_MS = 250
READING = "presenter"  # the speaker's tag for what the presenter reads
K = Qt.Key
# Where presenting last stopped in this run of the app, for each workshop and for real or a try-out: an agenda
# item's id, or "" for the welcome or the end. After the app starts again, the room's times say (real only).
STOPPED_AT: dict[tuple[str, bool], str] = {}

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
        try_out: bool = False,
    ):
        super().__init__(laptop)
        self.try_out = try_out
        self.speaker = speaker
        self.library = library
        self.workshop_id = workshop_id
        self.history = history
        self.plain_words = plain_words
        self.preferences = preferences
        self.laptop = laptop
        self.recorder = TryOutRecorder() if try_out else LibraryRecorder(library, workshop_id, on_problem=self._times_not_kept)
        self.session = Session(library.load_workshop(workshop_id), self.recorder)
        self.view = ParticipantView(pictures.pixmap)
        self.console = Console(self.view.drawing)
        self.console.key_windows = (self.view,)
        self.places = WindowPlaces(self.view, self.console, laptop, preferences, self.say, self)
        self.begun = False  # the room's view is shown and the session has started
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
        if try_out:
            self.console.show_try_out(_(
                "Try-out. The room's times are not kept, so the times of the real day stay as they were. "
                "Anything you write down (decisions, ideas, questions, actions) is kept."
            ))

    # -- starting and stopping ----------------------------------------------------------

    def start(self, place: int = -1) -> None:
        """Open the console, then the participant view at ``place`` (-1: the welcome, or where we stopped).

        With one picture for both, the console first says that the room would
        see it, and the facilitator chooses whether to go on.
        """
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
        self.places.watch()
        self.places.place()
        self.console.activateWindow()
        self.console.setFocus()
        picture = "" if self.try_out else self.places.one_picture()
        if picture:
            self._warn_one_picture(picture, place)
        else:
            self._begin(place)

    def _begin(self, place: int) -> None:
        self.begun = True
        go_on = where_to_go_on(self.session.workshop, self._stopped_at()) if place < 0 else None
        self.session.go_to(place)
        self._show()
        self.places.showing = True
        self.places.place()
        self._ticker.start()
        self.console.activateWindow()
        self.console.setFocus()
        if self.places.alongside:
            self.say(_("One screen: the room's view is the window on the right, this console is on the left."))
        if go_on is not None:
            self._offer_to_go_on(go_on)

    def _stopped_at(self) -> str | None:
        """Where presenting stopped before; for a try-out, only a try-out's own place (its times are not kept)."""
        stopped = STOPPED_AT.get((self.workshop_id, self.try_out))
        return "" if stopped is None and self.try_out else stopped

    def _warn_one_picture(self, picture: str, place: int) -> None:
        if picture == MIRRORED:
            text = _("The projector shows the same picture as this screen, so the room would see this console and "
                     "your notes. To keep them to yourself, set the screens to “Extend” (on Windows: the Windows key "
                     "and P), then start again.")
        else:
            text = _("There is only one screen. If a projector shows this same picture, the room will see this "
                     "console and your notes. To keep them to yourself, set the screens to “Extend” (on Windows: the "
                     "Windows key and P), then start again.")
        self.console.question.ask("one picture", text, [
            Answer(_("Present anyway (Enter)"), (K.Key_Return, K.Key_Enter), lambda: self._begin(place)),
            Answer(_("Do not present (Esc)"), (K.Key_Escape,), self.stop),
        ])

    def _offer_to_go_on(self, place: int) -> None:
        title = self.session.agenda[place].title
        self.console.question.ask(
            "go on",
            _("Last time presenting stopped at “{title}”.").format(title=title),
            [
                Answer(_("Go on from “{title}” (Enter)").format(title=title), (K.Key_Return, K.Key_Enter),
                       lambda: self.session.go_to(place)),
                Answer(_("Start from the welcome (Esc)"), (K.Key_Escape,), lambda: None),
            ],
            other=lambda: None,
        )

    def ask_to_stop(self) -> None:
        """Esc, the stop button or closing the console: ask first; a second Esc stops, any other key goes on."""
        question = self.console.question
        if question.name == "stop" or not self.begun:
            self.stop()  # asked already; or nothing has started, so there is nothing to lose
            return
        question.ask(
            "stop",
            _("Stop presenting? Nothing is lost either way."),
            [
                Answer(_("Stop presenting (Esc)"), (K.Key_Escape,), self.stop),
                Answer(_("Go on (Enter)"), (K.Key_Return, K.Key_Enter), lambda: None),
            ],
            other=lambda: None,
        )
        if self.view.isFullScreen() and self.view.geometry().intersects(self.console.geometry()):
            self.console.raise_()  # the view is full screen on a mirrored screen: the question must show

    def stop(self) -> None:
        """Stop presenting: the times are kept, both windows close."""
        if not self.running:
            return
        self.running = False
        self._ticker.stop()
        self.console.question.clear()
        if self.begun:
            item = self.session.item()
            STOPPED_AT[(self.workshop_id, self.try_out)] = item.id if item is not None else ""
        if self.speaker is not None:
            self._quiet()
            for signal, slot in self._speaker_slots:
                signal.disconnect(slot)
        self.session.finish()
        self.session.unsubscribe(self._show)
        self.library.unsubscribe(self._library_changed)
        self.library.unsaved.unwatch(self._saving_changed)
        self.places.unwatch()
        self.view.close()
        self.console.closing.disconnect(self.ask_to_stop)
        self.console.may_close = True
        self.console.close()
        self.view.deleteLater()
        self.console.deleteLater()
        self.stopped.emit()
        if self.try_out and isinstance(self.laptop, QMainWindow):
            shown = len(self.recorder.items_shown)
            self.laptop.statusBar().showMessage(ngettext(
                "The try-out is over: you went through {n} item. No times were kept.",
                "The try-out is over: you went through {n} items. No times were kept.", shown,
            ).format(n=shown), 8000)

    # -- keys and buttons ---------------------------------------------------------------

    def _make_actions(self) -> dict[str, QAction]:
        """The clicker's keys, which are the console's keys for its buttons; they work on the room's view too."""
        console = self.console
        for action in console.key_actions.values():
            self.view.addAction(action)
        return {
            name: console.key_actions[button]
            for name, button in (
                ("next", console.next_button), ("previous", console.previous_button), ("blank", console.blank_button),
                ("pause", console.pause_button), ("read", console.read_button), ("stop", console.stop_button),
            )
        }

    def _wire_console(self) -> None:
        console = self.console
        console.next_button.clicked.connect(self.go_on)
        console.previous_button.clicked.connect(self.go_back)
        console.pause_button.clicked.connect(self.session.toggle_pause)
        console.more_time_button.clicked.connect(lambda: self.session.add_minutes(5))
        console.blank_button.clicked.connect(self.session.toggle_blank)
        console.break_button.clicked.connect(self._break_button)
        console.break_chosen.connect(self.take_break)
        console.word_button.clicked.connect(self.choose_word)
        console.read_button.clicked.connect(self.read_aloud)
        console.stop_button.clicked.connect(self.ask_to_stop)
        console.closing.connect(self.ask_to_stop)
        console.screen_chosen.connect(self.places.choose)
        console.theme_chosen.connect(lambda key: self._set_choice(PRESENT_THEME, key))
        console.text_size_chosen.connect(lambda key: self._set_choice(PRESENT_TEXT_SIZE, key))
        console.sound_chosen.connect(lambda on: self._set_choice(PRESENT_SOUND, on))
        console.set_choices(
            self.preferences.get(PRESENT_THEME), self.preferences.get(PRESENT_TEXT_SIZE), self.preferences.get(PRESENT_SOUND)
        )

    def go_on(self) -> None:
        """Next: a decision that is not agreed yet is read back first, or the console asks before it goes."""
        if not self.recording.keeps_decision(forward=True):
            self.session.next()

    def go_back(self) -> None:
        if not self.recording.keeps_decision(forward=False):
            self.session.previous()

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
            self.say(message, urgent=True)

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
        self.view.show_screen(screen, session.room_timer())
        self.console.preview.update()
        if self.view.current_layout().cut:
            covering = session.covering.kind if session.covering is not None else None
            if covering in (Cover.DECISION, Cover.RESULT):
                cut = _("This decision is too long for the big screen, so the room sees it cut short. "
                        "Press “Change it with the room” ({key}) to make it shorter.").format(
                    key=self.console.key_of(self.console.change_button))
            elif covering is None:
                cut = _("This title is too long for the big screen, so the room sees it cut short. "
                        "Make it shorter in the planner.")
            else:
                cut = _("This is too long for the big screen, so the room sees it cut short.")
            if not self.console.message.text().startswith(cut):  # said once, not again at each step
                self.say(cut)
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
        room = session.room_timer()  # on a break, its countdown by the clock on the wall
        shown = (room.phase, round(room.left), room.now.minute if room.now else None) if room else None
        if shown != self._shown_timer:
            self._shown_timer = shown
            self.view.show_timer(room)
            self.console.preview.update()
        if timer is not None:
            if (
                self._phase in (Phase.RUNNING, Phase.NEARLY)
                and timer.phase in (Phase.NEARLY, Phase.OVER)
                and timer.phase is not self._phase
                and self.preferences.get(PRESENT_SOUND)
                and not self.chime.play()
            ):
                self.say(self.chime.problem, urgent=True)
            self._phase = timer.phase
        self.console.set_times(*self._time_words())

    def _time_words(self) -> tuple[str, str, str]:
        session = self.session
        language = session.workshop.language
        now = session.now()
        timer = session.timer()
        countdown = session.break_timer()  # the room sees a break: the console says what the room sees
        if countdown is not None:
            item = _("Break until {time}").format(time=format_clock(session.break_ends()[1].time(), language))
            item += " · " + _("{left} left").format(left=format_minutes(countdown.minutes_left))
        elif timer is None:
            item = ""
        elif timer.left >= 0:
            item = _("{left} left of {planned}").format(
                left=format_minutes(timer.minutes_left), planned=format_minutes(round(timer.planned / 60))
            )
        else:
            item = _("{over} over time").format(over=format_minutes(max(1, int(-timer.left // 60))))
        if timer is not None and timer.phase is Phase.PAUSED and countdown is None:
            item += " · " + _("paused")
        day = _("The day: {left} to go, ends about {end}").format(
            left=format_minutes(round(session.day_left_seconds() / 60)),
            end=format_clock(session.expected_end().time(), language),
        )
        planned = session.workshop.planned_end()
        if planned is not None:
            day += " " + _("(planned {end})").format(end=format_clock(planned, language))
        return format_clock(now.time(), language), item, day

    def say(self, text: str, urgent: bool = False) -> None:
        """A message on the console (``urgent`` for a problem); while changes wait to be saved, it says that too."""
        if text and self.library.unsaved:
            text = f"{text} {state_words(self.library.unsaved.state())}"
        self.console.say(text, urgent)

    def _times_not_kept(self, problem: str) -> None:
        self.say(problem, urgent=True)

    def _saving_changed(self, state: SavingState) -> None:
        """The library could not take a change (or takes them again): the console says so, in words."""
        self.console.say(state_words(state) if state.titles else _("Everything is saved again."), bool(state.titles))

    # -- the library ----------------------------------------------------------------------

    def _library_changed(self, change: Change) -> None:
        if change.workshop_id != self.workshop_id or self.recorder.busy:
            return
        if change.kind == "removed":
            self.say(_("This workshop was deleted from the library."), urgent=True)
            QTimer.singleShot(0, self.stop)
            return
        self.session.refresh(self.library.load_workshop(self.workshop_id))
        self.recording.library_changed()
