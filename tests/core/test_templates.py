"""Ready-made agendas: template documents, the app's own templates, saved templates, and workshops from them."""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import json

import pytest

from facilitator.core import templates
from facilitator.core.model import WORKSHOP_PARTS, AgendaItem, ItemKind, Workshop
from facilitator.core.templates import (
    BUILT_IN,
    Template,
    TemplateRefused,
    built_in_templates,
    parse_template,
    save_template,
    saved_templates,
    template_document,
    template_from_workshop,
    workshop_from_template,
)
from tests.core.samples import ARABIC, full_workshop

NOT_A_TEMPLATE = "This is not a facilitator template."
ANOTHER_VERSION = "This template was made by another version of facilitator."


def monthly_meeting(name: str = "Monthly meeting", **values) -> Template:
    agenda = [
        AgendaItem("Welcome", plain_words="Hello everyone", picture="welcome", minutes=10, kind=ItemKind.WELCOME),
        AgendaItem(
            "What happened since last time",
            picture="openmoji:1F519",
            minutes=20,
            kind=ItemKind.LOOK_BACK,
            notes="Read the actions out",
        ),
        AgendaItem("Cup of tea", picture="tea", minutes=15, kind=ItemKind.BREAK),
        AgendaItem("Vote on the next topic", plain_words="We choose", minutes=25, kind=ItemKind.DECIDE, notes=ARABIC),
    ]
    fields = {
        "name": name,
        "title": "Group meeting",
        "about": "The usual monthly shape",
        "purpose": "Meet and decide",
        "agenda": agenda,
    }
    return Template(**{**fields, **values})


def without_ids(items: list[AgendaItem]) -> list[AgendaItem]:
    return [dataclasses.replace(item, id="") for item in items]


def document(template: Template | None = None) -> dict:
    """A plain, valid template document that a test can spoil."""
    return json.loads(json.dumps(template_document(template or monthly_meeting())))


def problems_of(data) -> list[str]:
    with pytest.raises(TemplateRefused) as caught:
        parse_template(data, "t1")
    assert caught.value.problems
    assert str(caught.value) == "\n".join(caught.value.problems)
    return caught.value.problems


# -- the template ----------------------------------------------------------------------------


def test_a_template_adds_up_its_minutes():
    assert monthly_meeting().total_minutes() == 70
    assert Template("Empty", "Nothing").total_minutes() == 0


def test_only_the_apps_own_templates_are_built_in():
    assert not monthly_meeting().built_in
    assert Template("x", "y", id=BUILT_IN + "monthly").built_in
    assert BUILT_IN == "builtin:"


def test_each_template_gets_its_own_id():
    assert monthly_meeting().id != monthly_meeting().id


# -- the document -------------------------------------------------------------------------------


def test_the_document_holds_the_template_and_its_agenda_without_ids():
    template = monthly_meeting()
    data = template_document(template)
    assert data["format"] == templates.FORMAT == 1
    assert data["kind"] == templates.KIND == "facilitator-template"
    assert (data["name"], data["title"], data["about"], data["purpose"]) == (
        "Monthly meeting",
        "Group meeting",
        "The usual monthly shape",
        "Meet and decide",
    )
    assert data["agenda"][1] == {
        "title": "What happened since last time",
        "plain_words": "",
        "picture": "openmoji:1F519",
        "minutes": 20,
        "kind": "look_back",
        "notes": "Read the actions out",
    }
    assert "id" not in data
    json.dumps(data)  # plain values only


def assert_same_words_and_agenda(again, template):
    assert (again.name, again.title, again.about, again.purpose) == (
        template.name,
        template.title,
        template.about,
        template.purpose,
    )
    assert without_ids(again.agenda) == without_ids(template.agenda)


def test_a_template_survives_its_document():
    template = monthly_meeting()
    text = json.dumps(template_document(template), ensure_ascii=False)
    again = parse_template(json.loads(text), template.id)
    assert again.id == template.id
    assert_same_words_and_agenda(again, template)
    assert all(item.id for item in again.agenda)
    assert len({item.id for item in again.agenda}) == len(again.agenda)


def test_parsing_uses_the_id_it_is_given():
    assert parse_template(document(), "builtin:monthly").id == "builtin:monthly"
    assert parse_template(document(), "builtin:monthly").built_in


