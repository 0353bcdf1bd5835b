"""Test set-up shared by every test.

Qt runs offscreen, and the user's data, config and cache folders point into a
temporary folder, so no test can touch the real library or settings.
"""

import os
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
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
