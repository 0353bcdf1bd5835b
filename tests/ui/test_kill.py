"""Nothing typed is lost: kill the real app right after an edit, then look."""

import datetime as dt
import json
import os
import signal
import subprocess
import sys
import textwrap

from facilitator.core.library import open_library
from facilitator.core.model import Action, ActionStatus, Agreement, Decision, Idea, Option, ParkedQuestion

DRIVER = textwrap.dedent(
    """
    import sys
    from PySide6.QtCore import QTimer, Qt
    from PySide6.QtTest import QTest
    from facilitator.ui.app import make_application
    from facilitator.cli import open_app_library
    from facilitator.ui.main_window import MainWindow

    app = make_application()
    window = MainWindow(open_app_library(sys.argv[1]))
    window.show()

    def edit():
        title = window.page.title_edit
        title.setFocus()
        title.selectAll()
        QTest.keyClicks(title, "Edited just before the crash")
        QTest.keyClick(title, Qt.Key.Key_Return)
        window.page.date_edit.setDate(window.page.date_edit.date().addDays(1))
        print("EDITED", window.current_workshop_id(), flush=True)

    QTimer.singleShot(200, edit)
    app.exec()
    """
)


def test_an_edit_survives_sigkill(tmp_path):
    library_path = tmp_path / "library.sqlite3"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    app = subprocess.Popen(
        [sys.executable, "-c", DRIVER, str(library_path)], stdout=subprocess.PIPE, text=True, env=env
    )
    try:
        line = app.stdout.readline()
        assert line.startswith("EDITED"), line
        app.send_signal(signal.SIGKILL)
        app.wait(timeout=30)
    finally:
        if app.poll() is None:
            app.kill()
    assert app.returncode == -signal.SIGKILL
    assert (tmp_path / "library.sqlite3-wal").exists()  # it really died mid-session

    workshop_id = line.split()[1]
    library = open_library(library_path)
    workshop = library.load_workshop(workshop_id)
    library.close()
    assert workshop.title == "Edited just before the crash"


