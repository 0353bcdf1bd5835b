"""Workshop files carry the facilitator's own pictures (since format 2), options' pictures too (format 3)."""

from __future__ import annotations

import base64
import json

import pytest

from facilitator.core import exchange
from facilitator.core.exchange import ImportFailed
from facilitator.core.library import open_library
from facilitator.core.model import AgendaItem, Agreement, Decision, Option, Workshop
from facilitator.pictures.catalogue import PictureCatalogue
from facilitator.pictures.openmoji import OpenMoji
from facilitator.pictures.own import OwnPicture, own_picture, picture_id
from tests.core.samples import full_workshop
from tests.pictures import JPEG, tiny_png

MISSING_NOTES = ("{count} of the workshop's own pictures is not in the file; a plain frame shows where it was.",
                 "{count} of the workshop's own pictures are not in the file; a plain frame shows where they were.")


def missing_note(count: int) -> str:
    return MISSING_NOTES[count != 1].format(count=count)


@pytest.fixture
def other_library(tmp_path):
    """A second, empty library: the computer the workshop travels to."""
    lib = open_library(tmp_path / "other" / "library.sqlite3")
    yield lib
    lib.close()


def pictured_workshop(hall: OwnPicture, room: OwnPicture | None = None) -> Workshop:
    """The sample workshop with the hall's photo on the talk and on the decision made in it."""
    workshop = full_workshop()
    workshop.agenda[1].picture = hall.ref
    workshop.decisions[0].picture = hall.ref
    if room is not None:
        workshop.agenda[0].picture = room.ref
    return workshop


def to_bytes(doc) -> bytes:
    return json.dumps(doc, ensure_ascii=False).encode("utf-8")


def parse(doc) -> exchange.ImportResult:
    return exchange.parse_workshop_bytes(to_bytes(doc))


def file_document(workshop: Workshop, pictures=()) -> dict:
    return json.loads(json.dumps(exchange.workshop_document(workshop, None, pictures)))


def picture_entry(data: bytes, name: str = "Hall", given_id: str | None = None) -> dict:
    return {
        "id": given_id or picture_id(data),
        "name": name,
        "format": "png",
        "data": base64.b64encode(data).decode("ascii"),
    }


def problems_of(doc) -> list[str]:
    with pytest.raises(ImportFailed) as caught:
        parse(doc)
    return caught.value.problems


# -- export -----------------------------------------------------------------------------------


