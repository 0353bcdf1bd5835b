"""Workshops moving between machines as one JSON file: export, checked import, import into a library."""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
import json
import os
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import facilitator
from facilitator.core import exchange, untrusted
from facilitator.core.errors import WorkshopNotFound
from facilitator.core.exchange import ImportFailed
from facilitator.core.library import open_library
from facilitator.core.model import (
    LINKED_PARTS,
    WORKSHOP_PARTS,
    AccessNeed,
    Action,
    ActionStatus,
    AgendaItem,
    Agreement,
    Decision,
    Facilitator,
    Group,
    GroupWord,
    Idea,
    ItemKind,
    ItemTiming,
    Option,
    ParkedQuestion,
    Participant,
    Pronunciation,
    Workshop,
)
from tests.core.samples import ARABIC, EMOJI, all_ids, full_workshop

# The sample workshop as it travels in these tests' files: in Arabic ("ar"), with emoji and
# right-to-left text, links into each of its agenda items, and a participant with both a name and an alias.
TRAVELLING = {"language": "ar", "emoji": True, "arabic": True, "spread_links": True, "dee_name": "Dee Jones"}


def document(workshop: Workshop | None = None, group: Group | None = None) -> dict:
    """A plain, valid workshop document that a test can spoil."""
    if workshop is None:
        workshop = full_workshop(group=group, **TRAVELLING)
    return json.loads(json.dumps(exchange.workshop_document(workshop, group)))


def to_bytes(doc) -> bytes:
    return json.dumps(doc, ensure_ascii=False).encode("utf-8")


def problems_of(doc_or_bytes) -> list[str]:
    raw = doc_or_bytes if isinstance(doc_or_bytes, bytes) else to_bytes(doc_or_bytes)
    with pytest.raises(ImportFailed) as caught:
        exchange.parse_workshop_bytes(raw)
    problems = caught.value.problems
    assert problems, "an ImportFailed must say what is wrong"
    assert str(caught.value) == "\n".join(problems)
    return problems


def only_problem(doc_or_bytes) -> str:
    problems = problems_of(doc_or_bytes)
    assert len(problems) == 1, problems
    return problems[0]


# -- export and import round trips ---------------------------------------------------


def test_export_then_import_gives_the_same_workshop(library, tmp_path):
    group = library.add_group(Group("Tuesday group", "We meet on Tuesdays"))
    workshop = library.add_workshop(full_workshop(group=group, **TRAVELLING))
    path = library.path.parent / "bus passes.json"
    assert exchange.export_workshop(library, workshop.id, path) == path
    result = exchange.read_workshop_file(path)
    assert result.workshop == workshop
    assert result.group == group
    assert result.notes == []
    # ... and into another library on another machine.
    other = open_library(tmp_path / "other" / "library.sqlite3")
    try:
        imported = exchange.import_into(other, exchange.read_workshop_file(path))
        assert imported == workshop
        assert other.load_workshop(workshop.id) == workshop
        assert other.groups() == [group]
    finally:
        other.close()


def test_the_exported_file_is_readable_utf8_json_with_a_format(library):
    workshop = library.add_workshop(full_workshop(**TRAVELLING))
    path = library.path.parent / "out.json"
    exchange.export_workshop(library, workshop.id, path)
    raw = path.read_bytes()
    assert ARABIC.encode("utf-8") in raw  # written as text, not \u escapes
    data = json.loads(raw.decode("utf-8"))
    assert data["format"] == exchange.FORMAT == 3
    assert data["kind"] == exchange.KIND
    assert data["app_version"] == facilitator.__version__
    dt.datetime.fromisoformat(data["exported"])
    assert data["group"] is None
    body = data["workshop"]
    assert body["id"] == workshop.id
    assert body["date"] == "2026-03-03"
    assert body["start_time"] == "10:00"
    assert [item["title"] for item in body["agenda"]] == [item.title for item in workshop.agenda]
    assert body["agenda"][0]["kind"] == "welcome"
    assert body["participants"][0]["access_needs"] == ["large_print", "audio"]
    assert body["decisions"][0]["agenda_item_id"] == workshop.agenda[1].id
    assert (body["decisions"][0]["agreed"], body["decisions"][0]["options"]) == (True, [])
    assert body["decisions"][1]["agreement"] == "chosen"
    assert body["decisions"][1]["options"] == [
        {"words": "May", "picture": "calendar", "count": 6},
        {"words": "June", "picture": "", "count": 2},
    ]
    assert body["ideas"] == [
        {"text": "A bus buddy for new riders", "suggested_by": "Carys", "agenda_item_id": workshop.agenda[1].id,
         "id": workshop.ideas[0].id},
        {"text": "Ask the drivers to come", "suggested_by": "", "agenda_item_id": None, "id": workshop.ideas[1].id},
    ]
    assert [a["carried_from_id"] for a in body["actions"]] == [None, "earlier0action"]
    assert "Dŵr Cymru".encode() in raw
    assert body["pronunciations"][1] == {
        "written": "Dŵr Cymru",
        "spoken": "Door Kum-ree",
        "id": workshop.pronunciations[1].id,
    }


def test_export_replaces_a_file_whole_and_leaves_no_temporary_files(library):
    workshop = library.add_workshop(full_workshop(**TRAVELLING))
    folder = library.path.parent
    path = folder / "out.json"
    path.write_text("old contents")
    exchange.export_workshop(library, workshop.id, path)
    assert exchange.read_workshop_file(path).workshop == workshop
    assert not list(folder.glob(".export-*"))


def test_exporting_a_missing_workshop_writes_nothing(library):
    path = library.path.parent / "out.json"
    with pytest.raises(WorkshopNotFound):
        exchange.export_workshop(library, "missing", path)
    assert not path.exists()
    assert not list(path.parent.glob(".export-*"))


def test_a_file_with_a_byte_order_mark_is_read(tmp_path):
    workshop = full_workshop(**TRAVELLING)
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + to_bytes(exchange.workshop_document(workshop, None)))
    assert exchange.read_workshop_file(path).workshop == workshop


def test_fields_a_newer_version_added_are_left_out_with_a_note():
    workshop = full_workshop(**TRAVELLING)
    doc = document(workshop)
    doc["workshop"]["mood"] = "sunny"
    doc["workshop"]["agenda"][1]["sound"] = "bell"
    result = exchange.parse_workshop_bytes(to_bytes(doc))
    assert result.workshop == workshop
    assert any("The workshop" in note and "mood" in note for note in result.notes)
    assert any("Agenda item 2" in note and "sound" in note for note in result.notes)


def test_a_file_from_before_pronunciations_has_none_and_no_note():
    workshop = full_workshop(**TRAVELLING)
    doc = document(workshop)
    del doc["workshop"]["pronunciations"]
    result = exchange.parse_workshop_bytes(to_bytes(doc))
    workshop.pronunciations = []
    assert result.workshop == workshop
    assert result.notes == []


def test_a_file_from_before_who_came_and_the_run_sheet_imports_as_it_did_with_no_note():
    """Files written before "came", "led_by" and "to_bring" are format 3 too: nobody is ticked, so everyone
    counts as there, and no item has anyone to lead it or anything to bring."""
    workshop = full_workshop(**TRAVELLING)
    doc = document(workshop)
    for person in doc["workshop"]["participants"]:
        del person["came"]
    for item in doc["workshop"]["agenda"]:
        del item["led_by"], item["to_bring"]
    result = exchange.parse_workshop_bytes(to_bytes(doc))
    assert result.notes == []
    assert [p.came for p in result.workshop.participants] == [None, None]
    assert result.workshop.people_there() == result.workshop.participants
    assert {(i.led_by, i.to_bring) for i in result.workshop.agenda} == {("", "")}
    for person in workshop.participants:
        person.came = None
    for item in workshop.agenda:
        item.led_by = item.to_bring = ""
    assert result.workshop == workshop


def test_who_came_who_leads_and_what_to_bring_travel_in_the_file():
    workshop = full_workshop(**TRAVELLING)
    workshop.participants[1].came = False
    workshop.agenda[0].led_by, workshop.agenda[0].to_bring = "Ann and Bo 👋", "بطاقات الأسماء, tea ☕"
    body = document(workshop)["workshop"]
    assert [p["came"] for p in body["participants"]] == [True, False]
    assert [(i["led_by"], i["to_bring"]) for i in body["agenda"]] == [
        ("Ann and Bo 👋", "بطاقات الأسماء, tea ☕"), ("Bo", "The bus map, pens"), ("", "")]
    assert exchange.parse_workshop_bytes(to_bytes(document(workshop))).workshop == workshop
    body["participants"][0]["came"] = None  # null: not known
    assert exchange.parse_workshop(document(workshop) | {"workshop": body}).workshop.participants[0].came is None


