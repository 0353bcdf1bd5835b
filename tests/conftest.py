"""Test set-up shared by every test.

Qt runs offscreen with two screens side by side, a laptop and a 1920x1080
"Projector" (tests/ui/two_screens.json), and the user's data, config and cache folders point into a
temporary folder, so no test can touch the real library or settings.
"""

import os
import tempfile

SCREENS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "ui", "two_screens.json")
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={SCREENS}"
_home = tempfile.mkdtemp(prefix="facilitator-tests-")
for _name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
    os.environ[_name] = os.path.join(_home, _name.lower())

import pytest  # noqa: E402

from facilitator.core.library import open_library  # noqa: E402


@pytest.fixture
def library(tmp_path):
    """An empty library in a temporary folder."""
    lib = open_library(tmp_path / "library.sqlite3")
    yield lib
    lib.close()
