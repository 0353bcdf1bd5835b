"""The picture catalogue: a picture for a reference, suggestions from an item's words, search by word.

The vocabularies here are built in the tests, so they do not change when the shipped word list
does; the OpenMoji pictures are the installed ones.
"""

from __future__ import annotations

import pytest

from facilitator.core.model import ItemKind
from facilitator.pictures.catalogue import (
    KIND_PICTURES,
    STOP_WORDS,
    Picture,
    PictureCatalogue,
    word_forms,
    words_of,
)
from facilitator.pictures.openmoji import OpenMoji
from facilitator.pictures.vocabulary import VocabularyWord, parse_vocabulary

VOCABULARY = """word\tpicture\tother words
bus\topenmoji:1F68C\tcoach
tea\topenmoji:2615\tcuppa, coffee
vote\topenmoji:1F5F3\tballot
day centre\topenmoji:1F3E2\t
day\topenmoji:2600\t
centre\topenmoji:1F3E0\t
thumbs up\topenmoji:1F44D\t
talk\topenmoji:1F5E3\tspeak, chat
party\topenmoji:1F389\t
carer\topenmoji:1F9D1-200D-1F91D-200D-1F9D1\t
stop\topenmoji:1F6D1\t
people\topenmoji:1F465\tus
home\topenmoji:E000\t
ghost\topenmoji:NOT-A-PICTURE\t
"""

OPENMOJI = OpenMoji()


def bus(ref: str = "bus") -> Picture:
    return Picture(ref, "bus", "openmoji", "1F68C")


@pytest.fixture
def catalogue() -> PictureCatalogue:
    return PictureCatalogue(parse_vocabulary(VOCABULARY), OPENMOJI)


def refs(pictures: list[Picture]) -> list[str]:
    return [p.ref for p in pictures]


def test_the_installed_openmoji_pictures_used_here_are_there():
    for stem in ("1F68C", "2615", "1F5F3", "1F3E2", "2600", "1F3E0", "1F44D", "1F993", "E000"):
        assert OPENMOJI.has(stem), stem
    assert not OPENMOJI.has("NOT-A-PICTURE")


# -- words ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, words",
    [
        ("Tea, Coffee & the BUS!", ["tea", "coffee", "the", "bus"]),
        ("The carer\u2019s day", ["the", "carer's", "day"]),
        ("bus_stop", ["bus", "stop"]),
        ("Croeso i\u2019r gweithdy", ["croeso", "i'r", "gweithdy"]),
        ("Meet at 10 o'clock", ["meet", "at", "10", "o'clock"]),
        ("'quoted' words", ["quoted", "words"]),
        ("", []),
        ("  -- !! ", []),
    ],
)
def test_words_of_a_text(text, words):
    assert words_of(text) == words


@pytest.mark.parametrize(
    "word, plain",
    [
        ("buses", "bus"),
        ("talking", "talk"),
        ("voting", "vote"),
        ("stopped", "stop"),
        ("parties", "party"),
        ("carer's", "carer"),
        ("carers", "carer"),
        ("classes", "class"),
        ("talked", "talk"),
        ("liked", "like"),
    ],
)
def test_word_forms_lead_back_to_the_plain_word(word, plain):
    forms = word_forms(word)
    assert forms[0] == word
    assert plain in forms


@pytest.mark.parametrize("word", ["bus", "glass", "is", "tea", "red", "sing"])
def test_short_and_plain_words_have_no_other_forms(word):
    assert word_forms(word) == [word]


# -- one picture --------------------------------------------------------------------------------


def test_a_vocabulary_word_resolves_to_its_picture(catalogue):
    assert catalogue.resolve("bus") == bus()
    assert catalogue.resolve("tea") == Picture("tea", "tea", "openmoji", "2615")


def test_an_other_word_resolves_to_its_headwords_picture(catalogue):
    assert catalogue.resolve("coach") == bus("coach")
    assert catalogue.resolve("cuppa") == Picture("cuppa", "tea", "openmoji", "2615")


def test_a_plural_or_another_form_resolves(catalogue):
    assert catalogue.resolve("buses") == bus("buses")
    assert catalogue.resolve("parties").words == "party"
    assert catalogue.resolve("voting").words == "vote"


def test_resolve_ignores_case_and_spaces_around(catalogue):
    assert catalogue.resolve("  Bus ") == bus("Bus")
    assert catalogue.resolve("Day Centre") == Picture("Day Centre", "day centre", "openmoji", "1F3E2")


