"""The easy-read checker: what in a text could be plainer, where it is, why, and what to do instead.

It runs the jargon finder and the project's easy-read rules:
sentences of 15 words at most, paragraphs of 5 sentences at most, everyday
words, numbers as digits, initials written out, active voice, no italics or
capitals, dates in easy-read form. Each ``Finding`` has its place in the
text, a reason in plain words and a suggestion; where a replacement is clear
(a plainer word, the digits, the easy-read date) it is in ``replacements``.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from facilitator.i18n import _
from facilitator.language import style
from facilitator.language.dates import date_findings
from facilitator.language.finder import Match, finder_for
from facilitator.language.glossary import DIVIDES, Glossary
from facilitator.language.sentences import COUNTED_WORD, Span, paragraphs, sentences, word_count
from facilitator.language.words import WORD_PATTERN, CommonWords, is_capitals

MAX_SENTENCE_WORDS = 15
MAX_PARAGRAPH_SENTENCES = 5
LONG_WORD_LETTERS = 12
LONG_WORD_ZIPF = 4.5  # a long word this common ("information", "unfortunately") is fine
CAPITALS_ZIPF = 4.0  # a word in capitals this common is shouted, not initials ("PLEASE", not "CQC")
SHOUTED_SHORT_ZIPF = 5.0  # for words of 3 letters or fewer ("NOT", but not "ABC")
# Initials that people know as words.
KNOWN_INITIALS = frozenset("OK TV UK ID PC DVD CD AM PM BBC USA EU".split())
# Where a long sentence could be split.
JOINING_WORDS = ("and", "but", "because", "so", "which", "who", "while", "although", "or")

SHORT_CHOICES = frozenset(words for words in style.PLAIN_CHOICES if len(words) < 4)

KINDS = (
    "jargon", "divides", "initials", "long-sentence", "long-paragraph", "hard-word", "formal-word",
    "number-word", "passive", "italics", "capitals", "date",
)


@dataclass(frozen=True)
class Finding:
    kind: str
    start: int
    end: int
    text: str
    message: str
    suggestion: str
    term: str = ""
    replacements: tuple[str, ...] = ()

    def as_dict(self) -> dict:
        found = {
            "kind": self.kind, "start": self.start, "end": self.end, "text": self.text,
            "message": self.message, "suggestion": self.suggestion,
        }
        if self.term:
            found["term"] = self.term
        return found


class Checker:
    """Checks texts for one workshop: its glossary (with the group's words) and its language."""

    def __init__(self, glossary: Glossary | None = None, language: str = "en"):
        self.glossary = glossary or Glossary.built_in()
        self.language = language
        self.english = language.split("_")[0].split("-")[0].lower() == "en"
        self.finder = finder_for(self.glossary)
        self.common = CommonWords.load()

    def check(self, text: str) -> list[Finding]:
        found: list[Finding] = []
        found += self._lengths(text)
        if self.english:
            matches = self.finder.find(text)
            found += [self._glossary_finding(match) for match in matches]
            taken = _Taken(matches)
            plainer = self._plain_phrases(text, taken)
            shouted = self._capitals(text, taken)
            taken.add(plainer + shouted)
            found += plainer + shouted
            found += self._words(text, taken)
            found += self._style(text)
        return sorted(found, key=lambda finding: (finding.start, -finding.end, finding.kind))

    # Sentences and paragraphs.

    def _lengths(self, text: str) -> list[Finding]:
        found = []
        for paragraph in paragraphs(text):
            parts = sentences(text, paragraph.start, paragraph.end)
            for sentence in parts:
                count = word_count(sentence.text)
                if count > MAX_SENTENCE_WORDS:
                    found.append(Finding(
                        "long-sentence", sentence.start, sentence.end, sentence.text,
                        _("This sentence has {count} words. Easy read keeps to {most} or fewer.").format(
                            count=count, most=MAX_SENTENCE_WORDS),
                        _split_suggestion(sentence.text),
                    ))
            if len(parts) > MAX_PARAGRAPH_SENTENCES:
                found.append(self.long_paragraph(paragraph, len(parts)))
        return found

    def long_paragraph(self, paragraph: Span, count: int) -> Finding:
        """What is said about a paragraph of ``count`` sentences, more than easy read keeps to."""
        return Finding(
            "long-paragraph", paragraph.start, paragraph.end, paragraph.text,
            _("This part has {count} sentences. Easy read keeps to {most} or fewer.").format(
                count=count, most=MAX_PARAGRAPH_SENTENCES),
            _("Start a new paragraph, or leave out what people do not need."),
        )

    # Glossary words.

    def _glossary_finding(self, match: Match) -> Finding:
        entry = match.entry
        if match.initials:
            return Finding(
                "jargon", match.start, match.end, match.text,
                _("“{text}” is short for “{term}”. {plain}").format(text=match.text, term=entry.term, plain=entry.plain),
                _("Write it out in full: “{term}”.").format(term=entry.term),
                entry.term, (entry.term,),
            )
        if entry.kind == DIVIDES:
            message = _("“{text}” is a word that can divide people. {plain}")
        else:
            message = _("“{text}” is a hard word. It means: {plain}")
        if entry.say_instead:
            suggestion = _("Say “{words}” instead.").format(words=entry.say_instead[0])
        else:
            suggestion = _("Explain it in the next sentence, or use everyday words.")
        return Finding(
            DIVIDES if entry.kind == DIVIDES else "jargon", match.start, match.end, match.text,
            message.format(text=match.text, plain=entry.plain), suggestion, entry.term, entry.say_instead,
        )

    # Single words: initials, rare and long words, capitals.

    def _words(self, text: str, taken: _Taken) -> list[Finding]:
        found = []
        frequencies = self.common.frequencies
        for match in WORD_PATTERN.finditer(text):
            word = match.group()
            first = word[0]
            if first.isdigit() or (len(word) < 4 and first.islower() and word not in SHORT_CHOICES):
                continue
            start, end = match.span()
            if taken.covers(start, end):
                continue
            lowered = word.lower().rstrip(".")
            if lowered in style.PLAIN_CHOICES:
                found.append(self._plain_choice(start, end, word))
            elif "." in lowered:
                continue  # "p.m.": an abbreviation people know
            elif first.isupper():
                if is_capitals(word):
                    found += self._initials(text, start, end, word)
                # Otherwise a name, or the first word of a sentence: too hard to judge.
            elif frequencies.get(lowered, 0) < LONG_WORD_ZIPF and "'" not in word and "\u2019" not in word:
                found += self._hard_word(start, end, word)
        return found

    def _initials(self, text: str, start: int, end: int, word: str) -> list[Finding]:
        if word.replace(".", "") in KNOWN_INITIALS or _explained(text, start, word):
            return []
        if len(word) <= 3 and self._shouted(word):
            return []  # "WE", "IT": an everyday word in capitals, not initials
        return [Finding(
            "initials", start, end, word,
            _("“{text}” is initials, and the text does not say what they stand for.").format(text=word),
            _("Write the words out in full."),
        )]

    def _hard_word(self, start: int, end: int, word: str) -> list[Finding]:
        zipf = self.common.zipf(word)
        if zipf == 0:
            message = _("“{text}” is a word many people do not know.")
        elif len(word) >= LONG_WORD_LETTERS and zipf < LONG_WORD_ZIPF:
            message = _("“{text}” is a long word that many people find hard.")
        else:
            return []
        return [Finding(
            "hard-word", start, end, word, message.format(text=word),
            _("Use a more everyday word, or explain it in the next sentence."),
        )]

    # Style: formal words, numbers, passive voice, italics, capitals, dates.

    def _plain_phrases(self, text: str, taken: _Taken) -> list[Finding]:
        """Formal phrases ("in order to"); single formal words are found with the other words."""
        return [
            self._plain_choice(start, end, text[start:end])
            for start, end in style.plain_phrases(text) if taken.claim(start, end)
        ]

    def _plain_choice(self, start: int, end: int, written: str) -> Finding:
        choices = style.PLAIN_CHOICES[" ".join(written.lower().rstrip(".").split())]
        choices = tuple(_same_case(written, choice) for choice in choices)
        return Finding(
            "formal-word", start, end, written,
            _("“{text}” is a formal way to say it.").format(text=written),
            _("Say “{words}” instead.").format(words=choices[0]), replacements=choices,
        )

    def _capitals(self, text: str, taken: _Taken) -> list[Finding]:
        """Runs of everyday words in capitals; glossary initials and other initials break a run."""
        found = []
        for start, end in self._shouted_runs(text, taken):
            written = text[start:end]
            plain = written.lower()
            found.append(Finding(
                "capitals", start, end, written,
                _("Words in capitals are hard to read, and can feel like shouting."),
                _("Write “{words}” in ordinary letters. Use bold if it matters.").format(words=plain),
                replacements=(plain,),
            ))
        return found

    def _shouted_runs(self, text: str, taken: _Taken) -> list[tuple[int, int]]:
        runs: list[tuple[int, int]] = []
        for start, end in style.capital_runs(text):
            run: list[int] = []
            for word in WORD_PATTERN.finditer(text, start, end):
                if taken.covers(*word.span()) or not (self._shouted(word.group()) or len(word.group()) <= 2):
                    if run:
                        runs.append((run[0], run[1]))
                    run = []
                else:
                    run = [run[0] if run else word.start(), word.end()]
            if run:
                runs.append((run[0], run[1]))
        # A run must have a shouted word of its own ("WE" alone, between initials, is not shouting),
        # and initials explained just before them ("... Disabilities (SEND)") are not shouting either.
        return [
            (s, e) for s, e in runs
            if any(self._shouted(w.group()) and len(w.group()) > 2 for w in WORD_PATTERN.finditer(text, s, e))
            and not (" " not in text[s:e] and _explained(text, s, text[s:e]))
        ]

    def _shouted(self, word: str) -> bool:
        """A word in capitals that is an everyday word ("PLEASE", "NOT"), not initials ("CQC")."""
        zipf = self.common.frequencies.get(word.lower().replace("\u2019", "'"), 0)
        return zipf >= (SHOUTED_SHORT_ZIPF if len(word) <= 3 else CAPITALS_ZIPF)

    def _style(self, text: str) -> list[Finding]:
        found = []
        for start, end, value in style.number_words(text):
            found.append(Finding(
                "number-word", start, end, text[start:end],
                _("Numbers are easier to read as digits."),
                _("Write “{digits}”.").format(digits=value), replacements=(str(value),),
            ))
        for start, end, by in style.passive_voice(text):
            if by:
                message = _("This puts who does it at the end.")
                suggestion = _("Start with who does it: “The group chose it”, not “It was chosen by the group”.")
            else:
                message = _("This does not say who does it.")
                suggestion = _("Say who does it: “We decided”, not “It was decided”.")
            found.append(Finding("passive", start, end, text[start:end], message, suggestion))
        for start, end, kind in style.emphasis(text):
            message = _("Underlined words are hard to read.") if kind == "underline" else _("Italic words are hard to read.")
            found.append(Finding(
                "italics", start, end, text[start:end], message,
                _("Use ordinary letters. Make the few words that matter most bold."),
            ))
        found += [self._date_finding(date) for date in date_findings(text)]
        return found

    def _date_finding(self, date) -> Finding:
        reasons = {
            "numbers": _("Dates written in numbers are easy to misread."),
            "ordinal": _("Dates are easier to read without “st”, “nd”, “rd” or “th”."),
            "order": _("Easy read puts the day before the month."),
            "short month": _("Write the month in full."),
            "short day": _("Write the day of the week in full."),
            "short year": _("Write the year with 4 numbers."),
            "wrong day": _("The day of the week does not match the date."),
            "no day": _("Say the day of the week too."),
        }
        if date.easy_read:
            suggestion = _("Write “{date}”.").format(date=date.easy_read)
            replacements = (date.easy_read,)
        else:
            suggestion = _("Write the date like this: “Tuesday 3 March 2026”.")
            replacements = ()
        return Finding("date", date.start, date.end, date.text, reasons[date.reason], suggestion,
                       replacements=replacements)


class _Taken:
    """Places already explained by the glossary, so a word is not reported twice."""

    def __init__(self, matches: list[Match]):
        self.starts = [match.start for match in matches]  # in order, and not overlapping
        self.ends = [match.end for match in matches]

    def add(self, findings: list[Finding]) -> None:
        """Take these places too; places that overlap are joined, so ``covers`` looks at one span."""
        spans = sorted([*zip(self.starts, self.ends), *((found.start, found.end) for found in findings)])
        joined: list[list[int]] = []
        for start, end in spans:
            if joined and start <= joined[-1][1]:
                joined[-1][1] = max(joined[-1][1], end)
            else:
                joined.append([start, end])
        self.starts = [start for start, _end in joined]
        self.ends = [end for _start, end in joined]

    def covers(self, start: int, end: int) -> bool:
        at = bisect.bisect_right(self.starts, start) - 1
        return at >= 0 and end <= self.ends[at]

    def claim(self, start: int, end: int) -> bool:
        """True when nothing taken overlaps ``start..end``."""
        at = bisect.bisect_left(self.starts, end) - 1
        return at < 0 or self.ends[at] <= start


def _split_suggestion(sentence: str) -> str:
    words = list(COUNTED_WORD.finditer(sentence))
    middle = len(words) // 2
    best = None
    for index, word in enumerate(words[2:-2], 2):
        if word.group().lower() in JOINING_WORDS and (best is None or abs(index - middle) < abs(best[0] - middle)):
            best = (index, word.group())
    if best:
        return _("Split it into shorter sentences. You could end the first one before “{word}”.").format(word=best[1])
    return _("Split it into shorter sentences, with one idea in each.")


def _explained(text: str, start: int, initials: str) -> bool:
    """True when the words the initials stand for come just before them: "Care Quality Commission (CQC)"."""
    letters = initials.replace(".", "").rstrip("s").lower()
    before = [word.group() for word in WORD_PATTERN.finditer(text, max(0, start - 200), start)]
    firsts = [word[0].lower() for word in before if word.lower() not in ("of", "and", "for", "the", "in", "on", "to")]
    return "".join(firsts[-len(letters):]) == letters if len(firsts) >= len(letters) else False


def _same_case(written: str, choice: str) -> str:
    return choice[:1].upper() + choice[1:] if written[:1].isupper() else choice
