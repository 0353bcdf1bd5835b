"""Starting the app: the Qt application, the library, the main window."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from facilitator.i18n import _
from facilitator.resources import icons_dir
from facilitator.ui.colours import keep_palette_strong
from facilitator.ui.fonts import add_own_fonts, window_font

# The window never waits longer than this for another program that is using the library: a change
# that cannot be written at once is kept and saved a moment later (core/unsaved.py).
GUI_WAIT_SECONDS = 0.1


def make_application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName("facilitator")
    app.setApplicationName("facilitator")
    app.setApplicationDisplayName("facilitator")
    app.setStyle("Fusion")
    keep_palette_strong(app)  # words at 4.5:1 and a selection that stands out, in any palette (ui/colours.py)
    app.setWindowIcon(QIcon(str(icons_dir() / "facilitator.svg")))
    add_own_fonts()
    font = QFont(app.font())
    font.setPointSizeF(max(font.pointSizeF(), 11.0))
    app.setFont(window_font(font))
    return app


def run(library_path: Path | None, smoke: bool = False, started: float | None = None) -> int:
    """Open the main window on the library; with ``smoke``, close after the first paint."""
    from facilitator.cli import open_app_library
    from facilitator.core.errors import LibraryError
    from facilitator.ui.main_window import MainWindow

    started = time.perf_counter() if started is None else started
    app = make_application()
    try:
        # Today's backup and the check of the whole file wait until the window is seen (ui/daily_care.py).
        library = open_app_library(library_path, care_later=True)
    except LibraryError as error:
        print(error, file=sys.stderr)
        if not smoke:
            QMessageBox.critical(None, _("The library cannot be opened"), str(error))
        return 1
    library.wait_at_most(GUI_WAIT_SECONDS)
    from facilitator.core.recovery import RecoveryFile
    from facilitator.ui.languages import apply_language, chosen_language
    from facilitator.ui.saving import offer_recovered, say_library_errors
    from facilitator.ui.settings import Preferences
    from facilitator.ui.start_here import offer_at_start

    preferences = Preferences()
    apply_language(chosen_language(preferences))
    window = MainWindow(library, preferences)
    if smoke:
        def painted() -> None:
            print(_("First paint after {ms:.0f} ms").format(ms=(time.perf_counter() - started) * 1000))
            QTimer.singleShot(0, window.close)

        window.first_paint.connect(painted)
    else:
        say_library_errors(window)
        window.first_paint.connect(lambda: QTimer.singleShot(0, lambda: offer_recovered(
            window, library, RecoveryFile(library.path))))
        window.first_paint.connect(lambda: QTimer.singleShot(0, lambda: offer_at_start(window)))  # Start here
    window.show()
    code = app.exec()
    window.daily_care.wait()
    library.close()
    return code
