"""Every built-in glossary entry is usable and follows the easy-read rules it teaches."""

from __future__ import annotations

import pytest

from facilitator.language.checker import Checker
from facilitator.language.finder import finder_for
from facilitator.language.glossary import DIVIDES, TOPICS, Glossary
from facilitator.language.sentences import sentences, word_count
from facilitator.pictures.catalogue import PictureCatalogue

GLOSSARY = Glossary.built_in()
ENTRIES = GLOSSARY.entries
CHECKER = Checker(GLOSSARY)
IDS = [entry.term for entry in ENTRIES]

# Findings a plain meaning may have: another entry's hard word (it can be looked up in one click).
ALLOWED_IN_PLAIN = {"jargon"}
# Findings the longer explanation may have as well: hard words, initials, passive voice.
ALLOWED_IN_MORE = {"jargon", "divides", "hard-word", "initials", "passive", "formal-word"}


def test_the_files_have_no_problems():
    assert GLOSSARY.problems == []


def test_every_topic_has_a_name():
    assert set(GLOSSARY.topics()) <= set(TOPICS)


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
def test_the_plain_meaning_follows_the_easy_read_rules(entry):
    parts = sentences(entry.plain)
    assert 1 <= len(parts) <= 2, f"{entry.term}: the plain meaning has {len(parts)} sentences"
    for sentence in parts:
        assert word_count(sentence.text) <= 15, f"{entry.term}: {sentence.text!r} is too long"
        assert sentence.text[-1] in ".?!", f"{entry.term}: {sentence.text!r} does not end with a full stop"
    findings = [
        finding for finding in CHECKER.check(entry.plain)
        if finding.kind not in ALLOWED_IN_PLAIN and finding.term != entry.term
        and not _inside_own_term(entry, finding.text)
    ]
    assert findings == [], f"{entry.term}: " + "; ".join(f"{f.text!r}: {f.message}" for f in findings)


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
def test_the_longer_explanation_keeps_sentences_short(entry):
    assert entry.more, f"{entry.term}: no longer explanation"
    findings = [
        finding for finding in CHECKER.check(entry.more)
        if finding.kind not in ALLOWED_IN_MORE and not _inside_own_term(entry, finding.text)
    ]
    assert findings == [], f"{entry.term}: " + "; ".join(f"{f.text!r}: {f.message}" for f in findings)


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
def test_every_way_of_writing_the_term_finds_it(entry):
    finder = finder_for(GLOSSARY)
    for name in entry.names:
        found = finder.find(f"We talked about {name} today.")
        assert [match.entry.term for match in found] == [entry.term], f"{name!r} found {found}"
        assert found[0].text == name


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
def test_the_picture_exists(entry):
    assert entry.picture, f"{entry.term}: no picture"
    assert PictureCatalogue.load().resolve(entry.picture) is not None, f"{entry.term}: {entry.picture!r}"


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
def test_what_to_say_instead_is_plain(entry):
    for words in entry.say_instead:
        assert word_count(words) <= 6, f"{entry.term}: {words!r} is long"
        divides = [finding.text for finding in CHECKER.check(words) if finding.kind == DIVIDES]
        assert divides == [], f"{entry.term}: say instead {words!r} has a dividing word"


def _inside_own_term(entry, text: str) -> bool:
    return GLOSSARY.lookup(text) is entry


def test_there_are_at_least_400_entries_of_both_kinds():
    assert len(ENTRIES) >= 400
    assert sum(entry.kind == DIVIDES for entry in ENTRIES) >= 40