def test_the_file_carries_each_own_picture_once_in_base64(library, tmp_path):
    hall = library.add_picture(own_picture(tiny_png(), "The hall"))
    room = library.add_picture(own_picture(JPEG, "Room 2"))
    library.add_picture(own_picture(tiny_png(0, 0, 255), "Not used"))
    workshop = library.add_workshop(pictured_workshop(hall, room))
    path = exchange.export_workshop(library, workshop.id, tmp_path / "out.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == 3
    assert data["pictures"] == [
        # in the order the workshop uses them: the welcome's room first, then the talk's hall
        {"id": room.id, "name": "Room 2", "format": "jpeg", "data": base64.b64encode(JPEG).decode("ascii")},
        {"id": hall.id, "name": "The hall", "format": "png", "data": base64.b64encode(tiny_png()).decode("ascii")},
    ]
    assert data["workshop"]["agenda"][1]["picture"] == hall.ref
    assert data["workshop"]["decisions"][0]["picture"] == hall.ref


def test_a_workshop_without_own_pictures_has_an_empty_list(library, tmp_path):
    workshop = library.add_workshop(full_workshop())
    path = exchange.export_workshop(library, workshop.id, tmp_path / "out.json")
    assert json.loads(path.read_text(encoding="utf-8"))["pictures"] == []


def test_own_picture_ids_lists_each_picture_once_in_order_of_use():
    hall, room = own_picture(tiny_png(), "Hall"), own_picture(JPEG, "Room")
    workshop = pictured_workshop(hall, room)
    workshop.agenda[2].picture = "openmoji:1F44B"
    workshop.decisions[1].picture = room.ref
    assert exchange.own_picture_ids(workshop) == [room.id, hall.id]
    assert exchange.own_picture_ids(full_workshop()) == []


def test_a_picture_only_an_option_uses_travels_with_the_workshop(library, other_library, tmp_path):
    room = library.add_picture(own_picture(JPEG, "Room 2"))
    workshop = full_workshop()
    workshop.decisions[1].options.append(Option("In room 2", picture=room.ref, count=1))
    assert exchange.own_picture_ids(workshop) == [room.id]
    library.add_workshop(workshop)
    path = exchange.export_workshop(library, workshop.id, tmp_path / "out.json")
    assert [p["id"] for p in json.loads(path.read_text(encoding="utf-8"))["pictures"]] == [room.id]
    result = exchange.read_workshop_file(path)
    assert result.notes == []
    assert result.pictures == [room]
    exchange.import_into(other_library, result)
    assert other_library.load_workshop(workshop.id).decisions[1].options[2].picture == room.ref
    assert other_library.picture(room.id).data == JPEG


def test_an_option_whose_own_picture_is_not_in_the_file_is_noted():
    workshop = Workshop("Where next?", decisions=[Decision("Meet in the park", agreement=Agreement.CHOSEN, options=[
        Option("Park", picture="own:abc", count=4), Option("Café", picture="own:def", count=1), Option("Hall")])])
    result = parse(file_document(workshop))
    assert result.notes == [missing_note(2)]
    assert [o.picture for o in result.workshop.decisions[0].options] == ["own:abc", "own:def", ""]
    assert result.pictures == []


def test_a_picture_that_was_removed_from_the_library_is_left_out(library, tmp_path):
    hall = library.add_picture(own_picture(tiny_png(), "The hall"))
    workshop = library.add_workshop(pictured_workshop(hall))
    library.remove_picture(hall.id)
    path = exchange.export_workshop(library, workshop.id, tmp_path / "out.json")
    assert json.loads(path.read_text(encoding="utf-8"))["pictures"] == []
    result = exchange.read_workshop_file(path)
    assert missing_note(2) in result.notes


# -- import --------------------------------------------------------------------------------------


def test_pictures_travel_to_another_library(library, other_library, tmp_path):
    hall = library.add_picture(own_picture(tiny_png(), "The hall"))
    room = library.add_picture(own_picture(JPEG, "Room 2"))
    workshop = library.add_workshop(pictured_workshop(hall, room))
    path = exchange.export_workshop(library, workshop.id, tmp_path / "out.json")
    result = exchange.read_workshop_file(path)
    assert result.notes == []
    assert sorted(result.pictures, key=lambda p: p.name) == [room, hall]
    imported = exchange.import_into(other_library, result)
    assert imported == workshop
    assert other_library.load_workshop(workshop.id) == workshop
    assert other_library.picture(hall.id) == hall
    assert other_library.picture(hall.id).data == tiny_png()
    assert other_library.picture(room.id).data == JPEG
    assert list(other_library.picture_names().items()) == [(room.id, "Room 2"), (hall.id, "The hall")]


def test_the_imported_pictures_resolve_in_the_catalogue(library, other_library, tmp_path):
    hall = library.add_picture(own_picture(tiny_png(), "The hall"))
    workshop = library.add_workshop(pictured_workshop(hall))
    path = exchange.export_workshop(library, workshop.id, tmp_path / "out.json")
    imported = exchange.import_into(other_library, exchange.read_workshop_file(path))
    catalogue = PictureCatalogue([], OpenMoji())
    catalogue.set_own_pictures(other_library.picture_names())
    for ref in (imported.agenda[1].picture, imported.decisions[0].picture):
        found = catalogue.resolve(ref)
        assert found is not None
        assert (found.source, found.key, found.words) == ("own", hall.id, "The hall")
        assert other_library.picture(found.key).data == tiny_png()


def test_a_picture_already_in_the_library_keeps_its_name_there(library, other_library, tmp_path):
    other_library.add_picture(own_picture(tiny_png(), "Our own name for it"))
    hall = library.add_picture(own_picture(tiny_png(), "The hall"))
    workshop = library.add_workshop(pictured_workshop(hall))
    path = exchange.export_workshop(library, workshop.id, tmp_path / "out.json")
    imported = exchange.import_into(other_library, exchange.read_workshop_file(path))
    assert imported.agenda[1].picture == hall.ref
    assert other_library.picture_names() == {hall.id: "Our own name for it"}


def test_importing_the_same_file_twice_keeps_the_pictures_once(library, tmp_path):
    hall = library.add_picture(own_picture(tiny_png(), "The hall"))
    workshop = library.add_workshop(pictured_workshop(hall))
    path = exchange.export_workshop(library, workshop.id, tmp_path / "out.json")
    copy = exchange.import_into(library, exchange.read_workshop_file(path))
    assert copy.id != workshop.id
    assert copy.agenda[1].picture == hall.ref
    assert library.picture_names() == {hall.id: "The hall"}


def test_a_picture_whose_id_is_not_its_content_is_given_its_real_id():
    hall = own_picture(tiny_png(), "The hall")
    workshop = full_workshop()
    workshop.agenda[1].picture = "own:made-up-id"
    workshop.decisions[0].picture = "own:made-up-id"
    doc = file_document(workshop)
    doc["pictures"] = [picture_entry(tiny_png(), "The hall", given_id="made-up-id")]
    result = parse(doc)
    assert result.notes == []
    assert result.pictures == [hall]
    assert result.workshop.agenda[1].picture == hall.ref
    assert result.workshop.decisions[0].picture == hall.ref


def test_a_picture_with_a_wrong_id_is_stored_under_its_real_id(other_library):
    workshop = Workshop("Trip", agenda=[AgendaItem("Look round", picture="own:abc")])
    doc = file_document(workshop)
    doc["pictures"] = [picture_entry(JPEG, "Room", given_id="abc")]
    imported = exchange.import_into(other_library, parse(doc))
    real = own_picture(JPEG, "Room")
    assert other_library.load_workshop(imported.id).agenda[0].picture == real.ref
    assert other_library.picture(real.id) == real
    assert other_library.picture("abc") is None


def test_the_format_is_judged_from_the_bytes_not_the_file():
    workshop = Workshop("Trip", agenda=[AgendaItem("Look round", picture="own:abc")])
    doc = file_document(workshop)
    entry = picture_entry(JPEG, "Room", given_id="abc")
    entry["format"] = "gif"
    doc["pictures"] = [entry]
    assert parse(doc).pictures[0].format == "jpeg"


def test_a_picture_the_file_does_not_carry_is_noted():
    workshop = full_workshop()
    workshop.agenda[1].picture = "own:xyz"
    result = parse(file_document(workshop))
    assert result.workshop.agenda[1].picture == "own:xyz"
    assert result.notes == [missing_note(1)]
    assert result.pictures == []


def test_each_use_of_a_missing_picture_is_counted_once_in_one_note():
    workshop = full_workshop()
    workshop.agenda[1].picture = "own:xyz"
    workshop.agenda[2].picture = "own:other"
    workshop.decisions[0].picture = "own:xyz"
    result = parse(file_document(workshop))
    assert result.notes == [missing_note(3)]


def test_a_workshop_with_a_missing_picture_still_imports(other_library):
    workshop = Workshop("Trip", agenda=[AgendaItem("Look round", picture="own:xyz")], decisions=[Decision("Go")])
    imported = exchange.import_into(other_library, parse(file_document(workshop)))
    assert other_library.load_workshop(imported.id) == workshop
    assert other_library.picture_names() == {}


def test_a_format_1_file_without_pictures_still_imports(other_library):
    workshop = full_workshop()
    doc = file_document(workshop)
    doc["format"] = 1
    del doc["pictures"]
    result = parse(doc)
    assert result.workshop == workshop
    assert result.pictures == []
    assert result.notes == []
    assert exchange.import_into(other_library, result) == workshop


def test_a_format_1_file_that_names_own_pictures_imports_with_a_note():
    workshop = full_workshop()
    workshop.agenda[0].picture = "own:abc"
    doc = file_document(workshop)
    doc["format"] = 1
    del doc["pictures"]
    result = parse(doc)
    assert result.notes == [missing_note(1)]


# -- damaged pictures: left out with a note, the workshop still comes in --------------------------


def damaged(entry: dict, *more: dict) -> list[str]:
    """The notes about the pictures that were left out; fails the test when the file is refused."""
    workshop = full_workshop()
    workshop.agenda[0].picture = "own:" + entry["id"] if isinstance(entry, dict) and "id" in entry else ""
    doc = file_document(workshop)
    doc["pictures"] = [entry, *more]
    result = parse(doc)
    assert result.workshop.agenda[0].picture == workshop.agenda[0].picture  # a dashed frame shows where it was
    return [note for note in result.notes if "left out" in note]


def malformed(entry: dict) -> list[str]:
    doc = file_document(full_workshop())
    doc["pictures"] = [entry]
    return problems_of(doc)


def test_a_picture_whose_data_is_not_base64_is_refused():
    entry = picture_entry(tiny_png(), "The hall")
    entry["data"] = "not base64 at all!"
    assert damaged(entry) == ["Picture 1 (The hall) could not be used and was left out: its data is damaged."]


def test_a_picture_whose_data_is_cut_short_is_refused():
    entry = picture_entry(tiny_png(), "The hall")
    entry["data"] = entry["data"][:-3]
    assert damaged(entry) == ["Picture 1 (The hall) could not be used and was left out: its data is damaged."]


def test_a_picture_that_is_not_a_picture_is_refused():
    entry = picture_entry(b"Just some words", "Notes")
    assert damaged(entry) == [
        "Picture 1 (Notes) could not be used and was left out: This file is not a picture the app can use. "
        "Use a photo or picture saved as PNG, JPEG, GIF, WebP or SVG."
    ]


def test_a_picture_with_no_data_is_refused():
    entry = picture_entry(b"", "Blank")
    assert damaged(entry) == ["Picture 1 (Blank) could not be used and was left out: The file is empty, so it has no picture in it."]


def test_the_second_damaged_picture_is_named_picture_2():
    good = picture_entry(tiny_png(), "Fine")
    bad = picture_entry(JPEG, "Broken")
    bad["data"] = "%%%"
    assert damaged(good, bad) == ["Picture 2 (Broken) could not be used and was left out: its data is damaged."]


@pytest.mark.parametrize(
    "entry",
    [
        "a picture",
        None,
        {"id": "abc", "name": "Hall"},
        {"id": "abc", "data": base64.b64encode(tiny_png()).decode("ascii")},
        {"name": "Hall", "data": base64.b64encode(tiny_png()).decode("ascii")},
        {"id": 1, "name": "Hall", "data": base64.b64encode(tiny_png()).decode("ascii")},
        {"id": "abc", "name": "Hall", "data": list(tiny_png())},
    ],
    ids=repr,
)
def test_a_picture_entry_without_an_id_a_name_and_data_is_refused(entry):
    assert malformed(entry) == ["Picture 1 should have an id, a name and its data as text."]


@pytest.mark.parametrize("pictures", [{}, "none", 3, None])
def test_pictures_that_are_not_a_list_are_refused(pictures):
    doc = file_document(full_workshop())
    doc["pictures"] = pictures
    assert problems_of(doc) == ['The file\'s "pictures" should be a list.']


def test_a_damaged_picture_is_not_counted_again_as_missing_and_the_rest_imports(other_library):
    workshop = full_workshop()
    workshop.agenda[0].picture = "own:hall"
    workshop.agenda[1].picture = "own:room"
    doc = file_document(workshop)
    bad = picture_entry(tiny_png(), "The hall", "hall")
    bad["data"] = "!!"
    doc["pictures"] = [bad, picture_entry(JPEG, "Room", "room")]
    result = parse(doc)
    assert result.notes == ["Picture 1 (The hall) could not be used and was left out: its data is damaged."]
    imported = exchange.import_into(other_library, result)
    assert list(other_library.picture_names().values()) == ["Room"]
    assert other_library.load_workshop(imported.id).agenda[0].picture == "own:hall"


def test_two_pictures_with_the_same_id_are_refused():
    """Which of the two would the parts mean? The file cannot say."""
    workshop = full_workshop()
    workshop.agenda[0].picture = "own:hall"
    doc = file_document(workshop)
    doc["pictures"] = [picture_entry(tiny_png(), "Hall", "hall"), picture_entry(JPEG, "Room", "hall")]
    assert problems_of(doc) == ["Picture 2 has the same id as Picture 1."]


def test_more_pictures_than_a_file_may_carry_are_refused_before_any_is_looked_at(monkeypatch):
    looked = []
    monkeypatch.setattr(exchange, "own_picture", lambda data, name: looked.append(name))
    doc = file_document(full_workshop())
    doc["pictures"] = [picture_entry(tiny_png(), f"P{n}", f"p{n}") for n in range(exchange.MOST_PICTURES + 1)]
    assert problems_of(doc) == [
        f"The file has {exchange.MOST_PICTURES + 1:,} pictures; a workshop file can have at most {exchange.MOST_PICTURES:,}."
    ]
    assert looked == []


def test_export_refuses_more_pictures_than_a_file_may_carry(library, tmp_path, monkeypatch):
    monkeypatch.setattr(exchange, "MOST_PICTURES", 1)
    hall = library.add_picture(own_picture(tiny_png(), "The hall"))
    room = library.add_picture(own_picture(JPEG, "Room 2"))
    workshop = library.add_workshop(pictured_workshop(hall, room))
    with pytest.raises(exchange.ExportFailed) as caught:
        exchange.export_workshop(library, workshop.id, tmp_path / "out.json")
    assert str(caught.value) == "The workshop uses 2 of your own pictures; a workshop file can carry at most 1."
    assert not (tmp_path / "out.json").exists()


def test_a_long_picture_name_is_shortened_in_the_message():
    entry = picture_entry(b"words", "x" * 300)
    (problem,) = damaged(entry)
    assert problem.startswith("Picture 1 (" + "x" * 60 + "…) could not be used")


def test_a_refused_file_brings_no_pictures_into_the_library(library, tmp_path):
    doc = file_document(full_workshop())
    doc["workshop"]["agenda"][0]["title"] = ""
    doc["pictures"] = [picture_entry(tiny_png(), "Fine")]
    path = tmp_path / "broken.json"
    path.write_bytes(to_bytes(doc))
    with pytest.raises(ImportFailed):
        exchange.read_workshop_file(path)
    assert library.picture_names() == {}
    assert library.list_workshops() == []


def test_export_refuses_a_file_too_big_for_import_and_writes_nothing(library, tmp_path, monkeypatch):
    from facilitator.pictures import own

    # The real limits scaled down a thousand times, so the test writes kilobytes, not megabytes.
    monkeypatch.setattr(own, "MAX_BYTES", 20 * 1024)
    monkeypatch.setattr(exchange, "MAX_FILE_BYTES", 100 * 1024)
    photos = [
        library.add_picture(own_picture(tiny_png(n, n, n) + bytes(20 * 1024 - 100), f"Photo {n}")) for n in range(4)
    ]
    workshop = Workshop(
        "Photos", agenda=[AgendaItem(f"Look at photo {n}", picture=p.ref) for n, p in enumerate(photos)]
    )
    library.add_workshop(workshop)
    target = tmp_path / "photos.json"
    with pytest.raises(exchange.ExportFailed, match="Use fewer or smaller photos"):
        exchange.export_workshop(library, workshop.id, target)
    assert not target.exists()
    # With one photo fewer the file fits, and it imports again.
    library.update_part(workshop.id, "agenda", AgendaItem("No photo", id=workshop.agenda[3].id))
    exchange.read_workshop_file(exchange.export_workshop(library, workshop.id, target))


def test_pictures_no_part_uses_are_not_brought_in(other_library):
    used, unused = own_picture(tiny_png(1, 2, 3), "Used"), own_picture(tiny_png(4, 5, 6), "Unused")
    workshop = Workshop("Two photos, one used", agenda=[AgendaItem("Look", picture=used.ref)])
    result = parse(file_document(workshop, [used, unused]))
    assert [p.id for p in result.pictures] == [used.id]
    exchange.import_into(other_library, result)
    assert list(other_library.picture_names()) == [used.id]
