"""The translator's right side: the piece's source, its old source when it changed, and the
translation being written, with what became of the last save and the Save and Next button.

`PieceEditor` shows one piece; the dialog decides what is saved and when.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from misma_luna.core.base.i18n import _
from misma_luna.core.film.translating import Piece, PieceState
from misma_luna.ui.translation.piece_model import state_text
from misma_luna.ui.widgets.plain_text import plain_label


class PieceEditor(QWidget):
    """One piece: its source, read-only, beside the translation the reader types."""

    typed = Signal()  # the reader changed the translation (not the editor being filled)
    nextWanted = Signal()  # noqa: N815 (Qt naming); Ctrl+Enter or Save and Next

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._showing = False  # the editor is being filled, not typed in
        self.source_label, self.source_view = self._text_box("translateSource", read_only=True)
        self.previous_label, self.previous_view = self._text_box("translatePrevious", True)
        self.translation_label, self.editor = self._text_box("translateEditor", read_only=False)
        self.editor.textChanged.connect(self._changed)
        self.editor.installEventFilter(self)  # Ctrl+Enter, which the editor would take
        self.save_state = plain_label(self)
        self.save_state.setObjectName("translateSaveState")
        self.save_state.setWordWrap(True)
        self.next_button = QPushButton(self)
        self.next_button.clicked.connect(self.nextWanted)
        self._lay_out()

    def _text_box(self, name: str, read_only: bool) -> tuple[QLabel, QPlainTextEdit]:
        label = QLabel(self)
        box = QPlainTextEdit(self)
        box.setObjectName(name)
        box.setReadOnly(read_only)
        box.setTabChangesFocus(True)
        label.setBuddy(box)
        return label, box

    def _lay_out(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for label, box, stretch in (
            (self.source_label, self.source_view, 2),
            (self.previous_label, self.previous_view, 1),
            (self.translation_label, self.editor, 3),
        ):
            layout.addWidget(label)
            layout.addWidget(box, stretch)
        row = QHBoxLayout()
        row.addWidget(self.save_state, 1)
        row.addWidget(self.next_button)
        layout.addLayout(row)

    def retranslate(self) -> None:
        """Every label in the active language (the piece's own text stays as written)."""
        self.next_button.setText(_("Save and &Next"))
        self.next_button.setToolTip(
            _("Save this translation and go to the next piece (Ctrl+Enter)")
        )
        self.source_view.setAccessibleName(_("Source text"))
        self.previous_view.setAccessibleName(_("Source text before it changed"))
        self.previous_label.setText(_("Before it changed (the translation was made from this):"))
        self.editor.setAccessibleName(_("Translation"))
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

    def name_languages(self, source: str, target: str) -> None:
        """Name the film's own language and the one being written above their texts."""
        # TRANSLATORS: {language} is the name of the film's own language, e.g. "English".
        self.source_label.setText(_("&Source ({language}):").format(language=source))
        # TRANSLATORS: {language} is the language being written, e.g. "Spanish".
        self.translation_label.setText(_("&Translation ({language}):").format(language=target))

    def show_piece(self, piece: Piece | None, writable: bool) -> None:
        """Show `piece` (None: nothing), its translation editable when `writable`."""
        self._showing = True
        self.source_view.setPlainText(piece.source if piece else "")
        previous = piece.previous_source if piece else None
        self.previous_view.setPlainText(previous or "")
        self.previous_label.setVisible(bool(previous))
        self.previous_view.setVisible(bool(previous))
        self.editor.setPlainText(piece.translation if piece else "")
        self.editor.setReadOnly(not writable or piece is None)
        self.next_button.setEnabled(piece is not None and writable)
        self._showing = False
        self.show_state(piece)

    def show_state(self, piece: Piece | None, problem: str = "") -> None:
        """Say where `piece` stands, or that saving it failed with `problem`."""
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

    def _changed(self) -> None:
        if not self._showing:
            self.typed.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if (
            watched is self.editor
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.nextWanted.emit()
            return True
        return super().eventFilter(watched, event)
