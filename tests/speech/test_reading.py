"""What is read: passages cut into pieces, the group's pronunciations, and words mapped back to the screen."""

from __future__ import annotations

import random
import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from facilitator.speech.reading import (
    LONGEST_PIECE,
    Passage,
    Piece,
    Respelled,
    as_letters,
    pieces,
    respell,
    said_pieces,
)

# Pieces.


def texts_of(made):
    return [piece.text for piece in made]


def check_pieces_lie_on_their_passage(passages, made):
    """Each piece is the passage's text at its start, trimmed, short enough, in order, none overlapping."""
    by_key = {}
    for passage in passages:
        by_key.setdefault(passage.key, []).append(passage.text)
    for piece in made:
        assert piece.text, piece
        assert piece.text == piece.text.strip(), piece
        assert len(piece.text) <= LONGEST_PIECE, piece
        assert any(text[piece.start : piece.start + len(piece.text)] == piece.text for text in by_key[piece.key]), piece


def rebuilt(text: str, made: list[Piece]) -> str:
    """The passage's text made again from its pieces alone, with spaces where no piece is."""
    out = [" "] * len(text)
    end = -1
    for piece in made:
        assert piece.start >= end, "pieces overlap or are out of order"
        for offset, letter in enumerate(piece.text):
            out[piece.start + offset] = letter
        end = piece.start + len(piece.text)
    return "".join(out)


def assert_nothing_but_space_lost(text: str, made: list[Piece]):
    again = rebuilt(text, made)
    for place, letter in enumerate(text):
        if not letter.isspace():
            assert again[place] == letter, (place, letter, again[place])


def test_sentences_are_pieces():
    text = "One thing. Two things! Three things? Four things"
    assert pieces([Passage("words", text)]) == [
        Piece("words", 0, "One thing."),
        Piece("words", 11, "Two things!"),
        Piece("words", 23, "Three things?"),
        Piece("words", 37, "Four things"),
    ]


def test_semicolons_and_colons_end_pieces():
    assert texts_of(pieces([Passage("w", "We agree: tea at ten; lunch at one.")])) == ["We agree:", "tea at ten;", "lunch at one."]


def test_lines_are_pieces_and_blank_lines_and_indents_are_skipped():
    text = "Line one\nLine two\n\n   Line three  \n"
    made = pieces([Passage("words", text)])
    assert made == [Piece("words", 0, "Line one"), Piece("words", 9, "Line two"), Piece("words", 22, "Line three")]
    for piece in made:
        assert text[piece.start : piece.start + len(piece.text)] == piece.text


def test_windows_line_ends_are_lines_too():
    assert texts_of(pieces([Passage("w", "First\r\nSecond")])) == ["First", "Second"]


def test_the_arabic_question_mark_ends_a_sentence():
    text = "كيف حالك؟ أنا بخير. شكرا"
    made = pieces([Passage("words", text)])
    assert texts_of(made) == ["كيف حالك؟", "أنا بخير.", "شكرا"]
    check_pieces_lie_on_their_passage([Passage("words", text)], made)


def test_a_full_stop_inside_a_number_or_a_web_address_does_not_cut():
    text = "It costs 3.50 pounds at www.example.org today."
    assert texts_of(pieces([Passage("w", text)])) == [text]


def test_each_passage_keeps_its_key_and_its_own_starts_in_order():
    made = pieces([Passage("title", "Our garden"), Passage("words", "We plant trees. We water them."), Passage("title", "Lunch")])
    assert made == [
        Piece("title", 0, "Our garden", passage=0),
        Piece("words", 0, "We plant trees.", passage=1),
        Piece("words", 16, "We water them.", passage=1),
        Piece("title", 0, "Lunch", passage=2),
    ]


@pytest.mark.parametrize("text", ["", " ", "   \n\t  \n", "\n\n\n", "\u00a0\u2003"])
def test_empty_and_blank_passages_give_no_pieces(text):
    assert pieces([Passage("words", text)]) == []


