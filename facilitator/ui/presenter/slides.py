"""``facilitator slides``: every participant screen of a workshop saved as a PNG, exactly as projected.

For a preview before the day, and for people who could not come. The pictures
are drawn by the same code as the live participant view.
"""

from __future__ import annotations

import os
import re
import sys
import unicodedata
from pathlib import Path

from facilitator.i18n import _

SMALLEST = (320, 180)
LARGEST = (7680, 4320)


def parse_size(text: str) -> tuple[int, int]:
    """"1920x1080" as (1920, 1080); ValueError with a plain message when it is not a size we can draw."""
    found = re.fullmatch(r"\s*(\d{1,5})\s*[xX×]\s*(\d{1,5})\s*", text)
    if not found:
        raise ValueError(_("The size “{size}” should be width x height in pixels, like 1920x1080.").format(size=text))
    width, height = int(found.group(1)), int(found.group(2))
    if not (SMALLEST[0] <= width <= LARGEST[0] and SMALLEST[1] <= height <= LARGEST[1]):
        raise ValueError(
            _("The size {width}x{height} is not one we can draw: from {low} to {high}.").format(
                width=width, height=height, low="x".join(map(str, SMALLEST)), high="x".join(map(str, LARGEST))
            )
        )
    return width, height


def file_name(number: int, title: str) -> str:
    """"03-getting-to-know-each-other.png": the order, then the title in plain letters."""
    plain = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")[:48].rstrip("-")
    return f"{number:02d}-{slug or 'screen'}.png"


def slides_command(path: Path, output: Path, theme_key: str, size: str, text_size: str) -> int:
    from facilitator.cli import EXIT_PROBLEM, EXIT_USAGE, read_workshop_or_say

    try:
        width, height = parse_size(size)
    except ValueError as error:
        print(error, file=sys.stderr)
        return EXIT_USAGE
    result = read_workshop_or_say(path)
    if result is None:
        return EXIT_PROBLEM
    try:
        output.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        print(_("Cannot make the folder {path}: {reason}.").format(path=output, reason=error.strerror), file=sys.stderr)
        return EXIT_PROBLEM
    written = render_slides(result, output, theme_key, (width, height), text_size)
    if written is None:
        return EXIT_PROBLEM
    print(_("Saved {count} screens to {folder}.").format(count=len(written), folder=output))
    return 0


def render_slides(result, output: Path, theme_key: str, size: tuple[int, int], text_size: str) -> list[Path] | None:
    """Draw every screen of an imported workshop into ``output``; the files written, or None on a problem."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no window is opened: a display is not needed
    from PySide6.QtGui import QGuiApplication

    from facilitator.core import exchange
    from facilitator.pictures.catalogue import PictureCatalogue
    from facilitator.session.run import Phase, TimerState
    from facilitator.session.screens import Kind, workshop_screens
    from facilitator.ui.fonts import add_own_fonts
    from facilitator.ui.pictures import PictureStore
    from facilitator.ui.presenter.participant_view import Look, ScreenDrawing

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    add_own_fonts()  # the words are drawn with the app's fonts, even on a computer with none
    written: list[Path] = []
    # The workshop's own pictures are read through a library, as in the app.
    with exchange.imported_for_a_while(result) as (library, workshop):
        drawing = ScreenDrawing(PictureStore(PictureCatalogue.load(), library).pixmap)
        drawing.set_look(Look.chosen(theme_key, text_size, workshop.language))
        minutes = {item.id: item.minutes for item in workshop.agenda}
        for number, screen in enumerate(workshop_screens(workshop), start=1):
            drawing.set_screen(screen)
            # A break shows its countdown full, as the room sees it when the break begins.
            whole = minutes.get(screen.item_id, 0) * 60 if screen.kind is Kind.BREAK else 0
            drawing.timer = TimerState(whole, whole, Phase.RUNNING) if whole else None
            target = output / file_name(number, screen.title or screen.name)
            if not drawing.image(*size).save(str(target), "PNG"):
                print(_("Cannot write {path}.").format(path=target), file=sys.stderr)
                return None
            written.append(target)
    del app
    return written
