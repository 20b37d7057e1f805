"""A find bar for a QTextEdit: type, see every match highlighted and counted, step through.

It is hidden until Find is chosen; Escape hides it again and gives focus back to the text.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QKeyEvent, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTextEdit,
    QToolButton,
    QWidget,
)

from misma_luna.core.base.i18n import _, ngettext
from misma_luna.ui.services.retranslating import Retranslating


class FindBar(Retranslating, QWidget):
    """Find-as-you-type over one QTextEdit's document."""

    def __init__(self, view: QTextEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._view = view
        self._matches: list[QTextCursor] = []
        self._current = -1
        self.field = QLineEdit(self)
        self.field.setClearButtonEnabled(True)
        self.field.textChanged.connect(self.search)
        self.field.returnPressed.connect(self.next)
        self._previous = QToolButton(self)
        self._previous.setArrowType(Qt.ArrowType.UpArrow)
        self._previous.clicked.connect(self.previous)
        self._next = QToolButton(self)
        self._next.setArrowType(Qt.ArrowType.DownArrow)
        self._next.clicked.connect(self.next)
        self.count_label = QLabel(self)
        self._close = QToolButton(self)
        self._close.setText("✕")
        self._close.clicked.connect(self.close_bar)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        for widget in (self.field, self._previous, self._next, self.count_label):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addWidget(self._close)
        self.retranslate()
        self.hide()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
        else:
            super().keyPressEvent(event)

    def retranslate(self) -> None:
        """Texts in the active language."""
        self.field.setPlaceholderText(_("Find in the review"))
        self.field.setAccessibleName(_("Find in the review"))
        self._previous.setToolTip(_("Previous match"))
        self._previous.setAccessibleName(_("Previous match"))
        self._next.setToolTip(_("Next match"))
        self._next.setAccessibleName(_("Next match"))
        self._close.setToolTip(_("Close the find bar"))
        self._close.setAccessibleName(_("Close the find bar"))
        self._show_count()

    def open_bar(self) -> None:
        """Show the bar with the field focused and selected."""
        self.show()
        self.field.setFocus()
        self.field.selectAll()
        self.search()

    def close_bar(self) -> None:
        """Hide the bar and its highlights."""
        self.hide()
        self._view.setExtraSelections([])
        self._view.setFocus()

    def search(self, *_args: object) -> None:
        """Find every match of the field's text and highlight them."""
        self._matches = []
        needle = self.field.text()
        document = self._view.document()
        cursor = QTextCursor(document)
        while needle:
            cursor = document.find(needle, cursor, QTextDocument.FindFlag(0))
            if cursor.isNull():
                break
            self._matches.append(QTextCursor(cursor))
        self._current = 0 if self._matches else -1
        self._highlight()

    def next(self) -> None:
        """Go to the next match, wrapping around."""
        self._step(1)

    def previous(self) -> None:
        """Go to the previous match, wrapping around."""
        self._step(-1)

    def _step(self, delta: int) -> None:
        if not self.isVisible():
            self.open_bar()
            return
        if self._matches:
            self._current = (self._current + delta) % len(self._matches)
            self._highlight()

    def _highlight(self) -> None:
        selections = []
        for index, match in enumerate(self._matches):
            selection = QTextEdit.ExtraSelection()
            selection.cursor = match
            color = self.palette().highlight().color()
            if index != self._current:
                color = QColor(color.red(), color.green(), color.blue(), 70)
            selection.format.setBackground(color)
            if index == self._current:
                selection.format.setForeground(self.palette().highlightedText().color())
            selections.append(selection)
        self._view.setExtraSelections(selections)
        if self._current >= 0:
            cursor = QTextCursor(self._matches[self._current])
            cursor.clearSelection()
            self._view.setTextCursor(cursor)
            self._view.ensureCursorVisible()
        self._show_count()

    def _show_count(self) -> None:
        if not self.field.text():
            self.count_label.setText("")
        elif not self._matches:
            self.count_label.setText(_("No matches"))
        else:
            total = len(self._matches)
            self.count_label.setText(
                ngettext("{index} of {count} match", "{index} of {count} matches", total).format(
                    index=self._current + 1, count=total
                )
            )