def test_no_passages_give_no_pieces():
    assert pieces([]) == []


def test_emoji_are_kept_whole_and_in_place():
    text = "Hello 👋🏽 everyone. 🎉 Party time! 👨‍👩‍👧 Family."
    made = pieces([Passage("words", text)])
    assert texts_of(made) == ["Hello 👋🏽 everyone.", "🎉 Party time!", "👨‍👩‍👧 Family."]
    check_pieces_lie_on_their_passage([Passage("words", text)], made)
    assert_nothing_but_space_lost(text, made)


def long_text(length: int, comma_every: int | None, seed: int = 6) -> str:
    chance = random.Random(seed)
    words = ["we", "talk", "about", "the", "garden", "and", "plan", "what", "happens", "next", "together", "Llanelli"]
    parts, count = [], 0
    while sum(len(part) + 1 for part in parts) < length:
        word = chance.choice(words)
        count += 1
        if comma_every and count % comma_every == 0:
            word += ","
        parts.append(word)
    return " ".join(parts)[:length].rstrip()


def test_a_long_text_with_no_full_stop_is_cut_at_commas_and_loses_nothing():
    text = long_text(10_000, comma_every=7)
    assert "." not in text and "\n" not in text and len(text) > 9_900
    made = pieces([Passage("words", text)])
    assert len(made) >= 10_000 // LONGEST_PIECE
    assert all(len(piece.text) <= LONGEST_PIECE for piece in made)
    check_pieces_lie_on_their_passage([Passage("words", text)], made)
    assert_nothing_but_space_lost(text, made)
    for piece in made[:-1]:
        assert piece.text.endswith(","), piece.text  # a comma is there to cut at in every window
        assert text[piece.start + len(piece.text)].isspace()


def test_a_long_text_with_no_commas_is_cut_at_spaces_never_inside_a_word():
    text = long_text(10_000, comma_every=None)
    made = pieces([Passage("words", text)])
    assert all(len(piece.text) <= LONGEST_PIECE for piece in made)
    assert_nothing_but_space_lost(text, made)
    for piece in made[:-1]:
        assert text[piece.start + len(piece.text)].isspace(), "cut inside a word"
        assert len(piece.text) > LONGEST_PIECE - 15  # cut at the last space, not early


def test_a_comma_too_near_the_start_is_not_used_and_a_space_is_used_instead():
    text = "Yes, " + " ".join(["word"] * 200)
    made = pieces([Passage("words", text)])
    assert len(made[0].text) > LONGEST_PIECE // 3
    assert_nothing_but_space_lost(text, made)


def test_a_long_text_is_cut_after_an_arabic_comma():
    text = "، ".join(["كلمة كلمة كلمة كلمة"] * 100)
    made = pieces([Passage("words", text)])
    assert all(len(piece.text) <= LONGEST_PIECE for piece in made)
    assert all(piece.text.endswith("،") for piece in made[:-1])
    assert_nothing_but_space_lost(text, made)


def test_a_long_text_with_no_spaces_is_cut_anywhere_but_loses_nothing():
    text = "a" * 10_000
    made = pieces([Passage("words", text)])
    assert [len(piece.text) for piece in made] == [LONGEST_PIECE] * 33 + [100]
    assert "".join(piece.text for piece in made) == text


SEPARATED = st.lists(
    st.sampled_from(["a", "bc", "word", "Llanelli", "🙂", "ŵyn", " ", "  ", ", ", "، ", ".", ". ", "? ", "؟ ", ":", "\n", " \n ", "\t", "3.5"]),
    max_size=400,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(SEPARATED, st.text(max_size=700)))
@example("x" * 301)
@example(("abc " * 80) + ".")
def test_pieces_of_any_text_lie_on_it_and_lose_only_whitespace(text):
    made = pieces([Passage("k", text)])
    check_pieces_lie_on_their_passage([Passage("k", text)], made)
    assert_nothing_but_space_lost(text, made)
    assert all(piece.key == "k" for piece in made)


