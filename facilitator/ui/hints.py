"""Underlines what the easy-read checker finds as the facilitator types, with the fix one click away.

Hard words get a wavy underline, words that can divide people a dashed one,
and long sentences or paragraphs a dotted one (``underlines.py``): the shape,
not only the colour, tells them apart, and every reason says the kind in words.
Hovering shows the reason and the suggestion; so does Shift+F1 at the cursor,
which also says it to a screen reader. The right-click menu starts with the
reason (a line the arrow keys reach, which says it again), then the
replacement, "Look up", and the usual editing commands. Under the box, a list
of what to look at (``findings_list.py``) gives a screen reader every
underline. Each paragraph is checked by itself when it changes, so a key press
re-checks one paragraph, not the whole text.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QPalette, QSyntaxHighlighter, QTextCursor
from PySide6.QtWidgets import QLabel, QMenu, QPlainTextEdit, QToolTip, QWidgetAction

from facilitator.i18n import _, ngettext
from facilitator.language.checker import Finding
from facilitator.ui.findings_list import FindingsList
from facilitator.ui.plain_words import PlainWords
from facilitator.ui.telling import announce
from facilitator.ui.text_fields import TextCommitter
from facilitator.ui.underlines import LOOKS, underline_format

MENU_TEXT = 70
REACH = 3_000  # the characters underlined each side of what a long paragraph's box shows
MOST_LONG_PARAGRAPHS = 100  # long paragraphs whose underlined part is remembered
LOOK_UP_KEY = "Ctrl+L"  # the window's Edit ▸ Look up a word
SAY_KEY = "Shift+F1"  # in a checked box: say what is underlined at the cursor (Qt's "What's this?" key)


def hints_of(widget) -> Hints | None:
    """The ``Hints`` of a text box, if it has them."""
    return getattr(widget, "plain_words_hints", None)


class HintHighlighter(QSyntaxHighlighter):
    """Underlines what the checker finds, paragraph by paragraph.

    A very long paragraph is underlined only around the part the box shows (``REACH`` characters
    each side of it, or of the place being typed at), and again as the box is scrolled: Qt lays out
    a paragraph again on every key press, and each underline makes that slower."""

    def __init__(self, edit: QPlainTextEdit, plain_words: PlainWords):
        super().__init__(edit.document())
        self.edit = edit
        self.plain_words = plain_words
        self.formats = {kind: underline_format(kind) for kind in LOOKS}
        self.default = underline_format("")
        self.reach = REACH
        self._asked: tuple[int, int] | None = None  # a paragraph's place and where in it the box shows
        self._underlined: dict[int, tuple[int, int, int]] = {}  # a long paragraph's place: (length, from, to)
        self._follow = QTimer(self, singleShot=True, interval=0)
        self._follow.timeout.connect(self.follow_the_box)
        edit.updateRequest.connect(self._box_changed)
        plain_words.changed.connect(self.rehighlight)

    def highlightBlock(self, text: str) -> None:  # noqa: N802 (Qt's name)
        """Underline what is found in one paragraph (of the box: up to a line break).

        A key press changes one sentence: the others cost a look-up (see ``TypingChecker``)."""
        formats, default = self.formats, self.default
        low, high = self._part_to_underline(len(text))
        long_parts: list[tuple[int, int]] = []
        for part in self.plain_words.parts_when_ready(text, low, high):
            # Longest first, so a hard word inside a long sentence keeps its own underline.
            findings = sorted(part.findings, key=_longest_first) if len(part.findings) > 1 else part.findings
            for finding in findings:
                start, end = part.start + finding.start, part.start + finding.end
                if finding.kind == "long-paragraph":
                    long_parts.append((start, end))
                elif finding.kind == "long-sentence" and any(s <= start and end <= e for s, e in long_parts):
                    continue  # the paragraph's underline, drawn already, looks the same
                start, end = max(start, low), min(end, high)
                if end > start:
                    self.setFormat(start, end - start, formats.get(finding.kind, default))

    def _part_to_underline(self, length: int) -> tuple[int, int]:
        """Where to underline in a paragraph: all of it, or around what the box shows of a long one."""
        place = self.currentBlock().position()
        if length <= 2 * self.reach:
            self._underlined.pop(place, None)
            return 0, length
        if self._asked is not None and self._asked[0] == place:
            middle = self._asked[1]
        else:
            middle = min(max(self.edit.textCursor().position() - place, 0), length)
        low, high = max(0, middle - self.reach), min(length, middle + self.reach)
        if len(self._underlined) > MOST_LONG_PARAGRAPHS:
            self._underlined.clear()
        self._underlined[place] = (length, low, high)
        return low, high

    def _box_changed(self, rect, scrolled: int) -> None:
        if scrolled or rect.contains(self.edit.viewport().rect()):
            self._follow.start()

    def follow_the_box(self) -> None:
        """Underline the part of a long paragraph the box shows now, if it was not underlined yet."""
        edit = self.edit
        shown = edit.viewport().rect()
        top = edit.cursorForPosition(shown.topLeft()).position()
        bottom = edit.cursorForPosition(shown.bottomRight()).position()
        self.reach = max(REACH, bottom - top)  # a big box showing a lot underlines all it shows
        block = edit.document().findBlock(top)
        while block.isValid() and block.position() <= bottom:
            place, length = block.position(), block.length() - 1
            low, high = max(top - place, 0), min(bottom - place, length)
            known = self._underlined.get(place)  # None: all of it was underlined, if it is not long now
            whole = known is None and length <= 2 * self.reach
            if not whole and (known is None or known[0] != length or low < known[1] or high > known[2]):
                self._asked = (place, (low + high) // 2)
                try:
                    self.rehighlightBlock(block)
                finally:
                    self._asked = None
            block = block.next()


def _longest_first(finding: Finding) -> int:
    return finding.start - finding.end


class Hints(QObject):
    """Underlines, tooltips, the fix-it menu, the list of what to look at and Shift+F1 for one text box."""

    def __init__(self, edit: QPlainTextEdit, plain_words: PlainWords, committer: TextCommitter | None = None):
        super().__init__(edit)
        self.edit = edit
        self.plain_words = plain_words
        self.committer = committer
        self.highlighter = HintHighlighter(edit, plain_words)
        edit.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        edit.customContextMenuRequested.connect(self._menu)
        edit.viewport().installEventFilter(self)
        edit.plain_words_hints = self  # the window's "Look up" (Ctrl+L) finds the word here
        self.findings = FindingsList(edit, plain_words)  # goes under the box when the box is first shown
        self.say_action = QAction(_("Say what is underlined here"), edit)
        self.say_action.setShortcut(QKeySequence(SAY_KEY))
        self.say_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.say_action.triggered.connect(self.say_here)
        edit.addAction(self.say_action)

    def findings_at(self, position: int) -> list[Finding]:
        """What the checker says about the place ``position`` in the text, smallest first."""
        block = self.edit.document().findBlock(position)
        inside = position - block.position()
        found = [f for f in self.plain_words.check(block.text(), inside, inside) if f.start <= inside <= f.end]
        return sorted(found, key=lambda f: f.end - f.start)

    def replace(self, position: int, finding: Finding, replacement: str) -> None:
        """Put ``replacement`` where ``finding`` is: one step for undo, apart from the typing before it."""
        if self.committer is not None:
            self.committer.flush()
            self.plain_words.seal()
        block = self.edit.document().findBlock(position)
        cursor = QTextCursor(self.edit.document())
        cursor.setPosition(block.position() + finding.start)
        cursor.setPosition(block.position() + finding.end, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(replacement)
        self.edit.setTextCursor(cursor)
        if self.committer is not None:
            self.committer.flush()

    def word_at(self, position: int) -> str:
        """The glossary term at ``position``, or the word there."""
        for finding in self.findings_at(position):
            if finding.term:
                return finding.term
        cursor = QTextCursor(self.edit.document())
        cursor.setPosition(position)
        cursor.select(QTextCursor.SelectionType.WordUnderCursor)
        return cursor.selectedText()

    def say_here(self) -> None:
        """Say what is underlined at the cursor (the start of a selection), beside it and to a screen reader."""
        cursor = self.edit.textCursor()
        position = cursor.selectionStart() if cursor.hasSelection() else cursor.position()
        found = self.findings_at(position)
        if found:
            words = spoken(found)
        else:
            words = _("Nothing is underlined here.")
            if self.findings.total:
                words += " " + ngettext("The list under the box has {count} thing to look at.",
                                        "The list under the box has {count} things to look at.",
                                        self.findings.total).format(count=self.findings.total)
        self.show_and_say(position, words)

    def show_and_say(self, position: int, words: str) -> None:
        """Show ``words`` just under the place ``position`` in the box, and say them to a screen reader."""
        cursor = QTextCursor(self.edit.document())
        cursor.setPosition(min(position, self.edit.document().characterCount() - 1))
        place = self.edit.cursorRect(cursor).bottomLeft() + QPoint(0, 2)
        QToolTip.showText(self.edit.viewport().mapToGlobal(place), wrapped(words), self.edit)
        announce(self.edit, words)

    def look_up_here(self) -> None:
        cursor = self.edit.textCursor()
        text = cursor.selectedText() if cursor.hasSelection() else self.word_at(cursor.position())
        self.plain_words.look_up(text)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.ToolTip:
            position = self.edit.cursorForPosition(event.pos()).position()
            found = self.findings_at(position)
            if found:
                QToolTip.showText(event.globalPos(), tooltip_text(found), self.edit)
            else:
                QToolTip.hideText()
            return True
        return super().eventFilter(watched, event)

    def _menu(self, point) -> None:
        menu = self.menu_at(self.edit.cursorForPosition(point).position())
        menu.exec(self.edit.viewport().mapToGlobal(point))
        menu.deleteLater()

    def menu_at(self, position: int) -> QMenu:
        """The right-click menu: fixes for what is at ``position``, then look-up, then the usual commands."""
        menu = self.edit.createStandardContextMenu()
        first = menu.actions()[0] if menu.actions() else None
        items: list[QAction] = []
        for finding in self.findings_at(position):
            # Why it is underlined, and what to do if there is no fix to choose; choosing it says it all again.
            reason = reason_item(menu, finding.message, "" if finding.replacements else finding.suggestion)
            reason.triggered.connect(lambda _c=False, f=finding: self.show_and_say(position, spoken([f])))
            items.append(reason)
            for replacement in finding.replacements[:4]:
                use = QAction(_("Use “{words}”").format(words=replacement), menu)
                use.triggered.connect(lambda _c=False, f=finding, r=replacement: self.replace(position, f, r))
                items.append(use)
        word = self.word_at(position)
        if word.strip():
            look = QAction(_("Look up “{word}”").format(word=word.strip()), menu)
            look.setShortcut(QKeySequence(LOOK_UP_KEY))
            look.triggered.connect(lambda _c=False, w=word: self.plain_words.look_up(w))
            items.append(look)
        cursor = self.edit.textCursor()
        said = cursor.selectedText().replace("\u2029", "\n") if cursor.hasSelection() else self.edit.toPlainText()
        if said.strip():
            read = QAction(_("Read the selected words aloud") if cursor.hasSelection() else _("Read this aloud"), menu)
            read.triggered.connect(lambda _c=False, t=said: self.plain_words.read_aloud_requested.emit(t))
            items.append(read)
        for item in items:
            menu.insertAction(first, item)
        if first is not None and items:
            menu.insertSeparator(first)
        return menu


def reason_item(menu: QMenu, reason: str, suggestion: str = "") -> QWidgetAction:
    """The reason in bold, then the suggestion, in the menu's own text colour, wrapped to a readable width.

    The arrow keys reach it like any item, and it is lit up as they do, so a screen reader reads it;
    choosing it says the reason again (the caller connects ``triggered``)."""
    item = QWidgetAction(menu)
    label = ReasonLabel(menu, item, f"<b>{html.escape(reason)}</b>" + (f"<br>{html.escape(suggestion)}" if suggestion else ""))
    metrics = label.fontMetrics()
    side = metrics.height()
    label.setContentsMargins(side, side // 4, side, side // 4)
    longest = max(metrics.horizontalAdvance(line) for line in (reason, suggestion))
    width = min(longest + 3 * side, metrics.averageCharWidth() * MENU_TEXT)
    label.setFixedWidth(width)
    label.setFixedHeight(label.heightForWidth(width))
    item.setText(f"{reason} {suggestion}".strip().replace("&", "&&"))  # for screen readers; the label is drawn
    item.setDefaultWidget(label)
    return item


class ReasonLabel(QLabel):
    """A reason in a menu, lit up in the menu's highlight colours while it is the menu's active item."""

    def __init__(self, menu: QMenu, item: QWidgetAction, text: str):
        super().__init__(text)
        self.menu, self.item = menu, item
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setWordWrap(True)
        self.setAutoFillBackground(True)
        self.normal = QPalette(menu.palette())
        self.lit = QPalette(self.normal)
        self.lit.setColor(QPalette.ColorRole.Window, self.normal.color(QPalette.ColorRole.Highlight))
        self.lit.setColor(QPalette.ColorRole.WindowText, self.normal.color(QPalette.ColorRole.HighlightedText))
        self.setPalette(self.normal)
        menu.hovered.connect(lambda _action: self.update())

    def is_lit(self) -> bool:
        return self.menu.activeAction() is self.item

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        wanted = self.lit if self.is_lit() else self.normal
        if self.palette() != wanted:
            self.setPalette(wanted)  # draws again, in the colours wanted
        super().paintEvent(event)


def tooltip_text(found: list[Finding]) -> str:
    return "\n\n".join(f"{finding.message}\n{finding.suggestion}" for finding in found)


def spoken(found: list[Finding]) -> str:
    """The reasons and suggestions for ``found``, as sentences to say one after another."""
    return " ".join(f"{finding.message} {finding.suggestion}" for finding in found)


def wrapped(words: str) -> str:
    """``words`` as a tip that wraps to a few lines beside the box, not one line across the window."""
    return f"<p>{html.escape(words)}</p>"
