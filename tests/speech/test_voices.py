"""Which voice reads: language tags, voices for a language best first, and the facilitator's choices."""

from __future__ import annotations

import pytest

from facilitator.speech.voices import (
    DEFAULT_SPEED,
    FASTEST,
    SLOWEST,
    Voice,
    VoiceSettings,
    base,
    choose_voice,
    install_hint,
    install_voice_hint,
    language_name,
    no_voices_message,
    tag,
    voices_for,
)

EN_GB = Voice("v/en-gb", "English (Great Britain)", ("en-gb",))
EN_US = Voice("v/en-us", "English (America)", ("en-us",))
EN_SCOT = Voice("v/en-gb-scotland", "English (Scotland)", ("en-gb-scotland",))
EN_CARIB = Voice("v/en-029", "English (Caribbean)", ("en-029",))
CY = Voice("v/cy", "Welsh", ("cy",))
AR = Voice("v/ar", "Arabic", ("ar",))
FR = Voice("v/fr", "French", ("fr-fr",))
# Deliberately not in the order they should come out.
ALL = [AR, EN_US, CY, EN_SCOT, FR, EN_CARIB, EN_GB]


def ids(voices):
    return [voice.id for voice in voices]


# Language tags.


@pytest.mark.parametrize(("given", "expected"), [
    ("en_GB", "en-gb"),
    ("EN-gb", "en-gb"),
    ("  cy  ", "cy"),
    ("ar", "ar"),
    ("en_gb_scotland", "en-gb-scotland"),
    ("", ""),
])
def test_tag_is_lower_case_with_hyphens(given, expected):
    assert tag(given) == expected


@pytest.mark.parametrize(("given", "expected"), [
    ("en_GB", "en"),
    ("EN-us", "en"),
    ("cy", "cy"),
    ("cy-GB", "cy"),
    ("en-gb-x-rp", "en"),
    (" AR ", "ar"),
])
def test_base_is_the_language_without_its_region(given, expected):
    assert base(given) == expected


def test_a_voice_speaks_every_form_of_its_language():
    assert EN_GB.speaks("en")
    assert EN_GB.speaks("en_US")
    assert EN_GB.speaks("EN-gb")
    assert EN_SCOT.speaks("en")
    assert not EN_GB.speaks("cy")
    assert CY.speaks("cy_GB")
    assert not CY.speaks("en")


def test_a_voice_that_names_no_language_speaks_none():
    assert not Voice("v/odd", "Odd").speaks("en")
    assert not Voice("v/odd", "Odd").speaks("")


def test_a_voice_with_several_languages_speaks_each():
    both = Voice("v/both", "Both", ("fr", "cy-gb"))
    assert both.speaks("cy")
    assert both.speaks("fr_CA")
    assert not both.speaks("ar")


def test_label_is_the_name_or_else_the_id():
    assert EN_GB.label() == "English (Great Britain)"
    assert Voice("v/no-name", "").label() == "v/no-name"


# Voices for a language, best first.


def test_english_puts_british_english_first_then_the_others_by_name():
    assert ids(voices_for(ALL, "en")) == ["v/en-gb", "v/en-us", "v/en-029", "v/en-gb-scotland"]


def test_british_english_comes_before_american_whichever_order_they_were_found_in():
    assert ids(voices_for([EN_US, EN_GB], "en")) == ["v/en-gb", "v/en-us"]
    assert ids(voices_for([EN_GB, EN_US], "en")) == ["v/en-gb", "v/en-us"]


@pytest.mark.parametrize("asked", ["en_US", "en-US", "EN-us"])
def test_an_exact_request_for_american_english_prefers_it(asked):
    assert ids(voices_for(ALL, asked))[:2] == ["v/en-us", "v/en-gb"]


def test_welsh_and_arabic_get_only_their_own_voices():
    assert ids(voices_for(ALL, "cy")) == ["v/cy"]
    assert ids(voices_for(ALL, "cy_GB")) == ["v/cy"]
    assert ids(voices_for(ALL, "ar")) == ["v/ar"]


def test_welsh_prefers_plain_cy_to_cy_gb():
    cy_gb = Voice("v/cy-gb", "A Welsh (GB)", ("cy-gb",))
    assert ids(voices_for([cy_gb, CY], "cy")) == ["v/cy", "v/cy-gb"]


def test_a_language_with_no_voice_gets_none():
    assert voices_for(ALL, "de") == []
    assert voices_for([], "en") == []


