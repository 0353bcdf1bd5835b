"""Hostile and unlucky workshop files, made by the thousand: every one is refused plainly or imported faithfully.

Real exports (the demo workshop, the sample workshops, one with its own pictures) are spoiled in the
ways a file is spoiled by accident or on purpose: values replaced, removed, repeated or turned into
another type; lone surrogates, numbers thousands of digits long, NaN, nesting deeper than Python
reads; names given twice; ids that clash; and the bytes cut short, flipped or added to. Each file is
imported from disk into one real library file, and the outcome must be one of two:

- refused: ``ImportFailed`` with problems in plain words, and the library file (and its write-ahead
  log) byte for byte as it was;
- imported: the workshop, read back from the library and exported again, says what the file said
  (with new ids when it came in as a copy, defaults where the file said nothing).

Anything else (any other exception) fails the test. The examples are derandomised, so CI runs the same
cases every time.
"""

from __future__ import annotations

import base64
import binascii
import collections
import contextlib
import copy
import dataclasses
import json
import sqlite3
import time
import typing

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from facilitator.core import convert, exchange
from facilitator.core.demo import demo_workshop
from facilitator.core.exchange import ImportFailed
from facilitator.core.library import open_library
from facilitator.core.model import WORKSHOP_PARTS, Decision, Group, Option, Workshop
from facilitator.core.untrusted import plain_characters
from facilitator.pictures.own import OWN_PREFIX, PictureRefused, own_picture
from tests.core.samples import full_workshop
from tests.pictures import JPEG, SVG, tiny_png

CASES = 1_200
COPY_NOTE = "This workshop, or one made from the same file, is already in the library, so it was added as a copy."


# -- the real exports the cases start from ------------------------------------------------------


def _plain(document: dict) -> dict:
    return json.loads(json.dumps(document))


# The library the cases are imported into starts with this demo workshop, so its export comes in as a copy.
DEMO_GROUP, DEMO = demo_workshop()


def _seeds() -> list[dict]:
    demo_group, demo = DEMO_GROUP, DEMO
    tuesday = Group("Tuesday group", "We meet on Tuesdays")
    hall, room, drawing = own_picture(tiny_png(), "The hall"), own_picture(JPEG, "Room 2"), own_picture(SVG, "Map")
    pictured = full_workshop("With our photos", group=tuesday)
    pictured.agenda[0].picture = hall.ref
    pictured.decisions[0].picture = room.ref
    pictured.decisions[1].options[1].picture = drawing.ref
    return [
        _plain(exchange.workshop_document(demo, demo_group)),  # the library below already has it: a copy
        _plain(exchange.workshop_document(full_workshop(group=tuesday), tuesday)),
        _plain(exchange.workshop_document(
            full_workshop("Pasiau bws", emoji=True, arabic=True, spread_links=True, dee_name="Dee Jones"), None
        )),
        _plain(exchange.workshop_document(full_workshop("Two of each", two_of_each=True, language="en"), None)),
        _plain(exchange.workshop_document(pictured, tuesday, [hall, room, drawing])),
        {"format": 1, "workshop": {"title": "Our workshop"}},  # the smallest file that imports
    ]


SEEDS = _seeds()


# -- writing JSON that json.dumps cannot write ----------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Raw:
    """JSON text written as it is: numbers thousands of digits long, nesting deeper than Python writes."""

    text: str


@dataclasses.dataclass(frozen=True)
class Twice:
    """An object written with the same name more than once."""

    pairs: tuple[tuple[str, typing.Any], ...]


