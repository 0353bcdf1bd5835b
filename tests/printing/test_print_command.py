"""``facilitator print summary|agenda|cards FILE.json -o OUT.pdf``: what it writes, what it says, its exit codes,
and that a failed printout leaves no file behind (nor a half-written one)."""

from __future__ import annotations

import datetime as dt
import errno
import io
import json
from pathlib import Path

import pdfplumber
import pytest

from facilitator import cli
from facilitator.core import exchange
from facilitator.core.demo import demo_workshop
from facilitator.core.model import AgendaItem, Agreement, Decision, GroupWord, Participant, Workshop
from facilitator.pictures.own import OwnPicture, picture_id
from facilitator.printing import documents
from tests.core.samples import ARABIC

TODAY = dt.date(2026, 11, 20)  # the demo workshop is then on Tuesday 8 December 2026
NAMES = ("Joan", "Whitfield", "Sunita", "Patel", "Sunny", "Bernard", "Bernie", "Peter", "Doyle", "Pete", "Helen",
         "Marcus", "Kofi", "Grace")


def run(capsys, *args) -> tuple[int, str, str]:
    code = cli.main([str(arg) for arg in args])
    out, err = capsys.readouterr()
    return code, out, err


def write_workshop(path: Path, workshop: Workshop, group=None, pictures=()) -> Path:
    path.write_text(json.dumps(exchange.workshop_document(workshop, group, pictures), ensure_ascii=False),
                    encoding="utf-8")
    return path


def demo() -> Workshop:
    return demo_workshop(TODAY)[1]


@pytest.fixture
def demo_file(tmp_path) -> Path:
    group, workshop = demo_workshop(TODAY)
    return write_workshop(tmp_path / "workshop.json", workshop, group)


def text_of(path: Path) -> str:
    with pdfplumber.open(path) as pdf:
        return " ".join(" ".join(page.extract_text() for page in pdf.pages).split())


def left_in(folder: Path) -> list[str]:
    """The files in ``folder`` but the workshop files: what a printout left behind."""
    return sorted(path.name for path in folder.iterdir() if path.suffix != ".json")


# -- what it writes ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind, first_words", [
    ("summary", "Notes from our meeting"), ("agenda", "Our meeting"), ("cards", "I agree"),
])
def test_print_writes_the_pdf_and_says_how_many_pages(demo_file, tmp_path, capsys, kind, first_words):
    out = tmp_path / f"{kind}.pdf"
    code, said, err = run(capsys, "print", kind, demo_file, "-o", out)
    assert (code, err) == (0, "")
    with pdfplumber.open(out) as pdf:
        pages = len(pdf.pages)
        assert pdf.pages[0].extract_text().startswith(first_words)
        assert min(char["size"] for page in pdf.pages for char in page.chars) >= 16 - 0.01
    assert pages > 1
    assert said == f"Saved {out} ({pages} pages).\n"
    assert left_in(tmp_path) == [f"{kind}.pdf"]  # no .part left over


def test_print_in_large_print(demo_file, tmp_path, capsys):
    out = tmp_path / "large.pdf"
    code, said, err = run(capsys, "print", "summary", demo_file, "-o", out, "--layout", "large-print")
    assert code == 0, err
    with pdfplumber.open(out) as pdf:
        assert min(char["size"] for page in pdf.pages for char in page.chars) >= 20 - 0.01
        assert said == f"Saved {out} ({len(pdf.pages)} pages).\n"


def test_a_one_page_printout_says_1_page(tmp_path, capsys):
    path = write_workshop(tmp_path / "small.json", Workshop("Tea", agenda=[AgendaItem("Hello", minutes=5)]))
    out = tmp_path / "small.pdf"
    code, said, err = run(capsys, "print", "agenda", path, "-o", out)
    assert code == 0, err
    assert len(pdfplumber.open(out).pages) == 1
    assert said == f"Saved {out} (1 page).\n"


def test_names_are_left_out_unless_asked_for(demo_file, tmp_path, capsys):
    printed = {}
    for names in ("count", "aliases", "names", None):
        out = tmp_path / f"{names}.pdf"
        code, _said, err = run(capsys, "print", "summary", demo_file, "-o", out,
                               *(["--names", names] if names else []))
        assert code == 0, err
        printed[names] = text_of(out)
    assert printed[None] == printed["count"]  # the default
    assert "8 people came." in printed["count"]
    assert not [name for name in NAMES if name in printed["count"]]
    assert "Sunny" in printed["aliases"] and "Bernie" in printed["aliases"]
    assert "Sunita" not in printed["aliases"] and "Bernard Cole" not in printed["aliases"]
    assert "Sunita Patel" in printed["names"] and "Helen Price and Marcus Reid ran the meeting." in printed["names"]


def test_the_contact_is_printed_only_when_given(demo_file, tmp_path, capsys):
    code, _said, err = run(capsys, "print", "summary", demo_file, "-o", tmp_path / "with.pdf",
                           "--contact", "Ring the office on 01234 567890")
    assert code == 0, err
    assert "You can ask us about anything in these notes. Ring the office on 01234 567890" in text_of(
        tmp_path / "with.pdf")
    run(capsys, "print", "summary", demo_file, "-o", tmp_path / "without.pdf")
    assert "You can ask us" not in text_of(tmp_path / "without.pdf")


