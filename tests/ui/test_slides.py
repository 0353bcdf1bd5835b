"""facilitator slides: every participant screen of a workshop saved as a PNG, as projected."""

import io
import json
import subprocess
import sys
from collections import Counter

import pytest
from PIL import Image, ImageChops
from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QColor, QImage, QLinearGradient, QPainter

from facilitator.cli import main
from facilitator.core import exchange
from facilitator.core.demo import demo_workshop
from facilitator.core.model import AgendaItem, ItemKind, Workshop
from facilitator.session.themes import THEMES
from facilitator.ui import pictures
from facilitator.ui.presenter import slides
from facilitator.ui.presenter.slides import file_name, parse_size, png_bytes


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


# -- quick PNGs, the same pixels, written whole (issue 27) --------------------------------------------


def painted_screen(width, height) -> QImage:
    """A picture with smooth colours, words and a thin line: everything a slide can hold."""
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#FFF8DC"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    shade = QLinearGradient(0, 0, width, height)
    shade.setColorAt(0, QColor("#1F4E8C"))
    shade.setColorAt(1, QColor("#E8A317"))
    painter.fillRect(0, 0, width // 2, height, shade)
    painter.drawEllipse(width // 3, 5, width // 2, height - 10)
    painter.drawText(10, height // 2, "Tea break · Amser te")
    painter.end()
    return image


def same_pixels(first: QImage, second: QImage) -> bool:
    return first.convertToFormat(QImage.Format.Format_RGB32) == second.convertToFormat(QImage.Format.Format_RGB32)


@pytest.mark.parametrize("size", [(321, 181), (640, 360)])  # 321 wide: each row of the copy ends in padding
def test_a_png_keeps_every_pixel_and_is_a_whole_file(size):
    image = painted_screen(*size)
    data = png_bytes(image)
    assert same_pixels(QImage.fromData(data, "PNG"), image)
    with Image.open(io.BytesIO(data)) as opened:
        opened.verify()  # every chunk's check sum
    with Image.open(io.BytesIO(data)) as opened:
        assert (opened.mode, opened.size) == ("RGB", size)
        assert opened.info["dpi"] == pytest.approx((96, 96), abs=0.1)  # the pixel size Qt writes, kept
    # The same pixels as Qt's own PNG writer saved before.
    qt_data = QByteArray()
    buffer = QBuffer(qt_data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert image.save(buffer, "PNG")
    with Image.open(io.BytesIO(data)) as ours, Image.open(io.BytesIO(bytes(qt_data))) as qts:
        assert ImageChops.difference(ours.convert("RGB"), qts.convert("RGB")).getbbox() is None


def test_every_slide_has_the_pixels_of_the_screen_as_painted(demo_file, tmp_path, monkeypatch):
    path, _workshop = demo_file
    painted = {}
    real_write = slides.write_png

    def keep(image, target):
        painted[target.name] = QImage(image)
        real_write(image, target)

    monkeypatch.setattr(slides, "write_png", keep)
    out = tmp_path / "slides"
    assert main(["slides", str(path), "-o", str(out), "--size", "800x450"]) == 0
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted(painted) and len(names) > 10  # only whole slides: nothing left under another name
    for name in names:
        assert same_pixels(QImage(str(out / name)), painted[name]), name


def test_a_picture_is_drawn_once_for_all_the_slides(demo_file, tmp_path, monkeypatch):
    path, _workshop = demo_file
    stores, asked, drawn = [], Counter(), Counter()

    class CountedStore(pictures.PictureStore):
        def __init__(self, *args):
            super().__init__(*args)
            stores.append(self)

        def pixmap(self, ref, size):
            asked[ref, size] += 1
            return super().pixmap(ref, size)

        def _draw(self, ref, size):
            drawn[ref, size] += 1
            return super()._draw(ref, size)

    monkeypatch.setattr(pictures, "PictureStore", CountedStore)
    assert main(["slides", str(path), "-o", str(tmp_path / "slides"), "--size", "960x540"]) == 0
    assert len(stores) == 1  # one store for the whole workshop
    assert drawn and set(drawn.values()) == {1}  # each picture drawn once at each size
    assert set(drawn) == set(asked)
    assert sum(asked.values()) > 2 * len(drawn)  # and shown again and again (the strip of what is next)


def test_a_slide_that_cannot_be_written_is_named_and_no_part_of_it_is_left(demo_file, tmp_path, capsys):
    path, _workshop = demo_file
    out = tmp_path / "slides"
    in_the_way = out / "03-getting-to-know-each-other.png"
    in_the_way.mkdir(parents=True)  # a folder where the third slide goes
    assert main(["slides", str(path), "-o", str(out), "--size", "640x360"]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"Cannot write {in_the_way}: ") and err.endswith(".\n")
    assert in_the_way.is_dir() and not any(in_the_way.iterdir())
    left = [p for p in out.iterdir() if p != in_the_way]
    assert {"01-planning-the-new-day-centre-together.png", "02-welcome.png"} <= {p.name for p in left}
    for picture in left:  # only whole PNGs, each under its own name
        assert picture.suffix == ".png"
        with Image.open(picture) as opened:
            opened.verify()


@pytest.mark.skipif(sys.platform != "linux", reason="the size limit on files written is the shell's, on Linux")
def test_a_write_cut_off_halfway_leaves_no_png_looking_whole(demo_file, tmp_path):
    """The disk filling up, as near as a test can: no file may grow past 32 kB, each slide is bigger."""
    path, _workshop = demo_file
    out = tmp_path / "slides"
    out.mkdir()
    limited = 'trap "" XFSZ; ulimit -f 32; exec "$0" "$@"'  # writing past the limit fails, and is not fatal
    done = subprocess.run(
        ["sh", "-c", limited, sys.executable, "-m", "facilitator", "slides", str(path), "-o", str(out)],
        capture_output=True, text=True, timeout=120, cwd=tmp_path,
    )
    assert done.returncode == 1, done.stderr
    assert done.stderr.startswith(f"Cannot write {out / '01-planning-the-new-day-centre-together.png'}: ")
    assert list(out.iterdir()) == []  # neither a cut-off PNG nor its part under another name


def test_once_a_slide_fails_the_first_is_told_and_no_more_are_taken(tmp_path):
    missing = tmp_path / "not here"
    writer = slides.SlideWriter((320, 180), workers=2)
    image = painted_screen(320, 180)
    taken = [writer.save(image, missing / f"{number:02d}.png") for number in range(1, 9)]
    writer.finish()
    assert writer.failed == (missing / "01.png", "No such file or directory")
    assert taken[0] and not all(taken)  # it stopped taking screens once it knew
    assert not writer.save(image, tmp_path / "later.png") and not (tmp_path / "later.png").exists()


def test_screens_waiting_to_be_written_fit_in_memory():
    for size, workers, most in (((1920, 1080), 2, 3), ((3840, 2160), 4, 4), ((7680, 4320), 4, 1)):
        writer = slides.SlideWriter(size, workers=workers)
        writer.finish()
        assert writer.most_waiting == most