def test_parsing_strips_spaces_around_the_texts():
    data = document()
    data["name"] = "  Monthly  "
    data["about"] = " About \n"
    template = parse_template(data, "t1")
    assert (template.name, template.about) == ("Monthly", "About")


def test_about_and_purpose_may_be_left_out():
    data = document()
    del data["about"], data["purpose"]
    template = parse_template(data, "t1")
    assert (template.about, template.purpose) == ("", "")


def test_agenda_items_need_only_a_title():
    data = document()
    data["agenda"] = [{"title": "Talk"}]
    (item,) = parse_template(data, "t1").agenda
    assert without_ids([item]) == without_ids([AgendaItem("Talk")])


def test_parsing_does_not_change_the_document():
    data = document()
    before = copy.deepcopy(data)
    parse_template(data, "t1")
    assert data == before


# -- documents that are not right -------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [None, [], "template", 1, {}, {"kind": "facilitator-workshop", "format": 1}, {"format": 1, "name": "x"}],
    ids=repr,
)
def test_something_that_is_not_a_template_is_refused(data):
    assert problems_of(data) == [NOT_A_TEMPLATE]


def test_a_workshop_file_is_not_a_template():
    from facilitator.core import exchange

    data = json.loads(json.dumps(exchange.workshop_document(full_workshop(), None)))
    assert problems_of(data) == [NOT_A_TEMPLATE]


@pytest.mark.parametrize("version", [2, 99, 0, -1, "1", 1.0, True, None])
def test_a_template_from_another_version_is_refused(version):
    data = document()
    data["format"] = version
    assert problems_of(data) == [ANOTHER_VERSION]


def test_a_template_without_a_format_is_refused():
    data = document()
    del data["format"]
    assert problems_of(data) == [ANOTHER_VERSION]


@pytest.mark.parametrize("field", ["name", "title"])
@pytest.mark.parametrize("value", [None, "", "   ", 7], ids=repr)
def test_a_template_needs_a_name_and_a_title(field, value):
    data = document()
    data[field] = value
    assert problems_of(data) == [f"The template has no {field}."]


@pytest.mark.parametrize("field", ["name", "title"])
def test_a_missing_name_or_title_is_refused(field):
    data = document()
    del data[field]
    assert problems_of(data) == [f"The template has no {field}."]


@pytest.mark.parametrize("agenda", [None, [], "Welcome", {"title": "Welcome"}], ids=repr)
def test_a_template_needs_an_agenda(agenda):
    data = document()
    data["agenda"] = agenda
    assert problems_of(data) == ["The template should have from 1 to 200 agenda items."]


def test_a_template_without_an_agenda_is_refused():
    data = document()
    del data["agenda"]
    assert problems_of(data) == ["The template should have from 1 to 200 agenda items."]


def test_the_most_agenda_items_allowed_is_fine_and_one_more_is_refused():
    data = document()
    data["agenda"] = [{"title": f"Item {n}", "minutes": 5} for n in range(templates.MAX_ITEMS)]
    assert len(parse_template(data, "t1").agenda) == templates.MAX_ITEMS
    data["agenda"].append({"title": "One too many"})
    assert problems_of(data) == ["The template should have from 1 to 200 agenda items."]


def test_a_bad_agenda_item_is_named_by_its_number():
    data = document()
    del data["agenda"][1]["title"]
    assert problems_of(data) == ["Agenda item 2 has no title."]


@pytest.mark.parametrize(
    "field, value, words",
    [
        ("minutes", 0, "minutes"),
        ("minutes", "ten", "minutes"),
        ("kind", "party", "kind"),
        ("title", "   ", "title"),
        ("plain_words", 3, "plain words"),
    ],
)
def test_a_wrong_value_in_an_agenda_item_is_named(field, value, words):
    data = document()
    data["agenda"][1][field] = value
    (problem,) = problems_of(data)
    assert problem.startswith("Agenda item 2")
    assert words in problem


def test_an_agenda_item_that_is_not_a_set_of_values():
    data = document()
    data["agenda"][2] = "Cup of tea"
    assert problems_of(data) == ["Agenda item 3 should be a set of named values."]


