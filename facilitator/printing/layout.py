"""Print layouts: sizes, colours, fonts and section titles, as JSON files people can copy and change.

The app's own layouts are in ``easyread_templates/layouts/``; a facilitator's own
go in the ``layouts`` folder of their data folder, or anywhere, named by path.
Every number is checked against the easy-read rules in ../shared/EASYREAD.md:
no words smaller than 16 pt, 20 pt or more for a large-print layout.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, fields
from pathlib import Path

from facilitator.core.summary import SECTION_KEYS
from facilitator.i18n import _
from facilitator.resources import templates_dir

SMALLEST_TEXT = 16  # points: the easy-read floor for any words on the page
LARGE_PRINT = 20  # points: a layout whose words are this big or bigger is large print
PAGE_SIZES = ("A4", "Letter")
COLOUR = re.compile(r"#[0-9A-Fa-f]{6}")
SECTIONS = (*SECTION_KEYS, "agenda")  # the summary's sections, then the agenda handout's own
# field -> (lowest, highest) for numbers
NUMBERS = {
    "body_size": (SMALLEST_TEXT, 48),
    "detail_size": (SMALLEST_TEXT, 48),
    "heading_size": (SMALLEST_TEXT, 72),
    "title_size": (SMALLEST_TEXT, 96),
    "line_spacing": (1.2, 2.5),
    "picture_size": (15, 80),
    "margin": (10, 40),
    "card_columns": (1, 3),
    "card_rows": (1, 3),
}


class LayoutRefused(ValueError):
    """A layout file that cannot be used; ``problems`` says why, each in a sentence."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Layout:
    name: str = "Standard"
    description: str = ""
    page_size: str = "A4"
    paper_colour: str = "#FFFFFF"
    text_colour: str = "#1A1A1A"
    heading_colour: str = "#123B63"
    band_colour: str = "#E6EEF6"
    font: str = "Atkinson Hyperlegible Next"
    body_size: float = 18
    detail_size: float = 16
    heading_size: float = 26
    title_size: float = 34
    line_spacing: float = 1.4
    picture_size: float = 28  # millimetres, the side of each picture beside its words
    margin: float = 18  # millimetres
    card_columns: int = 2
    card_rows: int = 2
    logo: str = ""  # a PNG, JPEG or SVG file, relative to the layout file; "" for none
    organisation: str = ""  # who made the document, for its properties
    section_titles: dict[str, str] = field(default_factory=dict)  # section key -> title, in place of the app's
    folder: Path | None = None  # where the layout file is, for the logo

    @property
    def large_print(self) -> bool:
        return min(self.body_size, self.detail_size) >= LARGE_PRINT

    def logo_path(self) -> Path | None:
        if not self.logo.strip():
            return None
        path = Path(self.logo).expanduser()
        return path if path.is_absolute() or self.folder is None else self.folder / path


def parse_layout(data: object, folder: Path | None = None) -> Layout:
    """A layout from a file's JSON; LayoutRefused with every problem when it cannot be used."""
    if not isinstance(data, dict):
        raise LayoutRefused([_("A layout file should hold one set of named values, like the app's own layouts.")])
    known = {f.name for f in fields(Layout)} - {"folder"}
    problems = []
    unknown = sorted(set(data) - known)
    if unknown:
        problems.append(_("The layout has settings this version does not know: {names}.").format(names=", ".join(unknown)))
    values = {}
    for name in known & set(data):
        value = data[name]
        default = getattr(Layout(), name)
        if name in NUMBERS:
            low, high = NUMBERS[name]
            whole = isinstance(default, int) and not isinstance(default, bool)
            ok = isinstance(value, (int, float)) and not isinstance(value, bool) and (not whole or float(value).is_integer())
            if not ok or not low <= value <= high:
                problems.append(
                    _("“{name}” should be a number from {low} to {high}, not {value}.").format(
                        name=name, low=low, high=high, value=json.dumps(value, ensure_ascii=False)[:40]
                    )
                )
                continue
            value = int(value) if whole else float(value)
        elif name == "section_titles":
            if not isinstance(value, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
                problems.append(_("“section_titles” should name a section and give its title, like {example}.").format(
                    example='{"decided": "What we agreed"}'))
                continue
            unknown = [key for key in value if key not in SECTIONS]
            if unknown:
                problems.append(_("“section_titles” has {keys}, which is not a section. The sections are: {sections}.").format(
                    keys=", ".join(f"“{key}”" for key in unknown), sections=", ".join(SECTIONS)))
                continue
            value = {key: text.strip() for key, text in value.items() if text.strip()}
        elif not isinstance(value, str):
            problems.append(_("“{name}” should be text, not {value}.").format(name=name, value=json.dumps(value)[:40]))
            continue
        elif name.endswith("_colour") and not COLOUR.fullmatch(value.strip()):
            problems.append(_("“{name}” should be a colour like #1A1A1A, not “{value}”.").format(name=name, value=value[:40]))
            continue
        elif name == "page_size" and value not in PAGE_SIZES:
            problems.append(_("“page_size” should be A4 or Letter, not “{value}”.").format(value=value[:40]))
            continue
        values[name] = value.strip() if isinstance(value, str) else value
    if problems:
        raise LayoutRefused(problems)
    return Layout(**values, folder=folder)


def layouts_dir() -> Path:
    return templates_dir() / "layouts"


def user_layouts_dir() -> Path:
    import platformdirs

    return platformdirs.user_data_path("facilitator", appauthor=False) / "layouts"


def layout_files() -> dict[str, Path]:
    """Every layout by its file name (without .json): the app's own, then the facilitator's, which win."""
    found = {}
    for folder in (layouts_dir(), user_layouts_dir()):
        if folder.is_dir():
            for path in sorted(folder.glob("*.json")):
                found[path.stem] = path
    return found


def load_layout(name_or_path: str = "standard") -> Layout:
    """A layout by name ("standard", "large-print", a facilitator's own) or by the path of its file."""
    files = layout_files()
    path = files.get(name_or_path)
    if path is None:
        path = Path(name_or_path).expanduser()
        if path.suffix.lower() != ".json" or not path.is_file():
            raise LayoutRefused([
                _("There is no layout called “{name}”. The layouts are: {names}. Or give the path of a layout file.").format(
                    name=name_or_path, names=", ".join(files))
            ])
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise LayoutRefused([_("The layout {path} cannot be read: {reason}.").format(path=path, reason=error)]) from error
    except json.JSONDecodeError as error:
        raise LayoutRefused([
            _("The layout {path} is not written right: line {line}, column {column}: {reason}.").format(
                path=path.name, line=error.lineno, column=error.colno, reason=error.msg)
        ]) from error
    return parse_layout(data, path.parent)
