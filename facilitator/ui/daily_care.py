"""Today's backup and the check of the whole library file, done on another thread after the window appears.

The first start of the day is then as quick as any other (benchmarks/startup.py):
the window is shown while the library is copied and checked (core/daily.py).
What comes of it is said in the window: a backup that could not be made in the
status bar, as before; a damaged file in a message that says where the backups
are. Closing the window waits for a backup being made, so none is cut short.
"""

from __future__ import annotations

import datetime as dt
import threading

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMainWindow, QMessageBox

from facilitator.core import daily
from facilitator.core.errors import LibraryUnusable, backup_advice
from facilitator.core.library import Library
from facilitator.i18n import _
from facilitator.ui.telling import tell

# Closing waits at most this long for today's backup to be finished.
FINISH_SECONDS = 60


class DailyCare(QObject):
    """Does what ``library.care`` says is due, away from the window; ``finished`` says it is done."""

    finished = Signal(str, str)  # why today's backup could not be made, and a damaged file's message ("" for none)

    def __init__(self, window: QMainWindow, library: Library):
        super().__init__(window)
        self.window = window
        self.library = library
        self._thread: threading.Thread | None = None
        self.finished.connect(self._say)

    def start(self) -> None:
        care = self.library.care
        if not care.due or self._thread is not None:
            return
        self._thread = threading.Thread(target=self._work, args=(care, dt.datetime.now()), name="daily care", daemon=True)
        self._thread.start()

    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def wait(self, seconds: float = FINISH_SECONDS) -> None:
        """Let a backup being made finish (the app is closing)."""
        if self._thread is not None:
            self._thread.join(seconds)

    def _work(self, care: daily.Care, now: dt.datetime) -> None:
        problem = damage = ""
        try:
            problem = daily.look_after(self.library.path, now, care)
        except LibraryUnusable as error:
            damage = f"{error} {backup_advice(self.library.path)}"
        except Exception as error:  # a mistake in the app: said, and the window goes on
            problem = _("Today's backup of the library could not be made. {reason}").format(reason=error)
        self.finished.emit(problem, damage)

    def _say(self, problem: str, damage: str) -> None:
        self.library.care = daily.Care()
        self.library.backup_problem = problem
        if problem:
            tell(self.window, problem, urgent=True)
        if damage:
            self.library.check_next_time = True
            QMessageBox.warning(self.window, _("The library file is damaged"), damage)