def format_2_document(workshop: Workshop) -> dict:
    """The workshop as the version before "deciding together" wrote it: no ideas, options, agreed or carried."""
    doc = document(workshop)
    doc["format"] = 2
    del doc["workshop"]["ideas"]
    for decision in doc["workshop"]["decisions"]:
        del decision["options"], decision["agreed"]
    for action in doc["workshop"]["actions"]:
        del action["carried_from_id"]
    return doc


def test_a_format_2_file_imports_without_ideas_options_or_carried_actions_and_no_note():
    result = exchange.parse_workshop_bytes(to_bytes(format_2_document(full_workshop(**TRAVELLING))))
    assert result.notes == []
    assert result.workshop.ideas == []
    assert [d.options for d in result.workshop.decisions] == [[], []]
    assert [a.carried_from_id for a in result.workshop.actions] == [None, None]


def test_decisions_in_a_format_2_file_that_say_how_people_agreed_are_agreed():
    workshop = full_workshop(**TRAVELLING)
    workshop.decisions.append(Decision("Meet in the library", agreement=Agreement.NOT_YET))
    result = exchange.parse_workshop_bytes(to_bytes(format_2_document(workshop)))
    assert [d.agreed for d in result.workshop.decisions] == [True, True, False]


def test_a_decision_whose_agreed_is_null_is_read_as_one_without_it():
    """Missing and null mean the same, for this field as for every other (the fuzzer found they did not)."""
    doc = document()
    doc["workshop"]["decisions"][0]["agreed"] = None
    del doc["workshop"]["decisions"][1]["agreed"]
    doc["workshop"]["decisions"][1]["agreement"] = "not_yet"
    assert [d.agreed for d in exchange.parse_workshop_bytes(to_bytes(doc)).workshop.decisions] == [True, False]


def test_the_most_options_and_counts_allowed_are_fine():
    doc = document()
    options = [{"words": f"Day {n} 📅", "count": 10_000 if n == 0 else n} for n in range(exchange.MOST_OPTIONS)]
    doc["workshop"]["decisions"][1]["options"] = options
    result = exchange.parse_workshop_bytes(to_bytes(doc))
    chosen = result.workshop.decisions[1]
    assert [o.words for o in chosen.options] == [f"Day {n} 📅" for n in range(12)]
    assert chosen.chosen() == Option("Day 0 📅", count=10_000)


def test_a_field_an_option_does_not_know_is_left_out_with_a_note():
    doc = document()
    doc["workshop"]["decisions"][1]["options"][0]["colour"] = "green"
    result = exchange.parse_workshop_bytes(to_bytes(doc))
    assert result.workshop.decisions[1].options[0] == Option("May", picture="calendar", count=6)
    assert any("Decision 2, option 1" in note and "colour" in note for note in result.notes)


def test_problems_in_several_options_are_all_reported():
    doc = spoil(W + ("decisions", 1, "options"), [{"words": "May", "count": -1}, {"count": 2}, {"words": "July"}])
    assert problems_of(doc) == [
        "Decision 2, option 1: the number who chose it should be a whole number from 0 to 10,000, not -1.",
        "Decision 2, option 2 has no words.",
    ]


def test_a_workshop_that_belongs_to_a_group_not_in_the_file_comes_without_a_group():
    doc = document()
    doc["workshop"]["group_id"] = "somewhere-else"
    result = exchange.parse_workshop_bytes(to_bytes(doc))
    assert result.workshop.group_id is None
    assert result.group is None
    assert any("group" in note for note in result.notes)


def test_a_participant_known_only_by_an_alias_survives_export_and_import():
    workshop = Workshop("Aliases", participants=[Participant(alias="Sam"), Participant(alias="Jo", name="")])
    result = exchange.parse_workshop_bytes(to_bytes(exchange.workshop_document(workshop, None)))
    assert result.workshop == workshop


# -- property tests: any workshop survives the trip ----------------------------------

SAMPLES = [
    EMOJI,
    ARABIC,
    "\u200fשלום",
    "Llanfairpwllgwyngyll",
    "e\u0301",
    "日本語",
    "\x00",
    "\n\t",
    '"\\',
    "</script>",
    "\u2028",
    "\ufeff",
]
PIECE = st.one_of(st.text(max_size=12), st.sampled_from(SAMPLES))


def text_for(name: str, required: bool = False) -> st.SearchStrategy[str]:
    """Any text for a field, up to the longest the file format allows for it."""
    limit = exchange.text_limit(name)
    short = st.lists(PIECE, max_size=4).map(lambda pieces: "".join(pieces)[:limit])
    very_long = st.tuples(st.sampled_from([*SAMPLES[:4], "ab "]), st.integers(limit - 3, limit)).map(
        lambda t: (t[0] * limit)[: t[1]]
    )
    strategy = st.one_of(short, short, very_long)
    if required:
        strategy = strategy.map(lambda s: s if s.strip() else ("x" + s)[:limit])
    return strategy


def with_a_name_or_alias(person: Participant) -> Participant:
    """The file format asks for a name or an alias (docs/file-format.md); either may be empty."""
    if not (person.name.strip() or person.alias.strip()):
        person.alias = ("Sam" + person.alias)[: exchange.SHORT_TEXT]
    return person


TIMES = st.builds(dt.time, st.integers(0, 23), st.integers(0, 59))
LANGUAGES = st.one_of(
    st.sampled_from(["en", "cy", "ar", "pt_BR", "fil"]), st.from_regex(r"[a-z]{2,3}(_[A-Z]{2})?", fullmatch=True)
)


@st.composite
def workshops_and_groups(draw) -> tuple[Workshop, Group | None]:
    base = draw(st.from_regex(r"[A-Za-z0-9_-]{1,40}", fullmatch=True))
    counter = iter(range(10_000))

    def next_id() -> str:
        return f"{base}-{next(counter)}"

    agenda = draw(
        st.lists(
            st.builds(
                AgendaItem,
                title=text_for("title", required=True),
                plain_words=text_for("plain_words"),
                picture=text_for("picture"),
                minutes=st.integers(1, 600),
                kind=st.sampled_from(ItemKind),
                notes=text_for("notes"),
                led_by=text_for("led_by"),
                to_bring=text_for("to_bring"),
            ),
            max_size=6,
        )
    )
    for item in agenda:
        item.id = next_id()
    link = st.one_of(st.none(), st.sampled_from([item.id for item in agenda])) if agenda else st.none()
    count = st.integers(0, 10_000)
    parts = {
        "agenda": agenda,
        "facilitators": st.builds(
            Facilitator, name=text_for("name", required=True), role=text_for("role"), lived_experience=st.booleans()
        ),
        "participants": st.builds(
            Participant,
            name=text_for("name"),
            alias=text_for("alias"),
            access_needs=st.lists(st.sampled_from(AccessNeed), max_size=4),
            other_needs=text_for("other_needs"),
            came=st.sampled_from([None, True, False]),
        ).map(with_a_name_or_alias),
        "decisions": st.builds(
            Decision,
            text=text_for("text", required=True),
            agenda_item_id=link,
            picture=text_for("picture"),
            agreement=st.sampled_from(Agreement),
            agree=count,
            not_sure=count,
            disagree=count,
            options=st.lists(
                st.builds(Option, words=text_for("words", required=True), picture=text_for("picture"), count=count),
                max_size=3,
            ),
            agreed=st.booleans(),
            suggested_by=text_for("suggested_by"),
        ),
        "ideas": st.builds(
            Idea, text=text_for("text", required=True), suggested_by=text_for("suggested_by"), agenda_item_id=link
        ),
        "actions": st.builds(
            Action,
            what=text_for("what", required=True),
            who=text_for("who"),
            by_when=st.none() | st.dates(),
            status=st.sampled_from(ActionStatus),
            agenda_item_id=link,
            carried_from_id=st.none() | st.from_regex(r"[A-Za-z0-9_-]{1,64}", fullmatch=True),
        ),
        "parked_questions": st.builds(
            ParkedQuestion, text=text_for("text", required=True), asked_by=text_for("asked_by"), agenda_item_id=link
        ),
        "group_words": st.builds(
            GroupWord,
            term=text_for("term", required=True),
            meaning=text_for("meaning", required=True),
            agreed=st.booleans(),
        ),
        "timings": st.builds(
            ItemTiming,
            started=st.datetimes(min_value=dt.datetime(2000, 1, 1)).map(lambda t: t.replace(microsecond=0)),
            ended=st.none() | st.datetimes(min_value=dt.datetime(2000, 1, 1)).map(lambda t: t.replace(microsecond=0)),
            agenda_item_id=link,
        ),
        "pronunciations": st.builds(
            Pronunciation, written=text_for("written", required=True), spoken=text_for("spoken", required=True)
        ),
    }
    lists = {}
    for part, strategy in parts.items():
        lists[part] = strategy if part == "agenda" else draw(st.lists(strategy, max_size=4))
        if part != "agenda":
            for obj in lists[part]:
                obj.id = next_id()
    group = draw(
        st.none() | st.builds(Group, name=text_for("name", required=True), description=text_for("description"))
    )
    if group is not None:
        group.id = next_id()
    workshop = Workshop(
        title=draw(text_for("title", required=True)),
        purpose=draw(text_for("purpose")),
        date=draw(st.none() | st.dates()),
        start_time=draw(st.none() | TIMES),
        room_booked_until=draw(st.none() | TIMES),
        place=draw(text_for("place")),
        language=draw(LANGUAGES),
        group_id=group.id if group else None,
        **lists,
    )
    workshop.id = next_id()
    return workshop, group


