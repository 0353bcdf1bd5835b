"""The pictures and templates the app ships: complete, valid, and in easy-read words."""

import re

import pytest

from facilitator.core.demo import demo_workshop
from facilitator.core.model import ItemKind
from facilitator.core.templates import built_in_templates, template_languages
from facilitator.pictures.catalogue import KIND_PICTURES, PictureCatalogue
from facilitator.pictures.vocabulary import read_vocabulary

CATALOGUE = PictureCatalogue.load()
TEMPLATES, PROBLEMS = built_in_templates()
WELSH, WELSH_PROBLEMS = built_in_templates(language="cy")
# Words an easy-read agenda needs pictures for (the issue names these).
MEETING_WORDS = [
    "meeting", "talk", "listen", "vote", "agree", "break", "tea", "toilet", "help", "money", "home", "bus",
    "doctor", "feelings", "welcome", "goodbye", "decide", "question", "idea", "calendar",
]
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
WORD_LIMIT = 15
POWER_WORDS = ("service user", "stakeholder", "empower", "engage", "facilitate", "co-design", "outcomes",
               # and the same in Welsh, for the Welsh templates
               "defnyddiwr gwasanaeth", "defnyddwyr gwasanaeth", "rhanddeiliad", "grymuso", "hwyluso", "cyd-ddylunio")


def test_the_vocabulary_has_at_least_300_words_each_with_a_real_picture():
    words = read_vocabulary()
    assert len(words) >= 300
    assert len({w.picture for w in words}) >= 250
    for word in words:
        picture = CATALOGUE.resolve(word.word)
        assert picture is not None and picture.source == "openmoji", word.word
        assert CATALOGUE.openmoji.path(picture.key).stat().st_size > 0


@pytest.mark.parametrize("word", MEETING_WORDS)
def test_everyday_meeting_words_have_pictures(word):
    assert CATALOGUE.resolve(word) is not None


@pytest.mark.parametrize("kind", list(ItemKind))
def test_every_kind_of_item_has_its_own_picture(kind):
    assert CATALOGUE.for_kind(kind) is not None
    assert KIND_PICTURES[kind] in {w.word for w in CATALOGUE.vocabulary}


def test_the_six_sessions_the_issue_asks_for_are_among_the_templates():
    assert PROBLEMS == []
    names = {t.name.lower() for t in TEMPLATES}
    for wanted in ("getting to know each other", "sharing ideas", "deciding together", "since last time",
                   "designing a service", "looking back"):
        assert any(wanted in name for name in names), wanted
    assert any(len(t.agenda) == 10 for t in TEMPLATES)


def test_every_template_is_in_english_and_in_welsh_with_the_same_shape():
    assert template_languages() == ["en", "cy"]
    assert WELSH_PROBLEMS == []
    english = {t.id.removeprefix("builtin:"): t for t in TEMPLATES}
    welsh = {t.id.removeprefix("builtin:cy/"): t for t in WELSH}
    assert set(welsh) == set(english)
    for key, template in welsh.items():
        assert template.language == "cy"
        same = english[key]
        assert template.name != same.name and template.title != same.title  # in Welsh words
        shape = [(item.picture, item.minutes, item.kind) for item in template.agenda]
        assert shape == [(item.picture, item.minutes, item.kind) for item in same.agenda], key
        assert all(mine.title != theirs.title or mine.title in {"Agenda"} for mine, theirs in zip(template.agenda, same.agenda))


@pytest.mark.parametrize("template", TEMPLATES + WELSH, ids=lambda t: t.id)
def test_each_template_is_an_easy_read_agenda_with_pictures(template):
    assert 6 <= len(template.agenda) <= 14
    kinds = [item.kind for item in template.agenda]
    assert kinds[0] == ItemKind.WELCOME and kinds[-1] == ItemKind.CLOSE
    assert 60 <= template.total_minutes() <= 300
    for item in template.agenda:
        assert CATALOGUE.resolve(item.picture) is not None, item.picture
        assert len(item.title.split()) <= 7, item.title
        assert item.plain_words and item.notes, item.title
        for sentence in SENTENCE_END.split(item.plain_words):
            assert len(sentence.split()) <= WORD_LIMIT, sentence
        text = f"{item.title} {item.plain_words}".lower()
        assert not any(word in text for word in POWER_WORDS), text


def test_the_demo_workshop_pictures_all_resolve():
    _group, workshop = demo_workshop()
    assert all(CATALOGUE.resolve(item.picture) for item in workshop.agenda)
