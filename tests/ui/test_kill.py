"""Nothing typed is lost: kill the real app right after an edit, then look."""

import os
import signal
import subprocess
import sys
import textwrap

from facilitator.core.library import open_library

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
