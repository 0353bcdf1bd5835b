"""The one firm rule: nothing outside facilitator/ui imports PySide6.

Each check runs in a fresh Python whose import system refuses PySide6 and
shiboken6, so a Qt import anywhere in the core fails loudly instead of
quietly loading Qt.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent

BLOCKER = r"""
import importlib
import importlib.abc
import pkgutil
import sys

BLOCKED = ("PySide6", "shiboken6")


class BlockQt(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.partition(".")[0] in BLOCKED:
            raise ImportError(f"Qt is blocked in this test: {name}")
        return None


sys.meta_path.insert(0, BlockQt())
assert not any(name.partition(".")[0] in BLOCKED for name in sys.modules)

SKIP = {
    "facilitator.ui",  # the one package allowed to use Qt
    "facilitator.__main__",  # running it starts the app; it only imports facilitator.cli
}


def fail(name):
    raise ImportError(f"could not import the package {name}")


def import_everything_but_the_ui():
    import facilitator

    imported = ["facilitator"]
    for info in pkgutil.iter_modules(facilitator.__path__, "facilitator."):
        if info.name in SKIP:
            continue
        module = importlib.import_module(info.name)
        imported.append(info.name)
        if info.ispkg:
            for sub in pkgutil.walk_packages(module.__path__, info.name + ".", onerror=fail):
                importlib.import_module(sub.name)
                imported.append(sub.name)
    qt = sorted(name for name in sys.modules if name.partition(".")[0] in BLOCKED)
    assert not qt, qt
    assert "facilitator.ui" not in sys.modules
    print("\n".join(imported))


target = sys.argv[1]
if target == "--core":
    import_everything_but_the_ui()
else:
    importlib.import_module(target)
    print("imported", target)
"""


def run_blocked(target: str) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    env.pop("QT_QPA_PLATFORM", None)
    return subprocess.run(
        [sys.executable, "-c", BLOCKER, target],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_everything_outside_the_ui_imports_without_qt():
    result = run_blocked("--core")
    assert result.returncode == 0, result.stderr
    imported = set(result.stdout.split())
    # The walk really happened: the core and the other Qt-free modules were imported.
    expected_core = {
        f"facilitator.core.{path.stem}"
        for path in (REPO / "facilitator" / "core").glob("*.py")
        if path.stem != "__init__"
    }
    assert expected_core <= imported
    assert {"facilitator", "facilitator.core", "facilitator.i18n", "facilitator.resources"} <= imported
    top_level = {f"facilitator.{p.stem}" for p in (REPO / "facilitator").glob("*.py")} - {
        "facilitator.__init__",
        "facilitator.__main__",
    }
    assert top_level <= imported
    assert not any(name == "facilitator.ui" or name.startswith("facilitator.ui.") for name in imported)


def test_the_blocker_stops_a_direct_qt_import():
    for name in ("PySide6", "PySide6.QtCore", "shiboken6"):
        result = run_blocked(name)
        assert result.returncode != 0, name
        assert "Qt is blocked in this test" in result.stderr


@pytest.mark.skipif(not (REPO / "facilitator" / "ui" / "main_window.py").exists(), reason="there is no main window yet")
def test_the_blocker_stops_the_main_window():
    """The main window needs Qt, so with Qt blocked it must fail to import: proof the block works."""
    result = run_blocked("facilitator.ui.main_window")
    assert result.returncode != 0
    assert "Qt is blocked in this test" in result.stderr
    assert "imported facilitator.ui.main_window" not in result.stdout