def written(value: typing.Any) -> str:
    if isinstance(value, Raw):
        return value.text
    if isinstance(value, Twice):
        return "{" + ", ".join(f"{written(k)}: {written(v)}" for k, v in value.pairs) + "}"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{written(k)}: {written(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(written(v) for v in value) + "]"
    if isinstance(value, str):
        # A lone surrogate can only be written as an escape, as some programs do.
        return json.dumps(value, ensure_ascii=any("\ud800" <= c <= "\udfff" for c in value))
    return json.dumps(value)


# -- the ways a file is spoiled -------------------------------------------------------------------

SURROGATES = ["\ud800", "\udfff", "\udc00\ud800", "\ud83d"]
HOSTILE_TEXT = [
    "", " ", "\n\t", "x" * 501, "x" * 20_001, "\x00\x1b[2J\r\x9b", "own:missing", "own:", "openmoji:1F68C",
    "2026-02-30", "2026-03-03", "10:61", "10:30", "2026-03-03T10:19", "2026-03-03T25:00:00",
    "not_yet", "everyone", "counted", "chosen", "welcome", "break", "done", "stuck", "large_print",
    "en", "cy", "ar", "English", "../../etc/passwd", "a" * 64, "a" * 65, "has space", "null", "0",
    "🚌👩🏽‍🦯", "نقرر معاً", "\u202eevil", "\ufeff",
]
HOSTILE_RAW = [
    Raw("9" * 5_000), Raw("-" + "9" * 4_400), Raw("1" * 101), Raw("1" * 100), Raw("NaN"), Raw("Infinity"),
    Raw("-Infinity"), Raw("1e999"), Raw("-0.0"), Raw("1E400"), Raw("[" * 1_200 + "]" * 1_200),
    Raw("[" * 50_000 + "]" * 50_000), Raw('{"a":' * 900 + "1" + "}" * 900), Raw("[" * 300 + "]" * 300),
]
scalars = st.one_of(
    st.sampled_from(HOSTILE_TEXT),
    st.sampled_from(SURROGATES).map(lambda s: "Bus " + s),
    st.text(max_size=30),
    st.integers(-3, 700),
    st.sampled_from([10_000, 10_001, 600, 601, 10**18, 10**99, -(10**30)]),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.none(),
)
hostile_values = st.one_of(
    scalars,
    st.sampled_from(HOSTILE_RAW),
    st.lists(scalars, max_size=3),
    st.dictionaries(st.sampled_from(["title", "name", "id", "words", "x", "\ud800"]), scalars, max_size=3),
)


def retyped(value: typing.Any) -> list[typing.Any]:
    """The same value as other JSON types: what a careless program or a hand edit makes of it."""
    if isinstance(value, bool):
        return [int(value), str(value).lower(), None]
    if isinstance(value, int | float):
        return [str(value), float(value), value != 0, [value], -value]
    if isinstance(value, str):
        return [[value], {"text": value}, len(value), value == "", value.upper(), value + value]
    if isinstance(value, list):
        return [dict(enumerate(map(str, value))), value[0] if value else None, written(value)[:50], [value]]
    if isinstance(value, dict):
        return [list(value.values()), written(value)[:50], None, [value]]
    return ["", 0, [], {}, False]


def _containers(value: typing.Any, path: tuple = ()) -> typing.Iterator[tuple]:
    if isinstance(value, dict):
        yield path
        for key, inner in value.items():
            yield from _containers(inner, path + (key,))
    elif isinstance(value, list):
        yield path
        for index, inner in enumerate(value):
            yield from _containers(inner, path + (index,))


def _at(doc: typing.Any, path: tuple) -> typing.Any:
    for step in path:
        doc = doc[step]
    return doc


def _ids(doc: typing.Any) -> list[str]:
    found = []
    for path in _containers(doc):
        holder = _at(doc, path)
        if isinstance(holder, dict) and isinstance(holder.get("id"), str):
            found.append(holder["id"])
    return found


def spoil_once(data: st.DataObject, doc: dict) -> str:
    """Spoil ``doc`` in one way, chosen by hypothesis; what was done, in a few words."""
    path = data.draw(st.sampled_from([p for p in _containers(doc)]))
    holder = _at(doc, path)
    if not holder:  # an empty object or list: something is put in it
        value = data.draw(hostile_values)
        if isinstance(holder, dict):
            holder[data.draw(st.sampled_from(["title", "name", "text", "minutes", "id", "colour", "\ud800"]))] = value
        else:
            holder.append(value)
        return f"filled {path}"
    holder_key = data.draw(st.sampled_from(list(holder) if isinstance(holder, dict) else list(range(len(holder)))))
    how = data.draw(st.sampled_from(
        ["replace", "retype", "delete", "repeat", "name twice", "surrogate", "unknown field", "same id", "new text",
         "raw", "picture"]
    ))
    if how == "name twice" and not isinstance(holder, dict):
        how = "repeat"
    where = path + (holder_key,)
    current = holder[holder_key]
    if how == "replace":
        holder[holder_key] = data.draw(hostile_values)
    elif how == "retype":
        holder[holder_key] = data.draw(st.sampled_from(retyped(current)))
    elif how == "delete":
        del holder[holder_key]
    elif how == "repeat":
        if isinstance(holder, list):
            holder.insert(holder_key, copy.deepcopy(current))
        else:
            holder[holder_key] = [current, current]
    elif how == "name twice":
        if not path:
            holder["format"] = data.draw(hostile_values)  # the top level stays a dict: spoil its format instead
            return "format replaced"
        other = data.draw(st.one_of(st.just(current), hostile_values))
        pairs = tuple(holder.items()) + ((holder_key, other),)
        _at(doc, path[:-1])[path[-1]] = Twice(pairs)
    elif how == "surrogate":
        if isinstance(current, str):
            at = data.draw(st.integers(0, len(current)))
            holder[holder_key] = current[:at] + data.draw(st.sampled_from(SURROGATES)) + current[at:]
        elif isinstance(holder, dict):
            holder[data.draw(st.sampled_from(SURROGATES)) + str(holder_key)] = current
    elif how == "unknown field":
        if isinstance(holder, dict):
            holder[data.draw(st.sampled_from(["colour", "\x1b[31m", "x" * 300, "id2", ""]))] = data.draw(hostile_values)
    elif how == "same id":
        ids = _ids(doc)
        if ids:
            holder[holder_key] = data.draw(st.sampled_from(ids))
    elif how == "new text":
        holder[holder_key] = data.draw(st.text(max_size=60))
    elif how == "raw":
        holder[holder_key] = data.draw(st.sampled_from(HOSTILE_RAW))
    elif how == "picture":
        return spoil_a_picture(data, doc)
    return f"{how} at {where}"


TEXT_FIELDS = {"title", "purpose", "place", "plain_words", "notes", "name", "role", "alias", "other_needs", "text",
               "suggested_by", "what", "who", "asked_by", "term", "meaning", "written", "spoken", "words", "description"}
NUMBER_FIELDS = {"minutes": (1, 600), "agree": (0, 10_000), "not_sure": (0, 10_000), "disagree": (0, 10_000),
                 "count": (0, 10_000)}
OPTIONAL_FIELDS = {"purpose", "date", "start_time", "room_booked_until", "place", "language", "plain_words", "picture",
                   "minutes", "kind", "notes", "role", "lived_experience", "alias", "access_needs", "other_needs",
                   "agreement", "agree", "not_sure", "disagree", "options", "agreed", "suggested_by", "who", "by_when",
                   "status", "carried_from_id", "asked_by", "ended", "description", "id", "count", "exported",
                   "app_version"}
PART_LISTS = set(WORKSHOP_PARTS)


def _leaves(doc: typing.Any) -> list[tuple[tuple, str]]:
    return [(path, key) for path in _containers(doc) if isinstance(holder := _at(doc, path), dict) for key in holder]


def change_gently(data: st.DataObject, doc: dict) -> str:
    """A change a facilitator could have made in the app, or a newer version could write: most still import."""
    leaves = _leaves(doc)
    path, key = data.draw(st.sampled_from(leaves))
    holder = _at(doc, path)
    value = holder[key]
    if key in TEXT_FIELDS and isinstance(value, str):
        holder[key] = data.draw(st.text(min_size=1, max_size=40) | st.sampled_from(["Bus\x0bpass\x00", "🚌 ✅", "نقرر"]))
        return f"new words at {path + (key,)}"
    if key in NUMBER_FIELDS and isinstance(value, int):
        holder[key] = data.draw(st.integers(*NUMBER_FIELDS[key]))
        return f"new number at {path + (key,)}"
    if isinstance(value, bool):
        holder[key] = not value
        return f"flipped {path + (key,)}"
    if key in PART_LISTS and isinstance(value, list) and len(value) > 1:
        holder[key] = data.draw(st.permutations(value))
        return f"reordered {key}"
    if key in ("started", "ended") and isinstance(value, str):
        holder[key] = value[:16]
        return f"no seconds at {path + (key,)}"
    how = data.draw(st.sampled_from(["leave out", "null", "unknown field"]))
    if how == "unknown field" or key not in OPTIONAL_FIELDS:
        holder[data.draw(st.sampled_from(["colour", "mood", "x" * 300, "\x1b[31m"]))] = data.draw(scalars)
        return f"unknown field in {path}"
    if how == "leave out":
        del holder[key]
    else:
        holder[key] = None
    return f"{how} {path + (key,)}"


HOSTILE_PICTURES = [
    b"", b"not a picture", tiny_png()[:30], JPEG[:-20], SVG.replace(b"<rect", b'<image href="/etc/passwd"/><rect'),
    b'<svg xmlns="http://www.w3.org/2000/svg" width="NaN" height="1e999"/>',
    b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, b"GIF89a" + b"\xff" * 20,
]


def spoil_a_picture(data: st.DataObject, doc: dict) -> str:
    """The file's own pictures: damaged, not pictures, not base64, or a part pointing at one that is not there."""
    pictures = doc.get("pictures")
    if not isinstance(pictures, list) or not pictures or not isinstance(pictures[0], dict):
        doc["pictures"] = [{"id": "p1", "name": "Hall", "format": "png", "data": data.draw(st.sampled_from(
            [base64.b64encode(p).decode() for p in HOSTILE_PICTURES]))}]
        return "a picture nothing uses"
    entry = data.draw(st.sampled_from(pictures))
    if not isinstance(entry, dict):
        return "no picture to spoil"
    how = data.draw(st.sampled_from(["bytes", "not base64", "flip", "name", "id"]))
    if how == "bytes":
        entry["data"] = base64.b64encode(data.draw(st.sampled_from(HOSTILE_PICTURES))).decode()
    elif how == "not base64":
        entry["data"] = str(entry.get("data"))[:-3] + "*"
    elif how == "flip" and isinstance(entry.get("data"), str):
        picture = bytearray(base64.b64decode(entry["data"] + "=="))
        if picture:
            at = data.draw(st.integers(0, len(picture) - 1))
            picture[at] ^= data.draw(st.integers(1, 255))
        entry["data"] = base64.b64encode(bytes(picture)).decode()
    elif how == "name":
        entry["name"] = data.draw(st.sampled_from(["", " ", "x" * 5_000, "\x1b[2J", 5, None]))
    else:
        entry["id"] = data.draw(st.sampled_from(["other", "", None, 7]))
    return f"picture {how}"


def spoil_bytes(data: st.DataObject, raw: bytes) -> tuple[bytes, str]:
    how = data.draw(st.sampled_from(["none", "none", "none", "cut", "flip", "insert", "remove", "mark"]))
    if how == "none" or not raw:
        return raw, ""
    at = data.draw(st.integers(0, len(raw) - 1))
    if how == "cut":
        return raw[:at], f"cut at byte {at}"
    if how == "flip":
        return raw[:at] + bytes([raw[at] ^ data.draw(st.integers(1, 255))]) + raw[at + 1 :], f"flipped byte {at}"
    if how == "insert":
        added = data.draw(st.binary(min_size=1, max_size=8))
        return raw[:at] + added + raw[at:], f"inserted {added!r} at {at}"
    if how == "remove":
        return raw[:at] + raw[at + data.draw(st.integers(1, 50)) :], f"removed bytes from {at}"
    return b"\xef\xbb\xbf" + raw, "byte order mark"


# -- what a faithful import is --------------------------------------------------------------------


def _default(cls: type, name: str) -> typing.Any:
    found = {f.name: f for f in dataclasses.fields(cls)}[name]
    value = found.default_factory() if found.default_factory is not dataclasses.MISSING else found.default
    return convert.plain(value)


def _file_pictures(sent: dict) -> dict[str, str]:
    """The file's own pictures: the id the file gives each, and the id the library keeps it under. A picture
    that cannot be used is left out of the import (its parts keep pointing at it, and show a frame)."""
    kept = {}
    for entry in sent.get("pictures") or []:
        try:
            kept[entry["id"]] = own_picture(base64.b64decode(entry["data"], validate=True), entry["name"]).id
        except (binascii.Error, ValueError):
            continue
    return kept


class Faithful:
    """Checks that what the library holds says what the file said."""

    def __init__(self, sent: dict, library, result: exchange.ImportResult, imported: Workshop, ids_before: set[str]):
        self.sent, self.library = sent, library
        self.body = sent["workshop"]
        self.stored = library.load_workshop(imported.id)
        self.back = _plain(exchange.workshop_document(self.stored, None))["workshop"]
        self.pictures = _file_pictures(sent)
        self.copied = COPY_NOTE in result.notes
        self.ids_before = ids_before
        # Where each of the file's agenda items went, to follow links when the ids are new.
        self.items = {item.get("id"): n for n, item in enumerate(self.body.get("agenda") or [])}

    def check(self) -> None:
        self.fields(Workshop, self.body, self.back, "workshop")
        for part, cls in WORKSHOP_PARTS.items():
            sent_list, back_list = self.body.get(part) or [], self.back[part]
            assert len(back_list) == len(sent_list), part
            for n, (sent, back) in enumerate(zip(sent_list, back_list)):
                self.fields(cls, sent, back, f"{part} {n}")
        self.group()

    def fields(self, cls: type, sent: dict, back: dict, where: str) -> None:
        for name in convert.field_types(cls):
            if name in WORKSHOP_PARTS or name == "group_id":
                continue
            given = sent.get(name)
            got = back[name]
            if name == "id":
                if self.copied or given is None:
                    assert got != given and got not in self.ids_before, (where, got)
                else:
                    assert got == given, where
            elif name == "agenda_item_id" and given is not None and self.copied:
                assert got == self.back["agenda"][self.items[given]]["id"], where
            elif name == "picture" and isinstance(given, str) and given.startswith(OWN_PREFIX) \
                    and given[len(OWN_PREFIX):] in self.pictures:
                kept = self.pictures[given[len(OWN_PREFIX):]]
                assert got == OWN_PREFIX + kept, where
                assert self.library.picture(kept) is not None, where
            elif name == "options" and given is not None:
                assert len(got) == len(given), where
                for n, (option_sent, option_back) in enumerate(zip(given, got)):
                    self.fields(Option, option_sent, option_back, f"{where} option {n}")
            elif given is None:
                expected = _default(cls, name)
                if cls is Decision and name == "agreed":
                    expected = back["agreement"] != "not_yet"
                assert got == expected, (where, name, got, expected)
            elif isinstance(given, str) and len(given) == 16 and name in ("started", "ended"):
                assert got == given + ":00", (where, name)
            else:
                assert got == given and type(got) is type(given), (where, name, got, given)

    def group(self) -> None:
        sent_group = self.sent.get("group")
        if sent_group is None:
            assert self.stored.group_id is None
            return
        kept = self.library.group(self.stored.group_id)
        assert kept is not None
        assert kept.id == sent_group.get("id") or kept.name == sent_group["name"]
        if kept.id == sent_group.get("id") and kept.id not in self.ids_before:
            assert (kept.name, kept.description) == (sent_group["name"], sent_group.get("description") or "")


# -- the cases ------------------------------------------------------------------------------------


def library_bytes(path) -> bytes:
    wal = path.with_name(path.name + "-wal")
    return path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


def everything_in(library) -> set[str]:
    """Every id in the library: workshops, their parts and groups."""
    with contextlib.closing(sqlite3.connect(library.path)) as look:
        tables = [row[0] for row in look.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {
            row[0]
            for table in tables
            if "id" in [c[1] for c in look.execute(f"PRAGMA table_info({table})")]
            for row in look.execute(f"SELECT id FROM {table}")
        }


def test_a_thousand_spoiled_exports_are_each_refused_plainly_or_imported_faithfully(tmp_path_factory):
    folder = tmp_path_factory.mktemp("fuzz")
    library = open_library(folder / "library.sqlite3")
    library.add_workshop(copy.deepcopy(DEMO), group=DEMO_GROUP)  # as a new library starts
    outcomes: collections.Counter[str] = collections.Counter()
    slowest = {"seconds": 0.0, "case": ""}
    started = time.perf_counter()

    @settings(
        max_examples=CASES, deadline=None, derandomize=True, database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(st.data())
    def one_case(data: st.DataObject) -> None:
        doc = json.loads(json.dumps(data.draw(st.sampled_from(SEEDS))))
        done = [change_gently(data, doc) for _ in range(data.draw(st.integers(0, 4)))]
        hostile = data.draw(st.booleans())
        if hostile:
            done += [spoil_once(data, doc) for _ in range(data.draw(st.integers(1, 3)))]
        raw, cut = spoil_bytes(data, written(doc).encode("utf-8")) if hostile else (written(doc).encode("utf-8"), "")
        path = folder / "case.json"
        path.write_bytes(raw)
        before = library_bytes(library.path)
        ids_before = everything_in(library)
        begun = time.perf_counter()
        try:
            result = exchange.read_workshop_file(path)
            imported = exchange.import_into(library, result)
        except ImportFailed as failed:
            took = time.perf_counter() - begun
            assert failed.problems and all(isinstance(p, str) and p.strip() for p in failed.problems), done
            assert all(plain_characters(p) == p for p in failed.problems), failed.problems
            assert library_bytes(library.path) == before, (done, cut)
            outcomes["refused: " + _kind_of_problem(failed.problems[0])] += 1
        else:
            took = time.perf_counter() - begun
            assert all(plain_characters(n) == n for n in result.notes), result.notes
            sent = json.loads(raw.decode("utf-8-sig"))
            Faithful(sent, library, result, imported, ids_before).check()
            outcomes["imported as a copy" if COPY_NOTE in result.notes else "imported"] += 1
            library.remove_workshop(imported.id)
            for picture_id in exchange.own_picture_ids(imported):
                library.remove_picture(picture_id)
            with contextlib.closing(sqlite3.connect(library.path)) as other:
                other.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # keeps the comparison of bytes quick
        if took > slowest["seconds"]:
            slowest.update(seconds=took, case=f"{done} {cut} ({len(raw):,} bytes)")

    try:
        one_case()
    finally:
        library.close()
    total = sum(outcomes.values())
    elapsed = time.perf_counter() - started
    print(f"\n{total} cases in {elapsed:.1f} s; slowest {slowest['seconds'] * 1000:.0f} ms: {slowest['case'][:300]}")
    for kind, count in sorted(outcomes.items(), key=lambda pair: -pair[1]):
        print(f"  {count:5}  {kind}")
    assert total >= 1_000
    imported = sum(count for kind, count in outcomes.items() if kind.startswith("imported"))
    assert imported >= 150 and total - imported >= 150, outcomes  # both outcomes are well tried
    assert slowest["seconds"] < 5, slowest


def _kind_of_problem(problem: str) -> str:
    """A few words that say which check refused the file, to count the outcomes by."""
    for words in ("is not text", "line", "nested too deeply", "broken character", "digits long", "twice",
                  "which is not a number", "has the same id", "belongs to an agenda item", "cannot be used",
                  "should be", "has no", "characters long", "format", "no workshop", "neither a name"):
        if words in problem:
            return words
    return problem[:40]


def test_the_pictures_in_the_seeds_are_kept_as_they_are():
    """The check of a faithful import works out each picture's id as the library keeps it."""
    pictured = SEEDS[4]
    for entry in pictured["pictures"]:
        try:
            kept = own_picture(base64.b64decode(entry["data"]), entry["name"])
        except PictureRefused as refused:  # pragma: no cover - would make the seed useless
            raise AssertionError(refused) from None
        assert kept.id == entry["id"]
