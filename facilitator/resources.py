"""One resolver for the app's data folders, from a checkout or an installed wheel.

In a checkout the folders sit at the top of the repository. A wheel carries
them inside the package, under ``facilitator/_data/`` (see pyproject.toml).
"""

from __future__ import annotations

import importlib.resources
from pathlib import Path

# name used in code -> folder name at the top of the repository
FOLDERS = {
    "icons": Path("assets") / "icons",
    "fonts": Path("assets") / "fonts",
    "templates": Path("easyread_templates"),
    "translations": Path("translations"),
}


def resource_dir(name: str) -> Path:
    """The folder holding one kind of resource: "icons", "templates" or "translations"."""
    relative = FOLDERS[name]
    installed = Path(str(importlib.resources.files("facilitator"))) / "_data" / relative
    if installed.is_dir():
        return installed
    checkout = Path(__file__).resolve().parent.parent / relative
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(
        f"The app's {name} folder is missing (looked in {installed} and {checkout}). "
        "Reinstall facilitator."
    )


def icons_dir() -> Path:
    return resource_dir("icons")


def fonts_dir() -> Path:
    return resource_dir("fonts")


def templates_dir() -> Path:
    return resource_dir("templates")


def translations_dir() -> Path:
    return resource_dir("translations")
