"""The app's own colours, taken from the palette and made strong enough to read (WCAG 1.4.3, 1.4.11).

Qt's own palette is not always enough: its placeholder text is half see-through
(4.0:1 on white) and white text on its selection blue is 3.69:1. ``strengthen``
darkens or lightens only what falls short, in any palette, so the app's windows
keep the system's look (a light one, or a dark high-contrast one) and still
reach 4.5:1 for words and 3:1 for the edges of things.

Colours the app draws itself (a problem line, the focus ring, the agenda
cards) are worked out from the palette here, so they follow it instead of
staying pale on a black background.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QColor, QGuiApplication, QPalette

from facilitator.session.themes import contrast, luminance

TEXT_CONTRAST = 4.5  # words (WCAG 1.4.3)
PART_CONTRAST = 3.0  # borders, focus rings and other parts of controls (WCAG 1.4.11)
# What the app aims for, a little above the bar, so that edges of letters blended by anti-aliasing and a
# colour rounded to whole numbers still reach it.
TEXT_AIM = 5.0
PART_AIM = 3.5
# Words on the selection are drawn on Fusion's gradient of it, thin letters blended into it: more room.
SELECTION_AIM = 6.0

Role = QPalette.ColorRole
Group = QPalette.ColorGroup
GROUPS = (Group.Active, Group.Inactive)  # words that are switched off need not reach the bar (WCAG)
PROBLEM_RED = QColor("#C62828")
BLACK, WHITE = QColor("#000000"), QColor("#FFFFFF")


def ratio(first: QColor, second: QColor) -> float:
    """WCAG contrast between two colours, from 1 to 21 (see-through colours taken as solid)."""
    return contrast((first.red(), first.green(), first.blue()), (second.red(), second.green(), second.blue()))


def light(colour: QColor) -> float:
    """WCAG relative luminance of ``colour``, 0 for black and 1 for white."""
    return luminance((colour.red(), colour.green(), colour.blue()))


def mix(first: QColor, second: QColor, share: float) -> QColor:
    """``first`` with ``share`` (0 to 1) of ``second`` mixed in, solid."""
    keep = 1.0 - share
    return QColor(round(first.red() * keep + second.red() * share),
                  round(first.green() * keep + second.green() * share),
                  round(first.blue() * keep + second.blue() * share))


def is_dark(palette: QPalette) -> bool:
    """Whether the windows are dark with light words (a dark or high-contrast palette)."""
    return light(palette.color(Role.Window)) < light(palette.color(Role.WindowText))


def reaching(colour: QColor, backgrounds: list[QColor], wanted: float) -> QColor:
    """``colour`` itself if it reaches ``wanted`` against every one of ``backgrounds``; else the least
    darker or lighter version of it that does (black or white when nothing less is enough)."""
    solid = QColor(colour.red(), colour.green(), colour.blue())
    if all(ratio(solid, background) >= wanted for background in backgrounds):
        return solid
    best = max((BLACK, WHITE), key=lambda end: min(ratio(end, background) for background in backgrounds))
    low, high = 0.0, 1.0
    for _step in range(16):  # the smallest share of black or white that is enough, to 1/65536
        middle = (low + high) / 2
        if all(ratio(mix(solid, best, middle), background) >= wanted for background in backgrounds):
            high = middle
        else:
            low = middle
    return mix(solid, best, high)


def quiet(text: QColor, background: QColor, wanted: float = TEXT_AIM) -> QColor:
    """Words quieter than ``text`` (moved towards ``background``) that still reach ``wanted`` on it."""
    low, high = 0.0, 1.0
    if ratio(text, background) < wanted:
        return reaching(text, [background], wanted)
    for _step in range(16):
        middle = (low + high) / 2
        if ratio(mix(text, background, middle), background) >= wanted:
            low = middle
        else:
            high = middle
    return mix(text, background, low)


def _make(palette: QPalette, group: Group, role: Role, colour: QColor) -> None:
    if palette.color(group, role) != colour:
        palette.setColor(group, role, colour)


def strengthen(palette: QPalette) -> QPalette:
    """A copy of ``palette`` whose words reach 4.5:1 and whose selection and links stand out, in any palette."""
    strong = QPalette(palette)
    for group in GROUPS:
        def colour(role: Role, group: Group = group) -> QColor:
            return strong.color(group, role)

        for words, ground in ((Role.Text, Role.Base), (Role.WindowText, Role.Window), (Role.ButtonText, Role.Button),
                              (Role.ToolTipText, Role.ToolTipBase)):
            _make(strong, group, words, reaching(colour(words), [colour(ground)], TEXT_AIM))
        # The selection: its words on it, and the selection against the list it is in.
        highlight = reaching(colour(Role.Highlight), [colour(Role.Base)], PART_AIM)
        highlight = reaching(highlight, [colour(Role.HighlightedText)], SELECTION_AIM)
        if ratio(highlight, colour(Role.Base)) < PART_CONTRAST:  # words on it were changed the wrong way
            words = max((BLACK, WHITE), key=lambda end: ratio(end, colour(Role.Highlight)))
            _make(strong, group, Role.HighlightedText, words)
            highlight = reaching(colour(Role.Highlight), [colour(Role.Base), words], PART_AIM)
        _make(strong, group, Role.Highlight, highlight)
        _make(strong, group, Role.HighlightedText, reaching(colour(Role.HighlightedText), [highlight], SELECTION_AIM))
        base = colour(Role.Base)
        shown = colour(Role.PlaceholderText)  # often half see-through: as it looks on the box
        shown = mix(base, shown, shown.alphaF())
        placeholder = shown if ratio(shown, base) >= TEXT_AIM else quiet(colour(Role.Text), base)
        _make(strong, group, Role.PlaceholderText, placeholder)
        _make(strong, group, Role.Link, reaching(colour(Role.Link), [base], TEXT_AIM))
        _make(strong, group, Role.LinkVisited, reaching(colour(Role.LinkVisited), [base], TEXT_AIM))
    return strong


def problem_colour(palette: QPalette) -> QColor:
    """The red of a problem line, reaching 4.5:1 on the window and in a box, light on a dark palette."""
    backgrounds = [palette.color(Role.Window), palette.color(Role.Base)]
    start = PROBLEM_RED if not is_dark(palette) else mix(PROBLEM_RED, WHITE, 0.45)
    return reaching(start, backgrounds, TEXT_AIM)


def focus_colour(palette: QPalette, around: list[QColor] | None = None) -> QColor:
    """The focus ring's colour: the selection's, made to reach 3:1 against the window, the boxes and ``around``,
    and against the frames it may lie on (Fusion draws them in the window's colour made 40% darker) when
    a colour can reach both."""
    backgrounds = [palette.color(Role.Window), palette.color(Role.Base), palette.color(Role.Button)]
    backgrounds += list(around or [])
    frames = [palette.color(Role.Window).darker(140), palette.color(Role.Mid)]
    highlight = palette.color(Role.Highlight)
    ring = reaching(highlight, backgrounds + frames, PART_AIM)
    if all(ratio(ring, colour) >= PART_CONTRAST for colour in backgrounds + frames):
        return ring
    return reaching(highlight, backgrounds, PART_AIM)


def high_contrast_palette() -> QPalette:
    """A dark high-contrast palette, like Windows' High Contrast Black: white words on black, a cyan selection
    with black words on it, yellow links (for trying the app's windows in one, and for tests)."""
    palette = QPalette()
    colours = {
        Role.Window: "#000000", Role.WindowText: "#FFFFFF", Role.Base: "#000000", Role.AlternateBase: "#101010",
        Role.Text: "#FFFFFF", Role.Button: "#000000", Role.ButtonText: "#FFFFFF", Role.BrightText: "#FFFFFF",
        Role.Highlight: "#1AEBFF", Role.HighlightedText: "#000000", Role.ToolTipBase: "#000000",
        Role.ToolTipText: "#FFFFFF", Role.PlaceholderText: "#A0A0A0", Role.Link: "#FFFF00",
        Role.LinkVisited: "#FFFF00", Role.Light: "#FFFFFF", Role.Midlight: "#C0C0C0", Role.Mid: "#A0A0A0",
        Role.Dark: "#808080", Role.Shadow: "#FFFFFF",
    }
    for role, name in colours.items():
        palette.setColor(role, QColor(name))
    for role in (Role.WindowText, Role.Text, Role.ButtonText):
        palette.setColor(Group.Disabled, role, QColor("#3FF23F"))  # High Contrast Black's "grey text"
    return palette


class StrongPalette(QObject):
    """Keeps the application's palette strengthened, also when the system's changes (a high-contrast
    theme switched on while the app is open)."""

    def __init__(self, app: QGuiApplication):
        super().__init__(app)
        self.app = app
        self._busy = False
        app.paletteChanged.connect(self.follow)
        self.follow()

    def follow(self, _palette: QPalette | None = None) -> None:
        if self._busy:
            return
        strong = strengthen(self.app.palette())
        if strong == self.app.palette():
            return
        self._busy = True
        try:
            self.app.setPalette(strong)
        finally:
            self._busy = False

    def stop(self) -> None:
        self.app.paletteChanged.disconnect(self.follow)
        self.setParent(None)


def keep_palette_strong(app: QGuiApplication) -> StrongPalette:
    """Strengthen ``app``'s palette now and whenever it changes (once per app)."""
    return app.findChild(StrongPalette) or StrongPalette(app)
