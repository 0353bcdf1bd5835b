"""The curated vocabulary file: one headword a line, its picture and other words that find it."""

from __future__ import annotations

import pytest

from facilitator.pictures.vocabulary import HEADER, VocabularyError, VocabularyWord, parse_vocabulary, read_vocabulary

HEADER_LINE = "word\tpicture\tother words"


def tsv(*lines: str) -> str:
    return "\n".join([HEADER_LINE, *lines]) + "\n"


def refusal(text: str) -> str:
    with pytest.raises(VocabularyError) as caught:
        parse_vocabulary(text, "words.tsv")
    return str(caught.value)


# -- reading good lines ------------------------------------------------------------------


def test_each_line_becomes_a_word_with_its_picture_and_other_words_in_file_order():
    words = parse_vocabulary(
        tsv(
            "tea\topenmoji:2615\tcoffee, cuppa",
            "bus\topenmoji:1F68C\t",
            "day centre\topenmoji:1F3E2\t centre ,  day service ",
        )
    )
    assert words == [
        VocabularyWord("tea", "openmoji:2615", ("coffee", "cuppa")),
        VocabularyWord("bus", "openmoji:1F68C", ()),
        VocabularyWord("day centre", "openmoji:1F3E2", ("centre", "day service")),
    ]


def test_comments_and_blank_lines_are_skipped_before_and_after_the_header():
    text = "# The easy-read words\n\n" + HEADER_LINE + "\n# food\n\n   \ntea\topenmoji:2615\t\n\n# the end\n"
    assert parse_vocabulary(text) == [VocabularyWord("tea", "openmoji:2615")]


def test_the_header_alone_is_an_empty_vocabulary():
    assert parse_vocabulary(HEADER_LINE + "\n") == []


def test_spaces_around_the_columns_are_ignored():
    words = parse_vocabulary(" word \t picture\tother words \n tea \t openmoji:2615 \t cuppa \n")
    assert words == [VocabularyWord("tea", "openmoji:2615", ("cuppa",))]


def test_windows_line_endings_are_read():
    words = parse_vocabulary(HEADER_LINE + "\r\ntea\topenmoji:2615\tcuppa\r\nbus\topenmoji:1F68C\t\r\n")
    assert [w.word for w in words] == ["tea", "bus"]
    assert words[0].other_words == ("cuppa",)


def test_read_vocabulary_reads_a_file_as_utf8(tmp_path):
    path = tmp_path / "vocabulary.tsv"
    path.write_text(tsv("café\topenmoji:2615\tcaffè"), encoding="utf-8")
    assert read_vocabulary(path) == [VocabularyWord("café", "openmoji:2615", ("caffè",))]


def test_problems_in_a_file_name_the_file(tmp_path):
    path = tmp_path / "vocabulary.tsv"
    path.write_text(tsv("Tea\topenmoji:2615\t"), encoding="utf-8")
    with pytest.raises(VocabularyError, match="vocabulary.tsv, line 2"):
        read_vocabulary(path)


# -- the header ----------------------------------------------------------------------------


def test_the_header_is_required():
    message = refusal("tea\topenmoji:2615\tcuppa\n")
    assert message.startswith("words.tsv, line 1:")
    assert "header" in message


def test_a_header_with_other_column_names_is_refused():
    assert "header" in refusal("word\tpicture\tsynonyms\ntea\topenmoji:2615\t\n")
    assert "header" in refusal("word\tpicture\ntea\topenmoji:2615\n")


def test_a_file_with_only_comments_has_no_header():
    assert refusal("# nothing yet\n\n") == "words.tsv: no header line"
    assert refusal("") == "words.tsv: no header line"


def test_the_header_is_the_three_columns():
    assert HEADER == ("word", "picture", "other words")


# -- lines that are not right ------------------------------------------------------------------


@pytest.mark.parametrize(
    "line, found",
    [
        ("tea\topenmoji:2615", 2),
        ("tea", 1),
        ("tea\topenmoji:2615\tcuppa\textra", 4),
        ("tea  openmoji:2615  cuppa", 1),
    ],
)
def test_each_line_needs_three_columns_separated_by_tabs(line, found):
    message = refusal(tsv("bus\topenmoji:1F68C\t", line))
    assert message == f"words.tsv, line 3: expected 3 columns separated by tabs, found {found}"


@pytest.mark.parametrize("word", ["Tea", "TEA", "Day centre"])
def test_a_headword_must_be_lower_case(word):
    assert refusal(tsv(f"{word}\topenmoji:2615\t")) == "words.tsv, line 2: the word should be lower case and not empty"


def test_a_headword_must_not_be_blank():
    assert "lower case and not empty" in refusal(tsv("  \topenmoji:2615\tcuppa"))


def test_a_word_needs_a_picture():
    assert refusal(tsv("tea\t \tcuppa")) == "words.tsv, line 2: 'tea' has no picture"


def test_a_headword_that_is_another_words_other_word_is_refused_with_both_lines():
    message = refusal(tsv("tea\topenmoji:2615\tcoffee", "# a comment takes a line too", "coffee\topenmoji:2615\t"))
    assert message == "words.tsv, line 4: 'coffee' is already on line 2"


def test_an_other_word_that_is_already_a_headword_is_refused():
    message = refusal(tsv("tea\topenmoji:2615\t", "drink\topenmoji:1F964\ttea"))
    assert message == "words.tsv, line 3: 'tea' is already on line 2"


def test_the_same_other_word_under_two_headwords_is_refused():
    message = refusal(tsv("tea\topenmoji:2615\tcuppa", "bus\topenmoji:1F68C\t", "coffee\topenmoji:2615\tcuppa"))
    assert message == "words.tsv, line 4: 'cuppa' is already on line 2"


def test_the_same_other_word_twice_on_one_line_is_refused():
    assert refusal(tsv("tea\topenmoji:2615\tcuppa, cuppa")) == "words.tsv, line 2: 'cuppa' is already on line 2"


def test_a_headword_twice_is_refused():
    assert (
        refusal(tsv("tea\topenmoji:2615\t", "tea\topenmoji:1F375\t")) == "words.tsv, line 3: 'tea' is already on line 2"
    )


def test_the_default_source_name_is_vocabulary():
    with pytest.raises(VocabularyError, match=r"^vocabulary, line 2:"):
        parse_vocabulary(tsv("Tea\topenmoji:2615\t"))


def test_a_vocabulary_error_is_a_value_error():
    assert issubclass(VocabularyError, ValueError)


def test_an_other_word_with_capitals_is_refused():
    assert refusal(tsv("tea\topenmoji:2615\tCuppa")) == "words.tsv, line 2: the other words of 'tea' should be lower case"


@pytest.mark.parametrize("picture", ["loop", "tea", "openmoji:", "own:abc"])
def test_a_picture_must_name_an_openmoji_file_so_words_cannot_point_at_each_other(picture):
    message = refusal(tsv(f"loop\t{picture}\t"))
    assert message.startswith("words.tsv, line 2: the picture of 'loop' should start with")


def test_a_byte_order_mark_from_a_spreadsheet_is_allowed(tmp_path):
    path = tmp_path / "words.tsv"
    path.write_text(tsv("tea\topenmoji:2615\tcuppa"), encoding="utf-8-sig")
    assert [w.word for w in read_vocabulary(path)] == ["tea"]