def test_every_problem_is_reported_together():
    data = document()
    data["name"] = ""
    data["title"] = ""
    del data["agenda"][0]["title"]
    data["agenda"][3]["minutes"] = -5
    problems = problems_of(data)
    assert len(problems) == 4
    assert problems[:2] == ["The template has no name.", "The template has no title."]
    assert problems[2] == "Agenda item 1 has no title."
    assert problems[3].startswith("Agenda item 4")


# -- the app's own templates --------------------------------------------------------------------------


def write(folder, name: str, data) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    text = data if isinstance(data, str) else json.dumps(data, ensure_ascii=False)
    (folder / name).write_text(text, encoding="utf-8")


def test_built_in_templates_are_read_from_their_folder_by_name(tmp_path):
    write(tmp_path, "first.json", template_document(monthly_meeting("Walking group")))
    write(tmp_path, "second.json", template_document(monthly_meeting("annual meeting")))
    write(tmp_path, "broken.json", '{"kind": "facilitator-template", ')
    found, problems = built_in_templates(tmp_path)
    # by name, whatever the case, not by file name
    assert [t.name for t in found] == ["annual meeting", "Walking group"]
    assert [t.id for t in found] == ["builtin:second", "builtin:first"]
    assert all(t.built_in for t in found)
    assert len(problems) == 1
    assert problems[0].startswith("The template broken.json cannot be read: ")
    assert without_ids(found[1].agenda) == without_ids(monthly_meeting().agenda)


def test_a_built_in_template_that_is_not_right_is_named_with_its_first_problem(tmp_path):
    data = template_document(monthly_meeting())
    data["title"] = ""
    del data["agenda"][0]["title"]
    write(tmp_path, "no title.json", data)
    write(tmp_path, "good.json", template_document(monthly_meeting()))
    found, problems = built_in_templates(tmp_path)
    assert [t.id for t in found] == ["builtin:good"]
    assert problems == ["The template no title.json is not right: The template has no title."]


def test_a_built_in_template_that_is_not_utf8_is_a_problem(tmp_path):
    (tmp_path / "latin.json").write_bytes(b'{"format": 1, "kind": "facilitator-template", "name": "Caf\xe9"}')
    found, problems = built_in_templates(tmp_path)
    assert found == []
    assert len(problems) == 1
    assert problems[0].startswith("The template latin.json cannot be read: ")


def test_only_json_files_are_templates(tmp_path):
    write(tmp_path, "monthly.json", template_document(monthly_meeting()))
    write(tmp_path, "README.md", "# Templates")
    write(tmp_path, "monthly.json.bak", "{")
    found, problems = built_in_templates(tmp_path)
    assert [t.id for t in found] == ["builtin:monthly"]
    assert problems == []


def test_an_empty_folder_has_no_templates(tmp_path):
    assert built_in_templates(tmp_path) == ([], [])


# -- saved templates -----------------------------------------------------------------------------------


def test_a_saved_template_comes_back_from_the_library(library):
    template = monthly_meeting()
    assert save_template(library, template) is template
    (again,) = saved_templates(library)
    assert again.id == template.id
    assert not again.built_in
    assert_same_words_and_agenda(again, template)


def test_saved_templates_are_listed_by_name(library):
    for name in ("tuesday", "Annual", "bus passes"):
        save_template(library, monthly_meeting(name))
    assert [t.name for t in saved_templates(library)] == ["Annual", "bus passes", "tuesday"]


def test_a_saved_template_can_be_removed(library):
    first = save_template(library, monthly_meeting("First"))
    save_template(library, monthly_meeting("Second"))
    library.remove_template(first.id)
    assert [t.name for t in saved_templates(library)] == ["Second"]


def test_the_saved_document_is_the_template_document(library):
    template = save_template(library, monthly_meeting())
    ((template_id, text),) = library.template_documents()
    assert template_id == template.id
    assert json.loads(text) == template_document(template)
    assert ARABIC in text  # kept as text, not \u escapes


def test_unreadable_saved_templates_are_skipped(library):
    library.add_template("broken-json", "A", "{not json")
    library.add_template("not-a-template", "B", '{"kind": "something else"}')
    library.add_template("no-agenda", "C", json.dumps({**template_document(monthly_meeting()), "agenda": []}))
    save_template(library, monthly_meeting("Good"))
    assert [t.name for t in saved_templates(library)] == ["Good"]


def test_no_saved_templates_in_a_new_library(library):
    assert saved_templates(library) == []