def test_an_openmoji_reference_resolves_with_the_vocabulary_word_or_the_unicode_name(catalogue):
    assert catalogue.resolve("openmoji:1F68C") == Picture("openmoji:1F68C", "bus", "openmoji", "1F68C")
    assert catalogue.resolve("openmoji:1F993") == Picture("openmoji:1F993", "zebra face", "openmoji", "1F993")
    # OpenMoji's extra pictures have no Unicode name: their words come from the vocabulary, or are blank.
    assert catalogue.resolve("openmoji:E000").words == "home"
    assert catalogue.resolve("openmoji:E001") == Picture("openmoji:E001", "", "openmoji", "E001")


def test_a_missing_openmoji_picture_resolves_to_none(catalogue):
    assert catalogue.resolve("openmoji:NOT-A-PICTURE") is None
    assert catalogue.resolve("openmoji:") is None
    assert catalogue.resolve("openmoji:1F68C.svg") is None


def test_a_vocabulary_word_whose_picture_is_missing_resolves_to_none(catalogue):
    assert catalogue.resolve("ghost") is None


def test_a_word_that_is_not_in_the_vocabulary_resolves_to_none(catalogue):
    assert catalogue.resolve("zebra") is None
    assert catalogue.resolve("day trip") is None


def test_blank_references_resolve_to_none(catalogue):
    assert catalogue.resolve("") is None
    assert catalogue.resolve("   ") is None


def test_own_pictures_resolve_once_the_catalogue_knows_them(catalogue):
    assert catalogue.resolve("own:abc123") is None
    names = {"abc123": "Our hall", "def456": "Sunita's allotment"}
    catalogue.set_own_pictures(names)
    assert catalogue.resolve("own:abc123") == Picture("own:abc123", "Our hall", "own", "abc123")
    assert catalogue.resolve("own:def456").words == "Sunita's allotment"
    assert catalogue.resolve("own:unknown") is None
    assert catalogue.resolve("own:") is None
    names["ghi789"] = "Later"  # the catalogue keeps its own copy
    assert catalogue.resolve("own:ghi789") is None


def test_set_own_pictures_replaces_the_ones_known_before(catalogue):
    catalogue.set_own_pictures({"abc123": "Our hall"})
    catalogue.set_own_pictures({"def456": "The garden"})
    assert catalogue.resolve("own:abc123") is None
    assert catalogue.resolve("own:def456") is not None


# -- the picture of each kind of agenda item ----------------------------------------------------

KIND_STEMS = {
    ItemKind.WELCOME: "1F44B",
    ItemKind.INTRODUCTIONS: "1F91D",
    ItemKind.LOOK_BACK: "21A9",
    ItemKind.DISCUSSION: "1F5E3",
    ItemKind.ACTIVITY: "1F3A8",
    ItemKind.BREAK: "2615",
    ItemKind.DECIDE: "1F5F3",
    ItemKind.FEEDBACK: "1F4AC",
    ItemKind.CLOSE: "1F6AA",
    ItemKind.OTHER: "2B50",
}


def test_every_kind_of_agenda_item_has_a_picture_word():
    assert set(KIND_PICTURES) == set(ItemKind)
    assert all(word and word == word.lower() for word in KIND_PICTURES.values())


@pytest.mark.parametrize("kind", list(ItemKind))
def test_for_kind_gives_the_picture_of_the_kinds_word(kind):
    vocabulary = [VocabularyWord(KIND_PICTURES[k], "openmoji:" + KIND_STEMS[k]) for k in ItemKind]
    catalogue = PictureCatalogue(vocabulary, OPENMOJI)
    word = KIND_PICTURES[kind]
    assert catalogue.for_kind(kind) == Picture(word, word, "openmoji", KIND_STEMS[kind])


def test_for_kind_is_none_when_the_vocabulary_lacks_the_word(catalogue):
    assert catalogue.for_kind(ItemKind.WELCOME) is None
    assert catalogue.for_kind(ItemKind.DISCUSSION) == Picture("talk", "talk", "openmoji", "1F5E3")


# -- suggestions from an item's words -----------------------------------------------------------------


def test_suggestions_follow_the_order_of_the_words(catalogue):
    assert refs(catalogue.suggest("We will vote on the bus after tea")) == ["vote", "bus", "tea"]
    assert refs(catalogue.suggest("Tea after the vote, then the bus")) == ["tea", "vote", "bus"]


def test_a_suggestion_names_its_headword_whatever_word_found_it(catalogue):
    assert catalogue.suggest("Voting about buses and parties, with a cuppa") == [
        Picture("vote", "vote", "openmoji", "1F5F3"),
        bus(),
        Picture("party", "party", "openmoji", "1F389"),
        Picture("tea", "tea", "openmoji", "2615"),
    ]


