"""The easy-read checker: one test per kind of finding, the edge cases of each rule, and real texts."""

from __future__ import annotations

import pytest

from facilitator.language.checker import KINDS, MAX_PARAGRAPH_SENTENCES, MAX_SENTENCE_WORDS, Checker
from facilitator.language.glossary import DIVIDES, Glossary, GlossaryEntry
from facilitator.language.sentences import sentences, word_count

# A small social-care glossary, so the tests do not depend on the built-in one.
GLOSSARY = Glossary([
    GlossaryEntry("care home", "A place where people live and staff give care."),
    GlossaryEntry("service user", "A person who gets support.", kind=DIVIDES, say_instead=("person", "people")),
    GlossaryEntry("Care Quality Commission", "The group that checks care.", initials=("CQC",)),
    GlossaryEntry("Integrated Care Board", "The NHS group that plans health care in an area.", initials=("ICB",)),
    GlossaryEntry("personal budget", "The money the council gives for your support."),
    GlossaryEntry("direct payment", "Money paid to you to buy your own support."),
    GlossaryEntry("reablement", "Short-term help to do things for yourself again."),
    GlossaryEntry("safeguarding", "Keeping people safe from harm."),
    GlossaryEntry("co-production", "Working together as equals."),
    GlossaryEntry("eligibility criteria", "The rules about who can get help."),
    GlossaryEntry("commissioning", "Deciding what services to pay for."),
    GlossaryEntry("stakeholder", "A person or group with an interest."),
    GlossaryEntry("lived experience", "Knowing about something because it happened to you."),
    GlossaryEntry("local authority", "The council."),
    GlossaryEntry("empower", "Give people power.", kind=DIVIDES, say_instead=("support people to decide",)),
])
CHECKER = Checker(GLOSSARY)


def check(text: str, checker: Checker = CHECKER) -> list:
    return checker.check(text)


def only(text: str, kind: str):
    """The one finding of ``kind`` in ``text``."""
    findings = [finding for finding in check(text) if finding.kind == kind]
    assert len(findings) == 1, findings
    return findings[0]


def assert_plain_sentences(text: str) -> None:
    """Non-empty, starts with a capital (or a quote), ends with a full stop, short sentences."""
    assert text and text == text.strip()
    assert text[0].isupper() or text[0] in "\u201c\"", text
    assert text[-1] in ".?!", text
    for sentence in sentences(text):
        assert word_count(sentence.text) <= MAX_SENTENCE_WORDS, sentence.text


def assert_place(finding, text: str, written: str, occurrence: int = 0) -> None:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(written, start + 1)
    assert (finding.start, finding.end, finding.text) == (start, start + len(written), written)
    assert text[finding.start:finding.end] == finding.text
    assert_plain_sentences(finding.message)
    assert_plain_sentences(finding.suggestion)


# One test for each kind of finding.

EXAMPLES = {
    # kind: (text, the words found, replacements)
    "jargon": ("We visit the care homes on Friday.", "care homes", ()),
    "divides": ("All service users can come.", "service users", ("person", "people")),
    "initials": ("We met the LAC team today.", "LAC", ()),
    "long-sentence": ("We go to the park and we sit on the grass and we eat our food there today.",
                      "We go to the park and we sit on the grass and we eat our food there today.", ()),
    "long-paragraph": ("We meet. We talk. We eat. We laugh. We sing. We go home.",
                       "We meet. We talk. We eat. We laugh. We sing. We go home.", ()),
    "hard-word": ("We talked about personalisation.", "personalisation", ()),
    "formal-word": ("We will commence at noon.", "commence", ("start",)),
    "number-word": ("We need twenty-five chairs.", "twenty-five", ("25",)),
    "passive": ("The form was signed.", "was signed", ()),
    "italics": ("This is *very* good.", "*very*", ()),
    "capitals": ("PLEASE COME EARLY.", "PLEASE COME EARLY", ("please come early",)),
    "date": ("Come on 03/03/26.", "03/03/26", ("Tuesday 3 March 2026",)),
}


