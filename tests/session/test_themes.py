"""The participant screen's colour themes reach the contrast they promise."""

from __future__ import annotations

import pytest

from facilitator.session.themes import (
    DEFAULT_TEXT_SIZE,
    DEFAULT_THEME,
    TEXT_SIZES,
    THEMES,
    contrast,
    luminance,
    rgb,
    text_scale,
    theme,
)

ALL_THEMES = list(THEMES.values())
THEME_IDS = list(THEMES)


def test_there_are_the_cream_black_and_yellow_themes():
    assert {"cream", "black", "yellow"} <= set(THEMES)
    assert len(THEMES) >= 3
    assert DEFAULT_THEME in THEMES
    for key, value in THEMES.items():
        assert value.key == key
    names = [value.name for value in ALL_THEMES]
    assert all(name.strip() for name in names)
    assert len(set(names)) == len(names)


@pytest.mark.parametrize("value", ALL_THEMES, ids=THEME_IDS)
def test_every_colour_is_a_hex_colour(value):
    for name in ("background", "text", "quiet", "timer", "track", "highlight", "highlight_text"):
        colour = getattr(value, name)
        assert colour.startswith("#") and len(colour) == 7, name
        rgb(colour)


@pytest.mark.parametrize("value", ALL_THEMES, ids=THEME_IDS)
def test_words_reach_seven_to_one_against_the_background(value):
    assert contrast(value.text, value.background) >= 7
    assert contrast(value.quiet, value.background) >= 7
    for name, colour in value.text_colours().items():
        assert contrast(colour, value.background) >= 7, name


@pytest.mark.parametrize("value", ALL_THEMES, ids=THEME_IDS)
def test_the_timer_reaches_three_to_one_against_the_background_and_the_track(value):
    assert contrast(value.timer, value.background) >= 3
    assert contrast(value.timer, value.track) >= 3


@pytest.mark.parametrize("value", ALL_THEMES, ids=THEME_IDS)
def test_highlighted_words_reach_seven_to_one_against_the_highlight(value):
    assert contrast(value.highlight_text, value.highlight) >= 7


def test_text_colours_are_the_text_and_quiet_colours():
    cream = THEMES["cream"]
    assert cream.text_colours() == {"text": cream.text, "quiet": cream.quiet}


# -- measuring contrast --------------------------------------------------------------


def test_black_on_white_is_twenty_one_to_one():
    assert contrast("#000000", "#FFFFFF") == pytest.approx(21)
    assert contrast((0, 0, 0), (255, 255, 255)) == pytest.approx(21)


@pytest.mark.parametrize("colour", ["#000000", "#FFFFFF", "#1D4E89", "#FFE600", "#767676"])
def test_a_colour_against_itself_is_one_to_one(colour):
    assert contrast(colour, colour) == pytest.approx(1)


@pytest.mark.parametrize(
    ("first", "second"), [("#1D4E89", "#FFF8DC"), ("#FFD500", "#4D4D4D"), ("#000000", "#FFE600"), ("#123456", "#FEDCBA")]
)
def test_contrast_is_the_same_either_way_round(first, second):
    assert contrast(first, second) == pytest.approx(contrast(second, first))
    assert contrast(first, second) > 1


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        ("#767676", "#FFFFFF", 4.54),  # the lightest grey that passes AA on white
        ("#777777", "#FFFFFF", 4.48),
        ("#595959", "#FFFFFF", 7.0),  # the lightest grey that passes AAA on white
        ("#FF0000", "#FFFFFF", 4.0),
        ("#0000FF", "#FFFFFF", 8.59),
        ("#FFFF00", "#000000", 19.56),
    ],
)
def test_contrast_matches_known_values(first, second, expected):
    assert contrast(first, second) == pytest.approx(expected, abs=0.01)


def test_a_colour_as_a_string_and_as_numbers_measure_the_same():
    assert contrast("#1D4E89", "#FFF8DC") == pytest.approx(contrast((29, 78, 137), (255, 248, 220)))


@pytest.mark.parametrize(
    ("colour", "expected"), [("#000000", 0.0), ("#FFFFFF", 1.0), ("#FF0000", 0.2126), ("#00FF00", 0.7152), ("#0000FF", 0.0722)]
)
def test_luminance_runs_from_black_to_white(colour, expected):
    assert luminance(colour) == pytest.approx(expected)


def test_rgb_reads_hex_colours_in_either_case():
    assert rgb("#1D4E89") == (29, 78, 137)
    assert rgb("#1d4e89") == (29, 78, 137)
    assert rgb("#FFFFFF") == (255, 255, 255)
    assert rgb("#000000") == (0, 0, 0)


@pytest.mark.parametrize("bad", ["", "#", "#FFF", "#12345", "#1234567", "#GGGGGG", "red", "rgb(1,2,3)", "#1_2_3_"])
def test_rgb_rejects_what_is_not_a_hex_colour(bad):
    with pytest.raises(ValueError):
        rgb(bad)


@pytest.mark.parametrize("bad", ["#-1-1-1", "#+F+F+F", "#12 456"])
def test_rgb_rejects_signs_and_spaces_among_the_digits(bad):
    with pytest.raises(ValueError):
        rgb(bad)


# -- choosing a theme and a text size --------------------------------------------------


@pytest.mark.parametrize("key", THEME_IDS)
def test_a_theme_is_found_by_its_key(key):
    assert theme(key) is THEMES[key]


@pytest.mark.parametrize("key", ["", "purple", "Cream", "BLACK"])
def test_an_unknown_theme_falls_back_to_the_default(key):
    assert theme(key) is THEMES[DEFAULT_THEME]
    assert theme(key).key == "cream"


def test_text_sizes_grow_from_normal_to_largest():
    assert text_scale("normal") == 1.0
    assert text_scale("large") == pytest.approx(1.2)
    assert text_scale("largest") == pytest.approx(1.4)
    assert text_scale("normal") < text_scale("large") < text_scale("largest")
    assert DEFAULT_TEXT_SIZE in TEXT_SIZES


@pytest.mark.parametrize("key", ["", "huge", "Large"])
def test_an_unknown_text_size_falls_back_to_normal(key):
    assert text_scale(key) == TEXT_SIZES[DEFAULT_TEXT_SIZE][1] == 1.0