# -- a template from a workshop --------------------------------------------------------------------------


def test_a_template_from_a_workshop_has_its_title_purpose_and_agenda():
    workshop = full_workshop()
    template = template_from_workshop(workshop, "  Bus passes again  ", about=" For the council ")
    assert (template.name, template.about, template.title, template.purpose) == (
        "Bus passes again",
        "For the council",
        workshop.title,
        workshop.purpose,
    )
    assert not template.built_in
    expected = [dataclasses.replace(item, notes="", led_by="") for item in workshop.agenda]  # who leads: a name
    assert without_ids(template.agenda) == without_ids(expected)


def test_a_template_from_a_workshop_leaves_out_people_and_what_came_of_it():
    workshop = full_workshop(dee_name="Dee Jones")
    template = template_from_workshop(workshop, "Template", keep_notes=True)
    text = json.dumps(template_document(template), ensure_ascii=False)
    for private in (
        "Ann",
        "Carys",
        "Dee",
        "Dog",
        "Ask for free passes",
        "Write to the council",
        "What about trains?",
        "The people who run the town",
        "Town hall",
        "Kar-iss",
        "Dŵr Cymru",
        "Door Kum-ree",
    ):
        assert private not in text, private


def test_a_workshop_made_from_a_saved_template_has_no_pronunciations(library):
    # Pronunciations are mostly of people's names: personal data, like the people themselves.
    workshop = full_workshop()
    assert len(workshop.pronunciations) == 2
    save_template(library, template_from_workshop(workshop, "Bus passes again", keep_notes=True))
    (saved,) = saved_templates(library)
    made = library.add_workshop(workshop_from_template(saved))
    stored = library.load_workshop(made.id)
    assert stored.pronunciations == []
    assert [item.title for item in stored.agenda] == [item.title for item in workshop.agenda]


def test_a_saved_template_keeps_what_to_bring_but_not_who_leads_an_item(library):
    workshop = full_workshop()
    workshop.agenda[0].to_bring = "Name badges and pens"
    workshop.agenda[0].led_by = "Ann"
    save_template(library, template_from_workshop(workshop, "Bus passes again"))
    (saved,) = saved_templates(library)
    assert saved.agenda[0].to_bring == "Name badges and pens"
    assert all(item.led_by == "" for item in saved.agenda)
    assert "Ann" not in json.dumps(template_document(saved))


def test_the_template_gets_new_item_ids():
    workshop = full_workshop()
    template = template_from_workshop(workshop, "Template")
    assert not {item.id for item in template.agenda} & {item.id for item in workshop.agenda}
    assert len({item.id for item in template.agenda}) == len(workshop.agenda)


def test_notes_are_dropped_unless_kept():
    workshop = full_workshop(arabic=True)
    assert workshop.agenda[1].notes == ARABIC
    assert all(item.notes == "" for item in template_from_workshop(workshop, "T").agenda)
    kept = template_from_workshop(workshop, "T", keep_notes=True)
    assert [item.notes for item in kept.agenda] == [item.notes for item in workshop.agenda]


def test_making_a_template_does_not_change_the_workshop():
    workshop = full_workshop()
    before = copy.deepcopy(workshop)
    template = template_from_workshop(workshop, "T")
    assert workshop == before
    template.agenda[0].title = "Changed"
    template.agenda[0].minutes = 99
    assert workshop == before


def test_a_template_that_could_not_be_read_back_is_refused_not_lost(library):
    template = template_from_workshop(Workshop("Nothing planned yet"), "Empty")
    with pytest.raises(TemplateRefused):
        save_template(library, template)
    assert library.template_documents() == []
    good = save_template(library, monthly_meeting())
    assert [t.id for t in saved_templates(library)] == [good.id]


def test_details_given_for_a_new_workshop_win_over_the_template():
    made = workshop_from_template(monthly_meeting(), title="March meeting", place="Room 2")
    assert (made.title, made.place) == ("March meeting", "Room 2")
    assert made.purpose == monthly_meeting().purpose


def test_an_optional_text_that_is_null_counts_as_empty():
    document = template_document(monthly_meeting())
    document["about"] = None
    assert parse_template(document, "x").about == ""


# -- a workshop from a template ----------------------------------------------------------------------------


