"""The jargon finder: word forms, joins, initials, letter case, whole words and the longest match.

Every test builds its own small glossary, so none depends on the built-in data
(which other people are still writing), except where it says so.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from facilitator.core.model import GroupWord
from facilitator.language.finder import JargonFinder, finder_for
from facilitator.language.glossary import DIVIDES, Glossary, GlossaryEntry
from facilitator.language.words import JOINING, words_in

ENTRIES = [
    GlossaryEntry("care home", "A place where people live and staff give care."),
    GlossaryEntry("care", "Help with everyday things."),
    GlossaryEntry("home", "Where you live."),
    GlossaryEntry("care plan", "A list of the help you get."),
    GlossaryEntry("managing expectations", "Telling people not to hope for much.", kind=DIVIDES,
                  say_instead=("being honest",)),
    GlossaryEntry("assess", "Find out what help you need."),
    GlossaryEntry("co-production", "Working together as equals."),
    GlossaryEntry("personal budget", "The money for your support."),
    GlossaryEntry("budget", "How much money there is."),
    GlossaryEntry("support worker", "A person paid to help you."),
    GlossaryEntry("Care Quality Commission", "The group that checks care.", initials=("CQC",)),
    GlossaryEntry("general practitioner", "Your family doctor.", initials=("GP",)),
    GlossaryEntry("integrated care system", "Health and care working together.", initials=("ICS",)),
    GlossaryEntry("special educational needs and disabilities", "Extra help to learn.", initials=("SEND",)),
]
GLOSSARY = Glossary(ENTRIES)
FINDER = finder_for(GLOSSARY)


def found(text: str, finder: JargonFinder = FINDER) -> list[tuple[str, str]]:
    """Each match as (the words in the text, the entry's term)."""
    return [(match.text, match.entry.term) for match in finder.find(text)]


# Word forms.


@pytest.mark.parametrize(("text", "term"), [
    ("care homes", "care home"),
    ("Care Homes", "care home"),
    ("the care home's garden", "care home"),
    ("managed expectations", "managing expectations"),
    ("managed expectation", "managing expectations"),
    ("Managing Expectations", "managing expectations"),
    ("assessed", "assess"),
    ("assessing", "assess"),
    ("assesses", "assess"),
    ("personal budgets", "personal budget"),
    ("support workers", "support worker"),
])
def test_other_forms_of_a_term_are_found(text, term):
    (match,) = FINDER.find(text)
    assert match.entry.term == term
    # The whole written form is the match, not just the part that is the term.
    assert match.text == text.removeprefix("the ").removesuffix(" garden")


def test_a_term_in_ing_or_ed_does_not_find_its_bare_verb():
    # "charging" must not find "in charge": only the other -ing and -ed forms count.
    finder = JargonFinder([GlossaryEntry("charging", "Asking people to pay.")])
    assert found("they charged us", finder) == [("charged", "charging")]
    assert found("who is in charge? what charges?", finder) == []
    assert found("we manage expectations") == []


def test_caring_is_a_form_of_care_but_careful_and_careers_are_not():
    assert found("caring") == [("caring", "care")]
    assert found("careful careers") == []


# Terms of more than one word, across line breaks and hyphens.


@pytest.mark.parametrize("text", ["care\nhome", "care \n  home", "care\thome", "care\u00a0home", "care  home"])
def test_a_term_is_found_across_spaces_and_a_line_break(text):
    assert found(text) == [(text, "care home")]


def test_a_blank_line_between_the_words_is_a_new_paragraph():
    assert found("care\n\nhome") == [("care", "care"), ("home", "home")]


@pytest.mark.parametrize("text", [
    "co-production", "Co-Production", "co production", "coproduction", "CoProduction",
    "co\u2010production", "co\u2011production", "co - production", "co\nproduction",
])
def test_a_hyphenated_term_is_found_however_it_is_joined(text):
    assert found(text) == [(text, "co-production")]


def test_a_term_written_with_spaces_is_found_with_a_hyphen():
    assert found("a personal-budget") == [("personal-budget", "personal budget")]


def test_a_term_split_with_a_hyphen_at_the_end_of_a_line_is_found():
    assert found("we do co-\nproduction") == [("co-\nproduction", "co-production")]


def test_a_term_is_found_across_a_windows_line_break():
    assert found("care\r\nhome") == [("care\r\nhome", "care home")]


@pytest.mark.parametrize("text", ["care. Home", "care, home", "care; home", "care: home", "care/home",
                                  "care (home)", "care! Home", "care? home", "care.home", "care_home"])
def test_a_term_never_runs_across_punctuation(text):
    assert "care home" not in [term for _written, term in found(text)]


# Initials.


@pytest.mark.parametrize("written", ["C.Q.C.", "C.Q.C", "CQC", "cqc", "Cqc", "CQCs", "C.Q.C.s", "CQC's", "CQC\u2019s"])
def test_initials_are_found_with_and_without_full_stops_in_any_case(written):
    (match,) = FINDER.find(f"Ask the {written} today")
    assert (match.text, match.entry.term, match.initials) == (written, "Care Quality Commission", True)
    assert match.start == len("Ask the ")


@pytest.mark.parametrize("written", ["GPs", "GP's", "GP\u2019s"])
def test_plural_and_possessive_initials_are_found(written):
    (match,) = FINDER.find(f"our {written} surgery")
    assert (match.text, match.entry.term, match.initials) == (written, "general practitioner", True)


def test_the_plural_possessive_of_initials_is_found():
    assert found("the GPs' surgeries") == [("GPs'", "general practitioner")]


def test_a_plural_of_initials_must_be_in_capitals():
    # "gps" could be anything; "GPs" (or "GPS") is the plural of GP.
    assert found("gps") == []


def test_initials_all_in_capitals_with_an_s_count_as_the_plural():
    # Decided from the code (is_capitals): "GPS" in capitals is read as "GPs", as in a heading
    # "ASK YOUR GPS". The cost is that satellite "GPS" is found too.
    assert found("GPS") == [("GPS", "general practitioner")]


@pytest.mark.parametrize("text", ["physics", "PHYSICS", "topics", "ICSE", "GPU", "CQCX", "scqc", "careful", "homely"])
def test_a_term_or_initials_are_never_found_inside_another_word(text):
    assert found(text) == []


def test_initials_that_are_an_everyday_word_are_found_only_in_capitals():
    assert found("Ask about SEND support.") == [("SEND", "special educational needs and disabilities")]
    assert found("SENDs") == [("SENDs", "special educational needs and disabilities")]
    assert found("Please send it. Send a card. SeNd it.") == []
    # Initials that are not a word are found in any case.
    assert found("the cqc") == [("cqc", "Care Quality Commission")]


def test_a_term_and_its_initials_side_by_side_are_two_matches():
    text = "Care Quality Commission (CQC)"
    matches = FINDER.find(text)
    assert [(m.text, m.initials) for m in matches] == [("Care Quality Commission", False), ("CQC", True)]


# Letter case.


@pytest.mark.parametrize("text", ["CARE HOME", "Care Home", "cArE hOmE", "Care home"])
def test_letter_case_does_not_matter(text):
    assert found(text) == [(text, "care home")]


def test_letter_case_does_not_matter_next_to_a_letter_that_grows_in_lower_case():
    assert found("\u0130stanbul has a Care Home") == [("Care Home", "care home")]


# The longest match, and a group's own words.


def test_the_longest_term_wins():
    assert found("my personal budget") == [("personal budget", "personal budget")]
    assert found("my budget") == [("budget", "budget")]
    assert found("care home care plan") == [("care home", "care home"), ("care plan", "care plan")]
    assert found("home care home") == [("home", "home"), ("care home", "care home")]


def test_a_shorter_term_is_found_when_the_longer_one_is_split_by_punctuation():
    assert found("personal, budget") == [("budget", "budget")]


def test_a_groups_own_word_wins_over_the_built_in_one():
    own = GroupWord("Care home", "The big house on Mill Lane.", agreed=True, id="w1")
    glossary = GLOSSARY.with_group_words([own])
    (match,) = finder_for(glossary).find("two care homes")
    assert match.entry.plain == "The big house on Mill Lane."
    assert match.entry.from_group and match.entry.agreed and match.entry.group_word_id == "w1"
    # The glossary without the group's words is unchanged.
    assert FINDER.find("two care homes")[0].entry.plain.startswith("A place")


def test_group_words_without_a_term_or_a_meaning_are_left_out():
    words = [GroupWord("  ", "Something."), GroupWord("care home", "   ")]
    assert GLOSSARY.with_group_words(words) is GLOSSARY
    assert GLOSSARY.with_group_words([]) is GLOSSARY


def test_a_groups_own_word_wins_over_the_real_built_in_glossary():
    built_in = Glossary.built_in()
    if built_in.lookup("care home") is None:
        pytest.skip("the built-in glossary has no 'care home' yet")
    glossary = built_in.with_group_words([GroupWord("care home", "Where Jo lives.")])
    (match,) = finder_for(glossary).find("care homes")
    assert match.entry.plain == "Where Jo lives." and match.entry.from_group


# Places.


def test_matches_have_their_exact_place_in_the_text():
    text = "Caf\u00e9 \u2014 Stra\u00dfe: the CARE homes\u2019 GP\u2019s, C.Q.C. and co\u2011production.\ncare home"
    matches = FINDER.find(text)
    assert [m.text for m in matches] == [
        "CARE homes\u2019", "GP\u2019s", "C.Q.C.", "co\u2011production", "care home"]
    for match in matches:
        assert text[match.start:match.end] == match.text
    assert (matches[0].start, matches[0].end) == (text.index("CARE"), text.index(" GP"))
    assert matches[-1].end == len(text)
    # A letter that grows in lower case ("\u0130" becomes 2 characters) does not move the places.
    text = "\u0130stanbul \u0130stanbul: care home"
    (match,) = FINDER.find(text)
    assert (match.start, match.end) == (len(text) - 9, len(text))


def test_nothing_is_found_in_an_empty_or_plain_text():
    assert found("") == []
    assert found("We had tea and cake by the river.") == []


def test_lookup_finds_an_entry_as_it_is_written_in_a_text():
    assert GLOSSARY.lookup("GPs").term == "general practitioner"
    assert GLOSSARY.lookup(" care homes. ").term == "care home"
    assert GLOSSARY.lookup("C.Q.C.").term == "Care Quality Commission"
    assert GLOSSARY.lookup("the care home") is None
    assert GLOSSARY.lookup("   ") is None


# Property: whatever the text, a match is made of whole words of it.

PIECES = ["care", "home", "homes", "careful", "CQC", "C.Q.C.", "cqc", "GPs", "GPS", "gps", "SEND", "send",
          "co", "production", "coproduction", "personal", "budget", "budgets", "assessed", "physics",
          "plan", "managed", "expectations", "support", "workers", "the", "3", "caf\u00e9", "\u0130"]
GAPS = [" ", "  ", "-", " - ", "\n", "\n\n", ". ", ", ", "'s ", "\u2019", "(", ")", "/", "\u2011", ""]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(PIECES), st.sampled_from(GAPS)), max_size=12))
def test_every_match_is_made_of_whole_words_of_the_text(parts):
    text = "".join(piece + gap for piece, gap in parts)
    words = words_in(text)
    starts = {word.start: index for index, word in enumerate(words)}
    ends = {word.end: index for index, word in enumerate(words)}
    previous_end = 0
    for match in FINDER.find(text):
        assert text[match.start:match.end] == match.text
        assert match.start in starts and match.end in ends, (text, match)
        assert match.start >= previous_end  # left to right, never overlapping
        previous_end = match.end
        first, last = starts[match.start], ends[match.end]
        for before, after in zip(words[first:last], words[first + 1:last + 1]):
            assert JOINING.fullmatch(text, before.end, after.start), (text, match)
