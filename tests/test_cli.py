"""The command line: list, export, import, version, and its error messages."""

import functools
import json
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from facilitator import cli
from facilitator.core import exchange
from facilitator.core.library import open_library
from facilitator.core.model import AgendaItem, Workshop
from tests.core.samples import full_workshop


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


def test_list_never_sends_a_title_s_control_characters_to_the_terminal(tmp_path, capsys):
    path = tmp_path / "l.sqlite3"
    lib = open_library(path)
    lib.add_workshop(Workshop("Clear \x1b[2J\x1b]0;owned\x07 screen\r", agenda=[AgendaItem("a")]))
    lib.close()
    _, out, _ = run(capsys, "--library", str(path), "list")
    assert "\x1b" not in out and "\x07" not in out and "\r" not in out
    assert "Clear" in out and "screen" in out


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


# -- import: any file, any library, one plain message and nothing changed ---------------------------


def library_bytes(path) -> bytes:
    """The library file and its write-ahead log, as they are on disk."""
    wal = path.with_name(path.name + "-wal")
    return path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


def a_library(tmp_path):
    path = tmp_path / "lib.sqlite3"
    cli.open_app_library(path).close()
    return path


def hostile_files(tmp_path) -> dict[str, str]:
    good = json.loads(json.dumps(exchange.workshop_document(full_workshop(), None)))
    surrogate = json.loads(json.dumps(good))
    surrogate["workshop"]["agenda"][0]["title"] = "Welcome \ud800"
    files = {
        "surrogate.json": json.dumps(surrogate).encode("ascii"),
        "digits.json": json.dumps(good).replace('"minutes": 15', '"minutes": ' + "9" * 5000).encode(),
        "nan.json": json.dumps(good).replace('"minutes": 15', '"minutes": NaN').encode(),
        "twice.json": b'{"format": 3, "workshop": {"title": "A", "title": "B"}}',
        "deep.json": b'{"format": 3, "workshop": {"title": ' + b"[" * 50_000 + b"]" * 50_000 + b"}}",
    }
    for name, raw in files.items():
        (tmp_path / name).write_bytes(raw)
    folder = tmp_path / "folder.json"
    folder.mkdir()
    names = {name: str(tmp_path / name) for name in [*files, folder.name]}
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "pipe.json")
        names["pipe.json"] = str(tmp_path / "pipe.json")
    if Path("/dev/zero").exists():
        names["zero"] = "/dev/zero"
    return names


def test_import_of_any_hostile_file_says_so_plainly_and_leaves_the_library_as_it_was(tmp_path, capsys):
    library = a_library(tmp_path)
    before = library_bytes(library)
    for name, path in hostile_files(tmp_path).items():
        started = time.perf_counter()
        code, out, err = run(capsys, "--library", str(library), "import", path)
        assert code == 1, name
        assert err.startswith(f"Cannot import {path}:\n  "), (name, err)
        assert "Traceback" not in err and "Error" not in err, (name, err)
        assert out == ""
        assert time.perf_counter() - started < 5, name
        assert library_bytes(library) == before, name


@pytest.mark.parametrize("command", [["print", "summary"], ["slides"]])
def test_print_and_slides_of_a_hostile_file_say_so_plainly(tmp_path, capsys, command):
    for name, path in hostile_files(tmp_path).items():
        code, out, err = run(capsys, *command, path, "-o", str(tmp_path / "out"))
        assert code == 1, name
        assert err.startswith(f"Cannot read {path}:\n  "), (name, err)
        assert "Traceback" not in err, (name, err)
    assert not (tmp_path / "out").exists()


def test_import_while_another_program_is_using_the_library_says_so_and_adds_nothing(tmp_path, capsys, monkeypatch):
    library = a_library(tmp_path)
    exported = tmp_path / "out.json"
    exported.write_text(json.dumps(exchange.workshop_document(full_workshop(), None)), encoding="utf-8")
    run(capsys, "--library", str(library), "list")  # today's backup is made, so the next run only reads
    monkeypatch.setattr(cli, "open_app_library", functools.partial(cli.open_app_library, wait=0.1))
    other = sqlite3.connect(library, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        code, out, err = run(capsys, "--library", str(library), "import", str(exported))
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert code == 1
    assert err == (
        f"Cannot import {exported}:\n  This could not be saved: Another program is using the library.\n"
        "  Nothing was imported.\n"
    )
    code, out, err = run(capsys, "--library", str(library), "list")
    assert len(out.strip().splitlines()) == 1  # the demo only
    code, out, err = run(capsys, "--library", str(library), "import", str(exported))
    assert code == 0, err  # and once the other program is done, it imports


def test_an_imported_title_is_shown_without_its_control_characters(tmp_path, capsys):
    library = a_library(tmp_path)
    exported = tmp_path / "out.json"
    doc = exchange.workshop_document(full_workshop(title="Bus\x1b[2J passes\r"), None)
    exported.write_text(json.dumps(doc), encoding="utf-8")
    code, out, err = run(capsys, "--library", str(library), "import", str(exported))
    assert code == 0, err
    assert out.startswith("Imported “Bus\ufffd[2J passes\ufffd” (")
    lib = open_library(library)
    assert lib.load_workshop(doc["workshop"]["id"]).title == "Bus\x1b[2J passes\r"  # kept as the file said
    lib.close()
