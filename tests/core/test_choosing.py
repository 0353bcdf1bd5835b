"""Choosing between options: each option its own picture, and an option's words read naturally in a sentence."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from facilitator.core.choosing import (
    MORE_SHAPES,
    NUMBER_PICTURES,
    PLAIN_SHAPES,
    option_in_sentence,
    option_pictures,
    suggested_by,
)
from facilitator.core.deciding import how_agreed, tally
from facilitator.core.model import Agreement, Decision, Option
from facilitator.i18n import in_language
from facilitator.pictures.catalogue import OPENMOJI, PictureCatalogue


@pytest.fixture(scope="module")
def catalogue():
    return PictureCatalogue.load()


def pictures_for(catalogue, *words: str, chosen: dict[int, str] | None = None) -> list[str]:
    chosen = chosen or {}
    options = [Option(text, chosen.get(n, "")) for n, text in enumerate(words)]
    return option_pictures(options, suggested_by(catalogue))


# -- a picture for each option -------------------------------------------------------------------


def test_each_option_gets_the_picture_for_its_own_words(catalogue):
    assert pictures_for(catalogue, "At home", "At the day centre") == ["home", "day centre"]
    assert pictures_for(catalogue, "Bus", "Walk together", "Taxi") == ["bus", "walk", "taxi"]


def test_a_picture_the_words_of_two_options_suggest_goes_to_neither_while_both_need_one(catalogue):
    # "room" fits both: the one with a picture of its own takes that; the other then has "room" to itself.
    assert pictures_for(catalogue, "Big room", "Garden room") == ["room", "garden"]
    # "choice" fits every option alike, so it tells none apart: each gets a plain shape instead.
    assert pictures_for(catalogue, "Option A", "Option B") == list(PLAIN_SHAPES[:2])


def test_options_whose_words_find_no_picture_each_get_a_different_plain_one(catalogue):
    assert pictures_for(catalogue, "Monday", "Friday", "Kitchen") == list(PLAIN_SHAPES[:3])
    twelve = pictures_for(catalogue, *[f"Trip {n}" for n in range(1, 13)])
    # 4 shapes, then the option's own number (5 to 10), then 2 more shapes: 12 different pictures.
    assert twelve == [*PLAIN_SHAPES, *NUMBER_PICTURES[4:], *MORE_SHAPES]
    assert all(catalogue.resolve(ref) is not None for ref in twelve)


def test_a_picture_found_only_by_its_unicode_name_is_never_chosen_by_itself(catalogue):
    # "small" finds OpenMoji's "small airplane" by its name: the picker offers it, the default does not.
    assert any(p.ref.startswith(OPENMOJI) and "airplane" in p.words for p in catalogue.suggest("Small room"))
    assert pictures_for(catalogue, "Small room", "Garden room") == ["room", "garden"]


def test_the_facilitator_s_own_choice_is_kept_and_no_other_option_takes_it(catalogue):
    # Chosen "bus" for the first: the second, whose words also find "bus", gets its next picture.
    assert pictures_for(catalogue, "Bus", "Bus or taxi", chosen={0: "bus"}) == ["bus", "taxi"]
    # Chosen a shape by hand: the plain pictures skip it.
    assert pictures_for(catalogue, "Monday", "Friday", chosen={1: PLAIN_SHAPES[0]}) == [PLAIN_SHAPES[1], PLAIN_SHAPES[0]]
    # Any picture the facilitator chooses stays, even one another option also has.
    assert pictures_for(catalogue, "Bus", "Taxi", chosen={0: "tea", 1: "tea"}) == ["tea", "tea"]


def test_an_option_with_no_words_gets_no_picture(catalogue):
    assert pictures_for(catalogue, "Bus", "  ", "") == ["bus", "", ""]


@given(st.lists(st.sampled_from(["Bus", "Taxi", "Monday", "Option", "At home", "Big room", "Room", "x", ""]),
                max_size=12))
def test_options_with_words_never_share_a_picture_unless_the_facilitator_chose_it(words):
    catalogue = PictureCatalogue.load()
    pictures = pictures_for(catalogue, *words)
    shown = [picture for text, picture in zip(words, pictures) if text.strip()]
    assert all(shown) and len(set(shown)) == len(shown)


# -- an option in a sentence -----------------------------------------------------------------------


@pytest.mark.parametrize(("words", "said"), [
    ("At home", "3 people chose at home."),  # an everyday first word: small letter, no quotes
    ("The park.", "3 people chose the park."),
    ("Something else", "3 people chose something else."),
    ("Go with Joan", "3 people chose go with Joan."),  # only the first letter changes
    ("at home", "3 people chose at home."),
    ("Joan's idea", "3 people chose “Joan's idea”."),  # a name: as typed, quoted
    ("John's plan", "3 people chose “John's plan”."),
    ("Friday club", "3 people chose “Friday club”."),  # days and months keep their capital
    ("May", "3 people chose “May”."),
    ("NHS dentist", "3 people chose “NHS dentist”."),  # capitals for a reason
    ("Day Centre Trip", "3 people chose “Day Centre Trip”."),  # written as a name
    ("I will go", "3 people chose “I will go”."),
    ("Mr Patel's room", "3 people chose “Mr Patel's room”."),
    ("A", "3 people chose “A”."),  # a label
    ("Bowling", "3 people chose “Bowling”."),  # not common enough to be sure it is no name
    ("“Bus”", "3 people chose “Bus”."),  # quoted already: not again
    ("2 buses", "3 people chose 2 buses."),
])
def test_an_option_reads_naturally_in_the_middle_of_an_english_sentence(words, said):
    decision = Decision("x", agreement=Agreement.CHOSEN, options=[Option(words, count=3)])
    with in_language("en"):
        assert how_agreed(decision) == [said]


def test_a_word_that_is_someone_s_name_in_the_workshop_keeps_its_capital():
    decision = Decision("x", agreement=Agreement.CHOSEN, options=[Option("Will's idea", count=1)])
    with in_language("en"):
        assert how_agreed(decision) == ["1 person chose will's idea."]
        assert how_agreed(decision, ["Will Jones"]) == ["1 person chose “Will's idea”."]


@pytest.mark.parametrize("language", ["cy", "ar"])
def test_welsh_and_arabic_keep_the_words_as_typed(language):
    assert option_in_sentence("At home", language) == ("At home", False)
    assert option_in_sentence("Yn y ganolfan.", language) == ("Yn y ganolfan", False)


def test_the_big_screen_keeps_the_option_s_words_as_typed():
    decision = Decision("x", agreement=Agreement.CHOSEN, options=[Option("At home", count=2), Option("Joan", count=1)])
    assert [count.words for count in tally(decision)] == ["At home", "Joan"]
