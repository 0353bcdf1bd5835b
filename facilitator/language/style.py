"""Easy-read style: formal words with plainer choices, numbers in words, passive voice, emphasis.

Each function yields ``(start, end, detail)`` places in the text; the checker
turns them into findings with a reason and a suggestion.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

# Formal words and phrases, and the everyday words to use instead.
PLAIN_CHOICES: dict[str, tuple[str, ...]] = {
    "accordingly": ("so",), "additional": ("more", "extra"), "additionally": ("also",),
    "administer": ("give",), "advise": ("tell",), "amend": ("change",), "anticipate": ("expect",),
    "apparent": ("clear",), "approximately": ("about",), "ascertain": ("find out",), "assist": ("help",),
    "assistance": ("help",), "attempt": ("try",), "beneficial": ("helpful", "good"), "cease": ("stop",),
    "commence": ("start",), "component": ("part",), "comprise": ("make up", "include"),
    "consequently": ("so",), "consult": ("ask",), "demonstrate": ("show",), "determine": ("decide", "find out"),
    "disseminate": ("share", "send out"), "endeavour": ("try",), "ensure": ("make sure",),
    "enquire": ("ask",), "evaluate": ("find out how well it worked",), "expedite": ("speed up",),
    "facilitate": ("help", "make easier"), "forthcoming": ("coming",), "furthermore": ("also",),
    "hence": ("so",), "however": ("but",), "identify": ("find",), "implement": ("do", "carry out"),
    "indicate": ("show", "say"), "individuals": ("people",), "initiate": ("start",), "leverage": ("use",),
    "locality": ("area",), "methodology": ("way of working",), "moreover": ("also",), "notify": ("tell",),
    "numerous": ("many",), "objective": ("aim",), "obtain": ("get",), "optimal": ("best",),
    "participate": ("take part",), "permit": ("let", "allow"), "prioritise": ("put first",),
    "proceed": ("go on",), "provision": ("what is on offer",), "purchase": ("buy",), "regarding": ("about",),
    "reimburse": ("pay back",), "remuneration": ("pay",), "request": ("ask",), "require": ("need",),
    "requirement": ("need",), "reside": ("live",), "residence": ("home",), "retain": ("keep",),
    "subsequently": ("later", "then"), "sufficient": ("enough",), "terminate": ("end", "stop"),
    "therefore": ("so",), "thus": ("so",), "undertake": ("do",), "utilise": ("use",), "utilize": ("use",),
    "whilst": ("while",), "nevertheless": ("but", "still"), "notwithstanding": ("even though",),
    "aforementioned": ("this",), "in order to": ("to",), "prior to": ("before",), "with regard to": ("about",),
    "in relation to": ("about",), "in respect of": ("about",), "a number of": ("some",),
    "at this point in time": ("now",), "in the event that": ("if",), "on a regular basis": ("often",),
    "due to the fact that": ("because",), "in accordance with": ("as", "following"),
    "e.g": ("for example",), "i.e": ("that is",), "etc": ("and more", "and other things"),
}

_PLAIN_PHRASE_PATTERN = re.compile(
    r"\b(?:" + "|".join(re.escape(words).replace(r"\ ", r"\s+") for words in
                        sorted(PLAIN_CHOICES, key=len, reverse=True) if " " in words) + r")\b",
    re.IGNORECASE,
)

ONES = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
        "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
        "seventeen": 17, "eighteen": 18, "nineteen": 19}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
        "ninety": 90}
SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
_NUMBER_WORD = "|".join([*ONES, *TENS, *SCALES])
# A run of number words ("twenty-five", "two hundred and fifty", "a hundred"). "One" by itself is
# left alone: "one of us", "no one".
_NUMBER_RUN = re.compile(
    rf"\b(?=[aotfsenhmAOTFSENHM])(?:(?:a|one)[\s\-]+(?=(?:hundred|thousand|million)\b))?(?:{_NUMBER_WORD})"
    rf"(?:(?:[\s\-]+|\s+and\s+)(?:{_NUMBER_WORD}|one)\b)*\b",
    re.IGNORECASE,
)

_BE = r"(?:am|is|are|was|were|be|been|being|get|gets|got|getting)"
IRREGULAR_PARTICIPLES = (
    "made taken given told done seen shown known written sent paid held kept left found brought bought "
    "thought taught chosen spoken heard built put set run cut hit met led read said sold understood won "
    "forgotten hidden driven eaten beaten broken stolen fed hurt let lost meant"
).split()
# Participles that usually describe how someone is or feels, not something done to them.
NOT_PASSIVE = frozenset(
    "interested tired worried pleased scared excited bored married retired disabled supposed called named "
    "used based concerned involved prepared allowed required needed related qualified aged closed open "
    "finished done gone dressed engaged divorced welcomed".split()
)
_PASSIVE = re.compile(
    rf"\b{_BE}\s+(?:\w+ly\s+)?(?P<participle>[a-z]{{3,}}ed|{'|'.join(IRREGULAR_PARTICIPLES)})\b(?P<by>\s+by\b)?",
    re.IGNORECASE,
)

# Italics and underline in marked-up text: *word*, _word_, <i>, <em>, <u>. Bold (**word**) is allowed.
_EMPHASIS = re.compile(
    r"(?<![*\w])\*(?!\*)(?P<star>[^*\n]+?)\*(?![*\w])"
    r"|(?<![_\w])_(?!_)(?P<under>[^_\n]+?)_(?![_\w])"
    r"|<(?P<tag>i|em|u)>(?P<tagged>.*?)</(?P=tag)>",
    re.IGNORECASE | re.DOTALL,
)
_CAPITALS_RUN = re.compile(r"\b[A-Z][A-Z']+(?:[\s,]+[A-Z][A-Z']+)*\b")


def plain_phrases(text: str) -> Iterator[tuple[int, int]]:
    """Formal phrases of more than one word ("in order to"), which have a plainer choice."""
    for match in _PLAIN_PHRASE_PATTERN.finditer(text):
        yield match.span()


def number_words(text: str) -> Iterator[tuple[int, int, int]]:
    """Numbers written in words ("three", "twenty-five") and their value."""
    for match in _NUMBER_RUN.finditer(text):
        words = [word.lower() for word in re.split(r"[\s\-]+", match.group()) if word.lower() != "and"]
        value = _value(words)
        if value is not None:
            yield match.start(), match.end(), value


def _value(words: list[str]) -> int | None:
    total = current = 0
    for word in words:
        if word in ("a", "one"):
            current += 1
        elif word in ONES:
            current += ONES[word]
        elif word in TENS:
            current += TENS[word]
        elif word == "hundred":
            current = (current or 1) * 100
        else:
            total += (current or 1) * SCALES[word]
            current = 0
    value = total + current
    return value if value >= 2 else None


def passive_voice(text: str) -> Iterator[tuple[int, int, bool]]:
    """Places that look like the passive voice ("was decided"); True when "by" says who did it."""
    for match in _PASSIVE.finditer(text):
        if match.group("participle").lower() in NOT_PASSIVE:
            continue
        yield match.start(), match.end("participle"), match.group("by") is not None


def emphasis(text: str) -> Iterator[tuple[int, int, str]]:
    """Italics or underline in marked-up text: ("italics" or "underline")."""
    for match in _EMPHASIS.finditer(text):
        kind = "underline" if (match.group("tag") or "").lower() == "u" else "italics"
        yield match.start(), match.end(), kind


def capital_runs(text: str) -> Iterator[tuple[int, int]]:
    """Runs of words written in capitals ("PLEASE ASK THE CQC"); the checker tells shouting from initials."""
    for match in _CAPITALS_RUN.finditer(text):
        yield match.span()