# Pronunciations.


def test_a_word_is_said_as_the_group_said_it():
    said = respell("Ask the NHS today", [("NHS", "N H S")])
    assert said.said == "Ask the N H S today"


def test_whole_words_only():
    said = respell("NHSs xNHS NHS_1 NHS2 NHS-led (NHS)", [("NHS", "N H S")])
    assert said.said == "NHSs xNHS NHS_1 NHS2 N H S-led (N H S)"


def test_any_letter_case():
    said = respell("nhs NHS Nhs nHs", [("NHS", "N H S")])
    assert said.said == "N H S N H S N H S N H S"
    said = respell("LLANELLI llanelli", [("llanelli", "Hlan-ethli")])
    assert said.said == "Hlan-ethli Hlan-ethli"


def test_the_longest_written_form_wins():
    said = respell("New York and York", [("York", "Yawk"), ("New York", "Noo Yawk")])
    assert said.said == "Noo Yawk and Yawk"


def test_several_replacements_in_one_text():
    said = respell("Meet at Llanelli NHS today, then Llanelli again", [("Llanelli", "Hlan-ethli"), ("NHS", "N H S")])
    assert said.said == "Meet at Hlan-ethli N H S today, then Hlan-ethli again"
    assert len(said.changes) == 3


def test_the_written_form_is_taken_literally_not_as_a_pattern():
    assert respell("I like C++ a lot", [("C++", "C plus plus")]).said == "I like C plus plus a lot"
    assert respell("abc a.c", [("a.c", "X")]).said == "abc X"


def test_blank_pronunciations_are_ignored_and_the_first_of_two_wins():
    assert respell("NHS", [("", "nothing"), ("NHS", "  "), ("  ", "x")]) == Respelled("NHS")
    assert respell("NHS", [(" NHS ", " N H S "), ("nhs", "National")]).said == "N H S"


def test_no_pronunciations_change_nothing():
    said = respell("Meet at Llanelli", [])
    assert said == Respelled("Meet at Llanelli")
    assert said.written(8, 8) == (8, 8)


WRITTEN = "Meet at Llanelli NHS today"
SAID_AS = [("Llanelli", "Hlan-ethli"), ("NHS", "N H S")]


def written_word(start_length):
    start, length = start_length
    return WRITTEN[start : start + length]


def test_the_llanelli_example_is_said_as_respelled():
    said = respell(WRITTEN, SAID_AS)
    assert said.said == "Meet at Hlan-ethli N H S today"
    assert said.changes == ((8, 18, 8, 16), (19, 24, 17, 20))


@pytest.mark.parametrize(("reported", "after", "expected"), [
    ("Meet", "", "Meet"),
    ("at", "", "at"),
    ("Hlan-ethli", "", "Llanelli"),
    ("Hlan", "", "Llanelli"),
    ("ethli", "", "Llanelli"),
    ("-", "", "Llanelli"),
    ("N", "N H S", "NHS"),
    ("H", "N H S", "NHS"),
    ("S", "N H S", "NHS"),
    ("N H S", "", "NHS"),
    ("today", "", "today"),
    ("oda", "today", "oda"),
])
def test_every_word_the_engine_reports_maps_to_the_written_word(reported, after, expected):
    said = respell(WRITTEN, SAID_AS)
    start = said.said.index(reported, said.said.index(after) if after else 0)
    assert written_word(said.written(start, len(reported))) == expected


def test_every_space_separated_and_every_letter_run_of_the_said_text_maps_onto_a_written_word():
    said = respell(WRITTEN, SAID_AS)
    words = {"Meet", "at", "Llanelli", "NHS", "today"}
    for pattern in (r"\S+", r"\w+"):
        for found in re.finditer(pattern, said.said):
            assert written_word(said.written(found.start(), len(found.group()))) in words, found


