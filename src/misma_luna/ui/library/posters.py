"""Posters for the library's list: a package's image, read within a size cap and scaled to
a thumbnail; an image that is too large, damaged or not an image gives None, and the list
shows the film's initial instead.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QImageReader, QPixmap

from misma_luna.core.library.posters import read_poster

THUMBNAIL = QSize(24, 34)
# An image wider or taller than this is not decoded (a poster is a few thousand pixels).
MAX_SIDE = 8000


def poster_thumbnail(path: Path, size: QSize = THUMBNAIL) -> QPixmap | None:
    """The poster at `path` scaled to fit `size`, or None when it cannot be shown."""
    data = read_poster(path)
    if not data:
        return None
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    full = reader.size()
    if not full.isValid() or max(full.width(), full.height()) > MAX_SIDE:
        return None
    reader.setScaledSize(full.scaled(size, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    return None if image.isNull() else QPixmap.fromImage(image)
