"""Film > Translate…: each review block and film field beside its translation, saved as typed.

The list on the left marks what is missing or outdated (in words and with an icon); the
right side shows the source, read-only, the old source when it changed, and the translation
being written. Typing saves a moment after the last key, or on moving to another piece;
Ctrl+Enter saves (confirming an outdated translation as it stands) and goes to the next.
Each save writes the package's `i18n/<lang>.po` whole, then hands the updated film to
`context.session.update_content`, so the reading panes show it at once. Only the library's
own packages are written; any other film is shown read-only, with the reason.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from misma_luna.core.base import formatting as fmt
from misma_luna.core.base.errors import MismaLunaError
from misma_luna.core.base.i18n import _
from misma_luna.core.base.resources import bundled_film_dir
from misma_luna.core.film.package import FilmPackage
from misma_luna.core.film.translating import Editable, Piece, TranslationSession, editable
from misma_luna.core.library.library import library_root
from misma_luna.ui.services.appearance.screen import resize_to_fit
from misma_luna.ui.services.context import AppContext
from misma_luna.ui.services.retranslating import Retranslating
from misma_luna.ui.translation.language_choice import LanguageChoice
from misma_luna.ui.translation.leaving import ask_to_leave_unsaved
from misma_luna.ui.translation.piece_editor import PieceEditor
from misma_luna.ui.translation.piece_list import PieceList
from misma_luna.ui.translation.wording import progress_text, read_only_reason
from misma_luna.ui.widgets.plain_text import plain_label

WINDOW_SIZE = (1000, 640)
# The list and the texts share the width two to three.
SPLIT_UNIT = 200
# How long after the last key the translation is written.
SAVE_DELAY_MS = 700


class TranslateDialog(Retranslating, QDialog):
    """The film on screen, one language at a time, piece by piece."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("translateDialog")
        self._context = context
        self.session: TranslationSession | None = None
        self._editable = Editable.YES
        self._row: int | None = None  # the source row shown on the right
        self._dirty = False  # the editor holds typing not yet handed to the session
        self._stale = True  # the film changed while the dialog was hidden
        self._problem = ""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self.save_now)
        self._build()
        resize_to_fit(self, *WINDOW_SIZE)
        context.session.filmChanged.connect(self._film_changed)
        self.retranslate()

    # -- construction

    def _build(self) -> None:
        self.languages = LanguageChoice(self)
        self.language_box = self.languages.box
        self.language_box.currentIndexChanged.connect(self._language_chosen)
        self.progress_label = plain_label(self)
        self.progress_label.setObjectName("translateProgress")
        self.notice = plain_label(self)
        self.notice.setObjectName("translateNotice")
        self.notice.setWordWrap(True)
        self.notice.setFrameShape(QLabel.Shape.StyledPanel)
        self.notice.setMargin(6)
        self.notice.hide()
        self.piece_list = PieceList(self)
        self.piece_list.pieceChosen.connect(self._piece_chosen)
        self.piece_list.only_needed.toggled.connect(self._filter_toggled)
        self.piece_editor = PieceEditor(self)
        self.piece_editor.typed.connect(self._typed)
        self.piece_editor.nextWanted.connect(self.save_and_next)
        # The parts of both sides the dialog (and its tests) reach for, by their old names.
        self.model, self.proxy = self.piece_list.model, self.piece_list.proxy
        self.only_needed = self.piece_list.only_needed
        self.editor = self.piece_editor.editor
        self.previous_view = self.piece_editor.previous_view
        self.save_state = self.piece_editor.save_state
        self.next_button = self.piece_editor.next_button
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.save_and_next)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.close)
        self._lay_out()

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.languages.label)
        top.addWidget(self.language_box)
        top.addSpacing(16)
        top.addWidget(self.progress_label, 1)
        self.splitter = QSplitter(self)
        self.splitter.addWidget(self.piece_list)
        self.splitter.addWidget(self.piece_editor)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([2 * SPLIT_UNIT, 3 * SPLIT_UNIT])
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.notice)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.buttons)

    # -- language

    def retranslate(self) -> None:
        """Every label in the active language (the pieces' own text stays as written)."""
        self.setWindowTitle(_("Translate the Film"))
        close = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(_("Close"))
        close.setToolTip(_("Close the translator; what was typed is saved first"))
        self.languages.retranslate(self._context.language.language)
        self._show_labels()
        self._show_progress()
        self._show_notice()
        self.piece_editor.retranslate()
        self.piece_list.retranslate()

    def _show_labels(self) -> None:
        ui = self._context.language.language
        film = self._context.film
        source = fmt.language_name(film.source_language, ui)
        language = self.languages.current()
        target = fmt.language_name(language, ui) if language else ""
        self.piece_editor.name_languages(source, target)

    # -- the film and the language

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        if self._stale:
            self.load()
        super().showEvent(event)

    def _film_changed(self, _film: FilmPackage) -> None:
        self.save_now()
        self._stale = True
        if self.isVisible():
            self.load()

    def load(self) -> None:
        """Read the film on screen again: its languages, the reader's rights, its pieces."""
        self._stale = False
        film = self._context.film
        root = self._context.library_root or library_root(self._context.data_dir)
        self._editable = editable(film, root, bundled_film_dir())
        ui = self._context.language.language
        wanted = self.languages.current() or ui
        codes = sorted({*film.catalogs, *self._context.language.codes()} - {film.source_language})
        self.languages.offer(codes, wanted, ui)
        self._open_language()

    def _language_chosen(self, _index: int) -> None:
        if self.save_now() or self._ask_to_leave_unsaved():
            self._open_language()
        elif self.session is not None:  # the reader stays with the text not yet saved
            self.languages.go_back_to(self.session.language)

    def _open_language(self) -> None:
        self._problem = ""
        self.session = None
        language = self.languages.current()
        if language is not None:
            try:
                self.session = TranslationSession(self._context.film, language)
            except MismaLunaError as error:
                self._problem = error.message
        self.piece_list.set_pieces(self.session.pieces if self.session else [])
        self._row = None
        self._show_piece(None)
        self._show_labels()
        self._show_progress()
        self._show_notice()
        self.piece_list.select_first()

    @property
    def writable(self) -> bool:
        """Whether typing here is saved into the package."""
        return self.session is not None and self._editable is Editable.YES

    # -- showing

    def _show_notice(self) -> None:
        text = self._problem or self._read_only_reason()
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def _read_only_reason(self) -> str:
        return read_only_reason(self._editable, self._context.film.path)

    def _show_progress(self) -> None:
        text = progress_text(self.session.progress()) if self.session else ""
        self.progress_label.setText(text)
        self.progress_label.setAccessibleName(text)

    def _piece_chosen(self, row: int) -> None:
        self.save_now()
        self._row = row if row >= 0 else None
        self._show_piece(self.model.piece(row) if row >= 0 else None)

    def _show_piece(self, piece: Piece | None) -> None:
        self.piece_editor.show_piece(piece, self.writable)
        self._dirty = False

    # -- saving

    def _typed(self) -> None:
        if not self.writable or self._row is None:
            return
        self._dirty = True
        self._timer.start()

    def save_now(self, confirm: bool = False) -> bool:
        """Write what was typed (or, with `confirm`, the piece as it stands); False when the
        file could not be written (the text stays in the editor and the session)."""
        self._timer.stop()
        session, row = self.session, self._row
        if session is None or row is None or not self.writable:
            return True
        if not (self._dirty or confirm or session.unsaved):
            return True
        self._dirty = False
        try:
            piece = session.save(row, self.editor.toPlainText())
            film = session.updated_film()
        except MismaLunaError as error:
            self.model.replace(row, session.pieces[row])
            self.piece_editor.show_state(session.pieces[row], error.message)
            return False
        self.model.replace(row, piece)
        self._show_progress()
        self.piece_editor.show_state(piece)
        self._context.session.update_content(film)
        return True

    def save_and_next(self) -> None:
        """Save the piece shown (confirming it) and show the next one."""
        if self._row is None or not self.save_now(confirm=True):
            return
        self.piece_list.select_after(self._row)
        self.editor.setFocus()

    def _filter_toggled(self, only: bool) -> None:
        self.save_now()
        self.piece_list.show_only_needed(only, self._row)

    # -- closing

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        if self.save_now() or self._ask_to_leave_unsaved():
            super().closeEvent(event)
        else:
            event.ignore()

    def _ask_to_leave_unsaved(self) -> bool:
        """Whether the reader leaves a translation the file could not take (asked first)."""
        if self.session is None or not self.session.unsaved:
            return True
        return ask_to_leave_unsaved(self, self.session.path)