def test_spans_after_a_replacement_are_shifted_exactly():
    said = respell(WRITTEN, SAID_AS)
    assert said.written(said.said.index("today"), 5) == (21, 5)
    assert said.written(25, 3) == (21, 3)
    assert said.written(0, 4) == (0, 4)
    # A span across two words, one of them respelled.
    assert written_word(said.written(5, len("at Hlan-ethli"))) == "at Llanelli"
    assert written_word(said.written(8, len("Hlan-ethli N H S today"))) == "Llanelli NHS today"


def test_a_word_joined_to_a_respelled_word_maps_to_both():
    said = respell("the NHS-led plan", [("NHS", "N H S")])
    assert said.said == "the N H S-led plan"
    start = said.said.index("S-led")
    assert said.written(start, len("S-led")) == (4, len("NHS-led"))
    plan = said.said.index("plan")
    assert said.written(plan, 4) == (12, 4)


def test_a_longer_spelling_than_written_and_a_shorter_one_both_shift():
    said = respell("Dr Jones and Doctor Who", [("Dr", "Doctor"), ("Doctor Who", "DW")])
    assert said.said == "Doctor Jones and DW"
    assert said.written(said.said.index("Jones"), 5) == (3, 5)
    assert said.written(said.said.index("and"), 3) == (9, 3)
    assert said.written(said.said.index("DW"), 2) == (13, 10)


# Pieces with the pronunciations in.


def test_said_pieces_respell_before_cutting_so_a_written_form_with_a_full_stop_is_found():
    passages = [Passage("words", "Meet Dr. Jones today. Then lunch.")]
    made, respelled = said_pieces(passages, [("Dr. Jones", "Doctor Jones")])
    assert texts_of(made) == ["Meet Doctor Jones today.", "Then lunch."]
    assert respelled[0].said == "Meet Doctor Jones today. Then lunch."
    start = made[0].start + made[0].text.index("Doctor")
    written_start, written_length = respelled[made[0].passage].written(start, len("Doctor"))
    assert passages[0].text[written_start : written_start + written_length] == "Dr. Jones"
    then = made[1].start
    assert respelled[made[1].passage].written(then, 4) == (22, 4)
    assert passages[0].text[22:26] == "Then"


def test_said_pieces_number_their_passages_and_keep_each_passages_changes():
    passages = [Passage("title", "NHS"), Passage("words", "Ask the NHS."), Passage("words", "No change.")]
    made, respelled = said_pieces(passages, [("NHS", "N H S")])
    assert [(piece.key, piece.passage, piece.text) for piece in made] == [
        ("title", 0, "N H S"), ("words", 1, "Ask the N H S."), ("words", 2, "No change."),
    ]
    assert [each.said for each in respelled] == ["N H S", "Ask the N H S.", "No change."]
    assert respelled[2].changes == ()


def test_said_pieces_without_pronunciations_are_the_pieces():
    passages = [Passage("title", "Our garden"), Passage("words", "We plant trees. We water them.")]
    made, respelled = said_pieces(passages, [])
    assert made == pieces(passages)
    assert [each.said for each in respelled] == [passage.text for passage in passages]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["title", "words"]), SEPARATED), max_size=4),
       st.lists(st.tuples(st.sampled_from(["a", "bc", "word", "Llanelli", "ŵyn", "a. bc"]),
                          st.sampled_from(["A", "N H S", "Hlan-ethli", "one. two", "x\ny"])), max_size=3))
def test_every_word_of_every_said_piece_maps_into_its_written_passage(texts, pronunciations):
    passages = [Passage(key, text) for key, text in texts]
    made, respelled = said_pieces(passages, pronunciations)
    assert all(len(piece.text) <= LONGEST_PIECE for piece in made)
    for piece in made:
        said = respelled[piece.passage]
        assert piece.key == passages[piece.passage].key
        assert said.said[piece.start : piece.start + len(piece.text)] == piece.text
        written = passages[piece.passage].text
        for found in re.finditer(r"\S+", piece.text):
            start = piece.start + found.start()
            written_start, written_length = said.written(start, len(found.group()))
            assert 0 <= written_start and written_start + written_length <= len(written)
            assert written_length > 0
            if not overlaps(start, start + len(found.group()), said.changes):
                assert written[written_start : written_start + written_length] == found.group()


