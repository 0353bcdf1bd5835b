"""The translation template is current with the code; each catalog compiles and keeps the placeholders."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "translations"


def messages(path: Path) -> dict:
    with path.open("rb") as source:
        return {message.id: message for message in read_po(source) if message.id}


def test_the_template_has_every_message_in_the_code_and_no_other(tmp_path):
    fresh = tmp_path / "fresh.pot"
    subprocess.run(
        [str(Path(sys.executable).parent / "pybabel"), "-q", "extract", "-F", str(TRANSLATIONS / "babel.cfg"),
         "-k", "N_", "-o", str(fresh), "."],
        cwd=ROOT, check=True, capture_output=True,
    )
    assert set(messages(fresh)) == set(messages(TRANSLATIONS / "facilitator.pot")), (
        "translations/facilitator.pot is out of date: run pybabel extract (see docs/translating.md)"
    )


CATALOGS = sorted(TRANSLATIONS.glob("*/LC_MESSAGES/facilitator.po"))
FIELD = re.compile(r"\{[^{}]*\}")


@pytest.mark.parametrize("path", CATALOGS, ids=[p.parent.parent.name for p in CATALOGS])
def test_each_catalog_compiles_keeps_the_placeholders_and_has_every_message(path, tmp_path):
    with path.open("rb") as source:
        catalog = read_po(source, locale=path.parent.parent.name)
    with (tmp_path / "out.mo").open("wb") as target:
        write_mo(target, catalog)
    problems = []
    for message in catalog:
        if not message.id or message.fuzzy:
            continue
        originals = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        allowed = set(FIELD.findall(originals[0])) | set(FIELD.findall(originals[-1]))
        for string in filter(None, strings):
            found = FIELD.findall(string)
            # a plural form for exactly one or two may leave the number out; nothing new may come in
            if not set(found) <= allowed or (len(strings) == 1 and sorted(found) != sorted(FIELD.findall(originals[0]))):
                problems.append(f"{originals[0][:50]!r} -> {string[:50]!r}")
    assert problems == []
    assert {m.id for m in catalog if m.id} >= set(messages(TRANSLATIONS / "facilitator.pot"))
