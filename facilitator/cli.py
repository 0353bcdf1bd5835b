"""The command line. It calls the same functions as the windows.

``facilitator`` with no command opens the app. Bad arguments give one line
on standard error and exit code 2; a library or file problem gives its
message and exit code 1.
"""

from __future__ import annotations

import time

STARTED = time.perf_counter()

import argparse  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

import facilitator  # noqa: E402
from facilitator.i18n import _  # noqa: E402

EXIT_PROBLEM = 1
EXIT_USAGE = 2


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line long."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_USAGE, _("{prog}: {message} (see {prog} --help)").format(prog=self.prog, message=message) + "\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="facilitator",
        description=_("Plan, run and write up co-production workshops in easy read."),
    )
    parser.add_argument("--version", action="version", version=f"facilitator {facilitator.__version__}")
    parser.add_argument(
        "--library",
        metavar="PATH",
        type=Path,
        help=_("the library file to use (default: library.sqlite3 in your data folder)"),
    )
    parser.add_argument(
        "--smoke",
        action="store_true",
        help=_("open the main window, print the time to its first paint, and exit"),
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    commands.add_parser("list", help=_("list the workshops in the library, one a line, id first"))
    export = commands.add_parser("export", help=_("save a workshop to a file to move it to another computer"))
    export.add_argument("id", help=_("the workshop's id, as shown by 'facilitator list'"))
    export.add_argument("-o", "--output", required=True, type=Path, metavar="FILE", help=_("the file to write"))
    imported = commands.add_parser("import", help=_("add a workshop from an exported file to the library"))
    imported.add_argument("file", type=Path, help=_("the exported workshop file (.json)"))
    check = commands.add_parser("check", help=_("find hard words and easy-read problems in a text"))
    check.add_argument("file", nargs="?", default="-", metavar="FILE", help=_("a text file, or - to read what is typed or piped in"))
    check.add_argument("--json", action="store_true", help=_("print one JSON object a line for each finding"))
    glossary = commands.add_parser("glossary", help=_("show what a hard word means"))
    glossary.add_argument("word", nargs="+", help=_("the word or words to look up"))
    slides = commands.add_parser("slides", help=_("save every participant screen of a workshop as a picture (PNG)"))
    slides.add_argument("file", type=Path, help=_("the exported workshop file (.json)"))
    slides.add_argument("-o", "--output", required=True, type=Path, metavar="DIR", help=_("the folder to save the pictures in"))
    slides.add_argument("--theme", default="cream", choices=["cream", "black", "yellow"], help=_("the colours (default: cream)"))
    slides.add_argument("--size", default="1920x1080", help=_("width x height in pixels (default: 1920x1080)"))
    slides.add_argument(
        "--text-size", default="normal", choices=["normal", "large", "largest"], help=_("how big the words are (default: normal)")
    )
    printed = commands.add_parser(
        "print", help=_("save the easy-read summary, agenda handout, picture cards or facilitators' run-sheet as a PDF"))
    printed.add_argument("kind", choices=["summary", "agenda", "cards", "run-sheet"], help=_("what to print"))
    printed.add_argument("file", type=Path, help=_("the exported workshop file (.json)"))
    printed.add_argument("-o", "--output", required=True, type=Path, metavar="OUT.pdf", help=_("the PDF file to write"))
    printed.add_argument(
        "--layout", default="standard", metavar="NAME",
        help=_("standard, large-print, one of your own layouts, or the path of a layout file (default: standard)"),
    )
    printed.add_argument(
        "--language", metavar="L",
        help=_("the language to print in (default: the workshop's; for the run-sheet, English)"))
    printed.add_argument(
        "--names", default="count", choices=["count", "aliases", "names"],
        help=_("who was there: only how many (count, the default), chosen names (aliases) or names"),
    )
    printed.add_argument("--contact", default="", help=_("how to get in touch, for the end of the summary"))
    say = commands.add_parser("say", help=_("save words read aloud as a sound file (WAV)"))
    say.add_argument("text", nargs="?", help=_("the words to say (or use -f)"))
    say.add_argument("-f", "--file", metavar="FILE", help=_("a text file to say, or - for what is typed or piped in"))
    say.add_argument("-o", "--output", required=True, type=Path, metavar="OUT.wav", help=_("the sound file to write"))
    say.add_argument("--voice", metavar="V", help=_("a voice's id, name or language (see 'facilitator voices')"))
    say.add_argument("--language", default="en", metavar="L", help=_("the language of the words, such as en, cy or ar (default: en)"))
    say.add_argument(
        "--rate", type=float, default=0.8, metavar="R",
        help=_("how fast: 1 is the voice's normal speed, from 0.5 (slow) to 2 (fast); default 0.8"),
    )
    voices = commands.add_parser("voices", help=_("list the voices that can read aloud, one a line, id first"))
    voices.add_argument("--language", metavar="L", help=_("only the voices for this language, best first"))
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run one command; its exit code. A reader that goes away (``facilitator list | head -1``) ends it quietly."""
    try:
        code = _command(argv)
        # Flushed here, where a reader that has gone is caught, not by the interpreter at exit.
        if sys.stdout is not None:
            sys.stdout.flush()
    except BrokenPipeError:
        _stop_writing()
        return 0  # everything printed to standard output is a command's normal answer: the reader had enough
    return code


def _stop_writing() -> None:
    """Point standard output at nothing, so the interpreter's last flush of what is left cannot fail again."""
    import os

    try:
        nothing = os.open(os.devnull, os.O_WRONLY)
        os.dup2(nothing, sys.stdout.fileno())
        os.close(nothing)
    except (AttributeError, OSError, ValueError):  # no standard output file, as on Windows without a console
        pass


def _command(argv: list[str] | None) -> int:
    args = build_parser().parse_args(argv)
    if args.command is None:
        return _open_app(args)
    if args.command in WORD_COMMANDS:
        return WORD_COMMANDS[args.command](args)
    from facilitator.core.errors import LibraryError

    try:
        library = open_app_library(args.library)
    except LibraryError as error:
        print(error, file=sys.stderr)
        return EXIT_PROBLEM
    try:
        return COMMANDS[args.command](library, args)
    except LibraryError as error:  # such as a change the library cannot take now: one plain line
        print(error, file=sys.stderr)
        return EXIT_PROBLEM
    finally:
        library.close()


def default_library_path() -> Path:
    """library.sqlite3 in the user's data folder (for example ~/.local/share/facilitator)."""
    import platformdirs

    return platformdirs.user_data_path("facilitator", appauthor=False) / "library.sqlite3"


def open_app_library(path: Path | None, wait: float = 5.0, care_later: bool = False):
    """Open the library the app uses; a brand-new one starts with the demo workshop. Changes the library
    cannot take at once are kept in its recovery file (``core/recovery.py``) until they are saved. With
    ``care_later``, today's backup and the check of the whole file are left to the caller (core/daily.py)."""
    from facilitator.core.demo import demo_workshop
    from facilitator.core.library import open_library
    from facilitator.core.recovery import RecoveryFile

    library = open_library(path or default_library_path(), wait=wait, care_later=care_later)
    library.unsaved.keeper = RecoveryFile(library.path).keep
    if library.created:
        group, workshop = demo_workshop()
        library.add_workshop(workshop, group=group)
    return library


def _open_app(args: argparse.Namespace) -> int:
    from facilitator.ui.app import run

    return run(args.library, smoke=args.smoke, started=STARTED)


def _list(library, args: argparse.Namespace) -> int:
    from facilitator.core.untrusted import plain_characters

    for summary in library.list_workshops():
        date = summary.date.isoformat() if summary.date else "-"
        fields = [summary.id, date, summary.title, summary.place, summary.group_name]
        # One line each; a title with a terminal's control characters in it cannot change the terminal.
        print("\t".join(plain_characters(f.replace("\t", " ").replace("\n", " ")) for f in fields))
    return 0


def _export(library, args: argparse.Namespace) -> int:
    from facilitator.core import exchange
    from facilitator.core.errors import WorkshopNotFound

    try:
        path = exchange.export_workshop(library, args.id, args.output)
    except WorkshopNotFound as error:
        print(_("{error} Run 'facilitator list' to see the ids.").format(error=error), file=sys.stderr)
        return EXIT_PROBLEM
    except exchange.ExportFailed as error:
        print(error, file=sys.stderr)
        return EXIT_PROBLEM
    except OSError as error:
        print(_("Cannot write {path}: {reason}.").format(path=args.output, reason=error.strerror), file=sys.stderr)
        return EXIT_PROBLEM
    print(_("Saved the workshop to {path}.").format(path=path))
    return 0


def read_workshop_or_say(path: Path, heading: str | None = None, say_left_out: bool = True):
    """The workshop file at ``path``, read and checked (an ``ImportResult``); or None, after saying on
    standard error what is wrong, under ``heading`` ("Cannot read {path}:" when none is given).
    Own pictures that could not be used are said too (the slides and printouts show a frame instead)."""
    from facilitator.core import exchange

    try:
        result = exchange.read_workshop_file(path)
    except exchange.ImportFailed as error:
        _say_problems((heading or _("Cannot read {path}:")).format(path=path), error.problems)
        return None
    if say_left_out:
        for note in result.left_out:
            print(_("Note: {note}").format(note=note), file=sys.stderr)
    return result


def _say_problems(heading: str, problems: list[str]) -> None:
    print(heading, file=sys.stderr)
    for problem in problems:
        print(f"  {problem}", file=sys.stderr)


def _import(library, args: argparse.Namespace) -> int:
    from facilitator.core import exchange, untrusted
    from facilitator.core.errors import LibraryError

    heading = _("Cannot import {path}:")
    result = read_workshop_or_say(args.file, heading, say_left_out=False)  # every note is said below
    if result is None:
        return EXIT_PROBLEM
    heading = heading.format(path=args.file)
    try:
        workshop = exchange.import_into(library, result)
    except exchange.ImportFailed as error:
        _say_problems(heading, error.problems)
        return EXIT_PROBLEM
    except LibraryError as error:  # such as another program using the library just now
        _say_problems(heading, [str(error), _("Nothing was imported.")])
        return EXIT_PROBLEM
    for note in result.notes:
        print(_("Note: {note}").format(note=note))
    # The title is the file's: shown without control characters, which could upset the terminal.
    title = untrusted.plain_characters(workshop.title)
    print(_("Imported “{title}” ({id}).").format(title=title, id=workshop.id))
    return 0


def _check(args: argparse.Namespace) -> int:
    from facilitator.language.report import check_command

    return check_command(args.file, args.json)


def _glossary(args: argparse.Namespace) -> int:
    from facilitator.language.report import glossary_command

    return glossary_command(" ".join(args.word))


def _slides(args: argparse.Namespace) -> int:
    from facilitator.ui.presenter.slides import slides_command

    return slides_command(args.file, args.output, args.theme, args.size, args.text_size)


def _print(args: argparse.Namespace) -> int:
    from facilitator.printing.command import print_command

    return print_command(args.kind, args.file, args.output, args.layout, args.language, args.names, args.contact)


def _say(args: argparse.Namespace) -> int:
    from facilitator.speech.command import say_command

    return say_command(args.text, args.file, args.output, args.voice, args.language, args.rate)


def _voices(args: argparse.Namespace) -> int:
    from facilitator.speech.command import voices_command

    return voices_command(args.language)


COMMANDS = {"list": _list, "export": _export, "import": _import}
# Commands that need no library.
WORD_COMMANDS = {
    "check": _check, "glossary": _glossary, "slides": _slides, "say": _say, "voices": _voices, "print": _print,
}
