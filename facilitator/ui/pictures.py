"""Pictures on screen: OpenMoji SVGs and own photos drawn at any size, with a placeholder.

``PictureStore`` is the one place the windows get a picture from (the planner,
the projector and ``facilitator slides`` all draw through ``pixmap``). Every
picture, OpenMoji's and the library's own (also those kept before pictures
were checked), passes the one gate (``facilitator.pictures.safe``) before Qt
sees its bytes; the checked pictures are kept by id so drawing stays fast. It
keeps drawn pictures in a small cache, and when a picture is missing or fails
the gate it draws a plain frame with a question mark and says why
(``problem``), so nothing fails silently.
"""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen, QPixmap
from PySide6.QtSvg import QSvgRenderer

from facilitator.core.library import Library
from facilitator.core.model import ItemKind
from facilitator.i18n import _
from facilitator.pictures.catalogue import KIND_PICTURES, Picture, PictureCatalogue
from facilitator.pictures.own import OWN_PREFIX, OwnPicture, PictureRefused, read_own_picture
from facilitator.pictures.safe import SafePicture, SafePictures

CACHE_SIZE = 600


class PictureStore:
    def __init__(self, catalogue: PictureCatalogue, library: Library):
        self.catalogue = catalogue
        self.library = library
        self._cache: OrderedDict[tuple[str, int], QPixmap] = OrderedDict()
        self._broken: set[str] = set()
        self._safe = SafePictures()
        self.refresh_own()

    def refresh_own(self) -> None:
        """Read the library's own pictures again (after one is added or removed)."""
        self.catalogue.set_own_pictures(self.library.picture_names())
        self._cache.clear()
        self._broken.clear()
        self._safe.clear()

    def ref_for(self, picture: str, kind: ItemKind | None = None) -> str:
        """The picture to show: the chosen one, or the kind's own when none was chosen."""
        if not picture.strip() and kind is not None:
            return KIND_PICTURES[kind]
        return picture

    def resolve(self, ref: str) -> Picture | None:
        return self.catalogue.resolve(ref)

    def words(self, ref: str) -> str:
        """Words that say what the picture shows, for screen readers and tooltips."""
        found = self.resolve(ref)
        return found.words if found else ""

    def problem(self, ref: str) -> str | None:
        """Why a picture cannot be shown, in plain words; None when it can."""
        if not ref.strip():
            return None
        found = self.resolve(ref)
        if found is None:
            if ref.startswith(OWN_PREFIX):
                return _("This picture is no longer in the library. Choose another picture.")
            return _("There is no picture called “{name}”. Choose another picture.").format(name=ref)
        if ref in self._broken or found.key in self._broken:
            return _("The picture file for “{name}” cannot be read. Choose another picture.").format(name=found.words)
        return None

    def pixmap(self, ref: str, size: int) -> QPixmap:
        """The picture drawn in a square of ``size`` pixels (a placeholder when it cannot be)."""
        key = (ref, size)
        if key in self._cache:
            self._cache.move_to_end(key)
            return self._cache[key]
        image = self._draw(ref, size)
        pixmap = QPixmap.fromImage(image)
        self._cache[key] = pixmap
        if len(self._cache) > CACHE_SIZE:
            self._cache.popitem(last=False)
        return pixmap

    def _draw(self, ref: str, size: int) -> QImage:
        found = self.resolve(ref) if ref.strip() else None
        image = None
        if found is not None:
            safe = self.safe(found)
            image = _render_own(safe, size) if safe is not None else None
            if image is None:
                self._broken.add(found.key)
        return image if image is not None else placeholder(size, blank=not ref.strip())

    def safe(self, found: Picture) -> SafePicture | None:
        """The picture as the gate lets it be drawn (read and checked once); None when it is missing or fails."""
        if found.source == "openmoji":
            return self._safe.get("openmoji:" + found.key, self.catalogue.openmoji.path(found.key).read_bytes)

        def read() -> bytes | None:
            own = self.library.picture(found.key)
            return own.data if own is not None else None

        return self._safe.get("own:" + found.key, read)


def _render_svg(renderer: QSvgRenderer, size: int) -> QImage | None:
    if not renderer.isValid():
        return None
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    box = QSize(renderer.defaultSize())
    box.scale(size, size, Qt.AspectRatioMode.KeepAspectRatio)
    renderer.render(painter, QRectF((size - box.width()) / 2, (size - box.height()) / 2, box.width(), box.height()))
    painter.end()
    return image


def _render_own(safe: SafePicture, size: int) -> QImage | None:
    if safe.format == "svg":
        return _render_svg(QSvgRenderer(QByteArray(safe.data)), size)
    photo = QImage.fromData(safe.data)
    if photo.isNull():
        return None
    photo = photo.scaled(size, size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.drawImage((size - photo.width()) // 2, (size - photo.height()) // 2, photo)
    painter.end()
    return image


def placeholder(size: int, blank: bool = False) -> QImage:
    """A dashed frame; with a question mark when a picture should be there but is not."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(QColor("#6B6B6B"), max(1.5, size / 32), Qt.PenStyle.DashLine)
    painter.setPen(pen)
    margin = size * 0.08
    painter.drawRoundedRect(QRectF(margin, margin, size - 2 * margin, size - 2 * margin), size / 10, size / 10)
    if not blank:
        font = QFont()
        font.setPixelSize(max(8, int(size * 0.5)))
        font.setBold(True)
        painter.setFont(font)
        painter.drawText(QRectF(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, "?")
    painter.end()
    return image


def prepare_own_picture(path) -> OwnPicture:
    """Read a picture file for the library: checked by the one gate (big photos made smaller, SVGs cleaned).

    Raises ``PictureRefused`` with a plain message when the file cannot be used.
    """
    picture = read_own_picture(path)
    safe = SafePicture(picture.format, picture.data)
    if _render_own(safe, 16) is None:  # the gate passed it, yet Qt cannot draw it
        raise PictureRefused(_("The picture in {name} cannot be read. The file may be damaged.").format(name=picture.name))
    return picture
