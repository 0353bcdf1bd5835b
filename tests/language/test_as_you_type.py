"""Checking as the facilitator types: the same findings as checking the whole text, for a fraction of the work."""

from __future__ import annotations

import random

import pytest

from facilitator.language.as_you_type import TypingChecker, split_again
from facilitator.language.checker import Checker
from facilitator.language.glossary import Glossary
from facilitator.language.sentences import sentence_places, sentences

CHECKER = Checker(Glossary.built_in())

# Sentences and bits of sentences with something to find, and some that run into the next one.
PIECES = [
    "Following a needs assessment, the local authority will determine whether your eligible needs meet "
    "the national eligibility criteria under the Care Act 2014.",
    "Service users in receipt of a direct payment can employ a personal assistant.",
    "The integrated care board (ICB) and the ICS partners commission community health services.",
    "We want to empower and engage hard to reach groups through co-production.",
    "People came to the cafe on Tuesday.", "We talked about the bus, the garden and the new kitchen.",
    "The Care Quality Commission visits.", "Then the CQC writes to us.", "CQC", "WE", "PLEASE COME EARLY.",
    "We meet on Tues.", "3 March 2026 at the hall.", "Friday.", "3 Mar.", "2026 is the year.",
    "two hundred", "and fifty", "It was", "decided by the group.", "in order", "to help.",
    "It was decided by the group.", "Please do NOT come late.", "Bring a drink, e.g. tea.", "Dr. Patel will see you.",
    "The C.Q.C. inspects homes.", "No. 5 is here.", "Talk to *the group* about it.", "<i>very</i> good.",
    "We meet. We talk. We eat. We laugh. We sing. We go home.", "twenty-five", "03/03/26", "Utilise the methodology.",
]
JOINS = [" ", "\n", "\n\n", ". ", ".\n", " \n "]


def texts(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return [
        "".join(rng.choice(PIECES) + rng.choice(JOINS) for _ in range(rng.randint(1, 20))) for _ in range(count)
    ]


@pytest.mark.parametrize("seed", range(3))
def test_what_is_found_is_what_checking_the_whole_text_finds(seed):
    typing = TypingChecker(CHECKER)
    for text in texts(60, seed):
        assert typing.check(text) == CHECKER.check(text), text


def test_a_key_press_checks_only_the_sentence_it_changed():
    text = " ".join(f"We met {n} people at the cafe and talked about the bus." for n in range(60))
    typing = TypingChecker(CHECKER)
    typing.check(text)
    assert typing.checked == 60
    middle = text.index("met 30 people")
    typed = text[:middle] + "reablement " + text[middle:]
    found = typing.check(typed)
    assert typing.checked == 61
    assert [f.text for f in found if f.kind == "jargon"] == ["reablement"]
    assert typing.check(text) == CHECKER.check(text)
    assert typing.checked == 61  # the old sentence was remembered


def test_initials_explained_sentences_before_stay_explained():
    text = "The Care Quality Commission visits homes. It looks at how people are. Then the CQC writes a report."
    typing = TypingChecker(CHECKER)
    assert [f for f in typing.check(text) if f.kind == "initials"] == []
    assert typing.check(text) == CHECKER.check(text)


def test_a_date_over_a_full_stop_is_found_whole():
    text = "We talk about the garden. We meet on Tues. 3 March 2026 at the hall."
    dates = [f.text for f in TypingChecker(CHECKER).check(text) if f.kind == "date"]
    assert dates == ["Tues. 3 March 2026"]


def test_a_long_paragraph_is_counted_from_its_sentences():
    text = "We meet. We talk. We eat. We laugh. We sing. We go home."
    typing = TypingChecker(CHECKER)
    assert [f.kind for f in typing.check(text)] == ["long-paragraph"]
    assert typing.check(text[: text.index(" We go")]) == []


def test_what_is_remembered_is_kept_to_the_texts_checked_last():
    first = " ".join(f"We met {n} people." for n in range(8))
    second = " ".join(f"We saw {n} buses." for n in range(8))
    typing = TypingChecker(CHECKER, most=5)
    typing.check(first)
    typing.check(second)
    typing.check(second)
    assert typing.checked == 16
    typing.check(first)
    assert typing.checked == 24  # forgotten: checked again


def test_sentences_found_again_after_a_change_are_the_sentences_of_the_new_text():
    rng = random.Random(7)
    letters = list("ab AB.!?\n\"”)") + ["etc.", "No.", " the", " The", "C.Q.C.", "  ", "...", "\u2026", "“", " 5", " I", " J."]
    for _ in range(3000):
        old = "".join(rng.choice(letters) for _ in range(rng.randint(0, 50)))
        new = old
        for _ in range(rng.randint(1, 3)):
            at = rng.randint(0, len(new))
            new = new[:at] + "".join(rng.choice(letters) for _ in range(rng.randint(0, 4))) + new[at + rng.randint(0, 5):]
        assert split_again(old, list(sentence_places(old)), new) == list(sentence_places(new)), (old, new)


def test_sentence_places_are_where_the_sentences_are():
    text = "Dr. Patel will see you. Mr. Jones will come too.\nBring a drink, e.g. tea. We meet at 2. Come early."
    assert [text[start:end] for start, end in sentence_places(text)] == [s.text for s in sentences(text)]
    assert len(sentences(text)) == 5


def test_only_the_sentences_asked_for_are_checked():
    text = " ".join(f"We met {n} people at the cafe and talked about reablement." for n in range(40))
    typing = TypingChecker(CHECKER)
    middle = text.index("met 20 people")
    found = typing.check(text, middle, middle + 5)
    assert typing.checked == 1
    assert [f.text for f in found if f.kind != "long-paragraph"] == ["reablement"]
    sentence = (middle - len("We "), text.index(".", middle) + 1)
    assert found == [f for f in CHECKER.check(text) if f.kind == "long-paragraph" or sentence[0] <= f.start < sentence[1]]
    assert [f.kind for f in typing.check("We meet. We talk. We eat. We laugh. We sing. We go home.", 0, 3)] == [
        "long-paragraph"
    ]
