"""The workshop library: one SQLite file, every edit saved as it happens.

Open it with ``open_library(path)``. Each method that changes something runs
in its own transaction and is on disk when it returns, so there is no Save
button and nothing to lose. Listeners registered with ``subscribe`` hear about
every change (the windows use this to refresh themselves).

When the file cannot be written (another program holds it, it became
read-only, the disk is full), a change to a workshop is kept in memory instead
(``core/unsaved.py``): everyone reading the library sees it, and it is written
as soon as it can be (``save_unsaved``). Other changes are refused with
``LibraryNotSaved``, whose message says why.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import sqlite3
import time
import typing
from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, fields
from pathlib import Path

from facilitator.core import backup, convert, daily, opening, schema, unsaved
from facilitator.core.errors import LibraryNotSaved, WorkshopNotFound, gone_reason, why_not_written
from facilitator.core.model import (
    WORKSHOP_FIELDS,
    WORKSHOP_PARTS,
    Decision,
    Group,
    GroupDecision,
    Workshop,
    WorkshopSummary,
)
from facilitator.core.names import forget_in_file
from facilitator.core.unsaved import UnsavedChanges
from facilitator.i18n import _
from facilitator.pictures.own import OwnPicture

# A workshop's own row and the rows of each of its parts, as read from the file.
WorkshopRows = tuple[tuple, dict[str, list[tuple]]]
# How many workshops' rows are kept as last read.
RECENT = 8

# While changes wait in memory, each new change also tries to save them, at most this often;
# the window tries again on a timer as well.
RETRY_SECONDS = 1.0


@dataclass(frozen=True)
class Change:
    """What changed: ``kind`` is "added", "changed" or "removed"."""

    kind: str
    workshop_id: str


Listener = Callable[[Change], None]


def open_library(path: Path | str, now: dt.datetime | None = None, wait: float = 5.0, care_later: bool = False) -> Library:
    """Open (or create) the library at ``path``; a change waits at most ``wait`` seconds for another program.

    Today's backup and a check of the whole file are made while opening, when
    they are due (core/daily.py); with ``care_later`` they are left in
    ``library.care`` for the caller to have done (the window: after it appears,
    on another thread).

    A damaged file, another program's file, or a file from a newer version of
    the app raises ``LibraryUnusable``; a healthy library that cannot be used
    now (locked, read-only, not a file, a full disk) raises ``LibraryUnavailable``.
    Either way the file is left exactly as it was.
    """
    path = Path(path).expanduser().absolute()
    conn, created, backup_problem, care = opening.connect(path, now or dt.datetime.now(), wait, care_later)
    library = Library(conn, path, created)
    library.backup_problem = backup_problem
    library.care = care
    return library


def open_memory_library() -> Library:
    """A library that lives only in memory and is gone when closed: nothing of it is ever on disk.

    For a while only, such as printing a workshop file with its own pictures."""
    conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA foreign_keys = ON")
    opening.migrate(conn, Path(":memory:"), dt.datetime.now())
    return Library(conn, Path(":memory:"), created=True, in_memory=True)


class Library:
    """An open library. Use ``open_library`` to make one."""

    def __init__(self, conn: sqlite3.Connection, path: Path, created: bool, in_memory: bool = False):
        self._conn = conn
        self.path = path
        self.created = created
        self.backup_problem = ""  # why today's backup could not be made; "" when it was
        self.care = daily.Care()  # what is still to be done to look after the file (core/daily.py)
        self.check_next_time = False  # found damaged: the whole file is checked again at the next open
        self.unsaved = UnsavedChanges()
        self._listeners: list[Listener] = []
        self._identity = None if in_memory else opening.identity(path)
        self._recent: dict[str, WorkshopRows] = {}

    # -- housekeeping ------------------------------------------------------

    @property
    def backups_dir(self) -> Path:
        return backup.backups_dir(self.path)

    def make_backup(self, reason: str = "manual") -> Path:
        return backup.make_backup(self._conn, self.backups_dir, reason, dt.datetime.now())

    def wait_at_most(self, seconds: float) -> None:
        """How long a change may wait for another program using the library (the window: a tenth of a second)."""
        self._conn.execute(f"PRAGMA busy_timeout = {int(seconds * 1000)}")

    def close(self) -> None:
        self._conn.close()
        if self._identity is not None and not self.check_next_time:
            daily.mark_closed(self.path)  # closed as it should be: no check of the whole file is due for this

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        self._listeners.remove(listener)

    def _tell(self, kind: str, workshop_id: str) -> None:
        for listener in list(self._listeners):
            listener(Change(kind, workshop_id))

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """One change, whole or not at all. A change that cannot be written now raises ``LibraryNotSaved``."""
        if self._identity is not None and opening.identity(self.path) != self._identity:
            raise LibraryNotSaved(gone_reason(self.path))  # writing on would go into a file no one will see
        try:
            self._conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as error:
            raise self._not_saved(error) from error
        try:
            yield self._conn
            self._conn.execute("COMMIT")
        except BaseException as error:
            if self._conn.in_transaction:
                with suppress(sqlite3.Error):
                    self._conn.execute("ROLLBACK")
            if isinstance(error, sqlite3.Error | OSError):
                raise self._not_saved(error) from error
            raise

    def _not_saved(self, error: sqlite3.Error | OSError) -> BaseException:
        reason = why_not_written(error, self.path)
        return error if reason is None else LibraryNotSaved(reason)

    # -- changes not saved yet ---------------------------------------------

    def save_unsaved(self) -> bool:
        """Try to write the changes kept in memory; True when nothing is left unsaved."""
        self.unsaved.last_try = time.monotonic()
        for workshop_id, workshop in list(self.unsaved.workshops.items()):
            try:
                with self._transaction() as db:
                    self._store_whole(db, workshop)
            except LibraryNotSaved as error:
                self.unsaved.still_not_saved(error.reason)
                return False
            except sqlite3.Error as error:
                self.unsaved.still_not_saved(
                    _("The library would not take the changes ({reason}).").format(reason=error)
                )
                return False
            self.unsaved.saved(workshop_id)
        return True

    def keep_unsaved(self, workshops: typing.Iterable[Workshop], reason: str) -> None:
        """Take in changes kept from before (a recovery file) and save them now, or as soon as the library
        can be written."""
        for workshop in workshops:
            try:
                known = self._in_file(workshop.id)
            except sqlite3.Error:
                known = True  # the file cannot be read now: it is shown as changed, and saved later
            self.unsaved.keep(copy.deepcopy(workshop), reason)
            self._tell("changed" if known else "added", workshop.id)
        self.save_unsaved()

    def _change_workshop(
        self, workshop_id: str, write: Callable[[sqlite3.Connection], None], change: Callable[[Workshop], None]
    ) -> None:
        """Make a change to a workshop in the file; when it cannot be written now, in memory instead."""
        if workshop_id in self.unsaved:
            change(self.unsaved.workshops[workshop_id])
            self.unsaved.changed(workshop_id)
            self._tell("changed", workshop_id)
            if time.monotonic() - self.unsaved.last_try >= RETRY_SECONDS:
                self.save_unsaved()
            return
        try:
            with self._transaction() as db:
                write(db)
        except LibraryNotSaved as error:
            self.unsaved.last_try = time.monotonic()
            try:
                workshop = self.load_workshop(workshop_id)
            except sqlite3.Error:
                if workshop_id not in self._recent:
                    raise error from None  # it cannot even be read: the change is refused, plainly
                workshop = _built(self._recent[workshop_id])
            change(workshop)
            self.unsaved.keep(workshop, error.reason)
        self._tell("changed", workshop_id)

    def _store_whole(self, db: sqlite3.Connection, workshop: Workshop) -> None:
        created = db.execute("SELECT created FROM workshops WHERE id = ?", (workshop.id,)).fetchone()
        if created is not None:
            db.execute("DELETE FROM workshops WHERE id = ?", (workshop.id,))
        if workshop.group_id is not None and self.group(workshop.group_id) is None:
            workshop.group_id = None  # its group was removed meanwhile
        self._insert_workshop(db, workshop, created=created[0] if created else None)

    def _in_file(self, workshop_id: str) -> bool:
        return self._conn.execute("SELECT 1 FROM workshops WHERE id = ?", (workshop_id,)).fetchone() is not None

    # -- groups ------------------------------------------------------------

    def add_group(self, group: Group) -> Group:
        with self._transaction() as db:
            self._insert_group(db, group)
        return group

    def groups(self) -> list[Group]:
        rows = self._conn.execute("SELECT id, name, description FROM groups ORDER BY name COLLATE NOCASE")
        return [Group(id=r[0], name=r[1], description=r[2]) for r in rows]

    def group(self, group_id: str) -> Group | None:
        row = self._conn.execute("SELECT id, name, description FROM groups WHERE id = ?", (group_id,)).fetchone()
        return Group(id=row[0], name=row[1], description=row[2]) if row else None

    # -- workshops ---------------------------------------------------------

    def list_workshops(self) -> list[WorkshopSummary]:
        """Every workshop, newest date first (undated ones last)."""
        return self._summaries("", (), lambda w: True)

    def group_meetings(self, group_id: str) -> list[WorkshopSummary]:
        """The workshops of one group, newest date first (undated ones last)."""
        return self._summaries("WHERE w.group_id = ?", (group_id,), lambda w: w.group_id == group_id)

    def summary(self, workshop_id: str) -> WorkshopSummary:
        """One workshop's line in the list, without loading the whole workshop."""
        found = self._summaries("WHERE w.id = ?", (workshop_id,), lambda w: w.id == workshop_id)
        if not found:
            raise WorkshopNotFound(workshop_id)
        return found[0]

    def _summaries(self, where: str, params: tuple, belongs: Callable[[Workshop], bool]) -> list[WorkshopSummary]:
        rows = self._conn.execute(
            f"""
            SELECT w.id, w.title, w.date, w.place, coalesce(g.name, ''), w.updated,
                   (SELECT count(*) FROM decisions d WHERE d.workshop_id = w.id)
            FROM workshops w LEFT JOIN groups g ON g.id = w.group_id
            {where}
            ORDER BY w.date IS NULL, w.date DESC, w.title COLLATE NOCASE
            """,
            params,
        )
        found = [
            WorkshopSummary(
                id=r[0],
                title=r[1],
                date=dt.date.fromisoformat(r[2]) if r[2] else None,
                place=r[3],
                group_name=r[4],
                updated=r[5],
                decision_count=r[6],
            )
            for r in rows
        ]
        return self.unsaved.summaries(found, belongs, self._group_name)

    def _group_name(self, group_id: str | None) -> str:
        group = self.group(group_id) if group_id else None
        return group.name if group else ""

    def group_decisions(self, group_id: str, meetings: Collection[str] | None = None) -> list[GroupDecision]:
        """Every decision of a group's meetings, newest meeting first, each with where it was made.

        With ``meetings``, only the decisions of those of its meetings (to read again what changed)."""
        columns = list(convert.field_types(Decision))
        among = "" if meetings is None else f"AND w.id IN ({', '.join('?' * len(meetings))})"
        rows = self._conn.execute(
            f"""
            SELECT {', '.join('d.' + c for c in columns)}, w.id, w.title, w.date,
                   coalesce((SELECT a.title FROM agenda_items a WHERE a.id = d.agenda_item_id), '')
            FROM decisions d JOIN workshops w ON w.id = d.workshop_id
            WHERE w.group_id = ? {among}
            ORDER BY w.date IS NULL, w.date DESC, w.title COLLATE NOCASE, w.id, d.position
            """,
            (group_id, *(meetings or ())),
        )
        count = len(columns)
        found = [
            GroupDecision(
                convert.from_dict(Decision, _from_row(Decision, dict(zip(columns, r[:count])))),
                r[count], r[count + 1], dt.date.fromisoformat(r[count + 2]) if r[count + 2] else None, r[count + 3],
            )
            for r in rows
        ]
        found = self.unsaved.decisions(found, group_id)
        return found if meetings is None else [d for d in found if d.workshop_id in meetings]

    def has_workshop(self, workshop_id: str) -> bool:
        return workshop_id in self.unsaved or self._in_file(workshop_id)

    def ids_in_use(self, ids: list[str]) -> bool:
        """True when any of these ids is already a workshop or part of one in the library."""
        if self.unsaved.ids().intersection(ids):
            return True
        tables = ["workshops", *schema.PART_TABLES.values()]
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ", ".join("?" * len(chunk))
            query = " UNION ALL ".join(f"SELECT 1 FROM {t} WHERE id IN ({marks})" for t in tables)
            if self._conn.execute(f"SELECT EXISTS ({query})", chunk * len(tables)).fetchone()[0]:
                return True
        return False

    def load_workshop(self, workshop_id: str) -> Workshop:
        if workshop_id in self.unsaved:
            return copy.deepcopy(self.unsaved.workshops[workshop_id])
        rows = self._workshop_rows(workshop_id)
        # The rows as last read: a change that can neither be written nor read again is made on them.
        self._recent.pop(workshop_id, None)
        self._recent[workshop_id] = rows
        while len(self._recent) > RECENT:
            del self._recent[next(iter(self._recent))]
        return _built(rows)

    def _workshop_rows(self, workshop_id: str) -> WorkshopRows:
        db = self._conn
        row = db.execute(f"SELECT {', '.join(WORKSHOP_FIELDS)} FROM workshops WHERE id = ?", (workshop_id,)).fetchone()
        if row is None:
            raise WorkshopNotFound(workshop_id)
        parts = {}
        for part, cls in WORKSHOP_PARTS.items():
            parts[part] = db.execute(
                f"SELECT {', '.join(convert.field_types(cls))} FROM {schema.PART_TABLES[part]} "
                "WHERE workshop_id = ? ORDER BY position",
                (workshop_id,),
            ).fetchall()
        return row, parts

    def add_workshop(
        self, workshop: Workshop, pictures: typing.Sequence[OwnPicture] = (), group: Group | None = None
    ) -> Workshop:
        """Store a whole new workshop with all its parts, the own pictures it brings and, when given, a new
        group for it, all or nothing."""
        with self._transaction() as db:
            if group is not None:
                self._insert_group(db, group)
            for picture in pictures:
                self._insert_picture(db, picture)
            self._insert_workshop(db, workshop)
        self._tell("added", workshop.id)
        return workshop

    def replace_workshop(self, workshop: Workshop) -> None:
        """Store every part of a workshop that is already in the library."""
        if not self.has_workshop(workshop.id):
            raise WorkshopNotFound(workshop.id)

        def change(kept: Workshop) -> None:
            for name in (f.name for f in fields(Workshop)):
                setattr(kept, name, copy.deepcopy(getattr(workshop, name)))

        self._change_workshop(workshop.id, lambda db: self._store_whole(db, copy.deepcopy(workshop)), change)

    def remove_workshop(self, workshop_id: str) -> None:
        """Delete a workshop and everything in it, names and notes included."""
        with self._transaction() as db:
            removed = db.execute("DELETE FROM workshops WHERE id = ?", (workshop_id,)).rowcount
        if workshop_id in self.unsaved:
            self.unsaved.saved(workshop_id)  # nothing of it is left to save
        elif removed == 0:
            raise WorkshopNotFound(workshop_id)
        self._tell("removed", workshop_id)

    def update_workshop(self, workshop_id: str, **changes: typing.Any) -> None:
        """Change some of a workshop's own fields, such as ``title`` or ``date``."""
        unknown = (set(changes) - set(WORKSHOP_FIELDS)) | ({"id"} & set(changes))
        if unknown:
            raise ValueError(f"not a workshop field that can change: {sorted(unknown)}")
        if not changes:
            if not self.has_workshop(workshop_id):
                raise WorkshopNotFound(workshop_id)
            return
        values = {name: convert.plain(v) for name, v in changes.items()}
        assignments = ", ".join(f"{name} = ?" for name in values)

        def write(db: sqlite3.Connection) -> None:
            cursor = db.execute(
                f"UPDATE workshops SET {assignments}, updated = ? WHERE id = ?",
                (*values.values(), _stamp(), workshop_id),
            )
            if cursor.rowcount == 0:
                raise WorkshopNotFound(workshop_id)

        self._change_workshop(workshop_id, write, lambda w: unsaved.change_fields(w, copy.deepcopy(changes)))

    # -- the parts of a workshop (agenda items, decisions, ...) -------------

    def add_part(self, workshop_id: str, part: str, obj: typing.Any, index: int | None = None) -> None:
        """Add an agenda item, decision, action... at ``index`` (the end when None)."""
        table = schema.PART_TABLES[part]

        def write(db: sqlite3.Connection) -> None:
            self._touch(db, workshop_id)
            count = db.execute(f"SELECT count(*) FROM {table} WHERE workshop_id = ?", (workshop_id,)).fetchone()[0]
            at = count if index is None else max(0, min(index, count))
            db.execute(
                f"UPDATE {table} SET position = position + 1 WHERE workshop_id = ? AND position >= ?",
                (workshop_id, at),
            )
            self._insert_part(db, table, workshop_id, at, obj)

        self._change_workshop(workshop_id, write, lambda w: unsaved.add_part(w, part, copy.deepcopy(obj), index))

    def update_part(self, workshop_id: str, part: str, obj: typing.Any) -> None:
        """Save the new values of a part that is already stored."""
        table = schema.PART_TABLES[part]
        values = _to_row(obj)
        values.pop("id")
        assignments = ", ".join(f"{name} = ?" for name in values)

        def write(db: sqlite3.Connection) -> None:
            self._touch(db, workshop_id)
            cursor = db.execute(
                f"UPDATE {table} SET {assignments} WHERE id = ? AND workshop_id = ?",
                (*values.values(), obj.id, workshop_id),
            )
            if cursor.rowcount == 0:
                raise KeyError(f"{part} {obj.id} is not in workshop {workshop_id}")

        self._change_workshop(workshop_id, write, lambda w: unsaved.update_part(w, part, copy.deepcopy(obj)))

    def remove_part(self, workshop_id: str, part: str, part_id: str) -> None:
        table = schema.PART_TABLES[part]

        def write(db: sqlite3.Connection) -> None:
            self._touch(db, workshop_id)
            row = db.execute(
                f"SELECT position FROM {table} WHERE id = ? AND workshop_id = ?", (part_id, workshop_id)
            ).fetchone()
            if row is None:
                raise KeyError(f"{part} {part_id} is not in workshop {workshop_id}")
            db.execute(f"DELETE FROM {table} WHERE id = ?", (part_id,))
            db.execute(
                f"UPDATE {table} SET position = position - 1 WHERE workshop_id = ? AND position > ?",
                (workshop_id, row[0]),
            )

        self._change_workshop(workshop_id, write, lambda w: unsaved.remove_part(w, part, part_id))

    def move_part(self, workshop_id: str, part: str, part_id: str, new_index: int) -> None:
        """Move a part to ``new_index`` in its list; the others close up around it."""
        table = schema.PART_TABLES[part]

        def write(db: sqlite3.Connection) -> None:
            self._touch(db, workshop_id)
            ids = [r[0] for r in db.execute(
                f"SELECT id FROM {table} WHERE workshop_id = ? ORDER BY position", (workshop_id,)
            )]
            if part_id not in ids:
                raise KeyError(f"{part} {part_id} is not in workshop {workshop_id}")
            ids.remove(part_id)
            ids.insert(max(0, min(new_index, len(ids))), part_id)
            db.executemany(f"UPDATE {table} SET position = ? WHERE id = ?", list(enumerate(ids)))

        self._change_workshop(workshop_id, write, lambda w: unsaved.move_part(w, part, part_id, new_index))

    def forget_people(self, names: set[str]) -> int:
        """Remove the named people from every workshop, with their names in every field that holds them
        (``core/names.py``); how many places held them. It cannot be undone."""
        if self.unsaved and not self.save_unsaved():
            raise LibraryNotSaved(self.unsaved.reason)
        with self._transaction() as db:
            count = forget_in_file(db, names)
        for summary in self.list_workshops():
            self._tell("changed", summary.id)
        return count

    # -- the facilitator's own pictures ---------------------------------------

    def add_picture(self, picture: OwnPicture) -> OwnPicture:
        """Keep a picture; the same picture (same bytes) is kept once, under its first name."""
        with self._transaction() as db:
            self._insert_picture(db, picture)
        return self.picture(picture.id) or picture

    def picture(self, picture_id: str) -> OwnPicture | None:
        row = self._conn.execute("SELECT id, name, format, data FROM pictures WHERE id = ?", (picture_id,)).fetchone()
        return OwnPicture(row[0], row[1], row[2], bytes(row[3])) if row else None

    def picture_names(self) -> dict[str, str]:
        """Every own picture's id and name, oldest first, without loading the pictures."""
        return dict(self._conn.execute("SELECT id, name FROM pictures ORDER BY added, rowid"))

    def rename_picture(self, picture_id: str, name: str) -> None:
        with self._transaction() as db:
            db.execute("UPDATE pictures SET name = ? WHERE id = ?", (name, picture_id))

    def remove_picture(self, picture_id: str) -> None:
        """Forget a picture (a photo of a person is personal data). Items that used it show a placeholder."""
        with self._transaction() as db:
            db.execute("DELETE FROM pictures WHERE id = ?", (picture_id,))

    # -- agendas saved as templates -----------------------------------------

    def add_template(self, template_id: str, name: str, document: str) -> None:
        with self._transaction() as db:
            db.execute(
                "INSERT INTO templates (id, name, document, created) VALUES (?, ?, ?, ?)",
                (template_id, name, document, _stamp()),
            )

    def template_documents(self) -> list[tuple[str, str]]:
        """(id, document) of every saved template, by name."""
        return list(self._conn.execute("SELECT id, document FROM templates ORDER BY name COLLATE NOCASE"))

    def remove_template(self, template_id: str) -> None:
        with self._transaction() as db:
            db.execute("DELETE FROM templates WHERE id = ?", (template_id,))

    # -- inside a transaction ----------------------------------------------

    def _touch(self, db: sqlite3.Connection, workshop_id: str) -> None:
        cursor = db.execute("UPDATE workshops SET updated = ? WHERE id = ?", (_stamp(), workshop_id))
        if cursor.rowcount == 0:
            raise WorkshopNotFound(workshop_id)

    def _insert_workshop(self, db: sqlite3.Connection, workshop: Workshop, created: str | None = None) -> None:
        values = {name: convert.plain(getattr(workshop, name)) for name in WORKSHOP_FIELDS}
        stamp = _stamp()
        values["created"] = created or stamp
        values["updated"] = stamp
        db.execute(
            f"INSERT INTO workshops ({', '.join(values)}) VALUES ({', '.join('?' * len(values))})",
            tuple(values.values()),
        )
        for part in WORKSHOP_PARTS:
            table = schema.PART_TABLES[part]
            for position, obj in enumerate(getattr(workshop, part)):
                self._insert_part(db, table, workshop.id, position, obj)

    @staticmethod
    def _insert_group(db: sqlite3.Connection, group: Group) -> None:
        db.execute(
            "INSERT INTO groups (id, name, description) VALUES (?, ?, ?)", (group.id, group.name, group.description)
        )

    @staticmethod
    def _insert_picture(db: sqlite3.Connection, picture: OwnPicture) -> None:
        db.execute(
            "INSERT OR IGNORE INTO pictures (id, name, format, data, added) VALUES (?, ?, ?, ?, ?)",
            (picture.id, picture.name, picture.format, picture.data, _stamp()),
        )

    @staticmethod
    def _insert_part(db: sqlite3.Connection, table: str, workshop_id: str, position: int, obj: typing.Any) -> None:
        values = _to_row(obj)
        values["workshop_id"] = workshop_id
        values["position"] = position
        db.execute(
            f"INSERT INTO {table} ({', '.join(values)}) VALUES ({', '.join('?' * len(values))})",
            tuple(values.values()),
        )


def _built(rows: WorkshopRows) -> Workshop:
    row, parts = rows
    workshop = convert.from_dict(Workshop, dict(zip(WORKSHOP_FIELDS, row)))
    for part, cls in WORKSHOP_PARTS.items():
        columns = list(convert.field_types(cls))
        getattr(workshop, part).extend(convert.from_dict(cls, _from_row(cls, dict(zip(columns, r)))) for r in parts[part])
    return workshop


def _to_row(obj: typing.Any) -> dict[str, typing.Any]:
    """A part's fields as SQLite values: lists are stored as JSON text."""
    return {k: json.dumps(v) if isinstance(v, list) else v for k, v in convert.to_dict(obj).items()}


def _from_row(cls: type, row: dict[str, typing.Any]) -> dict[str, typing.Any]:
    lists = convert.list_fields(cls)
    return {k: json.loads(v) if k in lists else v for k, v in row.items()}


def _stamp() -> str:
    return dt.datetime.now().isoformat(timespec="seconds")
