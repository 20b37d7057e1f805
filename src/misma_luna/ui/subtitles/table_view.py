"""The subtitles table: one QTableView, cue text painted as rich text (italics) by a delegate.

No widget is built per row: the delegate paints visible cells only, and row heights come
from font metrics. The font follows the review pane's zoom steps.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QFont,
    QKeyEvent,
    QPalette,
    QTextDocument,
    QTextOption,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from misma_luna.ui.services.appearance.zoom import scale
from misma_luna.ui.subtitles.table_model import (
    LEFT_COLUMN,
    MARKUP_ROLE,
    QUIET_CLASS,
    RIGHT_COLUMN,
    TIME_COLUMN,
)

if TYPE_CHECKING:
    from PySide6.QtGui import QPainter

BASE_POINT_SIZE = 11.5
PADDING = 5
Index = QModelIndex | QPersistentModelIndex


class CueDelegate(QStyledItemDelegate):
    """Paints a cell from its markup (escaped text, `<i>`, `<br>`), times and cues alike, so
    that every column's text starts at the same padding and shares one baseline."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        markup = index.data(MARKUP_ROLE)
        if markup is None:
            super().paint(painter, option, index)
            return
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        item.text = ""
        widget = option.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, item, painter, widget)
        rect: QRect = option.rect
        alignment = index.data(Qt.ItemDataRole.TextAlignmentRole)
        right = bool(alignment) and bool(int(alignment) & Qt.AlignmentFlag.AlignRight.value)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        # Marks of how a row matched are quiet: the palette's muted text, or the selection's.
        quiet = (
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.PlaceholderText
        )
        muted = option.palette.color(quiet).name()
        document = _document(str(markup), option.font, rect.width(), right, muted)
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette.setColor(
            QPalette.ColorRole.Text,
            option.palette.color(role),
        )
        painter.save()
        painter.translate(rect.topLeft())
        painter.setClipRect(QRect(0, 0, rect.width(), rect.height()))
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802
        text = index.data(Qt.ItemDataRole.DisplayRole)
        if not text:
            return super().sizeHint(option, index)
        metrics = option.fontMetrics
        if index.column() == TIME_COLUMN:  # one line, padded as `paint` pads it
            width = metrics.horizontalAdvance(str(text)) + 2 * PADDING + 2
            return QSize(width, metrics.height() + 2 * PADDING + 2)
        view = self.parent()
        width = view.columnWidth(index.column()) if isinstance(view, QTableView) else 300
        bounds = QRect(0, 0, max(width - 2 * PADDING, 20), 100_000)
        flags = int(Qt.TextFlag.TextWordWrap)
        height = metrics.boundingRect(bounds, flags, str(text)).height()
        return QSize(width, height + 2 * PADDING + 2)


def _document(
    markup: str, font: QFont, width: int, right: bool = False, muted: str | None = None
) -> QTextDocument:
    document = QTextDocument()
    document.setDefaultFont(font)
    if muted is not None and QUIET_CLASS in markup:
        document.setDefaultStyleSheet(f".{QUIET_CLASS} {{ color: {muted}; }}")
    document.setDocumentMargin(PADDING)
    if right:
        document.setDefaultTextOption(QTextOption(Qt.AlignmentFlag.AlignRight))
    document.setHtml(markup)
    document.setTextWidth(width)
    return document


class SubtitlesTable(QTableView):
    """The paired rows: time column sized to fit, text columns sharing the rest."""

    chosen = Signal(int)  # Enter on a row: the row number
    escaped = Signal()  # Esc in the table

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("subtitlesTable")
        self.setItemDelegate(CueDelegate(self))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.verticalHeader().hide()
        self._zoom = 0
        self._relayout = QTimer(self)
        self._relayout.setSingleShot(True)
        self._relayout.setInterval(0)
        self._relayout.timeout.connect(self.resizeRowsToContents)
        self.horizontalHeader().sectionResized.connect(self._text_column_resized)

    def setModel(self, model: object) -> None:  # noqa: N802 (Qt override)
        super().setModel(model)  # type: ignore[arg-type]
        header = self.horizontalHeader()
        header.setSectionResizeMode(TIME_COLUMN, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(LEFT_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(RIGHT_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.model().modelReset.connect(self.schedule_relayout)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.chosen.emit(self.currentIndex().row())
            event.accept()
            return
        if event.key() == Qt.Key.Key_Escape:
            self.escaped.emit()
        super().keyPressEvent(event)

    def schedule_relayout(self) -> None:
        """Recompute row heights once the event loop is free (coalesces many requests)."""
        self._relayout.start()

    def _text_column_resized(self, column: int, _old: int, _new: int) -> None:
        if column != TIME_COLUMN:
            self.schedule_relayout()

    @property
    def zoom(self) -> int:
        """Zoom steps away from the normal size."""
        return self._zoom

    def set_zoom(self, steps: int) -> None:
        """Scale the table's font by the shared zoom's steps (`context.zoom`)."""
        self._zoom = steps
        font = QFont(self.font())
        font.setPointSizeF(BASE_POINT_SIZE * scale(steps))
        self.setFont(font)
        self.schedule_relayout()
