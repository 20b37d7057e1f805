"""A block of read-only rich text in a page that scrolls as a whole: as tall as its text at
the width it is given, with no scroll bar or frame of its own.

A word-wrapped rich-text QLabel lays its whole text out again at every size question a
layout asks (a scroll area asks several, at two widths, on each change). Here each width
is laid out once per text: the width shown on the block's own document, which is painted
so anyway, any other on a copy kept for measuring.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QFrame, QSizePolicy, QTextBrowser, QWidget

MINIMUM_WIDTH = 80  # it wraps down to this; the page gives it its width


class TextBlock(QTextBrowser):
    """Read-only rich text sized to its text; the caller escapes every outside word in it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        # A caret the keyboard moves (and selects with), as in the notes: the page around
        # the block scrolls to keep it in view, the block having no scroll bar of its own.
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextBrowserInteraction
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.viewport().setAutoFillBackground(False)  # the page's background shows through
        self.document().setDocumentMargin(0)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self._measure: QTextDocument | None = None  # a copy for other widths, made if asked
        self._heights: dict[int, int] = {}

    def set_html(self, html: str) -> None:
        """Show `html` (already escaped) and let the page make room for it."""
        self.setHtml(html)
        self._measure_again()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # the text size changed: other heights
            self._measure_again()

    def _measure_again(self) -> None:
        if self._measure is not None:
            self._measure.deleteLater()
            self._measure = None
        self._heights.clear()
        self.updateGeometry()

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt override)
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt override)
        if width not in self._heights:
            laid_out = self._laid_out_at(max(width, MINIMUM_WIDTH))
            self._heights[width] = round(laid_out.size().height())
        return self._heights[width]

    def _laid_out_at(self, width: int) -> QTextDocument:
        """The text laid out at `width`: the block's own document when it is at that width
        already (it is painted so), else the copy kept for measuring."""
        own = self.document()
        if own.textWidth() == width:
            return own
        if self._measure is None:
            self._measure = own.clone(self)
        self._measure.setTextWidth(width)
        return self._measure

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        width = max(self.width(), MINIMUM_WIDTH)
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(MINIMUM_WIDTH, 0)
