"""Autosave of the note being edited: debounced writes, and what happened to the last one.

It knows which note the editor holds (or the film and anchor of a note not written yet),
writes through `NotesStore`, and announces success or failure; a failed write keeps the
text dirty so the next change (or focus change) tries again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from misma_luna.core.notes.note import Anchor, Note
from misma_luna.core.notes.store import NotesError, NotesStore

AUTOSAVE_MS = 600  # the issue allows at most one second between typing and disk


class NoteSaver(QObject):
    """Debounced, retried saving of one note's text."""

    listChanged = Signal()  # noqa: N815 (Qt naming); a note was created or deleted
    noteSaved = Signal(object)  # noqa: N815 (Qt naming); the saved Note
    statusChanged = Signal()  # noqa: N815 (Qt naming); saved_at or error changed

    def __init__(self, store: NotesStore, text: Callable[[], str], parent: QObject) -> None:
        super().__init__(parent)
        self._store = store
        self._text = text
        self.note: Note | None = None
        self.film_id = ""
        self.pending_anchor: Anchor | None = None
        self.dirty = False
        self.saved_at: dt.datetime | None = None
        self.error: NotesError | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_MS)
        self._timer.timeout.connect(self.flush)

    def load(self, note: Note | None, film_id: str, anchor: Anchor | None = None) -> None:
        """Edit `note` now (None: a new note for `film_id`, pinned to `anchor`)."""
        self.note = note
        self.film_id = note.film_id if note else film_id
        self.pending_anchor = None if note else anchor
        self.dirty = False

    @property
    def anchor(self) -> Anchor | None:
        """Where the note being edited is (or will be) pinned."""
        return self.note.anchor if self.note else self.pending_anchor

    def changed(self) -> None:
        """The text changed: save soon (and again after a failure)."""
        self.dirty = True
        self._timer.start()

    def flush(self) -> bool:
        """Save now if the text changed; False (text kept, still dirty) when saving failed."""
        self._timer.stop()
        if not self.dirty or self._store.read_only:
            return True
        try:
            self._write(self._text())
        except NotesError as error:
            self.error = error
            self.statusChanged.emit()
            return False
        self.dirty = False
        self.error = None
        self.saved_at = dt.datetime.now()
        self.statusChanged.emit()
        return True

    def _write(self, body: str) -> None:
        if self.note is None:
            if body.strip():
                self.note = self._store.add(self.film_id, body, self.pending_anchor)
                self.pending_anchor = None
                self.listChanged.emit()
        elif not body.strip():
            self._store.delete(self.note.id)  # emptying a note removes it
            self.pending_anchor = self.note.anchor
            self.note = None
            self.listChanged.emit()
        else:
            self.note = self._store.save(self.note, body)
            self.noteSaved.emit(self.note)
