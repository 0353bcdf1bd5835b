"""Windows and dialogs that fit the screen they open on, down to a 1366 × 768 laptop at 125% scaling.

A window asks for the size of what it holds, but never for more than the room on its screen (the
screen's available area, less a title bar and borders). What may be taller than that goes in a
``ScrollingBody``, with the dialog's buttons below it, always in view. Date boxes are made wide
enough for the longest date in their language, "Wednesday 30 September 2026".
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QDate, QEvent, QMargins, QModelIndex, QObject, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDateEdit,
    QFrame,
    QLayout,
    QListView,
    QScrollArea,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

# What a window system adds around a window (a title bar, borders) before it can be measured.
FRAME = QSize(16, 40)


def screen_area(window: QWidget) -> QRect:
    """The available area of the screen ``window`` opens on: its parent's, or its own once it has one."""
    parent = window.parentWidget()
    screen = (parent.window().screen() if parent is not None else None) or window.screen()
    return (screen or QGuiApplication.primaryScreen()).availableGeometry()


def room_for(window: QWidget) -> QSize:
    """The largest size the inside of ``window`` may have on its screen, leaving room for its frame."""
    area = screen_area(window)
    frame = window.frameGeometry().size() - window.geometry().size() if window.isVisible() else QSize()
    return QSize(area.width() - max(frame.width(), FRAME.width()), area.height() - max(frame.height(), FRAME.height()))


def fit_to_screen(window: QWidget, width: int | None = None, height: int | None = None) -> QSize:
    """Size ``window`` to what it holds (or to ``width`` × ``height`` when given), never beyond its screen.

    The size is checked again each time the window is shown, on the screen it is shown on, and the
    window is moved inside that screen when it would stand over an edge. Returns the size given."""
    hint = window.sizeHint()
    wanted = QSize(width or hint.width(), height or _height_for(window, width, hint))
    wanted = wanted.expandedTo(window.minimumSizeHint())
    room = room_for(window)
    size = wanted.boundedTo(room)
    window.resize(size)
    if window.findChild(_KeptOnScreen, options=Qt.FindChildOption.FindDirectChildrenOnly) is None:
        window.installEventFilter(_KeptOnScreen(wanted, window))
    return size


def _height_for(window: QWidget, width: int | None, hint: QSize) -> int:
    """The height ``window`` asks for at ``width``: wrapped words (in a ScrollingBody too) take more
    lines when the window is narrower than it would choose, fewer when it is wider."""
    layout = window.layout()
    if not width or layout is None:
        return hint.height()
    if layout.hasHeightForWidth():
        return layout.totalHeightForWidth(width)
    height = hint.height()
    for body in window.findChildren(ScrollingBody):
        content = body.widget()
        if content is not None and content.hasHeightForWidth():
            inside = width - (hint.width() - body.sizeHint().width()) - body.edges().width()
            height += content.heightForWidth(inside) - content.sizeHint().height()
    return height


class _KeptOnScreen(QObject):
    """Caps the window to the room on the screen it is shown on, and keeps it inside that screen."""

    def __init__(self, wanted: QSize, window: QWidget):
        super().__init__(window)
        self.wanted = wanted

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget) and not (
            watched.isMaximized() or watched.isFullScreen()
        ):
            room = room_for(watched)
            if watched.width() > room.width() or watched.height() > room.height():
                watched.resize(watched.size().boundedTo(room))
            # A dialog not placed by hand is centred on its parent and kept on the screen by Qt, just
            # after this; a window that was placed is moved back on the screen when it stands over an edge.
            if watched.testAttribute(Qt.WidgetAttribute.WA_Moved) and not screen_area(watched).contains(watched.geometry()):
                keep_inside(watched)
        return False


def keep_inside(window: QWidget) -> None:
    """Move ``window`` so that all of it, with its frame, is on its screen's available area."""
    area = screen_area(window)
    frame = window.frameGeometry()
    extra = QSize(max(frame.width() - window.width(), FRAME.width()), max(frame.height() - window.height(), FRAME.height()))
    outer = QSize(window.width() + extra.width(), window.height() + extra.height())
    x = min(max(frame.x(), area.left()), area.left() + area.width() - outer.width())
    y = min(max(frame.y(), area.top()), area.top() + area.height() - outer.height())
    x, y = max(x, area.left()), max(y, area.top())
    if (x, y) != (frame.x(), frame.y()):
        window.move(x, y)


