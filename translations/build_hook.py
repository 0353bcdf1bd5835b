"""Compile the translation catalogs (.po) into the .mo files the app reads, whenever the package is built.

hatchling runs this for a wheel, an sdist and an editable install (``pip install -e .``), so
an installed app always has its catalogs compiled from the .po files it was built from.
"""

from __future__ import annotations

from pathlib import Path

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


def compile_catalogs(folder: Path) -> list[Path]:
    """Write a .mo beside each translations/<language>/LC_MESSAGES/*.po; the files written."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    written = []
    for po in sorted(folder.glob("*/LC_MESSAGES/*.po")):
        with po.open("rb") as source:
            catalog = read_po(source, locale=po.parent.parent.name)
        mo = po.with_suffix(".mo")
        with mo.open("wb") as target:
            write_mo(target, catalog, use_fuzzy=False)
        written.append(mo)
    return written


class CompileCatalogs(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version, build_data):
        compile_catalogs(Path(self.root) / "translations")
