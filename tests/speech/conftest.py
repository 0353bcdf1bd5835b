"""Shared by the speech tests: messages are checked in English, whatever another test left set."""

from __future__ import annotations

import pytest

from facilitator import i18n


@pytest.fixture(autouse=True)
def english_messages():
    was = i18n.language()
    i18n.set_language("en")
    yield
    i18n.set_language(was)
