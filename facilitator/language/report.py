"""``facilitator check`` and ``facilitator glossary``: the checker and the glossary on the command line."""

from __future__ import annotations

import json
import sys
import textwrap

from facilitator.cli import EXIT_PROBLEM
from facilitator.i18n import _, ngettext
from facilitator.language.checker import Checker, Finding
from facilitator.language.glossary import DIVIDES, Glossary, GlossaryEntry
from facilitator.language.search import GlossarySearch

WIDTH = 88


def check_command(path: str, as_json: bool) -> int:
    """Print every finding in a file (or standard input for "-"); 1 when the file cannot be read."""
    try:
        text = read_text_file(path)
    except UnreadableText as error:
        print(error, file=sys.stderr)
        return EXIT_PROBLEM
    findings = Checker().check(text)
    for finding in findings:
        if as_json:
            print(json.dumps(finding.as_dict(), ensure_ascii=False))
        else:
            print(describe(text, finding))
    if not as_json:
        count = len(findings)
        print(ngettext("{count} thing to look at.", "{count} things to look at.", count).format(count=count)
              if findings else _("No problems found."))
    return 0


def describe(text: str, finding: Finding) -> str:
    line = text.count("\n", 0, finding.start) + 1
    column = finding.start - (text.rfind("\n", 0, finding.start) + 1) + 1
    shown = finding.text if len(finding.text) <= 40 else finding.text[:37] + "..."
    shown = " ".join(shown.split())
    return f"{line}:{column}: {finding.kind}: “{shown}”\n    {finding.message}\n    {finding.suggestion}"


def glossary_command(word: str) -> int:
    glossary = Glossary.built_in()
    entry = glossary.lookup(word)
    if entry is None:
        close = GlossarySearch(glossary).search(word, limit=5)
        print(_("“{word}” is not in the glossary.").format(word=word), file=sys.stderr)
        if close:
            print(_("Did you mean: {terms}?").format(terms=", ".join(found.term for found in close)), file=sys.stderr)
        return EXIT_PROBLEM
    print(entry_text(glossary, entry))
    return 0


def entry_text(glossary: Glossary, entry: GlossaryEntry) -> str:
    """An entry as plain text, for the terminal."""
    lines = [entry.term]
    other = [*entry.initials, *entry.variants]
    if other:
        lines.append(_("Also written: {names}").format(names=", ".join(other)))
    if entry.kind == DIVIDES:
        lines.append(_("A word that can divide people."))
    lines += ["", *_wrapped(entry.plain)]
    if entry.more:
        lines += ["", *_wrapped(entry.more)]
    for label, values in (
        (_("Say instead:"), entry.say_instead),
        (_("See also:"), [found.term for found in glossary.related(entry)]),
        (_("Not the same as:"), [found.term for found in glossary.not_same_as(entry)]),
    ):
        if values:
            lines += ["", *_wrapped(f"{label} {'; '.join(values)}")]
    lines += ["", _("Topic: {topic}").format(topic=entry.topic_name())]
    return "\n".join(lines)


def _wrapped(text: str) -> list[str]:
    return textwrap.wrap(text, WIDTH, break_on_hyphens=False) or [""]


class UnreadableText(Exception):
    """A text file that cannot be read; the message says why, for the command line."""


def read_text_file(path: str) -> str:
    """A UTF-8 text file, or standard input for "-". Raises UnreadableText."""
    try:
        return _read(path)
    except OSError as error:
        raise UnreadableText(_("Cannot read {path}: {reason}.").format(path=path, reason=error.strerror)) from error
    except UnicodeDecodeError as error:
        raise UnreadableText(_("Cannot read {path}: it is not UTF-8 text.").format(path=path)) from error


def _read(path: str) -> str:
    if path == "-":
        text = sys.stdin.buffer.read().decode("utf-8-sig")
        return text.replace("\r\n", "\n").replace("\r", "\n")  # as a file is read
    with open(path, encoding="utf-8-sig") as file:
        return file.read()