def test_every_kind_has_an_example():
    assert set(EXAMPLES) == set(KINDS)


@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_of_finding(kind):
    text, written, replacements = EXAMPLES[kind]
    findings = check(text)
    assert [finding.kind for finding in findings] == [kind]
    (finding,) = findings
    assert_place(finding, text, written)
    assert finding.replacements == replacements


def test_glossary_findings_name_the_term_and_give_the_meaning():
    jargon = only("We visit the care homes.", "jargon")
    assert jargon.term == "care home"
    assert "A place where people live" in jargon.message
    divides = only("All service users can come.", "divides")
    assert divides.term == "service user"
    assert "A person who gets support." in divides.message
    assert "\u201cperson\u201d" in divides.suggestion
    assert divides.as_dict()["term"] == "service user"
    assert "term" not in only("Three people came.", "number-word").as_dict()


def test_initials_in_the_glossary_say_what_they_stand_for():
    text = "Ask the CQC about it."
    finding = only(text, "jargon")
    assert_place(finding, text, "CQC")
    assert "Care Quality Commission" in finding.message
    assert finding.replacements == ("Care Quality Commission",)
    assert finding.term == "Care Quality Commission"


def test_a_hard_long_word_that_is_known_is_still_reported():
    text = "We talked about safeguarding and the commissioners."
    finding = only(text, "hard-word")
    assert_place(finding, text, "commissioners")
    assert "long word" in finding.message


def test_a_formal_phrase_and_its_capital_letter():
    text = "In order to help, we will assist you."
    found = [(f.kind, f.text, f.replacements) for f in check(text)]
    assert found == [("formal-word", "In order to", ("To",)), ("formal-word", "assist", ("help",))]


def test_a_passive_with_by_says_who_does_it_comes_last():
    with_by = only("The form was signed by Sam.", "passive")
    without = only("The form was signed.", "passive")
    assert with_by.text == without.text == "was signed"
    assert with_by.message != without.message


def test_a_date_that_cannot_be_worked_out_has_no_replacement():
    text = "Come on 31st April 2026."
    finding = only(text, "date")
    assert_place(finding, text, "31st April 2026")
    assert finding.replacements == ()


# Sentence and paragraph lengths.

FIFTEEN = "We go to the park and we sit on the grass and eat our food."


def test_a_sentence_of_15_words_is_fine_and_16_is_not():
    assert word_count(FIFTEEN) == 15
    assert check(FIFTEEN) == []
    sixteen = FIFTEEN.replace("food.", "food today.")
    finding = only(sixteen, "long-sentence")
    assert_place(finding, sixteen, sixteen)
    assert "16" in finding.message and "15" in finding.message
    assert "\u201cand\u201d" in finding.suggestion  # where it could be split


def test_a_paragraph_of_5_sentences_is_fine_and_6_is_not():
    five = "We meet. We talk. We eat. We laugh. We go home."
    assert check(five) == []
    six = five + " We sleep."
    finding = only(six, "long-paragraph")
    assert_place(finding, six, six)
    assert "6" in finding.message and str(MAX_PARAGRAPH_SENTENCES) in finding.message


def test_paragraphs_are_counted_apart():
    text = "We meet. We talk. We eat.\n\nWe laugh. We sing. We go home.\n\nOne. Two. Three. Four. Five. Six."
    finding = only(text, "long-paragraph")
    assert_place(finding, text, "One. Two. Three. Four. Five. Six.")


def test_a_line_break_ends_a_sentence_as_in_a_list():
    items = "\n".join(f"Bring your {thing}" for thing in ("hat", "coat", "lunch", "drink", "bus pass"))
    assert check(items) == []
    assert [f.kind for f in check(items + "\nBring a pen")] == ["long-paragraph"]


def test_abbreviations_do_not_end_sentences():
    text = "Dr. Patel will see you. Mr. Jones will come too. Bring a drink, e.g. tea. We meet at 2. Come early."
    assert len(sentences(text)) == 5
    assert [f.kind for f in check(text) if f.kind == "long-paragraph"] == []
    long = "Dr. Patel and Mrs. Khan will meet you and your friend at the big hall on Monday at 2."
    finding = only(long, "long-sentence")
    assert_place(finding, long, long)


