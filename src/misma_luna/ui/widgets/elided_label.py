"""A one-line label that shortens what it paints when its row is narrow."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QLabel, QWidget

from misma_luna.ui.widgets.plain_text import set_plain_tooltip

if TYPE_CHECKING:
    from PySide6.QtGui import QPaintEvent


class ElidedLabel(QLabel):
    """A plain-text label that paints `Bajo…es.srt` when narrow, so the controls beside it keep
    their room; `text()` stays whole, and so does the tooltip, which `setText` sets to it."""

    def __init__(self, mode: Qt.TextElideMode, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._mode = mode
        self.setTextFormat(Qt.TextFormat.PlainText)

    def setText(self, text: str) -> None:  # noqa: N802 (Qt API)
        """Hold `text` whole, and say it whole in the tooltip (set another one after this)."""
        super().setText(text)
        set_plain_tooltip(self, text)

    def clear(self) -> None:
        """No text, and no tooltip either."""
        self.setText("")

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        hint = super().minimumSizeHint()
        ellipsis = self.fontMetrics().horizontalAdvance("…") + 2  # the least that still shows
        return QSize(min(hint.width(), ellipsis), hint.height())

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 (Qt override)

        rect = self.contentsRect()
        shown = self.fontMetrics().elidedText(self.text(), self._mode, rect.width())
        painter = QPainter(self)  # the label's own font and text colour
        painter.drawText(rect, int(self.alignment()), shown)
        painter.end()
