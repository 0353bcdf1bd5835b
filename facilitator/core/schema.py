"""The library's tables, as numbered migrations.

``PRAGMA user_version`` holds the number of the last migration applied. A new
migration is added at the end of ``MIGRATIONS`` and never edited once released.
"""

from __future__ import annotations

# "FACI" in ASCII: marks a SQLite file as a facilitator library.
APPLICATION_ID = 0x46414349

# Each part of a workshop has a table; its columns are the part's fields.
PART_TABLES = {
    "facilitators": "facilitators",
    "participants": "participants",
    "agenda": "agenda_items",
    "decisions": "decisions",
    "ideas": "ideas",
    "actions": "actions",
    "parked_questions": "parked_questions",
    "group_words": "group_words",
    "timings": "item_timings",
    "pronunciations": "pronunciations",
}

_PART_COLUMNS = """
    id TEXT PRIMARY KEY,
    workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
"""

_LINK_TO_ITEM = "agenda_item_id TEXT REFERENCES agenda_items(id) ON DELETE SET NULL"

MIGRATION_1 = f"""
CREATE TABLE groups (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT ''
);
CREATE TABLE workshops (
    id TEXT PRIMARY KEY,
    group_id TEXT REFERENCES groups(id) ON DELETE SET NULL,
    title TEXT NOT NULL,
    purpose TEXT NOT NULL DEFAULT '',
    date TEXT,
    start_time TEXT,
    room_booked_until TEXT,
    place TEXT NOT NULL DEFAULT '',
    language TEXT NOT NULL DEFAULT 'en',
    created TEXT NOT NULL,
    updated TEXT NOT NULL
);
CREATE INDEX workshops_by_group ON workshops(group_id);
CREATE TABLE facilitators ({_PART_COLUMNS}
    name TEXT NOT NULL,
    role TEXT NOT NULL DEFAULT '',
    lived_experience INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE participants ({_PART_COLUMNS}
    name TEXT NOT NULL DEFAULT '',
    alias TEXT NOT NULL DEFAULT '',
    access_needs TEXT NOT NULL DEFAULT '[]',
    other_needs TEXT NOT NULL DEFAULT ''
);
CREATE TABLE agenda_items ({_PART_COLUMNS}
    title TEXT NOT NULL,
    plain_words TEXT NOT NULL DEFAULT '',
    picture TEXT NOT NULL DEFAULT '',
    minutes INTEGER NOT NULL,
    kind TEXT NOT NULL,
    notes TEXT NOT NULL DEFAULT ''
);
CREATE TABLE decisions ({_PART_COLUMNS}
    text TEXT NOT NULL,
    {_LINK_TO_ITEM},
    picture TEXT NOT NULL DEFAULT '',
    agreement TEXT NOT NULL,
    agree INTEGER NOT NULL DEFAULT 0,
    not_sure INTEGER NOT NULL DEFAULT 0,
    disagree INTEGER NOT NULL DEFAULT 0,
    suggested_by TEXT NOT NULL DEFAULT ''
);
CREATE TABLE actions ({_PART_COLUMNS}
    what TEXT NOT NULL,
    who TEXT NOT NULL DEFAULT '',
    by_when TEXT,
    status TEXT NOT NULL,
    {_LINK_TO_ITEM}
);
CREATE TABLE parked_questions ({_PART_COLUMNS}
    text TEXT NOT NULL,
    asked_by TEXT NOT NULL DEFAULT '',
    {_LINK_TO_ITEM}
);
CREATE TABLE group_words ({_PART_COLUMNS}
    term TEXT NOT NULL,
    meaning TEXT NOT NULL,
    agreed INTEGER NOT NULL DEFAULT 0
);
""" + "".join(
    f"CREATE INDEX {table}_by_workshop ON {table}(workshop_id, position);\n"
    for table in (
        "facilitators", "participants", "agenda_items", "decisions", "actions", "parked_questions", "group_words"
    )
)

# 2: the facilitator's own pictures, and agendas saved as templates.
MIGRATION_2 = """
CREATE TABLE pictures (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    format TEXT NOT NULL,
    data BLOB NOT NULL,
    added TEXT NOT NULL
);
CREATE TABLE templates (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    document TEXT NOT NULL,
    created TEXT NOT NULL
);
"""

# 3: when each agenda item really started and ended, kept while presenting.
MIGRATION_3 = f"""
CREATE TABLE item_timings ({_PART_COLUMNS}
    started TEXT NOT NULL,
    ended TEXT,
    {_LINK_TO_ITEM}
);
CREATE INDEX item_timings_by_workshop ON item_timings(workshop_id, position);
"""

# 4: how the group wants words and names said aloud.
MIGRATION_4 = f"""
CREATE TABLE pronunciations ({_PART_COLUMNS}
    written TEXT NOT NULL,
    spoken TEXT NOT NULL
);
CREATE INDEX pronunciations_by_workshop ON pronunciations(workshop_id, position);
"""

# 5: deciding together. A decision read back and agreed as written, the options
# the room chose between, ideas, and actions carried over from an earlier meeting.
# Decisions already marked with how people agreed count as agreed.
MIGRATION_5 = f"""
ALTER TABLE decisions ADD COLUMN options TEXT NOT NULL DEFAULT '[]';
ALTER TABLE decisions ADD COLUMN agreed INTEGER NOT NULL DEFAULT 0;
UPDATE decisions SET agreed = 1 WHERE agreement != 'not_yet';
ALTER TABLE actions ADD COLUMN carried_from_id TEXT;
CREATE TABLE ideas ({_PART_COLUMNS}
    text TEXT NOT NULL,
    suggested_by TEXT NOT NULL DEFAULT '',
    {_LINK_TO_ITEM}
);
CREATE INDEX ideas_by_workshop ON ideas(workshop_id, position);
"""

# 6: who came (NULL: not known, as for everyone before this version), and for the run-sheet, who leads
# each agenda item and what to bring or prepare for it.
MIGRATION_6 = """
ALTER TABLE participants ADD COLUMN came INTEGER;
ALTER TABLE agenda_items ADD COLUMN led_by TEXT NOT NULL DEFAULT '';
ALTER TABLE agenda_items ADD COLUMN to_bring TEXT NOT NULL DEFAULT '';
"""

MIGRATIONS: list[str] = [MIGRATION_1, MIGRATION_2, MIGRATION_3, MIGRATION_4, MIGRATION_5, MIGRATION_6]

CURRENT_VERSION = len(MIGRATIONS)