def test_the_generator_makes_every_kind_of_part():
    """The property tests below are only as good as the workshops they see."""
    seen = set()

    @settings(max_examples=60, deadline=None, database=None)
    @given(workshops_and_groups())
    def look(pair):
        workshop, group = pair
        seen.update(part for part in WORKSHOP_PARTS if getattr(workshop, part))
        if group:
            seen.add("group")
        if any(d.agenda_item_id for d in workshop.decisions):
            seen.add("link")
        if any(d.options for d in workshop.decisions):
            seen.add("options")
        if any(a.carried_from_id for a in workshop.actions):
            seen.add("carried")

    look()
    assert seen >= {*WORKSHOP_PARTS, "group", "link", "options", "carried"}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(workshops_and_groups(), st.booleans())
def test_any_workshop_survives_the_file_format(pair, ascii_only):
    workshop, group = pair
    raw = json.dumps(exchange.workshop_document(workshop, group), ensure_ascii=ascii_only).encode("utf-8")
    result = exchange.parse_workshop_bytes(raw)
    assert result.workshop == workshop
    assert result.group == group
    assert result.notes == []


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(workshops_and_groups())
def test_any_workshop_survives_the_library(pair):
    workshop, group = pair
    with tempfile.TemporaryDirectory() as folder:
        lib = open_library(Path(folder) / "library.sqlite3")
        try:
            if group is not None:
                lib.add_group(group)
            lib.add_workshop(workshop)
            assert lib.load_workshop(workshop.id) == workshop
            if group is not None:
                assert lib.group(group.id) == group
        finally:
            lib.close()


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(workshops_and_groups())
def test_any_workshop_survives_export_from_a_library_and_import_into_another(pair):
    workshop, group = pair
    with tempfile.TemporaryDirectory() as folder:
        here = open_library(Path(folder) / "here" / "library.sqlite3")
        there = open_library(Path(folder) / "there" / "library.sqlite3")
        try:
            if group is not None:
                here.add_group(group)
            here.add_workshop(workshop)
            path = exchange.export_workshop(here, workshop.id, Path(folder) / "workshop.json")
            result = exchange.read_workshop_file(path)
            assert result.workshop == workshop
            assert result.group == group
            assert exchange.import_into(there, result) == workshop
            assert there.load_workshop(workshop.id) == workshop
        finally:
            here.close()
            there.close()


# -- files that are not workshop files ------------------------------------------------


@pytest.mark.parametrize(
    "raw",
    [b"hello", b"", b"{", b'{"format": 1,', b"<html><body>Workshop</body></html>", b"{'format': 1}"],
)
def test_not_json(raw):
    problem = only_problem(raw)
    assert problem.startswith("This is not a workshop file, or it is damaged: line 1, column ")