def test_smoke_opens_the_window_and_reports_the_first_paint(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-m", "facilitator", "--library", str(tmp_path / "l.sqlite3"), "--smoke"],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("First paint after ")
    assert result.stdout.strip().endswith(" ms")


# -- what the room decides, kept through a crash --------------------------------------------------

# What the facilitator writes down while presenting the demo workshop. The driver types these into
# the real dialogs; the test then finds each one in the library after the kill, exactly as here.
ROOM = {
    "counted": {
        "text": "We meet on the first Tuesday 🗓️ of every month · نلتقي أول ثلاثاء من كل شهر",
        "agree": 5,
        "not_sure": 1,
        "disagree": 2,
        "suggested_by": "Sunny",
    },
    "chosen": {
        "text": "Where the next meeting is 📍 أين نلتقي",
        "options": [
            {"words": "The library 📚 المكتبة", "picture": "library", "search": "library", "count": 7},
            {"words": "By the bus station 🚌 محطة الحافلات", "picture": "openmoji:1F68D", "search": "bus", "count": 3},
        ],
    },
    "idea": {"text": "A garden at the new centre 🌱 حديقة في المركز", "suggested_by": "Joan Whitfield"},
    "question": {"text": "Who pays for the minibus? 🚌 من يدفع؟", "asked_by": "طارق 👋"},
    "action": {"what": "Ask the council about the garden 🌻 اسأل المجلس", "who": "Pete", "by_when": "2027-01-15"},
}

DECIDING_DRIVER = textwrap.dedent(
    """
    import json, os, sys, traceback
    from PySide6.QtCore import QDate, QTimer
    from PySide6.QtWidgets import QApplication, QDialogButtonBox
    from facilitator.cli import open_app_library
    from facilitator.core.model import Agreement, ItemKind
    from facilitator.session.run import Cover
    from facilitator.ui.app import make_application
    from facilitator.ui.main_window import MainWindow
    from facilitator.ui.picture_picker import REF_ROLE, PicturePicker
    from facilitator.ui.presenter.decision_dialog import DecisionDialog
    from facilitator.ui.presenter.note_dialogs import ActionDialog, NoteDialog

    room = json.loads(sys.argv[2])
    app = make_application()
    window = MainWindow(open_app_library(sys.argv[1]))
    window.show()

    def fail(why):
        print("FAILED", why.replace(chr(10), " | "), flush=True)
        os._exit(1)

    def check(ok, why):
        if not ok:
            fail(why)

    def answer(kind, fill):
        '''When the next ``kind`` dialog is open (modal, in its own exec), ``fill`` answers it as a person would.'''
        tries = [0]

        def when_open():
            dialog = QApplication.activeModalWidget()
            if not isinstance(dialog, kind):
                tries[0] += 1
                check(tries[0] < 500, f"no {kind.__name__} opened")
                QTimer.singleShot(10, when_open)
                return
            try:
                fill(dialog)
            except BaseException:
                fail(traceback.format_exc())
            check(not dialog.isVisible(), f"{kind.__name__} refused: {getattr(dialog, 'problem', None) and dialog.problem.text()}")

        QTimer.singleShot(0, when_open)

    def save(dialog):
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()

    def pick_picture(search, ref):
        def pick(picker):
            picker.search_edit.setText(search)
            picker.fill()
            found = [picker.results.item(i) for i in range(picker.results.count())]
            item = next((item for item in found if item.data(REF_ROLE) == ref), None)
            check(item is not None, f"no picture {ref} for {search}")
            picker.results.setCurrentItem(item)
            picker.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        return pick

    def counted(dialog):
        want = room["counted"]
        dialog.text.setPlainText(want["text"])
        dialog.how_buttons[Agreement.COUNTED].click()
        dialog.agree.setValue(want["agree"])
        dialog.not_sure.setValue(want["not_sure"])
        dialog.disagree.setValue(want["disagree"])
        dialog.who.setCurrentIndex(dialog.who.findText(want["suggested_by"]))
        check(dialog.read_back.isChecked(), "read back is not ticked")
        save(dialog)

    def chosen(dialog):
        want = room["chosen"]
        dialog.text.setPlainText(want["text"])
        dialog.how_buttons[Agreement.CHOSEN].click()
        check(len(dialog.option_rows) == len(want["options"]), "not two empty options to start with")
        for row, option in zip(dialog.option_rows, want["options"]):
            row.words.setText(option["words"])
            answer(PicturePicker, pick_picture(option["search"], option["picture"]))
            row.picture.click()
            check(row.picture.picture == option["picture"], f"the picture chosen is {row.picture.picture!r}")
            row.count.setValue(option["count"])
        save(dialog)

    def note(text, who, pick_from_list=False):
        def fill(dialog):
            dialog.text.setPlainText(text)
            if pick_from_list:
                index = dialog.who.findText(who)
                check(index > 0, f"{who} is not in the list")
                dialog.who.setCurrentIndex(index)
            else:
                dialog.who.setCurrentText(who)
            save(dialog)
        return fill

    def action(dialog):
        want = room["action"]
        dialog.text.setPlainText(want["what"])
        dialog.who.setCurrentIndex(dialog.who.findText(want["who"]))
        dialog.has_date.setChecked(True)
        dialog.date.setDate(QDate.fromString(want["by_when"], "yyyy-MM-dd"))
        save(dialog)

    def record():
        window.present()
        presenter = window.presenter
        session, recording, console = presenter.session, presenter.recording, presenter.console
        keys = recording.actions  # D, I, Q, A: what the keys do
        agenda = session.agenda
        deciding = next(n for n, item in enumerate(agenda) if item.kind is ItemKind.DECIDE)
        while session.place < deciding:
            presenter.actions["next"].trigger()
        current = {"decisions": session.item().id}

        answer(DecisionDialog, counted)
        keys["decision"].trigger()
        check(session.covering is not None and session.covering.kind is Cover.RESULT, "the counts are not shown")
        check(console.read_back_button.isVisible(), "no Read it back button")
        console.read_back_button.click()
        check(session.covering.kind is Cover.DECISION, "the decision is not read back")
        check(console.agreed_button.isVisible(), "no Agreed button")
        console.agreed_button.click()
        check(recording.current() is not None and recording.current().agreed, "not agreed on screen")

        answer(DecisionDialog, chosen)
        keys["decision"].trigger()
        check(session.covering is not None and session.covering.chose, "the choice is not shown")
        console.not_yet_button.click()  # "Not yet": it stays still to decide
        check(session.covering is None, "still covered")

        presenter.actions["next"].trigger()
        current["idea"] = current["question"] = session.item().id
        answer(NoteDialog, note(room["idea"]["text"], room["idea"]["suggested_by"], pick_from_list=True))
        keys["idea"].trigger()
        answer(NoteDialog, note(room["question"]["text"], room["question"]["asked_by"]))
        keys["question"].trigger()

        presenter.actions["next"].trigger()
        current["action"] = session.item().id
        answer(ActionDialog, action)
        keys["action"].trigger()

        watchdog.stop()
        print("RECORDED", window.current_workshop_id(), json.dumps(current), flush=True)

    def start():
        try:
            record()
        except BaseException:
            fail(traceback.format_exc())

    watchdog = QTimer()
    watchdog.setSingleShot(True)
    watchdog.timeout.connect(lambda: fail("took too long"))
    watchdog.start(60_000)
    QTimer.singleShot(200, start)
    app.exec()
    """
)


def test_what_the_room_decides_while_presenting_survives_sigkill(tmp_path):
    library_path = tmp_path / "library.sqlite3"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    app = subprocess.Popen(
        [sys.executable, "-c", DECIDING_DRIVER, str(library_path), json.dumps(ROOM)],
        stdout=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        env=env,
    )
    try:
        line = app.stdout.readline()
        assert line.startswith("RECORDED"), line
        app.send_signal(signal.SIGKILL)
        app.wait(timeout=30)
    finally:
        if app.poll() is None:
            app.kill()
    assert app.returncode == -signal.SIGKILL
    assert (tmp_path / "library.sqlite3-wal").exists()  # it really died mid-session

    _, workshop_id, current = line.split(maxsplit=2)
    current = json.loads(current)
    library = open_library(library_path)
    workshop = library.load_workshop(workshop_id)
    library.close()

    def only(parts, **fields):
        found = [part for part in parts if all(getattr(part, name) == value for name, value in fields.items())]
        assert len(found) == 1, (fields, parts)
        return found[0]

    want = ROOM["counted"]
    counted = only(workshop.decisions, text=want["text"])
    assert counted == Decision(
        want["text"],
        agenda_item_id=current["decisions"],
        agreement=Agreement.COUNTED,
        agree=5,
        not_sure=1,
        disagree=2,
        agreed=True,
        suggested_by=want["suggested_by"],
        id=counted.id,
    )
    want = ROOM["chosen"]
    chosen = only(workshop.decisions, text=want["text"])
    assert chosen == Decision(
        want["text"],
        agenda_item_id=current["decisions"],
        agreement=Agreement.CHOSEN,
        options=[Option(o["words"], o["picture"], o["count"]) for o in want["options"]],
        agreed=False,
        id=chosen.id,
    )
    assert chosen.chosen() == Option("The library 📚 المكتبة", "library", 7)
    idea = only(workshop.ideas, text=ROOM["idea"]["text"])
    assert idea == Idea(ROOM["idea"]["text"], ROOM["idea"]["suggested_by"], current["idea"], id=idea.id)
    question = only(workshop.parked_questions, text=ROOM["question"]["text"])
    assert question == ParkedQuestion(
        ROOM["question"]["text"], ROOM["question"]["asked_by"], current["question"], id=question.id
    )
    want = ROOM["action"]
    action = only(workshop.actions, what=want["what"])
    assert action == Action(
        want["what"],
        who=want["who"],
        by_when=dt.date.fromisoformat(want["by_when"]),
        status=ActionStatus.TO_DO,
        agenda_item_id=current["action"],
        id=action.id,
    )
    # Each was written during the item that was on at the time: three different items.
    agenda = [item.id for item in workshop.agenda]
    assert (
        agenda.index(current["decisions"]) + 1 == agenda.index(current["idea"]) == agenda.index(current["action"]) - 1
    )
