"""Writing down a decision during the session, in the room's own words, and how people agreed.

People agree without phones or reading: the facilitator counts how many held up
agree, not sure and disagree (thumbs or coloured cards), marks "everyone agreed",
or counts the hands for each of a few options, each with a picture. A count goes
up and down one at a time with the + and − keys in its box or its big buttons, or
is typed. Each option shows the picture for its words until the facilitator picks
another, and no two options show the same one (``choosing.option_pictures``).
Nothing typed is thrown away by accident: a bad entry keeps the dialog open with
a message, and Cancel asks first when something was written.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from facilitator.core.choosing import option_pictures, suggested_by
from facilitator.core.deciding import AGREE_PICTURE, DISAGREE_PICTURE, NOT_SURE_PICTURE
from facilitator.core.exchange import LONG_TEXT, MOST_OPTIONS, SHORT_TEXT
from facilitator.core.model import Agreement, Decision, Option
from facilitator.i18n import N_, _
from facilitator.ui.fit import fit_to_screen
from facilitator.ui.picture_picker import PicturePicker
from facilitator.ui.pictures import PictureStore
from facilitator.ui.presenter.writing import WritingDialog
from facilitator.ui.text_fields import refuse_longer

MOST_CHARACTERS = LONG_TEXT  # what a workshop file allows for a decision
MOST_PEOPLE = 10_000
ICON = 40
BIG = 44  # the least a counting button is, in pixels, so it is easy to press (WCAG 2.5.5)
# The keys that count: + (and =, the same key without Shift) one more; - (and _) one less.
STEP_KEYS = {Qt.Key.Key_Plus: 1, Qt.Key.Key_Equal: 1, Qt.Key.Key_Minus: -1, Qt.Key.Key_Underscore: -1}
HELD = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier


def name_too_long(length: int) -> str:
    return _("The name is {length:,} characters long; a name can have at most {limit:,}. Make it shorter.").format(
        length=length, limit=SHORT_TEXT
    )


def who_box(names: list[str], current: str = "") -> QComboBox:
    """A box to pick a person from the workshop's list, or type a name; blank for nobody."""
    box = QComboBox()
    box.setEditable(True)
    box.addItem("")
    for name in names:
        box.addItem(name)
    box.setCurrentText(current)
    refuse_longer(box.lineEdit(), SHORT_TEXT)
    box.lineEdit().setPlaceholderText(_("Nobody in particular"))
    return box


