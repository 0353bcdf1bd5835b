"""facilitator slides: every participant screen of a workshop saved as a PNG, as projected."""

import json

import pytest
from PySide6.QtGui import QImage

from facilitator.cli import main
from facilitator.core import exchange
from facilitator.core.demo import demo_workshop
from facilitator.core.model import AgendaItem, ItemKind, Workshop
from facilitator.session.themes import THEMES
from facilitator.ui.presenter.slides import file_name, parse_size


@pytest.fixture
def demo_file(tmp_path, library):
    group, workshop = demo_workshop()
    library.add_group(group)
    library.add_workshop(workshop)
    return exchange.export_workshop(library, workshop.id, tmp_path / "demo.json"), workshop


def test_every_screen_is_saved_in_order_at_the_size_asked_for(demo_file, tmp_path, capsys):
    path, workshop = demo_file
    out = tmp_path / "slides"
    assert main(["slides", str(path), "-o", str(out), "--theme", "black", "--size", "1280x720"]) == 0
    names = sorted(p.name for p in out.iterdir())
    assert len(names) == len(workshop.agenda) + 2  # the welcome, each item, the end
    assert names[0].startswith("01-") and names[-1] == f"{len(names):02d}-thank-you-for-coming.png"
    assert names[3] == "04-what-happened-since-last-time.png"
    for name in names:
        image = QImage(str(out / name))
        assert (image.width(), image.height()) == (1280, 720)
    # The black theme: the corner is the theme's background.
    corner = QImage(str(out / names[1])).pixelColor(2, 2).name()
    assert corner == THEMES["black"].background.lower()
    assert f"Saved {len(names)} screens" in capsys.readouterr().out


def test_a_break_on_the_agenda_is_a_break_screen_with_its_planned_end(tmp_path, library, capsys):
    import datetime as dt

    workshop = Workshop("Short day", start_time=dt.time(10, 0), agenda=[
        AgendaItem("Talk", minutes=20), AgendaItem("Tea", minutes=15, kind=ItemKind.BREAK)])
    library.add_workshop(workshop)
    path = exchange.export_workshop(library, workshop.id, tmp_path / "w.json")
    out = tmp_path / "s"
    assert main(["slides", str(path), "-o", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["01-short-day.png", "02-talk.png", "03-tea.png", "04-thank-you-for-coming.png"]


@pytest.mark.parametrize("size", ["big", "1920", "100x100", "99999x5"])
def test_a_size_that_cannot_be_drawn_is_refused_with_a_message(demo_file, tmp_path, capsys, size):
    path, _workshop = demo_file
    assert main(["slides", str(path), "-o", str(tmp_path / "o"), "--size", size]) == 2
    assert "size" in capsys.readouterr().err
    assert not (tmp_path / "o").exists()


def test_a_file_that_is_not_a_workshop_says_why(tmp_path, capsys):
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"format": 2, "workshop": {"agenda": "no"}}))
    assert main(["slides", str(bad), "-o", str(tmp_path / "o")]) == 1
    err = capsys.readouterr().err
    assert "Cannot read" in err and "has no title" in err


def test_sizes_and_file_names():
    assert parse_size("1920x1080") == (1920, 1080)
    assert parse_size(" 1280 × 720 ") == (1280, 720)
    assert file_name(3, "Café & cake: what's next?") == "03-cafe-cake-what-s-next.png"
    assert file_name(12, "😀😀") == "12-screen.png"