class ScrollingBody(QScrollArea):
    """What a dialog holds, scrolling up and down when the screen is too short for all of it.

    It asks for the whole size of what it holds (a plain QScrollArea asks for at most 24 lines), is
    never narrower than that (no sideways scrolling), and may be as short as a few lines.

    Words that wrap make what they are in as tall as their lines; with ``shrinks_first`` (a page of
    lists and boxes that can get shorter), what it holds is squeezed to its smallest before it scrolls;
    ``smallest`` may say what that is when it is less than what its layout says (call ``updateGeometry``
    on ``widget()`` when it changes). With ``sideways``, it may also be narrower than what it holds, and
    scrolls sideways then, so that a window never grows off its screen (a panel opened beside it)."""

    def __init__(self, content: QWidget | QLayout, parent: QWidget | None = None, shrinks_first: bool = False,
                 smallest: Callable[[], QSize] | None = None, sideways: bool = False):
        super().__init__(parent)
        if isinstance(content, QLayout):
            holder = QWidget()
            holder.setLayout(content)
            content = holder
        self.setWidget(_Squeezable(content, smallest) if shrinks_first else content)
        self.grows = not shrinks_first
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.sideways = sideways
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded if sideways else
                                          Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            # What it holds changed (a list of voices came, a message appeared): the window makes room
            # for it, as far as its screen allows, once the change is laid out.
            self.updateGeometry()
            if self.grows:
                QTimer.singleShot(0, self, self._make_room)
        return super().eventFilter(watched, event)

    def _make_room(self) -> None:
        window, inside = self.window(), self.widget()
        if inside is None or not window.isVisible() or window.isMaximized() or window.isFullScreen():
            return
        width = self.viewport().width()
        wanted = inside.heightForWidth(width) if inside.hasHeightForWidth() else inside.sizeHint().height()
        short = wanted - self.viewport().height()
        if short > 0:
            window.resize(window.width(), min(room_for(window).height(), window.height() + short))

    def edges(self) -> QSize:
        frame = 2 * self.frameWidth()
        return QSize(frame + self.verticalScrollBar().sizeHint().width(), frame)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        inside = self.widget().sizeHint() if self.widget() is not None else QSize()
        edges = self.edges()
        return QSize(inside.width() + edges.width(), inside.height() + edges.height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        inside = self.widget().minimumSizeHint() if self.widget() is not None else QSize()
        edges = self.edges()
        lines = self.fontMetrics().lineSpacing() * 4
        width = min(inside.width(), self.fontMetrics().averageCharWidth() * 24) if self.sideways else inside.width()
        return QSize(width + edges.width(), min(inside.height(), lines) + edges.height())


class _Squeezable(QWidget):
    """Holds a page whose lists get shorter before it needs to scroll. It has no layout of its own, so
    the scroll area gives it the room there is, down to the page's smallest, and never the taller
    size that wrapped words would ask for."""

    def __init__(self, content: QWidget, smallest: Callable[[], QSize] | None = None):
        super().__init__()
        self.content = content
        self.smallest = smallest or content.minimumSizeHint
        content.setParent(self)
        content.show()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return self.content.sizeHint()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return self.smallest()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        self.content.setGeometry(self.rect())

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:  # the page's smallest size may have changed (the zoom)
            self.updateGeometry()
        return super().event(event)


def body_and_buttons(dialog: QWidget, body: QWidget | QLayout, *below: QWidget | QLayout) -> ScrollingBody:
    """Lay out ``dialog``: ``body`` in a ScrollingBody, then what is ``below`` (its buttons), always in view."""
    scrolling = ScrollingBody(body)
    layout = QVBoxLayout(dialog)
    layout.addWidget(scrolling, 1)
    for part in below:
        if isinstance(part, QLayout):
            layout.addLayout(part)
        else:
            layout.addWidget(part)
    return scrolling


# -- rows of words, wrapped whole ----------------------------------------------------------------


class WrappingRows(QStyledItemDelegate):
    """Rows of a list as tall as their words take, wrapped at word boundaries at the list's width now
    (Qt measures wrapped rows at a width of its own, and cuts the last line short with "…")."""

    KEPT = 20_000  # sizes kept, for rows measured before at the same width and in the same font

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._sizes: dict[tuple, QSize] = {}

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # noqa: N802 (Qt's name)
        view = option.widget
        if not isinstance(view, QListView):
            return super().sizeHint(option, index)
        # A list laid out again (a row added to thousands) asks every row its size: the words are
        # measured once for each width and font, not each time.
        width = view.viewport().width() - 2 * view.spacing()
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        key = (text, width, option.font.key(), index.data(Qt.ItemDataRole.DecorationRole) is None)
        size = self._sizes.get(key)
        if size is None:
            hint = super().sizeHint(option, index)
            margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, option, view) + 1
            words = option.fontMetrics.boundingRect(QRect(0, 0, max(1, width - 2 * margin), 100_000),
                                                    Qt.TextFlag.TextWordWrap, text)
            if len(self._sizes) >= self.KEPT:
                self._sizes.clear()
            size = self._sizes[key] = QSize(width, max(hint.height(), words.height() + 2 * margin))
        return QSize(size)


