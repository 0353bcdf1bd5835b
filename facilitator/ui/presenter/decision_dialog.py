"""Writing down a decision during the session, in the room's own words, and how people agreed.

People agree without phones or reading: the facilitator taps in how many held up
agree, not sure and disagree (thumbs or coloured cards), marks "everyone agreed",
or counts the hands for each of a few options, each with a picture. Nothing typed
is thrown away by accident: a bad entry keeps the dialog open with a message, and
Cancel asks first when something was written.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from facilitator.core.deciding import AGREE_PICTURE, DISAGREE_PICTURE, NOT_SURE_PICTURE
from facilitator.core.exchange import LONG_TEXT, MOST_OPTIONS, SHORT_TEXT
from facilitator.core.model import Agreement, Decision, Option
from facilitator.i18n import N_, _
from facilitator.ui.fit import fit_to_screen
from facilitator.ui.picture_picker import PicturePicker
from facilitator.ui.pictures import PictureStore
from facilitator.ui.presenter.writing import WritingDialog

MOST_CHARACTERS = LONG_TEXT  # what a workshop file allows for a decision
MOST_PEOPLE = 10_000
ICON = 40


def who_box(names: list[str], current: str = "") -> QComboBox:
    """A box to pick a person from the workshop's list, or type a name; blank for nobody."""
    box = QComboBox()
    box.setEditable(True)
    box.addItem("")
    for name in names:
        box.addItem(name)
    box.setCurrentText(current)
    box.lineEdit().setMaxLength(SHORT_TEXT)
    box.lineEdit().setPlaceholderText(_("Nobody in particular"))
    return box


class PictureButton(QToolButton):
    """Shows the chosen picture; pressed, opens the picture picker with ``words`` to search for."""

    def __init__(self, store: PictureStore, words, picture: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.words = words  # a function giving the words to suggest pictures for
        self.picture = picture
        self.setIconSize(QSize(ICON, ICON))
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.clicked.connect(self.choose)
        self.show_picture()

    def choose(self) -> None:
        picker = PicturePicker(self.store, self.words(), self)
        if picker.exec() and picker.chosen is not None:
            self.picture = picker.chosen
            self.show_picture()
        picker.deleteLater()

    def show_picture(self) -> None:
        if self.picture:
            self.setIcon(QIcon(self.store.pixmap(self.picture, ICON)))
            self.setText(_("Change the picture…"))
        else:
            self.setIcon(QIcon())
            self.setText(_("Choose a picture…"))
        self.setAccessibleName(_("Picture: {name}").format(name=self.store.words(self.picture)) if self.picture else _("No picture"))


class OptionRow(QWidget):
    """One option: its words, its picture and how many chose it."""

    def __init__(self, store: PictureStore, option: Option, remove, parent: QWidget | None = None):
        super().__init__(parent)
        self.words = QLineEdit(option.words)
        self.words.setMaxLength(SHORT_TEXT)
        self.words.setPlaceholderText(_("Words for this option"))
        self.words.setAccessibleName(_("Option"))
        self.picture = PictureButton(store, self.words.text, option.picture)
        self.count = QSpinBox()
        self.count.setRange(0, MOST_PEOPLE)
        self.count.setValue(option.count)
        self.count.setAccessibleName(_("How many chose it"))
        self.remove = QToolButton()
        self.remove.setText(_("Remove"))
        self.remove.clicked.connect(lambda: remove(self))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.words, 3)
        row.addWidget(self.picture)
        row.addWidget(self.count)
        row.addWidget(self.remove)

    def option(self) -> Option:
        return Option(self.words.text().strip(), self.picture.picture, self.count.value())


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
        self.agree = self._count_box(given.agree)
        self.not_sure = self._count_box(given.not_sure)
        self.disagree = self._count_box(given.disagree)
        for column, (picture, words, box) in enumerate(
            (
                (AGREE_PICTURE, _("&Agree"), self.agree),
                (NOT_SURE_PICTURE, _("&Not sure"), self.not_sure),
                (DISAGREE_PICTURE, _("&Disagree"), self.disagree),
            )
        ):
            icon = QLabel()
            icon.setPixmap(store.pixmap(picture, ICON))
            label = QLabel(words)
            label.setBuddy(box)
            box.setAccessibleName(words.replace("&", ""))
            grid.addWidget(icon, 0, column * 3)
            grid.addWidget(label, 0, column * 3 + 1)
            grid.addWidget(box, 0, column * 3 + 2)
        grid.setColumnStretch(9, 1)

        self.options = QWidget()
        self.option_rows: list[OptionRow] = []
        self.option_list = QVBoxLayout()
        self.add_option_button = QPushButton(_("Add an &option"))
        self.add_option_button.clicked.connect(lambda: self.add_option(Option(""), focus=True))
        options_layout = QVBoxLayout(self.options)
        options_layout.setContentsMargins(0, 0, 0, 0)
        options_layout.addLayout(self.option_list)
        options_layout.addWidget(self.add_option_button, 0, Qt.AlignmentFlag.AlignLeft)
        for option in given.options or [Option(""), Option("")]:
            self.add_option(option)

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
        layout.addWidget(self.counts)
        layout.addWidget(self.options)
        layout.addWidget(who_label)
        layout.addWidget(self.who)
        layout.addWidget(self.problem)
        layout.addWidget(self.read_back)
        layout.addWidget(self.buttons)
        self.how.buttonToggled.connect(self._how_changed)
        self.how_buttons[given.agreement].setChecked(True)
        self._how_changed()
        fit_to_screen(self, 720, 560)

    def _count_box(self, value: int) -> QSpinBox:
        box = QSpinBox()
        box.setRange(0, MOST_PEOPLE)
        box.setValue(value)
        box.setMinimumWidth(80)
        return box

    def agreement(self) -> Agreement:
        return next(agreement for agreement, button in self.how_buttons.items() if button.isChecked())

    def _how_changed(self, *args) -> None:
        agreement = self.agreement()
        self.counts.setVisible(agreement is Agreement.COUNTED)
        self.options.setVisible(agreement is Agreement.CHOSEN)

    def add_option(self, option: Option, focus: bool = False) -> None:
        if len(self.option_rows) >= MOST_OPTIONS:
            self.tell(_("There can be at most {count} options.").format(count=MOST_OPTIONS))
            return
        row = OptionRow(self.store, option, self._remove_option)
        self.option_rows.append(row)
        self.option_list.addWidget(row)
        self.add_option_button.setEnabled(len(self.option_rows) < MOST_OPTIONS)
        if focus:
            row.words.setFocus()

    def _remove_option(self, row: OptionRow) -> None:
        self.option_rows.remove(row)
        row.hide()
        row.deleteLater()
        self.add_option_button.setEnabled(True)

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
        agreement = self.agreement()
        if agreement is Agreement.COUNTED and not (self.agree.value() or self.not_sure.value() or self.disagree.value()):
            return _("Type how many people agree, are not sure and disagree, or choose “Not asked yet”.")
        if agreement is Agreement.CHOSEN:
            for n, row in enumerate(self.option_rows, start=1):
                option = row.option()
                if not option.words and (option.count or option.picture):
                    return _("Option {n} has a picture or a number but no words. Write its words, or remove it.").format(n=n)
        if agreement is Agreement.CHOSEN and len([row for row in self.option_rows if row.option().words]) < 2:
            return _("Write at least two options to choose between, or choose another way of agreeing.")
        return ""
