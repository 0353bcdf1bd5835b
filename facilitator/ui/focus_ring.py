"""A focus ring that is seen: 3 px round whatever has the keyboard focus, at 3:1 or more (WCAG 2.4.7, 1.4.11).

Qt's own sign of the focus is faint or missing (a 1 px line at 2.35:1, nothing at
all on a default button, only the caret in a multi-line box). One watcher for
the whole app hears the focus move and draws a ring round the control that has
it, on every kind of control, in every palette:

- the ring is drawn by a ``FocusRing``: a see-through layer over each window that
  takes no clicks and no focus, so it never changes a layout or what a click
  does; it is drawn only where the ring is (a mask), so the rest of the window
  paints as before;
- the ring lies just outside the control (2 px out, 1 px in), in the selection's
  colour made to reach 3:1 against the window, the boxes and what is round it;
  inside a scrolled area it stays within what is seen of it;
- in a list or a table, the current item has a 2 px ring of its own, inside its
  edge: the ring's colour on a row not chosen, and the chosen row's words' colour
  on a chosen one (4.5:1 on the selection); in a tab bar, the current tab has the ring;
- a view that draws its own current item (the agenda cards) says so with the
  ``DRAWS_OWN_CURRENT`` property.

Popups (menus, a box's list of choices) show their own highlight and get no ring.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QEvent, QObject, QRect, Qt, QTimer
from PySide6.QtGui import QColor, QPainter, QRegion
from PySide6.QtWidgets import QAbstractItemView, QApplication, QMenu, QMenuBar, QTabBar, QWidget

from facilitator.ui.colours import Role, focus_colour

WIDTH = 3  # the ring round a control
ITEM_WIDTH = 2  # the ring round a list's current item
OUTSIDE = 2  # how far the ring reaches out of the control
RING_NAME = "focus-ring"
DRAWS_OWN_CURRENT = "draws_own_current_item"
PLACE_AGAIN = {QEvent.Type.Move, QEvent.Type.Resize, QEvent.Type.Show, QEvent.Type.Hide, QEvent.Type.ParentChange,
               QEvent.Type.ZOrderChange, QEvent.Type.LayoutDirectionChange, QEvent.Type.PaletteChange,
               QEvent.Type.StyleChange, QEvent.Type.ChildAdded}


@dataclass(frozen=True)
class Band:
    """A rectangular band ``width`` px thick just inside ``rect`` (window coordinates), in ``colour``."""

    rect: QRect
    width: int
    colour: QColor

    def pieces(self) -> list[QRect]:
        r, w = self.rect, min(self.width, self.rect.width() // 2, self.rect.height() // 2)
        return [QRect(r.left(), r.top(), r.width(), w), QRect(r.left(), r.bottom() - w + 1, r.width(), w),
                QRect(r.left(), r.top() + w, w, r.height() - 2 * w),
                QRect(r.right() - w + 1, r.top() + w, w, r.height() - 2 * w)]


class FocusRing(QWidget):
    """The see-through layer over one window that draws its focus ring."""

    def __init__(self, window: QWidget):
        super().__init__(window)
        self.setObjectName(RING_NAME)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.bands: list[Band] = []
        self.setGeometry(window.rect())
        self.setMask(QRegion())

    def show_bands(self, bands: list[Band]) -> None:
        window = self.parentWidget()
        if self.geometry() != window.rect():
            self.setGeometry(window.rect())
        if window.children() and window.children()[-1] is not self:
            self.raise_()
        if bands == self.bands and self.isVisible() == bool(bands):
            return
        self.bands = bands
        region = QRegion()
        for band in bands:
            for piece in band.pieces():
                region = region.united(QRegion(piece))
        self.setMask(region)
        self.setVisible(bool(bands))
        self.update()

    def ring_rects(self) -> list[QRect]:
        """The outer edge of each ring now drawn (for tests and screen checks)."""
        return [band.rect for band in self.bands] if self.isVisible() else []

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        for band in self.bands:
            for piece in band.pieces():
                painter.fillRect(piece, band.colour)
        painter.end()


def ring_of(window: QWidget) -> FocusRing | None:
    """The focus ring layer of ``window``, if it has one."""
    return window.findChild(FocusRing, RING_NAME, Qt.FindChildOption.FindDirectChildrenOnly)


def _in_window(widget: QWidget, rect: QRect, window: QWidget) -> QRect:
    return QRect(widget.mapTo(window, rect.topLeft()), rect.size())


def _seen_part(widget: QWidget, window: QWidget) -> QRect:
    """What part of the window ``widget`` may draw a ring in: the window, less what scrolled areas hide."""
    seen = window.rect()
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if parent.objectName() == "qt_scrollarea_viewport":
            seen = seen.intersected(_in_window(parent, parent.rect(), window))
        parent = parent.parentWidget()
    return seen


def _shown_on(widget: QWidget) -> QColor:
    """The colour round ``widget``: its parent's background."""
    parent = widget.parentWidget() or widget
    return parent.palette().color(parent.backgroundRole())