# -- dates shown whole ---------------------------------------------------------------------------


def show_whole_dates(edit: QDateEdit) -> None:
    """Make ``edit`` wide enough for the longest date its format gives in its language, now and after
    its font or language changes (the zoom changes every font)."""
    if edit.findChild(_WholeDates, options=Qt.FindChildOption.FindDirectChildrenOnly) is None:
        edit.installEventFilter(_WholeDates(edit))
    _widen(edit)


def longest_date(edit: QDateEdit) -> str:
    """The widest text ``edit`` can show in its format and language, among a week of each month."""
    locale, shape, metrics = edit.locale(), edit.displayFormat(), edit.fontMetrics()
    year = max(edit.date().year(), 2000)
    texts = [locale.toString(QDate(year, month, day), shape) for month in range(1, 13) for day in range(22, 29)]
    return max(texts, key=metrics.horizontalAdvance)


def _widen(edit: QDateEdit) -> None:
    metrics = edit.fontMetrics()
    locale, shape = edit.locale(), edit.displayFormat()
    # QDateTimeEdit asks for the width of its first and last dates (and its special text), a space and 2
    # pixels, plus its buttons: the same, with the longest date instead, is the width it needs.
    asked = max(metrics.horizontalAdvance(locale.toString(edit.minimumDate(), shape) + " "),
                metrics.horizontalAdvance(locale.toString(edit.maximumDate(), shape) + " "),
                metrics.horizontalAdvance(edit.specialValueText())) + 2
    buttons = edit.sizeHint().width() - asked
    edit.setMinimumWidth(metrics.horizontalAdvance(longest_date(edit) + " ") + 2 + buttons)


class _WholeDates(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.LocaleChange, QEvent.Type.StyleChange):
            edit = self.parent()
            # Just after: the box forgets the size it asked for with its old font when it gets the event.
            QTimer.singleShot(0, edit, lambda: _widen(edit))
        return False


class SideBySide(QObject):
    """Two parts of ``widget`` side by side when it is wide enough for both, one above the other when not.

    ``place(True)`` puts them side by side, ``place(False)`` one above the other. The widget is never
    made wider than the wider part needs, so a narrow window (a laptop with the Plain words panel open,
    or at 125%) never has to scroll sideways."""

    def __init__(self, widget: QWidget, first: QWidget, second: QWidget, place: Callable[[bool], None], gap: int = 12,
                 roomy: bool = False):
        super().__init__(widget)
        self.widget, self.first, self.second, self.place, self.gap = widget, first, second, place, gap
        self.roomy = roomy  # side by side only when the first part can have the room it asks for, not just its least
        self.side_by_side = True  # as laid out at first; the first resize decides
        widget.installEventFilter(self)
        widget.setMinimumWidth(self._needed()[0])

    def _needed(self) -> tuple[int, int]:
        """The widths for one above the other, and for side by side."""
        margins = self.widget.contentsMargins()
        layout = self.widget.layout()
        if layout is not None:
            inner = layout.contentsMargins()
            margins = QMargins(margins.left() + inner.left(), 0, margins.right() + inner.right(), 0)
        edges = margins.left() + margins.right()
        first, second = self.first.minimumSizeHint().width(), self.second.minimumSizeHint().width()
        wanted = max(first, self.first.sizeHint().width()) if self.roomy else first
        return max(first, second) + edges, wanted + second + self.gap + edges

    def _arrange(self) -> None:
        stacked, side_by_side = self._needed()
        self.widget.setMinimumWidth(stacked)
        wanted = self.widget.width() >= side_by_side
        if wanted != self.side_by_side:
            self.side_by_side = wanted
            self.place(wanted)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        # A layout request too: a part's least width changes just after the zoom (the date box widens then).
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Show, QEvent.Type.FontChange, QEvent.Type.LayoutRequest):
            self._arrange()
        return False