def test_british_english_beats_a_generic_english_voice():
    # Found as a bug while writing these tests (a bare "en" put a generic "en" voice first); fixed since.
    generic = Voice("v/en", "English", ("en",))
    assert ids(voices_for([generic, EN_US, EN_GB], "en")) == ["v/en-gb", "v/en", "v/en-us"]
    assert ids(voices_for([generic, EN_US, EN_GB], "en_US"))[0] == "v/en-us"


# Choosing the voice.


def test_the_best_voice_for_the_language_is_chosen_without_a_message():
    choice = choose_voice(ALL, "en", VoiceSettings())
    assert choice.voice == EN_GB
    assert choice.language == "en"
    assert not choice.instead
    assert choice.problem == ""


def test_the_voice_chosen_for_a_language_wins_when_it_is_installed():
    settings = VoiceSettings(chosen={"en": "v/en-us", "cy": "v/cy"})
    assert choose_voice(ALL, "en", settings).voice == EN_US
    assert choose_voice(ALL, "en_GB", settings).voice == EN_US  # chosen for the language, whatever its region
    assert choose_voice(ALL, "cy", settings).voice == CY
    choice = choose_voice(ALL, "en", settings)
    assert not choice.instead and choice.problem == ""


def test_a_chosen_voice_that_is_not_installed_is_ignored():
    settings = VoiceSettings(chosen={"en": "v/uninstalled"})
    choice = choose_voice(ALL, "en", settings)
    assert choice.voice == EN_GB
    assert choice.problem == ""


def test_a_language_with_no_voice_uses_the_fallback_and_says_so():
    voices = [EN_GB, EN_US]
    choice = choose_voice(voices, "cy", VoiceSettings(fallback="v/en-us"))
    assert choice.voice == EN_US
    assert choice.instead is True
    assert choice.language == "cy"
    assert "Welsh" in choice.problem
    assert "English (America)" in choice.problem


def test_a_fallback_is_not_used_when_the_language_has_a_voice():
    choice = choose_voice(ALL, "cy", VoiceSettings(fallback="v/en-us"))
    assert choice.voice == CY
    assert not choice.instead
    assert choice.problem == ""


def test_no_voice_and_no_fallback_gives_no_voice_and_says_how_to_install_one():
    choice = choose_voice([EN_GB, EN_US], "cy", VoiceSettings())
    assert choice.voice is None
    assert not choice.instead
    assert "Welsh" in choice.problem
    assert install_voice_hint() in choice.problem
    assert "install" in choice.problem.lower()


def test_a_fallback_that_is_not_installed_is_the_same_as_none():
    choice = choose_voice([EN_GB], "ar", VoiceSettings(fallback="v/uninstalled"))
    assert choice.voice is None
    assert "Arabic" in choice.problem


def test_no_voices_at_all_gives_the_no_voices_message_even_with_a_fallback():
    choice = choose_voice([], "en", VoiceSettings(fallback="v/en-gb", chosen={"en": "v/en-gb"}))
    assert choice.voice is None
    assert choice.problem == no_voices_message()
    assert install_hint() in choice.problem


@pytest.mark.parametrize(("language", "name"), [("cy", "Welsh"), ("ar", "Arabic"), ("en_GB", "English"), ("fr", "French")])
def test_language_name(language, name):
    assert language_name(language) == name


def test_the_name_of_an_unknown_language_is_its_tag():
    assert language_name("qqx") == "qqx"
    assert language_name("") == ""


# Speed.


def test_the_default_speed_is_slower_than_normal():
    assert DEFAULT_SPEED < 1.0
    assert VoiceSettings().speed == DEFAULT_SPEED
    assert VoiceSettings().rate(200) < 200
    assert VoiceSettings().rate(200) == round(200 * DEFAULT_SPEED)


@pytest.mark.parametrize(("speed", "normal", "rate"), [
    (1.0, 200, 200),
    (0.5, 200, 100),
    (2.0, 200, 400),
    (0.1, 200, 100),  # clamped to the slowest
    (0.0, 200, 100),
    (-3.0, 200, 100),
    (2.5, 200, 400),  # clamped to the fastest
    (10.0, 175, 350),
    (1.5, 175, 262),  # rounded, not cut
    (0.8, 175, 140),
])
def test_rate_is_the_normal_rate_times_the_speed_kept_between_half_and_double(speed, normal, rate):
    assert VoiceSettings(speed=speed).rate(normal) == rate


def test_slowest_and_fastest():
    assert (SLOWEST, FASTEST) == (0.5, 2.0)
