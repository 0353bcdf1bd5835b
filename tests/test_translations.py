"""The translation template is current with the code."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

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
