"""The app's own fonts are used by Qt: on a computer with no fonts at all, the window and the slides show words.

Each test runs a fresh Python with fontconfig pointed at a configuration that names
no font folder, so the only fonts there are the ones the app brings. A word drawn
with no font is a row of identical boxes: two different words of the same length
then give the same picture, and every glyph is glyph 0.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest

from facilitator.ui.fonts import ARABIC, LATIN, OWN_FAMILIES

# Pairs of different words with the same number of letters: boxes would draw them alike.
PAIRS = {"latin": ("Croeso", "Cymryd"), "welsh": ("Grŵp", "Gwŷr"), "arabic": ("مرحبا", "سلامة")}
ALIASES = {"Sans Serif", "Serif", "Monospace"}  # the names Qt always lists, fonts or not

CHILD = textwrap.dedent('''
    import hashlib, json, sys
    from PySide6.QtGui import QFontDatabase, QFontInfo, QTextLayout
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication(sys.argv[:1])
    families_before = QFontDatabase.families()

    from facilitator.session.screens import Kind, Screen
    from facilitator.ui.app import make_application
    from facilitator.ui.presenter import painting
    from facilitator.ui.presenter.participant_view import Look, ScreenDrawing

    make_application()
    pairs = json.loads(sys.argv[1])

    def glyphs(text, font):
        layout = QTextLayout(text, font)
        layout.beginLayout()
        layout.createLine()
        layout.endLayout()
        return [[run.rawFont().familyName(), int(run.rawFont().weight()), list(run.glyphIndexes())]
                for run in layout.glyphRuns()]

    def picture(image):
        data = bytes(image.constBits())
        background = data[:4]
        inked = sum(1 for i in range(0, len(data), 4) if data[i:i + 4] != background)
        return hashlib.sha256(data).hexdigest(), inked

    def window_picture(text):
        label = QLabel(text)
        label.resize(300, 60)
        return picture(label.grab().toImage().convertToFormat(label.grab().toImage().Format.Format_RGB32))

    def slide_picture(text, rtl):
        drawing = ScreenDrawing(lambda ref, side: None)
        drawing.set_look(Look("cream", 1.0, rtl))
        drawing.set_screen(Screen(Kind.ITEM, title=text))
        return picture(drawing.image(960, 540))

    print(json.dumps({
        "families_before": families_before,
        "window_family": QFontInfo(app.font()).family(),
        "slide_family": QFontInfo(painting.font(60, bold=True)).family(),
        "window": {kind: [window_picture(word) for word in words] for kind, words in pairs.items()},
        "slide": {kind: [slide_picture(word, kind == "arabic") for word in words] for kind, words in pairs.items()},
    }), flush=True)
    # Last, on a line of its own: Qt crashes when asked for the glyphs of words drawn as boxes.
    print(json.dumps({
        "window_glyphs": {kind: [glyphs(word, app.font()) for word in words] for kind, words in pairs.items()},
        "slide_glyphs": {kind: [glyphs(word, painting.font(60, bold=True)) for word in words] for kind, words in pairs.items()},
    }))
''')


def no_fonts_env(tmp_path) -> dict[str, str]:
    """The environment of a computer with no fonts: fontconfig reads a configuration that names no folder."""
    config = tmp_path / "fonts.conf"
    config.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n'
        f"<fontconfig><cachedir>{tmp_path / 'font-cache'}</cachedir></fontconfig>\n",
        encoding="utf-8",
    )
    env = dict(os.environ, FONTCONFIG_FILE=str(config), XDG_CACHE_HOME=str(tmp_path / "cache"))
    env.pop("FONTCONFIG_PATH", None)
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


@pytest.fixture(scope="module")
def drawn(tmp_path_factory):
    """What a fresh app with no fonts on the computer drew and measured."""
    tmp_path = tmp_path_factory.mktemp("no-fonts")
    script = tmp_path / "child.py"
    script.write_text(CHILD, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(script), json.dumps(PAIRS, ensure_ascii=False)],
        env=no_fonts_env(tmp_path), cwd=tmp_path, capture_output=True, text=True, timeout=120,
    )
    found = {"code": done.returncode, "stderr": done.stderr}
    for line in done.stdout.splitlines():
        if line.startswith("{"):
            found.update(json.loads(line))
    assert "window" in found, done.stderr
    return found


def test_the_computer_really_has_no_fonts(drawn):
    assert drawn["code"] == 0, drawn["stderr"]
    assert set(drawn["families_before"]) <= ALIASES


def test_the_window_and_the_slides_use_the_app_s_fonts(drawn):
    assert drawn["window_family"] == LATIN
    assert drawn["slide_family"] == LATIN


@pytest.mark.parametrize("place", ["window_glyphs", "slide_glyphs"])
@pytest.mark.parametrize("kind", list(PAIRS))
def test_every_letter_is_a_real_glyph_of_the_app_s_fonts(drawn, place, kind):
    assert place in drawn, f"Qt crashed reading the glyphs (code {drawn['code']}): the words were boxes"
    for runs in drawn[place][kind]:
        letters = [(family, glyph) for family, _weight, glyphs in runs for glyph in glyphs]
        assert letters and all(glyph > 0 for _family, glyph in letters)  # glyph 0 is the empty box
        families = {family for family, _glyph in letters}
        assert families <= set(OWN_FAMILIES)
        assert (ARABIC in families) == (kind == "arabic")


def test_slide_titles_are_bold_from_the_bold_font(drawn):
    assert "slide_glyphs" in drawn, f"Qt crashed reading the glyphs (code {drawn['code']}): the words were boxes"
    weights = {weight for runs in drawn["slide_glyphs"]["latin"] for _family, weight, _glyphs in runs}
    assert weights and min(weights) >= 600


@pytest.mark.parametrize("place", ["window", "slide"])
@pytest.mark.parametrize("kind", list(PAIRS))
def test_two_different_words_are_drawn_differently(drawn, place, kind):
    (first, first_ink), (second, second_ink) = drawn[place][kind]
    assert first_ink > 50 and second_ink > 50  # something is drawn
    assert first != second  # and not the same row of boxes


def test_the_slides_command_draws_words_with_no_fonts_on_the_computer(tmp_path):
    """``facilitator slides`` makes its own Qt application: it too takes the app's fonts."""
    from facilitator.core import exchange
    from facilitator.core.library import open_library
    from facilitator.core.model import AgendaItem, Workshop

    env = no_fonts_env(tmp_path)
    drawn = []
    library = open_library(tmp_path / "library.sqlite3")
    try:
        for number, word in enumerate(PAIRS["welsh"]):
            # Two workshops alike but for one word, so only the way that word is drawn can tell their slides apart.
            workshop = Workshop("Gweithdy", agenda=[AgendaItem(word)])
            library.add_workshop(workshop)
            path = exchange.export_workshop(library, workshop.id, tmp_path / f"w{number}.json")
            out = tmp_path / f"slides{number}"
            done = subprocess.run(
                [sys.executable, "-m", "facilitator", "slides", str(path), "-o", str(out), "--size", "960x540"],
                env=env, cwd=tmp_path, capture_output=True, text=True, timeout=120,
            )
            assert done.returncode == 0, done.stderr
            drawn.append(sorted(out.iterdir())[1].read_bytes())  # the item's screen, after the welcome
    finally:
        library.close()
    assert drawn[0] != drawn[1]
