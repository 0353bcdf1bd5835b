"""The main window's menus and their keyboard shortcuts."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence

from facilitator.i18n import _
from facilitator.ui.about import show_about


@dataclass
class MainActions:
    new: QAction
    import_: QAction
    export: QAction
    delete: QAction
    backups: QAction
    quit: QAction
    about: QAction
    needs_workshop: list[QAction] = field(default_factory=list)


def build(window) -> MainActions:
    """Create the menus of ``window`` (a MainWindow) and return its actions."""

    def action(text: str, slot, shortcut=None) -> QAction:
        made = QAction(text, window)
        if shortcut is not None:
            made.setShortcut(QKeySequence(shortcut))
        made.triggered.connect(slot)
        return made

    def with_current(run):
        def slot() -> None:
            workshop_id = window.current_workshop_id()
            if workshop_id is not None:
                window.page.flush()
                run(workshop_id)

        return slot

    actions = MainActions(
        new=action(_("&New workshop"), lambda: window.commands.new_workshop(), QKeySequence.StandardKey.New),
        import_=action(_("&Import a workshop…"), lambda: window.commands.import_workshop(), "Ctrl+I"),
        export=action(_("&Export this workshop…"), with_current(window.commands.export_workshop), "Ctrl+E"),
        delete=action(_("&Delete this workshop…"), with_current(window.commands.delete_workshop)),
        backups=action(
            _("Show &backups folder"),
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(window.library.backups_dir))),
        ),
        quit=action(_("&Quit"), window.close, QKeySequence.StandardKey.Quit),
        about=action(_("&About facilitator"), lambda: show_about(window)),
    )
    actions.needs_workshop = [actions.export, actions.delete]

    file_menu = window.menuBar().addMenu(_("&File"))
    for item in (actions.new, actions.import_, actions.export, None, actions.delete, None, actions.backups, None, actions.quit):
        if item is None:
            file_menu.addSeparator()
        else:
            file_menu.addAction(item)
    help_menu = window.menuBar().addMenu(_("&Help"))
    help_menu.addAction(actions.about)
    return actions