def test_a_damaged_export_says_where_it_breaks():
    raw = json.dumps(document(), indent=1).encode()
    problem = only_problem(raw[: len(raw) // 2])
    assert problem.startswith("This is not a workshop file, or it is damaged: line ")
    line = int(problem.split("line ")[1].split(",")[0])
    assert line > 10


@pytest.mark.parametrize(
    "raw",
    [
        b"\xff\xfe{\x00}\x00",  # UTF-16, as some editors save
        '{"format": 1, "workshop": {"title": "café"}}'.encode("latin-1"),
        bytes(range(256)),
    ],
)
def test_not_utf8(raw):
    assert only_problem(raw) == "This is not a workshop file: it is not text."


@pytest.mark.parametrize("value", [[], [1, 2], "format", 1, None, True, {"workshop": {"title": "x"}}])
def test_json_that_is_not_a_workshop_document(value):
    assert only_problem(json.dumps(value).encode()) == (
        'This is not a facilitator workshop file: it has no "format" number.'
    )


@pytest.mark.parametrize("version", ["1", True, False, -1, 0, 1.0, 1.5, None, [1], {"v": 1}])
def test_a_format_that_is_not_a_version_number(version):
    doc = document()
    doc["format"] = version
    assert only_problem(doc) == 'This is not a facilitator workshop file: its "format" is not a number.'


@pytest.mark.parametrize("version", [4, 99, 10**30])
def test_a_format_from_a_newer_version(version):
    doc = document()
    doc["format"] = version
    problem = only_problem(doc)
    assert problem.startswith("This file was made by a newer version of facilitator")
    assert f"format {version}" in problem and "format 3" in problem
    assert "Update the app" in problem


def test_a_document_without_a_workshop():
    doc = document()
    del doc["workshop"]
    assert only_problem(doc) == "The file has no workshop in it."
    doc["workshop"] = ["not", "a", "workshop"]
    assert only_problem(doc) == "The file has no workshop in it."


def test_a_missing_file(tmp_path):
    path = tmp_path / "nowhere.json"
    with pytest.raises(ImportFailed) as caught:
        exchange.read_workshop_file(path)
    (problem,) = caught.value.problems
    assert str(path) in problem
    assert "cannot be read" in problem
    assert "No such file" in problem


def test_a_folder_instead_of_a_file(tmp_path):
    with pytest.raises(ImportFailed) as caught:
        exchange.read_workshop_file(tmp_path)
    assert caught.value.problems == [f"{tmp_path} is a folder, not a file. Choose the workshop file inside it."]


NOT_ORDINARY = "is not an ordinary file (it is a device, a pipe or a socket), so it was not read."


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_pipe_is_refused_without_waiting_for_it(tmp_path):
    """Opening a pipe to read waits until something writes to it: the file must be refused first."""
    pipe = tmp_path / "workshop.json"
    os.mkfifo(pipe)
    started = time.perf_counter()
    with pytest.raises(ImportFailed) as caught:
        exchange.read_workshop_file(pipe)
    assert caught.value.problems == [f"{pipe} {NOT_ORDINARY}"]
    assert time.perf_counter() - started < 1


def test_a_pipe_swapped_in_after_the_first_look_is_refused_without_waiting(tmp_path, monkeypatch):
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes here")
    pipe = tmp_path / "workshop.json"
    os.mkfifo(pipe)
    real_stat = os.stat
    monkeypatch.setattr(untrusted.os, "stat", lambda path: real_stat(__file__))  # the first look sees a file
    started = time.perf_counter()
    with pytest.raises(ImportFailed) as caught:
        exchange.read_workshop_file(pipe)
    assert caught.value.problems == [f"{pipe} {NOT_ORDINARY}"]
    assert time.perf_counter() - started < 1


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom", "/dev/null"])
def test_a_device_is_refused_without_reading_it(device):
    if not Path(device).exists():
        pytest.skip(f"no {device} here")
    with pytest.raises(ImportFailed) as caught:
        exchange.read_workshop_file(device)
    assert caught.value.problems == [f"{device} {NOT_ORDINARY}"]


def test_a_file_that_says_it_is_empty_but_is_not_is_read_no_further_than_the_limit(tmp_path, monkeypatch):
    """Files under /proc say they are empty and are not: reading stops one byte past the limit."""
    path = tmp_path / "grows.json"
    path.write_bytes(b" " * 5000)
    real_stat, real_fstat = os.stat, os.fstat

    def says_empty(look):
        def looked(at):
            info = list(look(at))
            info[6] = 0  # st_size
            return os.stat_result(info)
        return looked

    monkeypatch.setattr(untrusted.os, "stat", says_empty(real_stat))
    monkeypatch.setattr(untrusted.os, "fstat", says_empty(real_fstat))
    monkeypatch.setattr(exchange, "MAX_FILE_BYTES", 1000)
    monkeypatch.setattr(untrusted, "CHUNK_BYTES", 300)
    asked = []
    real_read = os.read
    monkeypatch.setattr(untrusted.os, "read", lambda handle, size: asked.append(size) or real_read(handle, size))
    with pytest.raises(ImportFailed) as caught:
        exchange.read_workshop_file(path)
    assert caught.value.problems == [
        f"The file {path} holds more than 1,000 bytes: too big to be a workshop file. Is it the right file?"
    ]
    assert sum(asked) == 1001


def test_a_file_that_is_too_big(tmp_path, monkeypatch):
    path = tmp_path / "big.json"
    raw = to_bytes(document())
    path.write_bytes(raw)
    monkeypatch.setattr(exchange, "MAX_FILE_BYTES", len(raw))
    assert exchange.read_workshop_file(path).workshop.title.startswith("Bus passes")  # exactly at the limit
    monkeypatch.setattr(exchange, "MAX_FILE_BYTES", len(raw) - 1)
    with pytest.raises(ImportFailed) as caught:
        exchange.read_workshop_file(path)
    (problem,) = caught.value.problems
    assert f"{len(raw):,} bytes" in problem
    assert "too big" in problem


def test_a_file_nested_100000_levels_deep(tmp_path):
    deep = b"[" * 100_000 + b"]" * 100_000
    assert only_problem(deep) == "This is not a workshop file: it is nested too deeply."
    inside = b'{"format": 1, "workshop": {"title": ' + deep + b"}}"
    assert only_problem(inside) == "This is not a workshop file: it is nested too deeply."
    path = tmp_path / "deep.json"
    path.write_bytes(b'{"a":' * 100_000 + b"1" + b"}" * 100_000)
    with pytest.raises(ImportFailed) as caught:
        exchange.read_workshop_file(path)
    assert caught.value.problems == ["This is not a workshop file: it is nested too deeply."]


def test_nesting_just_shallow_enough_to_read_is_still_reported_not_a_crash():
    """Values nested nearly as deep as Python allows must give a message, never a RecursionError."""
    limit = sys.getrecursionlimit()
    crashed = []
    for depth in range(max(1, limit - 300), limit + 20):
        nested = "[" * depth + "]" * depth
        for where in (
            '{"format": 1, "workshop": {"title": %s}}',
            '{"format": 1, "group": %s, "workshop": {"title": "t"}}',
        ):
            try:
                exchange.parse_workshop_bytes((where % nested).encode())
            except ImportFailed:
                pass
            except RecursionError:
                crashed.append(depth)
    assert crashed == []


# -- wrong values, with messages that name the part and its number ---------------------


def spoil(where: tuple, value, remove: bool = False) -> dict:
    """A valid document with one value changed. It has no links into the agenda, so that the
    one problem is about that value alone (see test_a_wrong_value_in_an_agenda_item_...)."""
    doc = document()
    for part in LINKED_PARTS:
        for obj in doc["workshop"][part]:
            obj["agenda_item_id"] = None
    target = doc
    for step in where[:-1]:
        target = target[step]
    if remove:
        del target[where[-1]]
    else:
        target[where[-1]] = value
    return doc


W = ("workshop",)

WRONG_VALUES = [
    # (where, value, the exact problem, or its start)
    (W + ("title",), 5, "The workshop: the title should be text, not 5."),
    (W + ("title",), ["a"], 'The workshop: the title should be text, not ["a"].'),
    (W + ("title",), "   ", "The workshop has no title."),
    (W + ("title",), "", "The workshop has no title."),
    (W + ("title",), None, "The workshop has no title."),
    (W + ("purpose",), {"a": 1}, 'The workshop: the purpose should be text, not {"a": 1}.'),
    (
        W + ("date",),
        "3/3/2026",
        'The workshop: the date should be written year-month-day, like 2026-03-03, not "3/3/2026".',
    ),
    (
        W + ("date",),
        "2026-02-30",
        'The workshop: the date should be written year-month-day, like 2026-03-03, not "2026-02-30".',
    ),
    (
        W + ("date",),
        20260303,
        "The workshop: the date should be written year-month-day, like 2026-03-03, not 20260303.",
    ),
    (W + ("date",), "2026-03-03T10:00", "The workshop: the date should be written year-month-day"),
    (
        W + ("start_time",),
        "10.30",
        'The workshop: the start time should be written hours:minutes, like 10:30, not "10.30".',
    ),
    (
        W + ("start_time",),
        "25:00",
        'The workshop: the start time should be written hours:minutes, like 10:30, not "25:00".',
    ),
    (
        W + ("start_time",),
        "9:30",
        'The workshop: the start time should be written hours:minutes, like 10:30, not "9:30".',
    ),
    (
        W + ("room_booked_until",),
        1230,
        "The workshop: the time the room is booked until should be written hours:minutes",
    ),
    (
        W + ("language",),
        "English",
        'The workshop: the language should be a language code such as "en", "cy" or "ar", not "English".',
    ),
    (W + ("language",), 44, "The workshop: the language should be text, not 44."),
    (W + ("id",), "has spaces", 'The workshop: the id should be up to 64 letters, digits, - or _, not "has spaces".'),
    (W + ("id",), "x" * 65, "The workshop: the id should be up to 64 letters, digits, - or _"),
    (W + ("id",), 12, "The workshop: the id should be up to 64 letters, digits, - or _, not 12."),
    (
        W + ("group_id",),
        "../../etc",
        'The workshop: the group should be up to 64 letters, digits, - or _, not "../../etc".',
    ),
    (W + ("place",), "p" * 501, "The workshop: the place is 501 characters long; the most is 500."),
    (W + ("purpose",), "p" * 20_001, "The workshop: the purpose is 20,001 characters long; the most is 20,000."),
    (W + ("agenda", 0, "minutes"), 0, "Agenda item 1: the minutes should be a whole number from 1 to 600, not 0."),
    (W + ("agenda", 0, "minutes"), 601, "Agenda item 1: the minutes should be a whole number from 1 to 600, not 601."),
    (
        W + ("agenda", 1, "minutes"),
        "10",
        'Agenda item 2: the minutes should be a whole number from 1 to 600, not "10".',
    ),
    (
        W + ("agenda", 1, "minutes"),
        10.5,
        "Agenda item 2: the minutes should be a whole number from 1 to 600, not 10.5.",
    ),
    (
        W + ("agenda", 1, "minutes"),
        True,
        "Agenda item 2: the minutes should be a whole number from 1 to 600, not true.",
    ),
    (W + ("agenda", 2, "title"), None, "Agenda item 3 has no title."),
    (W + ("agenda", 2, "title"), "\n\t ", "Agenda item 3 has no title."),
    (
        W + ("agenda", 2, "kind"),
        "party",
        "Agenda item 3: the kind should be one of: " + ", ".join(k.value for k in ItemKind) + ', not "party".',
    ),
    (W + ("agenda", 0, "plain_words"), 3, "Agenda item 1: the plain words should be text, not 3."),
    (W + ("agenda", 0, "id"), "", 'Agenda item 1: the id should be up to 64 letters, digits, - or _, not "".'),
    (W + ("agenda", 0), "Welcome", "Agenda item 1 should be a set of named values."),
    (W + ("agenda", 0), None, "Agenda item 1 should be a set of named values."),
    (W + ("agenda",), {"title": "x"}, 'The workshop\'s "agenda" should be a list.'),
    (
        W + ("facilitators", 1, "lived_experience"),
        "yes",
        'Person running the workshop 2: the lived experience should be true or false, not "yes".',
    ),
    (
        W + ("facilitators", 1, "lived_experience"),
        1,
        "Person running the workshop 2: the lived experience should be true or false, not 1.",
    ),
    (W + ("facilitators", 0, "name"), None, "Person running the workshop 1 has no name."),
    (
        W + ("participants", 0, "access_needs"),
        "large_print",
        'Participant 1: the access needs should be a list, not "large_print".',
    ),
    (
        W + ("participants", 0, "access_needs"),
        ["wheelchair"],
        "Participant 1: the access needs should be one of: "
        + ", ".join(n.value for n in AccessNeed)
        + ', not "wheelchair".',
    ),
    (W + ("participants", 1, "alias"), False, "Participant 2: the alias should be text, not false."),
    (W + ("participants",), "Carys, Dee", 'The workshop\'s "participants" should be a list.'),
    (
        W + ("decisions", 0, "agree"),
        -1,
        "Decision 1: the number who agree should be a whole number from 0 to 10,000, not -1.",
    ),
    (
        W + ("decisions", 0, "not_sure"),
        10_001,
        "Decision 1: the number who are not sure should be a whole number from 0 to 10,000, not 10001.",
    ),
    (
        W + ("decisions", 1, "agreement"),
        "maybe",
        'Decision 2: the agreement should be one of: not_yet, everyone, counted, chosen, not "maybe".',
    ),
    (W + ("decisions", 0, "agreed"), "yes", 'Decision 1: the agreed should be true or false, not "yes".'),
    (W + ("decisions", 1, "options"), "May", 'Decision 2: the options should be a list, not "May".'),
    (W + ("decisions", 1, "options"), {"words": "May"}, 'Decision 2: the options should be a list, not {"words"'),
    (W + ("decisions", 1, "options", 0), "May", "Decision 2, option 1 should be a set of named values."),
    (W + ("decisions", 1, "options", 1, "words"), None, "Decision 2, option 2 has no words."),
    (W + ("decisions", 1, "options", 1, "words"), " ", "Decision 2, option 2 has no words."),
    (W + ("decisions", 1, "options", 1), {"count": 2}, "Decision 2, option 2 has no words."),
    (
        W + ("decisions", 1, "options", 0, "count"),
        -1,
        "Decision 2, option 1: the number who chose it should be a whole number from 0 to 10,000, not -1.",
    ),
    (
        W + ("decisions", 1, "options", 0, "count"),
        "6",
        'Decision 2, option 1: the number who chose it should be a whole number from 0 to 10,000, not "6".',
    ),
    (
        W + ("decisions", 1, "options"),
        [{"words": f"Day {n}"} for n in range(13)],
        'Decision 2: the options should be a list of at most 12 options, not [{"words": "Day 0"}',
    ),
    (W + ("decisions", 1, "options", 0, "picture"), 5, "Decision 2, option 1: the picture should be text, not 5."),
    (W + ("ideas", 1, "text"), "", "Idea 2 has no text."),
    (W + ("ideas", 0, "suggested_by"), ["Carys"], 'Idea 1: the suggested by should be text, not ["Carys"].'),
    (W + ("ideas", 0, "text"), "i" * 20_001, "Idea 1: the text is 20,001 characters long; the most is 20,000."),
    (
        W + ("actions", 1, "carried_from_id"),
        "../earlier",
        'Action 2: the action it was carried over from should be up to 64 letters, digits, - or _, not "../earlier".',
    ),
    (W + ("decisions", 1, "text"), "", "Decision 2 has no text."),
    (
        W + ("decisions", 1, "agenda_item_id"),
        7,
        "Decision 2: the agenda item it belongs to should be up to 64 letters, digits, - or _, not 7.",
    ),
    (
        W + ("actions", 0, "by_when"),
        "tomorrow",
        'Action 1: the by when date should be written year-month-day, like 2026-03-03, not "tomorrow".',
    ),
    (
        W + ("actions", 1, "status"),
        "doing",
        'Action 2: the status should be one of: to_do, done, not_yet, stuck, not "doing".',
    ),
    (W + ("actions", 1, "who"), ["Ann"], 'Action 2: the who should be text, not ["Ann"].'),
    (W + ("parked_questions", 0, "asked_by"), 7, "Parked question 1: the asked by should be text, not 7."),
    (W + ("parked_questions", 0, "text"), None, "Parked question 1 has no text."),
    (W + ("group_words", 0, "agreed"), "true", 'Group word 1: the agreed should be true or false, not "true".'),
    (W + ("group_words", 0, "meaning"), None, "Group word 1 has no meaning."),
    (W + ("group_words", 0, "term"), " ", "Group word 1 has no term."),
    (W + ("pronunciations", 0, "written"), "", "Pronunciation 1 has no written word."),
    (W + ("pronunciations", 1, "written"), None, "Pronunciation 2 has no written word."),
    (W + ("pronunciations", 1, "spoken"), " \n", "Pronunciation 2 has no way to say it."),
    (
        W + ("pronunciations", 0, "written"),
        "Ŵ" * 101,
        "Pronunciation 1: the written word is 101 characters long; the most is 100.",
    ),
    (
        W + ("pronunciations", 1, "spoken"),
        "s" * 301,
        "Pronunciation 2: the way to say it is 301 characters long; the most is 300.",
    ),
    (
        W + ("pronunciations", 0, "spoken"),
        ["Kar", "iss"],
        'Pronunciation 1: the way to say it should be text, not ["Kar", "iss"].',
    ),
    (W + ("participants", 1, "came"), "yes", 'Participant 2: the tick for who came should be true or false, not "yes".'),
    (W + ("participants", 0, "came"), 1, "Participant 1: the tick for who came should be true or false, not 1."),
    (W + ("agenda", 1, "led_by"), ["Bo"], 'Agenda item 2: the person who leads it should be text, not ["Bo"].'),
    (
        W + ("agenda", 1, "to_bring"),
        "p" * 501,
        "Agenda item 2: the things to bring or prepare is 501 characters long; the most is 500.",
    ),
]


@pytest.mark.parametrize(("where", "value", "expected"), WRONG_VALUES, ids=lambda v: repr(v)[:40])
def test_a_wrong_value_gives_one_clear_message(where, value, expected):
    problem = only_problem(spoil(where, value))
    assert problem.startswith(expected)


def test_a_wrong_value_in_an_agenda_item_does_not_also_break_the_links_to_it():
    doc = document()
    # Decision 1 and Action 1 were made during agenda item 2; its minutes are wrong.
    doc["workshop"]["agenda"][1]["minutes"] = 0
    assert problems_of(doc) == ["Agenda item 2: the minutes should be a whole number from 1 to 600, not 0."]


def test_a_participant_with_neither_a_name_nor_an_alias():
    doc = spoil(W + ("participants", 1), {"name": " ", "alias": "", "other_needs": "Dog"})
    assert only_problem(doc) == "Participant 2 has neither a name nor a chosen name (alias)."


def test_a_file_of_another_kind():
    doc = document()
    doc["kind"] = "facilitator-template"
    assert only_problem(doc) == "This is not a facilitator workshop file: it holds something else."


def test_a_long_wrong_value_is_shown_shortened():
    problem = only_problem(spoil(W + ("title",), list(range(1000))))
    assert problem.startswith("The workshop: the title should be text, not [0, 1, 2")
    assert len(problem) < 150
    assert "…" in problem


def test_a_missing_required_field_in_each_kind_of_part():
    doc = document()
    body = doc["workshop"]
    del body["agenda"][2]["title"]
    del body["facilitators"][1]["name"]
    del body["decisions"][0]["text"]
    del body["decisions"][1]["options"][0]["words"]
    del body["ideas"][1]["text"]
    del body["actions"][1]["what"]
    del body["parked_questions"][0]["text"]
    del body["group_words"][0]["term"]
    del body["pronunciations"][1]["spoken"]
    problems = problems_of(doc)
    assert problems[:2] == ["Person running the workshop 2 has no name.", "Agenda item 3 has no title."]
    assert "Decision 1 has no text." in problems
    assert "Decision 2, option 1 has no words." in problems
    assert "Idea 2 has no text." in problems
    assert any(p.startswith("Action 2 has no ") for p in problems)
    assert "Parked question 1 has no text." in problems
    assert "Group word 1 has no term." in problems
    assert "Pronunciation 2 has no way to say it." in problems
    assert len(problems) == 9


@pytest.mark.parametrize(
    ("where", "value", "expected"),
    [
        (("group",), "Tuesday group", "The group should be a set of named values."),
        (("group", "name"), None, "The group has no name."),
        (("group", "name"), 5, "The group: the name should be text, not 5."),
        (
            ("group", "description"),
            "d" * 20_001,
            "The group: the description is 20,001 characters long; the most is 20,000.",
        ),
        (("group", "id"), "a b", 'The group: the id should be up to 64 letters, digits, - or _, not "a b".'),
    ],
)
def test_a_wrong_group(where, value, expected):
    group = Group("Tuesday group")
    doc = document(full_workshop(group=group, **TRAVELLING), group)
    target = doc
    for step in where[:-1]:
        target = target[step]
    target[where[-1]] = value
    assert only_problem(doc) == expected


def test_a_ten_megabyte_title():
    huge = "A" * (10 * 1024 * 1024)
    assert only_problem(spoil(W + ("title",), huge)) == (
        "The workshop: the title is 10,485,760 characters long; the most is 500."
    )


def test_a_ten_megabyte_decision():
    huge = "لا " * (10 * 1024 * 1024 // 3)
    problem = only_problem(spoil(W + ("decisions", 1, "text"), huge))
    assert problem == f"Decision 2: the text is {len(huge):,} characters long; the most is 20,000."


def test_text_at_the_limits_is_accepted():
    doc = spoil(W + ("title",), "t" * exchange.SHORT_TEXT)
    doc["workshop"]["agenda"][0]["notes"] = "n" * exchange.LONG_TEXT
    doc["workshop"]["decisions"][0]["agree"] = 10_000
    doc["workshop"]["agenda"][1]["minutes"] = 600
    doc["workshop"]["pronunciations"][1] = {"written": "ŵ" * 100, "spoken": "w" * 300}
    result = exchange.parse_workshop_bytes(to_bytes(doc))
    assert len(result.workshop.title) == exchange.SHORT_TEXT
    assert len(result.workshop.agenda[0].notes) == exchange.LONG_TEXT
    said = result.workshop.pronunciations[1]
    assert (said.written, said.spoken) == ("ŵ" * 100, "w" * 300)
    assert result.workshop.decisions[0].agree == 10_000


def test_ten_thousand_agenda_items_import_in_order(library):
    items = [AgendaItem(f"Item {n}", minutes=n % 600 + 1) for n in range(10_000)]
    workshop = Workshop("Very long day", start_time=dt.time(0, 0), agenda=items)
    workshop.decisions.append(Decision("The last one", agenda_item_id=items[-1].id))
    result = exchange.parse_workshop_bytes(to_bytes(exchange.workshop_document(workshop, None)))
    assert result.workshop == workshop
    imported = exchange.import_into(library, result)
    loaded = library.load_workshop(imported.id)
    assert len(loaded.agenda) == 10_000
    assert loaded == workshop
    assert [s.decision_count for s in library.list_workshops()] == [1]


def test_more_agenda_items_than_the_most_allowed():
    doc = document()
    doc["workshop"]["agenda"] = [{"title": "x"}] * (exchange.MAX_PARTS + 1)
    doc["workshop"]["decisions"][0]["agenda_item_id"] = None
    doc["workshop"]["ideas"][0]["agenda_item_id"] = None
    doc["workshop"]["actions"][0]["agenda_item_id"] = None
    doc["workshop"]["actions"][1]["agenda_item_id"] = None
    doc["workshop"]["parked_questions"][0]["agenda_item_id"] = None
    doc["workshop"]["timings"][0]["agenda_item_id"] = None
    problem = only_problem(doc)
    assert problem == (
        f'The workshop has {exchange.MAX_PARTS + 1:,} entries in "agenda"; the most is {exchange.MAX_PARTS:,}.'
    )


def test_the_most_agenda_items_allowed_is_fine():
    doc = {"format": 1, "workshop": {"title": "Full", "agenda": [{"title": "x"}] * exchange.MAX_PARTS}}
    result = exchange.parse_workshop_bytes(to_bytes(doc))
    assert len(result.workshop.agenda) == exchange.MAX_PARTS
    assert len({item.id for item in result.workshop.agenda}) == exchange.MAX_PARTS  # each gets its own id


def test_duplicate_ids():
    doc = document()
    body = doc["workshop"]
    body["agenda"][2]["id"] = body["agenda"][0]["id"]
    body["decisions"][1]["id"] = body["agenda"][1]["id"]
    problems = problems_of(doc)
    assert "Agenda item 3 has the same id as Agenda item 1." in problems
    assert "Decision 2 has the same id as Agenda item 2." in problems


def test_links_to_agenda_items_that_are_not_in_the_file():
    doc = document()
    body = doc["workshop"]
    body["decisions"][1]["agenda_item_id"] = "not-here"
    body["ideas"][1]["agenda_item_id"] = "lost"
    body["actions"][0]["agenda_item_id"] = "gone"
    body["parked_questions"][0]["agenda_item_id"] = "nowhere"
    assert problems_of(doc) == [
        "Decision 2 belongs to an agenda item that is not in this workshop.",
        "Idea 2 belongs to an agenda item that is not in this workshop.",
        "Action 1 belongs to an agenda item that is not in this workshop.",
        "Parked question 1 belongs to an agenda item that is not in this workshop.",
    ]


def test_removing_a_linked_agenda_item_from_the_file_is_noticed():
    doc = document()
    del doc["workshop"]["agenda"][1]  # the decision, action and question point at it
    problems = problems_of(doc)
    assert "Decision 1 belongs to an agenda item that is not in this workshop." in problems
    assert "Action 1 belongs to an agenda item that is not in this workshop." in problems


def test_several_problems_are_reported_together():
    doc = spoil(W + ("place",), "Town hall")
    body = doc["workshop"]
    body["date"] = "yesterday"
    body["agenda"][0]["minutes"] = 0
    del body["agenda"][2]["title"]
    body["decisions"][0]["agreement"] = "yes"
    body["group_words"][0]["agreed"] = "no"
    problems = problems_of(doc)
    assert len(problems) == 5
    assert problems[0].startswith("The workshop: the date should be written year-month-day")
    assert problems[1].startswith("Agenda item 1: the minutes should be a whole number from 1 to 600")
    assert problems[2] == "Agenda item 3 has no title."
    assert problems[3].startswith("Decision 1: the agreement should be one of:")
    assert problems[4].startswith("Group word 1: the agreed should be true or false")


def test_problems_in_a_broken_workshop_and_its_parts_are_all_found():
    doc = document()
    doc["workshop"]["title"] = 1
    doc["workshop"]["agenda"][1]["kind"] = "x"
    problems = problems_of(doc)
    assert problems[0].startswith("The workshop: the title should be text")
    assert problems[1].startswith("Agenda item 2: the kind should be one of")


@pytest.mark.parametrize("count", [exchange.MAX_PROBLEMS + 1, exchange.MAX_PROBLEMS + 2, 100, 1234])
def test_too_many_problems_are_cut_short(count):
    doc = document()
    doc["workshop"]["agenda"] = [{"title": ""}] * count
    for part in LINKED_PARTS:
        doc["workshop"][part] = []
    problems = problems_of(doc)
    assert len(problems) == exchange.MAX_PROBLEMS + 1
    assert problems[:3] == ["Agenda item 1 has no title.", "Agenda item 2 has no title.", "Agenda item 3 has no title."]
    assert problems[exchange.MAX_PROBLEMS - 1] == f"Agenda item {exchange.MAX_PROBLEMS} has no title."
    hidden = count - exchange.MAX_PROBLEMS
    assert problems[-1] == (f"… and {hidden:,} more problems." if hidden > 1 else "… and 1 more problem.")


def test_exactly_the_most_problems_are_all_shown():
    doc = document()
    doc["workshop"]["group_words"] = [{"term": "t"}] * exchange.MAX_PROBLEMS
    problems = problems_of(doc)
    assert len(problems) == exchange.MAX_PROBLEMS
    assert not any("more problem" in p for p in problems)


# -- JSON that Python's reader would crash on, or take gigabytes for -----------------------


BROKEN_CHARACTER = (
    "This is not a workshop file, or it is damaged: some of its text has a broken character "
    "(half of a pair, written as \\ud800 to \\udfff)."
)


def ascii_bytes(doc) -> bytes:
    """As a program that writes \\u escapes would write the file: the only way a lone surrogate gets in."""
    return json.dumps(doc, ensure_ascii=True).encode("ascii")


@pytest.mark.parametrize(
    "where",
    [
        W + ("title",), W + ("agenda", 0, "notes"), ("group", "name"), W + ("timings", 0, "started"),
        W + ("participants", 0, "access_needs", 0), W + ("decisions", 1, "options", 0, "words"), ("exported",),
    ],
)
@pytest.mark.parametrize("broken", ["\ud800", "Bus \udfff pass", "\udc00\ud800", "😀"[:1] + "\ud83d"])
def test_a_lone_surrogate_in_any_text_is_refused_with_a_message(where, broken, library):
    group = Group("Tuesday group")
    doc = document(full_workshop(group=group, **TRAVELLING), group)
    target = doc
    for step in where[:-1]:
        target = target[step]
    target[where[-1]] = broken
    assert only_problem(ascii_bytes(doc)) == BROKEN_CHARACTER
    assert library.list_workshops() == [] and library.groups() == []


def test_a_lone_surrogate_in_a_name_is_refused_too():
    doc = document()
    doc["workshop"]["agenda"][0]["\ud800colour"] = "red"
    assert only_problem(ascii_bytes(doc)) == BROKEN_CHARACTER
    doc = document()
    doc["\udfff"] = 1
    assert only_problem(ascii_bytes(doc)) == BROKEN_CHARACTER


def test_surrogate_pairs_written_as_escapes_are_whole_characters_and_import():
    doc = document()
    result = exchange.parse_workshop_bytes(ascii_bytes(doc))
    assert EMOJI in result.workshop.title  # written \ud83d\ude8c and so on


def test_surrogates_written_as_utf8_bytes_are_not_text():
    doc = to_bytes(document()).replace(b"Bus passes", b"Bus \xed\xa0\x80passes")
    assert only_problem(doc) == "This is not a workshop file: it is not text."


@pytest.mark.parametrize("digits", [101, 4301, 50_000])
@pytest.mark.parametrize("where", ['"format": {n}', '"workshop": {{"title": "T", "agenda": [{{"title": "A", "minutes": {n}}}]}}'])
def test_a_number_thousands_of_digits_long_is_refused_with_a_message(digits, where):
    number = "9" * digits
    body = where.format(n=number)
    raw = ("{" + body + ', "format": 1}' if "workshop" in body else "{" + body + ', "workshop": {"title": "T"}}').encode()
    assert only_problem(raw) == (
        f"This is not a workshop file, or it is damaged: it has a number {digits:,} digits long."
    )
    negative = raw.replace(number.encode(), b"-" + number.encode())
    assert only_problem(negative) == only_problem(raw)


def test_a_number_of_a_hundred_digits_is_only_a_wrong_value():
    problem = only_problem(spoil(W + ("agenda", 0, "minutes"), 10**99))
    assert problem == "Agenda item 1: the minutes should be a whole number from 1 to 600, not " + "1" + "0" * 39 + "…."


@pytest.mark.parametrize("name", ["NaN", "Infinity", "-Infinity"])
def test_nan_and_infinity_are_not_json(name):
    raw = b'{"format": 1, "workshop": {"title": "T", "agenda": [{"title": "A", "minutes": ' + name.encode() + b"}]}}"
    assert only_problem(raw) == (
        f"This is not a workshop file, or it is damaged: it has {name}, which is not a number a JSON file may hold."
    )


@pytest.mark.parametrize("number", ["1e400", "-1e400", "1e-400", "0.5", "1" * 5000 + ".5"])
def test_huge_and_tiny_fractions_are_wrong_values(number):
    raw = b'{"format": 1, "workshop": {"title": "T", "agenda": [{"title": "A", "minutes": ' + number.encode() + b"}]}}"
    assert only_problem(raw).startswith("Agenda item 1: the minutes should be a whole number from 1 to 600, not ")


@pytest.mark.parametrize(
    ("raw", "name"),
    [
        (b'{"format": 1, "format": 1, "workshop": {"title": "T"}}', "format"),
        (b'{"format": 1, "workshop": {"title": "T", "title": "Other"}}', "title"),
        (b'{"format": 1, "workshop": {"title": "T", "agenda": [{"title": "A", "minutes": 5, "minutes": 6}]}}', "minutes"),
    ],
)
def test_a_name_given_twice_in_one_place_is_refused(raw, name):
    """JSON leaves it open which one counts, so another program could show a different title from the app."""
    assert only_problem(raw) == (
        f'This is not a workshop file, or it is damaged: it gives "{name}" twice in the same place, '
        "so it is not clear which is meant."
    )


def test_the_same_name_in_different_places_is_fine():
    raw = b'{"format": 1, "workshop": {"title": "T", "agenda": [{"title": "A"}, {"title": "B"}]}}'
    assert [item.title for item in exchange.parse_workshop_bytes(raw).workshop.agenda] == ["A", "B"]


def test_a_file_of_millions_of_tiny_values_is_refused_before_it_is_read(monkeypatch):
    """Python's JSON reader takes about 100 bytes a value: 100 MB of "{}," would take 2.5 GB."""
    calls = []
    monkeypatch.setattr(untrusted.json, "loads", lambda *a, **k: calls.append(1))
    values = exchange.MOST_VALUES + 1
    raw = b'{"format": 1, "workshop": {"title": "T"}, "x": [' + b"{}," * (values // 2) + b"0]}"
    problem = only_problem(raw)
    assert problem.startswith("This is not a workshop file: it holds ")
    assert problem.endswith(f"separate values, and a workshop has at most {exchange.MOST_VALUES:,}.")
    assert calls == []


def test_commas_inside_text_do_not_count_as_values():
    words = '"one, two \\\\, and \\" a quote, ",' * (exchange.MOST_VALUES // 3)
    raw = ('{"format": 1, "workshop": {"title": "T"}, "x": [' + words + "0]}").encode()
    assert raw.count(b",") > exchange.MOST_VALUES
    assert exchange.parse_workshop_bytes(raw).workshop.title == "T"


def test_the_largest_workshop_the_limits_allow_has_fewer_values_than_the_most():
    """Every list as long as allowed, every field given, the most options and access needs: still readable."""
    one_of_each = full_workshop()
    one_of_each.participants[0].access_needs = list(AccessNeed)
    one_of_each.decisions[0].options = [Option(f"Day {n}", picture="calendar", count=n) for n in range(exchange.MOST_OPTIONS)]
    body = exchange.workshop_document(one_of_each, None)["workshop"]
    per_part = sum(
        untrusted.count_values(json.dumps(max(body[part], key=lambda p: len(json.dumps(p)))) + ",", 0)
        for part in WORKSHOP_PARTS
    )
    assert per_part * exchange.MAX_PARTS <= exchange.MOST_VALUES


def test_control_characters_from_the_file_are_not_shown_as_they_are():
    """A name or value quoted in a message is shown in a terminal: escapes there could rewrite the screen."""
    doc = document()
    doc["workshop"]["agenda"][0]["\x1b[2Jcolour\r\x9b"] = "red"
    doc["workshop"]["agenda"][1]["minutes"] = "\x1b[31m\x85"
    with pytest.raises(ImportFailed) as caught:
        exchange.parse_workshop_bytes(to_bytes(doc))
    (problem,) = caught.value.problems
    assert problem == 'Agenda item 2: the minutes should be a whole number from 1 to 600, not "\\u001b[31m\ufffd".'
    del doc["workshop"]["agenda"][1]["minutes"]
    result = exchange.parse_workshop_bytes(to_bytes(doc))
    assert result.notes == ["Agenda item 1 has fields this version does not know, left out: \ufffd[2Jcolour\ufffd\ufffd."]


def test_control_characters_in_text_are_kept_as_they_are():
    """A tab, a vertical tab pasted from a word processor or even a NUL: the text is the facilitator's."""
    doc = spoil(W + ("title",), "Bus\tpasses\x0b\x00")
    assert exchange.parse_workshop_bytes(to_bytes(doc)).workshop.title == "Bus\tpasses\x0b\x00"


# -- importing into a library ------------------------------------------------------


def test_importing_the_same_file_twice_adds_a_copy(library, tmp_path):
    group = Group("Tuesday group")
    workshop = full_workshop(group=group, **TRAVELLING)
    path = tmp_path / "shared.json"
    path.write_bytes(to_bytes(exchange.workshop_document(workshop, group)))

    first_result = exchange.read_workshop_file(path)
    first = exchange.import_into(library, first_result)
    assert first == workshop
    assert first_result.notes == []

    second_result = exchange.read_workshop_file(path)
    second = exchange.import_into(library, second_result)
    assert second.id != workshop.id
    (note,) = second_result.notes
    assert "already in the library" in note and "copy" in note
    assert not set(all_ids(first)) & set(all_ids(second))
    stored = library.load_workshop(second.id)
    assert stored == second
    assert stored.title == workshop.title
    assert [item.title for item in stored.agenda] == [item.title for item in workshop.agenda]
    # Links point at the copy's own agenda items, in the same places as in the file.
    assert stored.decisions[0].agenda_item_id == stored.agenda[1].id
    assert stored.actions[0].agenda_item_id == stored.agenda[1].id
    assert stored.actions[1].agenda_item_id == stored.agenda[2].id
    assert stored.parked_questions[0].agenda_item_id == stored.agenda[0].id
    assert stored.decisions[1].agenda_item_id is None
    assert stored.ideas[0].agenda_item_id == stored.agenda[1].id
    assert stored.decisions[1].options == workshop.decisions[1].options
    # The action it was carried from is at another meeting, so the copy keeps pointing at it.
    assert stored.actions[1].carried_from_id == "earlier0action"
    # The first import is untouched, and the group was made once and shared.
    assert library.load_workshop(workshop.id) == workshop
    assert library.groups() == [group]
    assert stored.group_id == group.id
    assert len(library.list_workshops()) == 2
    assert {s.group_name for s in library.list_workshops()} == {"Tuesday group"}


def test_a_group_already_in_the_library_under_another_id_is_reused_by_name(library):
    mine = library.add_group(Group("Tuesday group", "Ours"))
    theirs = Group("Tuesday group", "Theirs")
    result = exchange.parse_workshop_bytes(
        to_bytes(exchange.workshop_document(full_workshop(group=theirs, **TRAVELLING), theirs))
    )
    imported = exchange.import_into(library, result)
    assert library.groups() == [mine]
    assert library.load_workshop(imported.id).group_id == mine.id


def test_a_new_group_comes_in_with_the_workshop(library):
    library.add_group(Group("Thursday group"))
    group = Group("Tuesday group", "We meet on Tuesdays")
    result = exchange.parse_workshop_bytes(
        to_bytes(exchange.workshop_document(full_workshop(group=group, **TRAVELLING), group))
    )
    imported = exchange.import_into(library, result)
    assert library.group(group.id) == group
    assert [g.name for g in library.groups()] == ["Thursday group", "Tuesday group"]
    assert library.list_workshops()[0].group_name == "Tuesday group"
    assert imported.group_id == group.id


def test_a_group_in_the_file_but_no_group_id_on_the_workshop_joins_them():
    group = Group("Tuesday group")
    doc = document(full_workshop(group=None, **TRAVELLING), group)
    result = exchange.parse_workshop_bytes(to_bytes(doc))
    assert result.workshop.group_id == group.id


def test_importing_tells_the_librarys_listeners(library):
    heard = []
    library.subscribe(heard.append)
    result = exchange.parse_workshop_bytes(to_bytes(document()))
    imported = exchange.import_into(library, result)
    assert [(c.kind, c.workshop_id) for c in heard] == [("added", imported.id)]


def test_parse_workshop_does_not_change_the_document_it_was_given():
    doc = document()
    before = copy.deepcopy(doc)
    exchange.parse_workshop(doc)
    assert doc == before


def test_a_new_workshop_whose_parts_are_already_in_the_library_comes_in_as_a_copy(library):
    workshop = library.add_workshop(full_workshop(**TRAVELLING))
    doc = document(workshop)
    doc["workshop"]["id"] = "a-new-workshop-id"  # hand-edited: new workshop, same agenda item ids
    result = exchange.parse_workshop_bytes(to_bytes(doc))
    imported = exchange.import_into(library, result)
    assert imported.id != "a-new-workshop-id"
    assert not {item.id for item in imported.agenda} & {item.id for item in workshop.agenda}
    assert len(result.notes) == 1
    assert library.load_workshop(workshop.id) == workshop
    assert library.load_workshop(imported.id).decisions[0].agenda_item_id == imported.agenda[1].id


def library_dump(library) -> list[str]:
    """Everything in the library file as SQL, read by a connection of its own."""
    with contextlib.closing(sqlite3.connect(library.path)) as look:
        return list(look.iterdump())


def test_a_workshop_another_program_added_meanwhile_is_refused_plainly_and_nothing_is_added(library, monkeypatch):
    """Between the check for ids in use and the adding, another program added the same workshop."""
    group = Group("Tuesday group")
    workshop = full_workshop(group=group, **TRAVELLING)
    result = exchange.parse_workshop_bytes(to_bytes(document(workshop, group)))
    other = library.add_workshop(Workshop("Theirs", agenda=[AgendaItem("Same id", id=workshop.agenda[0].id)]))
    before = library_dump(library)
    monkeypatch.setattr(library, "ids_in_use", lambda ids: False)
    with pytest.raises(ImportFailed) as caught:
        exchange.import_into(library, result)
    assert caught.value.problems == [
        "The library changed while the workshop was being added, so nothing was added. Please try again."
    ]
    assert library_dump(library) == before
    assert library.groups() == [] and library.has_workshop(other.id)


def test_ids_in_use_looks_at_workshops_and_every_kind_of_part(library):
    workshop = library.add_workshop(full_workshop(**TRAVELLING))
    assert library.ids_in_use([workshop.id])
    for part in WORKSHOP_PARTS:
        assert library.ids_in_use(["unknown", getattr(workshop, part)[-1].id]), part
    assert not library.ids_in_use([])
    assert not library.ids_in_use(["unknown", "also-unknown"])
    many = [f"id-{n}" for n in range(1_200)]
    assert not library.ids_in_use(many)
    assert library.ids_in_use(many + [workshop.agenda[0].id])  # past the first chunk of 500


def test_a_file_s_workshop_imported_for_a_while_is_never_on_disk(tmp_path, monkeypatch):
    path = tmp_path / "w.json"
    path.write_text(json.dumps(document(full_workshop())), encoding="utf-8")
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    monkeypatch.setenv("TMPDIR", str(temporary))
    monkeypatch.setattr(tempfile, "tempdir", None)
    result = exchange.read_workshop_file(path)
    with exchange.imported_for_a_while(result) as (library, workshop):
        assert library.load_workshop(workshop.id).title == full_workshop().title
        assert list(temporary.iterdir()) == []
        assert sorted(p.name for p in tmp_path.iterdir()) == ["tmp", "w.json"]
    with pytest.raises(sqlite3.ProgrammingError):
        library.list_workshops()  # closed: gone with its names


# -- docs/file-format.md says what is written ------------------------------------------------------

FILE_FORMAT = Path(__file__).parents[2] / "docs" / "file-format.md"


def _keys(value) -> set[str]:
    if isinstance(value, dict):
        return set(value) | {k for inner in value.values() for k in _keys(inner)}
    if isinstance(value, list):
        return {k for inner in value for k in _keys(inner)}
    return set()


def test_the_file_format_page_names_every_field_the_app_writes_and_every_choice():
    from facilitator.pictures.own import own_picture
    from tests.pictures import tiny_png

    page = FILE_FORMAT.read_text(encoding="utf-8")
    hall = own_picture(tiny_png(), "Hall")
    workshop = full_workshop(group=Group("G"))
    workshop.agenda[0].picture = hall.ref
    written = exchange.workshop_document(workshop, Group("G"), [hall])
    missing = sorted(key for key in _keys(written) if f"`{key}`" not in page)
    assert missing == [], f"docs/file-format.md does not name {missing}"
    for choice in (ItemKind, AccessNeed, Agreement, ActionStatus):
        assert [c.value for c in choice if f"`{c.value}`" not in page] == [], choice
    assert f"describes **format {exchange.FORMAT}**" in page
    assert f"`format` is one whole number (`FORMAT` in `exchange.py`), now `{exchange.FORMAT}`." in page


def test_the_file_format_page_gives_every_limit_as_it_is():
    page = FILE_FORMAT.read_text(encoding="utf-8")
    for name in ("MAX_FILE_BYTES", "MAX_PARTS", "MOST_OPTIONS", "MOST_PICTURES", "MOST_VALUES", "SHORT_TEXT",
                 "LONG_TEXT", "MAX_PROBLEMS"):
        assert f"**{getattr(exchange, name):,}" in page, name
    assert f"**{untrusted.MOST_DIGITS:,}**" in page
    (long_row,) = [line for line in page.splitlines() if "(`LONG_FIELDS`)" in line]
    assert [f for f in exchange.LONG_FIELDS if f"`{f}`" not in long_row] == []
    for name, most in exchange.SHORTER_FIELDS.items():
        (row,) = [line for line in page.splitlines() if line.startswith(f"| `{name}` |")]
        assert f"at most **{most:,}** characters" in row, name
    for name, (low, high) in exchange.NUMBER_RANGES.items():
        rows = [line for line in page.splitlines() if line.startswith(f"| `{name}` |")]
        assert rows and all(f"whole number, {low:,} to {high:,}" in row for row in rows), name


def test_the_example_on_the_file_format_page_imports_without_a_note():
    page = FILE_FORMAT.read_text(encoding="utf-8")
    example = page.split("## Example", 1)[1].split("```json", 1)[1].split("```", 1)[0]
    result = exchange.parse_workshop_bytes(example.encode("utf-8"))
    assert result.notes == []
    assert result.workshop.decisions[1].options[0].words == "May"
    assert exchange.workshop_document(result.workshop, result.group)["workshop"] == json.loads(example)["workshop"]
    smallest = page.split("The smallest file that imports is `", 1)[1].split("`", 1)[0]
    assert exchange.parse_workshop_bytes(smallest.encode()).workshop.title == "Our workshop"
