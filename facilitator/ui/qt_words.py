"""Qt's own words (standard buttons, file dialogs) in Welsh, which Qt does not ship a translation for.

Qt has ``qtbase_ar.qm`` for Arabic but nothing for Welsh, so Welsh is given here: the words a
facilitator meets in the app's dialogs. Anything not listed stays as Qt has it.
"""

from __future__ import annotations

from PySide6.QtCore import QTranslator

# Qt's source text -> Welsh, whatever the context (the same word means the same everywhere here).
WELSH = {
    "OK": "Iawn",
    "&OK": "&Iawn",
    "Cancel": "Canslo",
    "&Cancel": "&Canslo",
    "&Yes": "&Ie",
    "&No": "&Na",
    "Yes to &All": "Ie i'r &cyfan",
    "N&o to All": "Na i'r c&yfan",
    "Save": "Cadw",
    "&Save": "&Cadw",
    "Save All": "Cadw'r cyfan",
    "Open": "Agor",
    "&Open": "&Agor",
    "Close": "Cau",
    "&Close": "&Cau",
    "Discard": "Taflu",
    "Don't Save": "Peidio â chadw",
    "Close without Saving": "Cau heb gadw",
    "Apply": "Defnyddio",
    "Reset": "Ailosod",
    "Restore Defaults": "Adfer y gosodiadau cyntaf",
    "Help": "Help",
    "Abort": "Rhoi'r gorau iddi",
    "Retry": "Ceisio eto",
    "Ignore": "Anwybyddu",
    "&Print": "&Argraffu",
    "Print": "Argraffu",
    "Look in:": "Edrych yn:",
    "File &name:": "&Enw'r ffeil:",
    "Files of type:": "Math o ffeiliau:",
    "Back": "Yn ôl",
    "Forward": "Ymlaen",
    "Parent Directory": "Y ffolder uwch",
    "Create New Folder": "Gwneud ffolder newydd",
    "New Folder": "Ffolder newydd",
    "Name": "Enw",
    "Size": "Maint",
    "Date Modified": "Newidiwyd",
    "Copies:": "Copïau:",
    "Printer": "Argraffydd",
    "&Name:": "&Enw:",
    # the right-click menu of every text box
    "&Undo": "&Dadwneud",
    "&Redo": "&Ailwneud",
    "Cu&t": "&Torri",
    "&Copy": "&Copïo",
    "&Paste": "&Gludo",
    "Delete": "Dileu",
    "Select All": "Dewis y cyfan",
    "Copy &Link Location": "Copïo cyfeiriad y &ddolen",
}


class DictionaryTranslator(QTranslator):
    """A translator from a plain dictionary of Qt's source texts."""

    def __init__(self, words: dict[str, str], parent=None):
        super().__init__(parent)
        self.words = words

    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: D401 (Qt's signature)
        return self.words.get(source)  # None (a null QString) lets Qt keep its own words; "" would blank them

    def isEmpty(self) -> bool:  # noqa: N802 (Qt's name)
        return not self.words


OWN_QT_WORDS = {"cy": WELSH}
