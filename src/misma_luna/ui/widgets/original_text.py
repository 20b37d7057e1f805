"""The "Show original text" dialog: the review file as it was on disk, before any repair.

Read-only and plain (never rendered), with a line that says how the file was read and what
was repaired, so the reader can judge the repair for themselves.
"""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from misma_luna.core.base.i18n import _
from misma_luna.core.base.text_decoding import repair_summary
from misma_luna.core.film.package import FilmPackage
from misma_luna.ui.services.appearance.screen import resize_to_fit
from misma_luna.ui.services.retranslating import Retranslating


class OriginalTextDialog(Retranslating, QDialog):
    """The current film's review file exactly as read, before mojibake repair."""

    def __init__(self, film: FilmPackage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("originalTextDialog")
        self._film = film
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("originalText")
        self.text.setReadOnly(True)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.text.setPlainText(film.review_source.original)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        resize_to_fit(self, 720, 560)
        self.retranslate()

    def retranslate(self) -> None:
        """Title and summary in the active language."""
        source = self._film.review_source
        self.setWindowTitle(_("Original text of {name}").format(name=self._path_name()))
        read_as = _("Read as {encoding}.").format(encoding=source.encoding.upper())
        repaired = repair_summary(source) or _("Nothing needed repair.")
        self.summary.setText(f"{read_as} {repaired}")
        self.text.setAccessibleName(_("Original text"))
        self.text.setAccessibleDescription(
            _("The review's file exactly as it was read, before any repair; read only.")
        )
        self.close_button.setToolTip(_("Close this window"))

    def _path_name(self) -> str:
        path = self._film.path
        return path.name if path.suffix else f"{path.name}/review.md"