# Any text, any pronunciations: words outside the replacements map to the same characters.

WORDS = ["NHS", "nhs", "Llanelli", "York", "New", "at", "a", "café", "C3PO", "x-y", "ŵyn", "🙂", "Dr", "St"]
JOINS = [" ", "  ", ", ", "-", ". ", "\n", "'", "/"]


@st.composite
def texts_and_pronunciations(draw):
    words = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=25))
    joins = draw(st.lists(st.sampled_from(JOINS), min_size=len(words), max_size=len(words)))
    text = "".join(word + join for word, join in zip(words, joins))
    written = st.one_of(st.sampled_from(WORDS + ["New York", "x-y", "St Davids"]), st.text(min_size=1, max_size=6))
    said = st.one_of(st.sampled_from(["N H S", "Hlan-ethli", "Noo Yawk", "x", "a b c d e f g"]), st.text(min_size=1, max_size=12))
    pronunciations = draw(st.lists(st.tuples(written, said), max_size=5))
    return text, pronunciations


def overlaps(start, end, changes):
    return any(start < said_end and said_start < end for said_start, said_end, _ws, _we in changes)


@settings(max_examples=400, deadline=None)
@given(texts_and_pronunciations())
def test_words_outside_the_replacements_map_to_the_identical_written_characters(case):
    text, pronunciations = case
    said = respell(text, pronunciations)
    for pattern in (r"\S+", r"\w+", r"."):
        for found in re.finditer(pattern, said.said):
            start, end = found.span()
            if overlaps(start, end, said.changes):
                continue
            written_start, written_length = said.written(start, end - start)
            assert written_length == end - start
            assert text[written_start : written_start + written_length] == found.group()


@settings(max_examples=300, deadline=None)
@given(texts_and_pronunciations())
def test_every_part_of_a_replacement_maps_to_the_whole_written_word(case):
    text, pronunciations = case
    said = respell(text, pronunciations)
    for said_start, said_end, written_start, written_end in said.changes:
        assert said.said[said_start:said_end].strip() == said.said[said_start:said_end]  # the said form, trimmed
        assert text[written_start:written_end].casefold() in {written.strip().casefold() for written, _ in pronunciations}
        for start in range(said_start, said_end):
            for end in range(start + 1, said_end + 1):
                assert said.written(start, end - start) == (written_start, written_end - written_start)


@settings(max_examples=300, deadline=None)
@given(texts_and_pronunciations())
def test_the_said_text_is_the_written_text_with_each_change_made(case):
    text, pronunciations = case
    said = respell(text, pronunciations)
    taken, said_taken = 0, 0
    for said_start, said_end, written_start, written_end in said.changes:
        assert said.said[said_taken:said_start] == text[taken:written_start]
        taken, said_taken = written_end, said_end
    assert said.said[said_taken:] == text[taken:]


# Letters.


@pytest.mark.parametrize(("word", "letters"), [
    ("NHS", "N H S"),
    ("N.H.S.", "N H S"),
    ("B B C", "B B C"),
    ("x-ray", "x r a y"),
    ("GP", "G P"),
    ("A", "A"),
    ("", ""),
])
def test_as_letters(word, letters):
    assert as_letters(word) == letters


def test_a_word_said_as_letters_maps_back_from_each_letter():
    said = respell("See your GP soon", [("GP", as_letters("GP"))])
    assert said.said == "See your G P soon"
    assert said.written(9, 1) == (9, 2)
    assert said.written(11, 1) == (9, 2)
