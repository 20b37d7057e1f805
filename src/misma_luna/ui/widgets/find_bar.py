"""A find bar for a QTextEdit: type, see every match highlighted and counted, step through.

It is hidden until Find is chosen; Escape hides it again and gives focus back to the text.
Matching ignores case and accents ("mexico" finds "México") on a folded copy of the text,
kept until the text changes; in a long text, typing waits for a pause before searching.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QKeyEvent, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTextEdit,
    QToolButton,
    QWidget,
)

from misma_luna.core.base.folding import find_all, fold_in_place
from misma_luna.core.base.i18n import _, ngettext
from misma_luna.ui.services.retranslating import Retranslating

# Texts longer than this (characters) are searched after a pause in typing, not at each key.
LONG_TEXT = 200_000
PAUSE_MS = 250
# The matches highlighted around the current one (all are counted).
HIGHLIGHTED = 400


class FindBar(Retranslating, QWidget):
    """Find-as-you-type over one QTextEdit's document."""

    def __init__(self, view: QTextEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._view = view
        self._matches: list[int] = []  # where each match starts in the document
        self._length = 0  # how long each match is
        self._current = -1
        # The view's document folded for search, and which document at which revision it
        # is (the view may show another document, or its document may change).
        self._folded = ""
        self._folded_from: tuple[QTextDocument, int] | None = None
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(PAUSE_MS)
        self._pause.timeout.connect(self.search)
        self.field = QLineEdit(self)
        self.field.setObjectName("findField")
        self.field.setClearButtonEnabled(True)
        self.field.textChanged.connect(self._typed)
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
        self.field.setAccessibleDescription(
            _(
                "Type words to find in the review, accents ignored. Enter or F3 goes to the "
                "next match, Shift+F3 to the previous one, Escape closes the bar."
            )
        )
        self._previous.setToolTip(_("Previous match"))
        self._previous.setAccessibleName(_("Previous match"))
        self._next.setToolTip(_("Next match"))
        self._next.setAccessibleName(_("Next match"))
        self._close.setToolTip(_("Close the find bar"))
        self._close.setAccessibleName(_("Close the find bar"))
        self._show_count()

    def follow_in_tab_order(self, widget: QWidget) -> None:
        """Come right after `widget` (the text it finds in) when Tab moves the focus: made
        after the panes around it, the bar would otherwise be reached last."""
        before = widget
        for stop in (self.field, self._previous, self._next, self._close):
            QWidget.setTabOrder(before, stop)
            before = stop

    def set_view(self, view: QTextEdit) -> None:
        """Find in `view` from now on (its matches are found again at the next search)."""
        self._view.setExtraSelections([])
        self._view = view

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

    def _typed(self) -> None:
        if self._view.document().characterCount() > LONG_TEXT:
            self._pause.start()
        else:
            self.search()

    def search(self, *_args: object) -> None:
        """Find every match of the field's text (any case, any accents) and highlight them."""
        self._pause.stop()
        document = self._view.document()
        shown = (document, document.revision())
        if self._folded_from != shown:  # another document, or this one changed
            self._folded = fold_in_place(document.toPlainText())
            self._folded_from = shown
        needle = fold_in_place(self.field.text())
        self._matches = find_all(self._folded, needle)
        self._length = len(needle)
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

    def _cursor(self, index: int) -> QTextCursor:
        """A cursor selecting match `index`."""
        cursor = QTextCursor(self._view.document())
        cursor.setPosition(self._matches[index])
        cursor.setPosition(self._matches[index] + self._length, QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def _highlight(self) -> None:
        selections = []
        first = max(0, self._current - HIGHLIGHTED // 2)
        for index in range(first, min(len(self._matches), first + HIGHLIGHTED)):
            selection = QTextEdit.ExtraSelection()
            selection.cursor = self._cursor(index)
            color = self.palette().highlight().color()
            if index != self._current:
                color = QColor(color.red(), color.green(), color.blue(), 70)
            selection.format.setBackground(color)
            if index == self._current:
                selection.format.setForeground(self.palette().highlightedText().color())
            selections.append(selection)
        self._view.setExtraSelections(selections)
        if self._current >= 0:
            self._bring_into_view(self._cursor(self._current))
        self._show_count()

    def _bring_into_view(self, match: QTextCursor) -> None:
        """Put the text cursor on `match` and scroll until the whole match shows, with a line
        of room around it (never left half-visible at the bottom edge)."""
        start = QTextCursor(match)
        start.clearSelection()
        self._view.setTextCursor(start)
        end = QTextCursor(match)
        end.setPosition(match.selectionEnd())
        top, bottom = self._view.cursorRect(start).top(), self._view.cursorRect(end).bottom()
        room = self._view.fontMetrics().height()
        height = self._view.viewport().height()
        bar = self._view.verticalScrollBar()
        if top < room or bottom > height - room:
            bar.setValue(bar.value() + top - height // 3)

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
