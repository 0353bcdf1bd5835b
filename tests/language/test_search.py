"""Searching the glossary as it is typed: exact names, beginnings, typing mistakes, plain meanings."""

from __future__ import annotations

import pytest

from facilitator.core.model import GroupWord
from facilitator.language.glossary import Glossary, GlossaryEntry
from facilitator.language.search import GlossarySearch, edit_distance

GLOSSARY = Glossary([
    GlossaryEntry("safeguarding", "Keeping people safe from harm."),
    GlossaryEntry("eligibility", "Whether you can get help from the council."),
    GlossaryEntry("advocacy", "Someone helps you speak up."),
    GlossaryEntry("advocate", "A person who helps you speak up."),
    GlossaryEntry("care home", "A place where people live and get care."),
    GlossaryEntry("care plan", "A list of the help you get."),
    GlossaryEntry("home care", "Help in your own home."),
    GlossaryEntry("Care Quality Commission", "The group that checks care.", initials=("CQC",)),
    GlossaryEntry("direct payment", "Money so you can pay for your own help.", variants=("direct payments",)),
    GlossaryEntry("reablement", "Short help to do things again after hospital."),
])
SEARCH = GlossarySearch(GLOSSARY)
IN_ORDER = ["advocacy", "advocate", "care home", "care plan", "Care Quality Commission", "direct payment",
            "eligibility", "home care", "reablement", "safeguarding"]


def terms(query: str, search: GlossarySearch = SEARCH, **options) -> list[str]:
    return [entry.term for entry in search.search(query, **options)]


def in_groups(query: str, *groups: set[str], search: GlossarySearch = SEARCH) -> None:
    """The results are the groups one after another (the order inside a group is not checked)."""
    found = terms(query, search)
    assert len(found) == sum(len(group) for group in groups), found
    at = 0
    for group in groups:
        assert set(found[at:at + len(group)]) == group, found
        at += len(group)


@pytest.mark.parametrize("query", ["", "   ", "!?", "-"])
def test_an_empty_search_gives_every_entry_in_order(query):
    assert terms(query) == IN_ORDER


def test_the_limit_keeps_the_first_entries():
    assert terms("", limit=3) == IN_ORDER[:3]
    assert terms("care", limit=2) == ["care home", "care plan"]


def test_a_groups_own_word_comes_before_the_built_in_one_with_the_same_term():
    glossary = GLOSSARY.with_group_words([GroupWord("Care home", "The house on Mill Lane.")])
    found = GlossarySearch(glossary).search("")
    assert [(entry.term, entry.from_group) for entry in found[2:4]] == [("Care home", True), ("care home", False)]
    assert GlossarySearch(glossary).search("care home")[0].from_group


@pytest.mark.parametrize(("query", "expected"), [
    ("care home", ["care home", "home care"]),
    ("Care Home", ["care home", "home care"]),
    ("CQC", ["Care Quality Commission"]),
    ("c.q.c.", ["Care Quality Commission"]),
    ("direct payments", ["direct payment"]),
])
def test_an_exact_name_comes_first(query, expected):
    assert terms(query) == expected


def test_names_that_start_with_the_search_come_next():
    in_groups("care", {"care home", "care plan", "Care Quality Commission"}, {"home care"})
    in_groups("car", {"care home", "care plan", "Care Quality Commission"}, {"home care"})
    assert terms("advoc") == ["advocacy", "advocate"]
    assert terms("care q")[0] == "Care Quality Commission"


def test_in_the_same_rank_shorter_names_come_first():
    assert terms("care") == ["care home", "care plan", "Care Quality Commission", "home care"]


def test_names_with_a_word_that_starts_with_the_search_come_after():
    in_groups("home", {"home care"}, {"care home"})
    assert terms("quality") == ["Care Quality Commission"]
    assert terms("pay") == ["direct payment"]
    # Every word typed must start a word of the name, in any order.
    assert terms("plan care") == ["care plan"]
    assert terms("c h") == ["care home", "home care"]
    assert terms("care lunch") == []


