"""The main window's menus and their keyboard shortcuts."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QTimer, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence

from facilitator.i18n import _, language, right_to_left
from facilitator.ui import zoom
from facilitator.ui.about import show_about
from facilitator.ui.hints import LOOK_UP_KEY
from facilitator.ui.telling import tell
from facilitator.ui.templates_dialog import NewFromTemplate, SaveAsTemplate


@dataclass
class MainActions:
    new: QAction
    from_template: QAction
    save_template: QAction
    import_: QAction
    export: QAction
    delete: QAction
    backups: QAction
    quit: QAction
    undo: QAction
    redo: QAction
    zoom_in: QAction
    zoom_out: QAction
    zoom_reset: QAction
    about: QAction
    guide: QAction  # Help ▸ How to run a workshop with facilitator
    start_here: QAction  # Help ▸ Start here
    look_up: QAction
    glossary: QAction
    present: QAction
    present_here: QAction
    try_out: QAction  # Projector ▸ Try it out: present as usual, keeping no times
    read_here: QAction
    read_agenda: QAction
    stop_reading: QAction
    voice: QAction
    pronunciations: QAction
    save_sound: QAction
    next_meeting: QAction
    decisions: QAction
    print_: QAction
    needs_workshop: list[QAction] = field(default_factory=list)


def build(window) -> MainActions:
    """Create the menus of ``window`` (a MainWindow) and return its actions."""

    def action(text: str, slot, *shortcuts) -> QAction:
        made = QAction(text, window)
        keys: list[QKeySequence] = []
        for shortcut in shortcuts:
            found = QKeySequence.keyBindings(shortcut) if isinstance(shortcut, QKeySequence.StandardKey) else [QKeySequence(shortcut)]
            keys += [k for k in found if not k.isEmpty() and k not in keys]  # a key listed twice is "ambiguous" and dead
        if keys:
            made.setShortcuts(keys)
        made.triggered.connect(slot)
        return made

    def with_current(run):
        def slot() -> None:
            workshop_id = window.current_workshop_id()
            if workshop_id is not None:
                window.page.flush()
                run(workshop_id)

        return slot

    def new_from_template() -> None:
        window.page.flush()
        dialog = NewFromTemplate(window.library, window.pictures, window)
        if dialog.exec() and dialog.workshop is not None:
            window.select_workshop(dialog.workshop.id)

    def save_as_template(workshop_id: str) -> None:
        dialog = SaveAsTemplate(window.library, window.library.load_workshop(workshop_id), window)
        if dialog.exec() and dialog.template is not None:
            tell(window, _("Saved the template “{name}”. Use it with File ▸ New workshop from a template.").format(
                name=dialog.template.name))

    def undo() -> None:
        window.page.flush()
        window.history.undo()

    def redo() -> None:
        window.page.flush()
        window.history.redo()

    def zoom_by(direction: int) -> None:
        factor = zoom.step(direction)
        # The new font reaches the widgets as an event; size the pictures after it has.
        QTimer.singleShot(0, window.page.planner.editor.refresh_pictures)
        tell(window, _("Text size {percent}%").format(percent=round(factor * 100)), seconds=3)

    actions = MainActions(
        new=action(_("&New workshop"), lambda: window.commands.new_workshop(), QKeySequence.StandardKey.New),
        from_template=action(_("New workshop from a &template…"), new_from_template, "Ctrl+Shift+N"),
        save_template=action(_("&Save this agenda as a template…"), with_current(save_as_template)),
        import_=action(_("&Import a workshop…"), lambda: window.commands.import_workshop(), "Ctrl+I"),
        export=action(_("&Export this workshop…"), with_current(window.commands.export_workshop), "Ctrl+E"),
        delete=action(_("&Delete this workshop…"), with_current(window.commands.delete_workshop)),
        backups=action(
            _("Show &backups folder"),
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(window.library.backups_dir))),
        ),
        quit=action(_("&Quit"), window.close, QKeySequence.StandardKey.Quit),
        undo=action(_("&Undo"), undo, QKeySequence.StandardKey.Undo),
        redo=action(_("&Redo"), redo, QKeySequence.StandardKey.Redo, "Ctrl+Shift+Z", "Ctrl+Y"),
        zoom_in=action(_("Zoom &in"), lambda: zoom_by(+1), QKeySequence.StandardKey.ZoomIn, "Ctrl+="),
        zoom_out=action(_("Zoom &out"), lambda: zoom_by(-1), QKeySequence.StandardKey.ZoomOut),
        zoom_reset=action(_("&Normal size"), lambda: zoom_by(0), "Ctrl+0"),
        about=action(_("&About facilitator"), lambda: show_about(window)),
        guide=action(_("&How to run a workshop with facilitator"), lambda: _help(window, "guide"),
                     QKeySequence.StandardKey.HelpContents),
        start_here=action(_("&Start here"), lambda: _help(window, "start_here")),
        look_up=action(_("&Look up a word"), window.look_up, LOOK_UP_KEY),
        glossary=window.glossary_dock.toggleViewAction(),
        present=action(_("&Start presenting"), lambda: window.present(), "F5"),
        present_here=action(_("Start presenting from the &chosen item"), lambda: window.present(True), "Shift+F5"),
        try_out=action(_("&Try it out (no times kept)"), lambda: window.present(try_out=True), "Ctrl+F5"),
        read_here=action(_("&Read aloud the chosen item or selected words"), window.read_aloud.read_here, "F7"),
        read_agenda=action(_("Read the &whole agenda"), window.read_aloud.read_agenda, "Shift+F7"),
        stop_reading=action(_("&Stop reading"), window.read_aloud.stop, "F8"),
        voice=action(_("&Voice and speed…"), window.read_aloud.voice_settings),
        pronunciations=action(_("&How to say words…"), window.read_aloud.pronunciations),
        save_sound=action(_("Save the summary as s&ound…"), window.read_aloud.save_summary),
        next_meeting=action(_("Plan the group's next &meeting…"), window.next_meeting, "Ctrl+Shift+M"),
        decisions=action(_("What the group &decided…"), window.show_decisions, "Ctrl+Shift+D"),
        print_=action(_("&Print or save as PDF…"), window.print_workshop, QKeySequence.StandardKey.Print),
    )
    actions.glossary.setText(_("&Plain words glossary"))
    actions.glossary.setShortcut(QKeySequence("Ctrl+Shift+L"))
    actions.needs_workshop = [
        actions.export, actions.delete, actions.save_template, actions.present, actions.present_here, actions.try_out,
        actions.read_agenda, actions.pronunciations, actions.save_sound, actions.next_meeting,
        actions.print_,
    ]
    _follow_history(window.history, actions.undo, actions.redo)

    def menu(title: str, items) -> None:
        made = window.menuBar().addMenu(title)
        for item in items:
            made.addSeparator() if item is None else made.addAction(item)

    menu(_("&File"), [
        actions.new, actions.from_template, actions.next_meeting, None, actions.import_, actions.export, actions.save_template, None,
        actions.print_, None, actions.delete, None, actions.backups, None, actions.quit,
    ])
    menu(_("&Edit"), [actions.undo, actions.redo, None, actions.look_up])
    planner = window.page.planner
    # The planner's own actions, so they can be found (and their keys read) in a menu too.
    menu(_("&Agenda"), [
        planner.add_action, planner.add_menu.menuAction(), planner.duplicate_action, planner.remove_action, None,
        planner.up_action, planner.down_action, None, planner.picture_action,
    ])
    menu(_("Pro&jector"), [actions.present, actions.present_here, None, actions.try_out])
    menu(_("Read alo&ud"), [
        actions.read_here, actions.read_agenda, actions.stop_reading, None,
        actions.voice, actions.pronunciations, None, actions.save_sound,
    ])
    menu(_("&View"), [actions.glossary, actions.decisions, None, actions.zoom_in, actions.zoom_out, actions.zoom_reset, None])
    _language_menu(window)
    menu(_("&Help"), [actions.guide, actions.start_here, None, actions.about])
    if right_to_left(language()):
        keys_read_left_to_right([item for item in vars(actions).values() if isinstance(item, QAction)])
    return actions


LEFT_TO_RIGHT_MARK = "\u200e"


def keys_read_left_to_right(actions: list[QAction]) -> None:
    """In a right-to-left language, a menu item's key reads as it is typed: "Ctrl++", never "++Ctrl".

    Only keys that start or end with a sign (+, -, =) are turned round; a menu shows what follows a tab
    in an item's words in place of its key, and a left-to-right mark on each side keeps the signs in place."""
    for action in actions:
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        if keys and "\t" not in action.text() and not (keys[0].isalnum() and keys[-1].isalnum()):
            action.setText(f"{action.text()}\t{LEFT_TO_RIGHT_MARK}{keys}{LEFT_TO_RIGHT_MARK}")


