"""``facilitator check`` and ``facilitator glossary`` on the command line.

Most tests swap the built-in glossary for a small one, so they do not depend on
the data other people are still writing; a few use the real one, and skip when
the word they need is not there yet.
"""

from __future__ import annotations

import io
import json
import types

import pytest

from facilitator import cli
from facilitator.language.glossary import DIVIDES, Glossary, GlossaryEntry

SMALL = Glossary([
    GlossaryEntry("Care Quality Commission", "The group that checks care.", initials=("CQC",),
                  more="It visits care homes and says how good they are.", related=("care home",),
                  topic="organisations"),
    GlossaryEntry("care home", "A place where people live and staff give care.", variants=("residential home",),
                  not_same_as=("home care",), topic="support"),
    GlossaryEntry("home care", "Help in your own home.", topic="support"),
    GlossaryEntry("eligibility", "Whether you can get help from the council.", topic="assessment"),
    GlossaryEntry("service user", "A person who gets support.", kind=DIVIDES,
                  say_instead=("person", "people who draw on support"), topic="involvement"),
])


@pytest.fixture
def small(monkeypatch):
    monkeypatch.setattr(Glossary, "built_in", classmethod(lambda cls: SMALL))
    return SMALL


def run(capsys, *args):
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def stdin(monkeypatch, data: bytes) -> None:
    monkeypatch.setattr("sys.stdin", types.SimpleNamespace(buffer=io.BytesIO(data)))


TEXT = "Ask the CQC.\nThree people came on 03/03/26.\n"


# facilitator check


def test_check_a_file(small, tmp_path, capsys):
    path = tmp_path / "notes.txt"
    path.write_text(TEXT, "utf-8")
    code, out, err = run(capsys, "check", str(path))
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == "1:9: jargon: \u201cCQC\u201d"
    assert lines[1] == "    \u201cCQC\u201d is short for \u201cCare Quality Commission\u201d. The group that checks care."
    assert lines[2] == "    Write it out in full: \u201cCare Quality Commission\u201d."
    assert lines[3] == "2:1: number-word: \u201cThree\u201d"
    assert lines[6] == "2:22: date: \u201c03/03/26\u201d"
    assert lines[8] == "    Write \u201cTuesday 3 March 2026\u201d."
    assert lines[-1] == "3 things to look at."
    assert len(lines) == 10


def test_check_a_plain_file(small, tmp_path, capsys):
    path = tmp_path / "plain.txt"
    path.write_text("We meet on Tuesday 3 March 2026.\n\nBring a friend.\n", "utf-8")
    assert run(capsys, "check", str(path)) == (0, "No problems found.\n", "")


def test_a_long_finding_is_shortened_to_one_line(small, tmp_path, capsys):
    path = tmp_path / "long.txt"
    sentence = "We go to the park and we sit on the\tgrass and we eat our food there today."
    path.write_text(sentence, "utf-8")
    code, out, _err = run(capsys, "check", str(path))
    assert code == 0
    first = out.splitlines()[0]
    assert first == "1:1: long-sentence: \u201c" + " ".join(sentence[:37].split()) + "...\u201d"


def test_one_finding_is_one_thing(small, tmp_path, capsys):
    path = tmp_path / "one.txt"
    path.write_text("Ask the CQC.", "utf-8")
    _code, out, _err = run(capsys, "check", str(path))
    assert out.splitlines()[-1] == "1 thing to look at."


def test_check_reads_standard_input(small, monkeypatch, capsys):
    stdin(monkeypatch, TEXT.encode("utf-8"))
    code, out, err = run(capsys, "check", "-")
    assert (code, err) == (0, "")
    assert out.splitlines()[0] == "1:9: jargon: \u201cCQC\u201d"
    assert out.splitlines()[-1] == "3 things to look at."


def test_check_reads_standard_input_when_no_file_is_given_and_skips_a_byte_order_mark(small, monkeypatch, capsys):
    stdin(monkeypatch, "\ufeffAsk the CQC.".encode("utf-8"))
    code, out, _err = run(capsys, "check", "--json")
    assert code == 0
    found = json.loads(out)
    assert (found["start"], found["end"], found["text"]) == (8, 11, "CQC")


def test_windows_line_endings_on_standard_input_count_as_in_a_file(small, monkeypatch, tmp_path, capsys):
    data = b"We meet. We talk. We eat.\r\n\r\nWe laugh. We sing. We go home.\r\n"
    (tmp_path / "crlf.txt").write_bytes(data)
    assert run(capsys, "check", str(tmp_path / "crlf.txt"))[1] == "No problems found.\n"
    stdin(monkeypatch, data)
    assert run(capsys, "check", "-")[1] == "No problems found.\n"


def test_check_json_gives_one_object_a_line(small, tmp_path, capsys):
    path = tmp_path / "notes.txt"
    path.write_text(TEXT + "All service users can come.\n", "utf-8")
    code, out, err = run(capsys, "check", "--json", str(path))
    assert (code, err) == (0, "")
    found = [json.loads(line) for line in out.splitlines()]
    assert [f["kind"] for f in found] == ["jargon", "number-word", "date", "divides"]
    for finding in found:
        keys = {"kind", "start", "end", "text", "message", "suggestion"}
        if finding["kind"] in ("jargon", "divides"):
            keys.add("term")
        assert set(finding) == keys
        assert TEXT[finding["start"]:finding["end"]] == finding["text"] or finding["kind"] == "divides"
        assert finding["message"] and finding["suggestion"]
    assert found[0]["term"] == "Care Quality Commission"
    assert found[3]["term"] == "service user"
    assert found[3]["text"] == "service users"
    assert found[2]["suggestion"] == "Write \u201cTuesday 3 March 2026\u201d."


