"""What to look at in a checked text box: the checker's findings as a list a screen reader can read.

The underlines are drawn in the box's own layout, and nothing reports them to a
screen reader. So under a checked box there is a short list, one whole sentence
a row ("“care package” is a hard word. Say “the help you get” instead."), with
the same line beside each row as under the words. Tab reaches it from the box;
choosing a row (Enter, or a click) puts the cursor on those words in the box.

The list is made again only after typing pauses (the pause the box saves after),
from what the checker remembers of each sentence, and lists the first
``MOST_LISTED`` things with "and N more": a 5,000-word paragraph costs nothing
extra per key press. It is hidden when there is nothing to look at.
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLayout,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from facilitator.i18n import _, ngettext
from facilitator.language.checker import Finding
from facilitator.language.sentences import sentences, word_count
from facilitator.language.words import is_capitals
from facilitator.ui.plain_words import PlainWords
from facilitator.ui.text_fields import PAUSE_MS
from facilitator.ui.underlines import sample

MOST_LISTED = 50  # rows listed; the rest are counted in one more row
ROWS_SHOWN = 3  # rows seen before the list scrolls
MOST_LINES = 5  # lines of words the list is at most high
QUOTED = 40  # characters quoted from the start of a long sentence or part
WHOLE_KINDS = ("long-sentence", "long-paragraph")  # the cursor goes to their start; the others are selected
PLACE_ROLE = Qt.ItemDataRole.UserRole + 1  # (start, end, kind) in the box's text


@lru_cache(maxsize=512)
def row_words(finding: Finding) -> str:
    """One row of the list: what the words are, by kind, in a whole sentence, then what to do."""
    words = " ".join(finding.text.split())
    kind = finding.kind
    if kind == "long-sentence":
        count = word_count(finding.text)
        said = ngettext("A long sentence of {count} word: “{start}”.", "A long sentence of {count} words: “{start}”.",
                        count).format(count=count, start=_start_of(words))
    elif kind == "long-paragraph":
        count = len(sentences(finding.text))
        said = ngettext("A long part of {count} sentence, starting “{start}”.",
                        "A long part of {count} sentences, starting “{start}”.", count).format(
            count=count, start=_start_of(words))
    elif kind == "divides":
        said = _("“{words}” is a word that can divide people.").format(words=words)
    elif kind == "initials" or (kind == "jargon" and is_capitals(words)):
        said = _("“{words}” is initials.").format(words=words)
    elif kind == "jargon":
        said = _("“{words}” is a hard word.").format(words=words)
    elif kind == "hard-word":
        said = _("“{words}” is a word many people find hard.").format(words=words)
    elif kind == "formal-word":
        said = _("“{words}” is a formal word.").format(words=words)
    elif kind == "number-word":
        said = _("“{words}” is a number in words.").format(words=words)
    else:  # the reason says the kind: passive, italics, capitals, dates
        said = _("“{words}”: {reason}").format(words=_start_of(words), reason=finding.message)
    return f"{said} {finding.suggestion}"


def _start_of(words: str) -> str:
    if len(words) <= QUOTED:
        return words
    cut = words.rfind(" ", 0, QUOTED)
    return words[:cut if cut > 0 else QUOTED] + "…"


def findings_in(edit: QPlainTextEdit, plain_words: PlainWords, most: int = MOST_LISTED
                ) -> tuple[list[tuple[int, int, Finding]], int]:
    """The first ``most`` findings in the box, placed in its text and in order, and how many there are in all."""
    listed: list[tuple[int, int, Finding]] = []
    total = 0
    block = edit.document().firstBlock()
    while block.isValid():
        text = block.text()
        if text.strip():
            place = block.position()
            for part in plain_words.parts_when_ready(text):
                total += len(part.findings)
                start = place + part.start
                listed += [(start + f.start, start + f.end, f) for f in part.findings[:max(0, most - len(listed))]]
        block = block.next()
    listed.sort(key=lambda found: (found[0], -found[1]))
    return listed, total


class FindingsList(QWidget):
    """What to look at in ``edit``, in a list that places itself under the box when the box is first shown."""

    def __init__(self, edit: QPlainTextEdit, plain_words: PlainWords):
        super().__init__(edit)  # hidden inside the box until it is placed under it
        self.hide()
        self.edit = edit
        self.plain_words = plain_words
        self.placed = False
        self.total = 0
        self._rows: list[tuple[int, int, str, str]] = []  # what the list shows: (start, end, words, kind)
        self._icons: dict[tuple[str, int], object] = {}
        self.heading = QLabel()
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setWordWrap(True)
        self.rows = QListWidget()
        self.rows.setWordWrap(True)
        self.rows.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.rows.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.rows.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.rows.setSpacing(1)  # a little room between rows of several lines
        self.rows.setAccessibleDescription(_("Press Enter on a row to go to those words in the box. "
                                             "In the box, Shift+F1 says what is underlined at the cursor."))
        self.heading.setBuddy(self.rows)
        self.setFocusProxy(self.rows)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.heading)
        layout.addWidget(self.rows)
        self.rows.itemActivated.connect(self.choose)
        self.rows.itemClicked.connect(self.choose)
        self._pause = QTimer(self, singleShot=True, interval=PAUSE_MS)
        self._pause.timeout.connect(self.refresh)
        self._refit = QTimer(self, singleShot=True, interval=0)  # after a resize has been laid out
        self._refit.timeout.connect(self._fit)
        edit.document().contentsChanged.connect(self._pause.start)
        plain_words.changed.connect(self._pause.start)
        edit.installEventFilter(self)
        self.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        kind = event.type()
        if watched is self.edit and kind in (QEvent.Type.Show, QEvent.Type.EnabledChange):
            self._pause.start()
        elif watched is self and kind in (QEvent.Type.Resize, QEvent.Type.FontChange):
            if kind == QEvent.Type.FontChange and self._rows:
                self._show_rows(self._rows, self.total)  # the lines beside the rows drawn at the new size
            self._refit.start()
        return False

    def refresh(self) -> None:
        """List what the checker finds in the box now (after a pause in typing)."""
        self._pause.stop()
        if not self.edit.isVisible():
            return  # the box's Show brings the list up to date
        if not self.placed:
            self.placed = place_below(self.edit, self)
            if not self.placed:
                return  # a box on its own, in no layout: its underlines are all it has
            QWidget.setTabOrder(self.edit, self.rows)
        listed, total = findings_in(self.edit, self.plain_words)
        rows = [(start, end, row_words(finding), finding.kind) for start, end, finding in listed]
        name = self.edit.accessibleName() or _("this box")
        self.rows.setAccessibleName(_("What to look at in “{box}”").format(box=name))
        if rows != self._rows or total != self.total:
            self._show_rows(rows, total)
        wanted = bool(total) and self.edit.isEnabled()
        if not wanted and self.rows.hasFocus():
            self.edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.setVisible(wanted)
        self._fit()

    def _show_rows(self, rows: list[tuple[int, int, str, str]], total: int) -> None:
        current = self.rows.currentItem().text() if self.rows.currentItem() is not None else None
        self._rows, self.total = rows, total
        self.rows.clear()
        side = self.rows.fontMetrics().height()
        self.rows.setIconSize(QSize(2 * side, side))
        for start, end, words, kind in rows:
            item = QListWidgetItem(self._icon(kind, side), words)
            item.setData(PLACE_ROLE, (start, end, kind))
            self.rows.addItem(item)
            if words == current:
                self.rows.setCurrentItem(item)
        if total > len(rows):
            more = total - len(rows)
            self.rows.addItem(ngettext("And {count} more, not listed here. Put right the ones above to see it.",
                                       "And {count} more, not listed here. Put right the ones above to see them.",
                                       more).format(count=more))
        self.heading.setText(ngettext("What to look at: {count} thing", "What to look at: {count} things",
                                      total).format(count=total))

    def _icon(self, kind: str, side: int):
        key = (kind, side)
        if key not in self._icons:
            self._icons[key] = sample(kind, 2 * side, side)
        return self._icons[key]

    def _fit(self) -> None:
        """As high as the first few rows, never more than a few lines: the form below stays in view."""
        rows = self.rows
        if not rows.count():
            return
        rows.doItemsLayout()
        first, last = rows.visualItemRect(rows.item(0)), rows.visualItemRect(rows.item(min(rows.count(), ROWS_SHOWN) - 1))
        shown = last.bottom() - first.top() + 1 + 2 * rows.spacing()
        most = rows.fontMetrics().lineSpacing() * MOST_LINES
        height = min(shown, most) + 2 * rows.frameWidth()
        if rows.height() != height:
            rows.setFixedHeight(height)

    def choose(self, item: QListWidgetItem) -> None:
        """Put the cursor on the words of ``item`` in the box: selected, or at the start of a long sentence."""
        place = item.data(PLACE_ROLE)
        if not place:
            return
        start, end, kind = place
        last = self.edit.document().characterCount() - 1
        cursor = QTextCursor(self.edit.document())
        cursor.setPosition(min(start, last))
        if kind not in WHOLE_KINDS:
            cursor.setPosition(min(end, last), QTextCursor.MoveMode.KeepAnchor)
        self.edit.setTextCursor(cursor)
        self.edit.ensureCursorVisible()
        self.edit.setFocus(Qt.FocusReason.OtherFocusReason)


def place_below(box: QWidget, widget: QWidget) -> bool:
    """Put ``widget`` just under ``box`` in whatever layout holds the box; False when no layout does.

    The box and the widget go into a column of their own where the box was, so the box keeps its
    label (a form's row), its cell (a grid's) or its place (a row's), and its parent: Tab order and
    Alt letters stay as they were."""
    holder = box.parentWidget()
    found = _holding(holder.layout(), box) if holder is not None and holder.layout() is not None else None
    if found is None:
        return False
    layout, index = found
    alignment = layout.itemAt(index).alignment()
    column = QVBoxLayout()
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(max(2, box.fontMetrics().height() // 4))
    if isinstance(layout, QFormLayout):
        row, role = layout.getWidgetPosition(box)
        layout.removeWidget(box)
        layout.setLayout(row, role, column)
    elif isinstance(layout, QGridLayout):
        row, column_at, rows, columns = layout.getItemPosition(index)
        layout.removeWidget(box)
        layout.addLayout(column, row, column_at, rows, columns, alignment)
    elif isinstance(layout, QBoxLayout):
        stretch = layout.stretch(index)
        layout.removeWidget(box)
        layout.insertLayout(index, column, stretch)
    else:
        return False
    column.addWidget(box)
    column.addWidget(widget)
    return True


def _holding(layout: QLayout, widget: QWidget) -> tuple[QLayout, int] | None:
    for index in range(layout.count()):
        item = layout.itemAt(index)
        if item.widget() is widget:
            return layout, index
        inner = item.layout()
        if inner is not None:
            found = _holding(inner, widget)
            if found is not None:
                return found
    return None