def _help(window, page: str) -> None:
    """Help ▸ How to run a workshop, or Help ▸ Start here (their modules load when first asked for)."""
    if page == "guide":
        from facilitator.ui.guide import show_guide

        show_guide(window)
    else:
        from facilitator.ui.start_here import show_start_here

        show_start_here(window)


def _language_menu(window) -> None:
    """View ▸ Language: each language named in its own words; choosing one changes the app at once."""
    from PySide6.QtGui import QActionGroup

    from facilitator.i18n import LANGUAGES
    from facilitator.i18n import language as app_language
    from facilitator.ui.languages import switch_language

    view = window.menuBar().actions()[-1].menu()
    languages = view.addMenu(_("&Language"))
    group = QActionGroup(window)
    window.language_actions = {}
    for code, name in LANGUAGES.items():
        made = QAction("&" + name, window, checkable=True)  # the first letter is its key
        made.setChecked(code == app_language())
        made.triggered.connect(lambda *args, code=code: switch_language(window, code))
        group.addAction(made)
        languages.addAction(made)
        window.language_actions[code] = made


def _follow_history(history, undo: QAction, redo: QAction) -> None:
    """Keep the Undo and Redo items saying what they would undo, and greyed out when there is nothing."""

    def update(*args) -> None:
        undo.setEnabled(history.canUndo())
        redo.setEnabled(history.canRedo())
        undo.setText(_("&Undo {what}").format(what=history.undoText()) if history.canUndo() else _("&Undo"))
        redo.setText(_("&Redo {what}").format(what=history.redoText()) if history.canRedo() else _("&Redo"))

    for signal in (history.canUndoChanged, history.canRedoChanged, history.undoTextChanged, history.redoTextChanged):
        signal.connect(update)
    history.activeStackChanged.connect(update)
    update()