def test_check_json_of_a_plain_text_prints_nothing(small, monkeypatch, capsys):
    stdin(monkeypatch, b"Bring a friend.")
    assert run(capsys, "check", "--json", "-") == (0, "", "")


def test_check_json_keeps_letters_that_are_not_ascii(small, monkeypatch, capsys):
    text = "Caf\u00e9 \u2014 ask the CQC."
    stdin(monkeypatch, text.encode("utf-8"))
    _code, out, _err = run(capsys, "check", "--json")
    assert "\u201cCQC\u201d" in out and "\\u" not in out
    assert json.loads(out)["start"] == text.index("CQC")


def test_check_a_missing_file(tmp_path, capsys):
    missing = tmp_path / "nowhere.txt"
    code, out, err = run(capsys, "check", str(missing))
    assert (code, out) == (1, "")
    assert err == f"Cannot read {missing}: No such file or directory.\n"


def test_check_a_folder(tmp_path, capsys):
    code, out, err = run(capsys, "check", str(tmp_path))
    assert (code, out) == (1, "")
    assert err.startswith(f"Cannot read {tmp_path}:")


def test_check_a_file_that_is_not_utf8(tmp_path, capsys):
    path = tmp_path / "latin1.txt"
    path.write_bytes("Caf\u00e9 au lait for the CQC.\n".encode("latin-1"))
    code, out, err = run(capsys, "check", str(path))
    assert (code, out) == (1, "")
    assert err == f"Cannot read {path}: it is not UTF-8 text.\n"


def test_standard_input_that_is_not_utf8(monkeypatch, capsys):
    stdin(monkeypatch, b"\xff\xfe\x00A")
    code, out, err = run(capsys, "check", "-")
    assert (code, out) == (1, "")
    assert "not UTF-8" in err


def test_check_with_two_files_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as stopped:
        cli.main(["check", "a.txt", "b.txt"])
    assert stopped.value.code == 2
    assert "facilitator" in capsys.readouterr().err


# facilitator glossary


def test_glossary_prints_an_entry(small, capsys):
    code, out, err = run(capsys, "glossary", "CQC")
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "Care Quality Commission",
        "Also written: CQC",
        "",
        "The group that checks care.",
        "",
        "It visits care homes and says how good they are.",
        "",
        "See also: care home",
        "",
        "Topic: Organisations and jobs",
    ]


@pytest.mark.parametrize("words", [["care", "homes"], ["Care", "Homes"], ["residential", "homes"], ["care home."]])
def test_glossary_finds_a_term_as_it_is_written(small, capsys, words):
    code, out, _err = run(capsys, "glossary", *words)
    assert code == 0
    lines = out.splitlines()
    assert lines[:2] == ["care home", "Also written: residential home"]
    assert "Not the same as: home care" in lines


def test_glossary_says_when_a_word_divides_people(small, capsys):
    code, out, _err = run(capsys, "glossary", "service", "users")
    assert code == 0
    assert "A word that can divide people." in out.splitlines()
    assert "Say instead: person; people who draw on support" in out.splitlines()


def test_glossary_suggests_close_words_for_a_misspelt_word(small, capsys):
    code, out, err = run(capsys, "glossary", "eligability")
    assert (code, out) == (1, "")
    assert err.splitlines() == ["\u201celigability\u201d is not in the glossary.", "Did you mean: eligibility?"]


def test_glossary_says_plainly_when_nothing_is_close(small, capsys):
    code, out, err = run(capsys, "glossary", "xylophone")
    assert (code, out) == (1, "")
    assert err == "\u201cxylophone\u201d is not in the glossary.\n"


def test_glossary_never_splits_a_hyphenated_word_across_lines(monkeypatch, capsys):
    plain = "Working together. " * 4 + "We do co-production with people who use services."
    start = plain.index("co-production")
    assert start + len("co-") <= 88 < start + len("co-production")  # the line is full in the word
    glossary = Glossary([GlossaryEntry("co-production", plain)])
    monkeypatch.setattr(Glossary, "built_in", classmethod(lambda cls: glossary))
    _code, out, _err = run(capsys, "glossary", "co-production")
    assert not any(line.endswith("-") for line in out.splitlines())


# With the real built-in glossary.


@pytest.mark.parametrize(("word", "term"), [("CQC", "Care Quality Commission"), ("co production", "co-production")])
def test_the_real_glossary_has_the_most_common_words(capsys, word, term):
    if Glossary.built_in().lookup(word) is None:
        pytest.skip(f"the built-in glossary has no {term!r} yet")
    code, out, _err = run(capsys, "glossary", word)
    assert code == 0
    assert out.splitlines()[0] == term


def test_the_real_glossary_suggests_a_close_word(capsys):
    if Glossary.built_in().entry("eligibility") is None:
        pytest.skip("the built-in glossary has no 'eligibility' yet")
    code, _out, err = run(capsys, "glossary", "eligability")
    assert code == 1
    assert err.splitlines()[1].startswith("Did you mean: eligibility")


def test_check_with_the_real_glossary(monkeypatch, capsys):
    stdin(monkeypatch, b"We met 3 people.\n\nThey said: twenty-five!")
    code, out, _err = run(capsys, "check", "--json")
    assert code == 0
    assert [json.loads(line)["text"] for line in out.splitlines()] == ["twenty-five"]
