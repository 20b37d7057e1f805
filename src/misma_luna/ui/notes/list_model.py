"""The notes list's model and the two faces of a note: the editor and the formatted view.

The model holds `core.notes.note.Note` objects handed to it by the pane (it never touches the
store); the view shows a note's light Markdown formatted, and asks to edit when clicked.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QUrl,
    Signal,
)
from PySide6.QtGui import QFocusEvent, QKeyEvent, QMouseEvent, QTextDocument
from PySide6.QtWidgets import QPlainTextEdit, QTextBrowser, QWidget

from misma_luna.core.base.i18n import _
from misma_luna.core.notes.note import Note
from misma_luna.core.review.markdown import plain_text
from misma_luna.ui.widgets.plain_text import plain_tooltip

NOTE_ROLE = Qt.ItemDataRole.UserRole + 1
SUMMARY_CHARS = 80
Index = QModelIndex | QPersistentModelIndex


def shorten(text: str, limit: int = SUMMARY_CHARS) -> str:
    """`text` on one line, cut at a word with an ellipsis when longer than `limit`."""
    line = " ".join(text.split())
    if len(line) <= limit:
        return line
    return line[:limit].rsplit(" ", 1)[0] + "…"


class NotesListModel(QAbstractListModel):
    """The notes on show, in reading order: first words, and the passage each is pinned to."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._notes: list[Note] = []
        self._show_film = False

    def set_notes(self, notes: list[Note], show_film: bool = False) -> None:
        """Show `notes` (already in reading order)."""
        self.beginResetModel()
        self._notes = list(notes)
        self._show_film = show_film
        self.endResetModel()

    def notes(self) -> list[Note]:
        """The notes on show."""
        return list(self._notes)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 (Qt override)
        return 0 if parent.isValid() else len(self._notes)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._notes):
            return None
        note = self._notes[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._summary(note)
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(note.anchor.quote) if note.anchor else _("Not pinned to a passage")
        if role == NOTE_ROLE:
            return note
        return None

    def _summary(self, note: Note) -> str:
        first = shorten(plain_text(note.body)) or _("(empty note)")
        if note.anchor is not None:
            # TRANSLATORS: second line of a note in the list: the passage it is pinned to.
            where = _("On “{passage}”").format(passage=shorten(note.anchor.quote, 60))
        else:
            where = _("Not pinned to a passage")
        if self._show_film:
            where = f"{note.film_id} · {where}"
        return f"{first}\n{where}"

    def row_of(self, note_id: int) -> int:
        """The row showing note `note_id`, or -1."""
        return next((row for row, n in enumerate(self._notes) if n.id == note_id), -1)

    def note_at(self, row: int) -> Note | None:
        """The note in `row`, if any."""
        return self._notes[row] if 0 <= row < len(self._notes) else None

    def replace(self, note: Note) -> bool:
        """Show the new state of a note already listed; False when it is not listed."""
        row = self.row_of(note.id)
        if row < 0:
            return False
        self._notes[row] = note
        self.dataChanged.emit(self.index(row), self.index(row))
        return True

    def retranslate(self) -> None:
        """Redraw every row in the active language."""
        if self._notes:
            self.dataChanged.emit(self.index(0), self.index(len(self._notes) - 1))


class NoteEditor(QPlainTextEdit):
    """Plain-text editing of a note (undo/redo built in); tells when it loses focus."""

    focusLost = Signal()  # noqa: N815 (Qt naming)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)  # Tab moves on to the next control: no keyboard trap

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 (Qt override)
        super().focusOutEvent(event)
        if event.reason() != Qt.FocusReason.PopupFocusReason:
            self.focusLost.emit()


class NoteView(QTextBrowser):
    """A note's light Markdown, formatted; a click or a key asks for the editor."""

    editRequested = Signal()  # noqa: N815 (Qt naming)

    def show_markdown(self, text: str) -> None:
        """Render `text` as Markdown with raw HTML shown as text."""
        features = (
            QTextDocument.MarkdownFeature.MarkdownDialectGitHub
            | QTextDocument.MarkdownFeature.MarkdownNoHTML
        )
        self.document().setMarkdown(text, features)

    def loadResource(self, kind: int, name: QUrl | str) -> object:  # noqa: N802 (Qt override)
        """No bytes: a note's images are never read (one at /dev/zero would never end); an
        empty answer, as nothing at all would make Qt read the file itself."""
        return QByteArray()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        if not self.anchorAt(event.position().toPoint()):
            self.editRequested.emit()
            return
        super().mousePressEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        if (event.text() and event.text().isprintable()) or event.key() == Qt.Key.Key_Return:
            self.editRequested.emit()
            return
        super().keyPressEvent(event)