def test_no_as_an_answer_ends_a_sentence():
    assert len(sentences("Can I bring a friend? No. Please come alone.")) == 3


def test_i_at_the_end_of_a_sentence_ends_it():
    assert len(sentences("Sam can come and so can I. We meet at 2.")) == 2


# Emphasis, numbers, initials and names.


def test_bold_is_fine_but_italics_and_underline_are_not():
    assert check("This is **very** important.") == []
    assert check("This is __very__ important.") == []
    for text, written in [("This is *very* big.", "*very*"), ("This is _very_ big.", "_very_"),
                          ("This is <i>very</i> big.", "<i>very</i>"), ("This is <em>very</em> big.", "<em>very</em>"),
                          ("This is <u>very</u> big.", "<u>very</u>")]:
        assert_place(only(text, "italics"), text, written)
    assert only("A <u>b</u> c.", "italics").message != only("A *b* c.", "italics").message


@pytest.mark.parametrize(("text", "written", "digits"), [
    ("Three people came.", "Three", "3"),
    ("We need twenty-five chairs.", "twenty-five", "25"),
    ("We need twenty five chairs.", "twenty five", "25"),
    ("About two hundred and fifty people came.", "two hundred and fifty", "250"),
    ("About a hundred people came.", "a hundred", "100"),
    ("We met in two thousand and twenty-six.", "two thousand and twenty-six", "2026"),
    ("We have eleven cups.", "eleven", "11"),
])
def test_numbers_in_words_get_their_digits(text, written, digits):
    finding = only(text, "number-word")
    assert_place(finding, text, written)
    assert finding.replacements == (digits,)
    assert f"\u201c{digits}\u201d" in finding.suggestion


@pytest.mark.parametrize("text", ["One of us will help.", "No one was late.", "We went to one place.",
                                  "Someone often comes.", "We have 3 cups."])
def test_one_and_words_with_numbers_inside_are_not_number_findings(text):
    assert [f for f in check(text) if f.kind == "number-word"] == []


@pytest.mark.parametrize("text", [
    "Local Area Coordination (LAC) helps you.",
    "Adult Social Care (ASC) can help.",
    "The Friends of the Park Group (FPG) meets here.",
    "We saw it on TV in the UK. OK?",
])
def test_initials_said_in_full_just_before_them_or_known_to_all_are_fine(text):
    assert check(text) == []


def test_initials_not_explained_are_found():
    text = "Local Area Coordination (LAC) helps you. The ASC team will call."
    finding = only(text, "initials")
    assert_place(finding, text, "ASC")


def test_names_in_the_middle_of_a_sentence_are_not_hard_words():
    assert check("We met Priya Okonkwo and Zbigniew Kowalczyk at Hackney Wick.") == []


def test_capitals_are_one_finding_and_not_initials():
    text = "Please do NOT come late."
    finding = only(text, "capitals")
    assert_place(finding, text, "NOT")
    assert finding.replacements == ("not",)
    assert [f.kind for f in check(text)] == ["capitals"]


def test_words_inside_a_capitals_finding_are_not_also_initials():
    kinds = [f.kind for f in check("PLEASE VISIT THE CARE HOME TODAY.")]
    assert "initials" not in kinds


def test_glossary_initials_that_are_a_word_are_not_shouting():
    glossary = Glossary([GlossaryEntry("special educational needs and disabilities", "Extra help to learn.",
                                       initials=("SEND",))])
    kinds = [f.kind for f in Checker(glossary).check("Ask about SEND support.")]
    assert kinds == ["jargon"]


def test_the_capitals_replacement_keeps_initials_in_capitals():
    # Initials break the run of shouted words, so they are never lower-cased.
    finding = only("PLEASE ASK THE CQC.", "capitals")
    assert (finding.text, finding.replacements) == ("PLEASE ASK THE", ("please ask the",))


