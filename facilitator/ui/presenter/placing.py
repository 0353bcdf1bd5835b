"""Where the participant view and the console go, and what happens when screens come and go.

With a projector that extends the desktop, the participant view is full screen
on it and the console fills the laptop's screen. With one picture (only the
laptop's screen, or a projector that mirrors it), the two windows sit side by
side on the laptop's screen, the console on the left and the room's view on the
right, so neither hides the other; the room then sees the console too, which
the Presenter warns about before it starts.
"""

from __future__ import annotations

import typing

from PySide6.QtCore import QEvent, QObject, QRect, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

from facilitator.i18n import _
from facilitator.ui.presenter.console import Console
from facilitator.ui.presenter.participant_view import ParticipantView
from facilitator.ui.settings import PRESENT_SCREEN, Preferences

WINDOW_HERE = "window"  # the PRESENT_SCREEN value for "a window on the laptop's screen"
ONE_SCREEN = "one screen"
MIRRORED = "mirrored"
GAP = 8  # between the two windows side by side
VIEW_SHARE = 0.5  # of the laptop's width for the room's view, side by side


def put(window: QWidget, rect: QRect) -> None:
    """Show a window with its frame (not only its inside) in ``rect``, so its edges stay on the screen."""
    window.show()
    window.setGeometry(rect)
    frame, inside = window.frameGeometry(), window.geometry()
    window.setGeometry(rect.adjusted(
        inside.left() - frame.left(), inside.top() - frame.top(), inside.right() - frame.right(), inside.bottom() - frame.bottom()
    ))