@pytest.mark.parametrize(("typed", "meant"), [
    ("advocasy", "advocacy"),  # a changed letter
    ("eligability", "eligibility"),  # a changed letter
    ("adovcacy", "advocacy"),  # 2 letters swapped
    ("safegaurding", "safeguarding"),  # 2 letters swapped
    ("advoacy", "advocacy"),  # a missing letter
    ("safeguardng", "safeguarding"),  # a missing letter
    ("reablment", "reablement"),  # a missing letter
    ("advocacyy", "advocacy"),  # an extra letter
    ("eligibilitty", "eligibility"),  # an extra letter
    ("Safeguardingg", "safeguarding"),  # an extra letter, in capitals
    ("direct paymnets", "direct payment"),  # a mistake in the second word
])
def test_one_typing_mistake_is_forgiven(typed, meant):
    assert terms(typed) == [meant]


def test_two_typing_mistakes_are_forgiven_in_a_long_word():
    # A missing letter and an extra letter: 2 mistakes in a word of 8 letters or more.
    assert terms("eligibiltyy") == ["eligibility"]
    assert terms("reeablment") == ["reablement"]
    assert edit_distance("reablement", "reeablment") == 2


@pytest.mark.parametrize(("typed", "meant"), [
    ("sfeguardng", "safeguarding"),  # 2 missing letters
    ("saafeguardinng", "safeguarding"),  # 2 extra letters
    ("elagibiloty", "eligibility"),  # 2 changed letters
    ("safegaurdnig", "safeguarding"),  # 2 swaps
])
def test_two_typing_mistakes_of_the_same_kind_are_forgiven(typed, meant):
    assert edit_distance(typed, meant) == 2
    assert terms(typed) == [meant]


def test_short_words_forgive_only_one_mistake_and_very_short_ones_none():
    assert terms("qualityy") == ["Care Quality Commission"]  # 1 mistake
    assert terms("qulityy") == []  # 7 letters typed, 2 mistakes
    assert terms("cae") == []  # too short to guess
    assert terms("xyzzy") == []


def test_a_typing_mistake_comes_after_the_beginnings_of_names():
    in_groups("carre", {"care home", "care plan", "home care"}, {"Care Quality Commission"})
    glossary = Glossary([
        GlossaryEntry("carer", "A person who looks after someone, without pay."),
        GlossaryEntry("carers group", "Carers who meet to help each other."),
        GlossaryEntry("family carer", "A carer in your family."),
        GlossaryEntry("career", "The jobs you do in your life."),
        GlossaryEntry("respite", "A break for a carer."),
        GlossaryEntry("lunch club", "A place to eat with others."),
    ])
    # exact, starts with, a word starts with, a typing mistake, the plain meaning
    assert terms("carer", GlossarySearch(glossary)) == ["carer", "carers group", "family carer", "career", "respite"]


def test_the_plain_meaning_is_the_last_resort():
    assert terms("money") == ["direct payment"]
    assert terms("speak up") == ["advocacy", "advocate"]
    assert terms("council help") == ["eligibility"]
    assert terms("harm") == ["safeguarding"]
    # Every word typed must be in the meaning.
    assert terms("harm money") == []


def test_the_plain_meaning_comes_after_names():
    assert terms("help") == ["care plan", "direct payment", "eligibility", "home care", "reablement"]
    glossary = Glossary([
        GlossaryEntry("respite", "A short break for a carer."),
        GlossaryEntry("short break", "Time away for a rest."),
    ])
    assert terms("short", GlossarySearch(glossary)) == ["short break", "respite"]


@pytest.mark.parametrize(("first", "second", "distance"), [
    ("", "", 0),
    ("", "care", 4),
    ("care", "", 4),
    ("care", "care", 0),
    ("care", "cares", 1),
    ("care", "car", 1),
    ("care", "core", 1),
    ("care", "acre", 1),  # a swap counts as 1
    ("kitten", "sitting", 3),
    ("advocacy", "adovcacy", 1),
    ("eligibility", "eligability", 1),
    ("safeguarding", "sfeguardng", 2),
    ("abc", "ca", 3),  # no editing of letters once swapped (optimal string alignment)
])
def test_edit_distance(first, second, distance):
    assert edit_distance(first, second) == distance
    assert edit_distance(second, first) == distance
