"""The notes pane: beside the review, where the reader writes, finds and revisits notes.

Typing autosaves (debounced, and on focus change, film change and window close); a
failed save keeps the text, says so without blocking, and is retried at the next change.
The pane talks to `NotesStore` only; anchors come from `context.reading`, and the shell
wires its markers and the review's marker clicks (`markersChanged`, `select_note`).
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QSignalBlocker, Qt, QUrl, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from misma_luna.core.base import formatting as fmt
from misma_luna.core.base.i18n import _, ngettext
from misma_luna.core.notes.note import Anchor, Note
from misma_luna.ui.notes.list_model import NoteEditor, NotesListModel, NoteView, shorten
from misma_luna.ui.notes.saver import AUTOSAVE_MS, NoteSaver
from misma_luna.ui.services.context import AppContext
from misma_luna.ui.services.retranslating import Retranslating
from misma_luna.ui.widgets.link_dialog import confirm_and_open_link
from misma_luna.ui.widgets.plain_text import plain_label

__all__ = ["AUTOSAVE_MS", "NotesPane"]  # the autosave delay lives with the saver


class NotesPane(Retranslating, QWidget):
    """The current film's notes (or all notes), an editor, search and the save status."""

    # The review blocks that have a note: block id -> the id of the note a marker selects.
    markersChanged = Signal(dict)  # noqa: N815 (Qt naming)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._store = context.notes
        self.markers: dict[str, int] = {}  # as last announced by `markersChanged`
        self.setObjectName("notesPane")
        self._loading = False
        self._build()
        self.saver = NoteSaver(self._store, self.editor.toPlainText, self)
        self.saver.listChanged.connect(self.refresh)
        self.saver.noteSaved.connect(self.model.replace)
        self.saver.statusChanged.connect(self._show_status)
        context.session.filmChanged.connect(self._film_changed)
        self._connect_actions()
        self.retranslate()
        self._show_note(None)
        # The list and its count (a number in the reader's language) can follow the first paint.
        context.startup.later(self.refresh)

    # -- construction

    def _build(self) -> None:
        self.heading = self._label("notesHeading")
        self.heading.setStyleSheet("font-weight:600;")
        # Banners take their colours from the palette, so they read in light and dark alike.
        self.banner = self._banner("notesReadOnlyBanner", QPalette.ColorRole.ToolTipBase)
        self.banner.setVisible(self._store.read_only)
        self.search_field = QLineEdit(self)
        self.search_field.setObjectName("notesSearch")
        self.search_field.setClearButtonEnabled(True)
        self.search_field.textChanged.connect(self.refresh)
        self.all_films = QCheckBox(self)
        self.all_films.setObjectName("notesAllFilms")
        self.all_films.toggled.connect(self.refresh)
        self.count_label = self._label("notesCount")
        self.model = NotesListModel(self)
        self.list_view = QListView(self)
        self.list_view.setObjectName("notesList")
        self.list_view.setModel(self.model)
        self.list_view.setWordWrap(True)
        self.list_view.setAlternatingRowColors(True)
        self.list_view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.list_view.clicked.connect(
            lambda index: self.go_to_anchor(self.model.note_at(index.row()))
        )
        self.new_button = QToolButton(self)
        self.new_button.setObjectName("notesNew")
        self.new_button.clicked.connect(lambda: self.start_note(None))
        self.new_button.setEnabled(not self._store.read_only)
        self.anchor_label = self._label("notesAnchor")
        self.editor = NoteEditor(self)
        self.editor.setObjectName("notesEditor")
        self.editor.setReadOnly(self._store.read_only)
        self.editor.textChanged.connect(self._text_changed)
        self.editor.focusLost.connect(self._editor_left)
        self.viewer = NoteView(self)
        self.viewer.setObjectName("notesView")
        self.viewer.setOpenLinks(False)
        self.viewer.anchorClicked.connect(self._open_link)
        self.viewer.editRequested.connect(self.edit)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.editor)
        self.stack.addWidget(self.viewer)
        self.warning = self._banner("notesSaveWarning", QPalette.ColorRole.Highlight)
        self.warning.hide()
        self.status = self._label("notesStatus")
        self._lay_out()

    def _label(self, name: str) -> QLabel:
        label = plain_label(self)  # passages and file names shown as written, never as HTML
        label.setObjectName(name)
        label.setWordWrap(True)
        return label

    def _banner(self, name: str, background: QPalette.ColorRole) -> QLabel:
        """A label on a filled background of the palette, with the text colour paired to it."""
        label = self._label(name)
        text = {
            QPalette.ColorRole.ToolTipBase: QPalette.ColorRole.ToolTipText,
            QPalette.ColorRole.Highlight: QPalette.ColorRole.HighlightedText,
        }[background]
        label.setBackgroundRole(background)
        label.setForegroundRole(text)
        label.setAutoFillBackground(True)
        label.setMargin(6)
        return label

    def _lay_out(self) -> None:
        scope = QHBoxLayout()
        scope.addWidget(self.all_films)
        scope.addStretch(1)
        scope.addWidget(self.count_label)
        heading = QHBoxLayout()
        heading.addWidget(self.anchor_label, 1)
        heading.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        for part in (self.heading, self.banner, self.search_field):
            layout.addWidget(part)
        layout.addLayout(scope)
        layout.addWidget(self.list_view, 2)
        layout.addLayout(heading)
        layout.addWidget(self.stack, 3)
        layout.addWidget(self.warning)
        layout.addWidget(self.status)

    def _connect_actions(self) -> None:
        actions = self._context.actions
        wiring = {
            "notes.add": self.add_note_here,
            "notes.focus": self.focus_editor,
            "notes.search": self.focus_search,
        }
        for action_id, slot in wiring.items():
            actions[action_id].triggered.connect(slot)
        actions["notes.add"].setEnabled(not self._store.read_only)
        actions["file.export_notes"].triggered.connect(self.export)

    # -- language

    def retranslate(self) -> None:
        """Every text of the pane in the active language (the notes themselves stay as typed)."""
        self.heading.setText(_("Notes"))
        self.setAccessibleName(_("Notes"))
        self.setAccessibleDescription(
            _(
                "Your notes, kept on this computer: a search field, the list of notes and the "
                "editor. Ctrl+Shift+N starts a note pinned to the passage or subtitle at the "
                "cursor."
            )
        )
        self.banner.setText(self._read_only_reason())
        self.search_field.setPlaceholderText(_("Search notes"))
        self.search_field.setAccessibleName(_("Search notes"))
        self.search_field.setAccessibleDescription(
            _("Type words to find in your notes, accents ignored; the list shows the notes found.")
        )
        self.all_films.setText(_("All films"))
        self.all_films.setAccessibleName(_("Show the notes of all films"))
        self.all_films.setAccessibleDescription(
            _("When checked, the list shows the notes of every film, not only this one.")
        )
        self.new_button.setText(_("New note"))
        self.new_button.setAccessibleName(_("New note"))
        self.new_button.setAccessibleDescription(
            _("Starts a note pinned to the passage or subtitle at the cursor (Ctrl+Shift+N).")
        )
        self.viewer.setAccessibleName(_("Note"))
        self.viewer.setAccessibleDescription(_("The selected note, formatted, to read."))
        if self._store.read_only:
            self.editor.setPlaceholderText(self._read_only_reason())
        else:
            self.editor.setPlaceholderText(
                _("Write a note… (Markdown: *italic*, **bold**, - lists)")
            )
        self.editor.setAccessibleName(_("Note editor"))
        self.editor.setAccessibleDescription(
            _(
                "Write or change the selected note; *italic*, **bold** and lists starting with "
                "a dash work. It is saved as you type."
            )
        )
        self.list_view.setAccessibleName(_("Notes"))
        self.list_view.setAccessibleDescription(
            _("Your notes, each with the passage it is pinned to; select one to read or change it.")
        )
        self.model.retranslate()
        self._show_anchor()
        self._context.startup.later(self._show_count)  # a number in babel's locale data
        self._show_status()

    def _read_only_reason(self) -> str:
        """Why the notes cannot be edited here, in the words the reader needs."""
        if self._store.report.newer_version is not None:
            return _("These notes were saved by a newer version of Misma Luna: read-only here.")
        if self._context.notes_held_elsewhere:
            return _(
                "Another Misma Luna window is open and keeps your notes. Here they are "
                "read-only: write them in the other window."
            )
        return _(
            "Your notes folder cannot be written to (a read-only or full disk?), so your "
            "notes are read-only here: {folder}"
        ).format(folder=self._store.path.parent)

    # -- listing and searching

    def refresh(self, *_args: object) -> None:
        """List the notes of the current film (or all films) that match the search."""
        film = None if self.all_films.isChecked() else self._context.film.id
        text = self.search_field.text()
        notes = self._store.search(text, film)  # every note (as a preview) for no words
        self.model.set_notes(notes, show_film=film is None)
        current = self.saver.note
        self._select_row(self.model.row_of(current.id) if current else -1)
        self._show_count()
        self._update_markers()

    def _show_count(self) -> None:
        count = self.model.rowCount()
        if self.search_field.text().strip():
            # TRANSLATORS: how many notes match the search.
            text = ngettext("{count} note found", "{count} notes found", count)
        else:
            text = ngettext("{count} note", "{count} notes", count)
        self.count_label.setText(text.format(count=fmt.format_number(count, self._language())))

    def _update_markers(self) -> None:
        pinned = {
            n.anchor.id: n.id
            for n in reversed(self._store.previews(self._context.film.id))
            if n.anchor is not None and n.anchor.kind == "block"
        }
        self.markers = pinned
        self.markersChanged.emit(pinned)

    def _select_row(self, row: int) -> None:
        self._loading = True
        try:
            if row < 0:
                self.list_view.clearSelection()
            else:
                self.list_view.setCurrentIndex(self.model.index(row))
        finally:
            self._loading = False

    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        if self._loading or not selected.indexes():
            return
        note = self.model.note_at(selected.indexes()[0].row())
        current = self.saver.note
        if note is not None and (current is None or note.id != current.id):
            self.flush()
            self._show_note(self._store.get(note.id) or note)

    def select_note(self, note_id: int) -> None:
        """Show note `note_id` in the list and the editor (a marker in the review was clicked)."""
        self.flush()
        if self.model.row_of(note_id) < 0:
            self.search_field.clear()
            self.all_films.setChecked(False)
        note = self._store.get(note_id)
        if note is not None:
            self._show_note(note)
            self._select_row(self.model.row_of(note_id))
        self._bring_forward()

    def go_to_anchor(self, note: Note | None) -> None:
        """Scroll the review (or the subtitles) to where `note` is pinned."""
        if note is not None and note.anchor is not None and note.film_id == self._context.film.id:
            self._context.reading.scroll_to(note.anchor)

    # -- editing

    def _show_note(self, note: Note | None, anchor: Anchor | None = None) -> None:
        self._loading = True
        try:
            self.editor.setPlainText(note.body if note else "")
        finally:
            self._loading = False
        self.saver.load(note, self._context.film.id, anchor)
        self._show_anchor()
        if note is not None and note.body.strip():
            self.show_formatted()
        else:
            self.stack.setCurrentWidget(self.editor)

    def start_note(self, anchor: Anchor | None) -> None:
        """Begin a new note (pinned to `anchor` when given) and put the cursor in it."""
        self.flush()
        self._show_note(None, anchor)
        self._select_row(-1)
        self.focus_editor()

    def add_note_here(self) -> None:
        """Start a note pinned to the review passage or subtitle row at the cursor."""
        self.start_note(self._context.reading.anchor_here())

    def edit(self) -> None:
        """Show the editor instead of the formatted note."""
        self.stack.setCurrentWidget(self.editor)
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_formatted(self) -> None:
        """Show the note formatted (light Markdown) instead of the editor."""
        self.viewer.show_markdown(self.editor.toPlainText())
        self.stack.setCurrentWidget(self.viewer)

    def focus_editor(self) -> None:
        """Bring the pane back if hidden and put the cursor in the editor."""
        self._bring_forward()
        self.edit()

    def focus_search(self) -> None:
        """Bring the pane back if hidden and put the cursor in the search field."""
        self._bring_forward()
        self.search_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_field.selectAll()

    def _bring_forward(self) -> None:
        """Show the pane if the reader hid it (View > Notes Pane), through the menu's check."""
        self._context.actions["view.notes"].setChecked(True)

    def _show_anchor(self) -> None:
        anchor = self.saver.anchor
        if anchor is None:
            self.anchor_label.setText(_("Note not pinned to a passage"))
        else:
            passage = shorten(anchor.quote, 70)
            self.anchor_label.setText(_("Pinned to “{passage}”").format(passage=passage))

    def _text_changed(self) -> None:
        if self._loading:
            return
        self.saver.changed()

    def _editor_left(self) -> None:
        self.flush()
        if self.editor.toPlainText().strip() and self.saver.error is None:
            self.show_formatted()

    # -- saving

    def flush(self) -> bool:
        """Save the editor's text now if it changed; False (text kept) when saving failed."""
        return self.saver.flush()

    def _show_status(self) -> None:
        error = self.saver.error
        if error is not None:
            self.warning.setText(
                _("Not saved: {problem}. Your text stays here, and saving is tried again "
                  "at every change.").format(problem=error.message)
            )  # fmt: skip
            self.warning.show()
        else:
            self.warning.hide()
        if self.saver.saved_at is None:
            self.status.setText("")
            return
        when = fmt.format_time(self.saver.saved_at, self._language())
        # TRANSLATORS: {time} is a time of day, e.g. "10:42".
        self.status.setText(_("Saved at {time}").format(time=when))

    @property
    def dirty(self) -> bool:
        """True while the editor holds text not yet saved."""
        return self.saver.dirty

    # -- film change

    def _film_changed(self, *_args: object) -> None:
        self.flush()
        self._show_note(None)
        with QSignalBlocker(self.search_field):  # a search of the last film starts over
            self.search_field.clear()
        self.saver.saved_at = None  # "Saved at" spoke of the last film's note
        self._show_status()
        self.refresh()

    def export(self) -> None:
        """File → Export notes…: the notes on show (this film's, or all) to a file."""
        self.flush()
        from misma_luna.ui.notes.export_dialog import ask_and_export  # noqa: PLC0415 (on first export only)

        written = ask_and_export(self.window(), self._context, self.all_films.isChecked())
        if written is not None:
            self.status.setText(_("Notes exported to {path}").format(path=written))

    def _open_link(self, url: QUrl) -> None:
        confirm_and_open_link(self, url)

    def _language(self) -> str:
        return self._context.language.language
