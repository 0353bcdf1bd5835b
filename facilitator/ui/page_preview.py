"""The print preview's pages: each drawn from the PDF only when it comes into view, and only the last few kept.

A summary of 1,000 decisions has about 200 pages. Drawing them all before
showing the first took seconds and kept a picture of every page (250 MB); here
a page is a frame of the page's size that draws itself when it is painted, from
a small store of the pages seen last.
"""

from __future__ import annotations

import math
import threading
from collections import OrderedDict

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap
from PySide6.QtWidgets import QFrame, QLabel

# pdfium is one library for the whole program and must not be used from two threads at once: every use
# (the print worker reading a new PDF's pages, the window drawing a page, printing) holds this lock.
PDFIUM = threading.Lock()
KEPT = 8  # pages kept drawn: more than a tall screen shows at once, so scrolling back is instant
BLANK = QColor("#F4F4F4")  # a page not drawn yet, for the moment before it is


def page_sizes(document, scale: float) -> tuple[tuple[int, int], ...]:
    """The size in pixels of each page of a pypdfium2 ``document`` drawn at ``scale`` (as pdfium rounds it)."""
    sizes = []
    for index in range(len(document)):
        width, height = document.get_page_size(index)
        sizes.append((math.ceil(width * scale), math.ceil(height * scale)))
    return tuple(sizes)


def page_image(document, index: int, scale: float) -> QImage:
    """Page ``index`` of a pypdfium2 ``document`` drawn at ``scale``, in memory of its own (pdfium's is freed)."""
    with PDFIUM:
        page = document[index]
        try:
            bitmap = page.render(scale=scale, rev_byteorder=True)
            try:
                data = bytes(bitmap.buffer)
                width, height, stride = bitmap.width, bitmap.height, bitmap.stride
            finally:
                bitmap.close()
        finally:
            page.close()
    # An image made on ``data`` only points at it: the copy has its own.
    return QImage(data, width, height, stride, QImage.Format.Format_RGB888).copy()


class DrawnPages:
    """The pages of one PDF drawn at ``scale``, on demand, keeping the ``kept`` drawn last."""

    def __init__(self, data: bytes, scale: float, kept: int = KEPT):
        self.data = data
        self.scale = scale
        self.kept = kept
        self.drawn = 0  # how many times a page has been drawn from the PDF
        self._document = None
        self._closed = False
        self._pixmaps: OrderedDict[int, QPixmap] = OrderedDict()

    def kept_pages(self) -> list[int]:
        """The pages (counted from 0) drawn and kept, the one seen last at the end."""
        return list(self._pixmaps)

    def pixmap(self, index: int) -> QPixmap | None:
        """Page ``index`` drawn; None once these pages are closed (a newer preview has replaced them)."""
        if self._closed:
            return None
        if index in self._pixmaps:
            self._pixmaps.move_to_end(index)
            return self._pixmaps[index]
        import pypdfium2

        if self._document is None:
            with PDFIUM:
                self._document = pypdfium2.PdfDocument(self.data)
        pixmap = QPixmap.fromImage(page_image(self._document, index, self.scale))
        self.drawn += 1
        self._pixmaps[index] = pixmap
        while len(self._pixmaps) > self.kept:
            self._pixmaps.popitem(last=False)
        return pixmap

    def close(self) -> None:
        self._closed = True
        self._pixmaps.clear()
        with PDFIUM:
            if self._document is not None:
                self._document.close()
                self._document = None


class PageView(QLabel):
    """One page of the preview: a framed box of the page's size, drawn when it is painted.

    A label with a picture, as screen readers knew the pages before ("Page 3", a graphic)."""

    _marker: QPixmap | None = None

    def __init__(self, pages: DrawnPages, index: int, size: tuple[int, int], name: str, parent=None):
        super().__init__(parent)
        self.pages = pages
        self.index = index
        self.setFrameShape(QFrame.Shape.Box)
        if PageView._marker is None:
            PageView._marker = QPixmap(1, 1)
            PageView._marker.fill(Qt.GlobalColor.transparent)
        self.setPixmap(PageView._marker)  # never drawn: it makes the label a graphic to screen readers
        frame = self.frameWidth()
        self.page_size = size
        self.setFixedSize(size[0] + 2 * frame, size[1] + 2 * frame)
        self.setAccessibleName(name)

    def page_image(self) -> QImage:
        """The page as it is drawn here (drawing it now if it is not kept)."""
        pixmap = self.pages.pixmap(self.index)
        return pixmap.toImage() if pixmap is not None else QImage()

    def paintEvent(self, event) -> None:
        QFrame.paintEvent(self, event)  # the frame only: the label's own picture is the marker
        painter = QPainter(self)
        inside = self.contentsRect()
        pixmap = self.pages.pixmap(self.index)
        if pixmap is None:
            painter.fillRect(inside, BLANK)
        else:
            painter.drawPixmap(QRect(inside.topLeft(), pixmap.size()), pixmap)
        painter.end()