def test_a_checker_for_another_language_only_reports_lengths():
    text = ("Mae'r CQC yn dweud bod *rhaid* i ni gyfarfod ar 03/03/26 gyda three o bobl yn y care home "
            "newydd yn y dref heddiw.")
    welsh = Checker(GLOSSARY, language="cy")
    assert [f.kind for f in welsh.check(text)] == ["long-sentence"]
    assert {f.kind for f in check(text)} > {"long-sentence", "jargon", "italics", "date", "number-word"}
    assert [f.kind for f in Checker(GLOSSARY, language="en_GB").check("Ask the CQC.")] == ["jargon"]


def test_findings_are_in_order_of_place():
    text = "Three service users went to the care home on 03/03/26 in order to assist."
    findings = check(text)
    assert [f.start for f in findings] == sorted(f.start for f in findings)
    assert [f.kind for f in findings] == ["number-word", "divides", "jargon", "date", "formal-word", "formal-word"]


# Real-world texts.

COUNCIL = """\
Following a needs assessment, eligible service users will be allocated a personal budget. \
This can be taken as a direct payment or as a commissioned service arranged by the local authority \
in accordance with the eligibility criteria.

The council's reablement offer is delivered in partnership with the ICB and the wider system. \
It aims to maximise independence and reduce demand for long-term residential placements, whilst \
ensuring that outcomes are monitored on a regular basis.

Safeguarding concerns should be raised via the MASH within 24 hours. Practitioners must ensure that \
the adult's wishes are ascertained and that any enquiry is proportionate.

We are committed to co-production with stakeholders, including people with lived experience. Feedback \
will be utilised to inform the commissioning of services across the locality, and to empower residents.
"""

PLAIN = """\
We want to hear from you. Come to our group on Tuesday 3 March 2026. It starts at 10 in the morning. \
It ends at 12.

You can bring a friend. There will be tea and cake. We will talk about the bus to the club.

Sam will help you get there. Tell Sam if you need a lift. You can phone Sam on 01632 960 123.

We will write down what you say. We will send you a copy. You can tell us if we got it wrong.
"""


def test_council_writing_has_its_jargon_found():
    findings = check(COUNCIL)
    found = {(f.kind, f.text) for f in findings}
    assert {
        ("divides", "service users"), ("jargon", "personal budget"), ("jargon", "direct payment"),
        ("jargon", "commissioned"), ("jargon", "local authority"), ("jargon", "eligibility criteria"),
        ("jargon", "reablement"), ("jargon", "ICB"), ("jargon", "Safeguarding"), ("jargon", "co-production"),
        ("jargon", "stakeholders"), ("jargon", "lived experience"), ("jargon", "commissioning"),
        ("divides", "empower"), ("initials", "MASH"), ("formal-word", "in accordance with"),
        ("formal-word", "whilst"), ("formal-word", "on a regular basis"), ("formal-word", "ensure"),
        ("passive", "be allocated"), ("passive", "are monitored"), ("passive", "be utilised"),
        ("hard-word", "proportionate"),
    } <= found
    assert sum(f.kind == "long-sentence" for f in findings) >= 3
    for finding in findings:
        assert COUNCIL[finding.start:finding.end] == finding.text


def test_council_writing_has_its_jargon_found_by_the_built_in_glossary():
    built_in = Glossary.built_in()
    wanted = [term for term in ("service user", "co-production", "reablement", "Care Quality Commission")
              if built_in.lookup(term)]
    if len(wanted) < 2:
        pytest.skip("the built-in glossary does not have these words yet")
    text = COUNCIL + "\nThe CQC inspects our care homes.\n"
    terms = {f.term for f in Checker(built_in).check(text) if f.kind in ("jargon", "divides")}
    assert set(wanted) <= terms


@pytest.mark.parametrize("glossary", [GLOSSARY, None], ids=["small glossary", "built-in glossary"])
def test_plain_easy_read_has_no_findings(glossary):
    assert len(PLAIN.split("\n\n")) >= 4
    assert Checker(glossary).check(PLAIN) == []