def bands_for(widget: QWidget) -> list[Band]:
    """The ring, and a list's current item's ring, for ``widget`` having the focus."""
    window = widget.window()
    palette = widget.palette()
    colour = focus_colour(palette, [_shown_on(widget)])
    seen = _seen_part(widget, window)
    bands: list[Band] = []
    if isinstance(widget, QTabBar):
        tab = widget.tabRect(widget.currentIndex())
        rect = _in_window(widget, tab, window).intersected(seen)
        if rect.width() > 2 * WIDTH and rect.height() > 2 * WIDTH:
            bands.append(Band(rect, WIDTH, focus_colour(palette, [palette.color(Role.Button)])))
        return bands
    rect = _in_window(widget, widget.rect().adjusted(-OUTSIDE, -OUTSIDE, OUTSIDE, OUTSIDE), window).intersected(seen)
    if rect.width() > 2 * WIDTH and rect.height() > 2 * WIDTH:
        bands.append(Band(rect, WIDTH, colour))
    if isinstance(widget, QAbstractItemView) and not widget.property(DRAWS_OWN_CURRENT):
        current = widget.currentIndex()
        viewport = widget.viewport()
        if current.isValid():
            item = widget.visualRect(current)
            inside = _in_window(viewport, viewport.rect(), window).intersected(seen)
            item_rect = _in_window(viewport, item, window).intersected(inside)
            if item_rect.width() > 4 * ITEM_WIDTH and item_rect.height() > 4 * ITEM_WIDTH:
                chosen = widget.selectionModel() is not None and widget.selectionModel().isSelected(current)
                # On a chosen row, the row's own words' colour (4.5:1 on the selection); else the ring's.
                line = palette.color(Role.HighlightedText) if chosen else \
                    focus_colour(palette, [palette.color(Role.Base), palette.color(Role.AlternateBase)])
                bands.append(Band(item_rect, ITEM_WIDTH, line))
    return bands


def ringed(widget: QWidget | None) -> QWidget | None:
    """The control whose ring shows while ``widget`` has the focus (None for none)."""
    if widget is None or not shiboken6.isValid(widget) or widget.isWindow():
        return None
    if isinstance(widget, (QMenu, QMenuBar)):
        return None
    window = widget.window()
    if window.windowType() in (Qt.WindowType.Popup, Qt.WindowType.ToolTip):
        return None
    return widget


class FocusWatcher(QObject):
    """Hears the focus move anywhere in the app and keeps the focused control's ring where it is."""

    def __init__(self, app: QApplication):
        super().__init__(app)
        self.app = app
        # Held weakly: a window closed and let go must not be kept alive (half torn down) by its ring.
        self._widget: Callable[[], QWidget | None] = _none
        self._watched: list[Callable[[], QObject | None]] = []
        self.painted: set[int] = set()  # objects whose repainting may move a current item
        self._window: Callable[[], QWidget | None] = _none
        self._due = False
        app.focusChanged.connect(self._focus_moved)
        self._focus_moved(None, app.focusWidget())

    @property
    def widget(self) -> QWidget | None:
        return self._widget()

    @widget.setter
    def widget(self, widget: QWidget | None) -> None:
        self._widget = _none if widget is None else weakref.ref(widget)

    @property
    def window(self) -> QWidget | None:
        return self._window()

    @window.setter
    def window(self, window: QWidget | None) -> None:
        self._window = _none if window is None else weakref.ref(window)

    @property
    def watched(self) -> list[QObject]:
        return [each for each in (ref() for ref in self._watched) if each is not None]

    @watched.setter
    def watched(self, objects: list[QObject]) -> None:
        self._watched = [weakref.ref(each) for each in objects]

    def _focus_moved(self, _old: QWidget | None, new: QWidget | None) -> None:
        self._stop_watching()
        self.widget = ringed(new)
        if self.widget is not None:
            self._watch(self.widget)
        self.place()

    def _watch(self, widget: QWidget) -> None:
        chain: list[QObject] = []
        current: QWidget | None = widget
        while current is not None:
            chain.append(current)
            if current.isWindow():
                break
            current = current.parentWidget()
        if isinstance(widget, QAbstractItemView):
            chain.append(widget.viewport())
            self.painted.add(id(widget.viewport()))
        if isinstance(widget, QTabBar):
            self.painted.add(id(widget))
        for watched in chain:
            watched.installEventFilter(self)
        self.watched = chain

    def _stop_watching(self) -> None:
        for watched in self.watched:
            if shiboken6.isValid(watched):
                watched.removeEventFilter(self)
        self.watched = []
        self.painted = set()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        kind = event.type()
        if kind in PLACE_AGAIN or (kind == QEvent.Type.Paint and id(watched) in self.painted):
            self.place_soon()
        return False

    def place_soon(self) -> None:
        if not self._due:
            self._due = True
            QTimer.singleShot(0, self.place)

    def place(self) -> None:
        """Draw the ring round the focused control, in its window; take it away from the window before."""
        self._due = False
        widget = self.widget
        if widget is not None and not shiboken6.isValid(widget):
            widget = self.widget = None
        window = widget.window() if widget is not None else None
        if self.window is not None and self.window is not window and shiboken6.isValid(self.window):
            old = ring_of(self.window)
            if old is not None:
                old.show_bands([])
        self.window = window
        if widget is None or window is None:
            return
        ring = ring_of(window) or FocusRing(window)
        ring.show_bands(bands_for(widget) if widget.isVisible() else [])

    def stop(self) -> None:
        """Stop drawing rings (for tests)."""
        self.app.focusChanged.disconnect(self._focus_moved)
        self._stop_watching()
        if self.window is not None and shiboken6.isValid(self.window) and ring_of(self.window) is not None:
            ring_of(self.window).show_bands([])
        self.widget = self.window = None
        self.setParent(None)


def _none() -> None:
    return None


def watch_focus(app: QApplication) -> FocusWatcher:
    """Show a ring round the focused control in every window of ``app`` from now on (once per app)."""
    return app.findChild(FocusWatcher) or FocusWatcher(app)
