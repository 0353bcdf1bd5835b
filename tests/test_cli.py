"""The command line: list, export, import, version, and its error messages."""

import json
import subprocess
import sys

import pytest

from facilitator import cli
from facilitator.core.library import open_library
from facilitator.core.model import AgendaItem, Workshop


def run(capsys, *args):
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_a_new_library_starts_with_the_demo_workshop(tmp_path, capsys):
    code, out, err = run(capsys, "--library", str(tmp_path / "lib.sqlite3"), "list")
    assert code == 0, err
    lines = out.strip().splitlines()
    assert len(lines) == 1
    workshop_id, date, title, *_ = lines[0].split("\t")
    assert len(workshop_id) == 32 and title


def test_export_then_import_adds_a_copy(tmp_path, capsys):
    library = str(tmp_path / "lib.sqlite3")
    _, out, _ = run(capsys, "--library", library, "list")
    workshop_id = out.split("\t")[0]
    exported = tmp_path / "out.json"
    code, out, err = run(capsys, "--library", library, "export", workshop_id, "-o", str(exported))
    assert code == 0, err
    assert json.loads(exported.read_text("utf-8"))["workshop"]["id"] == workshop_id

    other = str(tmp_path / "other.sqlite3")
    code, out, err = run(capsys, "--library", other, "import", str(exported))
    assert code == 0, err
    assert "Imported" in out
    assert "copy" not in out
    _, listed, _ = run(capsys, "--library", other, "list")
    # The demo the new library started with, and the imported workshop with its own id.
    assert len(listed.strip().splitlines()) == 2
    assert workshop_id in listed

    code, out, err = run(capsys, "--library", library, "import", str(exported))
    assert code == 0, err
    assert "added as a copy" in out
    _, listed, _ = run(capsys, "--library", library, "list")
    assert len(listed.strip().splitlines()) == 2


def test_export_of_an_unknown_id_says_how_to_find_ids(tmp_path, capsys):
    code, out, err = run(capsys, "--library", str(tmp_path / "l.sqlite3"), "export", "nope", "-o", str(tmp_path / "x.json"))
    assert code == 1
    assert "facilitator list" in err
    assert not (tmp_path / "x.json").exists()


def test_import_of_a_bad_file_lists_every_problem(tmp_path, capsys):
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"format": 1, "workshop": {"title": "T", "agenda": [{"title": ""}, {"minutes": 5}]}}))
    library = tmp_path / "l.sqlite3"
    code, out, err = run(capsys, "--library", str(library), "import", str(bad))
    assert code == 1
    assert "Agenda item 1 has no title." in err
    assert "Agenda item 2 has no title." in err
    assert "Traceback" not in err
    lib = open_library(library)
    assert len(lib.list_workshops()) == 1  # only the demo: nothing half-imported
    lib.close()


def test_a_damaged_library_is_reported_and_left_alone(tmp_path, capsys):
    damaged = tmp_path / "lib.sqlite3"
    damaged.write_bytes(b"SQLite format 3\x00" + bytes(range(256)) * 40)
    before = damaged.read_bytes()
    code, out, err = run(capsys, "--library", str(damaged), "list")
    assert code == 1
    assert str(damaged) in err and "backups" in err.lower()
    assert damaged.read_bytes() == before


@pytest.mark.parametrize("args", [["lst"], ["export"], ["export", "x"], ["--bogus"], ["import"]])
def test_bad_arguments_give_one_line_and_exit_2(args, capsys):
    with pytest.raises(SystemExit) as stop:
        cli.main(args)
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1
    assert err.startswith("facilitator")
    assert "--help" in err


def test_python_dash_m_runs_the_same_command_line(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "facilitator", "--version"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0
    assert result.stdout.startswith("facilitator ")


def test_list_shows_one_line_per_workshop_even_with_tabs_and_newlines(tmp_path, capsys):
    path = tmp_path / "l.sqlite3"
    cli.open_app_library(path).close()
    lib = open_library(path)
    lib.add_workshop(Workshop("Two\nlines\tand a tab", agenda=[AgendaItem("a")]))
    lib.close()
    _, out, _ = run(capsys, "--library", str(path), "list")
    lines = out.rstrip("\n").split("\n")
    assert len(lines) == 2
    assert all(len(line.split("\t")) == 5 for line in lines)


def _espeak_missing() -> bool:
    import ctypes.util

    return ctypes.util.find_library("espeak-ng") is None and ctypes.util.find_library("espeak") is None


@pytest.mark.parametrize("args", [
    ["glossary", "advocate"],
    ["--library", "lib.sqlite3", "list"],
    ["check", "words.txt"],
    ["check", "--json", "words.txt"],
    pytest.param(["voices"], marks=pytest.mark.skipif(_espeak_missing(), reason="no espeak-ng here")),
])
def test_a_reader_that_has_gone_away_ends_a_command_quietly(tmp_path, args):
    (tmp_path / "words.txt").write_text("The council will facilitate a consultation.\n", encoding="utf-8")
    import os

    reading, writing = os.pipe()
    os.close(reading)  # nobody will read: the first write fails with a broken pipe
    try:
        done = subprocess.run(
            [sys.executable, "-m", "facilitator", *args], stdout=writing, stderr=subprocess.PIPE, cwd=tmp_path, timeout=120,
        )
    finally:
        os.close(writing)
    assert done.stderr.decode() == ""
    assert done.returncode == 0


def test_head_takes_the_first_line_and_the_command_says_nothing_more(tmp_path):
    import shlex
    import shutil

    if shutil.which("head") is None or shutil.which("bash") is None:
        pytest.skip("no head or bash here")
    # Far more findings than a pipe holds, so the checker is still writing when head has gone.
    (tmp_path / "words.txt").write_text("The council will facilitate a consultation.\n" * 3000, encoding="utf-8")
    command = f"set -o pipefail; {shlex.quote(sys.executable)} -m facilitator check words.txt | head -1"
    done = subprocess.run(["bash", "-c", command], capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert done.stderr == ""
    assert done.returncode == 0
    assert done.stdout.startswith("1:") and done.stdout.count("\n") == 1
