"""The package installs from a wheel and finds its data folders there."""

import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest

from facilitator import resources

ROOT = Path(__file__).resolve().parent.parent


def test_the_checkout_resolves_every_folder():
    for name, relative in resources.FOLDERS.items():
        assert resources.resource_dir(name) == ROOT / relative


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out), str(ROOT)],
        check=True,
        timeout=300,
    )
    (built,) = out.glob("facilitator-*.whl")
    return built


def test_the_wheel_carries_the_data_folders(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    for relative in resources.FOLDERS.values():
        inside = f"facilitator/_data/{relative.as_posix()}/"
        assert any(n.startswith(inside) for n in names), inside
    # the Welsh templates and both compiled catalogs travel too
    assert "facilitator/_data/easyread_templates/cy/deciding-together.json" in names
    for code in ("cy", "ar"):
        assert f"facilitator/_data/translations/{code}/LC_MESSAGES/facilitator.mo" in names


def test_an_installed_wheel_finds_its_folders_outside_the_checkout(wheel, tmp_path):
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    python = venv / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "-q", "--no-deps", "--no-index", str(wheel)], check=True, timeout=300)
    check = textwrap.dedent(
        """
        from facilitator import resources
        for name in resources.FOLDERS:
            folder = resources.resource_dir(name)
            assert "_data" in folder.parts and "site-packages" in str(folder), folder
            assert any(folder.iterdir()), folder
            print(name, folder)
        """
    )
    result = subprocess.run([str(python), "-c", check], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.splitlines()) == len(resources.FOLDERS)
