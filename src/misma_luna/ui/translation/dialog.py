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

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from misma_luna.core.base import formatting as fmt
from misma_luna.core.base.errors import MismaLunaError
from misma_luna.core.base.i18n import _, ngettext
from misma_luna.core.base.resources import bundled_film_dir
from misma_luna.core.film.package import FilmPackage
from misma_luna.core.film.translating import (
    Editable,
    Piece,
    PieceState,
    Progress,
    TranslationSession,
    editable,
)
from misma_luna.core.library.library import library_root
from misma_luna.ui.services.appearance.screen import resize_to_fit
from misma_luna.ui.services.context import AppContext
from misma_luna.ui.services.retranslating import Retranslating
from misma_luna.ui.translation.piece_model import (
    PART,
    SOURCE,
    STATE,
    NeedsWorkFilter,
    PieceTableModel,
    state_text,
)
from misma_luna.ui.widgets.plain_text import make_plain_box, plain_label

WINDOW_SIZE = (1000, 640)
# The list and the texts share the width two to three.
SPLIT_UNIT = 200
# How long after the last key the translation is written.
SAVE_DELAY_MS = 700


def progress_text(progress: Progress) -> str:
    """'12 of 15 paragraphs translated', and the film's details likewise when it has any."""
    blocks = ngettext(
        "{done} of {total} paragraph translated",
        "{done} of {total} paragraphs translated",
        progress.blocks,
    ).format(done=progress.blocks_done, total=progress.blocks)
    if not progress.fields:
        return blocks
    fields = ngettext(
        "{done} of {total} film detail translated",
        "{done} of {total} film details translated",
        progress.fields,
    ).format(done=progress.fields_done, total=progress.fields)
    # TRANSLATORS: the two counts of the translator, e.g. "12 of 15 paragraphs translated;
    # 3 of 4 film details translated".
    return _("{blocks}; {fields}").format(blocks=blocks, fields=fields)


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
        self._showing = False  # the editor is being filled, not typed in
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
        self.language_label = QLabel(self)
        self.language_box = QComboBox(self)
        self.language_box.setObjectName("translateLanguage")
        self.language_label.setBuddy(self.language_box)
        self.language_box.currentIndexChanged.connect(self._language_chosen)
        self.progress_label = plain_label(self)
        self.progress_label.setObjectName("translateProgress")
        self.notice = plain_label(self)
        self.notice.setObjectName("translateNotice")
        self.notice.setWordWrap(True)
        self.notice.setFrameShape(QLabel.Shape.StyledPanel)
        self.notice.setMargin(6)
        self.notice.hide()
        self.only_needed = QCheckBox(self)
        self.only_needed.setObjectName("translateOnlyNeeded")
        self.only_needed.toggled.connect(self._filter_toggled)
        self.model = PieceTableModel(self)
        self.proxy = NeedsWorkFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = self._make_table()
        self.source_label, self.source_view = self._text_box("translateSource", read_only=True)
        self.previous_label, self.previous_view = self._text_box("translatePrevious", True)
        self.translation_label, self.editor = self._text_box("translateEditor", read_only=False)
        self.editor.textChanged.connect(self._typed)
        self.editor.installEventFilter(self)  # Ctrl+Enter, which the editor would take
        self.save_state = plain_label(self)
        self.save_state.setObjectName("translateSaveState")
        self.save_state.setWordWrap(True)
        self.next_button = QPushButton(self)
        self.next_button.clicked.connect(self.save_and_next)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.save_and_next)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.close)
        self._lay_out()

    def _make_table(self) -> QTableView:
        table = QTableView(self)
        table.setObjectName("translatePieces")
        table.setModel(self.proxy)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(STATE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(PART, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(SOURCE, QHeaderView.ResizeMode.Stretch)
        table.selectionModel().currentRowChanged.connect(self._current_changed)
        return table

    def _text_box(self, name: str, read_only: bool) -> tuple[QLabel, QPlainTextEdit]:
        label = QLabel(self)
        box = QPlainTextEdit(self)
        box.setObjectName(name)
        box.setReadOnly(read_only)
        box.setTabChangesFocus(True)
        label.setBuddy(box)
        return label, box

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.language_label)
        top.addWidget(self.language_box)
        top.addSpacing(16)
        top.addWidget(self.progress_label, 1)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.only_needed)
        left_layout.addWidget(self.table)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        for label, box, stretch in (
            (self.source_label, self.source_view, 2),
            (self.previous_label, self.previous_view, 1),
            (self.translation_label, self.editor, 3),
        ):
            right_layout.addWidget(label)
            right_layout.addWidget(box, stretch)
        row = QHBoxLayout()
        row.addWidget(self.save_state, 1)
        row.addWidget(self.next_button)
        right_layout.addLayout(row)
        self.splitter = QSplitter(self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
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
        self.language_label.setText(_("Translate &into:"))
        self.only_needed.setText(_("&Only what is missing or outdated"))
        self.next_button.setText(_("Save and &Next"))
        self.next_button.setToolTip(
            _("Save this translation and go to the next piece (Ctrl+Enter)")
        )
        self.table.setAccessibleName(_("Pieces to translate"))
        self.source_view.setAccessibleName(_("Source text"))
        self.previous_view.setAccessibleName(_("Source text before it changed"))
        self.previous_label.setText(_("Before it changed (the translation was made from this):"))
        self.editor.setAccessibleName(_("Translation"))
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(_("Close"))
        self._describe()
        self._name_languages()
        self._show_labels()
        self._show_progress()
        self._show_notice()
        self.model.retranslate()  # the states and parts are words of the UI language

    def _describe(self) -> None:
        """What a screen reader says of each control besides its name."""
        self.language_box.setAccessibleName(_("Language of the translation"))
        self.language_box.setToolTip(
            _("The language being written; the list and the count of what is done follow it")
        )
        self.only_needed.setToolTip(_("Hide the pieces already translated and up to date"))
        self.table.setAccessibleDescription(
            _(
                "The review's paragraphs and the film's details, each with its state: done, "
                "missing or outdated. The arrow keys choose the piece shown on the right."
            )
        )
        self.source_view.setAccessibleDescription(
            _("The piece in the film's own language, as it stands now; read only.")
        )
        self.previous_view.setAccessibleDescription(
            _("The piece as it was when it was last translated, to compare; read only.")
        )
        self.editor.setAccessibleDescription(
            _(
                "The translation of the piece, saved a moment after the typing stops. "
                "Ctrl+Enter saves it and goes to the next piece."
            )
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setToolTip(
            _("Close the translator; what was typed is saved first")
        )

    def _name_languages(self) -> None:
        ui = self._context.language.language
        for index in range(self.language_box.count()):
            code = self.language_box.itemData(index)
            self.language_box.setItemText(index, fmt.language_name(code, ui))

    def _show_labels(self) -> None:
        ui = self._context.language.language
        film = self._context.film
        source = fmt.language_name(film.source_language, ui)
        target = fmt.language_name(self._language() or "", ui) if self._language() else ""
        # TRANSLATORS: {language} is the name of the film's own language, e.g. "English".
        self.source_label.setText(_("&Source ({language}):").format(language=source))
        # TRANSLATORS: {language} is the language being written, e.g. "Spanish".
        self.translation_label.setText(_("&Translation ({language}):").format(language=target))

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
        wanted = self._language() or self._context.language.language
        codes = sorted({*film.catalogs, *self._context.language.codes()} - {film.source_language})
        self.language_box.blockSignals(True)
        self.language_box.clear()
        for code in codes:
            self.language_box.addItem(code, code)
        self._name_languages()
        self.language_box.setCurrentIndex(codes.index(wanted) if wanted in codes else 0)
        self.language_box.blockSignals(False)
        self.language_box.setEnabled(len(codes) > 1)
        self._open_language()

    def _language(self) -> str | None:
        code = self.language_box.currentData()
        return code if isinstance(code, str) else None

    def _language_chosen(self, _index: int) -> None:
        if self.save_now() or self._ask_to_leave_unsaved():
            self._open_language()
        elif self.session is not None:  # the reader stays with the text not yet saved
            self.language_box.blockSignals(True)
            self.language_box.setCurrentIndex(self.language_box.findData(self.session.language))
            self.language_box.blockSignals(False)

    def _open_language(self) -> None:
        self._problem = ""
        self.session = None
        language = self._language()
        if language is not None:
            try:
                self.session = TranslationSession(self._context.film, language)
            except MismaLunaError as error:
                self._problem = error.message
        self.model.set_pieces(self.session.pieces if self.session else [])
        self.proxy.refilter()
        self._row = None
        self._show_piece(None)
        self._show_labels()
        self._show_progress()
        self._show_notice()
        self._select_first()

    def _select_first(self) -> None:
        if self.proxy.rowCount():
            self.table.setCurrentIndex(self.proxy.index(0, SOURCE))

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
        film = self._context.film
        if self._editable is Editable.BUNDLED:
            return _(
                "This film comes with Misma Luna and cannot be changed, so its translations "
                "are shown here as they are. Films you make or import into your library can "
                "be translated here."
            )
        if self._editable is Editable.OUTSIDE:
            return _(
                "This film was opened from {path}, outside your library, so its translations "
                "are shown but not saved. Import it into the library (File > Library) to "
                "translate it here."
            ).format(path=film.path)
        if self._editable is Editable.READ_ONLY:
            return _(
                "The folder {path} cannot be written to, so translations cannot be saved there."
            ).format(path=film.path)
        return ""

    def _show_progress(self) -> None:
        text = progress_text(self.session.progress()) if self.session else ""
        self.progress_label.setText(text)
        self.progress_label.setAccessibleName(text)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.save_now()
        row = self.proxy.mapToSource(current).row() if current.isValid() else -1
        self._row = row if row >= 0 else None
        self._show_piece(self.model.piece(row) if row >= 0 else None)

    def _show_piece(self, piece: Piece | None) -> None:
        self._showing = True
        self.source_view.setPlainText(piece.source if piece else "")
        previous = piece.previous_source if piece else None
        self.previous_view.setPlainText(previous or "")
        self.previous_label.setVisible(bool(previous))
        self.previous_view.setVisible(bool(previous))
        self.editor.setPlainText(piece.translation if piece else "")
        self.editor.setReadOnly(not self.writable or piece is None)
        self.next_button.setEnabled(piece is not None and self.writable)
        self._showing = False
        self._dirty = False
        self._show_state(piece)

    def _show_state(self, piece: Piece | None, problem: str = "") -> None:
        if problem:
            text = _("Not saved: {problem}. Your text is kept here; it is saved again as you "
                     "type.").format(problem=problem)  # fmt: skip
        elif piece is None:
            text = ""
        elif piece.state is PieceState.OUTDATED:
            text = _(
                "Outdated: the source changed after this was translated. Edit it, or press "
                "Ctrl+Enter to keep it as it is."
            )
        else:
            text = state_text(piece.state)
        self.save_state.setText(text)

    # -- saving

    def _typed(self) -> None:
        if self._showing or not self.writable or self._row is None:
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
            self._show_state(session.pieces[row], error.message)
            return False
        self.model.replace(row, piece)
        self._show_progress()
        self._show_state(piece)
        self._context.session.update_content(film)
        return True

    def save_and_next(self) -> None:
        """Save the piece shown (confirming it) and show the next one."""
        if self._row is None or not self.save_now(confirm=True):
            return
        current = self.proxy.mapFromSource(self.model.index(self._row, SOURCE)).row()
        following = [
            self.proxy.mapToSource(self.proxy.index(r, SOURCE)).row()
            for r in range(current + 1, self.proxy.rowCount())
        ]
        self.proxy.refilter()
        for row in following:
            index = self.proxy.mapFromSource(self.model.index(row, SOURCE))
            if index.isValid():
                self.table.setCurrentIndex(index)
                break
        self.editor.setFocus()

    def _filter_toggled(self, only: bool) -> None:
        self.save_now()
        shown = self._row
        self.proxy.set_only_needed(only)
        index = QModelIndex()
        if shown is not None:
            index = self.proxy.mapFromSource(self.model.index(shown, SOURCE))
        if index.isValid():
            self.table.setCurrentIndex(index)
        else:
            self._select_first()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if (
            watched is self.editor
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.save_and_next()
            return True
        return super().eventFilter(watched, event)

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
        box = QMessageBox(QMessageBox.Icon.Warning, _("Translation not saved"), "", parent=self)
        make_plain_box(box).setText(
            _("What you typed could not be saved to {path}. Leave it unsaved?").format(
                path=self.session.path
            )
        )
        leave = box.addButton(_("Leave Unsaved"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(_("Keep Editing"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        return box.clickedButton() is leave