@pytest.mark.parametrize("kind", ["summary", "agenda"])
def test_language_prints_in_that_language_with_its_dates(demo_file, tmp_path, capsys, kind):
    code, _said, err = run(capsys, "print", kind, demo_file, "-o", tmp_path / "cy.pdf", "--language", "cy")
    assert code == 0, err
    welsh = text_of(tmp_path / "cy.pdf")
    assert "Dydd Mawrth 8 Rhagfyr 2026" in welsh and "December" not in welsh
    assert pdfplumber.open(tmp_path / "cy.pdf").doc.catalog["Lang"] == b"cy"
    run(capsys, "print", kind, demo_file, "-o", tmp_path / "en.pdf")
    english = text_of(tmp_path / "en.pdf")  # without --language: the workshop's own (English)
    assert "Tuesday 8 December 2026" in english and "Rhagfyr" not in english


@pytest.mark.parametrize("language", ["en-GB", "xx"])
def test_an_unusual_language_code_does_not_end_in_a_traceback(demo_file, tmp_path, capsys, language):
    out = tmp_path / "agenda.pdf"
    code, _said, err = run(capsys, "print", "agenda", demo_file, "-o", out, "--language", language)
    assert (code == 0 and out.exists()) or (code == 2 and language in err and not out.exists())


def test_a_layout_file_can_be_given_by_its_path(demo_file, tmp_path, capsys):
    layout = tmp_path / "letter.json"
    layout.write_text(json.dumps({"page_size": "Letter", "organisation": "Riverside Council"}), encoding="utf-8")
    out = tmp_path / "letter.pdf"
    code, _said, err = run(capsys, "print", "agenda", demo_file, "-o", out, "--layout", layout)
    assert code == 0, err
    with pdfplumber.open(out) as pdf:
        assert {(round(page.width), round(page.height)) for page in pdf.pages} == {(612, 792)}
        assert pdf.metadata["Author"] == "Riverside Council"


def test_the_workshop_s_own_pictures_are_printed(tmp_path, capsys):
    from PIL import Image

    photo = io.BytesIO()
    Image.new("RGB", (60, 40), "#2E7D32").save(photo, format="PNG")
    own = OwnPicture(picture_id(photo.getvalue()), "our garden", "png", photo.getvalue())
    workshop = demo()
    workshop.decisions[0].picture = own.ref
    path = write_workshop(tmp_path / "own.json", workshop, pictures=[own])
    code, _said, err = run(capsys, "print", "summary", path, "-o", tmp_path / "own.pdf")
    assert code == 0, err
    with pdfplumber.open(tmp_path / "own.pdf") as pdf:
        assert sum(len(page.images) for page in pdf.pages) == 1


def test_arabic_words_are_printed(tmp_path, capsys):
    """The README: Arabic words are printed joined and in order, in Noto Sans Arabic."""
    workshop = demo()
    workshop.decisions[0].text = ARABIC
    path = write_workshop(tmp_path / "arabic.json", workshop)
    code, _said, err = run(capsys, "print", "summary", path, "-o", tmp_path / "arabic.pdf")
    assert code == 0, err
    with pdfplumber.open(tmp_path / "arabic.pdf") as pdf:
        assert any(char["fontname"].endswith("NotoSansArabic-Regular") for page in pdf.pages for char in page.chars)


def test_the_group_s_own_words_are_explained_as_the_group_agreed(tmp_path, capsys):
    workshop = demo()  # its group words include "day opportunities", with the group's own meaning
    workshop.group_words.append(GroupWord("Riverside Fund", "Money our group gets for trips.", agreed=True))
    workshop.decisions.append(Decision("We will use the Riverside Fund for more day opportunities.", agreed=True,
                                       agreement=Agreement.EVERYONE))
    path = write_workshop(tmp_path / "words.json", workshop)
    code, _said, err = run(capsys, "print", "summary", path, "-o", tmp_path / "words.pdf")
    assert code == 0, err
    hard = text_of(tmp_path / "words.pdf").split("Hard words", 1)[1]
    assert "Things to do in the day. This can be at a centre or out and about." in hard
    assert "Riverside Fund Money our group gets for trips." in hard


# -- what goes wrong ---------------------------------------------------------------------------------------


def test_an_unknown_layout_exits_2_and_names_the_layouts(demo_file, tmp_path, capsys):
    code, said, err = run(capsys, "print", "summary", demo_file, "-o", tmp_path / "x.pdf", "--layout", "glossy")
    assert (code, said) == (2, "")
    assert "no layout called “glossy”" in err and "standard" in err and "large-print" in err
    assert "Traceback" not in err
    assert left_in(tmp_path) == []


