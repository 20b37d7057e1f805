"""Drag and drop as the desktop does it: files as URLs, an enter event, then a drop."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QWidget

COPY = Qt.DropAction.CopyAction
LEFT = Qt.MouseButton.LeftButton
NO_KEYS = Qt.KeyboardModifier.NoModifier


def files(*paths: Path) -> QMimeData:
    """What a file manager hands over when files are dragged."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    return mime


def drag_enter(widget: QWidget, mime: QMimeData) -> QDragEnterEvent:
    """Drag `mime` over `widget`; the returned event says whether it was accepted."""
    event = QDragEnterEvent(QPoint(40, 30), COPY, mime, LEFT, NO_KEYS)
    QApplication.sendEvent(widget, event)
    return event


def drop(widget: QWidget, mime: QMimeData) -> QDropEvent:
    """Drop `mime` on `widget`."""
    event = QDropEvent(QPointF(40, 30), COPY, mime, LEFT, NO_KEYS)
    QApplication.sendEvent(widget, event)
    return event