class WindowPlaces(QObject):
    def __init__(
        self, view: ParticipantView, console: Console, laptop: QWidget, preferences: Preferences,
        say: typing.Callable[..., None], parent: QObject,  # say(words, urgent=False)
    ):
        super().__init__(parent)
        self.view, self.console, self.laptop = view, console, laptop
        self.preferences = preferences
        self.say = say
        self.showing = False  # the participant view is shown (presenting has begun)
        self.mirror_chosen = False  # the facilitator chose a mirrored screen by name, this time
        self.alongside: bool | None = None  # the console leaves the laptop's right half to the view
        console.installEventFilter(self)  # the console grows with its words: the view then makes room

    # -- which screens ------------------------------------------------------------------

    def laptop_screen(self) -> QScreen:
        return self.laptop.screen() or QGuiApplication.primaryScreen()

    def others(self) -> list[QScreen]:
        laptop = self.laptop_screen()
        return [screen for screen in QGuiApplication.screens() if screen is not laptop]

    def mirrors(self) -> list[QScreen]:
        """Other screens that show the same picture as the laptop's (the same place on the desktop)."""
        laptop = self.laptop_screen().geometry()
        return [screen for screen in self.others() if screen.geometry() == laptop]

    def projector(self) -> QScreen | None:
        """The screen for the participant view, or None for a window on the laptop's screen.

        A mirrored screen is never taken by itself: full screen there, the view
        would hide the console. It is used only when chosen by name this time.
        """
        chosen = self.preferences.get(PRESENT_SCREEN)
        if chosen == WINDOW_HERE:
            return None
        mirrors = self.mirrors()
        named = [screen for screen in self.others() if screen.name() == chosen and (screen not in mirrors or self.mirror_chosen)]
        extended = [screen for screen in self.others() if screen not in mirrors]
        return (named or extended or [None])[0]

    def one_picture(self) -> str:
        """MIRRORED or ONE_SCREEN when the room would see the laptop's own picture; "" when it would not."""
        if self.projector() is not None:
            return ""
        if self.mirrors():
            return MIRRORED
        if not self.others():
            return ONE_SCREEN
        return ""  # another screen shows its own picture; the facilitator chose a window here

    # -- placing ------------------------------------------------------------------------

    def place(self) -> None:
        """Put both windows where they go now."""
        target = self.projector() if self.showing else None
        self.fill_screen_choices(target)  # first: the chooser's words are part of how wide the console must be
        self._place_console(alongside=target is None)
        if self.showing:
            self._place_view(target)

    def _place_console(self, alongside: bool) -> None:
        too_narrow = self.console.width() < self.console.minimumSizeHint().width()
        if alongside == self.alongside and self.console.isVisible() and not too_narrow:
            return
        self.alongside = alongside
        laptop = self.laptop_screen()
        self.console.setScreen(laptop)
        area = laptop.availableGeometry()
        self.console.showNormal()
        if alongside:
            put(self.console, QRect(area.left(), area.top(), area.width() - self._view_width(area) - GAP, area.height()))
        else:
            put(self.console, area.adjusted(area.width() // 20, area.height() // 20, -area.width() // 20, -area.height() // 20))

    def _view_width(self, area: QRect) -> int:
        """The room's view beside the console: half the width, less when the console needs more."""
        needs = max(self.console.minimumSizeHint().width(), self.console.read_back_bar.minimumSizeHint().width() + 24) + 4
        return max(self.view.minimumWidth(), min(round(area.width() * VIEW_SHARE), area.width() - needs - GAP))

    def _place_view(self, target: QScreen | None) -> None:
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
                width = self._view_width(area)
                height = min(round(width * 9 / 16), area.height())
                put(view, QRect(area.right() - width + 1, area.top(), width, height))
            view.show()
            view.raise_()  # in front, whatever the window system did with the console
        self.console.preview.set_source(view.size() if target is None else target.geometry().size())
        self.fill_screen_choices(target)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.console and event.type() in (QEvent.Type.Resize, QEvent.Type.Move):
            self._make_room()
        return False

    def _make_room(self) -> None:
        """Side by side, the console grew (longer words, the read-back buttons): the room's view moves and
        shrinks so that it is still beside the console, not under it."""
        view = self.view
        if not (self.alongside and self.showing and view.isVisible()) or view.isFullScreen():
            return
        console = self.console.frameGeometry()
        if not view.frameGeometry().intersects(console):
            return
        area = self.laptop_screen().availableGeometry()
        width = max(view.minimumWidth(), area.right() - console.right() - GAP)
        put(view, QRect(area.right() - width + 1, area.top(), width, min(round(width * 9 / 16), area.height())))
        self.console.preview.set_source(view.size())

    def fill_screen_choices(self, target: QScreen | None) -> None:
        self.console.set_screens([screen.name() for screen in self.others()], target.name() if target is not None else "")

    def choose(self, name: str) -> None:
        """The facilitator chose a screen for the participant view ("" for a window here)."""
        self.preferences.set(PRESENT_SCREEN, name or WINDOW_HERE)
        self.mirror_chosen = bool(name) and any(screen.name() == name for screen in self.mirrors())
        self.place()

    # -- screens plugged in and pulled out ----------------------------------------------

    def watch(self) -> None:
        app = QGuiApplication.instance()
        app.screenAdded.connect(self._screen_added)
        app.screenRemoved.connect(self._screen_removed)

    def unwatch(self) -> None:
        app = QGuiApplication.instance()
        app.screenAdded.disconnect(self._screen_added)
        app.screenRemoved.disconnect(self._screen_removed)

    def _screen_added(self, screen: QScreen) -> None:
        # The screen list is complete only after this signal: look at it just after.
        name = screen.name()
        QTimer.singleShot(0, lambda: self._after_screen_added(name))

    def _after_screen_added(self, name: str) -> None:
        if not self.showing or self.view.isFullScreen():
            self.fill_screen_choices(self.view.screen() if self.view.isFullScreen() else None)
        elif self.preferences.get(PRESENT_SCREEN) == WINDOW_HERE:
            self.fill_screen_choices(None)
            self.say(_("A screen called “{name}” was plugged in. Choose it under “Participant view on” to use it.").format(name=name))
        else:
            self.place()
            if self.view.isFullScreen():
                self.say(_("A screen called “{name}” was plugged in: the participant view is on it now.").format(name=name))
            elif self.mirrors():
                self.say(_("The screen plugged in shows the same picture as this one, so the room sees this console too. "
                           "To keep your notes to yourself, set the screens to “Extend” (on Windows: the Windows key and P)."),
                         urgent=True)

    def _screen_removed(self, screen: QScreen) -> None:
        was_on_it = self.showing and self.view.isFullScreen() and self.view.screen() in (screen, None)
        QTimer.singleShot(0, self.place if was_on_it else lambda: self.fill_screen_choices(self.projector() if self.view.isFullScreen() else None))
        if was_on_it:
            self.say(_("The projector was unplugged. The session goes on; plug it in again to show the room."), urgent=True)