def test_a_layout_that_breaks_the_rules_exits_2_with_each_problem(demo_file, tmp_path, capsys):
    layout = tmp_path / "tiny.json"
    layout.write_text(json.dumps({"body_size": 12, "paper_colour": "cream"}), encoding="utf-8")
    code, said, err = run(capsys, "print", "summary", demo_file, "-o", tmp_path / "x.pdf", "--layout", layout)
    assert (code, said) == (2, "")
    lines = err.strip().splitlines()
    assert len(lines) == 2
    assert any("body_size" in line for line in lines) and any("paper_colour" in line for line in lines)
    assert left_in(tmp_path) == []


def test_a_broken_layout_file_exits_2_saying_where(demo_file, tmp_path, capsys):
    layout = tmp_path / "broken.json"
    layout.write_text('{"body_size": 18,,}', encoding="utf-8")
    code, _said, err = run(capsys, "print", "agenda", demo_file, "-o", tmp_path / "x.pdf", "--layout", layout)
    assert code == 2
    assert "broken.json" in err and "line 1, column 18" in err
    assert left_in(tmp_path) == []


def test_a_missing_workshop_file_exits_1(tmp_path, capsys):
    missing = tmp_path / "nowhere.json"
    code, said, err = run(capsys, "print", "summary", missing, "-o", tmp_path / "x.pdf")
    assert (code, said) == (1, "")
    assert f"Cannot read {missing}:" in err and "Traceback" not in err
    assert left_in(tmp_path) == []


def test_a_workshop_file_with_problems_exits_1_listing_them(tmp_path, capsys):
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"format": 1, "workshop": {"title": "T", "agenda": [{"title": ""}]}}), encoding="utf-8")
    code, _said, err = run(capsys, "print", "agenda", bad, "-o", tmp_path / "x.pdf")
    assert code == 1
    assert "Agenda item 1 has no title." in err
    assert left_in(tmp_path) == []


@pytest.mark.parametrize("writing", ["会议 in the hall", "שלום לכולם"], ids=["chinese", "hebrew"])
def test_letters_no_font_has_exit_1_and_leave_the_old_file_as_it_was(tmp_path, capsys, writing):
    workshop = demo()
    workshop.decisions[0].text = writing
    path = write_workshop(tmp_path / "w.json", workshop)
    out = tmp_path / "out.pdf"
    out.write_bytes(b"the printout from last week")
    code, said, err = run(capsys, "print", "summary", path, "-o", out)
    assert (code, said) == (1, "")
    assert "has no letters for:" in err and "Nothing was saved." in err
    assert writing.split()[0][0] in err
    assert out.read_bytes() == b"the printout from last week"
    assert left_in(tmp_path) == ["out.pdf"]


def test_an_output_folder_that_does_not_exist_exits_1(demo_file, tmp_path, capsys):
    out = tmp_path / "no such folder" / "x.pdf"
    code, said, err = run(capsys, "print", "cards", demo_file, "-o", out)
    assert (code, said) == (1, "")
    assert f"Cannot write {out}" in err and "Traceback" not in err
    assert not out.parent.exists()


def half_written(problem: BaseException):
    """A printout that writes part of its file, then fails with ``problem``."""

    def make(workshop, out, *args, **kwargs):
        Path(out).write_bytes(b"%PDF-1.4 half")
        raise problem

    return make


@pytest.mark.parametrize("problem, message", [
    (documents.PrintProblem("The font cannot draw it. Nothing was saved."), "Nothing was saved."),
    (OSError(errno.ENOSPC, "No space left on device"), "No space left on device."),
])
def test_a_failure_while_writing_leaves_nothing_half_written(demo_file, tmp_path, capsys, monkeypatch,
                                                             problem, message):
    monkeypatch.setattr(documents, "summary_pdf", half_written(problem))
    out = tmp_path / "out.pdf"
    out.write_bytes(b"the old printout")
    code, said, err = run(capsys, "print", "summary", demo_file, "-o", out)
    assert (code, said) == (1, "")
    assert message in err
    assert out.read_bytes() == b"the old printout"
    assert left_in(tmp_path) == ["out.pdf"]


def test_even_an_unexpected_failure_leaves_no_part_file(demo_file, tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(documents, "agenda_pdf", half_written(RuntimeError("reportlab fell over")))
    with pytest.raises(RuntimeError):
        cli.main(["print", "agenda", str(demo_file), "-o", str(tmp_path / "out.pdf")])
    assert left_in(tmp_path) == []


def test_a_big_group_with_names_prints_or_says_why(tmp_path, capsys):
    workshop = demo()
    workshop.participants = [Participant(name=f"Person {n}") for n in range(1, 31)]
    path = write_workshop(tmp_path / "big.json", workshop)
    code, _said, err = run(capsys, "print", "summary", path, "-o", tmp_path / "big.pdf", "--names", "names")
    assert code in (0, 1) and "Traceback" not in err
    assert (code == 0) == (tmp_path / "big.pdf").exists()


@pytest.mark.parametrize("args", [
    ["print"], ["print", "summary"], ["print", "poster", "w.json", "-o", "x.pdf"],
    ["print", "summary", "w.json"], ["print", "summary", "w.json", "-o", "x.pdf", "--names", "everyone"],
])
def test_bad_arguments_give_one_line_and_exit_2(args, capsys):
    with pytest.raises(SystemExit) as stop:
        cli.main(args)
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and err.startswith("facilitator") and "--help" in err
