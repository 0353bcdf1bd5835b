"""``facilitator print``: the summary, agenda handout, picture cards or run-sheet of a workshop file, as a PDF.

The first three are for the room, in the workshop's language; the run-sheet is for the facilitators, in
the language given with ``--language`` (English when none is given)."""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

from facilitator.i18n import _, is_language, ngettext

KINDS = ("summary", "agenda", "cards", "run-sheet")


def print_command(kind: str, path: Path, output: Path, layout_name: str, language: str | None, names: str,
                  contact: str) -> int:
    from facilitator.cli import EXIT_PROBLEM, EXIT_USAGE, read_workshop_or_say
    from facilitator.core import exchange
    from facilitator.core.summary import Names, hard_words_from
    from facilitator.language.glossary import Glossary
    from facilitator.pictures.catalogue import PictureCatalogue
    from facilitator.printing.documents import PrintProblem, agenda_pdf, cards_pdf, summary_pdf
    from facilitator.printing.layout import LayoutRefused, load_layout
    from facilitator.printing.pictures import PrintPictures, left_out_note
    from facilitator.printing.run_sheet import run_sheet_pdf

    if language and not is_language(language):
        print(_("“{code}” is not a language code. Use a code such as en, cy or ar.").format(code=language),
              file=sys.stderr)
        return EXIT_USAGE
    try:
        layout = load_layout(layout_name)
    except LayoutRefused as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        return EXIT_USAGE
    result = read_workshop_or_say(path)
    if result is None:
        return EXIT_PROBLEM
    with exchange.imported_for_a_while(result) as (library, workshop):  # the file's own pictures, as in the app
        if language and kind != "run-sheet":
            workshop = dataclasses.replace(workshop, language=language)
        catalogue = PictureCatalogue.load()
        catalogue.set_own_pictures(library.picture_names())
        pictures = PrintPictures(catalogue, library.picture)
        written = output.with_name(output.name + ".part")
        try:
            if kind == "summary":
                glossary = Glossary.built_in().with_group_words(workshop.group_words)
                pages = summary_pdf(workshop, written, layout, pictures, names=Names(names), contact=contact,
                                    hard_words=hard_words_from(glossary))
            elif kind == "agenda":
                pages = agenda_pdf(workshop, written, layout, pictures)
            elif kind == "run-sheet":
                pages = run_sheet_pdf(workshop, written, layout, language)
            else:
                pages = cards_pdf(workshop, written, layout, pictures)
            written.replace(output)
        except PrintProblem as error:
            print(error, file=sys.stderr)
            return EXIT_PROBLEM
        except OSError as error:
            print(_("Cannot write {path}: {reason}.").format(path=output, reason=error.strerror), file=sys.stderr)
            return EXIT_PROBLEM
        finally:
            written.unlink(missing_ok=True)
        note = left_out_note(pictures.left_out)
    if note:
        print(note, file=sys.stderr)
    print(ngettext("Saved {path} ({pages} page).", "Saved {path} ({pages} pages).", pages).format(path=output, pages=pages))
    return 0
