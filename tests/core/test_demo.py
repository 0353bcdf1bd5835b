"""The demo workshop: it must import cleanly, fit the room and read easily."""

import datetime as dt
import json
import re

import pytest

from facilitator.core import exchange
from facilitator.core.demo import demo_date, demo_workshop
from facilitator.core.model import Agreement, ItemKind
from facilitator.pictures.catalogue import PictureCatalogue

WORD_LIMIT = 15
TITLE_WORD_LIMIT = 7
POWER_WORDS = ("service user", "empower", "engage", "hard to reach", "voice of", "managing expectations")


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+", text.strip()) if s]


def words(text: str) -> list[str]:
    return [w for w in text.split() if re.search(r"\w", w)]


@pytest.fixture
def demo():
    return demo_workshop()


def test_demo_passes_the_importers_checks(demo):
    group, workshop = demo
    raw = json.dumps(exchange.workshop_document(workshop, group)).encode()
    result = exchange.parse_workshop_bytes(raw)
    assert result.workshop == workshop
    assert result.group == group
    assert result.notes == []


def test_demo_belongs_to_its_group(demo):
    group, workshop = demo
    assert workshop.group_id == group.id


def test_agenda_ends_before_the_room_booking(demo):
    _, workshop = demo
    assert workshop.start_time is not None and workshop.room_booked_until is not None
    assert workshop.planned_end() < workshop.room_booked_until


def test_every_plain_words_sentence_is_short(demo):
    _, workshop = demo
    for item in workshop.agenda:
        assert item.plain_words, item.title
        for sentence in sentences(item.plain_words):
            assert len(words(sentence)) <= WORD_LIMIT, sentence


def test_other_easy_read_text_is_short_and_has_no_power_words(demo):
    group, workshop = demo
    texts = [group.description, workshop.purpose]
    texts += [item.plain_words for item in workshop.agenda]
    texts += [d.text for d in workshop.decisions] + [a.what for a in workshop.actions]
    texts += [q.text for q in workshop.parked_questions] + [w.meaning for w in workshop.group_words]
    for text in texts:
        for sentence in sentences(text):
            assert len(words(sentence)) <= WORD_LIMIT, sentence
        assert not any(power in text.lower() for power in POWER_WORDS), text


CATALOGUE = PictureCatalogue.load()


def test_every_item_has_a_short_title_a_picture_and_a_kind(demo):
    _, workshop = demo
    assert 9 <= len(workshop.agenda) <= 10
    for item in workshop.agenda:
        assert len(words(item.title)) <= TITLE_WORD_LIMIT, item.title
        assert CATALOGUE.resolve(item.picture) is not None, item.picture
        assert isinstance(item.kind, ItemKind)
        assert item.notes, item.title
    kinds = {item.kind for item in workshop.agenda}
    assert {ItemKind.WELCOME, ItemKind.BREAK, ItemKind.DECIDE, ItemKind.CLOSE} <= kinds


def test_the_date_is_in_the_future(demo):
    _, workshop = demo
    assert workshop.date is not None
    assert workshop.date > dt.date.today()


@pytest.mark.parametrize("days", range(7))
def test_the_date_is_a_tuesday_at_least_two_weeks_ahead(days):
    today = dt.date(2026, 3, 2) + dt.timedelta(days=days)
    date = demo_date(today)
    assert date.weekday() == 1
    assert 14 <= (date - today).days < 21
    assert demo_workshop(today)[1].date == date


def test_someone_with_lived_experience_helps_run_it(demo):
    _, workshop = demo
    assert any(f.lived_experience for f in workshop.facilitators)


def test_decisions_and_actions_are_linked_and_varied(demo):
    _, workshop = demo
    item_ids = {item.id for item in workshop.agenda}
    assert all(d.agenda_item_id in item_ids for d in workshop.decisions)
    assert len({d.agreement for d in workshop.decisions}) == 3
    assert len({a.status for a in workshop.actions}) > 1
    assert all(word.agreed for word in workshop.group_words)


def test_the_demo_has_decisions_agreed_and_one_still_to_decide(demo):
    _, workshop = demo
    assert [d.agreed for d in workshop.decisions] == [d.agreement is not Agreement.NOT_YET for d in workshop.decisions]
    assert sum(d.agreed for d in workshop.decisions) == 2


def test_each_call_gives_a_fresh_workshop():
    first, second = demo_workshop()[1], demo_workshop()[1]
    assert first.id != second.id
    assert first.agenda[0].id != second.agenda[0].id