def test_a_phrase_beats_its_single_words(catalogue):
    assert refs(catalogue.suggest("Meet at the day centre")) == ["day centre"]
    assert refs(catalogue.suggest("day, and the centre")) == ["day", "centre"]
    assert refs(catalogue.suggest("Thumbs up for the carers")) == ["thumbs up", "carer"]


def test_a_phrase_can_end_in_another_form_of_its_last_word(catalogue):
    assert refs(catalogue.suggest("The day centres")) == ["day centre"]


def test_stop_words_do_not_suggest_pictures(catalogue):
    # "us" is another word for "people", but it is too common to mean a picture.
    assert catalogue.suggest("Tell us") == []
    assert refs(catalogue.suggest("Tell us about people")) == ["people"]
    assert catalogue.suggest("up and out, the and it") == []


def test_a_picture_is_suggested_once(catalogue):
    assert refs(catalogue.suggest("bus, coach, buses, tea, cuppa, coffee, the bus")) == ["bus", "tea"]


def test_a_picture_from_the_vocabulary_is_not_suggested_again_from_openmoji(catalogue):
    found = catalogue.suggest("tea or another beverage")
    assert [p.key for p in found].count("2615") == 1
    assert found[0] == Picture("tea", "tea", "openmoji", "2615")


def test_own_pictures_whose_names_share_a_word_are_suggested(catalogue):
    catalogue.set_own_pictures({"p1": "Riverside hall", "p2": "Sunita's allotment", "p3": "The", "p4": "bus"})
    found = catalogue.suggest("Take the bus to the hall")
    assert found == [bus(), Picture("own:p1", "Riverside hall", "own", "p1"), Picture("own:p4", "bus", "own", "p4")]


def test_own_pictures_named_only_by_stop_words_are_not_suggested(catalogue):
    catalogue.set_own_pictures({"p1": "The one we have"})
    assert catalogue.suggest("The one we have") == []


def test_openmoji_names_fill_in_words_the_vocabulary_lacks(catalogue):
    assert catalogue.suggest("zebra") == [Picture("openmoji:1F993", "zebra face", "openmoji", "1F993")]
    assert refs(catalogue.suggest("Zebras on the bus")) == ["bus", "openmoji:1F993"]


def test_openmoji_fill_ins_come_after_the_vocabulary_and_own_pictures(catalogue):
    catalogue.set_own_pictures({"p1": "Riverside hall"})
    assert refs(catalogue.suggest("zebra hall bus")) == ["bus", "own:p1", "openmoji:1F993"]


def test_openmoji_gives_at_most_two_pictures_for_one_word(catalogue):
    found = catalogue.suggest("minibus")  # not in the vocabulary: "minibus" is one OpenMoji name
    assert refs(found) == ["openmoji:1F690"]
    assert len(catalogue.suggest("beverage")) == 2  # "hot beverage" and "beverage box"
    assert sum("face" in name.split() for name in OPENMOJI.names().values()) > 2
    assert len(catalogue.suggest("face")) == 2


def test_short_words_do_not_go_to_openmoji(catalogue):
    assert OPENMOJI.names()["1F402"] == "ox"
    assert catalogue.suggest("ox") == []


def test_a_missing_vocabulary_picture_is_left_out_of_suggestions(catalogue):
    found = catalogue.suggest("a ghost on the bus")
    assert found[0] == bus()
    assert "ghost" not in refs(found)


def test_suggestions_keep_to_the_limit(catalogue):
    text = "vote bus tea day centre thumbs up talk party carer stop people"
    everything = catalogue.suggest(text, limit=100)
    assert refs(everything) == [
        "vote",
        "bus",
        "tea",
        "day centre",
        "thumbs up",
        "talk",
        "party",
        "carer",
        "stop",
        "people",
    ]
    assert catalogue.suggest(text, limit=3) == everything[:3]
    assert catalogue.suggest(text, limit=0) == []


def test_suggesting_stops_reading_a_long_text_once_it_has_enough(catalogue, monkeypatch):
    looked_up = []
    lookup = catalogue._lookup
    monkeypatch.setattr(catalogue, "_lookup", lambda phrase: looked_up.append(phrase) or lookup(phrase))
    text = "vote bus tea talk party carer " + "zebra hello " * 5_000
    assert refs(catalogue.suggest(text, limit=6)) == ["vote", "bus", "tea", "talk", "party", "carer"]
    assert len(looked_up) < 50
    looked_up.clear()
    assert refs(catalogue.suggest(text, limit=7)) == ["vote", "bus", "tea", "talk", "party", "carer", "openmoji:1F993"]
    assert len(looked_up) > 10_000  # not enough in the vocabulary: the whole text is read


@pytest.mark.parametrize("before", [62, 63, 64, 127])
def test_a_phrase_is_found_wherever_the_reading_has_got_to(catalogue, before):
    text = "hello " * before + "the day centre and tea"
    assert refs(catalogue.suggest(text, limit=2)) == ["day centre", "tea"]


