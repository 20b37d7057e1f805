"""Dialogs: About and error reports (the link question lives in link_dialog.py).

Error reports are calm and non-blocking; they say which file and what went wrong.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from misma_luna import APP_NAME, __version__
from misma_luna.core.base.errors import MismaLunaError
from misma_luna.core.base.i18n import _
from misma_luna.ui.services.retranslating import Retranslating
from misma_luna.ui.widgets.plain_text import MESSAGE_CHARS, make_plain_box, shortened


class AboutDialog(Retranslating, QDialog):
    """Version, license and credits, in the active language."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self._body = QLabel(self)
        self._body.setWordWrap(True)
        self._body.setTextFormat(Qt.TextFormat.RichText)
        self._body.setOpenExternalLinks(False)
        self._buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self._buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self._body)
        layout.addWidget(self._buttons)
        self.setMinimumWidth(420)
        self.retranslate()

    def retranslate(self) -> None:
        """Texts in the active language."""
        self.setWindowTitle(_("About {app}").format(app=APP_NAME))
        self._buttons.button(QDialogButtonBox.StandardButton.Close).setToolTip(
            _("Close this window")
        )
        paragraphs = [
            f"<h2>{escape(APP_NAME)}</h2>",
            escape(_("Version {version}").format(version=__version__)),
            escape(
                _(
                    "A bilingual reader for the films people care about: facts, review, "
                    "subtitles and your own notes, in Spanish and English."
                )
            ),
            escape(_("Released under the MIT License.")),
            escape(
                _(
                    "The review, its translation and the sample subtitles were written "
                    "for this app by the Misma Luna team; film facts are facts."
                )
            ),
            escape(
                _(
                    "Built with Qt and PySide6, Babel, polib, markdown-it-py, pysubs2, "
                    "charset-normalizer and ftfy."
                )
            ),
        ]
        self._body.setText(
            "".join(f"<p>{p}</p>" if not p.startswith("<h") else p for p in paragraphs)
        )


def report_problem(parent: QWidget, title: str, error: MismaLunaError | str) -> QMessageBox:
    """Tell the reader what went wrong, without blocking the window."""
    text = shortened(error.message if isinstance(error, MismaLunaError) else error, MESSAGE_CHARS)
    box = QMessageBox(QMessageBox.Icon.Warning, title, "", QMessageBox.StandardButton.Ok, parent)
    make_plain_box(box).setText(text)  # plain before the text: a file's name is never HTML
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setWindowModality(Qt.WindowModality.NonModal)
    box.show()
    return box


def open_folder(folder: Path) -> bool:
    """Open `folder` in the system's file manager; whether it could."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
