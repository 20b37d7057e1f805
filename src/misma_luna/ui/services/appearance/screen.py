"""How big a window may be: the screen's available area, less a margin for the frame.

The main window, Print Preview and every dialog ask here, so that each one fits a
1366x768 school laptop as well as a large screen.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

# Room left for the window manager's title bar and borders.
FRAME_MARGIN = QSize(16, 48)


def available_size(widget: QWidget | None = None) -> QSize:
    """The available area of the screen `widget` is on (else the primary screen)."""
    screen = widget.screen() if widget is not None else None
    screen = screen or QGuiApplication.primaryScreen()
    if screen is None:
        return QSize(1024, 700)
    return screen.availableGeometry().size()


def fitted(wanted: QSize, available: QSize) -> QSize:
    """`wanted`, made small enough that it and its frame fit in `available`."""
    room = available - FRAME_MARGIN
    return QSize(
        max(1, min(wanted.width(), room.width())), max(1, min(wanted.height(), room.height()))
    )


def resize_to_fit(widget: QWidget, width: int, height: int) -> None:
    """Resize `widget` to `width` x `height`, or less where its screen is smaller."""
    widget.resize(fitted(QSize(width, height), available_size(widget)))