def test_nothing_is_suggested_for_no_words(catalogue):
    assert catalogue.suggest("") == []
    assert catalogue.suggest(" ... ") == []


def test_the_stop_words_are_lower_case_single_words():
    assert all(word == word.lower() and " " not in word for word in STOP_WORDS)
    assert {"the", "and", "us", "up"} <= STOP_WORDS


# -- search ----------------------------------------------------------------------------------------


def test_search_puts_the_vocabulary_first(catalogue):
    found = catalogue.search("bus")
    assert found[0] == bus()
    assert "openmoji:1F68F" in refs(found)  # "bus stop" from OpenMoji's names
    assert [p.key for p in found].count("1F68C") == 1


def test_search_matches_the_start_of_words(catalogue):
    assert catalogue.search("bu")[0] == bus()
    assert refs(catalogue.search("cupp")) == ["tea"]
    assert catalogue.search("cof")[0].ref == "tea"  # "coffee", another word for tea


def test_an_exact_word_comes_before_longer_ones_it_starts(catalogue):
    assert refs(catalogue.search("day"))[:2] == ["day", "day centre"]


def test_a_search_by_another_form_of_a_word_finds_it(catalogue):
    # "parties" starts no word of the vocabulary, but it is a form of "party"
    assert catalogue.search("parties")[0].ref == "party"
    assert catalogue.search("voting")[0].ref == "vote"
    assert catalogue.search("Day Centres")[0].ref == "day centre"


def test_a_search_by_another_word_finds_the_headword(catalogue):
    assert catalogue.search("coach")[0] == bus()
    assert catalogue.search("speak")[0].ref == "talk"


def test_every_word_of_the_query_must_match(catalogue):
    found = catalogue.search("day c")
    assert found[0].ref == "day centre"
    assert "day" not in refs(found)
    assert "centre" not in refs(found)


def test_the_words_of_a_query_may_come_in_any_order(catalogue):
    assert catalogue.search("up thumbs")[0].ref == "thumbs up"
    assert catalogue.search("centre day")[0].ref == "day centre"


def test_search_finds_own_pictures_by_their_names(catalogue):
    catalogue.set_own_pictures({"p1": "Riverside hall", "p2": "Garden party"})
    assert refs(catalogue.search("river")) == ["own:p1"]
    found = refs(catalogue.search("party"))
    assert found[:2] == ["party", "own:p2"]
    assert "own:p1" not in found


def test_search_finds_openmoji_pictures_by_their_unicode_names(catalogue):
    assert catalogue.search("zebra") == [Picture("openmoji:1F993", "zebra face", "openmoji", "1F993")]
    assert catalogue.search("zebra f")[0].key == "1F993"
    assert catalogue.search("zebra legs") == []


def test_openmoji_pictures_with_shorter_names_come_first(catalogue):
    found = catalogue.search("bus")
    assert refs(found)[1:] == [
        "openmoji:1F68F",  # bus stop
        "openmoji:1F68D",  # oncoming bus
        "openmoji:1F464",  # bust in silhouette
        "openmoji:1F465",  # busts in silhouette
        "openmoji:1F574",  # man in business suit levitating
    ]
    # an OpenMoji picture that is also a vocabulary word's picture goes by that word
    assert found[4].words == "people"


def test_an_empty_query_finds_nothing(catalogue):
    assert catalogue.search("") == []
    assert catalogue.search("  ,;! ") == []


def test_a_query_that_matches_nothing_finds_nothing(catalogue):
    assert catalogue.search("qqxzzy") == []


def test_search_keeps_to_the_limit(catalogue):
    everything = catalogue.search("b", limit=1000)
    assert len(everything) > 80
    assert len(catalogue.search("b")) == 80
    assert catalogue.search("b", limit=5) == everything[:5]
    # the vocabulary's words still come first
    assert set(refs(everything[:2])) == {"bus", "vote"}


def test_search_never_gives_one_picture_twice(catalogue):
    found = catalogue.search("b", limit=1000)
    keys = [(p.source, p.key) for p in found]
    assert len(keys) == len(set(keys))


def test_search_finds_openmoji_names_written_with_hyphens(catalogue):
    assert OPENMOJI.names()["1F455"] == "t-shirt"
    assert "openmoji:1F455" in refs(catalogue.search("t-shirt"))
    assert "openmoji:1F648" in refs(catalogue.search("see-no-evil monkey"))


def test_suggest_finds_openmoji_names_written_with_hyphens(catalogue):
    assert "openmoji:1F455" in refs(catalogue.suggest("Wear a t-shirt"))