def test_a_workshop_from_a_template_has_its_agenda_with_new_ids():
    template = monthly_meeting()
    first = workshop_from_template(template)
    second = workshop_from_template(template)
    assert (first.title, first.purpose) == (template.title, template.purpose)
    assert without_ids(first.agenda) == without_ids(template.agenda)
    ids = [{item.id for item in w.agenda} for w in (template, first, second)]
    assert not ids[0] & ids[1] and not ids[0] & ids[2] and not ids[1] & ids[2]
    assert first.id != second.id


def test_a_workshop_from_a_template_has_nothing_else():
    workshop = workshop_from_template(monthly_meeting())
    for part in WORKSHOP_PARTS.keys() - {"agenda"}:
        assert getattr(workshop, part) == []
    assert workshop.date is None and workshop.place == "" and workshop.group_id is None


def test_details_are_passed_to_the_workshop():
    workshop = workshop_from_template(
        monthly_meeting(), date=dt.date(2026, 5, 5), start_time=dt.time(10, 30), place="Library", language="cy"
    )
    assert workshop.date == dt.date(2026, 5, 5)
    assert workshop.start_time == dt.time(10, 30)
    assert (workshop.place, workshop.language) == ("Library", "cy")
    assert workshop.planned_end() == dt.time(11, 40)


def test_changing_the_workshop_does_not_change_the_template():
    template = monthly_meeting()
    before = copy.deepcopy(template)
    workshop = workshop_from_template(template)
    workshop.agenda[0].title = "Changed"
    workshop.agenda.pop()
    assert template == before


def test_a_workshop_from_a_template_can_be_stored(library):
    workshop = library.add_workshop(workshop_from_template(monthly_meeting(), date=dt.date(2026, 5, 5)))
    assert library.load_workshop(workshop.id) == workshop
    again = library.add_workshop(workshop_from_template(monthly_meeting()))
    assert len(library.list_workshops()) == 2
    assert again.id != workshop.id


# -- languages -----------------------------------------------------------------------------------------


def test_templates_in_another_language_are_read_from_its_folder(tmp_path):
    write(tmp_path, "monthly.json", template_document(monthly_meeting("Monthly meeting")))
    write(tmp_path / "cy", "monthly.json", {**template_document(monthly_meeting("Cyfarfod misol")), "language": "cy"})
    (tmp_path / "layouts").mkdir()
    write(tmp_path / "layouts", "standard.json", {"body_size": 18})
    (tmp_path / "xx").mkdir()
    assert templates.template_languages(tmp_path) == ["en", "cy"]  # a folder that is no language, or empty, is not
    english, _ = built_in_templates(tmp_path)
    welsh, problems = built_in_templates(tmp_path, "cy")
    assert problems == []
    assert [(t.name, t.language, t.id) for t in english] == [("Monthly meeting", "en", "builtin:monthly")]
    assert [(t.name, t.language, t.id) for t in welsh] == [("Cyfarfod misol", "cy", "builtin:cy/monthly")]
    assert welsh[0].built_in


def test_a_template_in_a_language_s_folder_is_in_that_language_when_it_does_not_say(tmp_path):
    write(tmp_path / "cy", "monthly.json", template_document(monthly_meeting("Cyfarfod misol")) | {"language": None})
    assert built_in_templates(tmp_path, "cy")[1] == [
        "The template monthly.json is not right: The template's language should be a code such as en or cy."]
    data = template_document(monthly_meeting("Cyfarfod misol"))
    del data["language"]
    write(tmp_path / "cy", "monthly.json", data)
    assert built_in_templates(tmp_path, "cy")[0][0].language == "cy"


@pytest.mark.parametrize("language", ["", "klingon", 7])
def test_a_template_in_no_known_language_is_refused(language):
    with pytest.raises(TemplateRefused, match="language"):
        parse_template(template_document(monthly_meeting()) | {"language": language}, "t")


def test_a_workshop_made_from_a_template_is_in_the_template_s_language_and_back():
    template = monthly_meeting(language="cy")
    workshop = workshop_from_template(template, date=dt.date(2027, 1, 5))
    assert workshop.language == "cy"
    again = template_from_workshop(workshop, "Eto")
    assert again.language == "cy"
    assert parse_template(template_document(again), "t").language == "cy"
    assert workshop_from_template(monthly_meeting()).language == "en"