class PictureButton(QToolButton):
    """Shows the chosen picture; pressed, opens the picture picker with ``words`` to search for."""

    picked = Signal()  # the facilitator chose a picture in the picker (or none: "")

    def __init__(self, store: PictureStore, words, picture: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.words = words  # a function giving the words to suggest pictures for
        self.picture = picture
        self.suggested = False  # the picture was chosen for the words, not by the facilitator
        self.setIconSize(QSize(ICON, ICON))
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.clicked.connect(self.choose)
        self.show_picture()

    def choose(self) -> None:
        picker = PicturePicker(self.store, self.words(), self)
        if picker.exec() and picker.chosen is not None:
            self.picture = picker.chosen
            self.suggested = False
            self.show_picture()
            self.picked.emit()
        picker.deleteLater()

    def suggest(self, picture: str) -> None:
        """Show the picture chosen for the words (until the facilitator picks one)."""
        if (picture, True) != (self.picture, self.suggested):
            self.picture, self.suggested = picture, True
            self.show_picture()

    def show_picture(self) -> None:
        name = self.store.words(self.picture)
        if self.picture:
            self.setIcon(QIcon(self.store.pixmap(self.picture, ICON)))
            self.setText(_("Change the picture…"))
        else:
            self.setIcon(QIcon())
            self.setText(_("Choose a picture…"))
        # The name starts with what the button shows, then says which picture it has now.
        if self.picture and self.suggested:
            self.setAccessibleName(_("{button} The picture for these words: {name}.").format(button=self.text(), name=name))
            self.setToolTip(_("The picture for these words: {name}. Press to choose another.").format(name=name))
        else:
            now = _("The picture: {name}.").format(name=name) if self.picture else _("No picture yet.")
            self.setAccessibleName(f"{self.text()} {now}")
            self.setToolTip("")


class CountBox(QSpinBox):
    """How many held up a hand for an answer: typed, or counted one at a time with the + and − keys."""

    def __init__(self, value: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setRange(0, MOST_PEOPLE)
        self.setValue(value)
        self.setMinimumWidth(80)
        self.setMinimumHeight(BIG)
        self.setAccessibleDescription(_("Type the number, or press + for one more and − for one less."))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        step = STEP_KEYS.get(Qt.Key(event.key()))
        if step is not None and not event.modifiers() & HELD:
            self.stepBy(step)  # a number half typed is taken first; never below 0 or above the most
            event.accept()
            return
        super().keyPressEvent(event)


class HandCounter(QWidget):
    """An answer's count between a big − and a big + button."""

    def __init__(self, value: int, answer: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.box = CountBox(value)
        self.less = self._button("−", -1, _("One less (− key)"))
        self.more = self._button("+", 1, _("One more (+ key)"))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        for widget in (self.less, self.box, self.more):
            row.addWidget(widget)
        self.box.valueChanged.connect(self._limits)
        self._limits()
        self.name(answer)

    def _button(self, text: str, step: int, tip: str) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setMinimumSize(BIG, BIG)
        button.setToolTip(tip)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes from count to count; the keys count there
        font = button.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.6)
        button.setFont(font)
        button.clicked.connect(lambda: self._step(step))
        return button

    def _step(self, step: int) -> None:
        self.box.stepBy(step)
        self.box.setFocus()  # the keys go on counting this answer

    def _limits(self) -> None:
        self.less.setEnabled(self.box.value() > self.box.minimum())
        self.more.setEnabled(self.box.value() < self.box.maximum())

    def name(self, answer: str) -> None:
        """Name the box and the buttons for screen readers by the answer they count."""
        self.more.setAccessibleName(_("One more for {answer}").format(answer=answer))
        self.less.setAccessibleName(_("One less for {answer}").format(answer=answer))


class OptionRow(QWidget):
    """One option: its words, its picture and how many chose it."""

    def __init__(self, store: PictureStore, option: Option, remove, parent: QWidget | None = None):
        super().__init__(parent)
        self.words = QLineEdit(option.words)
        refuse_longer(self.words, SHORT_TEXT)
        self.words.setPlaceholderText(_("Words for this option"))
        self.words.setAccessibleName(_("Option"))
        self.picture = PictureButton(store, self.words.text, option.picture)
        self.counter = HandCounter(option.count, "")
        self.count = self.counter.box
        self.remove = QToolButton()
        self.remove.setText(_("Remove"))
        self.remove.setMinimumHeight(BIG)
        self.remove.clicked.connect(lambda: remove(self))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.words, 3)
        row.addWidget(self.picture)
        row.addWidget(self.counter)
        row.addWidget(self.remove)
        self.words.textChanged.connect(self._name)
        self._name()

    def _name(self) -> None:
        words = self.words.text().strip()
        self.count.setAccessibleName(
            _("How many chose {option}").format(option=words) if words else _("How many chose it"))
        self.counter.name(words or _("this option"))

    def option(self) -> Option:
        return Option(self.words.text().strip(), self.picture.picture, self.count.value())

    def chosen_picture(self) -> str:
        """The picture the facilitator chose for this option; "" when it shows the one for its words."""
        return "" if self.picture.suggested else self.picture.picture


class DecisionDialog(WritingDialog):
    """Write a decision (or change one): its words, picture, how people agreed, and whose idea it was."""

    throw_away = N_("Throw away this decision?")

    def __init__(
        self,
        item_title: str,
        store: PictureStore,
        names: list[str] = (),
        decision: Decision | None = None,
        parent: QWidget | None = None,
    ):
        given = decision or Decision("")
        super().__init__(given.text, _("What we decided"), parent)
        self.store = store
        self.setWindowTitle(_("Change the decision") if decision is not None else _("Write down a decision"))
        self.picture = PictureButton(store, self.text.toPlainText, given.picture)

        self.how = QButtonGroup(self)
        self.how_buttons = {}
        how_row = QHBoxLayout()
        for agreement, words in (
            (Agreement.NOT_YET, _("Not asked yet")),
            (Agreement.EVERYONE, _("Everyone agreed")),
            (Agreement.COUNTED, _("We counted")),
            (Agreement.CHOSEN, _("We chose between options")),
        ):
            button = QRadioButton(words)
            self.how.addButton(button)
            self.how_buttons[agreement] = button
            how_row.addWidget(button)
        how_row.addStretch(1)

        self.counts = QWidget()
        grid = QGridLayout(self.counts)
        grid.setContentsMargins(0, 0, 0, 0)
        self.counters = {}
        for row, (name, picture, words, value) in enumerate(
            (
                ("agree", AGREE_PICTURE, _("&Agree"), given.agree),
                ("not sure", NOT_SURE_PICTURE, _("&Not sure"), given.not_sure),
                ("disagree", DISAGREE_PICTURE, _("&Disagree"), given.disagree),
            )
        ):
            counter = HandCounter(value, words.replace("&", ""))
            self.counters[name] = counter
            icon = QLabel()
            icon.setPixmap(store.pixmap(picture, ICON))
            label = QLabel(words)
            label.setBuddy(counter.box)
            counter.box.setAccessibleName(words.replace("&", ""))
            grid.addWidget(icon, row, 0)
            grid.addWidget(label, row, 1)
            grid.addWidget(counter, row, 2)
        grid.setColumnStretch(3, 1)
        self.agree = self.counters["agree"].box
        self.not_sure = self.counters["not sure"].box
        self.disagree = self.counters["disagree"].box
        self.counting = QLabel(_("Count the hands: press + or − in a box, or type the number."))
        self.counting.setWordWrap(True)

        self.options = QWidget()
        self.option_rows: list[OptionRow] = []
        self.suggest = suggested_by(store.catalogue)
        listed = QWidget()
        self.option_list = QVBoxLayout(listed)
        self.option_list.setContentsMargins(0, 0, 0, 0)
        self.option_list.addStretch(1)
        self.option_scroll = QScrollArea()  # many options scroll, so the dialog still fits a laptop's screen
        self.option_scroll.setWidget(listed)
        self.option_scroll.setWidgetResizable(True)
        self.option_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.option_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.add_option_button = QPushButton(_("Add an &option"))
        self.add_option_button.clicked.connect(lambda: self.add_option(Option(""), focus=True))
        options_layout = QVBoxLayout(self.options)
        options_layout.setContentsMargins(0, 0, 0, 0)
        options_layout.addWidget(self.option_scroll, 1)
        options_layout.addWidget(self.add_option_button, 0, Qt.AlignmentFlag.AlignLeft)
        for option in given.options or [Option(""), Option("")]:
            self.add_option(option)
        self._settle_pictures(given.options)

        self.who = who_box(list(names), given.suggested_by)
        self.who.setAccessibleName(_("Whose idea was it?"))
        self.read_back = QCheckBox(_("Show it on the big screen to read back"))
        self.read_back.setChecked(True)

        label = QLabel(_("What did we decide? Write it in the room's own words."))
        label.setWordWrap(True)
        label.setBuddy(self.text)
        who_label = QLabel(_("&Whose idea was it? (optional)"))
        who_label.setBuddy(self.who)
        layout = QVBoxLayout(self)
        self.add_during(layout, item_title)
        layout.addWidget(label)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.picture, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(QLabel(_("<b>How did people agree?</b>")))
        layout.addLayout(how_row)
        layout.addWidget(self.counting)
        layout.addWidget(self.counts)
        layout.addWidget(self.options, 2)
        layout.addWidget(who_label)
        layout.addWidget(self.who)
        layout.addWidget(self.problem)
        layout.addWidget(self.read_back)
        layout.addWidget(self.buttons)
        self.how.buttonToggled.connect(self._how_changed)
        self.how_buttons[given.agreement].setChecked(True)
        self._how_changed()
        # Tall enough for the options, as far as the screen allows; more of them scroll.
        fit_to_screen(self, 720, max(560, self.sizeHint().height()))

    def agreement(self) -> Agreement:
        return next(agreement for agreement, button in self.how_buttons.items() if button.isChecked())

    def _how_changed(self, *args) -> None:
        agreement = self.agreement()
        self.counts.setVisible(agreement is Agreement.COUNTED)
        self.options.setVisible(agreement is Agreement.CHOSEN)
        self.counting.setVisible(agreement in (Agreement.COUNTED, Agreement.CHOSEN))

    def add_option(self, option: Option, focus: bool = False) -> None:
        if len(self.option_rows) >= MOST_OPTIONS:
            self.tell(_("There can be at most {count} options.").format(count=MOST_OPTIONS))
            return
        row = OptionRow(self.store, option, self._remove_option)
        self.option_rows.append(row)
        self.option_list.insertWidget(self.option_list.count() - 1, row)  # before the stretch
        self.add_option_button.setEnabled(len(self.option_rows) < MOST_OPTIONS)
        row.words.textChanged.connect(self._show_pictures)
        row.picture.picked.connect(self._show_pictures)
        self._show_pictures()
        if focus:
            row.words.setFocus()
            self.option_scroll.ensureWidgetVisible(row)

    def _remove_option(self, row: OptionRow) -> None:
        self.option_rows.remove(row)
        row.hide()
        row.deleteLater()
        self.add_option_button.setEnabled(True)
        self._show_pictures()

    def _settle_pictures(self, given: list[Option]) -> None:
        """Say which of a decision's option pictures were chosen for their words: those go on following them."""
        for n, row in enumerate(self.option_rows[: len(given)]):
            if row.picture.picture:
                others = [Option(o.words, "" if m == n else o.picture) for m, o in enumerate(given)]
                if option_pictures(others, self.suggest)[n] == row.picture.picture:
                    row.picture.suggested = True
                    row.picture.show_picture()
        self._show_pictures()

    def _show_pictures(self, *args) -> None:
        """Give each option the picture for its words, unless the facilitator chose one: never two the same."""
        options = [Option(row.words.text(), row.chosen_picture()) for row in self.option_rows]
        for row, picture in zip(self.option_rows, option_pictures(options, self.suggest)):
            if not row.chosen_picture():
                row.picture.suggest(picture)

    def decision(self, base: Decision | None = None) -> Decision:
        """The decision as written in the dialog; ``base`` gives the id, the item and whether it was agreed."""
        agreement = self.agreement()
        counted = agreement is Agreement.COUNTED
        options = [row.option() for row in self.option_rows if row.option().words] if agreement is Agreement.CHOSEN else []
        made = Decision(
            self.written(),
            picture=self.picture.picture,
            agreement=agreement,
            agree=self.agree.value() if counted else 0,
            not_sure=self.not_sure.value() if counted else 0,
            disagree=self.disagree.value() if counted else 0,
            options=options,
            suggested_by=self.who.currentText().strip(),
        )
        if base is not None:
            made.id, made.agenda_item_id = base.id, base.agenda_item_id
            made.agreed = base.agreed and made.text == base.text
        return made

    def problem_with(self) -> str:
        """What stops the decision being saved, in words; "" when nothing does."""
        text = self.written()
        if not text:
            return _("Write what was decided first, or press Cancel.")
        if len(text) > MOST_CHARACTERS:
            return _("This is {length:,} characters long; a decision can have at most {limit:,}. Make it shorter.").format(
                length=len(text), limit=MOST_CHARACTERS
            )
        who = self.who.currentText().strip()
        if len(who) > SHORT_TEXT:
            return name_too_long(len(who))
        agreement = self.agreement()
        if agreement is Agreement.COUNTED and not (self.agree.value() or self.not_sure.value() or self.disagree.value()):
            return _("Type how many people agree, are not sure and disagree, or choose “Not asked yet”.")
        if agreement is Agreement.CHOSEN:
            for n, row in enumerate(self.option_rows, start=1):
                option = row.option()
                if len(option.words) > SHORT_TEXT:
                    return _("Option {n} is {length:,} characters long; an option can have at most {limit:,}. "
                             "Make it shorter.").format(n=n, length=len(option.words), limit=SHORT_TEXT)
                if not option.words and (option.count or option.picture):
                    return _("Option {n} has a picture or a number but no words. Write its words, or remove it.").format(n=n)
        if agreement is Agreement.CHOSEN and len([row for row in self.option_rows if row.option().words]) < 2:
            return _("Write at least two options to choose between, or choose another way of agreeing.")
        return ""
